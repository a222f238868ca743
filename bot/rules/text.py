"""T: Bengali text in prose (never URLs, template parameters, file names, refs or <nowiki>,
nor quotations, verse, source lists or broken markup: :mod:`bot.zones`)."""

from __future__ import annotations

import re
import unicodedata

from ..zones import zones
from . import Edit, Fix, Hit, rule

BENGALI = re.compile("[\u0980-\u09ff]")
PRECOMPOSED = re.compile("[\u09dc\u09dd\u09df]")


def _find(art, pattern: re.Pattern, needles):
    """(start, end, match) in literal prose text that contains Bengali, for Bengali profiles,
    outside the page's zones.

    ``needles``: strings one of which every match contains. Most pages have none of them, and
    a substring test is ~50x faster than the regex engine on non-ASCII text.
    """
    if art.profile.text["bengali"]:
        text = art.prose.text
        if any(n in text for n in needles):
            z = None
            for s, e, m in art.prose.find_editable(pattern, BENGALI):
                z = z or zones(art)
                if not z.blocked(m.start(), m.end(), s, e):
                    yield s, e, m


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


#: Marks that close a quotation (a ``।।`` before one ends quoted verse).
CLOSING_QUOTES = frozenset("\"'\u2019\u201d\u00bb")


@rule("T001", "double-danda", "warning", "দ্বিগুণ দাঁড়ি «।।»", "doubled danda “।।”", fix="safe",
      example="রয়েছে।।")
def double_danda(art):
    """Two or more dandas in a row in prose; one is meant.

    Verse and quotations keep ``।।``: it ends a couplet in Bengali poetry (``…করুক সে।।/…``,
    verse numbers ``।।১।।``). So a ``।।`` is not reported in quotations or verse
    (:mod:`bot.zones`: a line cut by ``।/``, a line whose every sentence ends in ``।।`` with
    nothing but an attribution after the last, a ``।।`` touching a number) nor right before a
    closing quotation mark. A ``।।`` with more prose after it on its line is reported, and the
    line's other marks are judged as any prose. On 269 real articles that
    leaves 3 of 12: typos ending a sentence inside a paragraph (``…যোগ দেন।। <ref…``);
    the other 9 were verse of Chandidas, Vidyapati and Ishwar Chandra Gupta.
    """
    danda = art.profile.text["danda"]
    text = art.prose.text
    for s, e, m in _find(art, *t001_pattern(art.profile.text)):
        if text[m.end():m.end() + 1] not in CLOSING_QUOTES:
            yield Hit(s, e, {}, Fix("safe", "single danda", [Edit(s, e, danda)]))


@rule("T002", "danda-lookalike", "warning", "দাঁড়ির বদলে সদৃশ চিহ্ন «{mark}»",
      "a look-alike “{mark}” used as danda", fix="safe", example="রয়েছে৷")
def danda_lookalike(art):
    """U+09F7 (Bengali currency numerator four) or a pipe used where a danda belongs.

    On 269 real articles every ``৷`` (228, on 43 pages) ends a sentence, none stands in a
    number, so it is replaced; a pipe after a Bengali word (5) is reported without a fix.
    Pipes of template parameters and tables that the parser left as text (``{{ওয়েব উদ্ধৃতি
    | শিরোনাম = ইতিহাস | …`` after a stray ``''``) are markup, not marks (:mod:`bot.zones`).
    """
    danda = art.profile.text["danda"]
    for s, e, m in _find(art, *t002_pattern(art.profile.text)):
        mark = m.group().strip()
        fix = Fix("safe", "replace with danda", [Edit(s, e, danda)]) if mark != "|" else None
        yield Hit(s, e, {"mark": mark}, fix)


DIGIT = re.compile(r"\d")
#: Markup that ends visible text: a link's ``]]``, an external link's ``]``, bold or italic quotes.
CLOSERS = re.compile(r"(?:\]\]?|'{2,5})*")
#: What may stand between a space and a mark with the reader still seeing the space: closers
#: and comments. A template, ref or tag there is what the reader sees before the mark instead.
UNSEEN = re.compile(r"(?:\]\]?|'{2,5}|<!--.*?-->)*", re.S)
#: A visible character a space may be removed after: a letter, digit or Bengali sign, a closing
#: bracket, a percent sign or a closing quotation mark.
WORD_END = re.compile("[^\\W_]|[\u0981-\u09f1)%\"'\u2019\u201d\u00bb]")


@rule("T003", "space-before-punctuation", "style", "যতিচিহ্নের আগে ফাঁকা জায়গা",
      "a space before a danda, comma, question or exclamation mark", fix="safe", example="রয়েছে ।")
def space_before_punctuation(art):
    """Spaces between a word and the danda, comma, ? or ! that follows it.

    Decided on the source, since the prose leaves templates, refs and tags out: a space
    followed in the source by a template, ref or tag before the mark (``দৈর্ঘ্য {{রূপান্তর|…}}।``,
    ``অন্যতম <ref>…</ref>।``) is no space before punctuation and is not reported. The fix
    removes only a space that stands in the source directly between visible text (a word,
    a digit, a closing bracket or quote, the end of a link or of bold/italic) and the mark;
    a space after a template, ref or tag (``{{lang|en|…}} ,``, ``</ref> ।``) or after
    another mark (``যাবে। ।``) is reported without a fix. On 269 real articles every other
    finding is a word or link followed by `` ।`` or `` ,``.
    """
    src, prose = art.text, art.prose
    ptext = prose.text
    for s, e, m in _find(art, *t003_pattern(art.profile.text)):
        after = src[e:prose.to_source(m.end())]
        if (after and not UNSEEN.fullmatch(after)) or DIGIT.match(ptext, m.end() + 1):
            continue  # a comma before a digit (প্রায় ,০০০) is part of a number
        before = src[prose.to_source(m.start(), end=True):s]
        safe = not after and CLOSERS.fullmatch(before) and WORD_END.match(ptext, m.start() - 1)
        yield Hit(s, e, {}, Fix("safe", "remove the space", [Edit(s, e, "")]) if safe else None)


