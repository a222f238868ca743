"""The fix engine: findings' fixes become text edits, applied in rounds, checked by a guard.

A round takes every applicable fix whose edits do not overlap an edit already taken
(smallest first, so local fixes never wait for structural ones), applies them to the
text, and parses again. Rounds repeat, up to a bound, until nothing applicable is
left; the last parse is the verifying one. Before the fixed text is returned, the
content guard compares the original and the final article: no reference, category,
file, language link or template may disappear unless an applied rule exists to remove
it (W004 drops a duplicate category). A violation refuses the whole edit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from . import extags
from .article import Article, build
from .gazetteer import Gazetteer
from .profile import Profile, name_key
from .edits import Edit
from .tree import paused_call
from .validate import Finding, validate, validate_split

#: Rules whose fixes ``--layout`` applies even without ``--unsafe``.
LAYOUT_RULES = frozenset({"L001", "L002", "L003", "L008", "I001"})
#: What an applied rule may remove: kind of inventory item.
REMOVES = {"W004": "category"}
MAX_ROUNDS = 6


@dataclass(frozen=True, slots=True)
class Applied:
    code: str
    severity: str
    applicability: str
    description: str


@dataclass
class Outcome:
    title: str
    original: str
    text: str
    status: str = "checked"
    reason: str | None = None
    applied: list[Applied] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    refused: dict | None = None  # {"bn", "en"}: what the guard would have lost
    rounds: int = 0
    summary: str = ""
    article: Article | None = None  # the final (verifying) parse
    findings: list[Finding] = field(default_factory=list)  # of the page as it was
    suppressed: list[Finding] = field(default_factory=list)  # of the page as it was: listed false positives
    first: Article | None = None  # the page as it was

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def cosmetic(self) -> bool:
        """Every applied rule is style-level: a bot must not save such an edit on its own."""
        return bool(self.applied) and all(a.severity == "style" for a in self.applied)

    @property
    def codes(self) -> list[str]:
        return sorted({a.code for a in self.applied})


def applicable(finding: Finding, unsafe: bool, layout: bool, also=frozenset()) -> bool:
    """``also``: codes whose unsafe fixes apply even without ``unsafe`` (propose --against: E003)."""
    fix = finding.fix
    if fix is None:
        return False
    if fix.applicability != "safe" and not (unsafe or (layout and finding.code in LAYOUT_RULES)
                                            or finding.code in also):
        return False
    return bool(fix.edits)  # computed only now, for the fixes that may apply


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def choose(findings: list[Finding], unsafe: bool, layout: bool, also=frozenset()) -> list[Finding]:
    """Applicable fixes with no overlapping edits; a fix identical to a chosen one rides along."""
    candidates = [f for f in findings if applicable(f, unsafe, layout, also)]
    candidates.sort(key=lambda f: (sum(e.end - e.start + len(e.new) for e in f.fix.edits), f.start))
    chosen: list[Finding] = []
    taken: list[Edit] = []
    seen: set[tuple] = set()
    for f in candidates:
        key = tuple(f.fix.edits)
        if key in seen:
            chosen.append(f)
            continue
        if any(_overlaps(e, t) for e in f.fix.edits for t in taken):
            continue
        if any(_overlaps(a, b) for i, a in enumerate(f.fix.edits) for b in f.fix.edits[i + 1:]):
            continue  # a malformed fix never applies
        chosen.append(f)
        taken.extend(f.fix.edits)
        seen.add(key)
    return chosen


def moved(pos: int, edits: list[Edit], start: bool) -> int:
    """Where a span's ``start`` (else end) offset lands once ``edits`` are applied: text inserted
    right at a start comes before the span, at an end after it; an offset inside an edit goes to
    the edit's start."""
    shift = 0
    for e in set(edits):
        if e.start < pos < e.end:
            return moved(e.start, edits, start)
        if e.end < pos or (e.end == pos and (start or e.start < e.end)):
            shift += len(e.new) - (e.end - e.start)
    return pos + shift


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in sorted(set(edits), key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def inventory(art: Article) -> dict[str, Counter]:
    """What an edit must not lose: references by content, categories, files, links, templates."""
    doc = art.doc
    return {
        "reference": Counter(" ".join(c.split()) for c in _reference_contents(doc)),
        "category": Counter(c["key"] for c in doc["categories"]),
        "file": Counter(name_key(f["name"]) for f in doc["files"]),
        "interlanguage": Counter(f"{i['lang']}:{i['title']}" for i in doc["interlanguage"]),
        "template": Counter(name_key(t["name"]) for t in doc["templates"]),
    }


def _reference_contents(doc: dict):
    """The content of every reference; for a ref left open, whose content runs on to a later
    ref's ``</ref>`` (Cite: included_ref), the refs inside it, closed where they were."""
    for r in doc["references"]["refs"]:
        content = r["content"]
        if r["cite_error"] == "included_ref":
            inner = content + "</ref>"
            for t in extags.scan(inner).refs():
                if t.inner is not None and inner[t.inner[0]:t.inner[1]].strip():
                    yield inner[t.inner[0]:t.inner[1]]
        elif content is not None and content.strip():
            yield content


def guard(before: Article, after: Article, applied: list[Applied]) -> dict | None:
    """None when nothing was lost; else a Bengali and English message naming the losses."""
    allowed = Counter(REMOVES[a.code] for a in applied if a.code in REMOVES)
    old, new = inventory(before), inventory(after)
    lost = []
    for kind in old:
        missing = old[kind] - new[kind]
        if not missing:
            continue
        if kind in allowed and kind == "category":
            # a dropped duplicate leaves one of its kind behind
            missing = Counter({k: n for k, n in missing.items() if new[kind][k] == 0})
        lost += [f"{kind} “{item[:60]}”" for item in sorted(missing.elements())]
    if not lost:
        return None
    what = "; ".join(lost[:5]) + (f" (+{len(lost) - 5})" if len(lost) > 5 else "")
    return {"bn": f"সম্পাদনা বাতিল: এতে হারিয়ে যেত — {what}",
            "en": f"edit refused: it would have lost {what}"}


def summary(profile: Profile, applied: list[Applied]) -> str:
    spec = profile.data["summary"]
    items, seen = [], set()
    for a in applied:
        if a.code in seen:
            continue
        seen.add(a.code)
        name = profile.data["rule_names"].get(a.code, a.code)
        items.append(spec["item"].format(name=name, code=a.code))
    return spec["prefix"] + spec["separator"].join(items) if items else ""


def fix_page(text: str, title: str, profile: Profile, gazetteer: Gazetteer | None = None, *,
             unsafe: bool = False, layout: bool = False, select=None, ignore=None,
             today: date | None = None, max_rounds: int = MAX_ROUNDS, exceptions=None, english=None,
             also=frozenset()) -> Outcome:
    """Fix one page. The text outside applied edits is never touched. ``exceptions``: the page's
    entries of the exceptions page (bot/exceptions.py): their findings are suppressed in every
    round, so their fixes never apply. ``english``: the English pages to cross-check against
    (bot.counterpart.EnglishPages; ``--against``): E003 then offers their references (unsafe).
    ``also``: codes whose unsafe fixes apply without ``unsafe`` (``propose --against``: E003)."""
    return paused_call(_fix_page, text, title, profile, gazetteer, unsafe, layout, select, ignore, today,
                       max_rounds, exceptions or None, english, frozenset(also))


def _fix_page(text, title, profile, gazetteer, unsafe, layout, select, ignore, today, max_rounds,
              exceptions, english=None, also=frozenset()) -> Outcome:
    gaz = gazetteer or Gazetteer.load(profile.lang)

    def parse(t: str) -> Article:
        art = build(t, title, profile, gaz)
        art.english = english
        if today is not None:
            art.today = today
        return art

    first = art = parse(text)
    out = Outcome(title=title, original=text, text=text, status=art.status, reason=art.reason, article=art,
                  first=art)
    if art.status != "checked":
        return out
    seen_texts = {text}
    findings, out.suppressed = validate_split(art, select, ignore, exceptions)
    out.findings = findings
    # a suppressed finding stays suppressed in later rounds even when another fix edits its anchor
    # text away: its span is followed through every round's edits
    held = {(f.code, f.start, f.end) for f in out.suppressed}
    while out.rounds < max_rounds:
        chosen = choose(findings, unsafe, layout, also)
        if not chosen:
            break
        edits = [e for f in chosen for e in f.fix.edits]
        new_text = apply_edits(art.text, edits)
        out.rounds += 1
        if new_text == art.text or new_text in seen_texts:
            break  # a fix that changes nothing, or a cycle: stop rather than loop
        seen_texts.add(new_text)
        out.applied += [Applied(f.code, f.severity, f.fix.applicability, f.fix.description) for f in chosen]
        art = parse(new_text)
        if art.status != "checked":  # a fix must never make the page unreadable
            out.refused = {"bn": f"সম্পাদনা বাতিল: সংশোধনের পর পাতাটি পড়া যায় না ({art.reason})",
                           "en": f"edit refused: the fixed page could not be read ({art.reason})"}
            break
        held = {(code, moved(a, edits, True), moved(b, edits, False)) for code, a, b in held}
        findings = [f for f in validate(art, select, ignore, exceptions) if (f.code, f.start, f.end) not in held]
    if out.refused is None and out.applied:
        out.refused = guard(first, art, out.applied)
    if out.refused is not None:
        out.text, out.article, out.applied = text, first, []
        out.remaining = validate(first, select, ignore, exceptions)
        return out
    out.text, out.article, out.remaining = art.text, art, findings
    out.summary = summary(profile, out.applied)
    return out
