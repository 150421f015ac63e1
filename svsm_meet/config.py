"""The user's settings: ~/.config/svsm-meet/config.toml (or $SVSM_MEET_CONFIG).

    minutes_dir = "~/src/governance/Meetings"   # where the app writes exported minutes
    name_pattern = "devel-call-{date}.md"       # their file names: {date} {series} {id}

    [keys]                                      # remap any binding by its id
    "meetings.new" = "ctrl+n"

    [caldav]                                    # for syncing from the app (password: keyring
    url = "https://dav.example.org/"            # or $SVSM_MEET_CALDAV_PASSWORD, never here)
    user = "me"
    calendar = "svsm-meet"
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
    config.caldav = {k: str(v) for k, v in caldav.items()}
    if config.caldav:
        from .calendar.caldav import check_url

        try:
            check_url(config.caldav["url"])
        except BadInput as e:
            raise BadInput(f"{path}: [caldav] url: {e}") from None
    return config
