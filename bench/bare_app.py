"""The yardstick for bench/startup.py: a bare Textual app with a 500-row table."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Series", "Title", "Open follow-ups")
        for n in range(500):
            table.add_row(f"row-{n:03d}", "SVSM Development Call", f"Meeting Minutes {n}", "")


if __name__ == "__main__":
    Bare().run()
