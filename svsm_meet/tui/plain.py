"""User text shown as it is: never read as Textual or Rich markup ("[/]" in a heading must not
stop the app, "[@click=…]" in imported minutes must not become an action)."""

from __future__ import annotations

from rich.text import Text


def plain(value) -> Text:
    return value if isinstance(value, Text) else Text("" if value is None else str(value))


def row(*values) -> list[Text]:
    """A DataTable row: DataTable reads a str cell as markup, a Text cell as it is."""
    return [plain(v) for v in values]
