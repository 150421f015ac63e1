"""The bullets of the minutes view as a note-taker meets them (issue 11): who follows each up and
by when, wrapped lines that hang under their text, Enter that edits without selecting, bullets of
several lines edited in a text area; and the meetings screen's keys in sight at 110 and 80
columns."""

from __future__ import annotations

import time

import pytest
from conftest import demo_app as demo
from conftest import run_app as run
from conftest import type_line
from terminal import SCRIPT, Terminal, needs_tmux, terminal_env
from textual.content import Content
from textual.widgets import TextArea
from textual.widgets._footer import FooterKey

from svsm_meet.tui.app import SvsmMeetApp
from svsm_meet.tui.screens.edit_lines import EditLinesScreen
from svsm_meet.tui.screens.minutes import ItemsView
from svsm_meet.tui.widgets.entry_line import EntryLine
from svsm_meet.tui.widgets.hanging import Hanging
from svsm_meet.tui.widgets.minutes_view import Target

SEVERAL_LINES = """\
# Meeting Minutes: SVSM Development Call (May 22nd, 2024)

## Attendees:

Joerg Roedel, Stefano Garzarella

## Topics:

### Releases:

* First line of a long bullet that was written over
  several lines in the source file, as people do
  when they wrap their Markdown by hand.
  * A child bullet
* One line

| Release | Date |
| --- | --- |
| 0.1 | June |
"""


def markdown(service) -> str:
    return service.markdown(service.find("latest").id)


def bullet(app, words: str) -> str:
    """What the view shows for the bullet whose text holds WORDS."""
    view = app.screen.query_one(ItemsView)
    shown = [str(view.get_option_at_index(n).prompt) for n in range(view.option_count)]
    (found,) = [s for s in shown if words in s]
    return found


def choose(app, words: str) -> None:
    """Put the view's cursor on the bullet whose text holds WORDS, and focus it."""
    view = app.screen.query_one(ItemsView)
    item = next(i for i in app.screen.session.doc.items() if words in i.text)
    view.highlighted = view.targets.index(Target("item", item.id))
    view.focus()


# -- 1. an action's owner and due date, on screen only ---------------------------------------------


def test_a_bullet_shows_who_follows_it_up_and_by_when_and_follows_changes(service):
    app = demo(service)

    async def scenario(pilot):
        await type_line(pilot, "#topic Follow-ups")
        await type_line(pilot, "#action Stefano will investigate the crash due:2024-05-29")
        await type_line(pilot, "#action Somebody should look at the CI")
        await type_line(pilot, "#action Zoe will send the slides")
        assert bullet(app, "investigate the crash").endswith("→ Stefano Garzarella · due May 29")
        assert bullet(app, "look at the CI").endswith("→ nobody yet")
        assert bullet(app, "send the slides").endswith("→ nobody yet")
        before = markdown(service)
        assert "→" not in before  # the export has no such words

        # F6: an owner and a due date set there show on the bullet on the way back.
        await pilot.press("f6")
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        row = next(n for n in range(table.row_count) if "look at the CI" in str(table.get_row_at(n)))
        table.move_cursor(row=row)
        for key, answer in (("w", "Joerg"), ("d", "2025-01-10")):
            await pilot.press(key)
            await pilot.pause()
            app.screen.query_one("#answer").value = answer
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert bullet(app, "look at the CI").endswith("→ Joerg Roedel · due Jan 10 2025")

        # #here: the action that named Zoe is hers now that she is here.
        await type_line(pilot, "#here Zoe Quinn")
        assert bullet(app, "send the slides").endswith("→ Zoe Quinn")
        assert "→" not in markdown(service)

    run(app, scenario)


def test_a_change_made_by_another_program_shows_on_the_bullet(service):
    app = demo(service)

    async def scenario(pilot):
        from conftest import wait_for

        await type_line(pilot, "#action Somebody should look at the CI")
        (f,) = [f for f in service.followups() if "look at the CI" in f["text"]]
        service.edit_followup(f["id"], owner="Joerg Roedel")  # as `followups edit` would
        await wait_for(lambda: bullet(app, "look at the CI").endswith("→ Joerg Roedel"))

    run(app, scenario)


# -- 2. wrapped lines hang under their text --------------------------------------------------------


def test_wrapped_lines_hang_under_the_text_not_the_marker():
    lines = [(Content("  * "), Content("a nested bullet whose words run on well past the width"))]
    hanging = Hanging(lines, tail=Content("  → Joerg Roedel · due Jun 5"))
    drawn = hanging._wrapped(30)[1].plain.split("\n")
    assert drawn[0] == "  * a nested bullet whose"
    assert all(line.startswith("    ") and line[4] != " " for line in drawn[1:])
    assert drawn[-1] == "    → Joerg Roedel · due Jun 5"  # the note kept in one piece
    assert hanging.get_height({}, 30) == len(drawn)
    # Too narrow to hang: wrapped from the first column rather than a word per line.
    assert Hanging(lines)._wrapped(14)[1].plain.split("\n")[1][0] != " "


