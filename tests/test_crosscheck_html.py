"""Issue #23: the crosscheck report as a Bengali HTML page (``relbot crosscheck --format html -o
FILE``, bot/crosscheckpage.py): per article its English pages and its facts agreed / missing
here / disagreeing / only here, each English fact with its page, line and reference link; a
Jinja2 template with autoescape, the page's one script and style in its CSP by hash, no sideways
scroll on a 390 px phone.

Expectations are written by hand from the fixtures: the seed's two embassies (Foreign relations
of Argentina lines 1126/1127, Azerbaijan 861/862, their references' URLs and titles as
tests/test_crosscheck.py has them) and rules/E008 (a consulate in Thimphu in the infobox, line 2
column 13, and in the prose, line 11 column 1; Foreign relations of Bhutan line 140 says
embassy; the embassy in Dhaka, line 3 column 13 and line 11 column 275, is only here).
"""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest

from bot.cli import main
from bot.crosscheckpage import reference_link, render_crosscheck
from browser import Watch, launch
from conftest import CORPUS, FIXTURES, SEED
from test_crosscheck import AR_TITLE, AR_URL, AZ_TITLE, AZ_URL

E008 = FIXTURES / "rules" / "E008"
EN = "https://en.wikipedia.org/wiki/"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("crosscheck-html") / "crosscheck.html"
    assert main(["crosscheck", str(SEED.parent), str(E008), "--against", str(CORPUS), "--format", "html",
                 "-o", str(out)]) == 1  # a disagreement: exit 1, as the text format
    return out


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_page_is_self_contained_with_its_csp(page):
    html = page.read_text("utf-8")
    tree = lxml.html.fromstring(html)
    assert tree.get("lang") == "bn"
    [meta] = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    csp = dict(d.strip().split(" ", 1) for d in meta.get("content").split(";"))
    [script] = tree.xpath("//script")
    [style] = tree.xpath("//style")
    assert csp["default-src"] == "'none'" and csp["script-src"] == sha(script.text) and csp["style-src"] == sha(style.text)
    assert "unsafe" not in meta.get("content")
    assert not tree.xpath("//img|//link|//iframe|//object|//embed|//base|//form")
    assert not [e for e in tree.iter() if isinstance(e.tag, str) and any(k.startswith("on") for k in e.attrib)]
    assert tree.xpath("//h1")[0].text_content() == "ইংরেজি উইকিপিডিয়ার সঙ্গে মিশনের তথ্য মিলিয়ে দেখা relbot crosscheck"
    totals = {dt.text_content(): dd.text_content() for dt, dd in zip(tree.xpath("//dl[@class='totals']/dt"),
                                                                      tree.xpath("//dl[@class='totals']/dd"))}
    assert totals == {"পাতা pages": "২ (পরীক্ষিত ২)", "মিল আছে agreed": "২", "এখানে নেই missing-here": "০",
                      "অমিল disagreeing": "১", "শুধু এখানে only-here": "১", "সমস্যা E008 findings": "২"}


