"""The wiki and the bot's account on it: pywikibot's configuration and login, the account's
rights and blocks, and pages preloaded with their protection.

pywikibot is imported only inside functions: it reads its configuration at import.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path


class WikiError(Exception):
    """A fatal, one-line problem with the wiki or the configuration (exit 2)."""


# -- configuration -----------------------------------------------------------------------------

def pywikibot_dir(explicit: str | None) -> Path:
    """Where pywikibot will read user-config.py: PYWIKIBOT_DIR, else the current folder."""
    if explicit:
        os.environ["PYWIKIBOT_DIR"] = str(Path(explicit).resolve())
    base = Path(os.environ.get("PYWIKIBOT_DIR") or Path.cwd())
    if not (base / "user-config.py").is_file():
        raise WikiError(f"no user-config.py in {base} (set PYWIKIBOT_DIR or --pywikibot-dir; "
                        "see user-config.py.sample)")
    return base


def check_password_file(path: str | None, base: str | Path | None = None) -> None:
    """Refuse a password file that others may read (pywikibot resolves it against its base dir)."""
    if not path:
        return
    p = Path(path)
    if not p.is_absolute() and base is not None:
        p = Path(base) / p
    if not p.exists():
        raise WikiError(f"password file {p} does not exist")
    mode = p.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise WikiError(f"password file {p} is readable by others (mode {stat.S_IMODE(mode):o}); "
                        f"run: chmod 600 {p}")


def connect(args: list[str], terminal: bool = False, log_file: str | None = None, interactive: bool = False):
    """Import pywikibot, apply its global options (-lang:, -user: …), check the password file
    and log in. Returns the site and the options left for the generators.

    pywikibot's own messages stay off the terminal (relbot reports each page in its summary,
    report and state; a fatal error is one line), unless ``terminal`` (``--interactive`` shows
    pywikibot's diff and question) or pywikibot's ``-verbose`` option; they go to ``log_file``
    when given (and pywikibot's ``-log`` option writes its own log file)."""
    try:
        import pywikibot
        from pywikibot import config
    except Exception as exc:  # pywikibot reports configuration errors in many shapes
        raise WikiError(f"pywikibot could not start: {_one_line(exc)}") from None
    local = pywikibot.handle_args(args) if args else []  # an empty list would mean sys.argv
    # a CAPTCHA is a question for a person: only --interactive may ask it (pywikibot would read
    # stdin, which under cron fails and with an open stdin waits for ever)
    config.solve_captcha = interactive
    _route_pywikibot_output(terminal or config.verbose_output, log_file)
    check_password_file(config.password_file, config.base_dir)
    try:
        fam = pywikibot.family.Family.load(config.family)
        where = f"{fam.protocol(config.mylang)}://{fam.hostname(config.mylang)}"
    except Exception:  # the family itself is broken: pywikibot.Site() below says how
        where = f"{config.family}:{config.mylang}"
    try:
        site = pywikibot.Site()  # reads siteinfo: the first request
        site.login()
    except Exception as exc:
        from pywikibot.exceptions import ApiTimeoutError

        if _unreachable(exc) or isinstance(exc, ApiTimeoutError):
            raise WikiError(f"cannot reach the wiki at {where}: {_one_line(exc)}") from None
        raise WikiError(f"cannot log in to the wiki at {where}: {_one_line(exc)}") from None
    if not site.logged_in():
        raise WikiError("cannot log in to the wiki: wrong user name or bot password")
    return site, local


class _NoTraceback(logging.Filter):
    """pywikibot logs server errors with their traceback; an operator needs the message only."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        if isinstance(record.msg, str) and "Traceback (most recent call last)" in record.msg:
            head, _, tail = record.msg.partition("Traceback (most recent call last)")
            last = [ln.strip() for ln in tail.splitlines() if ln.strip() and not ln.startswith(" ")]
            record.msg = " ".join(filter(None, [head.strip(), last[-1] if last else ""])) or "server error"
            record.args = ()
        return True


def _route_pywikibot_output(terminal: bool, log_file: str | None = None) -> None:
    """Tracebacks out of pywikibot's messages; off the terminal unless ``terminal``.

    pywikibot sends all its output, and Python's warnings, through the logger ``pywiki`` (and
    ``py.warnings``) to its terminal handlers; a file handler exists only with ``-log``. Raising
    the terminal handlers' level, rather than removing them, keeps pywikibot from adding them
    again (it re-initialises a logger that has no handlers)."""
    from pywikibot.bot import init_handlers
    from pywikibot.userinterfaces.terminal_interface_base import TerminalHandler

    init_handlers()  # idempotent: makes pywikibot's handlers exist now
    for name in ("pywiki", "py.warnings"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, _NoTraceback) for f in handler.filters):
                handler.addFilter(_NoTraceback())
            if not terminal and isinstance(handler, TerminalHandler):
                handler.setLevel(logging.CRITICAL + 1)
    if log_file:
        try:
            Path(log_file).parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as exc:
            raise WikiError(f"cannot write the log file {log_file}: {exc.strerror or exc}") from None
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        handler.addFilter(_NoTraceback())
        handler.setLevel(logging.INFO)
        for name in ("pywiki", "py.warnings"):
            logging.getLogger(name).addHandler(handler)


def _unreachable(exc: BaseException) -> bool:
    """The wiki did not answer at all (connection refused or reset), as opposed to an error answer."""
    import requests

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (requests.exceptions.ConnectionError, ConnectionError)):
            return True
        if "Connection refused" in str(exc) or "Max retries exceeded" in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _server_trouble() -> tuple[type, ...]:
    """pywikibot's exceptions for a server that failed to do a request (after its own retries)."""
    import requests
    from pywikibot.exceptions import ApiTimeoutError, OtherPageSaveError, ServerError

    return (OtherPageSaveError, ServerError, ApiTimeoutError, requests.exceptions.RequestException)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]




