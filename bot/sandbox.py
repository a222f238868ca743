"""A throw-away MediaWiki on loopback, for tests and for ``relbot sandbox``.

Debian's ``mediawiki`` package (1.39, read-only tree under :data:`MEDIAWIKI_ROOT`) is installed
into a folder of our own: ``LocalSettings.php`` lives there and ``MW_CONFIG_FILE`` points at it,
the SQLite databases live in ``<dir>/data``, and ``php -S`` serves the wiki on 127.0.0.1.
Nothing here touches ``/etc/mediawiki`` or ``/var/lib/mediawiki``.

Layout of a sandbox folder (mode 0700; ``sandbox.json`` and ``user-password.py`` mode 0600 —
they hold the throw-away wiki's passwords)::

    <dir>/LocalSettings.php
    <dir>/data/            SQLite: my_wiki.sqlite, wikicache.sqlite (sessions, parser cache), …
    <dir>/snapshot/        copy of data/ taken by snapshot()
    <dir>/cache/ images/   $wgCacheDirectory (localisation cache), $wgUploadDirectory
    <dir>/pywikibot/       PYWIKIBOT_DIR: user-config.py, user-password.py,
                           families/relbotsandbox_family.py
    <dir>/server.log       php -S output
    <dir>/sandbox.json     everything load() needs, including the php -S process id

Typical use::

    sb = install(Path("/tmp/wiki"), 0)        # port 0: pick a free port
    seed(sb, default_pages(Path("fixtures")))
    sb = serve(sb)
    ...                                        # PYWIKIBOT_DIR=sb.pywikibot_dir relbot run …
    stop(sb.dir)

Two wikis of one family (a Bengali one whose ``[[en:…]]`` links reach an English one)::

    en = install(Path("/tmp/en"), 0, lang="en")
    seed(en, default_pages(Path("fixtures"), "en"), links=False)   # the Foreign relations pages …
    bn = install(Path("/tmp/bn"), 0)
    join(bn, en)                               # before or after seeding pages with [[en:…]]
    join(en, bn)                               # the other way too, as ``relbot sandbox start --join`` does
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import unicodedata
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

# Debian's MediaWiki tree. Tests point install() elsewhere to check the missing-package error.
MEDIAWIKI_ROOT = Path("/usr/share/mediawiki")
PHP = "php"
PACKAGES = ("mediawiki", "php-cli", "php-sqlite3", "php-intl", "php-mbstring", "php-xml")
INSTALL_HINT = "apt-get install --no-install-recommends " + " ".join(PACKAGES)
# php -m module names that prove each extension package is there
_PHP_MODULES = {"php-sqlite3": ("pdo_sqlite", "sqlite3"), "php-intl": ("intl",),
                "php-mbstring": ("mbstring",), "php-xml": ("dom", "xml", "xmlreader")}

SITENAME = "RelBot Sandbox"
FAMILY = "relbotsandbox"
BOT_USER = "RelBot"
BOT_APPID = "relbot"
BOT_GRANTS = "basic,highvolume,editpage,createeditmovepage"
HUMAN_USER = "Sandbox Human"
ADMIN_USER = "Sandbox Admin"
SEED_COMMENT = "relbot sandbox: seed"
STATE_FILE = "sandbox.json"
SERVER_WORKERS = 4
CATEGORY_NS = "বিষয়শ্রেণী"
TEMPLATE_NS = "টেমপ্লেট"
BILATERAL_PARENT = "দ্বিপাক্ষিক সম্পর্ক"  # parent category of every "<X> দ্বিপাক্ষিক সম্পর্ক"


class SandboxError(RuntimeError):
    """A one-line, secret-free explanation of why the sandbox could not be set up or run."""


@dataclass
class Sandbox:
    dir: Path
    port: int
    url: str
    api: str
    bot_user: str
    bot_password_appid: str
    bot_password_secret: str
    human_user: str
    human_password: str
    admin_user: str
    admin_password: str
    pywikibot_dir: Path
    family: str
    pid: int | None = None
    sitename: str = SITENAME
    mediawiki_root: Path = field(default=MEDIAWIKI_ROOT)
    lang: str = "bn"  # the content language, and the wiki's code in the pywikibot family
    linked: dict = field(default_factory=dict)  # code -> port of the sandboxes join() linked

    @property
    def bot_login(self) -> str:
        """The name to log in with using the bot password (``RelBot@relbot``)."""
        return f"{self.bot_user}@{self.bot_password_appid}"

    def env(self) -> dict[str, str]:
        """Environment for a subprocess that should talk to this wiki through pywikibot."""
        env = {k: v for k, v in os.environ.items()
               if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
        env["PYWIKIBOT_DIR"] = str(self.pywikibot_dir)
        env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost,::1"
        return env

    def __repr__(self) -> str:  # never show the secrets
        return f"Sandbox(dir={str(self.dir)!r}, url={self.url!r}, pid={self.pid})"


# ---------------------------------------------------------------- checks and helpers

def missing_packages(mediawiki_root: Path | None = None) -> list[str]:
    """Debian packages whose files are missing; [] when the sandbox can be installed."""
    root = Path(mediawiki_root or MEDIAWIKI_ROOT)
    missing = []
    if not (root / "maintenance" / "install.php").is_file() or not (root / "api.php").is_file():
        missing.append("mediawiki")
    php = shutil.which(PHP)
    if not php:
        return missing + [p for p in PACKAGES if p.startswith("php-")]
    try:
        out = subprocess.run([php, "-m"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return missing + [p for p in PACKAGES if p.startswith("php-")]
    modules = {line.strip().lower() for line in out.splitlines()}
    for package, needed in _PHP_MODULES.items():
        if not all(m in modules for m in needed):
            missing.append(package)
    return missing


def missing_message(missing: list[str]) -> str:
    """The one-line explanation for missing packages (also used by the test fixtures)."""
    return f"missing Debian packages: {', '.join(missing)} — install with: {INSTALL_HINT}"


def _require_packages(mediawiki_root: Path) -> None:
    missing = missing_packages(mediawiki_root)
    if missing:
        raise SandboxError(missing_message(missing))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _secrets_of(sb: Sandbox | None, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    vals = list(extra)
    if sb is not None:
        vals += [sb.bot_password_secret, sb.human_password, sb.admin_password]
    return tuple(v for v in vals if v)


def _redact(text: str, hide: tuple[str, ...]) -> str:
    for s in hide:
        text = text.replace(s, "***")
    return text


def _password() -> str:
    """A random password for a maintenance script's command line: hex, because a urlsafe token
    starts with "-" one time in 64, and the script then reads it as an option (seen: "Option --W
    given twice")."""
    return secrets.token_hex(24)


def _maintenance(root: Path, config: Path, script: str, *args: str, cwd: Path,
                 hide: tuple[str, ...] = (), timeout: float = 300) -> str:
    """Run ``maintenance/<script>.php``; SandboxError with its last stderr line when it fails."""
    cmd = [PHP, str(root / "maintenance" / f"{script}.php"), *args]
    env = dict(os.environ, MW_CONFIG_FILE=str(config))
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise SandboxError(f"{script}.php timed out after {timeout:.0f} s") from None
    except OSError as exc:
        raise SandboxError(f"{script}.php could not be started: {exc.strerror}") from None
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr or proc.stdout or "").splitlines() if ln.strip()]
        last = _redact(lines[-1], hide) if lines else "no output"
        raise SandboxError(f"{script}.php failed (exit {proc.returncode}): {last}")
    return proc.stdout


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(path, 0o600)


