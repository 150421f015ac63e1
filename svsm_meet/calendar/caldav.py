"""A CalDAV calendar as a sync Remote: conditional PUTs (If-None-Match to create, If-Match with the
ETag to update), one PROPFIND to see what changed, nothing sent when nothing changed.

The caldav library finds the principal and its calendars and makes one where it is missing; the
object requests are plain WebDAV, so that every PUT is ours to count and to make conditional.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import quote, unquote, urljoin, urlsplit

from ..errors import BadInput, SvsmMeetError
from .deadline import Deadline
from .sync import Changed
from .vdir import file_name, uid_of

PASSWORD_ENV = "SVSM_MEET_CALDAV_PASSWORD"
KEYRING_SERVICE = "svsm-meet"
_PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


def check_url(url: str) -> None:
    """A URL with a user or password in it would be echoed in messages: refused, unprinted."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise BadInput("the CalDAV URL holds a user name or password: give the user with --user and "
                       f"the password in the keyring or ${PASSWORD_ENV}, not in the URL")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput("the CalDAV URL must be http:// or https:// and name a server")


def password_for(url: str, user: str) -> str:
    """From $SVSM_MEET_CALDAV_PASSWORD, else the system keyring; never from a file of ours."""
    check_url(url)
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    try:
        import keyring
        from keyring.errors import KeyringError

        found = keyring.get_password(KEYRING_SERVICE, f"{user}@{url}")
    except (ImportError, KeyringError, RuntimeError):
        found = None
    if not found:
        raise BadInput(
            f"no CalDAV password: set {PASSWORD_ENV}, or store it in the system keyring with "
            f"'keyring set {KEYRING_SERVICE} {user}@{url}'"
        )
    return found


def _failure(error: Exception, url: str) -> SvsmMeetError:
    """One line for what went wrong on the way to the server; the password is in none of them."""
    name = type(error).__name__
    text = str(error)
    # A status 401 or 403, not those digits inside a port ("port=34011") or an address.
    if "Authorization" in name or re.search(r"(?<![\w:=.])40[13](?![\w.])", text):
        return SvsmMeetError(f"CalDAV server {url} refused the user name or password")
    if "SSL" in name or "SSL" in text or "certificate" in text.lower():
        reason = re.search(r"\[SSL: [A-Z_]+\] ([^()'\]]+)", text) or re.search(r"(certificate[^()'\]]*)", text)
        why = reason[1].strip() if reason else "is the server really speaking https?"
        return SvsmMeetError(f"CalDAV server {url}: the TLS connection failed ({why})")
    if "Connection" in name or "Timeout" in name or "refused" in text.lower():
        # Whether anything was changed is the sync's to say: it counts what it saved.
        return SvsmMeetError(f"CalDAV server {url} cannot be reached (try again later)")
    return SvsmMeetError(f"CalDAV server {url}: {name}: {text.splitlines()[0][:160] if text else 'failed'}")


def _body(response) -> bytes:
    raw = response.raw
    return raw.encode("utf-8") if isinstance(raw, str) else (raw or b"")


DEADLINE = 60.0  # seconds for a whole sync, from the first request to the last


class CalDAV:
    def __init__(self, url: str, user: str, password: str, calendar: str = "svsm-meet",
                 deadline: float = DEADLINE):
        check_url(url)
        self.base = url
        self.counts: Counter = Counter()  # requests by method, for reports and benchmarks
        self.deadline = Deadline(deadline, f"CalDAV server {url}")
        try:
            from caldav import DAVClient

            self.client = DAVClient(url=url, username=user, password=password,
                                    timeout=min(30.0, deadline))
            found = self.deadline.run(self._find, calendar)
        except SvsmMeetError as e:
            raise SvsmMeetError(f"{e}; nothing was changed") from None
        except Exception as e:  # noqa: BLE001 - turned into one clear line
            raise SvsmMeetError(f"{_failure(e, url)}; nothing was changed") from None
        self.url = str(found.url).rstrip("/") + "/"
        self.target = f"caldav {self.url}"
        self.unreadable: dict[str, str] = {}  # a bad object shows when it is read (sync.read_todo)

    def _find(self, calendar: str):
        """The calendar by display name (or last path segment), made where missing."""
        principal = self.client.principal()
        for candidate in principal.calendars():
            if calendar in (candidate.get_display_name(), str(candidate.url).rstrip("/").rsplit("/", 1)[-1]):
                return candidate
        return principal.make_calendar(name=calendar, supported_calendar_component_set=["VTODO", "VEVENT"])

    def _request(self, method: str, url: str, body: bytes | str = "", headers=None):
        self.counts[method] += 1
        try:
            return self.deadline.run(self.client.request, url, method, body, headers or {})
        except SvsmMeetError:
            raise
        except Exception as e:  # noqa: BLE001
            raise _failure(e, self.base) from None

    def _absolute(self, href: str) -> str:
        return urljoin(self.url, quote(href, safe="/@-_.~"))

    def list(self) -> dict[str, tuple[str, str]]:
        response = self._request("PROPFIND", self.url, _PROPFIND,
                                 {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        if response.status not in (200, 207):
            raise SvsmMeetError(f"CalDAV server: listing {self.url} failed (HTTP {response.status})")
        found = {}
        tree = ET.fromstring(_body(response) or b"<x/>")
        for item in tree.iter("{DAV:}response"):
            href = item.findtext("{DAV:}href") or ""
            etag = item.findtext(".//{DAV:}getetag")
            path = unquote(urlsplit(href).path)  # servers differ in what they escape
            uid = uid_of(path.rsplit("/", 1)[-1])
            if uid and etag:
                found[uid] = (path, etag)
        return found

    def get(self, href: str) -> bytes:
        response = self._request("GET", self._absolute(href))
        if response.status != 200:
            raise SvsmMeetError(f"CalDAV server: reading {href} failed (HTTP {response.status})")
        return _body(response)

    def _etag_after(self, response, url: str) -> str:
        etag = response.headers.get("ETag")
        if etag:
            return etag
        again = self._request("PROPFIND", url, _PROPFIND, {"Depth": "0"})
        tree = ET.fromstring(_body(again) or b"<x/>")
        return tree.findtext(".//{DAV:}getetag") or ""

    def _put(self, url: str, body: bytes, condition: dict) -> str:
        headers = {"Content-Type": "text/calendar; charset=utf-8", **condition}
        response = self._request("PUT", url, body, headers)
        if response.status == 412:
            raise Changed(url)
        if response.status not in (200, 201, 204):
            raise SvsmMeetError(f"CalDAV server: writing {url} failed (HTTP {response.status})")
        return self._etag_after(response, url)

    def create(self, uid: str, body: bytes) -> tuple[str, str]:
        url = self.url + file_name(uid)
        return unquote(urlsplit(url).path), self._put(url, body, {"If-None-Match": "*"})

    def update(self, href: str, body: bytes, etag: str) -> str:
        return self._put(self._absolute(href), body, {"If-Match": etag})

    def delete(self, href: str, etag: str) -> None:
        response = self._request("DELETE", self._absolute(href), "", {"If-Match": etag})
        if response.status == 412:
            raise Changed(href)
        if response.status not in (200, 204, 404):
            raise SvsmMeetError(f"CalDAV server: deleting {href} failed (HTTP {response.status})")
