"""Reading minutes files: Markdown or JSON, with a clear word for anything that is neither."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import BadInput
from .model import Document


def read_text(path: Path) -> str:
    """The file as text, or BadInput saying in one line why it cannot be minutes."""
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if path.is_dir():
        raise BadInput(f"{path}: is a directory; give the minutes files in it")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise BadInput(f"{path}: cannot read it ({e.strerror})") from None
    if not data.strip():
        raise BadInput(f"{path}: the file is empty")
    if b"\x00" in data:
        raise BadInput(f"{path}: binary data, not Markdown or JSON minutes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadInput(
            f"{path}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it to UTF-8 first"
        ) from None


def is_json(path: Path, text: str) -> bool:
    return path.suffix.lower() == ".json" or text.lstrip("\ufeff \t\r\n").startswith("{")


def read_minutes(
    path: Path, *, date: dt.date | None = None, series: str | None = None
) -> tuple[Document, str]:
    """The meeting in PATH and the format it came in ("markdown" or "json")."""
    text = read_text(path)
    if is_json(path, text):
        from .formats.json_format import loads

        doc = loads(text.removeprefix("\ufeff"), str(path))
        if series:
            doc.series = series
        return doc, "json"
    from .formats.markdown_in import parse_markdown

    try:
        return parse_markdown(text, filename=str(path), date=date, series=series), "markdown"
    except BadInput as e:  # a message of the title's: which file's title
        if str(e).startswith(str(path)):
            raise
        raise BadInput(f"{path}: {e}") from None
