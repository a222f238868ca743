"""Issue #23: what the other Wikipedia knows — the English counterpart of a bilateral pair
(bot/counterpart.py), the comparison of mission facts (bot/crosscheck.py), E008, ``relbot
crosscheck``, and E003's fix that brings English references home (bot/citeimport.py).

Every expectation is written by hand from the pages themselves: the line numbers, URLs and
titles of fixtures/enwiki were read in ``Foreign_relations_of_Argentina.wikitext`` (rows at
lines 833 and 1124, facts at 1126 and 1127) and ``Foreign_relations_of_Azerbaijan.wikitext``
(rows at 330 and 859, facts at 861 and 862).
"""

from __future__ import annotations

import json

import pytest

from bot.article import build
from bot.cli import english_pages, main
from bot.citeimport import local_date, localize
from bot.counterpart import EnglishPages, Passage, passages
from bot.crosscheck import compare, english_side, for_article
from bot.fixes import fix_page
from bot.schema import validator
from bot.validate import validate
from conftest import CORPUS, FIXTURES, SEED, read, title_of

SEED_TITLE = title_of(SEED)
AR_URL = "https://esalv.cancilleria.gob.ar/representaciones/repre/1022"
AR_TITLE = "Representaciones argentinas en el exterior - Embajada en El Salvador"
AZ_URL = "http://buenosaires.mfa.gov.az/es"
AZ_TITLE = "Embajada de la República de Azerbaiyán en Buenos Aires"
# the two references of Foreign relations of Argentina (lines 1126 and 1127), as written there
AR_REF = ("<ref>{{cite web|url=" + AR_URL + "|title=" + AR_TITLE + "|website=esalv.cancilleria.gob.ar"
          "|access-date=16 May 2019|archive-url=https://web.archive.org/web/20190710072444/" + AR_URL
          + "|archive-date=10 July 2019|url-status=dead}}</ref>")
AZ_REF = "<ref>{{cite web|url=" + AZ_URL + "|title=" + AZ_TITLE + "|website=buenosaires.mfa.gov.az}}</ref>"
# and as bnwiki writes them
AR_BN = ("{{ওয়েব উদ্ধৃতি|ইউআরএল=" + AR_URL + "|শিরোনাম=" + AR_TITLE + "|ওয়েবসাইট=esalv.cancilleria.gob.ar"
         "|সংগ্রহের-তারিখ=১৬ মে ২০১৯|আর্কাইভের-ইউআরএল=https://web.archive.org/web/20190710072444/" + AR_URL
         + "|আর্কাইভের-তারিখ=১০ জুলাই ২০১৯|ইউআরএল-অবস্থা=অকার্যকর}}")
AZ_BN = "{{ওয়েব উদ্ধৃতি|ইউআরএল=" + AZ_URL + "|শিরোনাম=" + AZ_TITLE + "|ওয়েবসাইট=buenosaires.mfa.gov.az}}"


@pytest.fixture(scope="module")
def corpus():
    return english_pages([CORPUS])


@pytest.fixture(scope="module")
def gaz_en():
    from bot.gazetteer import Gazetteer

    return Gazetteer.load("en")


