"""W: wiki markup and the page as a whole."""

from __future__ import annotations

import bisect
import re

from .. import layout
from ..extags import REPARSED
from ..zones import merge_spans
from ..profile import name_key
from . import Edit, Fix, Hit, register

# `<ref`/`</ref` markup, also run into an attribute by a lost space (`</refname=…`)
REF_DEBRIS = re.compile(r"<\s*/?\s*ref(?:\b|(?=(?:name|group)\s*=))[^<>\n]{0,60}>?", re.I)
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)

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
    """``<ref>`` markup MediaWiki shows as text, and refs Cite prints an error for.

    An opening tag with no closing tag after it and a stray ``</ref>`` stay on the page as
    text; a ref whose content holds another ``<ref`` (its closing tag forgotten), a ref with
    neither name nor content, a numeric name or an unknown attribute get Cite's error. The
    content of ``{{#tag:ref}}`` and of the profile's footnote templates (``{{efn}}``, ``{{sfn}}``
    …) reaches Cite expanded, the refs in it already references: they are no ``<ref`` left open.
    Content that mwparserfromhell could not read (an unclosed ``''`` …) is no error to Cite.
    Inside a reference's content, ``<ref``/``</ref`` debris outside comments is reported even
    when ``<nowiki>`` wraps it: the reference list shows it as text (a ``</refname=…`` typo, a
    ``<nowiki><ref></nowiki>`` left by a broken edit), and nobody writes about markup in a
    footnote of an article.
    """
    text, ext = art.text, art.parsed.ext
    reported = set()  # refs with Cite's error: their content's debris is that error already
    for ref in art.doc["references"]["refs"]:
        if ref["cite_error"]:
            s = ref["span"]["start"]
            reported.add(s)
            end = ref["content_span"]["start"] if ref["content_span"] else ref["span"]["end"]
            yield Hit(s, ref["span"]["end"], {"tag": text[s:end]})
    # what MediaWiki does not show as text: extension tags (but the content of <references>
    # and the like, which is wikitext again), comments and <nowiki>-like content
    spans = ([(t.start, t.end) for t in ext.tags if t.name not in REPARSED or t.inner is None]
             + [(t.start, t.inner[0]) for t in ext.tags if t.name in REPARSED and t.inner]
             + [(t.inner[1], t.end) for t in ext.tags if t.name in REPARSED and t.inner] + ext.hidden)
    starts, ends = merge_spans(spans)
    for m in REF_DEBRIS.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < ends[i]:
            continue
        yield Hit(m.start(), m.end(), {"tag": m.group()})
    for t in ext.tags:
        if t.name == "ref" and t.inner is not None and t.start not in reported:
            content = COMMENT.sub(lambda c: " " * len(c.group()), text[t.inner[0]:t.inner[1]])
            for m in REF_DEBRIS.finditer(content):
                s = t.inner[0] + m.start()
                yield Hit(s, s + len(m.group()), {"tag": m.group()})


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
