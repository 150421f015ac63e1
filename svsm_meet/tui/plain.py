"""User text shown as it is: never read as Textual or Rich markup ("[/]" in a heading must not
stop the app, "[@click=…]" in imported minutes must not become an action), and never reaching the
terminal as a control sequence (a title holding ESC ] 0 ; … BEL would retitle it): every piece of
record text the app draws comes through here."""

from __future__ import annotations

from rich.text import Text

from ..printable import printable


def shown(value, lines: bool = True) -> str:
    """VALUE as a string safe to draw; with LINES false, newline and tab escaped too (a title)."""
    return printable("" if value is None else str(value), lines)


def plain(value, style: str = "") -> Text:
    if isinstance(value, Text):  # built here already, from shown() pieces
        return value
    return Text(shown(value), style=style)


def row(*values) -> list[Text]:
    """A DataTable row: DataTable reads a str cell as markup, a Text cell as it is."""
    return [plain(v) for v in values]