def facts_of(article) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(group, the fact's line, [(link text, href)…]) of each fact of an article."""
    out = []
    for li in article.xpath(".//li[contains(@class, 'fact')]"):
        text = " ".join(li.text_content().split())
        out.append((li.getparent().getparent().get("class"), text, [(a.text_content(), a.get("href"))
                                                                   for a in li.xpath(".//a")]))
    return out


def test_the_disagreeing_article_comes_first_open_with_its_english_fact(page):
    tree = lxml.html.fromstring(page.read_text("utf-8"))
    first, second = tree.xpath("//details[contains(@class, 'article')]")
    assert first.xpath("summary")[0].text_content().split() == ["বাংলাদেশ–ভুটান", "সম্পর্ক", "·", "অমিল", "১", "·",
                                                               "শুধু", "এখানে", "১"]
    assert first.get("open") is not None and "disagreeing" in first.get("class") and second.get("open") is None
    assert facts_of(first) == [
        ("group disagreeing", "অমিল বাংলাদেশ → ভুটান: কনস্যুলেট consulate, থিম্পু — এখানে লাইন ২:১৩, ১১:১ "
                              "ইংরেজি: Foreign relations of Bhutan লাইন ১৪০",
         [("Foreign relations of Bhutan", EN + "Foreign_relations_of_Bhutan")]),
        ("group only-here", "শুধু এখানে ভুটান → বাংলাদেশ: দূতাবাস embassy, ঢাকা — এখানে লাইন ৩:১৩, ১১:২৭৫", [])]
    assert [h.text_content() for h in first.xpath(".//section/h3")] == ["অমিল disagreeing (১)",
                                                                       "শুধু এখানে only-here (১)"]


def test_each_english_fact_has_its_reference_link(page):
    tree = lxml.html.fromstring(page.read_text("utf-8"))
    seed = tree.xpath("//details[contains(@class, 'article')]")[1]
    ar, az = EN + "Foreign_relations_of_Argentina", EN + "Foreign_relations_of_Azerbaijan"
    [(group1, _, links1), (group2, _, links2)] = facts_of(seed)
    assert group1 == group2 == "group agreed"
    # Foreign relations of Azerbaijan cites the Argentine page with "{{pipe}}" in its title: the
    # page shows the pipe (the title there is "… exterior | Embajada en El Salvador")
    assert links1 == [("Foreign relations of Argentina", ar), (AR_TITLE, AR_URL),
                      ("Foreign relations of Azerbaijan", az), (AR_TITLE.replace(" - ", " | "), AR_URL)]
    assert links2 == [("Foreign relations of Argentina", ar), (AZ_TITLE, AZ_URL),
                      ("Foreign relations of Azerbaijan", az), ("Embassy of Azerbaijan in Argentina", AZ_URL)]
    assert [a.text_content() for a in seed.xpath(".//ul[@class='english']/li/a")] == [
        "Foreign relations of Argentina", "Foreign relations of Argentina",
        "Foreign relations of Azerbaijan", "Foreign relations of Azerbaijan"]


def test_hostile_values_are_text_and_only_web_addresses_are_links():
    assert reference_link("<ref>{{cite web|url=javascript:alert(1)|title=x}}</ref>") is None
    assert reference_link("<ref>[https://example.org/a Some page]</ref>") == {"url": "https://example.org/a",
                                                                             "title": "https://example.org/a"}
    evil = "<script>alert(1)</script>"
    report = {"pages": [{"title": evil + "–ভুটান সম্পর্ক", "source": evil, "status": "checked",
                         "english": [{"title": evil, "passage": "row", "line": 1}], "findings": [],
                         "rows": [{"status": "missing-here", "sender": "BT", "host": "BD", "kind": "embassy",
                                   "city_id": None, "here": [], "reference": None,
                                   "there": [{"title": evil, "passage": "row", "line": 1, "column": 1,
                                              "kind": "embassy", "city": evil, "city_id": None,
                                              "refs": [{"name": None, "text": f"<ref>{{{{cite web|url=https://x.org/\"><b>|title={evil}}}}}</ref>"}]}]}]}],
              "summary": {"pages": 1, "checked": 1, "rows": {"agreed": 0, "disagreeing": 0, "missing-here": 1,
                                                             "only-here": 0}, "findings": 0, "input_errors": []}}
    html = render_crosscheck(report)
    assert html.count("<script") == 1 and "<b>" not in html
    tree = lxml.html.fromstring(html)
    assert [a.get("href") for a in tree.xpath("//a[@class='ref-link']")] == ['https://x.org/">']


def test_the_page_fits_a_phone(page):
    """At 390 px with every article open the page does not scroll sideways (long English titles
    and reference URLs wrap), the buttons work and nothing off the page is loaded or run."""
    with launch() as browser:
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="bn-BD", is_mobile=True,
                                      has_touch=True)
        try:
            tab = context.new_page()
            watch = Watch(tab)
            tab.goto(page.as_uri())
            assert tab.locator("details.article[open]").count() == 1
            tab.click("#expand-all")
            assert tab.locator("details.article[open]").count() == 2
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390
            tab.click("#collapse-all")
            assert tab.locator("details.article[open]").count() == 0
            assert watch.clean(), vars(watch)
        finally:
            context.close()


def test_the_html_format_is_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["crosscheck", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert re.search(r"--format \{text,json,html\}", out)
    assert "a self-contained Bengali HTML page (default: text)" in out


def test_the_review_pages_english_links_fit_a_phone(tmp_path):
    """A review bundle whose entry carries its English pages (as propose --crosswiki writes them)
    and a page that disagrees: at 390 px the review page does not scroll sideways."""
    import json

    from bot.reviewpage import render_review
    from bot.schema import validator

    bundle = tmp_path / "bundle.json"
    assert main(["propose", str(SEED), "--against", str(CORPUS), "-o", str(bundle)]) == 0
    doc = json.loads(bundle.read_text("utf-8"))
    long = "Foreign relations of the Democratic Republic of the Congo"
    doc["entries"][0]["english"] = [{"title": t, "url": EN + t.replace(" ", "_")}
                                    for t in ("Foreign relations of Argentina", long)]
    doc["disagreements"] = [{"title": "বাংলাদেশ–ভুটান সম্পর্ক", "source": str(E008), "base_revid": None,
                             "english": [{"title": long, "url": EN + long.replace(" ", "_")}], "findings": []}]
    assert list(validator("bundle").iter_errors(doc)) == []
    page = tmp_path / "review.html"
    page.write_text(render_review(doc), "utf-8")
    with launch() as browser:
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="bn-BD", is_mobile=True,
                                      has_touch=True)
        try:
            tab = context.new_page()
            watch = Watch(tab)
            tab.goto(page.as_uri())
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            assert tab.locator("dd.english a.english").count() == 3
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390
            assert watch.clean(), vars(watch)
        finally:
            context.close()
