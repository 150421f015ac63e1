"""The user's settings: ~/.config/svsm-meet/config.toml (or $SVSM_MEET_CONFIG).

    minutes_dir = "~/src/governance/Meetings"   # where the app writes exported minutes
    name_pattern = "devel-call-{date}.md"       # their file names: {date} {series} {id}

    [keys]                                      # remap any binding by its id
    new_meeting = "ctrl+n"
    export = "f5"
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
    return config