def line_of(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


# -- 1. the counterpart ------------------------------------------------------------------------

def test_the_seed_pair_is_read_in_both_survey_pages(corpus, gaz_en):
    found = passages(corpus, "AZ", "AR", gaz_en)
    ar = corpus.raw("Foreign relations of Argentina")
    az = corpus.raw("Foreign relations of Azerbaijan")
    assert [(p.title, p.kind, line_of(ar if p.title.endswith("Argentina") else az, p.start)) for p in found] == [
        ("Foreign relations of Argentina", "row", 833),  # the table of dates
        ("Foreign relations of Argentina", "row", 1124),  # the notes table: the two embassies
        ("Foreign relations of Azerbaijan", "row", 330),
        ("Foreign relations of Azerbaijan", "row", 859),
    ]
    row = ar[found[1].start:found[1].end]
    assert row.startswith("|{{flag|Azerbaijan }}")
    assert "Azerbaijan has an embassy in [[Buenos Aires]]" in row and "China" not in row
    # the same passages whichever order the Bengali title names the pair
    assert passages(corpus, "AR", "AZ", gaz_en) == found


def test_bilateral_page_sections_and_redirects(gaz_en):
    section = ("=== [[Argentina–Azerbaijan relations|Argentina]] ===\n"
               "* Azerbaijan has an embassy in [[Buenos Aires]].\n")
    policy = "== Americas ==\n" + section + "=== Brazil ===\n* Azerbaijan has an embassy in [[Brasília]].\n"
    pages = EnglishPages({
        "Argentina–Azerbaijan relations": "#REDIRECT [[Relations of Argentina and Azerbaijan]]",
        "Relations of Argentina and Azerbaijan": "Argentina has an embassy in [[Baku]].",
        "Foreign relations of Azerbaijan": "#REDIRECT [[Azerbaijan foreign policy]]",
        "Azerbaijan foreign policy": policy,
        "Foreign relations of Argentina": "#REDIRECT [[Foreign relations of Argentina]]",  # a loop
    })
    start = policy.index("=== [[")
    assert passages(pages, "AR", "AZ", gaz_en) == [
        Passage("Relations of Argentina and Azerbaijan", "bilateral", 0, 37),
        Passage("Azerbaijan foreign policy", "section", start, start + len(section)),
    ]
    assert pages.resolve("Foreign relations of Argentina") is None


def test_a_row_never_runs_past_a_heading(gaz_en):
    text = ("|{{flag|Pakistan}}\n* Argentina has an embassy in [[Islamabad]].\n"  # a table left open
            "== Notes ==\nArgentina has a consulate in [[Karachi]].\n")
    pages = EnglishPages({"Foreign relations of Argentina": text})
    assert passages(pages, "AR", "PK", gaz_en) == [
        Passage("Foreign relations of Argentina", "row", 0, text.index("== Notes"))]
    assert [(f.kind, f.city_id) for f in english_side(pages, "AR", "PK")[0]] == [("embassy", "PK:islamabad")]


# -- 2. the comparison ---------------------------------------------------------------------------

AR_PK = """{| class="wikitable"
|-
|{{flag|Pakistan}}
|
* Argentina has an embassy in [[Islamabad]].<ref name="ar">{{cite web|url=https://example.org/ar|title=AR in PK}}</ref>
* Pakistan has an embassy in [[Buenos Aires]].<ref name="pk" />
* Pakistan has a consulate-general in Buenos Aires.
|-
|{{flag|Peru}}
|
* Pakistan has an embassy in [[Buenos Aires]], accredited to Peru.
|}
== Notes ==
<references>
<ref name="pk">{{cite news|url=https://example.org/pk|title=PK in AR|date=3 March 2011}}</ref>
</references>
"""
PK_REF = '<ref name="pk">{{cite news|url=https://example.org/pk|title=PK in AR|date=3 March 2011}}</ref>'
BN_AR_PK = ("'''আর্জেন্টিনা–পাকিস্তান সম্পর্ক''' দুই দেশের সম্পর্ক। করাচিতে আর্জেন্টিনার একটি কনস্যুলেট রয়েছে। "
            "বুয়েনোস আইরেসে পাকিস্তানের একটি দূতাবাস রয়েছে।\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
BN_AR_PK_TITLE = "আর্জেন্টিনা–পাকিস্তান সম্পর্ক"


def test_english_facts_carry_their_references_named_ones_resolved():
    pages = EnglishPages({"Foreign relations of Argentina": AR_PK})
    facts, found = english_side(pages, "PK", "AR")
    assert [p.kind for p in found] == ["row"]  # the Peru row is not about the pair
    assert [(f.sender, f.host, f.kind, f.city_id, f.line, [r.whole for r in f.refs]) for f in facts] == [
        ("AR", "PK", "embassy", "PK:islamabad", 5,
         ['<ref name="ar">{{cite web|url=https://example.org/ar|title=AR in PK}}</ref>']),
        ("PK", "AR", "embassy", "AR:buenos-aires", 6, [PK_REF]),
        ("PK", "AR", "consulate-general", "AR:buenos-aires", 7, []),
    ]
    assert facts[1].refs[0].name == "pk"


def test_only_a_reference_with_a_web_address_is_brought_home(profile, gaz):
    harv = AR_PK.replace('<ref name="pk" />', "<ref>{{Harvnb|Smith|2001|p=4}}</ref>")
    pages = EnglishPages({"Foreign relations of Argentina": harv})
    art = build(BN_AR_PK, BN_AR_PK_TITLE, profile, gaz)
    agreed = [r for r in for_article(art, pages) if r.status == "agreed"]
    assert [[x.whole for x in f.refs] for f in agreed[0].there] == [["<ref>{{Harvnb|Smith|2001|p=4}}</ref>"]]
    assert agreed[0].ref is None
    assert not fix_page(BN_AR_PK, BN_AR_PK_TITLE, profile, gaz, unsafe=True, select=["E003"], english=pages).changed


def test_each_fact_is_agreed_disagreeing_missing_here_or_only_here(profile, gaz):
    pages = EnglishPages({"Foreign relations of Argentina": AR_PK})
    art = build(BN_AR_PK, BN_AR_PK_TITLE, profile, gaz)
    rows = for_article(art, pages)
    assert [(r.status, r.sender, r.host, r.kind, r.city_id, len(r.here), [(f.kind, f.city_id) for f in r.there])
            for r in rows] == [
        ("disagreeing", "AR", "PK", "consulate", "PK:karachi", 1, [("embassy", "PK:islamabad")]),
        ("agreed", "PK", "AR", "embassy", "AR:buenos-aires", 1, [("embassy", "AR:buenos-aires")]),
        ("missing-here", "PK", "AR", "consulate-general", "AR:buenos-aires", 0,
         [("consulate-general", "AR:buenos-aires")]),
    ]
    assert rows[1].ref.whole == PK_REF
    # English Wikipedia silent on Argentina's mission: the article's fact is only here
    silent = EnglishPages({"Foreign relations of Argentina": AR_PK.replace(
        "* Argentina has an embassy in [[Islamabad]].", "* Argentina is accredited from Tehran.")})
    art = build(BN_AR_PK, BN_AR_PK_TITLE, profile, gaz)
    assert [r.status for r in compare(art.facts, english_side(silent, "AR", "PK")[0], {"AR", "PK"})] == [
        "only-here", "agreed", "missing-here"]
    # a consulate here beside the embassy both wikis state is no disagreement: only here
    both = BN_AR_PK.replace("রয়েছে। বুয়েনোস", "রয়েছে। ইসলামাবাদে আর্জেন্টিনার একটি দূতাবাস রয়েছে। বুয়েনোস")
    art = build(both, BN_AR_PK_TITLE, profile, gaz)
    assert [(r.status, r.kind, r.city_id) for r in for_article(art, pages)] == [
        ("only-here", "consulate", "PK:karachi"), ("agreed", "embassy", "PK:islamabad"),
        ("agreed", "embassy", "AR:buenos-aires"), ("missing-here", "consulate-general", "AR:buenos-aires")]


def test_a_side_without_a_city_agrees_with_any_city(profile, gaz):
    art = build("'''আর্জেন্টিনা–পাকিস্তান সম্পর্ক''' দুই দেশের সম্পর্ক। পাকিস্তানে আর্জেন্টিনার একটি দূতাবাস রয়েছে।",
                BN_AR_PK_TITLE, profile, gaz)
    assert [(f.sender, f.host_country, f.host_city_id) for f in art.facts] == [("AR", "PK", None)]
    pages = EnglishPages({"Foreign relations of Argentina": AR_PK})
    assert [r.status for r in for_article(art, pages)][0] == "agreed"


# -- 3. E008 ---------------------------------------------------------------------------------------

E008_FILE = next((FIXTURES / "rules" / "E008").glob("*.wikitext"))


def test_e008_speaks_only_with_english_pages(lint, corpus):
    _, silent = lint(read(E008_FILE), title_of(E008_FILE), select=["E008"])
    assert silent == []
    art, found = lint(read(E008_FILE), title_of(E008_FILE), english=corpus, select=["E008"])
    text = read(E008_FILE)
    assert [(art.span(f.start, f.end)["line"], text[f.start:f.end]) for f in found] == [
        (2, " বাংলাদেশ কনস্যুলেট, [[থিম্পু]]\n"),  # the infobox value, as E002 and E007 mark it
        (11, "ভুটানের রাজধানী [[থিম্পু]]তে বাংলাদেশের একটি কনস্যুলেট রয়েছে।"),
    ]
    assert {f.message_bn for f in found} == {
        "বাংলাদেশের মিশন নিয়ে ভিন্ন তথ্য (ভুটান): এই নিবন্ধে থিম্পু (কনস্যুলেট), ইংরেজি উইকিপিডিয়ার "
        "«Foreign relations of Bhutan» নিবন্ধে থিম্পু (দূতাবাস)"}
    assert {f.message_en for f in found} == {
        "Bangladesh's mission in Bhutan differs: here Thimphu (consulate), in English Wikipedia's "
        "“Foreign relations of Bhutan” Thimphu (embassy)"}
    assert all(f.fix is None for f in found)


def test_lint_against_reports_e008_and_exits_as_lint(capsys):
    assert main(["lint", str(E008_FILE), "--select", "E008"]) == 0
    assert "E008" not in capsys.readouterr().out
    assert main(["lint", str(E008_FILE), "--select", "E008", "--against", str(CORPUS), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1].split(" ", 2)[:2] for line in out[:-1]] == [["E008", "warning"]] * 2
    assert out[-1] == "1 pages (1 checked, skipped: none); 2 findings: 0 error, 2 warning, 0 style"


def test_against_is_refused_with_a_dump(capsys, tmp_path):
    assert main(["lint", "--dump", str(tmp_path / "x.xml"), "--against", str(CORPUS)]) == 2
    assert capsys.readouterr().err == (
        "relbot: error: --against reads files only: lint the pages as files to cross-check them\n")


# -- 4. relbot crosscheck --------------------------------------------------------------------------

def test_crosscheck_of_the_seed_json(capsys, tmp_path):
    out = tmp_path / "cross.json"
    assert main(["crosscheck", str(SEED), "--against", str(CORPUS), "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert list(validator("crosscheck").iter_errors(doc)) == []
    [page] = doc["pages"]
    assert page["title"] == SEED_TITLE and page["status"] == "checked" and page["findings"] == []
    assert [(e["title"], e["line"]) for e in page["english"]] == [
        ("Foreign relations of Argentina", 833), ("Foreign relations of Argentina", 1124),
        ("Foreign relations of Azerbaijan", 330), ("Foreign relations of Azerbaijan", 859)]
    assert [(r["status"], r["sender"], r["host"], r["kind"], r["city_id"]) for r in page["rows"]] == [
        ("agreed", "AR", "AZ", "embassy", "AZ:baku"), ("agreed", "AZ", "AR", "embassy", "AR:buenos-aires")]
    baku, buenos_aires = page["rows"]
    # each stated twice here (lead and history), with no reference
    assert [(h["line"], h["has_ref"]) for h in baku["here"]] == [(1, False), (9, False)]
    assert [(h["line"], h["has_ref"]) for h in buenos_aires["here"]] == [(1, False), (7, False)]
    assert [(t["title"], t["line"]) for t in baku["there"]] == [
        ("Foreign relations of Argentina", 1126), ("Foreign relations of Azerbaijan", 861)]
    assert [(t["title"], t["line"]) for t in buenos_aires["there"]] == [
        ("Foreign relations of Argentina", 1127), ("Foreign relations of Azerbaijan", 862)]
    # the reference of Foreign relations of Argentina, the foreign ministries' pages
    assert baku["reference"] == {"name": None, "text": AR_REF}
    assert buenos_aires["reference"] == {"name": None, "text": AZ_REF}
    assert doc["summary"] == {"pages": 1, "checked": 1, "findings": 0, "input_errors": [],
                              "rows": {"agreed": 2, "disagreeing": 0, "missing-here": 0, "only-here": 0}}


def test_crosscheck_text_and_exit_codes(capsys):
    assert main(["crosscheck", str(SEED), "--against", str(CORPUS)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{SEED}:1:128: agreed AR→AZ embassy বাকু — Foreign relations of Argentina:1126, "
        f"Foreign relations of Azerbaijan:861 [{AR_URL}]",
        f"{SEED}:1:195: agreed AZ→AR embassy বুয়েনোস আইরেস — Foreign relations of Argentina:1127, "
        f"Foreign relations of Azerbaijan:862 [{AZ_URL}]",
        "1 pages (1 checked): 2 agreed, 0 disagreeing, 0 missing here, 0 only here; 0 findings",
    ]
    # rows in the article's order: mission1 (line 2), mission2 (line 3); both stated in the prose too
    w003 = next((FIXTURES / "rules" / "W003").glob("*.wikitext"))
    assert main(["crosscheck", str(w003), "--against", str(CORPUS)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{w003}:2:13: agreed BD→BT embassy থিম্পু — Foreign relations of Bhutan:140",
        f"{w003}:3:13: only-here BT→BD embassy ঢাকা — —",
        "1 pages (1 checked): 1 agreed, 0 disagreeing, 0 missing here, 1 only here; 0 findings"]
    assert main(["crosscheck", str(E008_FILE), "--against", str(CORPUS), "--lang", "en"]) == 1  # a disagreement
    out = capsys.readouterr().out
    assert f"{E008_FILE}:2:13: disagreeing BD→BT consulate থিম্পু — Foreign relations of Bhutan:140" in out
    assert main(["crosscheck", str(SEED)]) == 2  # files need --against (else --wiki)
    assert capsys.readouterr().err == ("relbot: error: give files or folders and --against ENGLISH_PAGES, or --wiki "
                                       "(with pywikibot generator options)\n")
    assert main(["crosscheck", str(SEED), "--against", str(CORPUS), "--against-site", "wikipedia:en"]) == 2
    assert capsys.readouterr().err == "relbot: error: --against-site is for --wiki\n"
    assert main(["crosscheck", str(SEED), "--against", str(FIXTURES / "nowhere")]) == 2


def test_crosscheck_reads_a_dump(capsys, tmp_path):
    from xml.sax.saxutils import escape

    ar = read(CORPUS / "Foreign_relations_of_Argentina.wikitext")
    page = ("<page><title>{}</title><ns>0</ns><id>{}</id><revision><id>{}</id><text>{}</text></revision></page>")
    dump = tmp_path / "en.xml"
    dump.write_text('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">'
                    + page.format("Foreign relations of Argentina", 1, 11, escape(ar))
                    + page.format("Tango", 2, 12, "Tango has an embassy in [[Baku]].") + "</mediawiki>", "utf-8")
    pages = english_pages([dump])
    assert pages.titles() == ["Foreign relations of Argentina"]  # only counterpart titles are kept
    assert main(["crosscheck", str(SEED), "--against", str(dump), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [r["reference"]["text"] for r in doc["pages"][0]["rows"]] == [AR_REF, AZ_REF]


# -- 5. bringing references home ------------------------------------------------------------------

def test_english_dates_in_bengali(en, profile):
    assert [local_date(d, en, profile) for d in ("16 May 2019", "May 16, 2019", "2019-05-16", "Sept. 2009",
                                                 "13 Aug 2009", "about 2019", "2019-13-01")] == [
        "১৬ মে ২০১৯", "১৬ মে ২০১৯", "১৬ মে ২০১৯", "সেপ্টেম্বর ২০০৯", "১৩ আগস্ট ২০০৯", None, None]


def test_a_citation_in_bengali_names(en, profile):
    assert localize(AR_REF[5:-6], en, profile) == AR_BN
    assert localize("{{Cite news |title=X |work=[[Reuters]] |date=2009-08-13 |language=es}}", en, profile) == (
        "{{সংবাদ উদ্ধৃতি|শিরোনাম=X|কর্ম=[[Reuters]]|তারিখ=১৩ আগস্ট ২০০৯|ভাষা=es}}")
    # what is no citation template stays as written
    assert localize("[http://x.org A page] {{in lang|es}}", en, profile) == "[http://x.org A page] {{in lang|es}}"


def seed_with_references() -> str:
    """The seed with E003's fix, written by hand: each embassy's first sentence defines the
    reference, named, and its second sentence reuses it."""
    text = read(SEED)
    for old, new in [
        ("একটি দূতাবাস রয়েছে।। ", f'একটি দূতাবাস রয়েছে।।<ref name="esalv.cancilleria.gob.ar">{AR_BN}</ref> '),
        ("আজারবাইজানের একটি দূতাবাস রয়েছে।\n",
         f'আজারবাইজানের একটি দূতাবাস রয়েছে।<ref name="buenosaires.mfa.gov.az">{AZ_BN}</ref>\n'),
        ("আজারবাইজান তাদের দূতাবাস স্থাপন করে।", 'আজারবাইজান তাদের দূতাবাস স্থাপন করে।<ref name="buenosaires.mfa.gov.az" />'),
        ("তাদের স্থায়ী দূতাবাস স্থাপন করে।", 'তাদের স্থায়ী দূতাবাস স্থাপন করে।<ref name="esalv.cancilleria.gob.ar" />'),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_e003_brings_the_english_references_home(profile, gaz, corpus):
    out = fix_page(read(SEED), SEED_TITLE, profile, gaz, unsafe=True, select=["E003"], english=corpus)
    assert out.refused is None
    assert out.text == seed_with_references()
    assert [f.code for f in out.remaining] == []
    # unsafe: not without --unsafe; and nothing to bring without English pages
    assert not fix_page(read(SEED), SEED_TITLE, profile, gaz, select=["E003"], english=corpus).changed
    art = build(read(SEED), SEED_TITLE, profile, gaz)
    assert all(f.fix is None for f in validate(art, select=["E003"]))
    art.english = corpus
    fixes = [f.fix for f in validate(art, select=["E003"])]
    assert [f.applicability for f in fixes] == ["unsafe"] * 4
    # the sentences of one reference share one fix: a reuse never comes without its definition
    assert fixes[0].edits == fixes[3].edits and fixes[1].edits == fixes[2].edits


def test_every_unsafe_fix_with_references_adds_no_unreferenced_tag(profile, gaz, corpus):
    out = fix_page(read(SEED), SEED_TITLE, profile, gaz, unsafe=True, english=corpus)
    assert out.refused is None
    assert "{{উৎসহীন" not in out.text and AR_BN in out.text and AZ_BN in out.text
    assert "R001" not in out.codes and "E003" in out.codes
    assert "{{উৎসহীন" in fix_page(read(SEED), SEED_TITLE, profile, gaz, unsafe=True).text


def test_fix_and_propose_show_it(capsys, tmp_path):
    assert main(["fix", str(SEED), "--unsafe", "--select", "E003", "--against", str(CORPUS)]) == 0
    diff = capsys.readouterr().out
    assert f'+{seed_with_references().splitlines()[0]}' in diff.splitlines()
    assert main(["fix", str(SEED), "--select", "E003", "--against", str(CORPUS)]) == 1  # safe only: nothing
    assert capsys.readouterr().out == ""
    bundle = tmp_path / "b.json"
    # a review bundle: the references are proposed with --against alone, for a person to check
    assert main(["propose", str(SEED), "--against", str(CORPUS), "--select", "E003", "-o", str(bundle)]) == 0
    doc = json.loads(bundle.read_text("utf-8"))
    [entry] = doc["entries"]
    assert AR_BN in json.dumps(entry, ensure_ascii=False) and AZ_BN in json.dumps(entry, ensure_ascii=False)
    assert main(["propose", str(SEED), "--select", "E003", "-o", str(bundle)]) == 0  # none without
    assert json.loads(bundle.read_text("utf-8"))["entries"] == []
    assert main(["propose", "--dump", str(tmp_path / "x.xml"), "--against", str(CORPUS), "-o", str(bundle)]) == 2
    assert "--against works with files" in capsys.readouterr().err


def test_run_takes_no_english_pages(capsys):
    """The bot never brings references home: run has no --against, and refuses it before
    connecting to any wiki."""
    assert main(["run", "--against", str(CORPUS)]) == 2
    assert capsys.readouterr().err == f"relbot: error: unrecognized arguments: --against {CORPUS}\n"


def test_a_reference_taken_once_is_not_named(profile, gaz):
    pages = EnglishPages({"Foreign relations of Argentina": AR_PK})
    out = fix_page(BN_AR_PK, BN_AR_PK_TITLE, profile, gaz, unsafe=True, select=["E003"], english=pages)
    assert out.text == BN_AR_PK.replace(
        "পাকিস্তানের একটি দূতাবাস রয়েছে।",
        "পাকিস্তানের একটি দূতাবাস রয়েছে।<ref>{{সংবাদ উদ্ধৃতি|ইউআরএল=https://example.org/pk|শিরোনাম=PK in AR"
        "|তারিখ=৩ মার্চ ২০১১}}</ref>")
