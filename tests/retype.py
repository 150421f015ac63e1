"""Turn Markdown minutes into what a note-taker types with the live-entry grammar."""

from __future__ import annotations

import re

INDENT, OUTDENT = "<tab>", "<shift-tab>"


def keystrokes(markdown: str) -> tuple[str, list[str]]:
    """(title line, steps): each step a line to type and Enter, or INDENT / OUTDENT."""
    lines = markdown.splitlines()
    title = lines[0].removeprefix("# ")
    steps: list[str] = []
    depth = 0
    in_attendees = False
    for line in lines[1:]:
        if not line.strip():
            continue
        if line.startswith("## "):
            in_attendees = line == "## Attendees:"
            if not in_attendees:
                steps.append(f"#section {line[3:]}")
            depth = 0
        elif line.startswith("### "):
            steps.append(f"#topic {line[4:]}")
            depth = 0
        elif in_attendees:
            steps.append(f"#attendees {line}")
        else:
            m = re.match(r"^( *)\* (.*)$", line)
            want = len(m[1]) // 2
            while depth < want:
                steps.append(INDENT)
                depth += 1
            while depth > want:
                steps.append(OUTDENT)
                depth -= 1
            steps.append(m[2])
    return title, steps
