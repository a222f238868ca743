"""tests/refusals.py works: each refusal switched on makes the real API refuse the bot's edit with
its exact error, and switched off lets the same edit through (the bot logged in with its
BotPassword over plain requests)."""

from __future__ import annotations

import pytest

import refusals as R

PAGE = "বাংলাদেশ–ভুটান সম্পর্ক"  # seeded (clean fixture)


def bot(sb):
    return R.login(sb, sb.bot_login, sb.bot_password_secret)


def edit(s, sb, title=PAGE, append="\nrelbot test", tok=None, **extra) -> dict:
    data = dict(action="edit", title=title, appendtext=append, summary="relbot refusal test",
                format="json", formatversion="2", token=tok or R.token(s, sb), **extra)
    return s.post(sb.api, data=data, timeout=30).json()


def ok(r: dict) -> bool:
    return r.get("edit", {}).get("result") == "Success"


def code(r: dict) -> str | None:
    return r.get("error", {}).get("code")


def userinfo(s, sb) -> dict:
    return s.get(sb.api, params=dict(action="query", meta="userinfo", uiprop="rights|blockinfo|groups",
                                     format="json", formatversion="2"), timeout=30).json()["query"]["userinfo"]


def test_protect(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.protect(sb, PAGE)
    info = s.get(sb.api, params=dict(action="query", prop="info", inprop="protection", titles=PAGE,
                                     format="json", formatversion="2")).json()["query"]["pages"][0]
    assert {"type": "edit", "level": "sysop", "expiry": "infinity"} in info["protection"]
    assert code(edit(s, sb)) == "protectedpage"
    R.unprotect(sb, PAGE)
    assert ok(edit(s, sb))


def test_block(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.block(sb)
    ui = userinfo(s, sb)
    assert ui["blockid"] and ui["blockedby"] == sb.admin_user and ui["blockreason"]
    r = edit(s, sb)
    assert code(r) == "blocked", r
    assert r["error"]["blockinfo"]["blockedby"] == sb.admin_user
    R.unblock(sb)
    assert "blockid" not in userinfo(s, sb)
    assert ok(edit(s, sb))


def test_remove_right(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    assert "bot" in userinfo(s, sb)["rights"]
    R.remove_right(sb)
    ui = userinfo(s, sb)
    assert "bot" not in ui["rights"] and "bot" not in ui["groups"]
    assert code(edit(s, sb, **{"assert": "bot"})) == "assertbotfailed"
    R.add_group(sb)
    assert "bot" in userinfo(s, sb)["rights"]
    assert ok(edit(s, sb, **{"assert": "bot"}))


def test_revoke_bot_password(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.revoke_bot_password(sb)
    with pytest.raises(AssertionError, match="Incorrect username or password"):
        bot(sb)
    # the session made with it ended too: the old token no longer works as the bot
    assert code(edit(s, sb, **{"assert": "user"})) == "assertuserfailed"
    R.restore_bot_password(sb)
    s = bot(sb)
    assert ok(edit(s, sb, **{"assert": "user"}))


def test_abuse_filter_disallow(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    fid = R.abuse_filter(sb, f'action == "edit" & user_name == "{sb.bot_user}" & added_lines contains "RELBOT-AF"',
                         "disallow", description="relbot test: no RELBOT-AF")
    r = edit(s, sb, append="\nRELBOT-AF")
    assert code(r) == "abusefilter-disallowed", r
    assert "relbot test: no RELBOT-AF" in r["error"]["info"]
    assert r["error"]["abusefilter"]["id"] == str(fid) and r["error"]["abusefilter"]["actions"] == ["disallow"]
    assert ok(edit(s, sb, append="\nsomething else"))  # only what matches
    R.disable_filter(sb, fid)
    assert ok(edit(s, sb, append="\nRELBOT-AF"))


def test_abuse_filter_warn(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    fid = R.abuse_filter(sb, 'added_lines contains "RELBOT-WARN"', "warn", description="relbot test warning")
    r = edit(s, sb, append="\nRELBOT-WARN")
    assert code(r) == "abusefilter-warning", r
    assert "relbot test warning" in r["error"]["info"]
    R.disable_filter(sb, fid)
    assert ok(edit(s, sb, append="\nRELBOT-WARN 2"))


def test_spam_blacklist(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.spam_blacklist(sb, r"\bspam\.example\.org\b")
    link = "\n[http://spam.example.org/x spam]"
    r = edit(s, sb, append=link)
    assert code(r) == "spamblacklist", r
    assert r["error"]["spamblacklist"]["matches"] == ["spam.example.org"]
    R.clear_spam_blacklist(sb)
    assert ok(edit(s, sb, append=link))


def test_title_blacklist(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.title_blacklist(sb, ".*ভুটান.* <noedit>")
    r = edit(s, sb)
    assert code(r) == "titleblacklist-forbidden", r
    R.clear_title_blacklist(sb)
    assert ok(edit(s, sb))


def test_captcha(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    link = "\n[http://example.org/captcha source]"
    R.captcha_on(sb)
    r = edit(s, sb, append=link)
    assert r["edit"]["result"] == "Failure" and r["edit"]["captcha"]["type"] == "simple", r
    assert ok(edit(s, sb, append="\nno link"))  # only edits that add a link
    R.captcha_off(sb)
    assert ok(edit(s, sb, append=link))


def test_read_only(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.read_only(sb, "relbot maintenance")
    general = s.get(sb.api, params=dict(action="query", meta="siteinfo", format="json",
                                        formatversion="2")).json()["query"]["general"]
    assert general["readonly"] is True and general["readonlyreason"] == "relbot maintenance"
    r = edit(s, sb)
    assert code(r) == "readonly" and r["error"]["readonlyreason"] == "relbot maintenance", r
    R.read_write(sb)
    assert ok(edit(s, sb))


def test_rate_limit(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    R.rate_limit(sb, 2, 60)
    assert ok(edit(s, sb, append="\n1")) and ok(edit(s, sb, append="\n2"))
    assert code(edit(s, sb, append="\n3")) == "ratelimited"
    R.no_rate_limit(sb)
    assert ok(edit(s, sb, append="\n3"))


def test_lose_session(fresh_refusing_wiki):
    sb = fresh_refusing_wiki
    s = bot(sb)
    tok = R.token(s, sb)
    assert ok(edit(s, sb, tok=tok, append="\nbefore"))
    assert R.lose_session(sb) >= 1
    assert code(edit(s, sb, tok=tok, **{"assert": "user"})) == "assertuserfailed"
    assert code(edit(s, sb, tok=tok)) == "badtoken"
    s = bot(sb)  # a new login: the same edit goes through
    assert ok(edit(s, sb, **{"assert": "user"}))


def test_fresh_refusing_wiki_undoes_every_switch(refusing_wiki):
    sb = refusing_wiki
    R.block(sb)  # the admin's API switches first: a read-only wiki refuses even a login
    R.revoke_bot_password(sb)
    R.read_only(sb, "x")
    R.captcha_on(sb)
    R.rate_limit(sb, 1, 60)
    R.reset(sb)
    s = bot(sb)
    assert "blockid" not in userinfo(s, sb)
    for i in range(3):
        assert ok(edit(s, sb, append=f"\n[http://example.org/{i} x]"))
    R.reset(sb)
