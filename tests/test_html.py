"""The HTML pages: the review page of a bundle and the lint report (issue 5).

Static checks read the markup; the browser checks open the pages from file:// in Debian's
headless Chromium (``tests/browser.py``). Bundles are built here from real fixtures with the
fix engine and ``bot.diffs``, independent of ``relbot propose``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import time
import unicodedata
from datetime import datetime, timezone
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from bot import diffs
from bot.review import places
from bot.reviewpage import render_review
from bot.cli import main as relbot
from bot.fixes import fix_page
from bot.htmlpages import json_script
from bot.lintpage import context, render_lint_report, section_of, section_starts, trend
from bot.state import State, read_runs
from bot.schema import validator
from browser import Watch, launch, platform_fonts
from conftest import FIXTURES, SEED, read, title_of

HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "</script><script>alert(2)</script>",
           "'><svg onload=alert(3)>", "\u2028\u2029<!--"]
EVIL = " ".join(HOSTILE)
# what is markup to a wiki or to a template engine, not to HTML: must come out as the same text
WIKI_EVIL = "{{7*7}} ]] [[x|y]] {% raw %} \"q\" 'a' &section=9#x"
WIKI = "https://bn.wikipedia.org"  # the link base of the pages here
# where pages made from files link rule codes: docs/rules.md in the profile's project.repository
RULES_MD = "https://github.com/relbot/relbot/blob/main/docs/rules.md"
DOCS_MD = FIXTURES.parent / "docs" / "rules.md"  # the same file in this checkout (its anchors)
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def bn(n) -> str:
    """A number in Bengali digits, as a bn page writes it."""
    return str(n).translate(BN_DIGITS)
WIKITEXT_HOSTILE = "{{x|]]}} [[y|'\"]]"  # wikitext and quotes: shown as text, never as markup
HOSTILE_ANCHOR = f"{HOSTILE[0]} \"'"

# -- building documents ------------------------------------------------------------------------


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_entry(title: str, old: str, new: str, *, rules: list[dict], summary: str, findings: list[dict],
               source: str, base_revid: int | None = None, cosmetic: bool = False) -> dict:
    key = f"{title}\n{base_revid}\n{_sha(new)}"
    return {"id": _sha(key)[:12], "title": title, "source": source, "base_revid": base_revid, "rules": rules,
            "applicability": "unsafe" if any(r["applicability"] == "unsafe" for r in rules) else "safe",
            "summary": summary, "cosmetic": cosmetic, "diff": diffs.unified(old, new, title),
            "hunks": diffs.hunks(old, new), "new_sha256": _sha(new), "findings": findings}


def entry_from_fix(path: Path, profile, *, unsafe: bool = False, base_revid: int | None = None) -> dict:
    title = title_of(path)
    out = fix_page(read(path), title, profile, unsafe=unsafe)
    assert out.changed, path
    names, rules, seen = profile.data["rule_names"], [], set()
    for a in out.applied:
        if a.code not in seen:
            seen.add(a.code)
            rules.append({"code": a.code, "severity": a.severity, "applicability": a.applicability,
                          "description": a.description, "name": names.get(a.code, a.code)})
    entry = make_entry(title, out.original, out.text, rules=rules, summary=out.summary, cosmetic=out.cosmetic,
                       findings=[f.to_json(out.first) for f in out.findings],
                       source=str(path.relative_to(FIXTURES.parent)), base_revid=base_revid)
    entry["places"] = places(out)
    return entry


def make_bundle(entries: list[dict], profile: str = "bn", source: str = "files", base: str | None = WIKI) -> dict:
    doc = {"relbot_bundle": 1, "id": _sha("\n".join(e["id"] for e in entries))[:16],
           "created": datetime(2026, 11, 1, 3, 17, tzinfo=timezone.utc).isoformat(), "profile": profile,
           "source": source, "site": None, "entries": entries, "links": {"base_url": base} if base else None,
           "options": {"unsafe": True, "layout": False, "select": None, "ignore": None}}
    doc = json.loads(json.dumps(doc, ensure_ascii=False))  # as read from a bundle file: tuples are lists
    validator("bundle").validate(doc)
    return doc


# seed: T001 (warning) + L007 (style) + L003 (warning), all safe; then one rule each
CASES = [("seed", False), ("rules/L001", False), ("rules/T002", False), ("rules/L008", True),
         ("rules/T004", True), ("rules/I001", True)]


@pytest.fixture(scope="module")
def bundle(profile):
    entries = []
    for n, (folder, unsafe) in enumerate(CASES):
        path = next((FIXTURES / folder).glob("*.wikitext"))
        entries.append(entry_from_fix(path, profile, unsafe=unsafe, base_revid=1000 + n))
    return make_bundle(entries)


def by_code(bundle: dict, code: str) -> dict:
    return next(e for e in bundle["entries"] if [r["code"] for r in e["rules"]] == [code])


@pytest.fixture(scope="module")
def hostile_bundle():
    old = read(SEED)
    line = f"{EVIL} রয়েছে।। [https://example.org/x.png ছবি] <ref>http://evil.invalid/a.js</ref>"
    old = old.replace("\n\n", f"\n\n{line}\n\n", 1)
    new = old.replace(line, line.replace("রয়েছে।।", f"রয়েছে। {HOSTILE[1]}"))
    finding = {"code": "T001", "severity": "warning", "line": 3, "column": 5, "end_line": 3, "end_column": 9,
               "message": {"bn": f"দ্বিগুণ দাঁড়ি {HOSTILE[0]}", "en": f"double danda {HOSTILE[1]}"},
               "fix": {"applicability": "safe", "description": HOSTILE[2]}}
    entry = make_entry(f"{HOSTILE[0]}–{HOSTILE[1]} {WIKITEXT_HOSTILE} সম্পর্ক", old, new, source=HOSTILE[3], base_revid=7,
                       rules=[{"code": "T001", "severity": "warning", "applicability": "safe",
                               "description": HOSTILE[0], "name": HOSTILE[1]}],
                       summary=f"বট: {EVIL}", findings=[finding])
    entry["places"] = [{"section": 0, "anchor": HOSTILE_ANCHOR}]
    doc = make_bundle([entry], profile=EVIL)
    assert any(line["op"] == "~" for h in entry["hunks"] for line in h["lines"])
    return doc


@pytest.fixture(scope="module")
def lint_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("lint") / "report.json"
    assert relbot(["lint", str(FIXTURES), "--format", "json", "-o", str(out)]) == 1  # fixtures have errors
    report = json.loads(out.read_text("utf-8"))
    validator("report").validate(report)
    sources = {p["source"]: Path(p["source"]).read_text("utf-8") for p in report["pages"]}
    return report, sources


@pytest.fixture(scope="module")
def hostile_report():
    src = f"{{{{x}}}}\n{EVIL} {WIKI_EVIL} রয়েছে।। শেষ\n"
    col = src.split("\n")[1].index("।।") + 1
    page = {"title": f"{EVIL} {WIKI_EVIL}", "source": HOSTILE[1], "status": "checked", "findings": [
        {"code": "T001", "severity": "warning", "line": 2, "column": col, "end_line": 2, "end_column": col + 2,
         "message": {"bn": f"{HOSTILE[0]} {WIKI_EVIL}", "en": HOSTILE[1]},
         "fix": {"applicability": "safe", "description": HOSTILE[2]}},
        {"code": "L007", "severity": "style", "line": 2, "column": 1, "end_line": 3, "end_column": 1,
         "message": {"bn": HOSTILE[2], "en": HOSTILE[3]}, "fix": None}]}
    skipped = {"title": HOSTILE[3], "source": "b", "status": "skipped", "reason": "redirect", "detail": HOSTILE[0],
               "findings": []}
    report = {"pages": [page, skipped], "summary": {
        "pages": 2, "checked": 1, "skipped": {"redirect": 1}, "findings": 2,
        "by_severity": {"error": 0, "warning": 1, "style": 1}, "by_code": {"L007": 1, "T001": 1},
        "input_errors": [HOSTILE[0]]}}
    validator("report").validate(report)
    return report, {HOSTILE[1]: src}


@pytest.fixture(scope="module")
def pages(tmp_path_factory, bundle, hostile_bundle, lint_report, hostile_report):
    folder = tmp_path_factory.mktemp("html")
    written = {"review": render_review(bundle), "hostile-review": render_review(hostile_bundle),
               "report": render_lint_report(*lint_report), "hostile-report": render_lint_report(*hostile_report)}
    for name, html in written.items():
        (folder / f"{name}.html").write_text(html, "utf-8")
    return folder, written


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    path = Path(os.environ.get("RELBOT_ARTIFACTS") or tmp_path_factory.mktemp("artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- static checks -----------------------------------------------------------------------------


class Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self._in: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._in = (tag, attrs)
            if tag == "script":
                self.scripts.append((attrs, ""))
            else:
                self.styles.append("")

    def handle_endtag(self, tag):
        if self._in and self._in[0] == tag:
            self._in = None

    def handle_data(self, data):
        if self._in and self._in[0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in and self._in[0] == "style":
            self.styles[-1] += data


def parse(html: str) -> Markup:
    m = Markup()
    m.feed(html)
    m.close()
    return m


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


URL_ATTRS = {"src", "href", "action", "formaction", "srcset", "poster", "data", "background", "xlink:href",
             "manifest", "ping", "cite", "longdesc", "codebase"}


@pytest.mark.parametrize("name", ["review", "hostile-review", "report", "hostile-report"])
def test_self_contained_with_csp(pages, name):
    html = pages[1][name]
    m = parse(html)
    tags = {t for t, _ in m.tags}
    assert not tags & {"link", "img", "iframe", "object", "embed", "base", "form", "audio", "video", "source"}
    # in-page anchors only; the review page also links out (never loads) to its wiki and the rule docs
    out = ("#", WIKI + "/", RULES_MD + "#")
    for tag, attrs in m.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)  # no inline handlers
        for key in URL_ATTRS & attrs.keys():
            assert key == "href" and tag == "a" or attrs[key].startswith("#"), (tag, key, attrs[key])
            assert attrs[key].startswith(out), (tag, key, attrs[key])
    for style in m.styles:
        assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert not re.search(r"""src\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    # the CSP: nothing but the page's own inline script and style, by hash
    metas = [a for t, a in m.tags if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(metas) == 1
    csp = dict(d.strip().split(" ", 1) for d in metas[0]["content"].split(";"))
    assert csp["default-src"] == "'none'" and csp["img-src"] == "'none'" and csp["base-uri"] == "'none'"
    runnable = [text for attrs, text in m.scripts if attrs.get("type") is None]
    assert len(runnable) == 1 and csp["script-src"] == csp_hash(runnable[0])
    assert len(m.styles) == 1 and csp["style-src"] == csp_hash(m.styles[0])
    assert "unsafe" not in metas[0]["content"]
    assert "innerHTML" not in html and "outerHTML" not in html and "insertAdjacentHTML" not in html
    assert "document.write" not in html and "eval(" not in html
    assert 'lang="bn"' in html and '<meta charset="utf-8">' in html
    assert "Noto Sans Bengali" in m.styles[0] and "Lohit Bengali" in m.styles[0]


@pytest.mark.parametrize("name", ["hostile-review", "hostile-report"])
def test_hostile_strings_are_escaped(pages, name):
    html = pages[1][name]
    for bad in HOSTILE[:4]:
        assert bad not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert re.search(r"&(?:quot|#34);&gt;&lt;img src=x onerror=alert\(1\)&gt;", html)  # html.escape or Jinja
    assert html.count("<script") == html.lower().count("<script") == (2 if name == "hostile-review" else 1)
    assert html.count("</script>") == html.count("<script")
    assert "<img" not in html.lower() and "<svg onload" not in html.lower()
    assert "\u2028" not in html.split("<script", 1)[1]  # not inside the script blocks
    if name == "hostile-review":  # wikitext in the title: text, its quotes escaped, in headings and attributes
        assert "{{x|]]}} [[y|&#39;&#34;]]" in html and WIKITEXT_HOSTILE not in html


def test_json_script_cannot_break_out():
    data = {"a": "</script><script>alert(1)</script>", "b": "\u2028\u2029<!-- & -->", "c": "ইতিহাস"}
    block = json_script("x", data)
    inner = block[block.index(">") + 1:block.rindex("</script>")]
    assert not set(inner) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(inner) == data
    assert "ইতিহাস" in inner  # Bengali stays readable


def test_review_page_content(bundle, pages):
    html = pages[1]["review"]
    for e in bundle["entries"]:
        assert f'data-id="{e["id"]}"' in html
        assert e["summary"] in html
        bengali = str(e["base_revid"]).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        assert f">{bengali}</a>" in html  # in Bengali digits, linked to its diff
    seed = bundle["entries"][0]
    assert {r["code"] for r in seed["rules"]} == {"T001", "L007", "L003"}
    # T001: রয়েছে।। → রয়েছে।: the danda removed is a marked character with its code point
    assert '<del class="punct">।</del><span class="codes">U+0964 → ∅</span>' in html
    # T002: ৷ → ।: a look-alike, shown as code points
    assert '<del>৷</del><ins>।</ins><span class="codes">U+09F7 → U+0964</span>' in html
    assert html.count('class="entry"') == len(bundle["entries"])
    # the summary table: one row per rule code, with the count of entries
    summary = html[html.index('id="summary-table"'):html.index("</table>", html.index('id="summary-table"'))]
    assert summary.count("<tr>") == 1 + len({r["code"] for e in bundle["entries"] for r in e["rules"]})
    assert "দ্বিগুণ দাঁড়ি" in summary


def test_lint_report_content(lint_report, pages):
    report, _ = lint_report
    html = pages[1]["report"]
    for code, n in report["summary"]["by_code"].items():
        assert re.search(rf'<a class="rule" href="{RULES_MD}#{code.lower()}"><code>{code}</code></a></td>'
                         rf'<td>[^<]*</td><td[^>]*>.*?</td><td class="num" data-sort="{n}">{bn(n)}</td>', html)
    assert html.count('<tr class="finding"') == report["summary"]["findings"]
    checked = [p for p in report["pages"] if p["findings"]]
    assert html.count('<details class="article"') == len(checked)  # one group per article with findings
    assert html.count('<svg class="bar"') == len(report["summary"]["by_code"])
    # the seed's T001 at 1:192 `রয়েছে।।`, highlighted in its context line
    assert re.search(r"রয়েছে<mark[^>]*>।।?</mark>", html) or re.search(r"<mark[^>]*>[^<]*।</mark>", html)
    for p in report["pages"]:
        assert p["title"] in html


# -- in the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    with launch() as browser:
        yield browser


@pytest.fixture
def open_page(chromium, pages):
    contexts = []

    def run(name: str, **kw):
        context = chromium.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900},
                                       locale="bn-BD", **kw)
        contexts.append(context)
        page = context.new_page()
        watch = Watch(page)
        page.goto((pages[0] / f"{name}.html").as_uri())
        return page, watch

    yield run
    for c in contexts:
        c.close()


