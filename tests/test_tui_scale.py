"""The meetings screen with a large archive: the first screenful at once, the rest a page at a time
(the figures are in bench/startup.py; here what the user sees)."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt

from svsm_meet.config import Config
from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.service import Service
from svsm_meet.store.documents import save_documents
from svsm_meet.store.engine import transaction
from svsm_meet.tui.app import SvsmMeetApp
from svsm_meet.tui.screens import meetings as meetings_screen
from textual.widgets import DataTable, Input

MINUTES = "# Meeting Minutes: SVSM Development Call (May 15th, 2024)\n\n## Topics:\n\n* a note\n"


def _archive(db, tmp_path, count: int) -> Service:
    service = Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "m"), today=lambda: dt.date(2024, 5, 20))
    base = parse_markdown(MINUTES)
    docs = []
    for week in range(count):
        doc = copy.deepcopy(base)
        doc.date = dt.date(2024, 5, 15) - dt.timedelta(weeks=week)
        docs.append(doc)
    with transaction(service.engine) as conn:
        save_documents(conn, docs)
    return service


def test_a_large_archive_shows_its_first_page_then_every_meeting(db, tmp_path):
    service = _archive(db, tmp_path, meetings_screen.FIRST_PAGE + 2 * meetings_screen.PAGE + 7)
    total = meetings_screen.FIRST_PAGE + 2 * meetings_screen.PAGE + 7

    async def go():
        async with SvsmMeetApp(service).run_test(size=(110, 36)) as pilot:
            table = pilot.app.screen.query_one(DataTable)
            assert table.row_count < total  # the first page, before the rest
            assert str(table.get_row_at(0)[0]) == "2024-05-15"  # newest first, at once
            for _ in range(100):
                if table.row_count == total:
                    break
                await pilot.pause(0.05)
            assert table.row_count == total
            # a filter typed while pages are still coming replaces them: only its rows
            await pilot.press("f", *"2023-05")
            for _ in range(40):
                await pilot.pause(0.05)
            assert pilot.app.screen.query_one("#filter", Input).value == "2023-05"
            assert table.row_count == 5 and pilot.app.screen.sub_title == f"5 of {total} meetings"

    asyncio.run(go())
