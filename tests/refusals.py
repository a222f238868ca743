"""Make the local MediaWiki refuse the bot for real, and stop refusing again (test infrastructure).

Its fixtures are registered in tests/conftest.py (one session wiki for every test module);
the switches are plain functions::

    import refusals as R

- ``refusing_wiki`` (session): a second sandbox (see bot/sandbox.py), installed with AbuseFilter,
  SpamBlacklist, TitleBlacklist and ConfirmEdit loaded (``update.php --quick`` run once), seeded
  with ``sandbox.default_pages``, snapshotted, served. While no filter, list or switch is on the
  extensions refuse nothing: the CAPTCHA triggers are all off, the blacklists are empty.
- ``fresh_refusing_wiki`` (function): the same wiki with every switch off and the SQLite snapshot
  restored, before the test and again after it.

The switches act through the real wiki: the API as the admin (protect, block, userrights, the
blacklist pages), the SQLite database (AbuseFilter rows, the BotPassword row, sessions), or the
file ``<sandbox>/refusals.json``, which the sandbox's ``refusals.php`` (required at the end of
LocalSettings.php) reads on every request. That file is data, not PHP, so php -S's opcache (which
re-checks a changed PHP file only every ~2 s) never serves a stale setting: a switch is visible to
the next request, without sleeping and without restarting the server.

No network: SpamBlacklist's default shared list (Meta-Wiki over HTTP) is replaced by none
(``$wgBlacklistSettings`` with empty ``files``), TitleBlacklist has no source but the local
message, ConfirmEdit uses its built-in SimpleCaptcha (arithmetic, no remote service).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot import sandbox

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SWITCH_FILE = "refusals.json"
PHP_FILE = "refusals.php"
_BOTPASSWORD_SAVED = ".refusals-botpassword.json"

# Appended to LocalSettings.php of a refusing wiki.
SETTINGS = """
# ---- relbot refusals (tests/refusals.py) ----
wfLoadExtension( 'AbuseFilter' );
wfLoadExtension( 'SpamBlacklist' );
wfLoadExtension( 'TitleBlacklist' );
wfLoadExtension( 'ConfirmEdit' );
# only the local pages MediaWiki:Spam-blacklist / Email-blacklist / Titleblacklist: never Meta-Wiki
$wgBlacklistSettings = [ 'spam' => [ 'files' => [] ], 'email' => [ 'files' => [] ] ];
$wgTitleBlacklistSources = [];
$wgCaptchaClass = 'MediaWiki\\Extension\\ConfirmEdit\\SimpleCaptcha\\SimpleCaptcha';  # arithmetic, built in
# the rate limiter needs a cache (objectcache table of wikicache.sqlite, restored with the snapshot)
$wgMainCacheType = CACHE_DB;
require __DIR__ . '/refusals.php';
"""

# Read on every request; the switches only ever rewrite refusals.json.
PHP = r"""<?php
# relbot refusal switches (tests/refusals.py): reads refusals.json on every request.
$wgCaptchaTriggers = [ 'edit' => false, 'create' => false, 'sendemail' => false,
	'addurl' => false, 'createaccount' => false, 'badlogin' => false, 'badloginperuser' => false ];