#: The letters of any script (the nearest one on each side of a number says whose text it is).
LETTER = re.compile(r"[^\W\d_]")
BENGALI_DIGIT = re.compile("[\u09e6-\u09ef]")
#: Marks that make a number part of a formula.
MATH = frozenset("=+<>×÷^{}−±≤≥*/|~")
#: How far to look for the nearest letter, in characters of the same line.
NEAR = 40


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The rest of the line before and after [start, end), at most NEAR characters each."""
    before = text[max(0, start - NEAR):start]
    after = text[end:end + NEAR]
    return before[before.rfind("\n") + 1:], after.split("\n", 1)[0]


def _open_group(before: str) -> str:
    """The text from the outermost parenthesis still open at the end of ``before`` (or "")."""
    depth, at = 0, -1
    for i in range(len(before) - 1, -1, -1):  # at most NEAR characters
        c = before[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth:
                depth -= 1
            else:
                at = i
    return before[at:] if at >= 0 else ""


def _foreign(letter: str) -> bool:
    return not "\u0980" <= letter <= "\u09ff"


def _bengali_number(text: str, start: int, end: int) -> bool:
    """Whether the Latin-digit number at [start, end) stands in Bengali prose."""
    before, after = _context(text, start, end)
    nearest = [LETTER.search(before[::-1]), LETTER.search(after)]
    if any(m and _foreign(m.group()) for m in nearest) or any(map(_foreign, LETTER.findall(_open_group(before)))):
        return False  # a Latin name, title, unit or formula around it, or in its parentheses
    left, right = before.rstrip()[-1:], after.lstrip()[:1]
    if left == "[" or right == "]" or (left == "(" and right == ")"):
        return False  # a reference marker [61], a numeral cited as such (8)
    if left in MATH or right in MATH:
        return False
    if re.match("[-\u2013][0-9]", after) or re.search("[0-9]\u2013$", before):
        return False  # one end of a range: half converted would mix the digits
    if re.match(r"\s*:\s*[0-9]", after) or re.search(r"[0-9]\s*:\s*$", before) or text.count(".", start, end) > 1:
        return False  # citation data: volume: pages, a numbered section 1.1.2
    return True


@rule("T004", "latin-digits", "style", "বাংলা লেখায় লাতিন অঙ্ক «{digits}»", "Latin digits “{digits}” in Bengali prose",
      fix="unsafe", example="1991 সালে")
def latin_digits(art):
    """Latin digits in Bengali prose (not inside Latin words such as G20).

    Only numbers that Bengali words surround: the nearest letter on each side, in the same
    line, is Bengali. On 269 real articles the other Latin-digit numbers were citation data
    (``Wiener Berichte, 53: 195–220``, ``ISBN 978-…``, ``3rd edition 2011``), Latin names and
    English titles in parentheses (``(Carl Ritter, 1779-1859)``, ``(3753 Cruithne)``), units
    and formulas (``1 atm``, ``x = 7``, ``U+0980``), and reference markers copied as text
    (``[61]``); they keep their digits, as do a numeral cited in parentheses (``'এইট' (8)``),
    one end of a Latin-digit range, and source-list sections, verse and quotations
    (:mod:`bot.zones`).
    """
    local = art.profile.text["digits"]
    table = {ord(str(i)): d for i, d in enumerate(local)}
    text = art.prose.text
    for s, e, m in _find(art, *t004_pattern(art.profile.text)):
        if _bengali_number(text, m.start(), m.end()):
            # touching a Bengali digit (ভোস্টক 6৬), converting would make another number
            touching = BENGALI_DIGIT.match(text, m.start() - 1) if m.start() else BENGALI_DIGIT.match(text, m.end())
            touching = touching or BENGALI_DIGIT.match(text, m.end())
            fix = None if touching else Fix("unsafe", "convert to Bengali digits", [Edit(s, e, m.group().translate(table))])
            yield Hit(s, e, {"digits": m.group()}, fix)


@rule("T005", "precomposed-nukta", "style", "পূর্বগঠিত নুক্তা-অক্ষর «{char}» (U+{cp})",
      "precomposed nukta letter “{char}” (U+{cp}) that MediaWiki stores decomposed", fix="safe",
      example="য় written as U+09DF")
def precomposed(art):
    """U+09DC, U+09DD, U+09DF: MediaWiki normalises them to NFC (decomposed) on save."""
    for s, _, m in _find(art, PRECOMPOSED, ("\u09dc", "\u09dd", "\u09df")):
        ch = m.group()
        yield Hit(s, s + 1, {"char": ch, "cp": f"{ord(ch):04X}"},
                  Fix("safe", "normalise to NFC", [Edit(s, s + 1, unicodedata.normalize("NFC", ch))]))