def entries_shown(page) -> list[str]:
    return page.eval_on_selector_all("article.entry", "els => els.filter(e => !e.hidden).map(e => e.dataset.id)")


def test_review_renders_bengali(open_page, bundle, artifacts):
    page, watch = open_page("review")
    seed = bundle["entries"][0]
    art = page.locator(f"#entry-{seed['id']}")
    assert art.locator("h2.title").inner_text() == seed["title"]
    assert art.locator("table.diff").is_visible()
    assert "আর্জেন্টিনার একটি দূতাবাস রয়েছে" in art.locator("table.diff tr.chg").first.inner_text()
    removed = art.locator("table.diff tr.chg del")
    assert removed.first.is_visible()
    assert "।" in removed.all_inner_texts()
    added = page.locator(f"#entry-{by_code(bundle, 'T002')['id']} table.diff ins")
    assert any("।" in t for t in added.all_inner_texts())
    # the glyphs come from a real Bengali font (no tofu): Chromium says which font drew them
    fonts = platform_fonts(page, f"#entry-{seed['id']} h2.title")
    bengali = {f: n for f, n in fonts.items() if "bengali" in f.lower() or "bangla" in f.lower()}
    assert bengali and sum(bengali.values()) >= len("আজারবাইজানআর্জেন্টিনাসম্পর্ক") // 2, fonts
    shot = artifacts / "review.png"
    page.screenshot(path=str(shot), full_page=False)
    page.evaluate("document.getElementById('toolbar').style.position = 'static'")  # not over the entry
    page.locator(f"#entry-{seed['id']}").screenshot(path=str(artifacts / "review-entry.png"))
    print(f"\nscreenshots: {shot} {artifacts / 'review-entry.png'}")
    assert shot.stat().st_size > 10_000
    assert watch.clean(), vars(watch)


