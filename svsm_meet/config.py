"""The user's settings: ~/.config/svsm-meet/config.toml (or $SVSM_MEET_CONFIG).

    minutes_dir = "~/src/governance/Meetings"   # where the app writes exported minutes
    name_pattern = "devel-call-{date}.md"       # their file names: {date} {series} {id}

    [keys]                                      # remap any binding by its id
    "meetings.new" = "ctrl+n"

    [caldav]                                    # for syncing from the app (password: keyring
    url = "https://dav.example.org/"            # or $SVSM_MEET_CALDAV_PASSWORD, never here)
    user = "me"
    calendar = "svsm-meet"
    deadline = 60                               # seconds a whole sync may take

    [publish]                                   # `svsm-meet publish`: the governance checkout
    repo = "~/src/governance"
    body = "Minutes taken live with svsm-meet."  # the commit body (default: one such sentence)
    path = "Meetings/devel-call-{date}.md"      # the file, relative to the repo: {date} {series} {id}
    index = "Meetings/README.md"                # the index that links each meeting

    [publish.series."Another Call"]             # path, index or body for one series only
    path = "Meetings/another-call-{date}.md"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput
from .files import DEFAULT_NAME_PATTERN

ENV_VAR = "SVSM_MEET_CONFIG"


def config_path() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_config_path

    return user_config_path("svsm-meet", appauthor=False) / "config.toml"


def default_minutes_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("svsm-meet", appauthor=False) / "minutes"


@dataclass
class Config:
    minutes_dir: Path = field(default_factory=default_minutes_dir)
    name_pattern: str = DEFAULT_NAME_PATTERN
    keys: dict[str, str] = field(default_factory=dict)
    caldav: dict[str, str] = field(default_factory=dict)  # url, user, calendar
    publish: dict = field(default_factory=dict)  # repo, body, path, index; series: {name: {...}}
    path: Path | None = None


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    config = Config(path=path)
    if not path.exists():
        return config
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BadInput(f"{path}: {e}") from None
    if "minutes_dir" in data:
        config.minutes_dir = Path(str(data["minutes_dir"])).expanduser()
    if "name_pattern" in data:
        config.name_pattern = str(data["name_pattern"])
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise BadInput(f"{path}: [keys] maps binding ids to keys, e.g. export = \"f5\"")
    config.keys = dict(keys)
    caldav = data.get("caldav", {})
    if not isinstance(caldav, dict) or (caldav and not {"url", "user"} <= set(caldav)):
        raise BadInput(f"{path}: [caldav] needs url and user (the password is never kept here)")
    if "password" in caldav:
        raise BadInput(f"{path}: [caldav] must not hold the password; use the system keyring")
    deadline = caldav.get("deadline", 60)
    if isinstance(deadline, bool) or not isinstance(deadline, (int, float)) or not 0 < deadline <= 86400:
        raise BadInput(f"{path}: [caldav] deadline is the seconds a sync may take, e.g. 60")
    config.caldav = {k: str(v) for k, v in caldav.items()}
    config.publish = _publish_settings(data.get("publish", {}), path)
    if config.caldav:
        from .calendar.caldav import check_url

        try:
            check_url(config.caldav["url"])
        except BadInput as e:
            raise BadInput(f"{path}: [caldav] url: {e}") from None
    return config


_PUBLISH_KEYS = {"repo", "body", "path", "index"}


def _publish_settings(table, path: Path) -> dict:
    """[publish] checked: known keys with string values, and [publish.series."NAME"] tables of
    path, index and body."""
    if not isinstance(table, dict):
        raise BadInput(f"{path}: [publish] is a table of settings")
    settings = dict(table)
    series = settings.pop("series", {})
    for key, value in settings.items():
        if key not in _PUBLISH_KEYS or not isinstance(value, str):
            raise BadInput(f"{path}: [publish] {key}: expected one of {sorted(_PUBLISH_KEYS)} as text")
    if not isinstance(series, dict) or not all(isinstance(v, dict) for v in series.values()):
        raise BadInput(f'{path}: [publish.series."NAME"] holds path, index or body for one series')
    for name, own in series.items():
        for key, value in own.items():
            if key not in _PUBLISH_KEYS - {"repo"} or not isinstance(value, str):
                raise BadInput(f'{path}: [publish.series."{name}"] {key}: '
                               "expected path, index or body as text")
    return {**settings, "series": series}
