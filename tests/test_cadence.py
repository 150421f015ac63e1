"""A series' cadence: set by people (series edit, the new-meeting form), inferred only from at least
three meetings, and the one answer to "when is the next meeting" for the calendar, due:next meeting
and re-check dates."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
from importlib.resources import files
from pathlib import Path

import icalendar
import pytest
from conftest import db_state
from test_calendar import BIN, khal_config

from svsm_meet import cadence
from svsm_meet.errors import BadInput

SEED = files("svsm_meet") / "data" / "demo-meeting.md"

D = dt.date


def weeks_apart(start: dt.date, *gaps_in_days: int) -> list[dt.date]:
    dates = [start]
    for gap in gaps_in_days:
        dates.append(dates[-1] + dt.timedelta(days=gap))
    return dates


# -- inference -------------------------------------------------------------------------------------


@pytest.mark.parametrize("dates, rule", [
    pytest.param(weeks_apart(D(2024, 1, 3), 7, 7, 14, 7, 7), "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE",
                 id="weekly with a skipped week"),
    pytest.param(weeks_apart(D(2024, 1, 3), 7, 7, 8, 6, 7), "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE",
                 id="weekly with one meeting a day late"),
    pytest.param(weeks_apart(D(2024, 1, 4), 14, 14, 28, 14), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
                 id="biweekly"),
    pytest.param([D(2024, 1, 10), D(2024, 2, 14), D(2024, 3, 13), D(2024, 4, 10), D(2024, 6, 12)],
                 "FREQ=MONTHLY;INTERVAL=1;BYDAY=2WE", id="monthly on the 2nd Wednesday, May skipped"),
    pytest.param([D(2024, 1, 26), D(2024, 2, 23), D(2024, 3, 29), D(2024, 4, 26)],
                 "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR", id="monthly on the last Friday"),
    pytest.param(weeks_apart(D(2024, 1, 3), 3, 11, 40, 9, 22), None, id="irregular"),
    pytest.param([D(2025, 3, 5), D(2026, 12, 2)], None, id="two meetings: no cadence"),
    pytest.param([D(2024, 5, 15)], None, id="one meeting"),
    pytest.param([D(2025, 3, 5), D(2026, 12, 2), D(2026, 12, 9)], "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE",
                 id="a long pause, then a week: the week is what they show"),
])
def test_inference(dates, rule):
    assert cadence.infer(dates) == rule


def test_inference_never_yields_an_interval_the_meetings_do_not_show():
    # 13 weeks, then 78: never "every 13 (or 91) weeks"; a quarter is what these show, all on the
    # 1st Wednesday of their month
    assert cadence.infer(weeks_apart(D(2025, 3, 5), 91, 546)) == "FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE"
    assert cadence.infer([D(2025, 3, 5), D(2025, 6, 6), D(2026, 12, 2)]) is None  # one on a Friday
    assert cadence.infer([D(2025, 3, 5), D(2025, 3, 12), D(2025, 3, 23)]) is None  # a few: all must fit
    for n in range(3, 12):
        rule = cadence.infer(weeks_apart(D(2024, 1, 3), *[7] * n))
        assert rule == "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE"


# -- words -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("said, rule, words", [
    ("weekly", "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE", "weekly on Wednesday"),
    ("Biweekly", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "every 2 weeks on Wednesday"),
    ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "every 2 weeks on Wednesday"),
    ("every other week on thursdays", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "every 2 weeks on Thursday"),
    ("every tuesday", "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU", "weekly on Tuesday"),
    ("monthly on the 2nd wednesday", "FREQ=MONTHLY;INTERVAL=1;BYDAY=2WE", "monthly on the 2nd Wednesday"),
    ("monthly on the last fri", "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR", "monthly on the last Friday"),
    ("monthly", "FREQ=MONTHLY;INTERVAL=1;BYDAY=3WE", "monthly on the 3rd Wednesday"),  # May 15th
    ("RRULE:FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2", "FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2",
     "monthly on the 2nd Wednesday"),
    ("FREQ=YEARLY;BYMONTH=9", "FREQ=YEARLY;BYMONTH=9", "RRULE FREQ=YEARLY;BYMONTH=9"),
])
def test_cadence_as_people_say_it(said, rule, words):
    assert cadence.parse(said, D(2024, 5, 15)) == rule
    assert cadence.describe(rule) == words
    assert cadence.describe(cadence.parse(words, D(2024, 5, 15))) == words  # the words read back


@pytest.mark.parametrize("said, message", [
    ("sometimes", "is not a cadence"),
    ("every 0 weeks", "from 1 to 52"),
    ("weekly on funday", "not a day of the week"),
    ("monthly on the 7th monday", "not 1st, 2nd"),
    ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be"),  # dateutil would loop for ever
    ("FREQ=HOURLY", "FREQ must be"),
    ("FREQ=WEEKLY;COUNT=4", "use UNTIL"),
    ("FREQ=WEEKLY;BYDAY=XX", "RRULE:"),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never happens"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "never happens"),  # dateutil looked until 9999
    ("FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31", "never happens"),
])
def test_bad_cadences_say_why_in_one_line(said, message):
    import time

    started = time.monotonic()
    with pytest.raises(BadInput, match=message) as e:
        cadence.parse(said, D(2024, 5, 15))
    assert "\n" not in str(e.value)
    assert time.monotonic() - started < 1  # refused at once, not after a walk to the year 9999


def test_next_meeting_made_else_by_cadence_else_a_week_on_said_so():
    weekly = cadence.resolve("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", [D(2024, 5, 1)])
    by_rule = cadence.next_meeting(weekly, [D(2024, 5, 1)], D(2024, 5, 1))
    assert by_rule == cadence.NextMeeting(D(2024, 5, 15), "cadence")
    made = [D(2024, 5, 1), D(2024, 5, 9)]
    assert cadence.next_meeting(weekly, made, D(2024, 5, 1)) == cadence.NextMeeting(D(2024, 5, 9), "planned")
    unknown = cadence.resolve(None, [D(2025, 3, 5), D(2026, 12, 2)])
    assert unknown == cadence.Cadence(None, "unknown")
    nxt = cadence.next_meeting(unknown, [D(2025, 3, 5), D(2026, 12, 2)], D(2026, 12, 2))
    assert nxt == cadence.NextMeeting(D(2026, 12, 9), "guess") and nxt.guessed
    assert cadence.next_from(unknown, [D(2025, 3, 5)], D(2026, 11, 20)) is None  # none invented


# -- the case of the issue, as a user meets it -------------------------------------------------------


def _vevent(ics_text: str):
    (event,) = icalendar.Calendar.from_ical(ics_text.encode()).walk("VEVENT")
    return event


def test_two_meetings_far_apart_make_no_91_week_cadence(cli):
    """The series of the issue: 2025-03-05 and 2026-12-02 (the date the form offered)."""
    for day in ("2025-03-05", "2026-12-02"):
        assert cli("new", "--series", "SVSM Development Call", "--date", day).code == 0
    ics = cli("export", "ics").out
    assert "INTERVAL=91" not in ics
    event = _vevent(ics)
    assert "RRULE" not in event and event.decoded("dtstart") == D(2026, 12, 2)  # that one meeting
    (listed,) = json.loads(cli("series", "list", "--json").out)
    assert (listed["cadence_source"], listed["rrule"], listed["cadence"]) == ("unknown", None, None)
    assert "unknown — set it with series edit" in cli("series", "list").out
    # due:next meeting and an unknown deadline: a week on, and the calendar says it was a guess
    cli("followups", "add", "Send the slides", "--meeting", "2026-12-02", "--due", "next meeting")
    cli("followups", "add", "Find the CFP deadline", "--meeting", "2026-12-02",
        "--due", "unknown: not out yet")
    due = {f["text"]: f for f in json.loads(cli("followups", "--json").out)}
    assert due["Send the slides"]["due"] == "2026-12-09"
    assert due["Find the CFP deadline"]["recheck"] == "2026-12-09"
    cli("followups", "add", "No deadline said", "--meeting", "2026-12-02")
    todos = {str(t["summary"]): t for t in icalendar.Calendar.from_ical(cli("export", "ics").out.encode())
             .walk("VTODO")}
    alarm = todos["No deadline said"].walk("VALARM")[0]
    assert alarm.decoded("trigger").date() == D(2026, 12, 9)
    assert "ask again 2026-12-09 (a week on: the series' cadence is unknown)" in str(
        todos["No deadline said"]["description"])
    # Set, it is what everything follows.
    assert cli("series", "edit", "SVSM Development Call", "--cadence", "weekly").code == 0
    assert _vevent(cli("export", "ics").out)["rrule"].to_ical() == b"FREQ=WEEKLY;INTERVAL=1;BYDAY=WE"


def test_series_edit_then_the_calendar_khal_and_vdir_follow(cli, tmp_path):
    cli("new", "--series", "Team Call", "--date", "2024-05-08")
    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    folder = tmp_path / "vdir"
    cli("sync", "vdir", folder)
    before = int(_vevent((folder / "series-1@svsm-meet.ics").read_text())["sequence"])
    result = cli("series", "edit", "team call", "--cadence", "monthly on the 2nd wednesday",
                 "--time", "16:00", "--timezone", "Europe/Berlin")
    assert result.code == 0 and "monthly on the 2nd Wednesday (set)" in result.out
    assert "RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=2WE" in result.out
    assert "1 updated" in cli("sync", "vdir", folder).out
    event = _vevent((folder / "series-1@svsm-meet.ics").read_text())
    assert event["rrule"].to_ical() == b"FREQ=MONTHLY;INTERVAL=1;BYDAY=2WE"
    assert int(event["sequence"]) > before  # a calendar sees a new version
    # DTSTART on the rule (the 2nd Wednesday of June), in the zone set, never floating
    assert event.decoded("dtstart") == dt.datetime(2024, 6, 12, 16, 0, tzinfo=event.decoded("dtstart").tzinfo)
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    calendar_dir = tmp_path / "khal-calendar"
    calendar_dir.mkdir()
    ics_file = tmp_path / "team.ics"
    cli("export", "ics", "-o", ics_file)
    config = khal_config(tmp_path, calendar_dir)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "khal-data"))
    subprocess.run([BIN / "khal", "-c", config, "import", "--batch", "-a", "svsm", ics_file],
                   check=True, env=env, capture_output=True)
    listed = subprocess.run([BIN / "khal", "-c", config, "list", "2024-06-01", "2024-09-30"],
                            check=True, env=env, capture_output=True, text=True).stdout
    assert listed.count("Team Call") == 4  # June 12, July 10, August 14, September 11
    for day in ("2024-06-12", "2024-07-10", "2024-08-14", "2024-09-11"):
        assert day in listed
    assert "0 updated" in cli("sync", "vdir", folder).out


def test_series_list_and_edit_on_the_command_line(cli):
    for day in ("2024-01-03", "2024-01-17", "2024-01-31", "2024-02-14"):
        cli("new", "--series", "Biweekly Call", "--date", day)
    (listed,) = json.loads(cli("series", "list", "--json").out)
    assert listed["rrule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE" and listed["cadence_source"] == "inferred"
    assert listed["cadence"] == "every 2 weeks on Wednesday" and listed["meetings"] == 4
    nxt = D.fromisoformat(listed["next_meeting"])
    assert nxt >= dt.date.today() and nxt.weekday() == 2 and (nxt - D(2024, 2, 14)).days % 14 == 0
    assert "inferred from 4 meetings" in cli("series").out  # `series` alone lists them too
    cli("series", "edit", "Biweekly Call", "--time", "15:30", "--timezone", "America/New_York")
    (listed,) = json.loads(cli("series", "list", "--json").out)
    assert (listed["time"], listed["timezone"], listed["time_source"]) == ("15:30", "America/New_York", "set")
    assert listed["cadence_source"] == "inferred"  # untouched
    cli("new", "--series", "Biweekly Call", "--date", "2024-02-28")  # takes the series' time and zone
    event = _vevent(cli("export", "ics").out)
    assert event["dtstart"].params["TZID"] == "America/New_York"
    cli("series", "edit", "Biweekly Call", "--cadence", "weekly")
    assert json.loads(cli("series", "list", "--json").out)[0]["cadence_source"] == "set"
    cli("series", "edit", "Biweekly Call", "--cadence", "unknown")  # back to inferring it
    assert json.loads(cli("series", "list", "--json").out)[0]["cadence_source"] == "inferred"


@pytest.mark.parametrize("args, message", [
    (["No Such Call", "--cadence", "weekly"], "no series called 'No Such Call'; there are: Team Call"),
    (["Team Call", "--cadence", "now and then"], "is not a cadence"),
    (["Team Call", "--cadence", "FREQ=WEEKLY;INTERVAL=0"], "INTERVAL must be"),
    (["Team Call", "--time", "25:00"], "is not a time"),
    (["Team Call", "--timezone", "Mars/Base"], "not a known time zone"),
    (["Team Call", "--timezone", "../../etc/passwd"], "not an IANA time zone name"),
    (["Team Call"], "say what to change"),
    (["Team Call", "--cadence", "weekly", "--time", "noon"], "is not a time"),  # nothing half-set
])
def test_series_edit_refuses_bad_values_in_one_line(cli, db, args, message):
    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    before = db_state(db)
    result = cli("series", "edit", *args)
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1, result.err
    assert db_state(db) == before


def test_due_next_meeting_follows_the_set_cadence(cli, db):
    from svsm_meet.session import MinutesSession
    from svsm_meet.store.engine import make_engine, resolve_url
    from svsm_meet.store.followup_list import list_followups
    from svsm_meet.store.engine import transaction

    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    cli("series", "edit", "Team Call", "--cadence", "every 3 weeks")
    engine = make_engine(resolve_url(str(db)))
    session = MinutesSession(engine, 1)
    session.submit("#action Send the slides due:next meeting")
    session.submit("#action Find the CFP deadline due:unknown")
    with transaction(engine, write=False) as conn:
        found = {f["text"]: f for f in list_followups(conn)}
    engine.dispose()
    assert found["Send the slides"]["due"] == "2024-06-05"
    assert found["Find the CFP deadline"]["recheck"] == "2024-06-05"
    cli("series", "edit", "Team Call", "--cadence", "monthly on the 2nd wednesday")
    cli("followups", "add", "Book the room", "--meeting", "2024-05-15", "--due", "next meeting")
    (room,) = [f for f in json.loads(cli("followups", "--json").out) if f["text"] == "Book the room"]
    assert room["due"] == "2024-06-12"


# -- the new-meeting form --------------------------------------------------------------------------


@pytest.fixture
def service(db, tmp_path):
    from svsm_meet.config import Config
    from svsm_meet.service import Service

    return Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "m"), today=lambda: D(2024, 5, 20))


def _form(service, scenario):
    from svsm_meet.tui.app import SvsmMeetApp

    app = SvsmMeetApp(service)

    async def go():
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(go())


def _values(app) -> dict[str, str]:
    names = ("series", "date", "time", "zone", "cadence")
    return {name: app.screen.query_one(f"#{name}").value for name in names}


async def _submit(app, pilot) -> None:
    """Enter in the cadence field (a click can miss a button the error message just moved)."""
    app.screen.query_one("#cadence").focus()
    await pilot.press("enter")
    await pilot.pause()


def _hint(app) -> str:
    return str(app.screen.query_one("#cadence-hint").render())


def test_the_form_asks_a_new_series_for_its_cadence(service, cli):
    async def scenario(app, pilot):
        assert _values(app)["cadence"] == "" and _hint(app) == ""
        await pilot.press(*"Council")
        await pilot.pause()
        assert _values(app)["cadence"] == "weekly" and "A new series: how often" in _hint(app)
        app.screen.query_one("#date").value = "2024-05-16"
        app.screen.query_one("#cadence").value = "every two weeks"
        app.screen.query_one("#time").value = "17:00"
        app.screen.query_one("#zone").value = "Europe/Paris"
        await pilot.pause()
        await _submit(app, pilot)
        assert type(app.screen).__name__ == "MinutesScreen"

    _form(service, scenario)
    (listed,) = json.loads(cli("series", "list", "--json").out)
    assert (listed["rrule"], listed["cadence_source"]) == ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "set")
    assert (listed["time"], listed["timezone"], listed["time_source"]) == ("17:00", "Europe/Paris", "set")


def test_the_form_keeps_a_series_time_zone_and_cadence(service, cli):
    cli("new", "--series", "Team Call", "--date", "2024-05-08")
    cli("series", "edit", "Team Call", "--cadence", "weekly", "--time", "16:00",
        "--timezone", "Europe/Berlin")

    async def scenario(app, pilot):
        assert _values(app) == {"series": "Team Call", "date": "2024-05-22", "time": "16:00",
                                "zone": "Europe/Berlin", "cadence": "weekly on Wednesday"}
        assert "As set for the series" in _hint(app)
        await _submit(app, pilot)
        assert app.screen.session.doc.start_time == dt.time(16, 0)
        assert app.screen.session.doc.timezone == "Europe/Berlin"

    _form(service, scenario)
    (listed,) = json.loads(cli("series", "list", "--json").out)
    assert listed["rrule"] == "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE"  # left as set


def test_the_form_asks_where_the_cadence_is_unknown_and_shows_an_inferred_one(service, cli):
    cli("new", "--series", "Team Call", "--date", "2024-05-08")
    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    for day in ("2024-04-04", "2024-04-18", "2024-05-02"):
        cli("new", "--series", "Biweekly", "--date", day)

    async def scenario(app, pilot):
        assert _values(app)["series"] == "Team Call"
        assert _values(app)["cadence"] == "" and "Unknown (2 meetings show none)" in _hint(app)
        app.screen.query_one("#cadence").value = "now and then"
        await pilot.pause()
        await _submit(app, pilot)
        assert "'now and then' is not a cadence" in str(app.screen.query_one("#error").render())
        app.screen.query_one("#series").value = "biweekly"  # another series: its own offer
        await pilot.pause()
        assert _values(app)["cadence"] == "now and then"  # what the user typed stays
        assert "Inferred from its 3 meetings" in _hint(app)
        assert _values(app)["date"] == "2024-05-30"  # every 2 weeks from May 2nd, on or after today
        app.screen.query_one("#cadence").value = ""
        await pilot.pause()
        await _submit(app, pilot)
        assert type(app.screen).__name__ == "MinutesScreen", str(app.screen.query_one("#error").render())

    _form(service, scenario)
    listed = {s["name"]: s for s in json.loads(cli("series", "list", "--json").out)}
    assert listed["Team Call"]["cadence_source"] == "unknown"
    assert listed["Biweekly"]["cadence_source"] == "inferred"  # emptied: nothing set
    assert listed["Biweekly"]["rrule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"


def test_readme_documents_the_series_commands():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "svsm-meet series list" in readme and "svsm-meet series edit NAME" in readme


from test_team import postgres, url  # noqa: E402,F401 - the same two engines as the team tests


def test_cadence_time_and_zone_on_both_engines(url, cli):
    cli("import", SEED, database=url)
    result = cli("series", "edit", "svsm development call", "--cadence", "biweekly", "--time", "16:00",
                 "--timezone", "Europe/Berlin", database=url)
    assert result.code == 0, result.err
    (listed,) = json.loads(cli("series", "list", "--json", database=url).out)
    assert (listed["rrule"], listed["time"], listed["timezone"]) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "16:00", "Europe/Berlin")
    event = _vevent(cli("export", "ics", database=url).out)
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE" and int(event["sequence"]) == 2
