"""T: Bengali text in prose (never URLs, template parameters, file names, refs or <nowiki>)."""

from __future__ import annotations

import re
import unicodedata

from . import Edit, Fix, Hit, rule

BENGALI = re.compile("[\u0980-\u09ff]")
PRECOMPOSED = re.compile("[\u09dc\u09dd\u09df]")


def _find(art, pattern: re.Pattern, needles):
    """(start, end, match) in literal prose text that contains Bengali, for Bengali profiles.

    ``needles``: strings one of which every match contains. Most pages have none of them, and
    a substring test is ~50x faster than the regex engine on non-ASCII text.
    """
    if art.profile.text["bengali"]:
        text = art.prose.text
        if any(n in text for n in needles):
            yield from art.prose.find_editable(pattern, BENGALI)


# The patterns, each with the strings one of which every match contains. They run over whole
# pages, so each starts with a literal or a character class: the regex engine then skips ahead
# to candidates (a leading lookbehind makes it try every position, 3-5x slower). The readable
# form is in each docstring; tests/test_rules.py checks the two agree.

def t001_pattern(spec: dict):
    r"""``।{2,}``"""
    danda = spec["danda"]
    return re.compile(re.escape(danda) + "{2,}"), (danda * 2,)


def t002_pattern(spec: dict):
    r"""``[look-alikes]|(?<=[\u0980-\u09ff]) ?\|(?=\s|$)``: a look-alike, or a pipe (after an
    optional space) right after a Bengali letter and before a space."""
    marks = spec["danda_lookalikes"]
    return (re.compile("|".join([*(re.escape(c) for c in marks), r" (?<=[\u0980-\u09ff] )\|(?=\s|$)",
                                 r"\|(?<=[\u0980-\u09ff]\|)(?=\s|$)"])),
            (*marks, "|"))


def t003_pattern(spec: dict):
    r"""``(?<=\S)[ \t\u00a0]+(?=[।,?!])``"""
    danda = spec["danda"]
    return (re.compile(f"[ \\t\\u00a0](?<=\\S[ \\t\\u00a0])[ \\t\\u00a0]*(?=[{re.escape(danda)},?!])"),
            tuple(sp + mark for sp in (" ", "\t", "\u00a0") for mark in (danda, ",", "?", "!")))


def t004_pattern(spec: dict):
    r"""``(?<![A-Za-z0-9\-_/.])[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9_])``"""
    return (re.compile(r"[0-9](?<![A-Za-z0-9\-_/.][0-9])[0-9]*(?:[.,][0-9]+)*(?![A-Za-z0-9_])"),
            tuple("0123456789"))


@rule("T001", "double-danda", "warning", "দ্বিগুণ দাঁড়ি «।।»", "doubled danda “।।”", fix="safe",
      example="রয়েছে।।")
def double_danda(art):
    """Two or more dandas in a row; one is meant."""
    danda = art.profile.text["danda"]
    for s, e, m in _find(art, *t001_pattern(art.profile.text)):
        yield Hit(s, e, {}, Fix("safe", "single danda", [Edit(s, e, danda)]))


@rule("T002", "danda-lookalike", "warning", "দাঁড়ির বদলে সদৃশ চিহ্ন «{mark}»",
      "a look-alike “{mark}” used as danda", fix="safe", example="রয়েছে৷")
def danda_lookalike(art):
    """U+09F7 (Bengali currency numerator four) or a pipe used where a danda belongs."""
    danda = art.profile.text["danda"]
    for s, e, m in _find(art, *t002_pattern(art.profile.text)):
        mark = m.group().strip()
        fix = Fix("safe", "replace with danda", [Edit(s, e, danda)]) if mark != "|" else None
        yield Hit(s, e, {"mark": mark}, fix)


@rule("T003", "space-before-punctuation", "style", "যতিচিহ্নের আগে ফাঁকা জায়গা",
      "a space before a danda, comma, question or exclamation mark", fix="safe", example="রয়েছে ।")
def space_before_punctuation(art):
    """Spaces between a word and the danda, comma, ? or ! that follows it."""
    for s, e, m in _find(art, *t003_pattern(art.profile.text)):
        yield Hit(s, e, {}, Fix("safe", "remove the space", [Edit(s, e, "")]))


@rule("T004", "latin-digits", "style", "বাংলা লেখায় লাতিন অঙ্ক «{digits}»", "Latin digits “{digits}” in Bengali prose",
      fix="unsafe", example="1991 সালে")
def latin_digits(art):
    """Latin digits in Bengali prose (not inside Latin words such as G20)."""
    local = art.profile.text["digits"]
    table = {ord(str(i)): d for i, d in enumerate(local)}
    for s, e, m in _find(art, *t004_pattern(art.profile.text)):
        yield Hit(s, e, {"digits": m.group()},
                  Fix("unsafe", "convert to Bengali digits", [Edit(s, e, m.group().translate(table))]))


@rule("T005", "precomposed-nukta", "style", "পূর্বগঠিত নুক্তা-অক্ষর «{char}» (U+{cp})",
      "precomposed nukta letter “{char}” (U+{cp}) that MediaWiki stores decomposed", fix="safe",
      example="য় written as U+09DF")
def precomposed(art):
    """U+09DC, U+09DD, U+09DF: MediaWiki normalises them to NFC (decomposed) on save."""
    for s, _, m in _find(art, PRECOMPOSED, ("\u09dc", "\u09dd", "\u09df")):
        ch = m.group()
        yield Hit(s, s + 1, {"char": ch, "cp": f"{ord(ch):04X}"},
                  Fix("safe", "normalise to NFC", [Edit(s, s + 1, unicodedata.normalize("NFC", ch))]))
