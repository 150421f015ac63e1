"""Live minutes of one meeting: typed entries and edits, each committed at once.

The terminal app holds one MinutesSession per open meeting and calls it; nothing here knows of
Textual.  Every call is one transaction; when it returns, the change is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entry import Entry, parse_entry
from .errors import BadInput, MeetingGone
from .formats import attendees as attendee_format
from .formats.house_style import HouseStyle
from .model import Document, Item, Section
from .store import editing
from .store.attendance import is_listed
from .store.documents import followups_of_item, load_documents
from .store.engine import transaction
from .store.followups import create_followup
from .store.meetings import meeting_basics
from .store.people import name_matcher, person_for
from .store.series import next_meeting_date
from .store.series_style import series_style
from .suggest import action_owner, suggest_item
from .words import due_words

_KIND_OF_COMMAND = {"note": "note", "agreed": "decision", "action": "action", "info": "info",
                    "idea": "idea", "link": "link", "rejected": "decision", "question": "question"}
# A rejected proposal is a decision too; its label says which way it went.
_LABEL_OF_COMMAND = {"rejected": "Rejected: "}


@dataclass
class Located:
    """Where an item sits: for moves and indents."""

    item: Item
    section: Section | None
    parent: Item | None
    siblings: list[Item]
    index: int


class MinutesSession:
    def __init__(self, engine, meeting_id: int, author: str | None = None):
        from .store.engine import default_author

        self.engine = engine
        self.meeting_id = meeting_id
        self.author = author or default_author()  # whose entries #undo takes back
        self.depth = 0  # how deep the next bullet goes (Tab / Shift+Tab)
        self.remark = ""  # what adding attendees said besides who is here: new people, owners found
        self.doc: Document
        self.version = 0
        self.series_id: int | None = None
        self.style = HouseStyle()
        self._placed: tuple[Item, list[Item]] | None = None  # the bullet _bullet added, and where
        self.reload()

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        with transaction(self.engine, write=False) as conn:
            docs = load_documents(conn, [self.meeting_id])
            if not docs:  # replaced or deleted by another program: said in words
                raise MeetingGone(self.meeting_id)
            (self.doc,) = docs
            self.version = editing.last_change_id(conn, self.meeting_id)
            self.people = name_matcher(conn, self.meeting_id)
            series_id = meeting_basics(conn, self.meeting_id).series_id
            if series_id != self.series_id:  # read once: learning it loads the series' minutes
                self.series_id = series_id
                self.style, _ = series_style(conn, series_id)
            self.next_meeting = next_meeting_date(conn, self.series_id, self.doc.date)
        self.depth = min(self.depth, len(self._chain()))

    def _forget_people(self) -> None:
        """After a failed entry: the people it made were rolled back, so the matcher is read again."""
        with transaction(self.engine, write=False) as conn:
            self.people = name_matcher(conn, self.meeting_id)

    def changed_elsewhere(self) -> bool:
        """True when the meeting changed since this session last looked (another note-taker)."""
        with transaction(self.engine, write=False) as conn:
            return editing.last_change_id(conn, self.meeting_id) != self.version

    @property
    def present(self) -> list[str]:
        """Those at the meeting, by their names in the people directory."""
        return [p.name for p in self.people.attendees]

    def current_section(self) -> Section | None:
        return self.doc.sections[-1] if self.doc.sections else None

    def _chain(self) -> list[Item]:
        """The last bullet of the current topic, its last child, and so on down."""
        section = self.current_section()
        chain: list[Item] = []
        items = section.items if section and section.kind == "topic" else []
        while items:
            chain.append(items[-1])
            items = items[-1].children if items[-1].kind != "raw" else []
        return chain

    # -- typing ------------------------------------------------------------------------------

    def indent(self, step: int) -> int:
        self.depth = max(0, min(self.depth + step, len(self._chain())))
        return self.depth

    def submit(self, line: str) -> str:
        """Apply one typed line; returns a short message.  BadInput: nothing was changed."""
        message, placed = self._commit(line)
        if not placed:
            self.reload()
        return message

    def commit(self, line: str) -> str:
        """The entry, on disk when this returns (the view is brought up to date by reload)."""
        return self._commit(line)[0]

    def _commit(self, line: str) -> tuple[str, bool]:
        """(message, whether the meeting in memory is up to date already).  A bullet typed under a
        topic shown here, with nobody else writing meanwhile, is put into the meeting in memory
        (its row and follow-ups read back), so an entry costs the same in a meeting of 1,000
        bullets as in one of 10; anything else is read back whole by reload."""
        entry = parse_entry(line, self.doc.date, self.next_meeting, self.doc.timezone)
        self._placed = None
        try:
            with transaction(self.engine, author=self.author) as conn:
                editing.lock_meeting(conn, self.meeting_id)
                stale = editing.last_change_id(conn, self.meeting_id) != self.version
                if stale:
                    # Someone else wrote meanwhile: place the entry in the meeting as it is now.
                    (self.doc,) = load_documents(conn, [self.meeting_id])
                    self.people = name_matcher(conn, self.meeting_id)
                    self.depth = min(self.depth, len(self._chain()))
                message = self._apply(conn, entry)
                placed = None
                if self._placed is not None and not stale:
                    item, siblings = self._placed
                    placed = (item, siblings, followups_of_item(conn, item),
                              editing.last_change_id(conn, self.meeting_id),
                              name_matcher(conn, self.meeting_id) if entry.owner else self.people)
        except Exception:
            self._forget_people()
            raise
        if entry.command in ("section", "topic"):
            self.depth = 0
        if placed is None:
            return message, False
        item, siblings, followups, self.version, self.people = placed  # committed: now it is so
        siblings.append(item)
        self.doc.followups.extend(followups)
        return message, True

    def _apply(self, conn, entry: Entry) -> str:
        if entry.command == "undo":
            what = editing.undo_last(conn, self.meeting_id)
            return f"undone: {what}" if what else "nothing to undo"
        if entry.command == "say":  # a MeetBot command with nothing to do here: what to type instead
            return entry.text
        if entry.command == "end":
            return "meeting ended: every entry was saved as it was typed; nothing is left to save"
        if entry.command == "title":
            return self._title(conn, entry.text)
        if entry.command in ("attendees", "here"):
            return self._attendees(conn, entry.names)
        if entry.command == "section":
            editing.add_section(conn, self.meeting_id, "topic", 2, entry.text)
            return f"section: {entry.text}"
        if entry.command == "topic":  # as the series writes its topics: "### Foo:" or "### Foo"
            text = self.style.topic(entry.text)
            editing.add_section(conn, self.meeting_id, "topic", self.style.topic_level, text)
            return f"topic: {text}"
        return self._bullet(conn, entry)

    def _title(self, conn, topic: str) -> str:
        """#startmeeting TOPIC: the meeting's title line, unless TOPIC is what it says already
        ("#startmeeting SVSM Development Call" keeps the house title with its date)."""
        title = self.doc.title
        if not topic or topic.casefold() in (title or self.doc.series).casefold():
            return f"meeting started: {title or self.doc.series}; type away, each entry is saved at once"
        heading = next((s for s in self.doc.sections if s.kind == "title"), None)
        if heading is not None:
            editing.rename_section(conn, heading.id, topic)
        else:
            editing.add_section(conn, self.meeting_id, "title", 1, topic, position=0)
        return f"meeting started; its title: {topic}"

    def _attendees(self, conn, names: list[str]) -> str:
        parsed = []
        for name in names:
            attendee = attendee_format.parse_name(name)
            if attendee is None:
                raise BadInput(f"'{name}' does not look like a name")
            parsed.append(attendee)
        if not any(s.kind == "attendees" for s in self.doc.sections):
            has_title = bool(self.doc.sections) and self.doc.sections[0].kind == "title"
            editing.add_section(conn, self.meeting_id, "attendees", 2, "Attendees:",
                                position=1 if has_title else 0)
        found = editing.add_attendees(conn, self.meeting_id, parsed, self.people)
        parts = []
        if found.added:
            parts.append("here: " + ", ".join(found.added))
        if found.already:
            parts.append("already here: " + ", ".join(found.already))
        self.remark = "; ".join([f"new person: {name}" for name in found.new]
                                + [f"{name} now owns: {text}" for text, name in found.owned])
        return "; ".join(parts + [self.remark] if self.remark else parts)

    def _bullet(self, conn, entry: Entry) -> str:
        kind = _KIND_OF_COMMAND[entry.command]
        text = entry.text
        if entry.command == "link":
            text = f"[{entry.text}]({entry.url})" if entry.text else entry.url
        label = _LABEL_OF_COMMAND.get(entry.command) or self.style.label(kind)
        item = Item(text=text, kind=kind, label=label)
        section = self.current_section()
        if section is None or section.kind != "topic":
            section_id = editing.add_section(conn, self.meeting_id, "topic", 2, "Notes:")
            chain = []
        else:
            section_id = section.id
            chain = self._chain()
        depth = min(self.depth, len(chain))
        parent = chain[depth - 1] if depth else None
        item_id = editing.insert_item(
            conn, self.meeting_id, section_id, parent.id if parent else None, item, log=False
        )
        if section is not None and section_id == section.id:  # under a topic already in memory
            self._placed = (item, parent.children if parent else section.items)
        undo = {"op": "delete_item", "id": item_id}
        said_kind = "rejected" if entry.command == "rejected" else kind
        message = f"{said_kind}: {text}" if kind != "note" else ""
        if kind == "action":
            owner, said = self._owner(conn, entry)
            undo["followup"] = create_followup(conn, self.meeting_id, item_id, entry.text, None,
                                               entry.due, owner_id=owner.id if owner else None)
            due = entry.due and (entry.due.date or entry.due.at or f"unknown ({entry.due.unknown_reason})")
            due = due_words(due)
            message = f"follow-up for {owner.name if owner else 'nobody yet'}, {due}" + said
        else:  # "Stefano will investigate further": offered as a follow-up, to accept or not
            found = suggest_item(item, self.people, self.next_meeting)
            undo["followups"] = [
                create_followup(conn, self.meeting_id, item_id, s.text, None, s.due, status="suggested",
                                owner_id=s.owner.id if s.owner else None)
                for s in found
            ]
            if found:
                message = "suggested follow-up: " + "; ".join(s.text for s in found)
        editing.log_change(conn, self.meeting_id, "add item", undo)
        return message

    def _owner(self, conn, entry: Entry):
        """(the owner, a remark): @Owner as the matcher has it (a new person if nobody matches;
        ambiguous: refused), else the person the text names, if one person fits."""
        if entry.owner:
            named = person_for(conn, entry.owner, self.people)
            return named, f" (new person: {named.name})" if named.new else ""
        owner = action_owner(entry.text, self.people)
        if owner is None:
            unsure = next((m for _, m in self.people.mentions(entry.text) if m.ambiguous), None)
            if unsure:
                return None, f" ({unsure.refusal()}, or tick who is here)"
        return owner, ""

    # -- editing after the fact ----------------------------------------------------------------

    def locate(self, item_id: int) -> Located:
        def search(items, section, parent):
            for index, item in enumerate(items):
                if item.id == item_id:
                    return Located(item, section, parent, items, index)
                found = search(item.children, section, item)
                if found:
                    return found
            return None

        found = search(self.doc.preamble, None, None)
        for section in self.doc.sections:
            found = found or search(section.items, section, None)
        if not found:
            raise BadInput("that bullet is gone (someone else may have deleted it)")
        return found

    def _write(self, fn, *args, **kw) -> None:
        with transaction(self.engine, author=self.author) as conn:
            editing.lock_meeting(conn, self.meeting_id)
            fn(conn, *args, **kw)
        self.reload()

    def edit_text(self, item_id: int, body: str) -> None:
        from .formats.decision_table import kept_a_row
        from .formats.labels import kind_of_text, split_label

        where = self.locate(item_id)
        # A raw block (code, a table) keeps the indentation its first line starts with.
        body = body.strip("\n").rstrip() if where.item.kind == "raw" else body.strip()
        if not body.strip():
            raise BadInput("a bullet needs text; delete it instead")
        body = kept_a_row(where.item.text, body) if where.item.kind != "raw" else body
        label, kind, text = split_label(body)
        if where.item.kind == "raw":
            values = {"text": body}
        elif label:
            values = {"label": label, "text": text, "kind": kind}
        elif where.item.label:  # the label was taken out: the kind it gave goes with it
            values = {"label": None, "text": text, "kind": kind_of_text(text)}
        else:
            values = {"text": text}
        self._write(editing.update_item, item_id, expected_version=where.item.version, **values)

    def set_kind(self, item_id: int, kind: str) -> None:
        from .formats.decision_table import is_row

        where = self.locate(item_id)
        # a table's row takes no label: "Decision: | Ship | Ready |" would break the table
        label = None if is_row(where.item.text) else self.style.label(kind)
        self._write(editing.update_item, item_id, expected_version=where.item.version, kind=kind, label=label)

    def delete(self, item_id: int) -> None:
        where = self.locate(item_id)
        self._write(editing.delete_item, item_id, expected_version=where.item.version)

    def move(self, item_id: int, step: int) -> None:
        """Up (-1) or down (+1) among its siblings."""
        where = self.locate(item_id)
        index = where.index + step
        if not 0 <= index < len(where.siblings):
            raise BadInput("it is " + ("first" if step < 0 else "last") + " already")
        self._write(editing.move_item, item_id, where.section.id if where.section else None,
                    where.parent.id if where.parent else None, index,
                    expected_version=where.item.version)

    def indent_item(self, item_id: int, step: int) -> None:
        """Make a bullet the last child of the one above it (+1), or its parent's next sibling (-1)."""
        where = self.locate(item_id)
        section_id = where.section.id if where.section else None
        if step > 0:
            if where.index == 0:
                raise BadInput("the first bullet of a list cannot go deeper")
            new_parent = where.siblings[where.index - 1]
            if new_parent.kind == "raw":
                raise BadInput("a raw block cannot hold bullets")
            self._write(editing.move_item, item_id, section_id, new_parent.id, len(new_parent.children),
                        expected_version=where.item.version)
        else:
            if where.parent is None:
                raise BadInput("it is at the top level already")
            grand = self.locate(where.parent.id)
            self._write(editing.move_item, item_id, section_id,
                        grand.parent.id if grand.parent else None, grand.index + 1,
                        expected_version=where.item.version)

    def rename_section(self, section_id: int, text: str) -> None:
        if not text.strip():
            raise BadInput("a heading needs text")
        self._write(editing.rename_section, section_id, text.strip())

    def toggle_attendee(self, name: str) -> bool:
        """Mark NAME present (added) or not (removed); returns whether they are present now."""
        self.remark = ""
        try:
            with transaction(self.engine, author=self.author) as conn:
                editing.lock_meeting(conn, self.meeting_id)
                self.people = name_matcher(conn, self.meeting_id)
                found = self.people.match(name).person
                here = found is not None and is_listed(conn, self.meeting_id, found.id)
                if here:
                    editing.remove_attendee(conn, self.meeting_id, found.id)
                else:
                    self._attendees(conn, [name])
        except Exception:
            self._forget_people()
            raise
        self.reload()
        return not here

    def undo(self) -> str:
        with transaction(self.engine, author=self.author) as conn:
            what = editing.undo_last(conn, self.meeting_id)  # locks the meeting
        self.reload()
        return f"undone: {what}" if what else "nothing to undo"
