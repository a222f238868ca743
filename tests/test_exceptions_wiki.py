"""The exceptions page on the real sandbox MediaWiki: a line saved there silences that finding in
the next run (reported as suppressed, its fix not saved), in report and in propose --wiki; a
malformed line is reported with its line number and the run goes on."""

from __future__ import annotations

import json

from bot import sandbox
from bot.schema import load_schema, validator_for
from conftest import SEED, read
from test_bot_wiki import SEED_TITLE, page_lines, safe_fixed
from wiki_fixtures import relbot, revisions

LINE = f"* [[{SEED_TITLE}]] | T001 | রয়েছে।। | কবিতার দুই দাঁড়ি নয়, তবু পরীক্ষায় ইচ্ছাকৃত"


def listing(sb) -> dict[str, str]:
    """The exceptions page: a heading, the review page's line (line 3), a malformed line (line 4)."""
    return {f"ব্যবহারকারী:{sb.bot_user}/ব্যতিক্রম":
            f"== মিথ্যা সতর্কতা ==\n\n{LINE}\n* [[{SEED_TITLE}]] T003\n"}


def test_a_listed_finding_is_silenced_in_the_next_run_and_never_saved(fresh_wiki, tmp_path):
    sb = fresh_wiki
    state = str(tmp_path / "s.sqlite")
    proc = relbot(sb, "run", "--dry-run", "--state", state, "--diffs", str(tmp_path / "d1.txt"))
    assert proc.returncode == 0, proc.stderr
    assert page_lines(proc, "proposed (dry run)") == [f"proposed (dry run): {SEED_TITLE} — L003, L007, T001"]

    sandbox.seed(sb, listing(sb))
    # the next run, same state: the page's revision is the same, but the list changed, so it is
    # checked again (not "said again" from run 1) and T001 is gone from the proposal
    report = tmp_path / "r2.json"
    proc = relbot(sb, "run", "--dry-run", "--state", state, "--report", str(report),
                  "--diffs", str(tmp_path / "d2.txt"))
    assert proc.returncode == 0, proc.stderr
    title = f"ব্যবহারকারী:{sb.bot_user}/ব্যতিক্রম"
    assert f"warning: [[{title}]] line 4: no rule code after the page link: * [[{SEED_TITLE}]] T003" \
        in proc.stderr.splitlines()
    assert page_lines(proc, "proposed (dry run)") == [f"proposed (dry run): {SEED_TITLE} — L003, L007"]
    changed = [ln for ln in (tmp_path / "d2.txt").read_text("utf-8").splitlines() if ln[:1] in "+-"]
    assert changed and not [ln for ln in changed if "রয়েছে" in ln]  # line 1 (the danda) is not edited
    doc = json.loads(report.read_text("utf-8"))
    assert list(validator_for(load_schema("report")).iter_errors(doc)) == []
    seed = next(p for p in doc["pages"] if p["title"] == SEED_TITLE)
    assert [(f["code"], f["line"], f["column"], f["exception"]["line"]) for f in seed["suppressed"]] == \
        [("T001", 1, 192, 3)]
    assert "T001" not in {f["code"] for f in seed["findings"]}
    assert doc["summary"]["suppressed"] == 1
    assert any(ln.startswith("suppressed ") and ln.split()[1] == "1" for ln in proc.stderr.splitlines())

    # apply: the other safe fixes are saved, the double danda stays
    original = read(SEED)
    proc = relbot(sb, "run", "--apply", "--state", state)
    assert proc.returncode == 0, proc.stderr
    revs = revisions(sb, SEED_TITLE)
    assert len(revs) == 2
    expected = safe_fixed(original).replace("রয়েছে।", "রয়েছে।।", 1)
    assert revs[0]["slots"]["main"]["content"] == expected.rstrip("\n")
    assert revs[0]["comment"] == ("বট: দ্বিপাক্ষিক সম্পর্ক নিবন্ধ পরিষ্করণ — শিরোনামের ফাঁকা জায়গা (L007), "
                                  "তথ্যসূত্র অনুচ্ছেদ (L003) (রান ৩)")


def test_report_and_propose_read_the_list_too(fresh_wiki, tmp_path):
    sb = fresh_wiki
    sandbox.seed(sb, listing(sb))
    proc = relbot(sb, "report", "--publish", "ব্যবহারকারী:RelBot/প্রতিবেদন", "--dry-run",
                  "--state", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 0, proc.stderr
    assert "line 4: no rule code after the page link" in proc.stderr
    assert "T001" not in next(ln for ln in proc.stdout.splitlines() if ln.startswith(f"| [[{SEED_TITLE}]]"))
    assert f"| [{{{{fullurl:{SEED_TITLE}|action=edit&section=0}}}} ১] || [[ব্যবহারকারী:RelBot/নিয়ম#t001|T001]] দ্বিগুণ দাঁড়ি || " \
           "মিথ্যা সতর্কতা (ব্যতিক্রম তালিকার লাইন ৩) || <nowiki>দ্বিগুণ দাঁড়ি «।।»</nowiki>" in proc.stdout

    bundle = tmp_path / "b.json"
    proc = relbot(sb, "propose", "--wiki", f"-page:{SEED_TITLE}", "-o", str(bundle))
    assert proc.returncode == 0, proc.stderr
    entry, = json.loads(bundle.read_text("utf-8"))["entries"]
    assert sorted(r["code"] for r in entry["rules"]) == ["L003", "L007"]
    assert "T001" not in {f["code"] for f in entry["findings"]}
    assert not [ln for ln in entry["diff"].splitlines() if ln[:1] in "+-" and "রয়েছে" in ln]
