"""Every verb refuses an option it does not understand, before anything is read or saved
(against the real sandbox wiki: nothing saved); ``apply --dry-run``; ``sandbox start --port`` on
an existing sandbox moves it, or says in one line how to.

Each refusal is followed, in the same test, by the same command without the bad option, which
does its work (saves, writes its file): so the refusal is what kept it from doing so."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from bot import sandbox
from bot.cli import main
from conftest import SEED
from test_bot_wiki import TEST_CAT, extra_pages
from wiki_fixtures import api, relbot, revisions, run_python, total_edits

CAT = f"-cat:{TEST_CAT[len('বিষয়শ্রেণী:'):]}"
UNKNOWN = ["--bogus", "-bogus:1", "-x"]  # double dash, single dash with a value, single dash alone
REPORT_PAGE = "ব্যবহারকারী:RelBot/প্রতিবেদন"


def assert_refused(rc: int, out: str, err: str, bad: str) -> None:
    """Exit 2, stdout empty, stderr exactly one line ``relbot: error: …`` naming the option."""
    assert rc == 2, (rc, out, err)
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("relbot: error: unrecognized arguments: ") and bad in err, err
    assert out == ""


def in_process(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        rc = main([str(a) for a in argv])
    except SystemExit as exc:
        rc = exc.code
    out, err = capsys.readouterr()
    return rc, out, err


# ---------------------------------------------------------------- verbs without a wiki

def _offline_cases(tmp):
    """verb -> (a valid argv, the file it writes or rewrites, or None)."""
    page = tmp / SEED.name  # the file name is the title: a bilateral one, so the fixes apply
    shutil.copyfile(SEED, page)
    bundle = tmp / "bundle.json"
    assert main(["propose", str(SEED), "-o", str(bundle)]) == 0
    return {
        "parse": (["parse", SEED], None),
        "lint": (["lint", SEED, "-o", tmp / "lint.txt"], tmp / "lint.txt"),
        "fix": (["fix", page, "--write"], page),
        "review": (["review", bundle, "--html", tmp / "review.html"], tmp / "review.html"),
        "facts": (["facts", SEED], None),
        "rules": (["rules", "-o", tmp / "rules.md"], tmp / "rules.md"),
        "sandbox": (["sandbox", "stop", "--dir", tmp / "nosandbox"], None),
    }


@pytest.mark.parametrize("verb", ["parse", "lint", "fix", "review", "facts", "rules", "sandbox"])
def test_offline_verbs_refuse_unknown_and_pywikibot_options(capsys, tmp_path, verb):
    argv, target = _offline_cases(tmp_path)[verb]
    before = target.read_bytes() if target and target.exists() else None
    # --dry-run belongs to other verbs; -user: and -cat: are pywikibot's, for wiki verbs only
    for bad in UNKNOWN + ["--dry-run", "-user:RelBot", "-cat:X"]:
        rc, out, err = in_process(capsys, *argv, bad)
        assert_refused(rc, out, err, bad)
        if target:
            assert (target.read_bytes() if target.exists() else None) == before, bad
        if verb == "sandbox":  # start would install a wiki: refused before the folder is made
            rc, out, err = in_process(capsys, "sandbox", "start", "--dir", tmp_path / "new", bad)
            assert_refused(rc, out, err, bad)
            assert not (tmp_path / "new").exists()
    rc, out, err = in_process(capsys, *argv)  # without the bad option the verb does its work
    assert rc in (0, 1), err
    if target:
        assert target.exists() and target.read_bytes() != before
    if verb == "sandbox":
        assert "was not running" in out


# ---------------------------------------------------------------- wiki verbs

def test_run_refuses_unknown_options_and_saves_nothing(fresh_wiki, tmp_path):
    sb = fresh_wiki
    pages = extra_pages(1)
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    (title,) = pages
    edits = total_edits(sb)
    state = tmp_path / "s.sqlite"
    argv = ["run", "--apply", "--state", str(state), "--no-progress", CAT]
    for bad in UNKNOWN + ["-catx:Y"]:
        proc = relbot(sb, *argv, bad)
        assert_refused(proc.returncode, proc.stdout, proc.stderr, bad)
    assert total_edits(sb) == edits
    assert not state.exists()  # refused before the state was opened
    proc = relbot(sb, *argv)  # without the bad option the same run saves
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == edits + 1
    assert revisions(sb, title)[0]["user"] == sb.bot_user


def test_propose_refuses_unknown_options_before_writing(fresh_wiki, tmp_path):
    sb = fresh_wiki
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **extra_pages(1)})
    bundle = tmp_path / "bundle.json"
    for bad in UNKNOWN + ["--dry-run"]:
        proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT, bad)
        assert_refused(proc.returncode, proc.stdout, proc.stderr, bad)
        assert not bundle.exists()
    # generator options belong to --wiki: from files they are refused too
    proc = relbot(sb, "propose", str(SEED), "-o", str(bundle), CAT)
    assert_refused(proc.returncode, proc.stdout, proc.stderr, CAT)
    assert not bundle.exists()
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(bundle.read_text("utf-8"))["entries"]) == 1


def test_report_refuses_unknown_options_and_publishes_nothing(fresh_wiki, tmp_path):
    sb = fresh_wiki
    edits = total_edits(sb)
    for bad in UNKNOWN:
        proc = relbot(sb, "report", "--publish", REPORT_PAGE, bad)
        assert_refused(proc.returncode, proc.stdout, proc.stderr, bad)
    assert total_edits(sb) == edits and revisions(sb, REPORT_PAGE) == []
    proc = relbot(sb, "report", "--publish", REPORT_PAGE, "--state", str(tmp_path / "s.sqlite"))
    assert proc.returncode == 0, proc.stderr
    assert total_edits(sb) == edits + 1 and len(revisions(sb, REPORT_PAGE)) == 1


def _approved_bundle(sb, tmp_path, head: str = "") -> tuple:
    """One page of the test category (``head`` + its text) proposed from the wiki, its entry approved."""
    pages = {title: head + text for title, text in extra_pages(1).items()}
    sandbox.seed(sb, {TEST_CAT: "পরীক্ষা", **pages})
    bundle, approvals = tmp_path / "bundle.json", tmp_path / "approvals.json"
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), CAT)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(bundle.read_text("utf-8"))
    (entry,) = doc["entries"]
    approvals.write_text(json.dumps({"relbot_approvals": 1, "bundle": doc["id"], "approved": [entry["id"]],
                                     "rejected": []}))
    return bundle, approvals, entry


def test_apply_and_undo_refuse_unknown_options_and_save_nothing(fresh_wiki, tmp_path):
    sb = fresh_wiki
    bundle, approvals, entry = _approved_bundle(sb, tmp_path)
    state = tmp_path / "s.sqlite"
    apply = ["apply", str(bundle), "--approvals", str(approvals), "--state", str(state)]
    edits = total_edits(sb)
    # -cat: is a generator option: apply has no generator, pywikibot would have dropped it
    for bad in UNKNOWN + ["-cat:X", "--resume"]:
        proc = relbot(sb, *apply, bad)
        assert_refused(proc.returncode, proc.stdout, proc.stderr, bad)
    assert total_edits(sb) == edits
    assert not state.exists()
    # the same apply without the bad option saves the entry (pywikibot's global options pass)
    proc = relbot(sb, *apply, "-user:RelBot", "-max_retries:1")
    assert proc.returncode == 0, proc.stderr
    assert f"{entry['title']}: saved" in proc.stdout
    assert total_edits(sb) == edits + 1
    saved = revisions(sb, entry["title"])[0]
    assert saved["user"] == sb.bot_user and saved["comment"] == entry["summary"] + " (রান ১)"

    undo = ["undo", "--run", "1", "--state", str(state)]
    for bad in UNKNOWN + ["-page:" + entry["title"], "--apply"]:
        proc = relbot(sb, *undo, bad)
        assert_refused(proc.returncode, proc.stdout, proc.stderr, bad)
    assert total_edits(sb) == edits + 1
    with sqlite3.connect(state) as db:
        assert db.execute("select count(*) from runs").fetchone()[0] == 1  # no undo run started
    proc = relbot(sb, *undo)
    assert proc.returncode == 0, proc.stderr
    assert f"{entry['title']}: reverted" in proc.stdout
    assert total_edits(sb) == edits + 2


def test_apply_dry_run_says_would_save_and_saves_nothing(fresh_wiki, tmp_path):
    sb = fresh_wiki
    bundle, approvals, entry = _approved_bundle(sb, tmp_path)
    state = tmp_path / "s.sqlite"
    apply = ["apply", str(bundle), "--approvals", str(approvals), "--state", str(state)]
    edits, revs = total_edits(sb), len(revisions(sb, entry["title"]))
    proc = relbot(sb, *apply, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{entry['title']}: would save\n"
    assert "would save 1, stale 0, blocked 0 (of 1 approved; dry run: nothing saved)" in proc.stderr
    assert total_edits(sb) == edits and len(revisions(sb, entry["title"])) == revs
    assert not state.exists()  # a dry run records no run
    # what it said would be saved is saved by the real apply
    proc = relbot(sb, *apply)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{entry['title']}: saved\n"
    assert total_edits(sb) == edits + 1
    # now the entry is stale: the dry run says so, still saving nothing
    proc = relbot(sb, *apply, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{entry['title']}: stale\n"
    assert total_edits(sb) == edits + 1


def test_apply_dry_run_names_a_blocked_page(fresh_wiki, tmp_path):
    sb = fresh_wiki
    # {{nobots}} does not stop a proposal (a human may save it), but the bot must not save it
    bundle, approvals, entry = _approved_bundle(sb, tmp_path, head="{{nobots}}\n")
    edits = total_edits(sb)
    proc = relbot(sb, "apply", str(bundle), "--approvals", str(approvals), "--state", str(tmp_path / "s.sqlite"),
                  "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{entry['title']}: blocked:{{{{nobots}}}}\n"
    assert "would save 0, stale 0, blocked 1 (of 1 approved; dry run: nothing saved)" in proc.stderr
    assert total_edits(sb) == edits


def test_known_pywikibot_options_follow_the_installed_pywikibot(wiki):
    """Every global option pywikibot's own help lists is accepted by the wiki verbs, and every
    generator option is a GeneratorFactory handler: the list in bot/options.py has not drifted."""
    proc = run_python(wiki, """
