"""The JSON format, version 1 (docs/json-format.md), declared as pydantic models: what
`svsm-meet import FILE.json` accepts, field by field.  Checks that span fields (refs, uids, one
title) are made where the models become the document tree, in json_format.py.

Only json_format.loads imports this module: pydantic adds to the command line's start-up time, and
only reading JSON needs it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, ValidationError
from pydantic import ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..dates import FIRST_YEAR, LAST_YEAR, check_zone  # the one range of years, and of zones
from ..errors import BadInput
from ..model import FOLLOWUP_STATUSES, KINDS, MARKER_CHARS, SECTION_KINDS
from .json_format import FORMAT, VERSION, Invalid

# Limits, as documented.  Names, uids and labels are capped at their database columns' widths;
# years as dates.py says (FIRST_YEAR, LAST_YEAR).
NAME_CHARS = 200  # series, attendee names and notes, owner, uid
LABEL_CHARS = 100
TEXT_CHARS = 1_000_000  # a heading, a bullet's or a raw block's text, a follow-up's text, a reason
ENTRIES = 10_000  # in any one list
ATTENDEES = 1_000
DEPTH = 50  # bullets nested inside bullets
# A bullet nested under a 9-digit ordered marker with padding ("123456789.   ") starts up to 17
# columns to the right of its parent: valid Markdown, which the round trip has to keep.
INDENT = 20
INT_MAX = 2**31 - 1  # refs and sequences: a PostgreSQL INTEGER and an RFC 5545 integer


def shown(value: Any, limit: int = 40) -> str:
    """VALUE quoted for a one-line message: escaped (no raw control characters) and shortened."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit]) + "…"
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return _json_type(value)
    return repr(value)


def _error(message: str) -> PydanticCustomError:
    # The message goes in as context: braces in a quoted value must not be read as a template.
    return PydanticCustomError("svsm_meet", "{message}", {"message": message})


# -- values ----------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # tab allowed: headings may hold one


def _one_line(value: str) -> str:
    if _CONTROL.search(value):
        raise _error("has a line break or a control character")
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:  # PostgreSQL cannot store it, and no minutes hold one
        raise _error("has a NUL character")
    return value


def _filled(value: str) -> str:
    if not value.strip():
        raise _error("is blank; give a name (or null where none is allowed)")
    return value


def _label(value: str) -> str:
    # A label's own spacing may run onto the next line ("Action Item:" then the text below it).
    _one_line(value.rstrip())
    return value


def _line(chars: int) -> Any:
    return Annotated[str, Field(max_length=chars), AfterValidator(_one_line)]


Name = _line(NAME_CHARS)
FilledName = Annotated[Name, AfterValidator(_filled)]
Label = Annotated[str, Field(max_length=LABEL_CHARS), AfterValidator(_label)]
Heading = _line(TEXT_CHARS)
Text = Annotated[str, Field(max_length=TEXT_CHARS), AfterValidator(_no_nul)]


def _pattern(regex: str, what: str) -> AfterValidator:
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise _error(f"{shown(value)} is not {what}")
        return value

    return AfterValidator(check)


# Markers as the Markdown reader keeps them: extra spaces after the marker belong to it.
Bullet = Annotated[str, _pattern(r"[-*+] {0,3}", 'a bullet marker ("*", "-" or "+")')]
Marker = Annotated[str, Field(max_length=MARKER_CHARS),
                   _pattern(r"(?:(?:[-*+]|[0-9]{1,9}[.)]) {0,3})?",
                            'a list marker ("-", "1.") or "" (a paragraph)')]


