"""Diffs people can read: unified diffs (difflib) and word-level changes inside changed lines.

Bengali edits are often a character inside a long paragraph (``।।`` → ``।``); a line diff
shows the whole paragraph twice, so the changed lines of a block are paired by likeness (not
by position) and diffed again by words (runs of letters and marks, runs of spaces, single
punctuation), a changed word once more by grapheme clusters. :func:`segments` says what kind
of change each one is — white space only, the same text after NFC (or a look-alike), or
punctuation — for pages that must show changes the eye cannot see.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import regex

# a "word": letters with their combining marks (Bengali vowel signs, virama, nukta, ZWJ/ZWNJ)
TOKEN = re.compile(r"[\w\u0980-\u09ff\u200c\u200d]+|\s+|.", re.S)


def unified(old: str, new: str, title: str, context: int = 3) -> str:
    lines = list(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                      fromfile=title, tofile=title, n=context))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


GRAPHEME = regex.compile(r"\X")
PAIR_RATIO = 0.5  # lines less alike than this are a removal and an addition, not a change


def graphemes(text: str) -> list[str]:
    return GRAPHEME.findall(text)


def _runs(a: list[str], b: list[str], refine: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
        elif tag == "replace" and refine and i2 - i1 <= 3 and j2 - j1 <= 3:
            # a word or two for another: say which of their letters changed (ক৷ → ক।)
            old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
            inner = _runs(graphemes(old), graphemes(new), False)
            out.extend(inner if any(op == "=" for op, _ in inner) else [("-", old), ("+", new)])
        else:
            if i2 > i1:
                out.append(("-", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("+", "".join(b[j1:j2])))
    merged: list[tuple[str, str]] = []
    for op, text in out:  # neighbouring runs of one kind read as one
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


def words(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs turning ``old`` into ``new``: op is ``=``, ``-`` or ``+``; a changed word
    is refined by grapheme clusters, so a one-letter change is one letter."""
    return _runs(TOKEN.findall(old), TOKEN.findall(new), True)


def _pairs(a: list[str], b: list[str]) -> list[tuple[int | None, int | None]]:
    """The lines of a replaced block, in order, paired with the most alike line of the other side
    (difflib's ratio >= PAIR_RATIO), the rest alone: (i, None) removed, (None, j) added."""
    out: list[tuple[int | None, int | None]] = []
    j0 = 0
    for i, line in enumerate(a):
        best, best_j = PAIR_RATIO, None
        for j in range(j0, len(b)):
            m = difflib.SequenceMatcher(None, line, b[j], autojunk=False)
            if m.real_quick_ratio() >= best and m.quick_ratio() >= best and m.ratio() >= best:
                best, best_j = m.ratio(), j
        if best_j is None:
            out.append((i, None))
            continue
        out += [(None, j) for j in range(j0, best_j)]
        out.append((i, best_j))
        j0 = best_j + 1
    out += [(None, j) for j in range(j0, len(b))]
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
            for i, j in _pairs(a[i1:i2], b[j1:j2]):
                if i is None:
                    lines.append({"op": "+", "old": None, "new": b[j1 + j]})
                elif j is None:
                    lines.append({"op": "-", "old": a[i1 + i], "new": None})
                else:
                    old_line, new_line = a[i1 + i], b[j1 + j]
                    lines.append({"op": "~", "old": old_line, "new": new_line, "words": words(old_line, new_line)})
        out.append({"old_start": group[0][1] + 1, "new_start": group[0][3] + 1, "lines": lines})
    return out


# -- what kind of change: for pages that show changes the eye cannot see ------------------------

WHITESPACE_MARKS = {" ": "·", "\t": "→", "\u00a0": "⍽", "\u200c": "[ZWNJ]", "\u200d": "[ZWJ]", "\u200b": "[ZWSP]",
                    "\ufeff": "[BOM]", "\r": "␍"}
INVISIBLE = set(WHITESPACE_MARKS) | {"\u2009", "\u202f", "\u3000"}


def code_points(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def visible(text: str) -> str:
    """White space and invisible characters as marks (``·`` for a space)."""
    return "".join(WHITESPACE_MARKS.get(c, f"[U+{ord(c):04X}]" if c in INVISIBLE or unicodedata.category(c) in
                                        ("Cf", "Zs") else c) for c in text)


def _blank(text: str) -> bool:
    return all(c.isspace() or c in INVISIBLE or unicodedata.category(c) == "Cf" for c in text)


def _punct(text: str) -> bool:
    return bool(text) and all(unicodedata.category(c)[0] in "PS" or c == "\u09f7" for c in text)


def kind(old: str, new: str, look_alikes: dict[str, str] | None = None) -> str:
    """``space`` (white space or invisible characters only), ``nfc`` (the same after NFC, or a
    look-alike of the profile's), ``punct`` (punctuation only) or ``text``."""
    if _blank(old) and _blank(new):
        return "space"
    fold = look_alikes or {}
    same = lambda t: "".join(fold.get(c, c) for c in unicodedata.normalize("NFC", t))  # noqa: E731
    if old and new and same(old) == same(new):
        return "nfc"
    if (_punct(old) or not old) and (_punct(new) or not new):
        return "punct"
    return "text"


def _core(a: str, b: str) -> tuple[str, str]:
    """The code points that differ: ``a`` and ``b`` without their common start and end."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    m = 0
    while m < min(len(a), len(b)) - n and a[-1 - m] == b[-1 - m]:
        m += 1
    return a[n:len(a) - m], b[n:len(b) - m]


def segments(old: str, new: str, look_alikes: dict[str, str] | None = None) -> list[dict]:
    """A changed line as ``{"op": "="|"change", ...}`` segments: ``text`` for kept text; ``old``,
    ``new``, ``kind`` (:func:`kind`) and ``codes`` (``U+09DF → U+09AF U+09BC`` when the change is
    ``nfc``) for a change."""
    runs = words(old, new)
    out: list[dict] = []
    k = 0
    while k < len(runs):
        op, text = runs[k]
        if op == "=":
            out.append({"op": "=", "text": text})
            k += 1
            continue
        removed, added = (text, "") if op == "-" else ("", text)
        if op == "-" and k + 1 < len(runs) and runs[k + 1][0] == "+":
            added = runs[k + 1][1]
            k += 1
        k += 1
        how = kind(removed, added, look_alikes)
        seg = {"op": "change", "old": removed, "new": added, "kind": how, "codes": ""}
        if how == "nfc" or how == "space" or (how == "punct" and len(removed + added) <= 6):
            a, b = _core(removed, added)
            seg["codes"] = f"{code_points(a) or '∅'} → {code_points(b) or '∅'}"
        out.append(seg)
    return out


def elide(text: str, keep: int, where: str = "middle") -> tuple[str, str]:
    """``text`` cut to ``keep`` grapheme clusters at its start, end or both ends (never inside a
    cluster: a vowel sign stays with its letter); (head, tail), tail empty when nothing is cut
    or ``where`` is ``start``/``end``."""
    g = graphemes(text)
    if len(g) <= (2 * keep + 1 if where == "middle" else keep + 1):
        return text, ""
    if where == "start":  # keep the end
        return "".join(g[-keep:]), ""
    if where == "end":  # keep the start
        return "".join(g[:keep]), ""
    return "".join(g[:keep]), "".join(g[-keep:])