$relbotRefusals = @file_get_contents( __DIR__ . '/refusals.json' );
$relbotRefusals = $relbotRefusals ? json_decode( $relbotRefusals, true ) : [];
if ( isset( $relbotRefusals['readonly'] ) ) {
	$wgReadOnly = $relbotRefusals['readonly'];
}
if ( isset( $relbotRefusals['ratelimit'] ) ) {
	$wgRateLimits['edit']['user'] = $relbotRefusals['ratelimit'];
}
if ( !empty( $relbotRefusals['captcha'] ) ) {
	$wgCaptchaTriggers['addurl'] = true;
	$wgGroupPermissions['bot']['skipcaptcha'] = false;
	if ( isset( $relbotRefusals['captcha_whitelist'] ) ) {
		$wgCaptchaWhitelist = $relbotRefusals['captcha_whitelist'];
	}
}
unset( $relbotRefusals );
"""


# ---------------------------------------------------------------- install

def install(dir: Path, port: int = 0) -> sandbox.Sandbox:
    """A sandbox with the refusing extensions loaded and their tables made (not seeded, not served)."""
    sb = sandbox.install(dir, port)
    (sb.dir / PHP_FILE).write_text(PHP, "utf-8")
    _write_switches(sb, {})
    with open(sb.dir / "LocalSettings.php", "a", encoding="utf-8") as fh:
        fh.write(SETTINGS)
    sandbox._maintenance(sb.mediawiki_root, sb.dir / "LocalSettings.php", "update", "--quick",
                         cwd=sb.dir, hide=sandbox._secrets_of(sb))
    return sb


@pytest.fixture(scope="session")
def refusing_wiki(tmp_path_factory, network_guard):
    """A served, seeded sandbox with the refusing extensions, snapshotted after seeding."""
    missing = sandbox.missing_packages()
    if missing:
        pytest.fail(sandbox.missing_message(missing), pytrace=False)
    folder = tmp_path_factory.mktemp("refusing-wiki")
    sb = install(folder, 0)
    try:
        sandbox.seed(sb, sandbox.default_pages(FIXTURES))
        sandbox.snapshot(sb)
        sb = sandbox.serve(sb)
        yield sb
    finally:
        sandbox.stop(folder)


def reset(sb: sandbox.Sandbox) -> None:
    """Every switch off and the seeded snapshot back (blocks, rights, filters, lists, sessions)."""
    _write_switches(sb, {})
    (sb.dir / _BOTPASSWORD_SAVED).unlink(missing_ok=True)
    sandbox.restore(sb)


@pytest.fixture
def fresh_refusing_wiki(refusing_wiki):
    reset(refusing_wiki)
    yield refusing_wiki
    if refusing_wiki.pid:
        reset(refusing_wiki)


# ---------------------------------------------------------------- the switch file

def _switches(sb: sandbox.Sandbox) -> dict:
    try:
        return json.loads((sb.dir / SWITCH_FILE).read_text("utf-8"))
    except FileNotFoundError:
        return {}


def _write_switches(sb: sandbox.Sandbox, data: dict) -> None:
    """Replace refusals.json atomically (a request reads the old or the new file, never half)."""
    tmp = sb.dir / f".{SWITCH_FILE}.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    os.replace(tmp, sb.dir / SWITCH_FILE)


def _switch(sb: sandbox.Sandbox, key: str, value) -> None:
    data = _switches(sb)
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    _write_switches(sb, data)


def read_only(sb: sandbox.Sandbox, reason: str = "relbot test: maintenance") -> None:
    """``$wgReadOnly = reason``: every write answers the API error ``readonly`` — a login too
    (clientlogin and action=login write), so switch the admin's API refusals on first."""
    _switch(sb, "readonly", reason)


def read_write(sb: sandbox.Sandbox) -> None:
    _switch(sb, "readonly", None)


def rate_limit(sb: sandbox.Sandbox, edits: int, seconds: int) -> None:
    """``$wgRateLimits['edit']['user'] = [edits, seconds]`` (the bot group lacks noratelimit;
    the admin has it). Counting starts at the edits made after this call."""
    _switch(sb, "ratelimit", [int(edits), int(seconds)])


def no_rate_limit(sb: sandbox.Sandbox) -> None:
    _switch(sb, "ratelimit", None)


def captcha_on(sb: sandbox.Sandbox, whitelist: str | None = None) -> None:
    """ConfirmEdit's SimpleCaptcha for edits that add an external link (``addurl``), and the bot
    group without ``skipcaptcha``; ``whitelist``: a PHP regex of URLs that ask no CAPTCHA
    (``$wgCaptchaWhitelist``: ConfirmEdit asks before SpamBlacklist looks, so a blacklisted link
    is seen only if it is whitelisted here)."""
    _switch(sb, "captcha", True)
    if whitelist is not None:
        _switch(sb, "captcha_whitelist", whitelist)


def captcha_off(sb: sandbox.Sandbox) -> None:
    _switch(sb, "captcha", None)
    _switch(sb, "captcha_whitelist", None)


# ---------------------------------------------------------------- the API as the admin

def _http():
    import requests

    s = requests.Session()
    s.trust_env = False  # never through a proxy
    return s


def login(sb: sandbox.Sandbox, user: str, password: str):
    """A requests session logged in over the API (clientlogin for a main password, action=login
    for a BotPassword ``User@appid``); AssertionError with the answer when it fails."""
    s = _http()
    tok = s.get(sb.api, params=dict(action="query", meta="tokens", type="login", format="json"),
                timeout=30).json()["query"]["tokens"]["logintoken"]
    if "@" in user:
        r = s.post(sb.api, data=dict(action="login", lgname=user, lgpassword=password,
                                     lgtoken=tok, format="json"), timeout=30).json()
        assert r.get("login", {}).get("result") == "Success", r
    else:
        r = s.post(sb.api, data=dict(action="clientlogin", username=user, password=password,
                                     loginreturnurl=sb.url, logintoken=tok, format="json"),
                   timeout=30).json()
        assert r.get("clientlogin", {}).get("status") == "PASS", r
    return s


