"""Record text made safe to show on a terminal.

Minutes come from pull requests and calendars anyone on the project can edit; a title holding
ESC ] 0 ; … BEL or an OSC 52 clipboard write must not reach the terminal as a command.  Each
control character is shown as its JSON escape (ESC as \\u001b): what is there stays visible,
nothing is lost, and JSON text passed through stays valid JSON with the same values.
"""

from __future__ import annotations

import re

# C0 but newline and tab, DEL, C1 (CSI is U+009B, OSC U+009D), lone surrogates (undecodable bytes
# of a file name, which no terminal encoding can write).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROLS_AND_LINES = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str, lines: bool = True) -> str:
    """TEXT with every terminal control character escaped; newline and tab are kept where LINES
    (text printed as lines), escaped too where not (one line: a title, a cell)."""
    return (_CONTROLS if lines else _CONTROLS_AND_LINES).sub(_escape, text)
