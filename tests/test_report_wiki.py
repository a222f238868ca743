"""The published report and rule docs on the real sandbox MediaWiki: per-article findings in
collapsed tables with edit and history links, skipped pages with their reasons, Bengali digits,
new / fixed counts since the last published report (kept in the --state file); the rule docs
page with a section and an anchor per code, saved once."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote

from bot import sandbox
from bot.rules import all_rules
from conftest import SEED, read
from test_bot_wiki import SEED_TITLE
from wiki_fixtures import api, http, relbot, revisions

REPORT = "ব্যবহারকারী:RelBot/প্রতিবেদন"
RULES = "ব্যবহারকারী:RelBot/নিয়ম"
# the seed, a page that is not bilateral and a redirect (the profile's generators reach the seed only)
PAGES = [f"-page:{SEED_TITLE}", "-page:বাংলাদেশের বৈদেশিক সম্পর্ক", "-page:আর্জেন্টিনা–আজারবাইজান সম্পর্ক"]


def content(sb, title: str) -> str:
    return revisions(sb, title)[0]["slots"]["main"]["content"]


def html(sb, title: str) -> str:
    return api(sb, action="parse", page=title, prop="text")["parse"]["text"]


def time_line(text: str) -> str:
    line, = [ln for ln in text.splitlines() if ln.startswith("সর্বশেষ হালনাগাদ:")]
    return line


def test_report_counts_new_and_fixed_findings_since_the_last_published_one(fresh_wiki, tmp_path):
    sb = fresh_wiki
    state = str(tmp_path / "s.sqlite")
    proc = relbot(sb, "report", "--publish", REPORT, "--state", state, *PAGES)
    assert proc.returncode == 0, proc.stderr
    text = content(sb, REPORT)
    assert time_line(text).endswith(" — আগের কোনো প্রতিবেদন জানা নেই: নতুন ও সংশোধিত গোনা হয়নি")
    assert not any(c in time_line(text) for c in "0123456789")  # the time too, in Bengali digits
    # the seed's collapsed table: head with the links, a row per finding (line, linked code, message)
    assert ('{| class="wikitable mw-collapsible mw-collapsed" style="width:100%"\n'
            f'! colspan="4" style="text-align:left" | [[{SEED_TITLE}]] — ১০টি ফলাফল '
            f"<small>([{{{{fullurl:{SEED_TITLE}|action=edit}}}} সম্পাদনা] · "
            f"[{{{{fullurl:{SEED_TITLE}|action=history}}}} ইতিহাস])</small>\n"
            "|-\n! লাইন !! নিয়ম !! তীব্রতা !! বার্তা\n") in text
    # the line number opens the editor at the finding's section (0: the lead)
    assert (f"|-\n| [{{{{fullurl:{SEED_TITLE}|action=edit&section=0}}}} ১] || [[{RULES}#t001|T001]] দ্বিগুণ দাঁড়ি "
            "|| সতর্কতা || <nowiki>দ্বিগুণ দাঁড়ি «।।»</nowiki>\n") in text
    assert (f"|-\n| [{{{{fullurl:{SEED_TITLE}|action=edit&section=3}}}} ১৬] || [[{RULES}#l003|L003]] "
            "তথ্যসূত্র অনুচ্ছেদ || সতর্কতা || <nowiki>তথ্যসূত্র অনুচ্ছেদ নেই, অথবা তাতে সূত্র তালিকা নেই</nowiki>\n") in text
    # … as MediaWiki numbers them: section 3 of the seed is তথ্যসূত্র (its heading is line 16, where L003 points)
    sections = api(sb, action="parse", page=SEED_TITLE, prop="sections")["parse"]["sections"]
    assert [(s["index"], s["line"]) for s in sections] == [
        ("1", "ইতিহাস"), ("2", "বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক"), ("3", "তথ্যসূত্র")]
    # skipped pages, with their reasons in Bengali
    assert "=== বাদ দেওয়া পাতা ===" in text
    assert text.endswith("=== বাদ দেওয়া পাতা ===\n* [[আর্জেন্টিনা–আজারবাইজান সম্পর্ক]] — পুনর্নির্দেশ\n"
                         "* [[বাংলাদেশের বৈদেশিক সম্পর্ক]] — দ্বিপাক্ষিক সম্পর্কের নিবন্ধ নয়")
    # MediaWiki renders it: a collapsible table, the edit link as a URL
    page = html(sb, REPORT)
    assert "mw-collapsible mw-collapsed" in page and "action=edit" in page and "action=history" in page

    # the seed changes: its double danda becomes a space before a single danda (T001 fixed, T003 new)
    sandbox.seed(sb, {SEED_TITLE: read(SEED).replace("রয়েছে।।", "রয়েছে ।", 1)})
    proc = relbot(sb, "report", "--publish", REPORT, "--state", state, *PAGES)
    assert proc.returncode == 0, proc.stderr
    assert len(revisions(sb, REPORT)) == 2
    text = content(sb, REPORT)
    assert time_line(text).endswith(" পর: নতুন ১টি, সংশোধিত ১টি ফলাফল")
    assert f"[[{RULES}#t003|T003]]" in text and f"[[{RULES}#t001|T001]]" not in text

    # nothing changed: not saved (the time line and its counts do not count as a change)
    proc = relbot(sb, "report", "--publish", REPORT, "--state", state, *PAGES)
    assert proc.returncode == 0, proc.stderr
    assert "unchanged, not saved" in proc.stdout
    assert len(revisions(sb, REPORT)) == 2


def test_rule_docs_published_with_a_section_per_code_and_saved_once(fresh_wiki, tmp_path):
    sb = fresh_wiki
    proc = relbot(sb, "report", "--publish-rules", RULES)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"[[{RULES}]]: saved"
    revs = revisions(sb, RULES)
    assert len(revs) == 1 and revs[0]["user"] == sb.bot_user and revs[0]["comment"] == "বট: নিয়মের বিবরণ হালনাগাদ"
    text = revs[0]["slots"]["main"]["content"]
    names = __import__("bot.profile", fromlist=["x"]).load_profile("bn").data["rule_names"]
    for code in all_rules():
        assert f'<span id="{code.lower()}"></span>\n=== {code} — {names[code]} ===\n' in text, code
    assert "== T — বাংলা লেখা ==" in text and "<pre>রয়েছে।।</pre>" in text
    page = html(sb, RULES)
    assert all(f'id="{code.lower()}"' in page for code in all_rules())
    proc = relbot(sb, "report", "--publish-rules", RULES)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"[[{RULES}]]: unchanged, not saved"
    assert len(revisions(sb, RULES)) == 1
    # a review page of a bundle proposed from this wiki links rule codes to that page, which answers
    bundle, review = tmp_path / "bundle.json", tmp_path / "review.html"
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), f"-page:{SEED_TITLE}")
    assert proc.returncode == 0, proc.stderr
    proc = relbot(sb, "review", str(bundle), "--html", str(review))
    assert proc.returncode == 0, proc.stderr
    found = {unescape(h) for h in re.findall(r'<a class="rule" href="([^"]*)"', review.read_text("utf-8"))}
    path = api(sb, action="query", meta="siteinfo", siprop="general")["query"]["general"]["articlepath"]
    assert found and all(re.fullmatch(r"#[a-z]\d{3}", h[h.index("#"):]) for h in found)
    (url,) = {h.split("#")[0] for h in found}
    assert unquote(url) == sb.url + path.replace("$1", RULES.replace(" ", "_"))
    r = http().get(url, timeout=30)
    assert r.status_code == 200 and f'"wgPageName":"{RULES}"' in r.text
    assert all(f'id="{h.split("#")[1]}"' in r.text for h in found)


def test_rule_docs_obey_the_shutoff_page(fresh_wiki, tmp_path):
    sb = fresh_wiki
    sandbox.seed(sb, {f"ব্যবহারকারী:{sb.bot_user}/বন্ধ": "বন্ধ"})
    proc = relbot(sb, "report", "--publish-rules", RULES)
    assert proc.returncode == 2
    assert proc.stderr == (f"relbot: error: the page [[{RULES}]] was not saved: the shutoff page "
                           f"[[ব্যবহারকারী:{sb.bot_user}/বন্ধ]] says stop\n")
    assert revisions(sb, RULES) == []


def test_section_numbers_are_mediawikis_on_real_pages(fresh_wiki):
    """The section a finding's edit link opens (validate.section_of): each heading relbot counts
    starts where MediaWiki's numbered section of the same index starts, on real articles
    (MediaWiki as the judge)."""
    import realpages
    from bot.article import build
    from bot.gazetteer import Gazetteer
    from bot.profile import load_profile

    sb = fresh_wiki
    profile, gaz = load_profile("bn"), Gazetteer.load("bn")
    pages = dict(realpages.articles()[:60])
    sandbox.seed(sb, pages)
    compared = headings = 0
    for title, text in pages.items():
        art = build(text, realpages.BILATERAL_TITLE, profile, gaz)
        if art.status != "checked":
            continue
        # (the sandbox's MediaWiki gives "byteoffset" in characters: 11605 for a heading 22126 bytes in)
        ours = [s["heading_span"]["start"] for s in art.doc["sections"]]
        theirs = [s["byteoffset"] for s in api(sb, action="parse", page=title, prop="sections")["parse"]["sections"]
                  if s["index"].isdigit()]
        assert ours == theirs, title
        compared += 1
        headings += len(ours)
    assert compared >= 50 and headings >= 200


def test_report_says_which_pages_the_bot_may_not_edit(fresh_wiki, tmp_path):
    """A {{nobots}} page and an in-use page are checked and reported, and their status says the
    bot will not edit them (before: only "checked")."""
    sb = fresh_wiki
    nobots, in_use, free = "চীন–নেপাল সম্পর্ক", "চীন–ভারত সম্পর্ক", "জাপান–ভারত সম্পর্ক"
    sandbox.seed(sb, {nobots: "{{nobots}}\n" + read(SEED), in_use: "{{ব্যবহৃত হচ্ছে}}\n" + read(SEED), free: read(SEED)})
    proc = relbot(sb, "report", "--publish", REPORT, "--dry-run", "--state", str(tmp_path / "s.sqlite"),
                  f"-page:{nobots}", f"-page:{in_use}", f"-page:{free}")
    assert proc.returncode == 0, proc.stderr
    rows = {line.split("]]")[0].removeprefix("| [["): line for line in proc.stdout.splitlines()
            if line.startswith("| [[")}
    assert " || পরীক্ষিত · বট সম্পাদনা করবে না: <nowiki>{{nobots}}</nowiki> || " in rows[nobots]
    assert " || পরীক্ষিত · বট সম্পাদনা করবে না: <nowiki>ব্যবহৃত হচ্ছে ({{ব্যবহৃত হচ্ছে}})</nowiki> || " in rows[in_use]
    assert " || পরীক্ষিত || " in rows[free]
