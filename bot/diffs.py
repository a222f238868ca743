"""Diffs people can read: unified diffs (difflib) and word-level changes inside changed lines.

Bengali edits are often a character inside a long paragraph (``।।`` → ``।``); a line diff
shows the whole paragraph twice, so changed lines are paired and diffed again by words
(runs of letters and marks, runs of spaces, single punctuation).
"""

from __future__ import annotations

import difflib
import re

# a "word": letters with their combining marks (Bengali vowel signs, virama, nukta, ZWJ/ZWNJ)
TOKEN = re.compile(r"[\w\u0980-\u09ff\u200c\u200d]+|\s+|.", re.S)


def unified(old: str, new: str, title: str, context: int = 3) -> str:
    lines = list(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                      fromfile=title, tofile=title, n=context))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def words(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs turning ``old`` into ``new``: op is ``=``, ``-`` or ``+``."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def hunks(old: str, new: str, context: int = 2) -> list[dict]:
    """Changed regions with context lines; each changed line pair carries word-level ops.

    ``{"old_start", "new_start", "lines": [{"op": " "|"-"|"+"|"~", "old", "new", "words"}]}``
    where ``~`` is a changed line shown once, with ``words`` from :func:`words`.
    """
    a, b = old.splitlines(), new.splitlines()
    out = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        lines = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [{"op": " ", "old": a[i], "new": a[i]} for i in range(i1, i2)]
                continue
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for k in range(pairs):
                lines.append({"op": "~", "old": a[i1 + k], "new": b[j1 + k], "words": words(a[i1 + k], b[j1 + k])})
            lines += [{"op": "-", "old": a[i], "new": None} for i in range(i1 + pairs, i2)]
            lines += [{"op": "+", "old": None, "new": b[j]} for j in range(j1 + pairs, j2)]
        out.append({"old_start": group[0][1] + 1, "new_start": group[0][3] + 1, "lines": lines})
    return out