def test_a_long_nested_bullet_wraps_under_its_text_in_the_view(service):
    app = demo(service)
    text = "a nested bullet long enough to wrap twice at this width " * 2

    async def scenario(pilot):
        await type_line(pilot, "#topic Wrapping")
        await type_line(pilot, "parent")
        await pilot.press("tab")
        await type_line(pilot, text.strip())
        view = app.screen.query_one(ItemsView)
        width = view.scrollable_content_region.width
        option = view.get_option_at_index(view.option_count - 1)
        drawn = option.prompt._wrapped(width)[1].plain.split("\n")
        assert len(drawn) > 2 and drawn[0].startswith("  * a nested")
        assert all(line.startswith("    ") and line[4] != " " for line in drawn[1:])

    run(app, scenario, size=(80, 30))


# -- 3. Enter loads the bullet's text unselected -----------------------------------------------------


def test_enter_on_a_bullet_loads_its_text_unselected_with_the_cursor_at_the_end(service):
    app = demo(service)

    async def scenario(pilot):
        await type_line(pilot, "#topic Edits")
        await type_line(pilot, "the first bullet")
        await pilot.press("up", "enter")
        await pilot.pause()
        entry = app.screen.query_one(EntryLine)
        assert entry.has_focus and entry.value == "the first bullet"
        assert entry.selection.is_empty and entry.cursor_position == len(entry.value)
        await pilot.press(*" (revised)", "enter")
        await pilot.pause()
        # A bullet longer than the line: shown at its end, where the cursor is.
        await pilot.press("i")
        await type_line(pilot, "a long bullet " * 12 + "that ends here")
        await pilot.press("up", "enter")
        await pilot.pause()
        assert entry.selection.is_empty and entry.cursor_position == len(entry.value)
        assert entry.scroll_x > 0
        await pilot.press("escape")

    run(app, scenario)
    assert "### Edits\n\n* the first bullet (revised)\n" in markdown(service)


# -- 4. a bullet of several lines, in a text area -------------------------------------------------


def test_a_bullet_of_several_lines_is_edited_in_a_text_area(service, tmp_path, cli):
    path = tmp_path / "devel-call-2024-05-22.md"
    path.write_text(SEVERAL_LINES)
    cli("import", path, "--series", "SVSM Development Call")
    before = markdown(service)
    app = SvsmMeetApp(service, open_meeting=service.find("latest").id)

    async def scenario(pilot):
        choose(app, "First line")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditLinesScreen)
        area = app.screen.query_one(TextArea)
        assert area.has_focus and area.text.count("\n") == 2
        assert area.cursor_location == area.document.end  # where one goes on writing
        shown = {b.key for b in app.screen.BINDINGS if b.show}
        assert {"ctrl+s", "escape"} <= shown  # in the footer
        await pilot.press("enter", "enter", *"A fourth line.")  # a blank line is dropped on save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EditLinesScreen)
        assert bullet(app, "First line").endswith("by hand.\n  A fourth line.")
        assert app.screen.query_one(ItemsView).has_focus

        # Escape leaves the bullet as it was.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"junk", "escape")
        await pilot.pause()
        assert "junk" not in markdown(service)

        # A raw block (a table) opens there too, kept as typed.
        choose(app, "| Release")
        await pilot.press("enter")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.text = area.text.replace("June", "July")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "| 0.1 | July |" in markdown(service)
        await pilot.press("u")  # undone as other edits are
        await pilot.pause()
        assert "| 0.1 | June |" in markdown(service)

        # E: a bullet of one line gets more.
        choose(app, "One line")
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("enter", *"and a second")
        await pilot.press("ctrl+s")
        await pilot.pause()

    run(app, scenario)
    after = markdown(service)
    assert after == before.replace(
        "when they wrap their Markdown by hand.\n",
        "when they wrap their Markdown by hand.\n  A fourth line.\n",
    ).replace("* One line\n", "* One line\n  and a second\n")

    # Read back, the bullets keep their lines: the export round-trips.
    path.write_text(after)
    cli("import", path, "--series", "SVSM Development Call", "--replace")
    assert markdown(service) == after


# -- 5. the meetings screen's keys at 110 and 80 columns ----------------------------------------------


@pytest.mark.parametrize("size", [(110, 30), (80, 24)])
def test_the_meetings_footer_shows_every_key_that_matters(service, size):
    service.import_demo()
    app = SvsmMeetApp(service)

    async def scenario(pilot):
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        width = size[0]
        palette = [k for k in keys if k.has_class("-command-palette")]
        end = palette[0].region.x if palette else width
        shown = {k.description for k in keys if not k.has_class("-command-palette")}
        assert {"New meeting", "Edit", "Delete", "Demo", "Help", "Follow-ups", "Search",
                "Quit"} <= shown
        for key in keys:
            if not key.has_class("-command-palette"):
                assert key.region.right <= end, f"{key.description} is cut off at {width} columns"
        if width >= 100:
            assert palette  # where there is room, the palette's key too

    run(app, scenario, size=size)