def token(s, sb: sandbox.Sandbox, kind: str = "csrf") -> str:
    r = s.get(sb.api, params=dict(action="query", meta="tokens", type=kind, format="json"),
              timeout=30).json()
    return r["query"]["tokens"][f"{kind}token"]


def _admin_post(sb: sandbox.Sandbox, kind: str = "csrf", **params) -> dict:
    s = login(sb, sb.admin_user, sb.admin_password)
    params.update(format="json", formatversion="2", token=token(s, sb, kind))
    r = s.post(sb.api, data=params, timeout=30).json()
    if "error" in r:
        raise AssertionError(f"{params.get('action')} as the admin failed: {r['error']}")
    return r


def _admin_edit(sb: sandbox.Sandbox, title: str, text: str) -> None:
    r = _admin_post(sb, action="edit", title=title, text=text, summary="relbot refusals",
                    bot="1")
    assert r["edit"]["result"] == "Success", r


def _protect(sb: sandbox.Sandbox, title: str, level: str, expiry: str | None) -> None:
    s = login(sb, sb.admin_user, sb.admin_password)
    page = s.get(sb.api, params=dict(action="query", titles=title, format="json", formatversion="2"),
                 timeout=30).json()["query"]["pages"][0]
    kinds = ("create",) if page.get("missing") else ("edit", "move")
    data = dict(action="protect", title=title, reason="relbot test", format="json", formatversion="2",
                protections="|".join(f"{k}={level}" for k in kinds), token=token(s, sb))
    if expiry:
        data["expiry"] = expiry
    r = s.post(sb.api, data=data, timeout=30).json()
    if "error" in r:
        raise AssertionError(f"protect as the admin failed: {r['error']}")


def protect(sb: sandbox.Sandbox, title: str, level: str = "sysop") -> None:
    """Protect ``title`` (edit and move; create when the page does not exist) at ``level``
    (``sysop`` or ``autoconfirmed``), expiry infinite."""
    _protect(sb, title, level, "infinite")


def unprotect(sb: sandbox.Sandbox, title: str) -> None:
    _protect(sb, title, "all", None)


def block(sb: sandbox.Sandbox, user: str | None = None, reason: str = "relbot test block") -> None:
    """Block ``user`` (default: the bot) indefinitely, sitewide, without autoblock (an autoblock
    would block 127.0.0.1, i.e. every account of the sandbox)."""
    _admin_post(sb, action="block", user=user or sb.bot_user, expiry="infinite", reason=reason,
                noautoblock="1", allowusertalk="1")


def unblock(sb: sandbox.Sandbox, user: str | None = None) -> None:
    _admin_post(sb, action="unblock", user=user or sb.bot_user, reason="relbot test")


def remove_right(sb: sandbox.Sandbox, group: str = "bot", user: str | None = None) -> None:
    """Remove ``user`` (default: the bot) from ``group`` with action=userrights as the admin."""
    _admin_post(sb, "userrights", action="userrights", user=user or sb.bot_user, remove=group,
                reason="relbot test")


def add_group(sb: sandbox.Sandbox, group: str = "bot", user: str | None = None) -> None:
    _admin_post(sb, "userrights", action="userrights", user=user or sb.bot_user, add=group,
                reason="relbot test")


SPAM_BLACKLIST = "MediaWiki:Spam-blacklist"
TITLE_BLACKLIST = "MediaWiki:Titleblacklist"


def spam_blacklist(sb: sandbox.Sandbox, *regexes: str) -> None:
    """MediaWiki:Spam-blacklist holds ``regexes``, one a line (e.g. ``\\bspam\\.example\\.org\\b``).
    MW 1.39 refuses an edit that *adds* a link matching one (``spamblacklist``)."""
    _admin_edit(sb, SPAM_BLACKLIST, "\n".join(["# relbot test", *regexes]))


def clear_spam_blacklist(sb: sandbox.Sandbox) -> None:
    _admin_edit(sb, SPAM_BLACKLIST, "# relbot test: empty")


def title_blacklist(sb: sandbox.Sandbox, *lines: str) -> None:
    """MediaWiki:Titleblacklist holds ``lines`` (e.g. ``.*কেনিয়া.* <noedit>``): editing a
    matching title is refused (``titleblacklist-forbidden``) for accounts without tboverride
    (the admin has it, the bot has not)."""
    _admin_edit(sb, TITLE_BLACKLIST, "\n".join(["# relbot test", *lines]))


def clear_title_blacklist(sb: sandbox.Sandbox) -> None:
    _admin_edit(sb, TITLE_BLACKLIST, "# relbot test: empty")


# ---------------------------------------------------------------- the database directly