import re
from pywikibot.bot import _GLOBAL_HELP
from pywikibot.pagegenerators import GeneratorFactory
from bot.options import unknown
names = re.findall(r"^-([a-z_]+)", _GLOBAL_HELP, flags=re.M)
assert len(names) >= 15, names
args = [f"-{n}:1" if n == "put_throttle" else f"-{n}" for n in names]
assert unknown("apply", args, True, None) == [], unknown("apply", args, True, None)
assert unknown("undo", ["-cat:X", "-page:Y"], True, None) == ["-cat:X", "-page:Y"]
gens = [m[len("_handle_"):] for m in dir(GeneratorFactory) if m.startswith("_handle_")]
assert {"cat", "catr", "page", "ns", "limit", "titleregex"} <= set(gens), gens
assert unknown("run", [f"-{g}:1" for g in gens] + ["-titleregex:not:X", "-nosuch"], True, None) == ["-nosuch"]
print("ok", len(names), len(gens))
""")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok ")


# ---------------------------------------------------------------- sandbox start --port

def test_sandbox_start_on_a_running_sandbox_with_another_port_says_how(wiki, tmp_path):
    other = sandbox.free_port()
    while other == wiki.port:
        other = sandbox.free_port()
    proc = relbot(wiki, "sandbox", "start", "--dir", str(wiki.dir), "--port", str(other))
    assert proc.returncode == 2
    assert proc.stderr == (f"relbot: error: the sandbox in {wiki.dir} is serving on port {wiki.port}; to move it "
                           f"to port {other}, stop it first: relbot sandbox stop --dir {wiki.dir}\n")
    assert sandbox.load(wiki.dir).port == wiki.port
    assert api(wiki, action="query", meta="siteinfo")["query"]["general"]["server"] == wiki.url
    # its own port: nothing to move, it goes on serving
    proc = relbot(wiki, "sandbox", "start", "--dir", str(wiki.dir), "--port", str(wiki.port))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"sandbox wiki serving at {wiki.url} ")


def test_sandbox_start_moves_a_stopped_sandbox_to_the_new_port(tmp_path):
    folder = tmp_path / "sb"
    old = sandbox.install(folder, sandbox.free_port())
    new_port = sandbox.free_port()
    while new_port == old.port:
        new_port = sandbox.free_port()
    try:
        proc = relbot(old, "sandbox", "start", "--dir", str(folder), "--port", str(new_port))
        assert proc.returncode == 0, proc.stderr
        url = f"http://127.0.0.1:{new_port}"
        assert proc.stdout.startswith(f"sandbox wiki serving at {url} ")
        sb = sandbox.load(folder)
        assert (sb.port, sb.url, sb.api) == (new_port, url, url + "/api.php") and sb.pid
        assert f'$wgServer = "{url}";' in (folder / "LocalSettings.php").read_text("utf-8")
        assert api(sb, action="query", meta="siteinfo")["query"]["general"]["server"] == url
        # pywikibot, through the rewritten family file, logs in at the new port
        proc = run_python(sb, "import pywikibot; s = pywikibot.Site(); s.login(); "
                              "print(s.siteinfo['server'], s.username(), s.logged_in())")
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.split() == [url, sb.bot_user, "True"]
    finally:
        sandbox.stop(folder)
