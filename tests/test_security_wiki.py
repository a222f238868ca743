"""Secrets never leave the files that must hold them: a full set of runs against the sandbox wiki,
and every log, report, bundle, page, state row and captured exception is searched for the bot
password, the other accounts' passwords and the session cookies."""

from __future__ import annotations

import http.cookiejar
import sqlite3

from test_faults_wiki import config_copy
from wiki_fixtures import relbot


def cookie_values(folder) -> list[str]:
    jar = http.cookiejar.LWPCookieJar()
    for path in folder.glob("*.lwp"):
        jar.load(str(path), ignore_discard=True, ignore_expires=True)
    return [c.value for c in jar if c.value and len(c.value) >= 8]


def test_no_secret_in_any_output(fresh_wiki, tmp_path):
    sb = fresh_wiki
    state = tmp_path / "s.sqlite"
    outputs = []
    files = {"report": tmp_path / "report.json", "diffs": tmp_path / "diffs.txt",
             "bundle": tmp_path / "bundle.json", "html": tmp_path / "review.html"}
    runs = [
        ("run", "--dry-run", "--state", str(state), "--report", str(files["report"]), "--diffs", str(files["diffs"])),
        ("run", "--apply", "--state", str(state)),
        ("propose", "--wiki", "-o", str(files["bundle"])),
        ("review", str(files["bundle"]), "--html", str(files["html"])),
        ("report", "--publish", "ব্যবহারকারী:RelBot/প্রতিবেদন", "--dry-run"),
        ("run", "--apply", "--state", str(state), "-page:কোনো পাতা নেই"),
    ]
    for args in runs:
        proc = relbot(sb, *args)
        assert proc.returncode == 0, (args, proc.stderr)
        outputs += [proc.stdout, proc.stderr]
    # failures carry their exception text too: a wrong password, a broken password file
    bad = config_copy(sb, tmp_path)
    pw = tmp_path / "pwb" / "user-password.py"
    pw.write_text(pw.read_text().replace(sb.bot_password_secret, "f" * 40))
    for lwp in (tmp_path / "pwb").glob("*.lwp"):
        lwp.unlink()
    proc = relbot(sb, "run", "--dry-run", "--pywikibot-dir", bad, "--state", str(tmp_path / "x.sqlite"))
    assert proc.returncode == 2
    outputs += [proc.stdout, proc.stderr]
    outputs += [f.read_text("utf-8") for f in files.values()]
    outputs.append("\n".join(sqlite3.connect(state).iterdump()))
    outputs.append((sb.dir / "server.log").read_text("utf-8", "replace"))
    secrets = [sb.bot_password_secret, sb.human_password, sb.admin_password, *cookie_values(sb.pywikibot_dir)]
    assert len(secrets) >= 4  # the session cookie is there to look for
    for secret in secrets:
        for text in outputs:
            assert secret not in text


def test_wikitext_is_data(tmp_path, monkeypatch):
    """Hostile titles and content: nothing runs, nothing is written outside the chosen outputs."""
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    page = tmp_path / "in" / "x.wikitext"
    page.parent.mkdir()
    page.write_text("'''ক–খ সম্পর্ক''' {{#invoke:os|execute|rm -rf /}} <script>alert(1)</script> "
                    "\"><img src=x onerror=alert(1)> [[চিত্র:../../../etc/passwd]] __import__('os')।।\n"
                    "== তথ্যসূত্র ==\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for title in ("../../../../tmp/evil–x সম্পর্ক", "$(touch pwned)–খ সম্পর্ক", "<b>ক</b>–খ সম্পর্ক"):
        assert main(["lint", str(page), "--title", title, "--format", "html", "-o", str(out / "r.html")]) in (0, 1)
        assert main(["fix", str(page), "--title", title, "-o", str(out / "f.wikitext")]) in (0, 1)
        html = (out / "r.html").read_text("utf-8")
        assert "<script>alert(1)" not in html and "<img src=x" not in html
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert set(after) - set(before) == {(out / "r.html").relative_to(tmp_path),
                                        (out / "f.wikitext").relative_to(tmp_path)}
    assert not (tmp_path / "pwned").exists()
