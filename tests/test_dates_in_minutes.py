"""The meeting's date and series, wherever the minutes write them."""

from __future__ import annotations

import pytest

from svsm_meet.formats.markdown_in import parse_markdown

CASES = {
    "YYYY-Mon-DD title": ("# 2024-Jun-05 Kernel Meeting Notes\n\n* x\n", "2024-06-05", "Kernel Meeting"),
    "YYYY-Month-DD title": ("# 2024-June-05 Kernel Meeting Notes\n\n* x\n", "2024-06-05", "Kernel Meeting"),
    "a Date: line": ("# Kernel Team Meeting\n\n**Date:** June 5, 2024\n\n* x\n", "2024-06-05",
                     "Kernel Team Meeting"),
    "a Date/Time heading": ("# Core Devs Meeting #20\n### Meeting Date/Time: Friday 7/14/17 at 14:00 UTC\n\n* x\n",
                            "2017-07-14", None),
    "front matter": ("---\ntitle: Kernel Team Meeting\ndate: 2024-06-05\n---\n\n* x\n", "2024-06-05",
                     "Kernel Team Meeting"),
    "a release date in a topic, date in the title": (
        "# Kernel Team Meeting (June 5th, 2024)\n\n## Release 2024-07-01\n\n* x\n", "2024-06-05", None),
    "a release date in a topic, a Date: line": (
        "# Kernel Team Meeting\n\nDate: 2024-06-05\n\n## Plans for 2024-07-01\n\n* x\n", "2024-06-05", None),
    "a remark after the name": ("# TSC meeting 2020-04-02 (first TSC meeting!)\n\n* x\n", "2020-04-02",
                                "TSC meeting"),
    "notes for a numeric date": ("## Notes for 03/05/2024\n\n* x\n", "2024-03-05", None),
    "a sentence near the top": ("# Minutes\n\nMeeting held 5th March 2024.\n\n* x\n", "2024-03-05", None),
    "running notes, newest first": ("# Kernel Team Meeting\n\n## 2024-06-05\n\n* x\n\n## 2024-05-29\n\n* y\n",
                                    "2024-06-05", None),
}


@pytest.mark.parametrize("case", CASES)
def test_dates(case):
    text, date, series = CASES[case]
    doc = parse_markdown(text, filename="notes.md")
    assert doc.date.isoformat() == date
    if series:
        assert doc.series == series


def test_a_date_for_something_else_is_not_the_meetings():
    with pytest.raises(Exception, match="give one with --date"):
        parse_markdown("# Kernel Team Meeting\n\n## Release 2024-07-01\n\n* x\n", filename="notes.md")


@pytest.mark.parametrize("text", [
    "# Kernel Team Meeting\n\n## Next meeting: May 15, 2024\n\n* x\n",
    "# Kernel Team Meeting\n\n## Agenda for 2024-05-15\n\n* x\n",
    "# Kernel Team Meeting\n\n```\nDate: 2019-01-01\n```\n\n* x\n",
    "# Kernel Team Meeting\n\n## [Notes](https://example.org/2019-01-01/y)\n\n* x\n",
    "# Kernel Team Meeting\n\nNext meeting: 2024-05-15.\n\n* x\n",
    "# Kernel Team Meeting\n\n* v1.2 was released on 2024-05-01\n",
    "# Kernel Team Meeting\n\n## Topics\n\nWe ship on 2024-05-15.\n",
])
def test_dates_of_something_else_are_not_the_meetings(text):
    with pytest.raises(Exception, match="give one with --date"):
        parse_markdown(text, filename="notes.md")
