"""L: layout and sections."""

from __future__ import annotations

from collections import Counter

from .. import layout
from ..profile import section_norm
from . import Edit, Fix, Hit, register, rule


def _title_edit(art, sec: dict, title: str) -> Edit:
    span = sec["title_span"]
    return Edit(span["start"], span["end"], f" {title} ")


@rule("L001", "non-canonical-section-title", "warning",
      "আদর্শ অনুচ্ছেদের শিরোনাম «{title}» প্রচলিত রূপে নেই; লিখুন «{canonical}»",
      "standard section titled “{title}” instead of “{canonical}”", fix="safe",
      example="== উৎস ==  →  == তথ্যসূত্র ==")
def non_canonical_title(art):
    """A standard section (see also, references, external links …) under an alias of its title.

    No fix when a section already carries the canonical title at the same level, or another
    alias of it does (a page with ``== উদ্ধৃতি ==`` and ``== উৎস ==``, or ``== উৎস ==`` and
    ``== তথ্যসূত্র ==``): renaming would make two sections of one title,
    which L005 reports and readers see; merging them is a person's work."""
    sections = art.doc["sections"]
    taken = {(s["level"], section_norm(s["title"])) for s in sections}
    keys = Counter((s["level"], s["key"]) for s in sections if s["key"])
    for sec in sections:
        if sec["canonical"] and sec["title"] != sec["canonical"] and sec["key"] in art.profile.appendix_order:
            fix = None
            if (sec["level"], section_norm(sec["canonical"])) not in taken and keys[sec["level"], sec["key"]] == 1:
                fix = Fix("safe", f"rename to {sec['canonical']}", [_title_edit(art, sec, sec["canonical"])])
            yield Hit(sec["title_span"]["start"], sec["title_span"]["end"],
                      {"title": sec["title"], "canonical": sec["canonical"]}, fix)


@rule("L002", "appendix-order", "warning",
      "পরিশিষ্ট অনুচ্ছেদ «{title}» ভুল জায়গায়: পরিশিষ্টগুলি সব মূল অনুচ্ছেদের পরে, আদর্শ ক্রমে থাকে",
      "appendix section “{title}” out of the standard order (after all body sections, in order)",
      fix="unsafe", example="== তথ্যসূত্র == … == ইতিহাস ==")
def appendix_order(art):
    """Appendix sections must follow every body section, in the profile's order."""
    order = art.profile.appendix_order
    top = [s for s in art.doc["sections"] if s["parent"] is None]
    for i, sec in enumerate(top):
        if sec["key"] not in order:
            continue
        later = top[i + 1:]
        body_after = any(s["key"] not in order for s in later)
        earlier_rank = any(s["key"] in order and order[s["key"]] < order[sec["key"]] for s in later)
        if body_after or earlier_rank:
            yield Hit(sec["heading_span"]["start"], sec["heading_span"]["end"], {"title": sec["title"]},
                      Fix("unsafe", "move appendix sections after the body, in the standard order",
                          make=lambda: layout.reorder_edits(art)))
            return


register("L003", "references-section", "warning",
         "তথ্যসূত্র অনুচ্ছেদ নেই, অথবা তাতে সূত্র তালিকা নেই",
         "no references section, or one without the reference list", fix="safe",
         example="== তথ্যসূত্র ==  (empty)",
         doc="Checked by the policy schema: a section with key `references` exists and holds a reflist "
             "template or <references/>.", fixer=layout.reflist_edits)


@rule("L004", "empty-section", "warning", "অনুচ্ছেদ «{title}» খালি", "section “{title}” is empty",
      example="== বাণিজ্য ==\n== সংস্কৃতি ==")
def empty_section(art):
    """A heading followed by nothing before the next heading of the same or a higher level."""
    for sec in art.doc["sections"]:
        if sec["empty"] and sec["key"] != "references":
            yield Hit(sec["heading_span"]["start"], sec["heading_span"]["end"], {"title": sec["title"]})


@rule("L005", "duplicate-section", "warning",
      "একই স্তরে অনুচ্ছেদ «{title}» দুবার আছে", "section “{title}” appears twice at the same level",
      example="== ইতিহাস == … == ইতিহাস ==")
def duplicate_section(art):
    """The same title twice among sibling sections."""
    seen = set()
    for sec in art.doc["sections"]:
        key = (sec["parent"], sec["level"], section_norm(sec["title"]))
        if key in seen:
            yield Hit(sec["heading_span"]["start"], sec["heading_span"]["end"], {"title": sec["title"]})
        seen.add(key)


@rule("L006", "heading-level", "warning",
      "শিরোনামের স্তর {level}: স্তর ১ ব্যবহার বা স্তর বাদ দেওয়া চলবে না",
      "heading level {level} skips a level or is level 1", example="== ক ==\n==== খ ====")
def heading_level(art):
    """A level-1 heading, or a heading more than one level below the one before it.

    A level-1 heading counts as level 1, as an editor reads it: ``= ক =`` then ``=== খ ===``
    skips level 2 and both are reported. The lead counts as level 1, so a first heading of
    level 3 skips a level too."""
    prev = 1
    for sec in art.doc["sections"]:
        level = sec["level"]
        if level == 1 or level > prev + 1:
            yield Hit(sec["heading_span"]["start"], sec["heading_span"]["end"], {"level": level})
        prev = level


@rule("L007", "heading-spacing", "style",
      "শিরোনামের ফাঁকা জায়গা «== শিরোনাম ==» রূপে নেই", "heading spacing differs from “== title ==”",
      fix="safe", example="==ইতিহাস==")
def heading_spacing(art):
    """One space between the equals signs and the title, nothing else."""
    for sec in art.doc["sections"]:
        raw = sec["title_raw"]
        if "\n" in raw or "<!--" in raw:
            continue
        if raw != f" {raw.strip()} " and raw.strip():
            yield Hit(sec["title_span"]["start"], sec["title_span"]["end"], {},
                      Fix("safe", "normalise heading spacing", [_title_edit(art, sec, raw.strip())]))


@rule("L008", "trailer-order", "style",
      "নেভবক্স, বিষয়শ্রেণী ও আন্তঃভাষা সংযোগ নিবন্ধের শেষে এই ক্রমে থাকে",
      "navboxes, categories and language links belong at the end of the article, in that order",
      fix="unsafe", example="[[বিষয়শ্রেণী:…]] in the middle of a section")
def trailer_order(art):
    """After the last section: navboxes, then categories, then interlanguage links.

    ``{{DEFAULTSORT:…}}`` and stub templates (the profile's ``stub_patterns``,
    ``{{…-অসম্পূর্ণ}}``) may stand in that closing run; where they stand there is not reported
    by itself (66 of 269 real articles have the stub above the categories), but the fix writes
    the Manual of Style order: DEFAULTSORT right above the categories, stubs below them."""
    items = layout.trailer_misplaced(art)
    if items:
        first = next((i for i in items if i[1] < art.doc["trailer"]["start"]), items[0])
        yield Hit(first[1], first[2], {}, Fix("unsafe", "move navboxes and categories to the end",
                                              make=lambda: layout.trailer_edits(art)))
