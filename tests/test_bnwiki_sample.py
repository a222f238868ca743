"""Every real Bengali Wikipedia article of fixtures/bnwiki, linted and fixed under a bilateral title
(so that every rule runs): no crash, no page over the dump scanner's page timeout, exact round
trip, nothing lost by any fix, and a fixed page fixed again does not change.

"Nothing lost" is checked here independently of the fix engine's own guard (bot/fixes.py), by
counting references, categories, files and interlanguage links in the raw text before and
after with plain patterns, the way a reader of the diff would.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter

import pytest

import realpages
from bot.fixes import fix_page
from bot.parse import parse
from bot.report import lint_entry

#: The dump scanner's default --page-timeout (bot/cli.py): no real page may come near it.
PAGE_SECONDS = 10.0
MODES = {"safe": {}, "unsafe+layout": {"unsafe": True, "layout": True}}

_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|<nowiki>.*?</nowiki>", re.S | re.I)
_REF = re.compile(r"<ref(?:\s[^>]*)?>", re.I)  # opening and self-closing tags
_LINK = re.compile(r"\[\[\s*([^\[\]|{}<>\n]+?)\s*(?:\|[^\[\]]*)?\]\]")
_CATEGORY = ("বিষয়শ্রেণী", "category")
_FILE = ("চিত্র", "ছবি", "ফাইল", "file", "image")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})*$")


def holdings(text: str) -> dict[str, Counter]:
    """References (opening tags), categories, files and interlanguage links of raw wikitext."""
    visible = _HIDDEN.sub("", text)
    out = {"reference": Counter(), "category": Counter(), "file": Counter(), "interlanguage": Counter()}
    out["reference"]["<ref>"] = len(_REF.findall(visible))
    for m in _LINK.finditer(visible):
        target = unicodedata.normalize("NFC", " ".join(m.group(1).replace("_", " ").split()))
        if target.startswith(":"):
            continue  # a link to a category or file page, not a membership
        prefix, colon, rest = target.partition(":")
        key = prefix.strip().casefold()
        if not colon:
            continue
        if key in _CATEGORY:
            out["category"][rest.strip()] += 1
        elif key in _FILE:
            out["file"][rest.strip()] += 1
        elif _LANG.match(prefix.strip()):
            out["interlanguage"][f"{prefix.strip()}:{rest.strip()}"] += 1
    return out


def test_the_sample_is_there():
    pages = realpages.all_pages()
    assert len(pages) == realpages.PAGES
    assert sum(1 for ns, _, _ in pages if ns == 0) == realpages.NS0
    assert len(realpages.articles()) == realpages.ARTICLES


def test_holdings_counts_what_a_reader_would():
    text = ("ক<ref name=a>খ</ref> গ<ref name=a/> <!-- <ref>x</ref> -->\n[[বিষয়শ্রেণী:ভারত]] [[Category:ভারত]]\n"
            "[[চিত্র:মানচিত্র.svg|থাম্ব]] [[:বিষয়শ্রেণী:নয়]] [[en:India]] [[ঢাকা]]")
    got = holdings(text)
    assert got["reference"]["<ref>"] == 2
    assert got["category"] == Counter({"ভারত": 2})
    assert got["file"] == Counter({"মানচিত্র.svg": 1})
    assert got["interlanguage"] == Counter({"en:India": 1})


def test_every_article_round_trips():
    for title, text in realpages.articles():
        p = parse(text)
        assert str(p.tree) == text, title


@pytest.mark.parametrize("mode", MODES)
def test_lint_and_fix_every_article(mode, profile, gaz):
    title = realpages.BILATERAL_TITLE
    slow, lost, refused, unstable, checked = [], [], [], [], 0
    for name, text in realpages.articles():
        started = time.perf_counter()
        entry = lint_entry(text, title, name, profile, gaz)
        out = fix_page(text, title, profile, gaz, **MODES[mode])
        elapsed = time.perf_counter() - started
        if elapsed > PAGE_SECONDS:
            slow.append((name, round(elapsed, 1)))
        assert entry["status"] == out.status == "checked", name
        checked += 1
        lines = text.count("\n") + 1
        for f in entry["findings"]:
            assert 1 <= f["line"] <= f["end_line"] <= lines, (name, f["code"])
        if out.refused is not None:
            refused.append((name, out.refused["en"]))
        if not out.changed:
            continue
        before, after = holdings(text), holdings(out.text)
        for kind in before:
            missing = before[kind] - after[kind]
            if kind == "category" and "W004" in out.codes:  # W004 drops a duplicate category
                missing = Counter({k: n for k, n in missing.items() if after[kind][k] < 1})
            if missing:
                lost.append((name, kind, dict(missing), out.codes))
        again = fix_page(out.text, title, profile, gaz, **MODES[mode])
        if again.text != out.text:
            unstable.append((name, again.codes))
    assert checked == realpages.ARTICLES
    assert slow == []
    assert lost == []
    assert refused == []
    assert unstable == []
