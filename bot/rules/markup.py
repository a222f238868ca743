"""W: wiki markup and the page as a whole."""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Tag, Text

from .. import layout
from ..parse import OPAQUE_TAGS
from ..profile import name_key
from . import Edit, Fix, Hit, register

REF_DEBRIS = re.compile(r"<\s*/?\s*ref\b[^>]*>?", re.I)
REF_OPEN = re.compile(r"<\s*ref\b", re.I)
REF_CLOSE = re.compile(r"<\s*/\s*ref\b", re.I)

register("W005", "title-separator", "style",
         "শিরোনামে দুই দেশের নামের মাঝে এন ড্যাশ (–) নেই",
         "the title separates the countries with a hyphen or another mark instead of an en dash",
         example="বাংলাদেশ-ভুটান সম্পর্ক",
         doc="Checked by the policy schema: the title's separator is the profile's standard one.")
register("W006", "lead-bold-title", "style",
         "ভূমিকা গাঢ় অক্ষরে লেখা শিরোনাম দিয়ে শুরু হয়নি", "the lead does not begin with the bolded title",
         example="[[বাংলাদেশ]] ও ভুটান …",
         doc="Checked by the policy schema: `lead.begins_with_bold_title`.")


def check_brackets(art):
    """Template, link or table brackets without their partner."""
    names = {"template": "{{ }}", "link": "[[ ]]", "table": "{| |}"}
    for b in art.parsed.brackets.unmatched:
        yield Hit(b.start, b.end, {"kind": names[b.kind], "mark": art.text[b.start:b.end]})


def check_ref_tags(art):
    """``<ref>`` markup the parser could not pair: unclosed, stray ``</ref>`` or malformed."""
    parsed = art.parsed
    refs = art.ref_nodes
    # every parsed ref accounts for one "<ref" and, unless self-closing, one "</ref": equal
    # counts in the raw text leave no room for debris (the common case, checked in C)
    if (len(REF_OPEN.findall(art.text)) == len(refs)
            and len(REF_CLOSE.findall(art.text)) == sum(not r.self_closing for r in refs)):
        return
    opaque = [parsed.span(n) for n in parsed.nodes
              if type(n) is Tag and not n.wiki_markup and str(n.tag).strip().lower() in OPAQUE_TAGS]
    for node in parsed.nodes:
        if type(node) is not Text or "ref" not in node.value.lower():
            continue
        start = parsed.start(node)
        if any(s <= start < e for s, e in opaque):
            continue
        for m in REF_DEBRIS.finditer(node.value):
            yield Hit(start + m.start(), start + m.end(), {"tag": m.group()})


def check_categories(art):
    """Each country of the title should have its "<genitive> bilateral relations" category."""
    have = {c["key"] for c in art.doc["categories"]}
    missing = []
    for country in art.doc["title"]["countries"]:
        code = country["code"]
        genitive = art.gazetteer.genitive(code) if code else None
        if not genitive:
            continue
        want = art.profile.bilateral_category(genitive)
        if name_key(want) not in have and want not in missing:
            missing.append(want)
    cats = art.doc["categories"]
    at = cats[-1]["span"]["end"] if cats else len(art.text)
    for want in missing:
        # every finding offers the same edit adding all missing ones in title order
        yield Hit(at, at, {"category": want},
                  Fix("unsafe", f"add [[…:{want}]]", make=lambda: layout.category_edits(art, missing)))


def check_duplicate_categories(art):
    """The same category twice; the later one goes."""
    seen = set()
    text = art.text
    for cat in art.doc["categories"]:
        if cat["key"] in seen:
            s, e = cat["span"]["start"], cat["span"]["end"]
            # take the line break too when the link stands alone on its line
            if (s == 0 or text[s - 1] == "\n") and text[e:e + 1] == "\n":
                e += 1
            yield Hit(cat["span"]["start"], cat["span"]["end"], {"category": cat["name"]},
                      Fix("safe", "drop the repeated category", [Edit(s, e, "")]))
        seen.add(cat["key"])


def check_english_prefix(art):
    """``[[Category:`` / ``[[File:`` / ``[[Image:`` where the local namespace name reads better."""
    local = art.profile.english_prefixes
    # a reference is quoted material: its text is not ours to tidy
    refs = [(r["span"]["start"], r["span"]["end"]) for r in art.doc["references"]["refs"]]
    for item in art.doc["categories"] + art.doc["files"]:
        if not item["english_prefix"] or any(s <= item["span"]["start"] < e for s, e in refs):
            continue
        s = item["span"]["start"]
        at = art.text.index(item["prefix"], s)
        new = local[name_key(item["prefix"])]
        yield Hit(s, item["span"]["end"], {"prefix": item["prefix"], "local": new},
                  Fix("safe", f"{item['prefix']}: → {new}:", [Edit(at, at + len(item["prefix"]), new)]))


register("W001", "unbalanced-brackets", "error", "বন্ধনী «{mark}» এর জোড়া নেই ({kind})",
         "unbalanced {kind} bracket “{mark}”", example="{{সূত্র তালিকা", check=check_brackets)
register("W002", "malformed-ref", "error", "অসম্পূর্ণ বা ভুল <ref> ট্যাগ «{tag}»",
         "unclosed or malformed <ref> tag “{tag}”", example="<ref>…", check=check_ref_tags)
register("W003", "missing-bilateral-category", "warning", "বিষয়শ্রেণী «{category}» নেই",
         "missing the category “{category}”", fix="unsafe", example="(no [[বিষয়শ্রেণী:…দ্বিপাক্ষিক সম্পর্ক]])",
         check=check_categories)
register("W004", "duplicate-category", "warning", "বিষয়শ্রেণী «{category}» দুবার আছে",
         "category “{category}” appears twice", fix="safe", example="[[বিষয়শ্রেণী:ক]] … [[বিষয়শ্রেণী:ক]]",
         check=check_duplicate_categories)
register("W007", "english-namespace", "style", "ইংরেজি নামস্থান উপসর্গ «{prefix}:»; লিখুন «{local}:»",
         "English namespace prefix “{prefix}:” instead of “{local}:”", fix="safe",
         example="[[Category:…]]", check=check_english_prefix)
