"""The JSON format: versioned, validated with exact error places, follow-ups included."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from svsm_meet.errors import BadInput
from svsm_meet.formats import json_format
from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.model import Due, FollowUp
from svsm_meet.store.documents import load_documents, save_documents
from svsm_meet.store.engine import make_engine, resolve_url, transaction
from svsm_meet.store.migrate import ensure_schema

SEED = """# Meeting Minutes: SVSM Development Call (May 15th, 2024)

## Attendees:

Roy Hopkins, Stefano Garzarella

## Measurement discrepancies

* Stefano Garzarella is finding a discrepancy.
* Roy Hopkins suggests that the issue might be related to restricted injection. Stefano will investigate further.
"""


def _doc_with_followups():
    doc = parse_markdown(SEED)
    bullet = doc.sections[-1].items[1]
    berlin = ZoneInfo("Europe/Berlin")
    doc.followups = [
        FollowUp("Investigate the restricted injection angle", uid="a@svsm-meet", owner="Stefano Garzarella",
                 due=Due(date=dt.date(2024, 5, 29)), item=bullet, sequence=2),
        FollowUp("Send out the LPC CFP", uid="b@svsm-meet", status="suggested",
                 due=Due(unknown_reason="CFP deadline not known", recheck=dt.date(2024, 5, 22))),
        FollowUp("Coordinate with Jon Lange", uid="c@svsm-meet", owner="Jon Lange",
                 due=Due(at=dt.datetime(2024, 5, 22, 16, 0, tzinfo=berlin))),
    ]
    return doc


def test_json_keeps_followups_and_their_bullets():
    doc = _doc_with_followups()
    data = json.loads(json_format.dumps(doc))
    first = data["followups"][0]
    assert first["due"] == {"date": "2024-05-29"}
    ref = first["item"]
    bullet = data["sections"][-1]["items"][1]
    assert bullet["ref"] == ref
    assert data["followups"][2]["due"] == {"at": "2024-05-22T16:00:00+02:00", "timezone": "Europe/Berlin"}
    again = json_format.loads(json_format.dumps(doc))
    assert again == doc
    assert again.followups[0].item is again.sections[-1].items[1]


def test_followups_survive_the_database(db):
    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    doc = _doc_with_followups()
    with transaction(engine) as conn:
        (mid,) = save_documents(conn, [doc])
    with transaction(engine, write=False) as conn:
        (loaded,) = load_documents(conn, [mid])
    strip = lambda fs: [(f.uid, f.text, f.status, f.owner, f.due, f.sequence) for f in fs]  # noqa: E731
    assert strip(loaded.followups) == strip(doc.followups)
    assert loaded.followups[2].due.at.tzinfo.key == "Europe/Berlin"
    assert loaded.followups[0].item.text.endswith("Stefano will investigate further.")


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(format="other"), "$.format: expected 'svsm-meet/meeting'"),
        (lambda d: d.update(version=99), "$.version: version 99 is newer"),
        (lambda d: d["meeting"].update(date="15/05/2024"), "$.meeting.date: '15/05/2024' is not a date"),
        (lambda d: d["sections"][1].update(kind="chapter"), "$.sections[1].kind: 'chapter' is not one of"),
        (lambda d: d["sections"][2]["items"][0].update(text=5), "$.sections[2].items[0].text: expected str"),
        (lambda d: d["sections"][2].update(level=9), "$.sections[2].level: a heading level is 0"),
        (lambda d: d["attendees"][0].update(present="yes"), "$.attendees[0].present: expected bool"),
        (lambda d: d["followups"][0].update(item=999), "$.followups[0].item: no item has ref 999"),
        (lambda d: d["followups"][2]["due"].update(at="2024-05-22T16:00"), "needs its UTC offset"),
    ],
)
def test_bad_json_names_the_place(mutate, message):
    data = json_format.to_dict(_doc_with_followups())
    mutate(data)
    with pytest.raises(BadInput) as error:
        json_format.loads(json.dumps(data), "m.json")
    assert str(error.value).startswith("m.json: ") and message in str(error.value)


def test_not_json_at_all():
    with pytest.raises(BadInput, match=r"m.json: not valid JSON \(line 1, column 2"):
        json_format.loads("{nope", "m.json")


def test_json_import_replaces_its_own_followups_and_refuses_a_clash(cli, tmp_path, db):
    from importlib.resources import files

    from conftest import db_state

    cli("import", files("svsm_meet") / "data" / "demo-meeting.md")
    found = json.loads(cli("followups", "--json", "--all").out)
    cli("followups", "edit", str(found[0]["id"]), "--status", "open")
    out = tmp_path / "m.json"
    cli("export", "json", "latest", "-o", out)
    result = cli("import", out, "--replace")
    assert result.code == 0, result.err
    again = json.loads(cli("followups", "--json", "--all").out)
    assert sorted(f["uid"] for f in again) == sorted(f["uid"] for f in found)
    before = db_state(db)
    clash = cli("import", out, "--series", "Another Call")
    assert clash.code == 2 and "is in the database already" in clash.err
    assert db_state(db) == before
