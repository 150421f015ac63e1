"""Standard output and error of the command line, safe for a terminal.

main() puts every command behind these streams, so that no message, list or error line prints a
control character of the records raw (a title holding ESC ] 0 ; … BEL would retitle the terminal).
Exported files on standard output are the one exception, and only into a pipe: there they must
come out byte for byte.
"""

from __future__ import annotations

import codecs
import sys
from contextlib import contextmanager

from ..printable import printable


class TerminalSafe:
    """A text stream that escapes control characters (newline and tab kept) on the way out."""

    def __init__(self, stream):
        self.stream = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        # A terminal that is not UTF-8 gets \u escapes for what it cannot show, not a crash.
        self._recode = codecs.lookup(encoding).name != "utf-8" and encoding

    def write(self, text: str) -> int:
        safe = printable(text)
        if self._recode:
            safe = safe.encode(self._recode, "backslashreplace").decode(self._recode)
        self.stream.write(safe)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def unescaped(stream):
    """The stream beneath, for what is ours alone (a progress bar's carriage returns)."""
    return getattr(stream, "stream", stream)


@contextmanager
def terminal_safe():
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(out), TerminalSafe(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def write_document(body: str | bytes) -> None:
    """An exported file on standard output: as it is into a pipe or a file, escaped on a terminal
    (someone reading minutes a pull request brought must not run what they hold)."""
    raw = unescaped(sys.stdout)
    if raw.isatty():
        sys.stdout.write(body.decode("utf-8") if isinstance(body, bytes) else body)
    elif isinstance(body, bytes):
        raw.flush()
        raw.buffer.write(body)
    else:
        raw.write(body)