def _footer_keys_in_sight(app, width: int) -> set[str]:
    keys = list(app.screen.query(FooterKey))
    palette = [k for k in keys if k.has_class("-command-palette")]
    end = palette[0].region.x if palette else width
    for key in keys:
        if not key.has_class("-command-palette"):
            assert key.region.right <= end, f"{key.description} is cut off at {width} columns"
    return {k.description for k in keys if not k.has_class("-command-palette")}


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)])
def test_the_minutes_footer_keeps_help_quit_and_the_way_back_in_sight(service, size):
    """Typing, editing bullets and ticking attendees: where the keys do not fit, the secondary
    ones leave (F1 lists them), never Help, Quit, Export or the way back."""
    service.import_demo()
    app = SvsmMeetApp(service, open_meeting=service.find("latest").id)

    async def scenario(pilot):
        await pilot.pause()
        typing = _footer_keys_in_sight(app, size[0])
        assert {"Help", "Quit", "Export", "Attendees", "Meetings"} <= typing
        await pilot.press("up")
        await pilot.pause()
        bullets = _footer_keys_in_sight(app, size[0])
        assert {"Help", "Quit", "Edit", "Delete", "Type"} <= bullets
        await pilot.press("f4")
        await pilot.pause()
        panel = _footer_keys_in_sight(app, size[0])
        assert {"Help", "Quit", "Here / not here", "Meetings"} <= panel
        if size[0] >= 140:  # where there is room, nothing leaves
            assert {"Copy", "Preview", "Undo", "Search", "Follow-ups"} <= typing
            assert {"Hide panel", "Follow-ups"} <= panel

    run(app, scenario, size=size)


# -- the keyboard paths in a real terminal -------------------------------------------------------------


@needs_tmux
def test_editing_bullets_in_a_real_terminal(tmp_path):
    import subprocess

    term = Terminal(tmp_path, terminal_env(tmp_path / "home", tmp_path / "svsm.db"), size=(80, 30))
    path = tmp_path / "devel-call-2024-05-22.md"
    path.write_text(SEVERAL_LINES)
    subprocess.run([str(SCRIPT), "import", str(path), "--series", "SVSM Development Call"],
                   env=term.env, check=True, capture_output=True)
    try:
        term.start(str(SCRIPT), "open", "latest")
        term.wait_for("Type a note")
        term.type("#action Stefano will review the IGVM loader patches for the release due:2024-06-05")
        term.keys("Enter")
        screen = term.wait_for("→ Stefano Garzarella · due Jun 5")
        # Wrapped, the action's text and its note hang under the text.
        lines = screen.splitlines()
        at = next(n for n, line in enumerate(lines) if "Stefano will review" in line)
        assert lines[at + 1].startswith("   ") and lines[at + 1][3] != " "
        # Enter on it: its text in the entry line, a key typed goes at the end.
        term.keys("Up")
        time.sleep(0.5)  # the view takes the focus after the key (a message): as a person waits
        term.keys("Enter")
        term.wait_for("Editing — Enter saves")
        term.type(" today")
        term.keys("Enter")
        term.wait_for("Next bullet")
        # The bullet of three lines: Enter opens the text area, Ctrl+S saves.
        term.keys("Up")
        time.sleep(0.5)
        term.keys("Up", "Up", "Up")
        time.sleep(0.5)
        term.keys("Enter")
        term.wait_for("Ctrl+S: save")
        term.keys("Enter")
        term.type("A fourth line.")
        term.keys("C-s")  # at once: saved with every key typed before it
        term.wait_for("  A fourth line.")
    finally:
        term.close()
    out = subprocess.run([str(SCRIPT), "export", "markdown", "latest"], env=term.env, check=True,
                         capture_output=True, text=True).stdout
    assert "  when they wrap their Markdown by hand.\n  A fourth line.\n  * A child bullet\n" in out
    assert "for the release today\n" in out and "→" not in out


def test_a_list_nested_with_tabs_is_shown_as_the_columns_it_stands_for():
    import datetime as dt

    from svsm_meet.formats.markdown_in import parse_markdown
    from svsm_meet.tui.widgets.minutes_view import _item_lines

    doc = parse_markdown("# Steering 2025-06-11\n\n* Proposal\n\t- Vote\n\t\t- Approved that a SIG is needed.\n",
                         date=dt.date(2025, 6, 11))
    approved = doc.sections[0].items[0].children[0].children[0]
    ((lead, text),) = _item_lines(approved, 2, doc.layout)
    assert lead.plain == "        - " and text.plain == "Approved that a SIG is needed."
