"""The minutes screen: the meeting as it will read in Markdown, and the entry line below it.

Each Enter commits one entry to the database before the line is cleared; there is no save.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from ...drafts import Drafts
from ...errors import Ambiguous, MeetingGone
from ...model import KINDS
from ...words import due_words
from ..plain import plain, shown
from ..widgets.attendees_panel import AttendeesPanel
from ..widgets.entry_line import EntryLine, NameSuggester
from ..widgets.fitting_footer import FittingFooter
from ..widgets.minutes_view import MinutesView, Target
from .publish import PublishFlow

_KIND_CYCLE = [k for k in KINDS if k not in ("raw", "link")]


class ItemsView(MinutesView):
    """The bullets, with the keys that edit them after the fact."""

    BINDINGS = [
        Binding("e,enter", "screen.edit", "Edit", id="view.edit"),
        # Any bullet in the text area, to give it more lines (one of several lines opens there).
        Binding("E", "screen.edit_lines", "Edit lines", id="view.edit_lines", show=False),
        Binding("d,delete", "screen.delete", "Delete", id="view.delete"),
        Binding("alt+up,ctrl+up", "screen.move(-1)", "Move up", id="view.move_up"),
        Binding("alt+down,ctrl+down", "screen.move(1)", "Move down", id="view.move_down"),
        Binding("tab,greater_than_sign", "screen.indent_item(1)", "Indent", id="view.indent"),
        Binding("shift+tab,less_than_sign", "screen.indent_item(-1)", "Outdent", id="view.outdent"),
        Binding("k", "screen.cycle_kind", "Kind", id="view.kind"),
        Binding("u", "screen.undo", "Undo", id="view.undo"),
        Binding("i,escape", "screen.type", "Type", id="view.type"),
    ]


class MinutesScreen(PublishFlow, Screen):
    BINDINGS = [
        Binding("f2", "export", "Export", id="minutes.export"),
        Binding("f3", "preview", "Preview", id="minutes.preview"),
        Binding("f4", "attendees", "Attendees", id="minutes.attendees"),
        # Not in the footer (it is full); shown there while the panel has focus (F4).
        Binding("ctrl+t", "hide_attendees", "Attendees panel on/off", id="minutes.hide_attendees",
                show=False),
        Binding("f5", "copy", "Copy", id="minutes.copy"),
        Binding("ctrl+z", "undo", "Undo", id="minutes.undo"),
        Binding("escape", "leave", "Meetings", id="minutes.back"),
    ]

    def __init__(self, service, meeting_id: int, focus: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.service = service
        self.meeting_id = meeting_id
        self.focus_at = Target(*focus) if focus else None
        self.editing: Target | None = None
        self.drafts = Drafts(service.url)
        self.draft_key: str | None = None  # known once the meeting is read (on_mount)
        self.gone = False  # the meeting was replaced or deleted by another program

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="main"):
                yield Static("", id="carried")
                yield ItemsView(id="view")
            yield AttendeesPanel(id="attendees")
        yield Static("", id="where")
        # Not selected on focus: a bullet loaded to be edited, or a half-typed line, is added to by
        # the next key, not replaced by it.
        yield EntryLine(self, placeholder="Type a note, or #topic, #agreed, #action … (F1: help)",
                        id="entry", select_on_focus=False)
        # Left out first where the keys do not fit (F1 lists every key): Tab / Shift+Tab are named
        # on the line above the entry, and undo is #undo too.
        yield FittingFooter(spare=(("depth(1)", "depth(-1)"),
                                   ("screen.indent_item(1)", "screen.indent_item(-1)"),
                                   "copy", "undo", "screen.undo", "preview",
                                   ("screen.move(-1)", "screen.move(1)"), "search",
                                   "screen.cycle_kind", "followups", "screen.hide_attendees"))

    def on_mount(self) -> None:
        try:
            self.session = self.service.open_session(self.meeting_id)
            self.roster = self.service.roster(self.meeting_id)
            self.draft_key = self.service.draft_key(self.meeting_id)
        except Exception as e:  # noqa: BLE001 - e.g. deleted meanwhile: say so, stay in the app
            self.fail(e)
            self.app.call_later(self.app.pop_screen)
            return
        entry = self.query_one(EntryLine)
        entry.suggester = NameSuggester(self.service.people_names())
        entry.value = self.drafts.load(self.draft_key)
        self.show_carried()
        self.refresh_minutes()
        view = self.query_one(ItemsView)
        if self.focus_at in view.targets:  # opened at a search hit or a decision
            view.highlighted = view.targets.index(self.focus_at)
            view.focus()
        else:
            if view.option_count:
                view.highlighted = view.option_count - 1  # where the typing goes
            entry.focus()
        self.watch_others()

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def watch_others(self) -> None:
        """Other note-takers' entries show within a second (see watch.py)."""
        from textual.worker import get_current_worker

        from ...watch import MeetingWatcher

        worker = get_current_worker()
        watcher = MeetingWatcher(self.service.engine, self.meeting_id)
        try:
            while not worker.is_cancelled:
                if watcher.wait(0.5) and not worker.is_cancelled and self.changed_elsewhere():
                    self.app.call_from_thread(self.others_changed)
        finally:
            watcher.close()

    def changed_elsewhere(self) -> bool:
        """The minutes, or a follow-up of theirs (its owner or due date set on F6, by the command
        line or by a calendar), changed since the view was drawn."""
        doc = self.session.doc
        shown_stamp = (len(doc.followups), sum(f.sequence for f in doc.followups))
        return (self.session.changed_elsewhere()
                or self.service.followup_stamp(self.meeting_id) != shown_stamp)

    def on_screen_resume(self) -> None:
        """Back from F6 or a dialog: what was changed there shows at once (the watcher would take
        up to half a second)."""
        if getattr(self, "session", None) is not None:
            self.others_changed()

    def others_changed(self) -> None:
        if self.gone:
            return
        try:
            if not self.changed_elsewhere():
                return
            self.session.reload()
        except MeetingGone as e:  # replaced elsewhere: said once; the typed line stays
            self.gone = True
            self.fail(e)
            return
        self.refresh_minutes()

    # -- showing -------------------------------------------------------------------------------

    def refresh_minutes(self, keep: Target | None = None) -> None:
        doc = self.session.doc
        self.title = shown(doc.title or doc.series, lines=False)
        self.sub_title = shown(f"{doc.series} · {doc.date}", lines=False)
        self.query_one(ItemsView).show(doc, keep)
        # Names as the people directory has them, as the roster does ("carlos lopez" is Carlos López).
        present = self.session.present
        self.query_one(AttendeesPanel).show(self.roster, present)
        self.show_where()

    def show_where(self) -> None:
        where = self.query_one("#where", Static)
        if self.editing:
            where.update(plain("Editing — Enter saves, Escape cancels"))
            return
        section = self.session.current_section()
        heading = section.text if section and section.kind == "topic" else "a new “Notes:” section"
        depth = self.session.depth
        where.update(plain(f"Next bullet → {heading}" + (f" · depth {depth}" if depth else "")
                           + "  (Tab / Shift+Tab)"))

    def show_carried(self) -> None:
        carried = self.service.carried_followups(self.meeting_id)
        panel = self.query_one("#carried", Static)
        panel.display = bool(carried)
        lines = [f"Open follow-ups from earlier meetings ({len(carried)}):"]
        for f in carried[:8]:
            lines.append(f"  ☐ {f['text']} — {f['owner'] or 'unassigned'}, {due_words(f['due'])}")
        if len(carried) > 8:
            lines.append(f"  … and {len(carried) - 8} more")
        panel.update(plain("\n".join(lines)))

    def fail(self, error: Exception) -> None:
        self.app.fail(error)

    # -- typing --------------------------------------------------------------------------------

    def commit_line(self, line: str) -> bool:
        """Enter in the entry line: commit it (True) or say what is wrong and keep it (False)."""
        try:
            if self.editing:
                self.save_edit(line)
                return False  # save_edit put the draft back in the line
            message = self.session.submit(line)
        except Ambiguous as e:  # "Stefano": which one?  The line stays; the choice completes it.
            self.fail(e)
            self.choose_person(line, e)
            return False
        except Exception as e:  # noqa: BLE001 - shown to the user; the typed line stays
            self.fail(e)
            return False
        if message:
            self.notify(message, timeout=3)
        if line.strip().lower().startswith(("#attendees", "#here")):
            self.roster = self.service.roster(self.meeting_id)
            self.query_one(EntryLine).suggester.names = self.service.people_names()
        self.refresh_minutes()
        view = self.query_one(ItemsView)
        if view.option_count:
            view.highlighted = view.option_count - 1
        return True

    def choose_person(self, line: str, error: Ambiguous) -> None:
        import re

        from .choose_person import ChoosePersonScreen

        def chosen(name: str | None) -> None:
            # The last whole-word "Stefano" of the line becomes "Stefano Garzarella", and the line goes in.
            spots = list(re.finditer(r"(?<!\w)" + re.escape(error.typed) + r"(?!\w)", line))
            if not name or not spots:
                return
            entry = self.query_one(EntryLine)
            entry.value = line[:spots[-1].start()] + name + line[spots[-1].end():]
            entry.action_submit()

        self.app.push_screen(ChoosePersonScreen(error.typed, error.candidates), chosen)

    def set_depth(self, step: int) -> None:
        self.session.indent(step)
        self.show_where()

    def line_changed(self, value: str) -> None:
        """Every keystroke: the half-typed line is kept, so a killed terminal loses nothing."""
        if not self.editing and self.is_mounted and self.draft_key:
            try:
                self.drafts.save(self.draft_key, value)
            except OSError as e:
                self.notify(f"could not keep the draft line: {e.strerror}", severity="warning")

    @on(EntryLine.Leave)
    def _leave_entry(self) -> None:
        self.query_one(ItemsView).focus_last()

    # -- editing after the fact ------------------------------------------------------------------

    def target(self) -> Target | None:
        return self.query_one(ItemsView).target()

    def action_type(self) -> None:
        self.query_one(EntryLine).focus()

    def action_edit(self) -> None:
        target = self.target()
        if target is None or target.kind == "attendees":
            self.notify("attendees: tick them in the panel (F4), or type #here NAME")
            return
        if target.kind == "section":
            section = next(s for s in self.session.doc.sections if s.id == target.id)
            value = section.text
        else:
            item = self.session.locate(target.id).item
            if "\n" in item.body:  # the entry line holds one line: all of them in a text area
                self.action_edit_lines()
                return
            value = item.body
        self.editing = target
        entry = self.query_one(EntryLine)
        entry.value = value
        # At the end, nothing selected: a key adds to the text.  Moved there from 0, because the
        # line scrolls to its cursor only when the cursor moves.
        entry.cursor_position = 0
        entry.cursor_position = len(value)
        entry.focus()
        self.show_where()

    def action_edit_lines(self, text: str | None = None) -> None:
        """The chosen bullet in a text area (Enter: a new line; Ctrl+S saves; Escape cancels);
        TEXT: what was typed there already (a save that was refused)."""
        from .edit_lines import EditLinesScreen

        target = self.target()
        if target is None or target.kind != "item":
            self.notify("choose a bullet first (↑ ↓)")
            return
        item = self.session.locate(target.id).item
        raw = item.kind == "raw"

        def saved(lines: str | None) -> None:
            if lines is None or lines == item.body:
                return
            try:
                self.session.edit_text(target.id, lines)
            except Exception as e:  # noqa: BLE001 - said, and the lines typed are offered again
                self.fail(e)
                self.action_edit_lines(lines)
                return
            self.refresh_minutes(target)

        title = "Edit the block (kept as written)" if raw else "Edit the bullet"
        self.app.push_screen(EditLinesScreen(title, item.body if text is None else text, raw), saved)

    def save_edit(self, value: str) -> None:
        target, self.editing = self.editing, None
        try:
            if target.kind == "section":
                self.session.rename_section(target.id, value)
            else:
                self.session.edit_text(target.id, value)
        except Exception:
            self.editing = target
            raise
        entry = self.query_one(EntryLine)
        entry.value = self.drafts.load(self.draft_key)
        self.refresh_minutes(target)
        self.query_one(ItemsView).focus()

    def _on_item(self, fn, *args, keep: bool = True) -> bool:
        """FN on the chosen bullet; False (with a message) where there is none or it failed."""
        target = self.target()
        if target is None or target.kind != "item":
            self.notify("choose a bullet first (↑ ↓)")
            return False
        try:
            fn(target.id, *args)
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return False
        self.refresh_minutes(target if keep else None)
        return True

    def action_delete(self) -> None:
        if self._on_item(self.session.delete, keep=False):
            self.notify("deleted; u or Ctrl+Z brings it back", timeout=3)

    def action_move(self, step: int) -> None:
        self._on_item(self.session.move, step)

    def action_indent_item(self, step: int) -> None:
        self._on_item(self.session.indent_item, step)

    def action_cycle_kind(self) -> None:
        target = self.target()
        if target is None or target.kind != "item":
            return
        item = self.session.locate(target.id).item
        if item.kind == "raw":
            self.notify("a raw block keeps no kind", severity="warning")
            return
        kind = _KIND_CYCLE[(_KIND_CYCLE.index(item.kind) + 1) % len(_KIND_CYCLE)] \
            if item.kind in _KIND_CYCLE else "note"
        if self._on_item(self.session.set_kind, kind):  # said by name: the colours alone are a guess
            after = _KIND_CYCLE[(_KIND_CYCLE.index(kind) + 1) % len(_KIND_CYCLE)]
            self.notify(f"kind: {kind} (k again: {after})", timeout=3)

    def action_undo(self) -> None:
        try:
            self.notify(self.session.undo(), timeout=3)
        except Exception as e:  # noqa: BLE001
            self.fail(e)
        self.refresh_minutes()

    @on(AttendeesPanel.Toggled)
    def _toggled(self, event: AttendeesPanel.Toggled) -> None:
        try:
            here = self.session.toggle_attendee(event.name)
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return
        said = f"; {self.session.remark}" if here and self.session.remark else ""
        self.notify(f"{event.name}: {'here' if here else 'not here'}{said}", timeout=3)
        self.refresh_minutes()

    # -- the rest ------------------------------------------------------------------------------

    def action_attendees(self) -> None:
        panel = self.query_one(AttendeesPanel)
        if panel.has_focus:
            self.query_one(EntryLine).focus()
        else:
            panel.display = True
            panel.focus()

    def action_hide_attendees(self) -> None:
        """Ctrl+T: the attendees panel out of the way (a narrow terminal) and back; F4 shows it."""
        panel = self.query_one(AttendeesPanel)
        panel.display = not panel.display
        if not panel.display and panel.has_focus:
            self.query_one(EntryLine).focus()

    def action_leave(self) -> None:
        if self.editing:
            self.editing = None
            self.query_one(EntryLine).value = self.drafts.load(self.draft_key)
            self.show_where()
            return
        self.app.action_meetings()

    def action_export(self) -> None:
        if self.service.can_publish():
            self.notify("checking the governance repo…", timeout=2)
            self.prepare_publish()
        else:
            self.write_file()

    def write_file(self) -> None:
        try:
            path = self.service.write_minutes(self.meeting_id)
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return
        self.notify(f"wrote {path}", title="Exported", timeout=8)

    def action_copy(self) -> None:
        try:
            self.app.copy_to_clipboard(self.service.markdown(self.meeting_id))
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return
        self.notify("the Markdown is on the clipboard", timeout=3)

    def action_preview(self) -> None:
        from .preview import PreviewScreen

        try:
            markdown = self.service.markdown(self.meeting_id)
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return
        self.app.push_screen(PreviewScreen(markdown))
