"""The commit message, in the governance repo's convention.  Its CI (`scripts/check-signed-off.sh`)
rejects a commit whose message has no body or no `Signed-off-by:` trailer, so both are always made.
"""

from __future__ import annotations

import datetime as dt

from ..errors import BadInput
from ..formats.titles import long_date

DEFAULT_BODY = ("These minutes were taken live during the call with svsm-meet and rendered "
                "from its records.")


def add_subject(series: str, date: dt.date) -> str:
    """'Add meeting minutes for SVSM Development Call on October 2nd, 2024'."""
    return f"Add meeting minutes for {series} on {long_date(date)}"


def update_subject(path: str) -> str:
    """'Update Meetings/devel-call-2024-10-02.md', as the repo names a correction."""
    return f"Update {path}"


def sign_off(name: str, email: str) -> str:
    return f"Signed-off-by: {name} <{email}>"


def message(subject: str, body: str, signer: str) -> str:
    """Subject, blank line, body, blank line, trailer: what `git interpret-trailers` reads."""
    body = body.strip()
    if not body:
        raise BadInput("the commit message needs a body (the repo's CI refuses one without)")
    if "\n" in subject:
        raise BadInput("the commit subject must be one line")
    return f"{subject}\n\n{body}\n\n{signer}\n"
