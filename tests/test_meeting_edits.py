"""Changing meetings as a whole (delete, retitle, re-date, move), a follow-up's owner, due date and
text by the one path the CLI and the app share, and an attendee ticked again keeping their place."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import TODAY

from svsm_meet.config import Config
from svsm_meet.errors import Ambiguous, BadInput
from svsm_meet.service import Service


def test_deleting_a_meeting_takes_its_followups_search_hits_and_counts(service, cli):
    demo, _ = service.import_demo()
    scratch = service.create_meeting("Scratch", dt.date(2024, 6, 1))
    assert service.find("latest").id == scratch
    assert json.loads(cli("search", "Joerg", "--json").out)
    made = service.followups_made(demo)
    assert made > 0 and service.followups_made(scratch) == 0

    gone = service.delete_meeting(scratch)  # a scratch meeting: no longer `latest`
    assert gone == {"series": "Scratch", "date": dt.date(2024, 6, 1), "followups": 0}
    assert service.find("latest").id == demo

    assert service.delete_meeting(demo)["followups"] == made
    assert service.meetings() == []
    assert json.loads(cli("followups", "--all", "--json").out) == []
    assert json.loads(cli("search", "Joerg", "--json").out) == []
    people = json.loads(cli("people", "--json").out)
    assert people and all(p["meetings"] == 0 for p in people)
    with pytest.raises(BadInput, match="no meeting"):
        service.delete_meeting(demo)


def test_a_deleted_meetings_id_is_never_given_again(service):
    first = service.create_meeting("Scratch", dt.date(2024, 6, 1))
    last = service.create_meeting("Scratch", dt.date(2024, 6, 8))
    service.delete_meeting(last)  # the largest id: SQLite would hand it out again
    again = service.create_meeting("Scratch", dt.date(2024, 6, 8))
    assert again > last > first
    mid, _ = service.import_demo()
    assert mid > again


def test_retitle_redate_and_move_a_meeting(service, cli):
    service.import_demo()
    mid = service.create_meeting("Scratch", dt.date(2024, 6, 1))
    service.edit_meeting(mid, date="+1w")  # counted from the meeting's date
    assert service.find(str(mid)).date == dt.date(2024, 6, 8)
    # The house title follows the date and the series …
    assert service.markdown(mid).startswith("# Meeting Minutes: Scratch (June 8th, 2024)\n")
    service.edit_meeting(mid, series="Other Call")
    assert service.find(str(mid)).series == "Other Call"
    assert service.markdown(mid).startswith("# Meeting Minutes: Other Call (June 8th, 2024)\n")
    # … one written by hand stays as written.
    service.edit_meeting(mid, title="Planning  session")
    service.edit_meeting(mid, date="2024-06-15")
    assert service.find(str(mid)).title == "Planning session"
    assert json.loads(cli("search", "Planning", "--json").out)[0]["date"] == "2024-06-15"

    with pytest.raises(BadInput, match="exists already"):
        service.edit_meeting(mid, date="2024-05-15", series="svsm development call")
    with pytest.raises(BadInput):
        service.edit_meeting(mid, title="  ")
    assert service.find(str(mid)).date == dt.date(2024, 6, 15)


def test_cli_meetings_delete_and_edit(cli):
    assert cli("new", "--series", "Scratch", "--date", "2024-06-01").code == 0
    result = cli("meetings", "edit", "latest", "--title", "Try-out", "--date", "2024-06-02",
                 "--series", "Other")
    assert result.code == 0, result.err
    (m,) = json.loads(cli("meetings", "--json").out)
    assert (m["title"], m["date"], m["series"]) == ("Try-out", "2024-06-02", "Other")
    assert cli("meetings", "edit", str(m["id"])).code == 2  # nothing to change
    result = cli("meetings", "delete", str(m["id"]))
    assert result.code == 0 and "deleted meeting" in result.out and "Other, 2024-06-02" in result.out
    assert json.loads(cli("meetings", "--json").out) == []
    assert cli("meetings", "delete", "latest").code == 2


def test_demo_says_which_database_it_imports_into(cli, db):
    result = cli("demo")
    assert result.code == 0 and str(db) in result.out and "meetings delete 1" in result.out


def test_followup_edit_owner_due_text_shared_with_the_cli(service, cli):
    mid, _ = service.import_demo()
    assert cli("followups", "add", "write the plan", "--meeting", str(mid)).code == 0
    (f,) = [f for f in service.followups() if f["text"] == "write the plan"]
    fid = f["id"]
    done = service.edit_followup(fid, owner="Joerg", due="+1w", text="write the plan down")
    assert done.new_person is None
    (f,) = [f for f in service.followups() if f["id"] == fid]
    assert (f["owner"], f["due"], f["text"]) == ("Joerg Roedel", "2024-05-22", "write the plan down")
    assert service.edit_followup(fid, owner="Nobody Known").new_person == "Nobody Known"
    service.edit_followup(fid, due="unknown")
    (f,) = [f for f in service.followups() if f["id"] == fid]
    assert f["due"] is None and f["due_unknown"]
    cli("followups", "add", "x", "--owner", "Ann Smith")
    cli("followups", "add", "y", "--owner", "Ann Jones")
    with pytest.raises(Ambiguous):
        service.edit_followup(fid, owner="Ann")
    result = cli("followups", "edit", str(fid), "--owner", "Ann")
    assert result.code == 2 and "could be" in result.err


def test_unticking_and_ticking_again_keeps_the_export_order(service):
    service.import_demo()
    mid = service.create_meeting("SVSM Development Call", dt.date(2024, 5, 22))
    session = service.open_session(mid)
    session.submit("#attendees Joerg Roedel, Stefano Garzarella, Carlos López")
    before = service.markdown(mid)
    assert "Joerg Roedel, Stefano Garzarella, Carlos López" in before
    assert session.toggle_attendee("Stefano Garzarella") is False
    assert "Joerg Roedel, Carlos López" in service.markdown(mid)
    assert session.toggle_attendee("Stefano Garzarella") is True
    assert service.markdown(mid) == before
    session.submit("#here Tom Lendacky")  # someone new still goes last
    assert "Joerg Roedel, Stefano Garzarella, Carlos López, Tom Lendacky" in service.markdown(mid)


from test_team import postgres, url  # noqa: E402,F401 - the same two engines as the team tests


def test_delete_edit_and_tick_again_on_both_engines(url):
    service = Service(url, Config(), today=lambda: TODAY)
    demo, _ = service.import_demo()
    mid = service.create_meeting("SVSM Development Call", dt.date(2024, 5, 22))
    session = service.open_session(mid)
    session.submit("#attendees Joerg Roedel, Stefano Garzarella, Carlos López")
    session.toggle_attendee("Joerg Roedel")
    session.toggle_attendee("Joerg Roedel")
    assert "\n\nJoerg Roedel, Stefano Garzarella, Carlos López\n" in service.markdown(mid)
    service.edit_meeting(mid, date="2024-05-29", series="Other Call")
    assert (service.find(str(mid)).series, service.find(str(mid)).date) == ("Other Call",
                                                                            dt.date(2024, 5, 29))
    assert {h.meeting for h in service.search("Carlos")} == {mid, demo}
    service.delete_meeting(demo)
    assert {h.meeting for h in service.search("Carlos")} == {mid}
    assert service.followups(include_closed=True) == []