def test_review_filters(open_page, bundle):
    page, watch = open_page("review")
    ids = [e["id"] for e in bundle["entries"]]
    style_only = {by_code(bundle, "L008")["id"], by_code(bundle, "T004")["id"]}
    unsafe = {e["id"] for e in bundle["entries"] if e["applicability"] == "unsafe"}
    assert entries_shown(page) == ids
    page.uncheck('input[name="severity"][value="style"]')
    assert entries_shown(page) == [i for i in ids if i not in style_only]  # the seed has warnings too
    assert page.locator("#count-shown").inner_text() == "০১২৩৪৫৬৭৮৯"[len(ids) - 2]  # Bengali digits
    page.check('input[name="severity"][value="style"]')
    page.uncheck('input[name="applicability"][value="unsafe"]')
    assert entries_shown(page) == [i for i in ids if i not in unsafe]
    page.check('input[name="applicability"][value="unsafe"]')
    page.click('button[data-group="code"][data-check="none"]')
    assert entries_shown(page) == []
    page.check('input[name="code"][value="T002"]')
    assert entries_shown(page) == [by_code(bundle, "T002")["id"]]
    page.check('input[name="code"][value="L007"]')  # only the seed has L007
    assert entries_shown(page) == [ids[0], by_code(bundle, "T002")["id"]]
    page.click('button[data-group="code"][data-check="all"]')
    assert entries_shown(page) == ids
    assert page.locator(f"#entry-{ids[1]}").is_visible()
    assert watch.clean(), vars(watch)


def test_review_approve_two_and_export(open_page, bundle, tmp_path):
    page, watch = open_page("review")
    ids = [e["id"] for e in bundle["entries"]]
    chosen = [ids[0], ids[2]]
    for i in chosen:
        page.click(f"#entry-{i} button.approve")
    page.click(f"#entry-{ids[3]} button.approve")  # approved, then taken back
    page.click(f"#entry-{ids[3]} button.approve")
    assert page.locator(f"#entry-{ids[0]} button.approve").get_attribute("aria-pressed") == "true"
    assert page.locator("#count-approved").inner_text() == "২"
    page.select_option("#filter-decision", "approved")
    assert entries_shown(page) == chosen
    page.select_option("#filter-decision", "all")
    with page.expect_download() as info:
        page.click("#export")
    download = info.value
    assert download.suggested_filename == "approvals.json"
    saved = tmp_path / "approvals.json"
    download.save_as(saved)
    approvals = json.loads(saved.read_text("utf-8"))
    validator("approvals").validate(approvals)
    assert approvals == {"relbot_approvals": 2, "bundle": bundle["id"], "decisions": dict.fromkeys(chosen, "approved")}
    # reject one, name the reviewer: the next export says so
    page.click(f"#entry-{ids[1]} button.reject")
    page.fill("#reviewer", "সম্পাদক")
    with page.expect_download() as info:
        page.click("#export")
    info.value.save_as(saved)
    approvals = json.loads(saved.read_text("utf-8"))
    validator("approvals").validate(approvals)
    assert approvals["decisions"] == {ids[0]: "approved", ids[1]: "rejected", ids[2]: "approved"}
    assert approvals["reviewer"] == "সম্পাদক"
    assert watch.clean(), vars(watch)


@pytest.mark.parametrize("name", ["hostile-review", "hostile-report"])
def test_hostile_page_runs_nothing(open_page, hostile_bundle, name):
    page, watch = open_page(name)
    page.wait_for_load_state("load")
    page.mouse.move(10, 10)
    if name == "hostile-review":
        entry = hostile_bundle["entries"][0]
        page.click(f"#entry-{entry['id']} button.approve")
        assert page.locator("h2.title").inner_text() == entry["title"]  # shown as text, exactly
        assert HOSTILE[1] in page.locator("table.diff").inner_text()
    else:
        assert HOSTILE[0] in page.locator("#findings").inner_text()
        page.click("#pages-table thead th >> nth=0")
    page.wait_for_timeout(200)
    assert watch.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("svg[onload]").count() == 0
    assert page.evaluate("document.querySelectorAll('script').length") == (2 if name == "hostile-review" else 1)
    assert not watch.errors and not watch.foreign_requests()
    assert watch.csp_violations() == []  # nothing injected even tried to run or load


