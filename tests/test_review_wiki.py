"""Review against the real sandbox wiki: propose → approve a subset → apply saves exactly that
subset; an entry whose page changed since propose is stale and nothing is overwritten; the
published report page has the expected table and is not re-saved when nothing changed."""

from __future__ import annotations

import json

from bot import links, sandbox
from bot.schema import validator
from conftest import SEED, read
from test_bot_wiki import TEST_CAT, extra_pages
from wiki_fixtures import http, relbot, revisions, total_edits

CAT = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"


def test_propose_approve_apply(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(4)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    bundle = tmp_path / "bundle.json"
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(bundle.read_text("utf-8"))
    assert not list(validator("bundle").iter_errors(doc))
    assert doc["source"] == "wiki" and len(doc["entries"]) == 4
    assert all(isinstance(e["base_revid"], int) for e in doc["entries"])
    chosen = doc["entries"][:2]
    stale = doc["entries"][2]
    # someone edits one approved page after the proposal was made
    approvals = tmp_path / "approvals.json"
    approvals.write_text(json.dumps({"relbot_approvals": 1, "bundle": doc["id"],  # version 1 is still read
                                     "approved": [e["id"] for e in chosen] + [stale["id"]], "rejected": []}))
    human = "মানুষের পরিবর্তন। " + read(SEED) + f"\n[[{TEST_CAT}]]"
    proc = relbot(sb, "run", "--dry-run", "--state", str(tmp_path / "x.sqlite"), "-page:none", harness=f'''
human_edit({stale["title"]!r}, text={human!r})
''')
    assert proc.returncode == 0, proc.stderr
    before = {t: len(revisions(sb, t)) for t in pages}
    edits = total_edits(sb)
    proc = relbot(sb, "apply", str(bundle), "--approvals", str(approvals), "--state", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 0, proc.stderr
    assert f"{stale['title']}: stale" in proc.stdout
    assert "saved 2, stale 1" in proc.stderr
    assert total_edits(sb) == edits + 2
    for e in chosen:
        revs = revisions(sb, e["title"])
        assert len(revs) == before[e["title"]] + 1 and revs[0]["user"] == sb.bot_user
        assert revs[0]["comment"] == e["summary"] + " (রান ১)"  # the apply is run 1 of its state
    # the human's text stands; not approved entries untouched
    assert revisions(sb, stale["title"])[0]["slots"]["main"]["content"].startswith("মানুষের পরিবর্তন।")
    assert len(revisions(sb, doc["entries"][3]["title"])) == before[doc["entries"][3]["title"]]


def test_publish_report_only_when_changed(fresh_wiki, tmp_path):
    sb = fresh_wiki
    title = "ব্যবহারকারী:RelBot/প্রতিবেদন"
    state = str(tmp_path / "s.sqlite")
    proc = relbot(sb, "report", "--publish", title, "--dry-run", "--state", state)
    assert proc.returncode == 0, proc.stderr
    assert '{| class="wikitable sortable"' in proc.stdout and "[[আজারবাইজান–আর্জেন্টিনা সম্পর্ক]]" in proc.stdout
    proc = relbot(sb, "report", "--publish", title, "--state", state)
    assert proc.returncode == 0, proc.stderr
    revs = revisions(sb, title)
    assert len(revs) == 1 and revs[0]["user"] == sb.bot_user
    text = revs[0]["slots"]["main"]["content"]
    assert "দ্বিগুণ দাঁড়ি" in text and "T001" in text and "সর্বশেষ হালনাগাদ:" in text
    assert revs[0]["comment"] == "বট: লিন্ট প্রতিবেদন হালনাগাদ"
    proc = relbot(sb, "report", "--publish", title, "--state", state)
    assert proc.returncode == 0, proc.stderr
    assert "unchanged, not saved" in proc.stdout
    assert len(revisions(sb, title)) == 1


def test_unsaveable_pages_and_links_on_the_wiki(fresh_wiki, tmp_path):
    """{{nobots}} and in-use pages are proposed as not saveable with the reason; approved by hand
    anyway, they are blocked, never saved; the bundle's links reach the sandbox's own pages."""
    sb = fresh_wiki
    (free, nobots, in_use), text = extra_pages(3), read(SEED) + f"\n[[{TEST_CAT}]]"
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", free: text, nobots: "{{nobots}}\n" + text,
                      in_use: "{{ব্যবহৃত হচ্ছে}}\n" + text})
    bundle = tmp_path / "bundle.json"
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(bundle.read_text("utf-8"))
    assert not list(validator("bundle").iter_errors(doc))
    by = {e["title"]: e for e in doc["entries"]}
    assert (by[free]["saveable"], by[free]["block"]) == (True, None)
    assert (by[nobots]["saveable"], by[nobots]["block"]) == (False, "{{nobots}}")
    assert (by[in_use]["saveable"], by[in_use]["block"]) == (False, "in use ({{ব্যবহৃত হচ্ছে}})")
    # the links point at the wiki the pages came from, and MediaWiki answers them with that page
    assert doc["links"]["base_url"] == sb.url
    session = http()
    for url, where in ((links.article(doc["links"], free), "article"),
                       (links.edit(doc["links"], free, 1), "edit"),
                       (links.history(doc["links"], free), "history"),
                       (links.diff(doc["links"], free, by[free]["base_revid"]), "diff")):
        r = session.get(url, timeout=30)
        assert r.status_code == 200 and f'"wgPageName":"{free.replace(" ", "_")}"' in r.text, (where, url)
        if where == "edit":
            assert "wpSection" in r.text and 'value="1"' in r.text
    approvals = tmp_path / "approvals.json"
    approvals.write_text(json.dumps({"relbot_approvals": 2, "bundle": doc["id"],
                                     "decisions": {by[free]["id"]: "approved", by[nobots]["id"]: "approved"}}))
    # the bundle's mark decides, whatever the page says now: the {{nobots}} is taken away first
    proc = relbot(sb, "run", "--dry-run", "--state", str(tmp_path / "x.sqlite"), "-page:none", harness=f'''
human_edit({nobots!r}, text={text!r})
''')
    assert proc.returncode == 0, proc.stderr
    edits = total_edits(sb)
    proc = relbot(sb, "apply", str(bundle), "--approvals", str(approvals), "--state", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 0, proc.stderr
    assert f"{nobots}: blocked:{{{{nobots}}}}" in proc.stdout
    assert "saved 1, stale 0, blocked 1 (of 2 approved)" in proc.stderr
    assert total_edits(sb) == edits + 1 and revisions(sb, free)[0]["user"] == sb.bot_user
    assert len(revisions(sb, nobots)) == 2 and revisions(sb, nobots)[0]["user"] != sb.bot_user
    assert len(revisions(sb, in_use)) == 1