# -- the account ---------------------------------------------------------------------------------

#: The right a protection level asks for (MediaWiki's $wgRestrictionLevels, as pywikibot maps them).
_LEVEL_RIGHT = {"": "edit", "autoconfirmed": "editsemiprotected", "sysop": "editprotected"}


@dataclass(frozen=True)
class Account:
    """What the wiki said about the bot's account when it logged in (``meta=userinfo`` with
    ``uiprop=rights|blockinfo``: pywikibot asks for both in the login's own request)."""
    name: str
    rights: frozenset
    block: dict | None

    @classmethod
    def of(cls, site) -> "Account":
        info = site.userinfo
        # MediaWiki sends a block as fields of userinfo itself (blockid, blockedby …): pywikibot's
        # is_blocked() looks for a 'blockinfo' key that never comes, and says "not blocked"
        block = {k: v for k, v in info.items() if k.startswith("block")} if "blockid" in info else None
        return cls(info.get("name", ""), frozenset(info.get("rights", ())), block or info.get("blockinfo"))

    def may_edit(self, protection: dict) -> bool:
        """Whether the account's rights pass a page's edit protection (``page.protection()``)."""
        level = protection.get("edit", ("", None))[0]
        return _LEVEL_RIGHT.get(level, level) in self.rights

    def refusal(self, trial: bool) -> str | None:
        """Why this account must not save at all, in one line, or None."""
        if self.block is not None:
            return f"the bot account {self.name} is blocked{block_words(self.block)}"
        if "edit" not in self.rights:
            return f"the bot account {self.name} has no 'edit' right"
        if "bot" not in self.rights and not trial:
            return (f"the bot account {self.name} has no 'bot' right: its edits would not be flagged as a "
                    "bot's (give the account the right back, or run with --trial while the bot is on trial)")
        return None


def block_words(info: dict) -> str:
    """`` (by X: reason; expires …)`` from a block's details (userinfo's blockinfo or an API error's)."""
    by = info.get("blockedby")
    reason = " ".join(str(info.get("blockreason") or "").split())
    expiry = info.get("blockexpiry")
    until = "no expiry" if expiry in ("infinite", "infinity") else f"expires {expiry}" if expiry else ""
    parts = [f"by {by}" if by else "", reason, until]
    said = "; ".join(p for p in parts if p)
    return f" ({said})" if said else ""


def check_account(site, trial: bool = False) -> Account:
    """The account, or a WikiError when it must not save (blocked, no edit right, no bot right
    without ``trial``). Costs no request: the login read the rights and the block."""
    account = Account.of(site)
    why = account.refusal(trial)
    if why:
        raise WikiError(f"{why}; nothing was saved")
    return account


# -- pages ---------------------------------------------------------------------------------------

def preload(site, pages, groupsize: int | None = None):
    """The pages with their text and their protection, in batches, in the order given.

    pywikibot's ``preloadpages`` does not ask for the protection (``inprop=protection``); this
    asks in the same request, so knowing whether the bot may edit a page costs nothing more."""
    from pywikibot.data import api

    size, batch = groupsize, []
    for page in pages:
        size = size or batch_size(site)  # only once there is a page (the limit may cost a request)
        batch.append(page)
        if len(batch) == size:
            yield from _preload_batch(site, batch, api)
            batch = []
    if batch:
        yield from _preload_batch(site, batch, api)


def _preload_batch(site, batch: list, api):
    props = "revisions|info|categoryinfo"
    gen = api.PropertyGenerator(props, site=site, parameters={"inprop": "protection"})
    gen.set_maximum_items(-1)  # no rvlimit: one revision of each page
    ids = [p._pageid for p in batch if getattr(p, "_pageid", 0) > 0]
    if len(ids) == len(batch):
        gen.request["pageids"] = [str(i) for i in ids]
    else:
        gen.request["titles"] = [p.title(with_section=False) for p in batch]
    gen.request["rvprop"] = site._rvprops(content=True)
    by_title = {p.title(with_section=False): p for p in batch}
    seen = set()
    for data in gen:
        title = data.get("title")  # a page id that no longer exists comes back without one
        page = by_title.get(title) or next(
            (p for t, p in by_title.items() if title and site.sametitle(t, title)), None)
        if page is None:
            continue
        api.update_page(page, data, props.split("|"))
        seen.add(id(page))
    for page in batch:  # the wiki answers in its own order; the caller's order is kept
        if id(page) in seen:
            yield page


def make_generator(site, profile, gen_args: list[str], with_text: bool = True):
    """pywikibot's GeneratorFactory over the given options, else the profile's defaults;
    pages preloaded with their protection in batches (50, or the site's limit with apihighlimits)."""
    from pywikibot import pagegenerators

    factory = pagegenerators.GeneratorFactory(site)
    args = list(gen_args or profile.data["bot"]["default_generators"])
    if not any(a.startswith(("-ns", "-namespace")) for a in args):  # must come first for pywikibot
        args.insert(0, "-ns:" + ",".join(str(n) for n in profile.data["bot"]["namespaces"]))
    try:
        unknown = [a for a in args if not factory.handle_arg(a)]
    except (RuntimeError, ValueError) as exc:
        raise WikiError(f"bad generator options: {_one_line(exc)}") from None
    if unknown:
        raise WikiError(f"unknown option: {' '.join(unknown)}")
    gen = factory.getCombinedGenerator()
    if gen is None:
        raise WikiError("no pages to work on: give a generator option such as -cat:… or -page:…")
    return preload(site, gen) if with_text else gen


def batch_size(site) -> int:
    return site.maxlimit if site.has_right("apihighlimits") else 50