# PydanticCustomError is a ValueError: the callers below check the years outside their try blocks.
def _year_checked(value: Any, text: str) -> Any:
    years = [value.year]
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        years.append(value.astimezone(dt.timezone.utc).year)  # as it is kept, and exported
    if not all(FIRST_YEAR <= year <= LAST_YEAR for year in years):
        raise _error(f"{shown(text)} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return value


def _string(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise _error(f"expected {what}, got {_json_type(value)}")
    return value


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?")


def _date(value: Any) -> dt.date:
    text = _string(value, "a date YYYY-MM-DD")
    if not _DATE.fullmatch(text):
        raise _error(f"{shown(text)} is not a date YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise _error(f"{shown(text)} is not a day of the calendar") from None
    return _year_checked(day, text)


def _datetime(value: Any) -> dt.datetime:
    text = _string(value, "an ISO 8601 date-time")
    try:
        if not _DATE.match(text):
            raise ValueError
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _error(f"{shown(text)} is not an ISO 8601 date-time") from None
    return _year_checked(at, text)


def _aware(value: Any) -> dt.datetime:
    at = _datetime(value)
    if at.tzinfo is None:
        raise _error("a due date-time needs its UTC offset")
    return at


def _time(value: Any) -> dt.time:
    text = _string(value, "a time HH:MM")
    if not _TIME.fullmatch(text):
        raise _error(f"{shown(text)} is not a time HH:MM")
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise _error(f"{shown(text)} is not a time of day") from None


def _zone(value: Any) -> str:
    name = _string(value, "an IANA time zone")
    try:
        return check_zone(name)
    except BadInput as e:
        raise _error(str(e)) from None


Date = Annotated[dt.date, PlainValidator(_date)]
DateTime = Annotated[dt.datetime, PlainValidator(_datetime)]
AwareDateTime = Annotated[dt.datetime, PlainValidator(_aware)]
Time = Annotated[dt.time, PlainValidator(_time)]
Zone = Annotated[str, PlainValidator(_zone)]
Ref = Annotated[int, Field(ge=0, le=INT_MAX)]
Indent = Annotated[int, Field(ge=0, le=INDENT)]


# -- the file --------------------------------------------------------------------------------------


class _Model(BaseModel):
    # strict: no "5" for 5 nor "yes" for true.  Unknown keys are ignored, not refused: a newer
    # writer may add an optional field without raising the version (docs/json-format.md).
    model_config = ConfigDict(strict=True, extra="ignore")


class LayoutIn(_Model):
    bullet: Bullet = "*"
    indent: Annotated[int, Field(ge=1, le=INDENT)] = 2
    attendees_style: Literal["paragraph", "*", "-", "+", "items"] = "paragraph"
    attendees_gap: bool = True
    tabs: bool = False


class MeetingIn(_Model):
    series: Name
    date: Date
    start_time: Time | None = None
    timezone: Zone | None = None
    layout: LayoutIn = LayoutIn()

    @field_validator("series")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value.strip():
            raise _error("empty")
        return value.strip()


class AttendeeIn(_Model):
    name: FilledName
    role: Name | None = None
    affiliation: Name | None = None
    group: Name | None = None
    present: bool = True
    new_line: bool = False


class ItemIn(_Model):
    ref: Ref | None = None
    kind: Literal[KINDS]
    text: Text
    label: Label | None = None
    marker: Marker | None = None
    indent: Indent | None = None
    blank_before: bool = False
    children: list[ItemIn] = Field(default=[], max_length=ENTRIES)

    @field_validator("children", mode="wrap")
    @classmethod
    def _not_too_deep(cls, children: Any, handler, info: ValidationInfo):
        # Items nest through here; counting the levels keeps a hostile file from recursing
        # without end, here and in the code that walks the tree later.
        depth = info.context
        depth["children"] += 1
        try:
            if depth["children"] >= DEPTH and children:
                raise _error(f"bullets nested more than {DEPTH} deep")
            return handler(children)
        finally:
            depth["children"] -= 1


class SectionIn(_Model):
    kind: Literal[SECTION_KINDS]
    level: Annotated[int, Field(ge=0, le=6)]
    text: Heading
    blank_before: bool = True
    items: list[ItemIn] = Field(default=[], max_length=ENTRIES)


class DueIn(_Model):
    # Absent keys are None; a key given as null is refused where null means nothing (at, date).
    date: Date = None
    at: AwareDateTime = None
    timezone: Zone | None = None
    unknown: Text = None
    recheck: Date | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> DueIn:
        given = self.model_fields_set
        kinds = [k for k, keys in _DUE_KINDS.items() if given & keys]
        if len(kinds) > 1:
            raise _error(f"give one of {', '.join(_DUE_KINDS)}, not {' and '.join(kinds)}")
        if "timezone" in given and "at" not in given:
            raise _error("timezone goes with at")
        return self


# UIDs as svsm-meet makes them: the calendar code tells its own objects by the suffix, and
# "series-N@svsm-meet" is the UID of series N's meetings.
Uid = Annotated[Name, _pattern(r"(?!series-[0-9]+@)[^\s@]{1,180}@svsm-meet",
                               'a UID of svsm-meet ("…@svsm-meet", not "series-N@svsm-meet")')]

_DUE_KINDS = {"date": {"date"}, "at": {"at", "timezone"}, "unknown": {"unknown", "recheck"}}


class FollowUpIn(_Model):
    uid: Uid
    text: Text
    status: Literal[FOLLOWUP_STATUSES] = "open"
    owner: FilledName | None = None
    due: DueIn | None = None
    item: Ref | None = None
    sequence: Annotated[int, Field(ge=0, le=INT_MAX)] = 0
    created_at: DateTime | None = None
    updated_at: DateTime | None = None
    closed_at: DateTime | None = None


def _format(value: Any) -> str:
    if value != FORMAT:
        raise _error(f"expected {FORMAT!r}; is this an svsm-meet JSON file?")
    return value


def _version(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _error(f"expected an integer, got {_json_type(value)}")
    if value > VERSION:
        raise _error(f"{value} is newer than this svsm-meet reads ({VERSION})")
    if value < 1:
        raise _error(f"{value} is not a version (they start at 1)")
    return value


class MeetingFile(_Model):
    # Format and version first: errors are reported in field order, and for a file that is not
    # ours, or is too new, these say more than any field of it.
    format: Annotated[str, PlainValidator(_format)] = Field(default=None, validate_default=True)
    version: Annotated[int, PlainValidator(_version)]
    meeting: MeetingIn
    attendees: list[AttendeeIn] = Field(default=[], max_length=ATTENDEES)
    preamble: list[ItemIn] = Field(default=[], max_length=ENTRIES)
    sections: list[SectionIn] = Field(default=[], max_length=ENTRIES)
    followups: list[FollowUpIn] = Field(default=[], max_length=ENTRIES)


# -- errors ----------------------------------------------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return {int: "a number", float: "a number", str: "a string", list: "an array", dict: "an object"}.get(
        type(value), type(value).__name__
    )


_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "true or false",
    "list_type": "an array",
    "model_type": "an object",
    "dict_type": "an object",
}


def path_of(loc: tuple) -> str:
    """("sections", 3, "items", 0, "text") → "sections[3].items[0].text"."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path


def _message(error: dict) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "svsm_meet":
        return ctx["message"]
    if kind == "missing":
        return "missing"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {_json_type(value)}"
    if kind == "literal_error":
        return f"{shown(value)} is not one of {ctx['expected']}"
    if kind == "string_unicode":
        return "not valid Unicode (a lone surrogate \\uD800-\\uDFFF)"
    if kind == "string_too_short":
        return "empty"
    if kind == "string_too_long":
        return f"longer than {ctx['max_length']} characters"
    if kind == "too_long":
        return f"more than {ctx['max_length']} entries"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}, not {shown(value)}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}, not {shown(value)}"
    return " ".join(str(error["msg"]).split())  # pydantic's words, kept to one line


def parse(data: Any) -> MeetingFile:
    """DATA (parsed JSON) as a MeetingFile, or Invalid naming the first problem's place."""
    try:
        return MeetingFile.model_validate(data, context={"children": 0})
    except ValidationError as e:
        error = e.errors(include_url=False)[0]
        if not error["loc"] and error["type"] == "model_type":
            raise Invalid("", f"expected a meeting object, got {_json_type(data)}") from None
        raise Invalid(path_of(error["loc"]), _message(error)) from None
