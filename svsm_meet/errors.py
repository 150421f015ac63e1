"""Errors the user can act on.  The command line shows them as one line; the app as a message."""


def in_words(error: Exception) -> str:
    """A failure as the app shows it: our own message, else the driver's first line and the kind
    of error, never the SQL statement SQLAlchemy appends (nor a traceback)."""
    if isinstance(error, SvsmMeetError):
        return str(error)
    orig = getattr(error, "orig", None) or error
    words = str(orig).strip().splitlines()
    return f"that failed: {type(orig).__name__}: {words[0] if words else 'failed'}"


class SvsmMeetError(Exception):
    """A failure with a message meant for the user (exit status 1)."""

    exit_code = 1


class MeetingGone(SvsmMeetError):
    """The meeting being written to was replaced or deleted by another program meanwhile."""

    def __init__(self, meeting_id: int):
        super().__init__(
            f"meeting {meeting_id} is no longer in the database: it was replaced or deleted "
            "elsewhere (an import --replace?); nothing was written, and the line you typed is "
            "kept: go back to the meetings screen and open the meeting again")


class BadInput(SvsmMeetError):
    """The user gave something unusable: a bad file, date, selector or option (exit status 2)."""

    exit_code = 2


class Ambiguous(BadInput):
    """A name that could be several people: refused, naming them (the app offers them to choose)."""

    def __init__(self, message: str, typed: str, candidates: list[str]):
        super().__init__(message)
        self.typed = typed
        self.candidates = candidates
