"""F2 where a governance checkout is configured: write the file as before, or publish — after
seeing the commit's message and diff, or why it cannot be made."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..plain import plain


class PublishScreen(ModalScreen[str | None]):
    """Returns "write", "publish" or None (cancelled)."""

    BINDINGS = [
        Binding("escape", "choose('')", "Cancel", id="publish.cancel"),
        Binding("w", "choose('write')", "Write the file", id="publish.write"),
        Binding("p", "choose('publish')", "Publish", id="publish.publish"),
    ]

    def __init__(self, preview: str, can_publish: bool) -> None:
        super().__init__()
        self.preview = preview
        self.can_publish = can_publish

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Export the minutes", classes="dialog-title")
            with VerticalScroll(id="publish-preview"):
                yield Static(plain(self.preview))
            with Horizontal(classes="buttons"):
                yield Button("Write the file (w)", id="write")
                yield Button("Publish to the repo (p)", id="publish", variant="primary",
                             disabled=not self.can_publish)
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose("" if event.button.id == "cancel" else event.button.id)

    def action_choose(self, choice: str) -> None:
        if choice == "publish" and not self.can_publish:
            return
        self.dismiss(choice or None)


class PublishFlow:
    """F2's publishing, for the minutes screen (a mixin: it needs .service, .meeting_id,
    .write_file() and .fail())."""

    # git runs in these workers: a push over the network must not hold up typing.
    @work(thread=True, exclusive=True, group="publish", exit_on_error=False)
    def prepare_publish(self) -> None:
        from ...publish.run import describe

        try:
            prepared = self.service.prepare_publish(self.meeting_id)
            preview = describe(prepared) or "nothing to commit"
        except Exception as e:  # noqa: BLE001 - shown in the dialog, which still offers the file
            prepared, preview = None, f"cannot publish: {e}"
        self.app.call_from_thread(self.offer_publish, prepared, preview)

    def offer_publish(self, prepared, preview: str) -> None:
        def chosen(choice: str | None) -> None:
            if choice == "write":
                self.write_file()
            elif choice == "publish":
                self.run_publish(prepared)

        can = prepared is not None and bool(prepared.todo)
        self.app.push_screen(PublishScreen(preview, can), chosen)

    @work(thread=True, exclusive=True, group="publish", exit_on_error=False)
    def run_publish(self, prepared) -> None:
        def progress(step: str) -> None:
            self.app.call_from_thread(self.notify, step, timeout=3)

        try:
            outcome = self.service.publish(prepared, progress)
        except Exception as e:  # noqa: BLE001 - the repo and the database are as they were
            self.app.call_from_thread(self.fail, e)
            return
        lines = [f"{commit[:12]} {change.subject}" for change, commit in outcome.done]
        if outcome.pull_request:
            lines.append(f"pull request: {outcome.pull_request}")
        self.app.call_from_thread(self.notify, "\n".join(lines) or "nothing to commit",
                                  title="Published", timeout=10)
