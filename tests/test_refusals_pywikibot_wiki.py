"""What pywikibot 11.9 does with each real refusal (docs/refusals.md), pinned: the bot's save path
relies on these, and a pywikibot upgrade that changes one should fail here first."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import refusals as R
from wiki_fixtures import GUARD_SNIPPET, run_python

PAGE = "বাংলাদেশ–ভুটান সম্পর্ক"

SAVE = '''
import json, sys, pywikibot
site = pywikibot.Site()
where = "login"
try:
    site.login()
    where = "read"
    page = pywikibot.Page(site, {page!r})
    page.text = page.text + {append!r}
    where = "save"
    page.save("relbot refusal test")
    out = {{"exc": None, "msg": "saved", "where": where}}
except BaseException as e:
    out = {{"exc": type(e).__name__, "msg": str(e), "where": where}}
print("\\nRESULT " + json.dumps(out))
'''


def save(sb, append="\nrelbot test") -> dict:
    proc = run_python(sb, SAVE.format(page=PAGE, append=append), input="")  # stdin closed
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert line, proc.stdout + proc.stderr
    return json.loads(line[-1][7:])


AF = 'action == "edit" & added_lines contains "RELBOT-AF"'


# the refusal is on before pywikibot logs in (docs/refusals.md measured it switched on after login)
@pytest.mark.parametrize("name, switch, append, exc, text", [
    ("protect", lambda sb: R.protect(sb, PAGE), "\nx", "LockedPageError", "is locked"),
    ("disallow", lambda sb: R.abuse_filter(sb, AF, "disallow", "relbot test: no RELBOT-AF"), "\nRELBOT-AF",
     "AbuseFilterDisallowedError", "relbot test: no RELBOT-AF"),
    ("warn", lambda sb: R.abuse_filter(sb, AF, "warn", "relbot warning"), "\nRELBOT-AF", None, "saved"),
    ("spam", lambda sb: R.spam_blacklist(sb, r"\bspam\.example\.org\b"), "\n[http://spam.example.org/x s]",
     "SpamblacklistError", "spam.example.org"),
    ("title", lambda sb: R.title_blacklist(sb, ".*ভুটান.* <noedit>"), "\nx", "TitleblacklistError",
     "title-blacklisted"),
    ("captcha", R.captcha_on, "\n[http://example.org/c c]", "EOFError", "EOF when reading a line"),
    ("block", R.block, "\nx", "OtherPageSaveError", "blocked: You have been blocked from editing."),
    # a read-only wiki refuses the login itself (it writes the session): retried, then given up
    ("readonly", R.read_only, "\nx", "ApiTimeoutError", "Maximum retries attempted without success."),
])
def test_page_save_raises(fresh_refusing_wiki, name, switch, append, exc, text):
    sb = fresh_refusing_wiki
    switch(sb)
    out = save(sb, append)
    assert out["exc"] == exc and text in out["msg"], out
    assert out["where"] == ("login" if name == "readonly" else "save"), out


def test_is_blocked_misses_a_block_that_userinfo_shows(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    R.block(sb)
    proc = run_python(sb, '''
import pywikibot
site = pywikibot.Site(); site.login()
print("BLOCK", "blockid" in site.userinfo, site.is_blocked(), "bot" in site.userinfo["rights"])
''')
    assert "BLOCK True False True" in proc.stdout, proc.stdout + proc.stderr


def test_lost_session_relogin_needs_cleared_tokens(fresh_refusing_wiki, tmp_path):
    sb = fresh_refusing_wiki
    flag = tmp_path / "lost"
    # the session is lost between the child's login and its next request (no token used between)
    code = f'''
import pathlib, time, pywikibot
from pywikibot.exceptions import NoUsernameError
site = pywikibot.Site(); site.login()
print("LOGGED IN", flush=True)
flag = pathlib.Path({str(flag)!r})
while not flag.exists():
    time.sleep(0.02)
page = pywikibot.Page(site, {PAGE!r})
try:
    page.text
    print("NO ERROR")
except NoUsernameError as e:
    print("FAILED", e)
site.tokens.clear()
site.login()
page = pywikibot.Page(site, {PAGE!r})
page.text += "\\nafter relogin"
page.save("after relogin")
print("SAVED")
'''
    child = subprocess.Popen([sys.executable, "-c", GUARD_SNIPPET + code], env=sb.env(), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert child.stdout.readline().strip() == "LOGGED IN"
    assert R.lose_session(sb) >= 1
    flag.touch()
    out, err = child.communicate(timeout=120)
    assert "FAILED Failed on relbotsandbox:bn: Unable to continue login. Your session most likely timed out." in out, out + err
    assert out.rstrip().endswith("SAVED"), out + err