def column(page, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(f"{table} tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_lint_report_sorts(open_page, lint_report, artifacts):
    report, _ = lint_report
    page, watch = open_page("report")
    total = page.locator("#pages-table thead th").nth(4)
    before = [int(x) for x in column(page, "#pages-table", 4)]
    assert sorted(before) != before  # the fixture order is not by count
    total.click()
    assert total.get_attribute("aria-sort") == "ascending"
    assert [int(x) for x in column(page, "#pages-table", 4)] == sorted(before)
    total.click()
    assert total.get_attribute("aria-sort") == "descending"
    assert [int(x) for x in column(page, "#pages-table", 4)] == sorted(before, reverse=True)
    # the bar chart's counts, sorted by code on a click of the code header
    page.locator("#rules-table thead th").nth(0).click()
    codes = column(page, "#rules-table", 0)
    assert codes == sorted(report["summary"]["by_code"])
    # an article's findings by line:col
    seed = next(p for p in report["pages"] if p["source"].endswith(f"seed/{SEED.name}"))  # not a rule fixture of its title
    group = f"#page-{report['pages'].index(seed)}"
    assert page.locator(group).get_attribute("open") is None  # 41 articles: collapsed
    page.click(f"{group} > summary")
    page.locator(f"{group} table thead th").nth(2).click()
    keys = page.eval_on_selector_all(f"{group} tbody tr", "rows => rows.map(r => +r.cells[2].dataset.sort)")
    assert len(keys) == len(seed["findings"]) >= 3 and keys == sorted(keys)
    page.locator(f"{group} table thead th").nth(2).click()
    keys = page.eval_on_selector_all(f"{group} tbody tr", "rows => rows.map(r => +r.cells[2].dataset.sort)")
    assert keys == sorted(keys, reverse=True)
    # a context line is shown with the finding's columns marked
    t001 = next(f for f in seed["findings"] if f["code"] == "T001")
    marks = page.locator("#findings tr.finding[data-code=T001] mark").all_inner_texts()
    line = read(SEED).split("\n")[t001["line"] - 1]
    assert line[t001["column"] - 1:t001["end_column"] - 1] in marks
    page.screenshot(path=str(artifacts / "report.png"), full_page=False)
    assert watch.clean(), vars(watch)


def test_dialog_watch_sees_an_unescaped_page(chromium, tmp_path):
    """The control for the hostile-page tests: the same strings, unescaped and without the CSP, do run."""
    page_file = tmp_path / "raw.html"
    page_file.write_text(f"<!DOCTYPE html><html><body><h1>{EVIL}</h1></body></html>", "utf-8")
    context = chromium.new_context()
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(page_file.as_uri())
        page.wait_for_timeout(200)
        assert watch.dialogs and page.locator("img").count() == 1
    finally:
        context.close()


# -- the lint page as a work list (issue 16) -------------------------------------------------


def test_section_numbers_count_headings_as_mediawiki():
    """section=N of an edit link: the Nth heading of the page, the lead 0; a heading in a comment
    or <nowiki> is no heading, one inside an italic run over lines is (MediaWiki ends italics at
    the line's end)."""
    text = ("lead\n<!--\n== in a comment ==\n-->\n== One ==\na\n=== One.a ===\n<nowiki>\n== nowiki ==\n"
            "</nowiki>\nb\n''x\n== Two ==\nc''\n")
    starts = section_starts(text)
    assert starts == [text.index("== One"), text.index("=== One.a"), text.index("== Two")]
    lines = text.split("\n")
    assert [section_of(text, starts, lines.index(w) + 1, 1) for w in ("lead", "a", "b", "c''")] == [0, 1, 2, 3]
    assert section_of(text, starts, lines.index("== One ==") + 1, 1) == 1  # the heading itself
    assert section_of(text, starts, lines.index("== One ==") - 0, 3) == 0  # the line before it


def test_context_cuts_at_grapheme_boundaries():
    """A long line cut 90 characters either side of the finding: the cuts and the highlight move
    to the nearest cluster boundary outwards, so no vowel sign loses its letter."""
    line = "কি" * 150  # ক at even offsets, the vowel sign ি at odd ones
    # columns 202..204: offsets 201 (ি) to 203 (ি): both ends inside a cluster, and so is 201-90
    ctx = context(line, {"line": 1, "column": 202, "end_line": 1, "end_column": 204})
    assert ctx == {"cut_start": True, "before": "কি" * 45, "mark": "কিকি", "after": "কি" * 45, "cut_end": True}
    # a short line is shown whole; a caret (empty span) stays empty
    assert context("ab।।cd", {"line": 1, "column": 3, "end_line": 1, "end_column": 3}) == {
        "cut_start": False, "before": "ab", "mark": "", "after": "।।cd", "cut_end": False}


@pytest.fixture(scope="module")
def lint_en(lint_report):
    return render_lint_report(*lint_report, lang="en")


def _texts(html: str, pattern: str) -> list[str]:
    return [unescape(m) for m in re.findall(pattern, html, re.S)]


def test_lint_page_digits(lint_report, pages, lint_en):
    """A Bengali page counts in Bengali digits (rule T004 would flag Latin ones); --lang en keeps
    Latin digits; the sort keys stay Latin in both."""
    report, _ = lint_report
    html = pages[1]["report"]
    n = report["summary"]["findings"]
    assert f'<dd id="total-findings">{bn(n)}:' in html and f'<dd id="total-findings">{n}:' in lint_en
    positions = _texts(html, r'<span class="linecol">(.*?)</span>')
    assert len(positions) == n and all(re.fullmatch("[০-৯]+:[০-৯]+", p) for p in positions)
    first = next(f for p in report["pages"] for f in p["findings"])
    assert positions[0] == f"{bn(first['line'])}:{bn(first['column'])}"
    assert all(re.fullmatch("[0-9]+:[0-9]+", p) for p in _texts(lint_en, r'<span class="linecol">(.*?)</span>'))
    assert re.findall(r'data-sort="([^"]*)"', html) == re.findall(r'data-sort="([^"]*)"', lint_en)
    assert all(re.fullmatch(r"[0-9a-z -]*", k) for k in re.findall(r'data-sort="([^"]*)"', html))


def test_lint_hostile_values_are_text(hostile_report, pages):
    """Titles, messages and context with HTML, wiki and template markup come out as the same
    text: escaped, never run, never expanded by the template engine, never a URL's query."""
    report, _ = hostile_report
    html = pages[1]["hostile-report"]
    title = report["pages"][0]["title"]
    m = parse(html)
    groups = [a for t, a in m.tags if t == "details"]
    assert [g["data-title"] for g in groups] == [title]
    assert "{{7*7}}" in html and "{% raw %}" in html and ">49<" not in html
    # the title in the pages table, the group's data-title and summary; T001's message; both findings' context
    assert unescape(html).count(WIKI_EVIL) == 6
    links = [a["href"] for t, a in m.tags if t == "a" and a.get("href", "").startswith(WIKI)]
    article, edit, history, *finding_edits = links
    assert unquote(urlsplit(article).path.removeprefix("/wiki/")).replace("_", " ") == title
    assert parse_qs(urlsplit(edit).query) == {"title": [title.replace(" ", "_")], "action": ["edit"]}
    assert parse_qs(urlsplit(history).query) == {"title": [title.replace(" ", "_")], "action": ["history"]}
    assert len(finding_edits) == 2
    for href in finding_edits:  # no heading on the page: the lead
        assert parse_qs(urlsplit(href).query) == {"title": [title.replace(" ", "_")], "action": ["edit"],
                                                  "section": ["0"]}
    assert all(urlsplit(u).fragment == "" and urlsplit(u).netloc == "bn.wikipedia.org" for u in links)


def _state(tmp_path: Path, runs: list[dict]) -> Path:
    path = tmp_path / "state.sqlite"
    state = State(path)
    for counts in runs:
        state.end_run(state.start_run("dry-run", []), "finished", counts)
    state.close()
    return path


def test_lint_trend_from_state(tmp_path, chromium):
    """Two bot runs in the state: the page draws findings by severity per run (severities from
    the rule catalogue: I002 error, T001 warning, L007 style); a run that counted no findings
    (an undo) is no point. One run: no chart, a note."""
    db = _state(tmp_path, [{"findings": {"T001": 3, "L007": 1, "I002": 2}, "saved": 1},
                           {"saved": 2},
                           {"findings": {"T001": 1}}])
    out = tmp_path / "trend.html"
    assert relbot(["lint", str(SEED), "--format", "html", "--state", str(db), "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    m = parse(html)
    chart = html[html.index('<svg class="trend"'):html.index("</svg>", html.index('<svg class="trend"'))]
    assert {t for t, _ in parse(chart).tags} == {"svg", "title", "line", "text", "polyline", "circle"}  # SVG only
    lines = {a["class"]: a["points"] for t, a in m.tags if t == "polyline"}
    assert set(lines) == {"error", "warning", "style"}
    assert all(len(p.split()) == 2 for p in lines.values())  # two runs with findings, two points each
    titles = _texts(html, r"<circle[^>]*><title>(.*?)</title>")
    assert titles == ["রান ১: ত্রুটি ২", "রান ৩: ত্রুটি ০", "রান ১: সতর্কতা ৩", "রান ৩: সতর্কতা ১",
                      "রান ১: শৈলী ১", "রান ৩: শৈলী ০"]
    rows = re.findall(r'<tr><td class="num" data-sort="(\d+)">([^<]*)</td><td data-sort="([-0-9]+)">([^<]*)</td>'
                      r'<td data-sort="dry-run">মহড়া</td><td data-sort="finished">শেষ</td>', html)
    assert [(r[0], r[1]) for r in rows] == [("1", "১"), ("3", "৩")]  # the runs table under the chart
    assert all(re.fullmatch(r"20\d\d-\d\d-\d\d", r[2]) and r[3] == bn(r[2]) for r in rows)  # UTC day
    # the highest count is drawn highest (SVG y grows downwards); a zero lies on the axis
    y = {s: [float(p.split(",")[1]) for p in pts.split()] for s, pts in lines.items()}
    axis = next(float(a["y1"]) for t, a in m.tags if t == "line" and a.get("class") == "axis")
    assert y["warning"][0] < y["error"][0] < y["style"][0] < axis and y["error"][1] == y["style"][1] == axis
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(out.as_uri())
        box = page.locator("svg.trend").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        assert page.locator("svg.trend circle").count() == 6
        assert watch.clean(), vars(watch)
    finally:
        context.close()
    one = _state(tmp_path / "one", [{"findings": {"T001": 1}}])
    assert relbot(["lint", str(SEED), "--format", "html", "--state", str(one), "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    assert '<section id="trend">' in html and "<polyline" not in html and "অন্তত দুটি রান" in html
    assert "<polyline" not in render_lint_report({"pages": [], "summary": {}})  # no --state: no trend


def test_trend_plots_open_findings_carrying_unread_pages_forward(tmp_path):
    """A full run reads three pages, an incremental run one changed page (its error fixed), a
    third run nothing: each point is what is open on the wiki after the run, so the third
    equals the second (before: the points were what each run read, ৩ then ০)."""
    path = tmp_path / "state.sqlite"
    state = State(path)
    full = {1: {"I002": 2, "T001": 1}, 2: {"I002": 1, "L007": 1}, 3: {"I002": 1}}
    run = state.start_run("dry-run", [])
    for page_id, found in full.items():
        state.record(run, page_id, f"p{page_id}", 10, "no-fix", found, scope="dry-run", status="done")
    state.end_run(run, "finished", {"findings": {"I002": 4, "T001": 1, "L007": 1}})
    run = state.start_run("dry-run", [])
    state.record(run, 2, "p2", 11, "no-fix", {"L007": 1}, scope="dry-run", status="done")
    state.end_run(run, "finished", {"findings": {"L007": 1}})
    state.end_run(state.start_run("dry-run", []), "finished", {"findings": {}})
    state.close()
    chart = trend(read_runs(path))
    assert [p["by_severity"] for p in chart["points"]] == [
        {"error": 4, "warning": 1, "style": 1}, {"error": 3, "warning": 1, "style": 1},
        {"error": 3, "warning": 1, "style": 1}]
    html = render_lint_report({"pages": [], "summary": {}}, runs=read_runs(path))
    assert _texts(html, r"<circle[^>]*><title>(রান [^<]*ত্রুটি [^<]*)</title>") == [
        "রান ১: ত্রুটি ৪", "রান ২: ত্রুটি ৩", "রান ৩: ত্রুটি ৩"]
    assert '<text class="y-label"' in html and ">উইকিতে খোলা সমস্যা</text>" in html
    assert 'lang="en">dry-run' not in html and 'lang="en">finished' not in html


def test_lint_html_lang(tmp_path):
    """relbot lint --format html: Bengali digits by default, Latin with --lang en (the seed's
    T001 stands at line 1, column 192: রয়েছে।।)."""
    out, doc = tmp_path / "page.html", tmp_path / "page.json"
    relbot(["lint", str(SEED), "--format", "json", "-o", str(doc)])
    n = json.loads(doc.read_text("utf-8"))["summary"]["findings"]
    relbot(["lint", str(SEED), "--format", "html", "-o", str(out)])
    html = out.read_text("utf-8")
    assert f'<dd id="total-findings">{bn(n)}:' in html and '<span class="linecol">১:১৯২</span>' in html
    relbot(["lint", str(SEED), "--format", "html", "--lang", "en", "-o", str(out)])
    html = out.read_text("utf-8")
    assert f'<dd id="total-findings">{n}:' in html and '<span class="linecol">1:192</span>' in html


def test_trend_of_many_runs():
    """30 runs: 30 points on each line, a run number under every third (1, 4, … 28) and the last."""
    runs = [{"id": i, "started": 0, "mode": "apply", "status": "finished", "counts": {"findings": {"T001": i}}}
            for i in range(1, 31)]
    chart = trend(runs)
    assert [len(chart["lines"][s].split()) for s in ("error", "warning", "style")] == [30, 30, 30]
    assert [p["run"] for p in chart["points"] if p["label"]] == [1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 30]
    assert chart["points"][0]["day"] == "1970-01-01"
    assert trend(runs[:1]) is None


def test_lint_state_needs_html(tmp_path, capsys):
    db = _state(tmp_path, [{"findings": {"T001": 1}}])
    assert relbot(["lint", str(SEED), "--format", "json", "--state", str(db)]) == 2
    assert relbot(["lint", str(SEED), "--format", "html", "--state", str(tmp_path / "none.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "--format html" in err and "no state database" in err


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "tr.finding", "rows => rows.filter(r => r.offsetParent !== null || !r.hidden && !r.closest('[hidden]'))"
        ".filter(r => !r.hidden && !r.closest('details').hidden).map(r => r.dataset.code)")


def test_lint_filters_and_search(open_page, lint_report):
    report, _ = lint_report
    findings = [f for p in report["pages"] for f in p["findings"]]
    page, watch = open_page("report")
    assert len(visible_rows(page)) == len(findings)
    page.uncheck('input[name="severity"][value="style"]')
    assert len(visible_rows(page)) == sum(f["severity"] != "style" for f in findings)
    assert page.locator("#count-shown").inner_text() == bn(sum(f["severity"] != "style" for f in findings))
    page.check('input[name="severity"][value="style"]')
    page.uncheck('input[name="fix"][value="none"]')
    assert len(visible_rows(page)) == sum(f["fix"] is not None for f in findings)
    page.check('input[name="fix"][value="none"]')
    page.click('button[data-group="code"][data-check="none"]')
    assert visible_rows(page) == [] and page.locator("details.article:not([hidden])").count() == 0
    page.check('input[name="code"][value="T001"]')
    assert visible_rows(page) == ["T001"] * sum(f["code"] == "T001" for f in findings)
    assert page.locator("details.article:not([hidden])").count() == sum(
        any(f["code"] == "T001" for f in p["findings"]) for p in report["pages"])
    page.click('button[data-group="code"][data-check="all"]')
    # the search box: a rule's message, in Bengali; found groups open
    page.fill("#search", "একই নামের তথ্যসূত্র")
    assert visible_rows(page) == ["R004"] * sum(f["code"] == "R004" for f in findings)
    assert page.locator("details.article:not([hidden])[open]").count() == page.locator(
        "details.article:not([hidden])").count() >= 1
    page.fill("#search", "")
    assert len(visible_rows(page)) == len(findings)
    assert watch.clean(), vars(watch)


def test_lint_links(open_page, lint_report):
    """Every article links to the wiki (article, edit, history) under its title; a finding's edit
    link opens its section; every rule code links to its section of docs/rules.md in the project's
    repository (an absolute URL: the page may be anywhere)."""
    report, _ = lint_report
    page, watch = open_page("report")
    docs = (FIXTURES.parent / "docs" / "rules.md").read_text("utf-8")
    groups = page.eval_on_selector_all("details.article", """els => els.map(g => ({title: g.dataset.title,
        links: Array.from(g.querySelectorAll('p.links a')).map(a => a.href),
        rules: Array.from(g.querySelectorAll('a.rule')).map(a => [a.textContent, a.getAttribute('href')]),
        edits: Array.from(g.querySelectorAll('tr.finding')).map(r => [r.dataset.code,
            r.querySelector('a.edit') && r.querySelector('a.edit').href])}))""")
    assert len(groups) == sum(bool(p["findings"]) for p in report["pages"])
    for g in groups:
        key = g["title"].replace(" ", "_")
        article, edit, history = (urlsplit(u) for u in g["links"])
        assert article.scheme == "https" and article.netloc == "bn.wikipedia.org"
        assert unquote(article.path) == f"/wiki/{key}"
        assert parse_qs(edit.query) == {"title": [key], "action": ["edit"]} and edit.path == "/w/index.php"
        assert parse_qs(history.query) == {"title": [key], "action": ["history"]}
        for code, href in g["rules"]:
            assert href == f"{RULES_MD}#{code.lower()}" and f'<a id="{code.lower()}"></a>' in docs
        for code, href in g["edits"]:
            query = parse_qs(urlsplit(href).query)
            assert query["title"] == [key] and query["action"] == ["edit"] and query["section"][0].isdigit()
    # L001's fixture: the finding is the 4th heading, == আরো দেখুন == (ইতিহাস, কূটনৈতিক মিশন, বাণিজ্য before it)
    l001 = next(i for i, p in enumerate(report["pages"]) if "/L001/" in p["source"])
    href = page.locator(f"#page-{l001} tr.finding[data-code=L001] a.edit").get_attribute("href")
    assert parse_qs(urlsplit(href).query)["section"] == ["4"]
    assert page.locator(f"#page-{l001} tr.finding[data-code=L001] a.edit").text_content() == "সম্পাদনা §৪"
    assert watch.clean(), vars(watch)


GRAPHEME_CHECK = """() => {
  const mark = /^\\p{M}/u, out = [];
  document.querySelectorAll("td.context").forEach(td => {
    const text = td.textContent.replace(/^…/, "");
    if (mark.test(text)) out.push("cell: " + text.slice(0, 20));
    td.querySelectorAll("mark").forEach(m => {
      if (mark.test(m.textContent)) out.push("mark: " + m.textContent);
      const next = m.nextSibling && m.nextSibling.textContent || "";
      if (mark.test(next)) out.push("after: " + next.slice(0, 20));
    });
  });
  return [document.querySelectorAll("td.context mark").length, out];
}"""


def test_lint_context_keeps_graphemes(open_page, lint_report):
    """No context cell, highlight, or text after a highlight starts with a combining mark (a
    vowel sign drawn on a dotted circle): the fixtures' report had 2 such cells before."""
    report, _ = lint_report
    page, watch = open_page("report")
    marks, cut = page.evaluate(GRAPHEME_CHECK)
    assert marks == report["summary"]["findings"] and cut == []
    assert watch.clean(), vars(watch)


WORDS_ON_ONE_LINE = """() => {
  const broken = [];
  let words = 0;
  document.querySelectorAll("td.context").forEach(td => {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[\\u0980-\\u09FF]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        words++;
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  });
  return [words, broken];
}"""


@pytest.mark.parametrize("width", [390, 700])
def test_lint_page_fits_a_phone(chromium, pages, artifacts, width):
    """At 390 px (a phone: findings as blocks) and 700 px (a table with a narrow context column),
    every group open: the page does not scroll sideways, and no Bengali word of a context cell is
    broken over two lines (the page before: 751 px wide at 390, 80 broken words; at 700, 47)."""
    context = chromium.new_context(viewport={"width": width, "height": 844}, locale="bn-BD",
                                   device_scale_factor=2, is_mobile=width < 400, has_touch=width < 400)
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto((pages[0] / "report.html").as_uri())
        page.click("#expand-all")
        assert page.locator("details.article[open]").count() == page.locator("details.article").count() > 10
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        style = page.eval_on_selector("td.context", "td => [getComputedStyle(td).wordBreak, getComputedStyle(td).overflowWrap]")
        assert style == ["normal", "break-word"]
        words, broken = page.evaluate(WORDS_ON_ONE_LINE)
        assert words > 200 and broken == []
        page.locator("details.article").nth(1).screenshot(path=str(artifacts / f"report-{width}.png"))
        assert watch.clean(), vars(watch)
    finally:
        context.close()


# -- reviews that cannot contradict themselves; links; false positives ---------------------------

TWINS = {"a": "", "b": "", "c": "{{nobots}}\n", "d": "{{ব্যবহৃত হচ্ছে}}\n"}


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    """A bundle made by relbot propose from the seed under one file name in four folders: two
    entries with the same title and fix (a, b), one on a {{nobots}} page (c), one in use (d)."""
    folder = tmp_path_factory.mktemp("twins")
    paths = []
    for name, head in TWINS.items():
        (folder / name).mkdir()
        paths.append(folder / name / SEED.name)
        paths[-1].write_text(head + read(SEED), "utf-8")
    out = folder / "bundle.json"
    assert relbot(["propose", *map(str, paths), "-o", str(out)]) == 0
    doc = json.loads(out.read_text("utf-8"))
    page = folder / "review.html"
    page.write_text(render_review(doc), "utf-8")
    ids = dict(zip(TWINS, (e["id"] for e in doc["entries"])))
    return out, doc, page, ids


def export(page, tmp_path) -> tuple[Path, dict]:
    with page.expect_download() as info:
        page.click("#export")
    saved = tmp_path / f"approvals-{time.monotonic_ns()}.json"
    info.value.save_as(saved)
    return saved, json.loads(saved.read_text("utf-8"))


ORDERS = [  # clicks, then the one decision per entry they leave
    ([("a", "approve"), ("b", "reject")], {"a": "approved", "b": "rejected"}),
    ([("b", "reject"), ("a", "approve")], {"a": "approved", "b": "rejected"}),
    ([("a", "approve"), ("b", "approve"), ("a", "reject")], {"a": "rejected", "b": "approved"}),
    ([("b", "reject"), ("b", "approve"), ("a", "reject"), ("a", "reject")], {"b": "approved"}),
]


@pytest.mark.parametrize("clicks,expected", ORDERS)
def test_same_titles_any_order_give_a_valid_export(chromium, twins, tmp_path, clicks, expected):
    from bot import review

    bundle_path, doc, html, ids = twins
    a, b = (e for e in doc["entries"] if e["id"] in (ids["a"], ids["b"]))
    assert a["title"] == b["title"] and a["new_sha256"] == b["new_sha256"] and a["id"] != b["id"]
    context = chromium.new_context(accept_downloads=True, locale="bn-BD")
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(html.as_uri())
        for name, button in clicks:
            page.click(f"#entry-{ids[name]} button.{button}")
        for name in ("a", "b"):
            state = expected.get(name)
            classes = page.locator(f"#entry-{ids[name]}").get_attribute("class").split()
            assert ("approved" in classes, "rejected" in classes) == (state == "approved", state == "rejected")
        saved, approvals = export(page, tmp_path)
        validator("approvals").validate(approvals)
        assert approvals["decisions"] == {ids[k]: v for k, v in expected.items()}
        loaded = review.load_approvals(str(saved), review.load_bundle(str(bundle_path)))
        assert loaded["approved"] == [ids[k] for k, v in expected.items() if v == "approved"]
        assert watch.clean(), vars(watch)
    finally:
        context.close()


def test_unsaveable_entries_stand_apart_without_approve(chromium, twins, tmp_path):
    _, doc, html, ids = twins
    context = chromium.new_context(accept_downloads=True, locale="bn-BD")
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto(html.as_uri())
        assert page.locator("button.approve").count() == 2 and page.locator("button.reject").count() == 2
        for name, reason in (("c", "{{nobots}}"), ("d", "in use ({{ব্যবহৃত হচ্ছে}})")):
            blocked = page.locator(f"#blocked #entry-{ids[name]}")
            assert blocked.count() == 1
            assert blocked.locator("button.approve").count() == 0 and blocked.locator("button.reject").count() == 0
            assert blocked.locator("p.blocked .reason").inner_text() == reason
        assert page.locator("#entries article.entry").count() == 2
        page.click("#approve-shown")  # every entry shown: only the saveable ones are approved
        _, approvals = export(page, tmp_path)
        assert approvals["decisions"] == {ids["a"]: "approved", ids["b"]: "approved"}
        assert watch.clean(), vars(watch)
    finally:
        context.close()


def hrefs(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")


def query(url: str) -> dict:
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "bn.wikipedia.org", "/w/index.php"), url
    assert re.fullmatch(r"title=[A-Za-z0-9%_.~;@$!*(),/:-]+(&[a-z]+=[a-z0-9]+)+", parts.query), url
    return {k: v[0] if len(v) == 1 else v for k, v in parse_qs(parts.query, keep_blank_values=True).items()}


@pytest.mark.parametrize("name", ["review", "hostile-review"])
def test_review_links_are_well_formed(open_page, bundle, hostile_bundle, name):
    from urllib.parse import unquote, urlsplit

    doc = bundle if name == "review" else hostile_bundle
    page, watch = open_page(name)
    docs = DOCS_MD.read_text("utf-8")
    for e in doc["entries"]:
        art = f"#entry-{e['id']}"
        title = e["title"]
        (article,) = hrefs(page, f"{art} p.links a.article")
        parts = urlsplit(article)
        assert (parts.scheme, parts.netloc) == ("https", "bn.wikipedia.org") and not parts.query and not parts.fragment
        assert unquote(parts.path.removeprefix("/wiki/")) == title.replace(" ", "_")
        # percent-encoded as MediaWiki writes titles: only its safe characters stay as they are
        assert re.fullmatch(r"https://bn\.wikipedia\.org/wiki/[A-Za-z0-9%_.~;@$!*(),/:-]+", article), article
        assert hrefs(page, f"{art} h2.title a") == [article]
        (edit,) = hrefs(page, f"{art} p.links a.edit")
        assert query(edit) == {"title": title.replace(" ", "_"), "action": "edit"}
        (history,) = hrefs(page, f"{art} p.links a.history")
        assert query(history) == {"title": title.replace(" ", "_"), "action": "history"}
        # the base revision links to the diff from it to the current revision
        (base,) = hrefs(page, f"{art} dd.base a")
        assert query(base) == {"title": title.replace(" ", "_"), "diff": "cur", "oldid": str(e["base_revid"])}
        assert hrefs(page, f"{art} p.links a.diff") == [base]
        # every finding: its section's edit page; every rule code: its doc
        sections = hrefs(page, f"{art} tr.finding a.edit-section")
        assert len(sections) == len(e["findings"])
        for url in sections:
            q = query(url)
            assert q["action"] == "edit" and q["section"].isdigit() and q["title"] == title.replace(" ", "_")
        for code in {f["code"] for f in e["findings"]} | {r["code"] for r in e["rules"]}:
            for url in hrefs(page, f"{art} a.rule:has(code:text-is('{code}'))"):
                assert url == f"{RULES_MD}#{code.lower()}"
                assert f'<a id="{code.lower()}"></a>' in docs
        assert len(hrefs(page, f"{art} a.rule")) == len(e["findings"]) + len(e["rules"])
    assert watch.clean(), vars(watch)


def test_false_positive_button_gives_the_exceptions_line(open_page, bundle, hostile_bundle):
    page, watch = open_page("review")
    seed = bundle["entries"][0]
    button = page.locator(f"#entry-{seed['id']} tr.finding[data-code=T001] button.fp")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator("#fp-lines").inner_text() == "* [[আজারবাইজান–আর্জেন্টিনা সম্পর্ক]] | T001 | ।।\n"
    page.fill("#fp-note", "উদ্ধৃতির | ভেতরে")  # a bar in the note would add a field: made a space
    assert page.locator("#fp-lines").inner_text() == \
        "* [[আজারবাইজান–আর্জেন্টিনা সম্পর্ক]] | T001 | ।। | উদ্ধৃতির   ভেতরে\n"
    assert page.locator("#count-fp").inner_text() == "১"
    button.click()  # taken back
    assert page.locator("#fp-lines").inner_text() == "" and page.locator("#count-fp").inner_text() == "০"
    assert watch.clean(), vars(watch)
    page, watch = open_page("hostile-review")
    entry = hostile_bundle["entries"][0]
    page.click(f"#entry-{entry['id']} button.fp")
    assert page.locator("#fp-lines").inner_text() == f"* [[{entry['title']}]] | T001 | {HOSTILE_ANCHOR}\n"
    assert watch.dialogs == [] and not watch.errors and watch.csp_violations() == []


@pytest.mark.parametrize("name", ["review", "hostile-review"])
def test_review_page_fits_a_phone(chromium, pages, name):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="bn-BD")
    try:
        page = context.new_page()
        page.goto((pages[0] / f"{name}.html").as_uri())
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        wide = page.evaluate("""Array.from(document.querySelectorAll('body *')).filter(
            e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className)""")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide[-5:]
    finally:
        context.close()


# -- issue 24: a page to work from for an afternoon ----------------------------------------------

RESTORED = "এই ব্রাউজারে রাখা ২টি সিদ্ধান্ত ও ১টি ভুল সতর্কতা ফিরিয়ে আনা হয়েছে"


def test_review_decisions_and_marks_survive_a_reload(chromium, pages, bundle):
    """Two approvals and one false positive, then a reload: all three are still marked, the
    page says what it restored, the export carries them; the forget button clears them for good."""
    context = chromium.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="bn-BD")
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto((pages[0] / "review.html").as_uri())
        ids = [e["id"] for e in bundle["entries"]]
        assert page.locator("#restored").is_hidden()
        page.click(f"#entry-{ids[0]} button.approve")
        page.click(f"#entry-{ids[2]} button.approve")
        fp = f"#entry-{ids[0]} tr.finding[data-code=T001] button.fp"
        page.click(fp)
        page.reload()
        for i in (ids[0], ids[2]):
            assert page.locator(f"#entry-{i} button.approve").get_attribute("aria-pressed") == "true"
            assert "approved" in page.locator(f"#entry-{i}").get_attribute("class").split()
        assert page.locator(f"#entry-{ids[1]} button.approve").get_attribute("aria-pressed") == "false"
        assert page.locator(fp).get_attribute("aria-pressed") == "true"
        assert page.locator("#count-approved").inner_text() == "২" and page.locator("#count-fp").inner_text() == "১"
        assert page.locator("#restored").inner_text() == RESTORED
        assert page.locator("#fp-lines").inner_text() == "* [[আজারবাইজান–আর্জেন্টিনা সম্পর্ক]] | T001 | ।।\n"
        with page.expect_download() as info:
            page.click("#export")
        saved = Path(info.value.path())
        assert json.loads(saved.read_text("utf-8"))["decisions"] == {ids[0]: "approved", ids[2]: "approved"}
        page.click("#forget")
        assert page.locator("#restored").is_hidden() and page.locator("#count-approved").inner_text() == "০"
        page.reload()
        assert page.locator("button[aria-pressed=true]").count() == 0 and page.locator("#restored").is_hidden()
        assert watch.clean(), vars(watch)
    finally:
        context.close()


def test_review_toolbar_stays_one_line_on_a_phone(chromium, pages, bundle):
    """At 390 px the sticky toolbar stays under 80 px high through ten actions (approvals,
    rejections, false positives, both exports), its buttons on the screen; before, it took 530
    of 844 px."""
    context = chromium.new_context(accept_downloads=True, viewport={"width": 390, "height": 844}, locale="bn-BD",
                                   is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        watch = Watch(page)
        page.goto((pages[0] / "review.html").as_uri())
        ids = [e["id"] for e in bundle["entries"]]
        page.evaluate("document.querySelectorAll('details.findings').forEach(d => d.open = true)")
        actions = [f"#entry-{ids[0]} button.approve", f"#entry-{ids[1]} button.reject",
                   f"#entry-{ids[0]} tr.finding button.fp >> nth=0", "#export",
                   f"#entry-{ids[2]} button.approve", f"#entry-{ids[1]} tr.finding button.fp >> nth=0",
                   "#export-fp", f"#entry-{ids[3]} button.reject", f"#entry-{ids[0]} tr.finding button.fp >> nth=1",
                   "#export"]
        heights = []
        for selector in actions:
            if selector.startswith("#export"):
                with page.expect_download():
                    page.click(selector)
            else:
                page.click(selector)
            heights.append(page.locator("#toolbar").bounding_box()["height"])
        assert len(heights) == 10 and max(heights) < 80, heights
        # … with every button on the screen, none behind a sideways scroll of the bar
        rights = page.eval_on_selector_all("#toolbar button", "bs => bs.map(b => b.getBoundingClientRect().right)")
        assert len(rights) == 4 and max(rights) <= 390, rights
        assert page.locator("#count-fp").inner_text() == "৩"
        assert watch.clean(), vars(watch)
    finally:
        context.close()


NOTHING_SPLIT = """() => {
  const split = [], bengali = /[\\u0980-\\u09FF]+/g;
  let words = 0;
  const lines = el => new Set(Array.from(el.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  document.querySelectorAll("code").forEach(c => { if (lines(c) > 1) split.push("code: " + c.textContent); });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("script, [hidden]")) continue;
    for (const m of node.data.matchAll(bengali)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size === 0) continue;
      words++;
      if (tops.size > 1) split.push(m[0]);
    }
  }
  return [words, split];
}"""


def nothing_split_on_a_phone(chromium, path: Path, then=None):
    """At 390 px, everything open: the page does not scroll sideways, no rule code and no
    Bengali word anywhere on it is broken over two lines; then ``then(page)``."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="bn-BD", is_mobile=True,
                                   has_touch=True)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        words, split = page.evaluate(NOTHING_SPLIT)
        assert words > 500 and split == []
        if then is not None:
            then(page)
    finally:
        context.close()


def test_review_nothing_split_or_sideways_on_a_phone(chromium, pages):
    """Findings are cards on a phone (before: 47 rule codes split, I00/1)."""
    nothing_split_on_a_phone(chromium, pages[0] / "review.html")


def test_rule_links_are_absolute_urls_from_the_profile(pages, bundle):
    """Every rule link of the lint and review pages is an absolute https URL: docs/rules.md in the
    profile's repository for pages made from files, the wiki's rules page (the one
    report --publish-rules writes) for a bundle whose links name it (before: docs/rules.md#w007
    relative to the page, file:///…/docs/rules.md)."""
    for name in ("review", "report", "hostile-review", "hostile-report"):
        found = re.findall(r'<a class="rule" href="([^"]*)"', pages[1][name])
        assert found and all(re.fullmatch(re.escape(RULES_MD) + r"#[a-z]\d{3}", unescape(h)) for h in found), name
    wiki = json.loads(json.dumps(bundle))
    wiki["links"] = {"base_url": "http://127.0.0.1:8080", "script": "/index.php", "article_path": "/index.php/$1",
                     "rules_page": "ব্যবহারকারী:RelBot/নিয়ম"}
    validator("bundle").validate(wiki)
    found = {unquote(unescape(h)) for h in re.findall(r'<a class="rule" href="([^"]*)"', render_review(wiki))}
    codes = {r["code"] for e in bundle["entries"] for r in e["rules"]} | {
        f["code"] for e in bundle["entries"] for f in e["findings"]}
    assert found == {f"http://127.0.0.1:8080/index.php/ব্যবহারকারী:RelBot/নিয়ম#{c.lower()}" for c in codes}


@pytest.mark.parametrize("repository", ["docs/rules.md", "file:///work/relbot", "https://github.com/relbot/relbot/",
                                        "http://github.com/relbot/relbot", "https://github.com"])
def test_profile_schema_takes_only_an_absolute_https_repository(tmp_path, repository):
    """The repository the rule links fall back to: the bundled profiles give one; a relative,
    file://, http:// or bare-host value, or one with a trailing slash, is refused."""
    from bot.profile import ProfileError, load_profile

    assert load_profile("bn").data["project"] == {"repository": "https://github.com/relbot/relbot"}
    assert load_profile("en").data["project"] == {"repository": "https://github.com/relbot/relbot"}
    data = json.loads((FIXTURES.parent / "bot" / "profiles" / "bn.json").read_text("utf-8"))
    data["project"]["repository"] = repository
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(ProfileError, match="project"):
        load_profile(str(path))


SEV_RANK = {"error": 0, "warning": 1, "style": 2}


def test_lint_page_starts_with_errors(lint_report, pages):
    """"Start here": a line under the totals names the real number of errors and links to the
    first page of the work list, which lists pages with errors, then warnings, then style (by
    title, then file); the rule table lists errors first, the most frequent first within a
    severity (before: by count alone, style rules on top; pages in input order)."""
    report, _ = lint_report
    html = pages[1]["report"]
    n = sum(f["severity"] == "error" for p in report["pages"] for f in p["findings"])
    worst = {i: min(SEV_RANK[f["severity"]] for f in p["findings"]) for i, p in enumerate(report["pages"])
             if p["findings"]}
    order = sorted(worst, key=lambda i: (worst[i], report["pages"][i]["title"], report["pages"][i]["source"]))
    assert n == 8 and f'<p class="start" id="start"><a href="#page-{order[0]}">{bn(n)}টি ত্রুটি আগে দেখুন</a></p>' in html
    assert html.index('id="start"') < html.index('id="by-rule"') < html.index('id="findings"')
    assert [int(i) for i in re.findall(r'<details class="article" id="page-(\d+)"', html)] == order
    table = html[html.index('id="rules-table"'):html.index("</table>", html.index('id="rules-table"'))]
    rows = [(int(rank), int(count)) for rank, count in
            re.findall(r'<td data-sort="(\d)">.*?</td><td class="num" data-sort="(\d+)">', table)]
    assert len(rows) == len(report["summary"]["by_code"]) and rows[0][0] == 0
    assert rows == sorted(rows, key=lambda r: (r[0], -r[1]))


def test_lint_search_takes_either_digits_and_the_path(open_page, lint_report):
    """A line:column typed in Latin digits finds the finding shown in Bengali ones, and so do
    Bengali digits; a file path tells two pages of one title apart."""
    report, _ = lint_report
    page, watch = open_page("report")
    l001 = next(p for p in report["pages"] if "/L001/" in p["source"])
    f = l001["findings"][0]
    where = [(g["code"], g["line"], g["column"]) for p in report["pages"] for g in p["findings"]]
    expected = [c for c, line, col in where if f"{line}:{col}".startswith(f"{f['line']}:{f['column']}")]
    for typed in (f"{f['line']}:{f['column']}", bn(f"{f['line']}:{f['column']}")):
        page.fill("#search", typed)
        assert f["code"] in visible_rows(page) and sorted(visible_rows(page)) == sorted(expected), typed
    twins = [p for p in report["pages"] if p["title"] == l001["title"] and p["findings"]]
    assert len(twins) >= 2  # one title, several files: only the path tells them apart
    page.fill("#search", "rules/L001/")
    assert page.locator("details.article:not([hidden])").count() == 1
    assert visible_rows(page) == [g["code"] for g in l001["findings"]]
    assert watch.clean(), vars(watch)


def test_lint_page_counts_before_the_path_on_a_phone(chromium, pages):
    """At 390 px each page's counts stand before its file path, inside the screen (before: after
    the path, a line lower); nothing scrolls sideways, no code or Bengali word is split."""
    def counts_first(page):
        boxes = page.eval_on_selector_all("details.article > summary", """els => els.map(s => {
            const c = s.querySelector('.counts').getBoundingClientRect(), p = s.querySelector('.src').getBoundingClientRect();
            return [c.bottom <= p.top + 1, c.right <= 390, c.width > 0]; })""")
        assert len(boxes) > 10 and all(all(b) for b in boxes), boxes
        # the per-page table too: every count column lies on the screen (its file path column is
        # left to the page's own group on a phone)
        cells = page.eval_on_selector_all("#pages-table tbody tr", """rows => rows.map(r =>
            [...r.cells].slice(1, 5).map(c => c.getBoundingClientRect().right <= 390))""")
        assert len(cells) > 10 and all(all(row) for row in cells), cells

    nothing_split_on_a_phone(chromium, pages[0] / "report.html", then=counts_first)


def _meta(html: str) -> str:
    return html[html.index('<p class="meta">'):html.index("</p>", html.index('<p class="meta">'))]


def test_review_header_is_bengali_and_says_apply_will_refuse_files(pages, twins, bundle):
    """The header in the page's language with a readable date (before: an ISO time in Bengali
    digits, "bundled profile bn", "safe fixes only"); a bundle proposed from files says up front
    that apply refuses it, one from a wiki does not."""
    meta = _meta(pages[1]["review"])
    assert "তৈরি ১ নভেম্বর ২০২৬, ০৩:১৭ (ইউটিসি)" in meta and "উৎস ফাইল" in meta and "অনিরাপদ সংশোধনসহ" in meta
    html = twins[2].read_text("utf-8")
    meta = _meta(html)
    assert "সঙ্গের প্রোফাইল bn" in meta and "শুধু নিরাপদ সংশোধন" in meta and "৪টি প্রস্তাবিত সম্পাদনা, তার ২টি সংরক্ষণযোগ্য নয়" in meta
    words = re.sub(r'<span class="mono">[0-9a-f]{16}</span>', "", meta)
    assert not re.search(r"[A-Za-z]{3,}|[0-9]", re.sub(r"<[^>]+>", "", words).replace("bn", "")), meta
    note = re.search(r'<p class="notice" id="not-for-apply">(.*?)</p>', html).group(1)
    assert re.sub(r"<[^>]+>", "", note) == ("এই বান্ডল ফাইল থেকে প্রস্তাবিত: relbot apply এটি উইকিতে সংরক্ষণ করবে না। এখানকার "
                                            "অনুমোদন শুধু পর্যালোচনার জন্য; ফাইলে সংশোধন লিখতে relbot fix --write চালান।")
    wiki = json.loads(json.dumps(bundle))
    wiki["source"], wiki["site"] = "wiki", "wikipedia:bn"
    assert 'id="not-for-apply"' not in render_review(wiki)


def test_trend_labels_stay_inside_the_chart_on_a_phone(chromium, tmp_path):
    """At 390 px the chart's text (run numbers, counts, the axis names) lies inside the chart
    (before: the last run number was cut at the right edge); the axis says what is counted."""
    runs = [{"id": i, "started": 0, "mode": "apply", "status": "finished", "counts": {"findings": {"I002": i}}}
            for i in (1187, 1188, 1189)]
    path = tmp_path / "trend.html"
    path.write_text(render_lint_report({"pages": [], "summary": {}}, runs=runs), "utf-8")
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        boxes = page.eval_on_selector_all("svg.trend text", """els => els.map(t => {
            const b = t.getBBox(), v = t.ownerSVGElement.viewBox.baseVal;
            return [t.textContent, b.x >= 0 && b.y >= 0 && b.x + b.width <= v.width && b.y + b.height <= v.height]; })""")
        assert ["১১৮৯", True] in boxes and ["উইকিতে খোলা সমস্যা", True] in boxes
        assert all(inside for _, inside in boxes), [b for b in boxes if not b[1]]
    finally:
        context.close()


def test_review_jump_list_names_every_entry(pages, bundle, twins):
    """A list of the page's entries at the top, each linking to its entry (blocked ones too)."""
    for html, doc in ((pages[1]["review"], bundle), (twins[2].read_text("utf-8"), twins[1])):
        nav = html[html.index('<nav id="jump"'):html.index("</nav>")]
        assert re.findall(r'<a href="#entry-([0-9a-f]{12})">', nav) == [e["id"] for e in doc["entries"] if e.get("saveable", True)] + [
            e["id"] for e in doc["entries"] if not e.get("saveable", True)]
        assert nav.count("সংরক্ষণযোগ্য নয়") == sum(not e.get("saveable", True) for e in doc["entries"])
