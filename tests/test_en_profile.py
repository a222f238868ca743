"""The English Wikipedia profile (bot/profiles/en.json): it validates, it mirrors the bn profile's
structure, and the rule catalogue works on English bilateral-relations articles with it (the T
rules are Bengali-only and stay silent)."""

from __future__ import annotations

import json
import re
from datetime import date

from bot.article import build, split_title
from bot.facts import profile_by_name
from bot.fixes import fix_page
from bot.rules import all_rules
from bot.schema import load_schema, validator_for
from bot.validate import validate
from conftest import ROOT

EN_PATH = ROOT / "bot" / "profiles" / "en.json"
BN_PATH = ROOT / "bot" / "profiles" / "bn.json"
TITLE = "Argentina–Azerbaijan relations"


def lint(text, en, gaz_en, title=TITLE):
    art = build(text, title, en, gaz_en)
    return art, validate(art)


def test_validates_against_the_profile_schema(en):
    data = json.loads(EN_PATH.read_text("utf-8"))
    assert list(validator_for(load_schema("profile")).iter_errors(data)) == []
    assert en.lang == "en" and en.text["bengali"] is False
    assert profile_by_name("en").data == data


def test_mirrors_the_bn_profile(en):
    bn = json.loads(BN_PATH.read_text("utf-8"))
    data = en.data
    assert [s["key"] for s in data["sections"]["standard"]] == [s["key"] for s in bn["sections"]["standard"]]
    assert [s["key"] for s in data["sections"]["body"]] == [s["key"] for s in bn["sections"]["body"]]
    assert set(data["missions"]["kinds"]) == set(bn["missions"]["kinds"])
    assert set(data["rule_names"]) == set(all_rules()) == set(bn["rule_names"])
    assert set(data["citations"]["fields"]) == set(bn["citations"]["fields"])
    # every word is English: no Bengali letter anywhere in the profile
    assert not re.search("[\u0980-\u09ff]", EN_PATH.read_text("utf-8"))
    # the T rules say they are Bengali-only
    assert all("Bengali only" in data["rule_names"][c] for c in all_rules() if c.startswith("T"))


def test_titles_and_categories(en, gaz_en):
    t = split_title(TITLE, en, gaz_en)
    assert t["bilateral_pattern"] and [c["code"] for c in t["countries"]] == ["AR", "AZ"]
    t = split_title("India-Pakistan relations", en, gaz_en)
    assert t["separator"] == "-" and not t["standard_separator"]
    assert [c["code"] for c in t["countries"]] == ["IN", "PK"]
    assert not split_title("Foreign relations of India", en, gaz_en)["bilateral_pattern"]
    assert en.bilateral_category("Argentina") == "Bilateral relations of Argentina"
    art, found = lint("'''India-Pakistan relations''' are old.", en, gaz_en, "India-Pakistan relations")
    assert "W005" in {f.code for f in found}
    assert build("Text.", "Foreign relations of India", en, gaz_en).reason == "not-bilateral"


PAGE = """{{Infobox Bilateral relations|Argentina–Azerbaijan relations|Argentina|Azerbaijan
|mission1 = Embassy of Argentina, [[Baku]]
|mission2 =
|mapsize = 250
}}
'''Argentina–Azerbaijan relations''' are the relations between the two countries. Argentina opened an \
embassy in [[Baku]] in 2010.<ref>{{cite web|url=http://example.org|title=A}}</ref> Azerbaijan has an \
embassy in [[Buenos Aires]].<ref>{{cite web|title=B}}</ref> Tea.{{Cn|date=May 2020}} ।। ৷ ১২ ড়

==Diplomatic missions==
* India has an embassy in Baku.

== Notes and references ==
{{reflist}}

== See also ==
* [[Foreign relations of Argentina]]

{{Foreign relations of Argentina}}
[[Category:Bilateral relations of Argentina]]
"""


def test_english_article_lints(en, gaz_en):
    art, found = lint(PAGE, en, gaz_en)
    assert art.status == "checked"
    codes = {f.code for f in found}
    assert {"I005", "R006", "L001", "L002", "L007", "E004"} <= codes
    assert not {c for c in codes if c.startswith("T")}  # Bengali-only rules stay silent
    assert "R002" not in codes and "I001" not in codes  # {{reflist}} and the infobox alias are known
    secs = {s["title"]: s["key"] for s in art.doc["sections"]}
    assert secs == {"Diplomatic missions": "missions", "Notes and references": "references", "See also": "see_also"}
    assert [m["kind"] for m in art.doc["maintenance"]] == ["citation_needed"]
    assert art.doc["navboxes"][0]["name"] == "Foreign relations of Argentina"
    l001 = next(f for f in found if f.code == "L001")
    assert "“References”" in l001.message_en


def test_english_fixes_and_summary(en, gaz_en):
    page = ("'''Argentina–Azerbaijan relations''' are old.{{In use}} Argentina has an embassy in [[Baku]]."
            "\n\n==History==\nText.<ref>{{cite web|url=http://e.org|title=T}}</ref>\n\n[[Category:Foo]]\n")
    assert build(page, TITLE, en, gaz_en).doc["edit_blocks"] == ["In use"]
    out = fix_page(page, TITLE, en, gaz_en, unsafe=True, layout=True, today=date(2025, 6, 1))
    assert out.status == "checked" and out.refused is None
    assert out.summary.startswith("Bot: tidying a bilateral-relations article — ")
    assert "Heading spacing (L007)" in out.summary and "Reference list (R002)" in out.summary
    assert out.text.startswith("{{Infobox bilateral relations|Argentina–Azerbaijan relations|Argentina|Azerbaijan\n"
                               "| mission1 = Embassy of Argentina, Baku\n}}")
    assert "== References ==\n{{Reflist}}" in out.text and "== History ==" in out.text


def test_maintenance_date_is_english(en, gaz_en):
    page = "'''Argentina–Azerbaijan relations''' are old.\n"
    out = fix_page(page, TITLE, en, gaz_en, unsafe=True, layout=True, today=date(2025, 6, 1))
    assert out.text.startswith("{{Unreferenced|date=June 2025}}\n")


def test_catalogue_rules_fire_under_en(en, gaz_en):
    """The rules are profile-driven: English pages trigger them as Bengali ones do."""
    broken = ("'''India–United Kingdom relations''' are close. India has an embassy in [[London]]."
              "<ref name=a>http://x.org/a</ref> The UK has a consulate in [[Kolkata]].<ref name=b/>"
              "<ref name=c>A</ref><ref name=c>B</ref>\n\n==History==\n\n==History==\nText."
              "<ref>{{cite web|publisher=X}}</ref>\n=====Deep=====\nx {{a\n\n{{Reflist}}\n"
              "[[Category:Foo]]\n[[Category:Foo]]\n")
    art = build(broken, "India–United Kingdom relations", en, gaz_en)
    assert {"E006", "I001", "L003", "L004", "L005", "L006", "L007", "R003", "R004", "R005", "R006", "W001",
            "W003", "W004"} <= {f.code for f in validate(art)}
    bare = build("Chile and Peru.\n\n== Notes ==\nText.\n", "Chile–Peru relations", en, gaz_en)
    assert {"E001", "I001", "L003", "R001", "W003", "W006"} <= {f.code for f in validate(bare)}
    w003 = next(f for f in validate(bare) if f.code == "W003")
    assert "Bilateral relations of" in w003.message_en