def _save(sb: Sandbox) -> None:
    data = asdict(sb)
    for k, v in data.items():
        if isinstance(v, Path):
            data[k] = str(v)
    _write_private(sb.dir / STATE_FILE, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def load(dir: Path) -> Sandbox:
    """The sandbox installed in ``dir`` (reads ``dir/sandbox.json``)."""
    path = Path(dir) / STATE_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SandboxError(f"no sandbox in {dir} ({STATE_FILE} not found)") from None
    except (OSError, ValueError) as exc:
        raise SandboxError(f"cannot read {path}: {exc}") from None
    known = {f.name for f in fields(Sandbox)}
    data = {k: v for k, v in data.items() if k in known}
    for k in ("dir", "pywikibot_dir", "mediawiki_root"):
        if k in data:
            data[k] = Path(data[k])
    return Sandbox(**data)


# ---------------------------------------------------------------- install

_LOCAL_SETTINGS_TAIL = """
# ---- relbot sandbox additions ----
$wgCacheDirectory = "{dir}/cache";
$wgUploadDirectory = "{dir}/images";
$wgUploadPath = "/images";
$wgEnableUploads = false;
$wgRateLimits = [];
$wgShowExceptionDetails = true;
$wgEnableBotPasswords = true;
$wgPasswordAttemptThrottle = [];
$wgAccountCreationThrottle = 0;
$wgEnableEmail = false;
$wgEnableUserEmail = false;
wfLoadExtension( 'Cite' );
wfLoadExtension( 'ParserFunctions' );
"""


def _family_file(port: int, lang: str = "bn", linked: dict | None = None) -> str:
    langs = {lang: f"127.0.0.1:{port}"} | {code: f"127.0.0.1:{p}" for code, p in (linked or {}).items()}
    return f'''"""pywikibot family for the relbot sandbox wiki on 127.0.0.1:{port} (generated)."""
from pywikibot import family


class Family(family.Family):
    name = {FAMILY!r}
    langs = {langs!r}

    def scriptpath(self, code):
        return ''

    def protocol(self, code):
        return 'http'
'''


def _user_config(sb: Sandbox) -> str:
    return f"""# pywikibot configuration for the relbot sandbox wiki {sb.url} (generated).
family = {sb.family!r}
mylang = {sb.lang!r}
usernames[{sb.family!r}][{sb.lang!r}] = {sb.bot_user!r}
password_file = 'user-password.py'   # relative to this folder

# A local wiki: no throttling, fail fast.
put_throttle = 0
minthrottle = 0
maxthrottle = 1
max_retries = 1
retry_wait = 1
retry_max = 2
socket_timeout = (5, 60)
cosmetic_changes = False
"""


def install(dir: Path, port: int = 0, *, mediawiki_root: Path | None = None, lang: str = "bn") -> Sandbox:
    """Install a fresh MediaWiki (SQLite, content language ``lang``, Cite, ParserFunctions) in ``dir``.

    Creates an admin, a bot account with a BotPassword and an ordinary human account, writes the
    pywikibot files and ``dir/sandbox.json``. ``port`` 0 picks a free port. Does not serve.
    """
    root = Path(mediawiki_root or MEDIAWIKI_ROOT)
    _require_packages(root)
    dir = Path(dir).resolve()
    if (dir / STATE_FILE).exists() or (dir / "LocalSettings.php").exists():
        raise SandboxError(f"{dir} already holds a sandbox: load() it, "
                           "or stop it and remove the folder")
    dir.mkdir(parents=True, exist_ok=True)
    os.chmod(dir, 0o700)
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    sb = Sandbox(
        dir=dir, port=port, url=url, api=url + "/api.php",
        bot_user=BOT_USER, bot_password_appid=BOT_APPID, bot_password_secret=secrets.token_hex(20),
        human_user=HUMAN_USER, human_password=_password(),
        admin_user=ADMIN_USER, admin_password=_password(),
        pywikibot_dir=dir / "pywikibot", family=FAMILY, pid=None, mediawiki_root=root, lang=lang,
    )
    hide = _secrets_of(sb)
    config = dir / "LocalSettings.php"
    for sub in ("cache", "images"):
        (dir / sub).mkdir(exist_ok=True)

    passfile = dir / ".adminpass"
    _write_private(passfile, sb.admin_password)
    try:
        _maintenance(root, config, "install", "--dbtype", "sqlite", "--dbpath", str(dir / "data"),
                     "--server", url, "--scriptpath", "", "--lang", lang, "--confpath", str(dir),
                     "--passfile", str(passfile), SITENAME, sb.admin_user, cwd=dir, hide=hide)
    finally:
        passfile.unlink(missing_ok=True)
    with open(config, "a", encoding="utf-8") as fh:
        fh.write(_LOCAL_SETTINGS_TAIL.format(dir=dir))
    os.chmod(config, 0o600)  # holds $wgSecretKey

    # The bot account's main password is random and thrown away: it logs in with its BotPassword.
    bot_main = _password()
    _maintenance(root, config, "createAndPromote", "--bot", sb.bot_user, bot_main, cwd=dir,
                 hide=hide + (bot_main,))
    _maintenance(root, config, "createBotPassword", "--appid", sb.bot_password_appid,
                 "--grants", BOT_GRANTS, sb.bot_user, sb.bot_password_secret, cwd=dir, hide=hide)
    _maintenance(root, config, "createAndPromote", sb.human_user, sb.human_password,
                 cwd=dir, hide=hide)

    pwb = sb.pywikibot_dir
    (pwb / "families").mkdir(parents=True, exist_ok=True)
    (pwb / "families" / f"{FAMILY}_family.py").write_text(_family_file(port, lang), "utf-8")
    (pwb / "user-config.py").write_text(_user_config(sb), "utf-8")
    _write_private(pwb / "user-password.py",
                   f"({sb.bot_user!r}, BotPassword({sb.bot_password_appid!r}, "
                   f"{sb.bot_password_secret!r}))\n")
    _save(sb)
    return sb


def join(sb: Sandbox, other: Sandbox) -> Sandbox:
    """Link ``sb`` to the sandbox ``other`` (of another content language) as two wikis of one
    family are linked: ``sb``'s interwiki table maps the prefix ``other.lang`` to ``other`` as a
    local interwiki (``iw_local=1``), so ``[[en:…]]`` on its pages is a language link that
    ``prop=langlinks`` returns; and ``sb``'s pywikibot family knows ``other.lang`` at ``other``'s
    port, so ``pywikibot.Site(other.lang, family)`` reaches it. Pages seeded before, whose
    ``[[en:…]]`` was an ordinary link to a page ``En:…``, get their links refreshed
    (refreshLinks.php on those pages, and their parser cache made stale), so the order of
    seeding and joining does not matter. Returns ``sb``."""
    import sqlite3

    if other.lang == sb.lang:
        raise SandboxError(f"both sandboxes are {sb.lang!r} wikis: join links wikis of two languages")
    db = sqlite3.connect(sb.dir / "data" / "my_wiki.sqlite")
    try:
        with db:
            db.execute("INSERT OR REPLACE INTO interwiki (iw_prefix, iw_url, iw_api, iw_wikiid, iw_local, iw_trans) "
                       "VALUES (?, ?, ?, '', 1, 0)", (other.lang, other.url + "/index.php?title=$1", other.api))
            stale = sorted(row[0] for row in db.execute(
                "SELECT DISTINCT pl_from FROM pagelinks WHERE pl_namespace = 0 AND pl_title LIKE ?",
                (other.lang[:1].upper() + other.lang[1:] + ":%",)))
            # a second ahead: MediaWiki keeps a parser cache entry made in the very second the page
            # was touched (CacheTime::expired compares with <), so a page rendered just before the
            # join would otherwise keep its old links one time in many
            later = (datetime.now(timezone.utc) + timedelta(seconds=1)).strftime("%Y%m%d%H%M%S")
            db.executemany("UPDATE page SET page_touched = ? WHERE page_id = ?", [(later, i) for i in stale])
    finally:
        db.close()
    for first, last in _runs(stale):
        _maintenance(sb.mediawiki_root, sb.dir / "LocalSettings.php", "refreshLinks", str(first), "-e", str(last),
                     cwd=sb.dir, hide=_secrets_of(sb))
    sb.linked = {**sb.linked, other.lang: other.port}
    (sb.pywikibot_dir / "families" / f"{sb.family}_family.py").write_text(
        _family_file(sb.port, sb.lang, sb.linked), "utf-8")
    for cache in sb.pywikibot_dir.glob("apicache*"):
        shutil.rmtree(cache, ignore_errors=True)
    _save(sb)
    return sb


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """Sorted ids as runs of consecutive ids: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for i in ids:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


# ---------------------------------------------------------------- pages

def _title(stem: str) -> str:
    return unicodedata.normalize("NFC", stem.replace("_", " "))


def _read(path: Path) -> str:
    return path.read_text("utf-8")


# Which fixtures become pages. Rule fixtures mostly share the title বাংলাদেশ–ভুটান সম্পর্ক with
# clean/, so only those with a title of their own are seeded.
_FIXTURE_PAGES = (
    "seed/আজারবাইজান–আর্জেন্টিনা_সম্পর্ক",   # the seed article: has safe fixes (T001, L007)
    "clean/বাংলাদেশ–ভুটান_সম্পর্ক",          # clean: nothing to fix
    "clean/বাংলাদেশ–ভারত_সম্পর্ক",
    "rules/I006/ভারত–নেপাল_সম্পর্ক",         # infobox names other countries than the title
    "rules/W005/বাংলাদেশ-ভুটান_সম্পর্ক",      # hyphen-minus title
    "skip/আর্জেন্টিনা–আজারবাইজান_সম্পর্ক",    # redirect (#পুনর্নির্দেশ)
    "skip/ভুটান–বাংলাদেশ_সম্পর্ক",            # redirect (#REDIRECT)
    "skip/বাংলাদেশের_বৈদেশিক_সম্পর্ক",        # not bilateral (foreign relations of one country)
)
# Pages made from rules/L001 (whose safe fix renames আরো দেখুন to আরও দেখুন) under other titles,
# with a bot-exclusion template on top: a bot that ignored the template would edit them.
NOBOTS_TITLE = "বাংলাদেশ–মালদ্বীপ সম্পর্ক"
INUSE_TITLE = "বাংলাদেশ–শ্রীলঙ্কা সম্পর্ক"
_GUARDED_BASE = "rules/L001/বাংলাদেশ–ভুটান_সম্পর্ক"

_REFLISTS = {"সূত্র তালিকা", "তথ্যসূত্র তালিকা", "Reflist"}
_INFOBOX = ("{| class=\"infobox\"\n|+ {{{1|}}}\n|-\n| {{{2|}}} || {{{3|}}}\n"
            "|-\n| {{{mission1|}}} || {{{mission2|}}}\n|}<noinclude>"
            "\nrelbot sandbox stub of the bilateral-relations infobox.</noinclude>")
_CITATION = ("{{{শিরোনাম|{{{title|}}}}}} {{{ইউআরএল|{{{url|}}}}}} {{{প্রকাশক|{{{publisher|}}}}}} "
             "{{{তারিখ|{{{date|}}}}}}<noinclude>\nrelbot sandbox stub of a citation template."
             "</noinclude>")
_STUB = "<includeonly></includeonly><noinclude>relbot sandbox stub.</noinclude>"
_ALWAYS_TEMPLATES = ("তথ্যছক দ্বিপাক্ষিক সম্পর্ক", "সূত্র তালিকা", "Nobots", "Bots",
                     "ব্যবহৃত হচ্ছে", "কাজ চলছে")
_TEMPLATE_RE = re.compile(r"(?<!\{)\{\{\s*([^{}|#<>\[\]\n]+?)\s*(?:\||\}\})")
_CATEGORY_RE = re.compile(r"\[\[\s*(?:বিষয়শ্রেণী|Category)\s*:\s*([^|\]\n]+?)\s*(?:\|[^\]]*)?\]\]",
                          re.IGNORECASE)
_MAGIC = re.compile(r"^[A-Z]+:|^(?:!|=|PAGENAME|FULLPAGENAME|NAMESPACE|CURRENT\w*|DEFAULTSORT)$")


def _ucfirst(name: str) -> str:
    name = " ".join(name.replace("_", " ").split())
    return name[:1].upper() + name[1:]


def templates_used(text: str) -> set[str]:
    """Names (first letter upper-cased, without namespace) of the templates ``text`` transcludes."""
    names = set()
    for m in _TEMPLATE_RE.finditer(text):
        name = m.group(1).strip()
        for prefix in (TEMPLATE_NS + ":", "Template:", "template:"):
            if name.startswith(prefix):
                name = name[len(prefix):]
        if not name or _MAGIC.search(name) or ":" in name:
            continue
        names.add(_ucfirst(name))
    return names


def categories_used(text: str) -> set[str]:
    return {_ucfirst(m.group(1)) for m in _CATEGORY_RE.finditer(text)}


def _template_text(name: str) -> str:
    low = name.lower()
    if name in _REFLISTS or low == "reflist":
        return "<references /><noinclude>\nrelbot sandbox stub.</noinclude>"
    if name.startswith("তথ্যছক") or low.startswith("infobox") or low == "bilateral":
        return _INFOBOX
    if name.endswith("উদ্ধৃতি") or low.startswith("cite") or low == "citation":
        return _CITATION
    return _STUB


def support_pages(pages: dict[str, str]) -> dict[str, str]:
    """Minimal templates and category pages for all that ``pages`` transclude or categorise into."""
    out: dict[str, str] = {}
    names = set(_ALWAYS_TEMPLATES)
    cats = {BILATERAL_PARENT, "বাংলাদেশের বৈদেশিক সম্পর্ক"}
    for text in pages.values():
        names |= templates_used(text)
        cats |= categories_used(text)
    for name in sorted(names):
        out[f"{TEMPLATE_NS}:{name}"] = _template_text(name)
    for cat in sorted(cats):
        if cat == BILATERAL_PARENT:
            text = "দুই রাষ্ট্রের মধ্যকার সম্পর্ক বিষয়ক নিবন্ধ।"
        elif cat.endswith(" " + BILATERAL_PARENT):
            text = f"[[{CATEGORY_NS}:{BILATERAL_PARENT}]]"
        else:
            text = "relbot sandbox category."
        out[f"{CATEGORY_NS}:{cat}"] = text
    return out


def default_pages(fixtures_dir: Path, lang: str = "bn", *,
                  foreign_relations: tuple[str, ...] | None = None) -> dict[str, str]:
    """The fixtures as wiki pages (title → wikitext), plus the templates and categories they use.

    ``lang="en"``: the pages of an English sandbox instead (:func:`english_pages`, which takes
    ``foreign_relations``).

    Articles: the seed, both clean articles, rules/I006 (ভারত–নেপাল সম্পর্ক) and rules/W005
    (বাংলাদেশ-ভুটান সম্পর্ক, hyphen); the skip fixtures: two redirects and the non-bilateral
    বাংলাদেশের বৈদেশিক সম্পর্ক; :data:`NOBOTS_TITLE` = ``{{nobots}}`` + rules/L001 and
    :data:`INUSE_TITLE` = ``{{ব্যবহৃত হচ্ছে}}`` + rules/L001 (L001 has a safe fix, so an edit
    there means the exclusion was ignored). Templates and categories come first.
    """
    if lang == "en":
        return english_pages(fixtures_dir, foreign_relations)
    if lang != "bn":
        raise SandboxError(f"no default pages for a {lang!r} sandbox (bn or en)")
    fixtures_dir = Path(fixtures_dir)
    articles: dict[str, str] = {}
    for rel in _FIXTURE_PAGES:
        path = fixtures_dir / f"{rel}.wikitext"
        articles[_title(path.stem)] = _read(path)
    base = _read(fixtures_dir / f"{_GUARDED_BASE}.wikitext")
    articles[NOBOTS_TITLE] = "{{nobots}}\n" + base
    articles[INUSE_TITLE] = "{{ব্যবহৃত হচ্ছে}}\n" + base
    return {**support_pages(articles), **articles, **shutoff_page()}


ENWIKI_ARCHIVE = Path("enwiki") / "enwiki-foreign-relations.tar.xz"
FOREIGN_RELATIONS = "Foreign relations of {}"
#: The English bilateral articles of an English sandbox: one that the seed article's language
#: link reaches through a redirect, and one that no Bengali page links to (found by its title).
EN_BILATERAL = "Argentina–Azerbaijan relations"
EN_LINKED = "Azerbaijan–Argentina relations"
EN_GUESSED = "Chile–Argentina relations"
ENGLISH_BILATERAL = {
    EN_BILATERAL: ("'''Argentina–Azerbaijan relations''' are the bilateral relations between "
                   "[[Argentina]] and [[Azerbaijan]].\n"),
    EN_LINKED: f"#REDIRECT [[{EN_BILATERAL}]]\n",
    EN_GUESSED: "'''Chile–Argentina relations''' are the relations between [[Chile]] and [[Argentina]].\n",
}


def english_pages(fixtures_dir: Path, foreign_relations: tuple[str, ...] | None = None) -> dict[str, str]:
    """The pages of an English sandbox (title → wikitext): the real "Foreign relations of X" pages
    of ``fixtures/enwiki``, read from its archive (``foreign_relations`` names the countries X to
    keep; default all 196), then :data:`ENGLISH_BILATERAL`."""
    import tarfile

    archive = Path(fixtures_dir) / ENWIKI_ARCHIVE
    wanted = None if foreign_relations is None else {FOREIGN_RELATIONS.format(x) for x in foreign_relations}
    pages: dict[str, str] = {}
    try:
        with tarfile.open(archive, "r:xz") as tar:
            for member in tar:
                name = Path(member.name).name
                if not (member.isfile() and name.startswith("Foreign_relations_of_") and name.endswith(".wikitext")):
                    continue
                title = _title(name[:-len(".wikitext")])
                if wanted is None or title in wanted:
                    pages[title] = tar.extractfile(member).read().decode("utf-8")
    except (OSError, tarfile.TarError) as exc:
        raise SandboxError(f"cannot read the English pages in {archive}: {exc}") from None
    if wanted is not None and wanted - set(pages):
        raise SandboxError(f"{archive} has no page {', '.join(sorted(wanted - set(pages)))}")
    return dict(sorted(pages.items())) | ENGLISH_BILATERAL


def shutoff_page(word: str | None = None) -> dict[str, str]:
    """The bot's shutoff page (from the bn profile), saying ``word`` (default: the run word)."""
    from .profile import load_profile

    spec = load_profile("bn").data["bot"]
    return {spec["shutoff_page"].format(user=BOT_USER): word or spec["run_word"]}


def _dump_xml(pages: dict[str, str], user: str, timestamp: str) -> str:
    parts = ['<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" '
             'xml:lang="bn">\n']
    for title, text in pages.items():
        parts.append(
            f"<page><title>{escape(title)}</title><revision>"
            f"<timestamp>{timestamp}</timestamp>"
            f"<contributor><username>{escape(user)}</username></contributor>"
            f"<comment>{escape(SEED_COMMENT)}</comment>"
            "<model>wikitext</model><format>text/x-wiki</format>"
            f'<text xml:space="preserve">{escape(text)}</text></revision></page>\n')
    parts.append("</mediawiki>\n")
    return "".join(parts)


def seed(sb: Sandbox, pages: dict[str, str], *, links: bool = True) -> None:
    """Create or overwrite ``pages`` (title → wikitext) as one new revision each, by the admin.

    Uses maintenance/importDump.php (links and categories are updated as for an edit), then
    runJobs.php, rebuildrecentchanges.php and initSiteStats.php. Works whether or not the wiki
    is served. ``links=False`` leaves the link tables (links, categories, language links) as
    they were — redirects still count — and saves parsing every page: the English sandbox's
    21 MB of Foreign relations pages import in about 10 s instead of a minute.
    """
    if not pages:
        return
    config = sb.dir / "LocalSettings.php"
    hide = _secrets_of(sb)
    # importDump makes an imported revision current when its timestamp is >= the current one's.
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    xml = sb.dir / "seed.xml"
    xml.write_text(_dump_xml(pages, sb.admin_user, stamp), "utf-8")
    try:
        _maintenance(sb.mediawiki_root, config, "importDump", *(() if links else ("--no-updates",)), str(xml),
                     cwd=sb.dir, hide=hide)
    finally:
        xml.unlink(missing_ok=True)
    # Template edits queue htmlCacheUpdate jobs: run them now, so a snapshot has an empty queue.
    _maintenance(sb.mediawiki_root, config, "runJobs", "--quiet", cwd=sb.dir, hide=hide)
    _maintenance(sb.mediawiki_root, config, "rebuildrecentchanges", cwd=sb.dir, hide=hide)
    _maintenance(sb.mediawiki_root, config, "initSiteStats", "--update", cwd=sb.dir, hide=hide)


# ---------------------------------------------------------------- serving

def _get(url: str, timeout: float = 5.0) -> bytes:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    with opener.open(url, timeout=timeout) as resp:
        return resp.read()


def _is_our_server(pid: int) -> bool:
    """True when ``pid`` is a live ``php -S`` process leading its own process group."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        return os.getpgid(pid) == pid and b"-S" in cmdline and any(b"php" in c for c in cmdline[:1])
    except (OSError, ProcessLookupError):
        return False


def _group_alive(pgid: int) -> bool:
    """True while a process of group ``pgid`` is running (zombies awaiting their reaper do not
    count: the orphaned workers are reaped by init, which may take a while)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
            return True
        except ProcessLookupError:
            return False
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields_ = stat[stat.rfind(")") + 2:].split()  # after "pid (comm) "
        if len(fields_) > 2 and fields_[2] == str(pgid) and fields_[0] not in ("Z", "X"):
            return True
    return False


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def serve(sb: Sandbox, timeout: float = 30.0) -> Sandbox:
    """Serve the wiki with ``php -S 127.0.0.1:<port>`` in its own session until api.php answers.

    Returns the sandbox with ``pid`` set (also in sandbox.json). A no-op when already served.
    """
    if sb.pid and _is_our_server(sb.pid):
        return sb
    _require_packages(sb.mediawiki_root)
    if _port_open(sb.port):
        raise SandboxError(f"port {sb.port} on 127.0.0.1 is already in use")
    env = dict(os.environ, MW_CONFIG_FILE=str(sb.dir / "LocalSettings.php"),
               PHP_CLI_SERVER_WORKERS=str(SERVER_WORKERS))
    log = open(sb.dir / "server.log", "ab")
    try:
        proc = subprocess.Popen([PHP, "-S", f"127.0.0.1:{sb.port}", "-t", str(sb.mediawiki_root)],
                                cwd=sb.dir, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        log.close()
    sb.pid = proc.pid
    _save(sb)
    probe = sb.api + "?action=query&meta=siteinfo&format=json"
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sb.pid = None
            _save(sb)
            tail = (sb.dir / "server.log").read_text("utf-8", "replace").strip().splitlines()
            raise SandboxError(f"php -S exited with status {proc.returncode}: "
                               f"{tail[-1] if tail else 'no output'}")
        try:
            body = json.loads(_get(probe))
            if "query" in body:
                return sb
            last = f"unexpected answer {str(body)[:200]}"
        except (OSError, ValueError) as exc:
            last = str(exc)
        time.sleep(0.05)
    stop(sb.dir)
    raise SandboxError(f"api.php did not answer within {timeout:.0f} s: {last}")


def stop(dir: Path, timeout: float = 10.0) -> bool:
    """Stop the ``php -S`` process group recorded in ``dir/sandbox.json``; True if one stopped."""
    try:
        sb = load(dir)
    except SandboxError:
        return False
    pid, stopped = sb.pid, False
    if pid and _is_our_server(pid):
        try:
            os.killpg(pid, signal.SIGTERM)  # the workers share the group: kill them all
            stopped = True
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:  # reap our own child if we started it in this process
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
            if not _group_alive(pid):
                break
            time.sleep(0.02)
        else:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if sb.pid is not None:
        sb.pid = None
        _save(sb)
    return stopped


def running(sb: Sandbox) -> bool:
    """True while the ``php -S`` process recorded for this sandbox serves it."""
    return bool(sb.pid and _is_our_server(sb.pid))


def move(sb: Sandbox, port: int) -> Sandbox:
    """Move a stopped sandbox to ``port``: rewrite everything that names the port ($wgServer in
    LocalSettings.php, the pywikibot family file and user-config.py, sandbox.json) and drop
    pywikibot's API cache (its siteinfo names the old server)."""
    if running(sb):
        raise SandboxError(f"the sandbox in {sb.dir} is serving on port {sb.port}: stop it first")
    if _port_open(port):
        raise SandboxError(f"port {port} on 127.0.0.1 is already in use")
    config = sb.dir / "LocalSettings.php"
    text, n = re.subn(r'^\$wgServer\s*=.*$', lambda _: f'$wgServer = "http://127.0.0.1:{port}";',
                      config.read_text("utf-8"), flags=re.M)
    if n != 1:
        raise SandboxError(f"{config}: no single $wgServer line to move the sandbox to port {port}")
    _write_private(config, text)
    sb.port, sb.url = port, f"http://127.0.0.1:{port}"
    sb.api = sb.url + "/api.php"
    (sb.pywikibot_dir / "families" / f"{sb.family}_family.py").write_text(_family_file(port, sb.lang, sb.linked),
                                                                           "utf-8")
    (sb.pywikibot_dir / "user-config.py").write_text(_user_config(sb), "utf-8")
    for cache in sb.pywikibot_dir.glob("apicache*"):
        shutil.rmtree(cache, ignore_errors=True)
    _save(sb)
    return sb


# ---------------------------------------------------------------- snapshot / restore

def snapshot(sb: Sandbox) -> Path:
    """Copy the SQLite folder to ``dir/snapshot`` (replacing an older snapshot)."""
    src, dst = sb.dir / "data", sb.dir / "snapshot"
    tmp = sb.dir / "snapshot.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    shutil.rmtree(dst, ignore_errors=True)
    tmp.rename(dst)
    return dst


def restore(sb: Sandbox) -> None:
    """Put the snapshot's SQLite files back; safe while the wiki is served and idle.

    Each database file is copied next to its original and renamed over it, so a request that is
    not running sees either the old or the new file, never half of one; php -S opens the databases
    afresh per request. Stray SQLite journal files are removed. Sessions live in wikicache.sqlite,
    so logins made after the snapshot are gone (pywikibot simply logs in again).
    """
    src, dst = sb.dir / "snapshot", sb.dir / "data"
    if not src.is_dir():
        raise SandboxError(f"no snapshot in {sb.dir}: call snapshot() first")
    wanted = {p.name for p in src.iterdir() if p.is_file()}
    for p in dst.iterdir():
        if p.is_file() and p.name not in wanted:
            p.unlink()
    for name in sorted(wanted):
        tmp = dst / f".{name}.restore"
        shutil.copyfile(src / name, tmp)
        os.chmod(tmp, (src / name).stat().st_mode & 0o777)
        os.replace(tmp, dst / name)
