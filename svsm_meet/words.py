"""Counts in words, for the app and the command line alike: "1 follow-up", "2 follow-ups"."""

from __future__ import annotations

# Plurals that adding "s" gets wrong.
_IRREGULAR = {"person": "people", "entry": "entries", "was": "were", "is": "are", "it": "they"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 follow-up', '3 follow-ups', '0 people': N and WORD, WORD in the plural unless N is 1."""
    return f"{n} {word if n == 1 else (many or _IRREGULAR.get(word) or word + 's')}"


def due_words(due) -> str:
    """'due 2024-05-29', or 'no due date' (never 'due no due date')."""
    return f"due {due}" if due else "no due date"