def _db(sb: sandbox.Sandbox, name: str = "my_wiki.sqlite") -> sqlite3.Connection:
    return sqlite3.connect(sb.dir / "data" / name, timeout=30, isolation_level=None)


def _user_id(db: sqlite3.Connection, user: str) -> int:
    row = db.execute("SELECT user_id FROM user WHERE user_name = ?", (user,)).fetchone()
    assert row, f"no user {user!r}"
    return row[0]


def abuse_filter(sb: sandbox.Sandbox, pattern: str, action: str = "disallow",
                 description: str = "relbot test filter") -> int:
    """An enabled AbuseFilter filter (rows in abuse_filter and abuse_filter_action, as the admin
    made it) with ``pattern`` (AbuseFilter's rule language, e.g.
    ``action == "edit" & user_name == "RelBot" & added_lines contains "x"``) and the consequence
    ``action`` (``disallow`` or ``warn``); ``description`` is the public name that the refusal's
    message quotes. Local filters are read from the database on every edit: no cache to purge.
    Returns the filter id."""
    if action not in ("disallow", "warn"):
        raise ValueError(f"unsupported AbuseFilter action {action!r}")
    params = "abusefilter-disallowed" if action == "disallow" else "abusefilter-warning"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
    with _db(sb) as db:
        uid = _user_id(db, sb.admin_user)
        cur = db.execute(
            "INSERT INTO abuse_filter (af_pattern, af_user, af_user_text, af_timestamp, af_enabled,"
            " af_comments, af_public_comments, af_hidden, af_hit_count, af_throttled, af_deleted,"
            " af_actions, af_global, af_group) VALUES (?, ?, ?, ?, 1, '', ?, 0, 0, 0, 0, ?, 0, 'default')",
            (pattern, uid, sb.admin_user, stamp, description, action))
        fid = cur.lastrowid
        db.execute("INSERT INTO abuse_filter_action (afa_filter, afa_consequence, afa_parameters)"
                   " VALUES (?, ?, ?)", (fid, action, params))
    return fid


def disable_filter(sb: sandbox.Sandbox, fid: int) -> None:
    with _db(sb) as db:
        db.execute("UPDATE abuse_filter SET af_enabled = 0 WHERE af_id = ?", (fid,))


def _pbkdf2(secret: str) -> str:
    """MediaWiki's default password hash (Pbkdf2Password, sha512, 30000 rounds) of ``secret``."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha512", secret.encode(), salt, 30000, 64)
    return f":pbkdf2:sha512:30000:64:{base64.b64encode(salt).decode()}:{base64.b64encode(digest).decode()}"


def revoke_bot_password(sb: sandbox.Sandbox) -> None:
    """Make the bot's BotPassword stop working, as resetting it on Special:BotPasswords does: the
    row gets the hash of another random secret (a login with the old one fails with "Incorrect
    username or password") and a new token (the sessions made with the old one end). The old
    row is kept in the sandbox folder for :func:`restore_bot_password`."""
    saved = sb.dir / _BOTPASSWORD_SAVED
    with _db(sb) as db:
        uid = _user_id(db, sb.bot_user)
        row = db.execute("SELECT bp_password, bp_token FROM bot_passwords WHERE bp_user = ? AND"
                         " bp_app_id = ?", (uid, sb.bot_password_appid)).fetchone()
        assert row, "the bot has no BotPassword"
        if not saved.exists():
            sandbox._write_private(saved, json.dumps([_text(row[0]), _text(row[1])]))
        db.execute("UPDATE bot_passwords SET bp_password = ?, bp_token = ? WHERE bp_user = ? AND"
                   " bp_app_id = ?", (_pbkdf2(secrets.token_hex(20)), secrets.token_hex(16), uid,
                                      sb.bot_password_appid))


def restore_bot_password(sb: sandbox.Sandbox) -> None:
    saved = sb.dir / _BOTPASSWORD_SAVED
    password, tok = json.loads(saved.read_text("utf-8"))
    with _db(sb) as db:
        uid = _user_id(db, sb.bot_user)
        db.execute("UPDATE bot_passwords SET bp_password = ?, bp_token = ? WHERE bp_user = ? AND"
                   " bp_app_id = ?", (password, tok, uid, sb.bot_password_appid))
    saved.unlink()


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def lose_session(sb: sandbox.Sandbox) -> int:
    """Every session gone server-side (the MWSession rows of the objectcache table): the next
    request of a logged-in client is anonymous. Returns how many sessions were dropped."""
    with _db(sb, "wikicache.sqlite") as db:
        return db.execute("DELETE FROM objectcache WHERE keyname LIKE '%MWSession%'").rowcount
