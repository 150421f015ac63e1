"""The commit message, in the governance repo's convention.  Its CI (`scripts/check-signed-off.sh`)
rejects a commit whose message has no body or no `Signed-off-by:` trailer, so both are always made.
"""

from __future__ import annotations

import datetime as dt

from ..errors import BadInput
from ..formats.titles import long_date
from ..printable import printable

LIVE_BODY = ("These minutes were taken live during the call with svsm-meet and rendered "
             "from its records.")
IMPORTED_BODY = ("These minutes were imported into svsm-meet from the notes written during the "
                 "call and rendered from its records.")


def default_body(live: bool) -> str:
    """One sentence saying how the minutes were taken: the repo's CI wants a body, and a reader
    of the history should not be told an imported file was typed live."""
    return LIVE_BODY if live else IMPORTED_BODY


def add_subject(series: str, date: dt.date) -> str:
    """'Add meeting minutes for SVSM Development Call on October 2nd, 2024'."""
    return f"Add meeting minutes for {series} on {long_date(date)}"


def update_subject(path: str) -> str:
    """'Update Meetings/devel-call-2024-10-02.md', as the repo names a correction."""
    return f"Update {path}"


def sign_off(name: str, email: str) -> str:
    return f"Signed-off-by: {name} <{email}>"


def message(subject: str, body: str, signer: str) -> str:
    """Subject, blank line, body, blank line, trailer: what `git interpret-trailers` reads."""
    body = body.strip()
    if not body:
        raise BadInput("the commit message needs a body (the repo's CI refuses one without)")
    if "\n" in subject:
        raise BadInput("the commit subject must be one line")
    # `git log` prints a message raw: an escape in a series name (imported from a pull request)
    # or a body would reach every terminal that shows the history.
    for what, text, lines in (("subject", subject, False), ("body", body, True)):
        if printable(text, lines) != text:
            raise BadInput(f"the commit {what} would hold a control character: "
                           f"{printable(text, lines)[:120]}" + ("" if what == "body" else
                           " (move the meeting to a series named in plain text: "
                           "svsm-meet meetings edit MEETING --series NAME)"))
    return f"{subject}\n\n{body}\n\n{signer}\n"
