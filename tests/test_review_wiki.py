"""Review against the real sandbox wiki: propose → approve a subset → apply saves exactly that
subset; an entry whose page changed since propose is stale and nothing is overwritten; the
published report page has the expected table and is not re-saved when nothing changed."""

from __future__ import annotations

import json

from bot import sandbox
from bot.schema import validator
from conftest import SEED, read
from test_bot_wiki import TEST_CAT, extra_pages
from wiki_fixtures import relbot, revisions, total_edits

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
    approvals.write_text(json.dumps({"relbot_approvals": 1, "bundle": doc["id"],
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
