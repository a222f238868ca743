"""The on-wiki list of false positives (the profile's ``bot.exceptions_page``).

One entry a line: ``* [[Page]] | CODE | optional anchor text | note``. A listed finding is
suppressed: reported apart, never fixed. Lines that are not list items (headings, prose) are
ignored, and so are comments and ``<pre>``/``<nowiki>`` blocks; a list item that does not parse is *malformed*: reported with its line number, never
fatal. A finding matches an entry when its page title is the entry's (MediaWiki title identity,
after NFC), its code is the entry's, and, when the entry gives anchor text, that text is in the
finding's own source text or in the lines its span touches (both after NFC, white space
collapsed), the finding's own text first (see ``assign``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .profile import name_key

_ITEM = re.compile(r"^\*\s*(.*)$")
_LINK = re.compile(r"^\[\[\s*:?([^\[\]|{}<>]+?)\s*(?:\|[^\[\]]*)?\]\](.*)$")
_CODE = re.compile(r"^[A-Z][0-9]{3}$")
#: What the wiki does not show as list items: comments (an unclosed one runs to the end, as in
#: MediaWiki) and text shown as code (a format example on the page's header)
_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|<(pre|nowiki|syntaxhighlight|source|code)\b[^>]*>.*?</\1\s*>",
                     re.S | re.I)


@dataclass(frozen=True, slots=True)
class Entry:
    title: str
    code: str
    anchor: str  # "" when the whole page's findings of this code are meant
    note: str
    line: int  # 1-based, on the exceptions page


@dataclass(frozen=True, slots=True)
class Malformed:
    line: int
    text: str
    why: str

    def warning(self, where: str) -> str:
        return f"{where} line {self.line}: {self.why}: {self.text[:120]}"


@dataclass
class Exceptions:
    entries: list[Entry] = field(default_factory=list)
    malformed: list[Malformed] = field(default_factory=list)
    _index: dict = field(default_factory=dict, repr=False, compare=False)  # title key -> entries
    _indexed: int = field(default=-1, repr=False, compare=False)  # how many entries it holds

    def for_page(self, title: str) -> list[Entry]:
        """The entries of one page, in page order (an index by title, made once: runs ask per page)."""
        if self._indexed != len(self.entries):
            self._index = {}
            for e in self.entries:
                self._index.setdefault(name_key(e.title), []).append(e)
            self._indexed = len(self.entries)
        return list(self._index.get(name_key(title), ()))


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse(text: str, known_codes=None) -> Exceptions:
    """The entries and the malformed list items of the page's wikitext."""
    out = Exceptions()
    text = _HIDDEN.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # line numbers kept
    for n, raw in enumerate(text.splitlines(), 1):
        item = _ITEM.match(raw.strip())
        if not item:
            continue
        m = _LINK.match(item.group(1).strip())
        if not m:
            out.malformed.append(Malformed(n, raw, "expected * [[Page]] | CODE | anchor text | note"))
            continue
        rest = m.group(2).strip()
        fields = [f.strip() for f in rest[1:].split("|", 2)]
        code = fields[0].upper()
        if not rest.startswith("|") or not _CODE.match(code):
            out.malformed.append(Malformed(n, raw, "no rule code after the page link"))
            continue
        if known_codes is not None and code not in known_codes:
            out.malformed.append(Malformed(n, raw, f"unknown rule code {code}"))
            continue
        anchor = fields[1] if len(fields) > 1 else ""
        note = fields[2] if len(fields) > 2 else ""
        out.entries.append(Entry(unicodedata.normalize("NFC", m.group(1)), code, _flat(anchor), note, n))
    return out


def load(text: str) -> Exceptions:
    """``parse`` against the rule catalogue: an unknown code is a malformed line."""
    from .rules import all_rules

    return parse(text, set(all_rules()))


def context(text: str, start: int, end: int) -> str:
    """The lines a span touches (a finding's context for anchor text)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:len(text) if b < 0 else b]


def assign(entries: list[Entry], findings, text: str) -> dict[int, Entry]:
    """Which findings (objects with ``code``, ``start``, ``end``) the page's ``entries`` suppress:
    ``{index in findings: entry}``. An entry with no anchor takes every finding of its code; one
    with anchor text takes the findings of its code whose own text holds it, and only when none
    does, those whose lines hold it (so that one anchor picks one of two findings on a paragraph)."""
    taken: dict[int, Entry] = {}
    for e in entries:
        same = [i for i, f in enumerate(findings) if f.code == e.code and i not in taken]
        anchor = _flat(e.anchor)
        if anchor:
            hits = [i for i in same if anchor in _flat(text[findings[i].start:findings[i].end])] or \
                   [i for i in same if anchor in _flat(context(text, findings[i].start, findings[i].end))]
        else:
            hits = same
        taken.update((i, e) for i in hits)
    return taken


def line_for(title: str, code: str, anchor: str = "", note: str = "") -> str:
    """The page line for one false positive (what the review page's button exports). The anchor
    is cut at its first bar or line break (a prefix of source text still finds the finding), the
    note kept on one line."""
    anchor = re.split(r"[|\n]", anchor, maxsplit=1)[0].strip()
    note = " ".join(note.split())
    return f"* [[{title}]] | {code} | {anchor} | {note}".rstrip(" |")
