"""The wiki bot: pywikibot's bot classes and generators, relbot's fixes, live-wiki safety.

Every save carries ``baserevid`` (the revision that was read), the Bengali summary,
the bot and minor flags. Before every save the shutoff page is read; ``{{bots}}`` /
``{{nobots}}`` and the profile's in-use templates are honoured (pywikibot's own
check knows only the English names); cosmetic-only edits are reported, never saved.
pywikibot is imported only inside functions: it reads its configuration at import.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import logging
import os
import stat
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import mwparserfromhell

from .fixes import Outcome, fix_page
from .gazetteer import Gazetteer
from .profile import Profile, name_key
from .state import State


#: Test seam: when set, a bot run calls ``before_save(page, outcome)`` between reading and fixing
#: a page and each attempt to save it (the tests make a human edit there, so that the save meets
#: a real edit conflict). Always None in use.
before_save: Callable[[object, Outcome], None] | None = None


class WikiError(Exception):
    """A fatal, one-line problem with the wiki or the configuration (exit 2)."""


class Shutoff(Exception):
    """The shutoff page says stop."""


# -- edit permission ---------------------------------------------------------------------------

def edit_block(text, profile: Profile, username: str) -> str | None:
    """Why the bot must not edit this text (a string, or its already parsed tree), or None.
    Implements {{bots}}/{{nobots}} (allow=/deny= lists, all/none) and the profile's in-use templates."""
    bots = {name_key(n) for n in profile.data["bots_templates"]}
    in_use = profile.in_use_keys
    user = name_key(username)
    tree = mwparserfromhell.parse(text) if isinstance(text, str) else text
    for tpl in tree.filter_templates():
        key = name_key(str(tpl.name))
        if key in in_use:
            return f"in use ({{{{{str(tpl.name).strip()}}}}})"
        if key not in bots:
            continue
        nobots = key == name_key(profile.data["bots_templates"][-1])
        params = {str(p.name).strip().lower(): [v.strip() for v in str(p.value).split(",")] for p in tpl.params}
        allow, deny = params.get("allow"), params.get("deny")
        names = lambda vals: {name_key(v) for v in vals if v}  # noqa: E731
        if nobots and allow is None and deny is None:
            return "{{nobots}}"
        if allow is not None:
            if "none" in allow or not ({"all"} & set(allow) or user in names(allow)):
                return "{{bots}} does not allow this bot"
        if deny is not None:
            if "all" in deny or user in names(deny):
                return "{{bots}} denies this bot"
    return None


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


def connect(args: list[str], terminal: bool = False, log_file: str | None = None):
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


# -- the run -----------------------------------------------------------------------------------

#: A run's standing in the state: dry runs keep theirs apart, so that they never make a page
#: "done" for --apply; --interactive saves, so it shares apply's.
SCOPES = {"dry-run": "dry-run", "apply": "apply", "interactive": "apply"}

#: Each outcome, in plain words for the terminal, and the page's standing in the state after it:
#: done (nothing to do at that revision), held (reported again by every run until the page
#: changes) or pending (retried first by the next run).
OUTCOMES = {
    "saved": ("saved", "done"),
    "conflict-saved": ("saved after an edit conflict", "done"),
    "proposed": ("proposed (dry run)", "held"),
    "unchanged": ("unchanged since checked", "done"),
    "no-fix": ("nothing to fix", "done"),
    "blocked": ("blocked", "held"),
    "cosmetic-only": ("held: cosmetic only", "held"),
    "refused": ("refused by the content guard", "held"),
    "declined": ("declined by the operator", "held"),
    "skipped": ("skipped", "done"),
    "failed": ("failed, will be retried first", "pending"),
}


@dataclass
class RunOptions:
    mode: str = "dry-run"  # dry-run | apply | interactive
    max_edits: int | None = None
    resume: bool = False
    recheck: bool = False
    shutoff: str | None = None
    diffs: object = None  # a text stream for proposed diffs in dry-run
    progress: bool = True
    out: object = None  # where the per-page lines go (default stderr)
    full: bool = False  # walk the default generators' pages whole, not from recent changes


@dataclass
class PageResult:
    """What a run did with one page, in the words the terminal, the report and the state use."""
    title: str
    outcome: str  # a key of OUTCOMES
    reason: str = ""
    codes: list = field(default_factory=list)  # the rules a save applied (or would apply)
    rev: int | None = None
    new_rev: int | None = None
    again: bool = False  # reported from the state: the page was not read again

    def line(self) -> str:
        words = OUTCOMES[self.outcome][0]
        detail = ", ".join(self.codes)
        if self.reason:
            detail = f"{detail}; {self.reason}" if detail else self.reason
        revs = f" (revision {self.rev} → {self.new_rev})" if self.new_rev else ""
        return f"{words}: {self.title}{' — ' + detail if detail else ''}{revs}"


@dataclass
class RunResult:
    run_id: int
    mode: str = "dry-run"
    counts: Counter = field(default_factory=Counter)  # pages by outcome
    skipped: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)  # by code
    severities: Counter = field(default_factory=Counter)
    suppressed: int = 0  # findings the exceptions page lists (not in findings)
    results: list = field(default_factory=list)  # PageResult, in order
    pages: list = field(default_factory=list)  # lint report entries
    requests: int = 0
    conflicts: int = 0
    status: str = "finished"
    message: str = ""
    seconds: float = 0.0

    @property
    def saves(self) -> int:
        return self.counts["saved"] + self.counts["conflict-saved"]


def make_generator(site, profile: Profile, gen_args: list[str], preload: bool = True):
    """pywikibot's GeneratorFactory over the given options, else the profile's defaults;
    pages preloaded in batches (50, or the site's limit with apihighlimits)."""
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
    return pagegenerators.PreloadingGenerator(gen, groupsize=batch_size(site)) if preload else gen


def batch_size(site) -> int:
    return site.maxlimit if site.has_right("apihighlimits") else 50


def _pages_to_read(site, profile: Profile, state: State, scope: str, gen_args: list[str], opts: RunOptions,
                   every: bool = False):
    """The pages to read, pending ones first (a failed save is retried before anything else), each
    once; and how many there are (known once the wiki has answered, for the progress bar).

    Without generator options the profile's default generators are followed incrementally
    (bot/changes.py: the wiki's recent changes since the last run, not a walk of the whole tree).
    With them, the generator's page list is read in full before any text, then the texts are
    preloaded in batches."""
    import pywikibot
    from pywikibot import pagegenerators

    from .changes import plan, select_pages

    pending = state.checks(scope, "pending")
    if not gen_args and plan(profile) is not None:
        try:
            return select_pages(site, profile, state, scope, full=opts.full, every=every,
                                first={c["page_id"] for c in pending})
        except _server_trouble() as exc:
            raise WikiError(f"the wiki stopped answering ({_one_line(exc)}); nothing was read or saved") from None
    first = [pywikibot.Page(site, c["title"]) for c in pending]
    listed = list(make_generator(site, profile, gen_args, preload=False))
    titles = {p.title() for p in first}
    rest = [p for p in listed if p.title() not in titles]
    # pending pages in a batch of their own: the wiki answers a batch in its own order
    batches = [pagegenerators.PreloadingGenerator(iter(group), groupsize=batch_size(site))
               for group in (first, rest) if group]
    return itertools.chain(*batches), len(first) + len(rest)


def run_bot(site, profile: Profile, state: State, gen_args: list[str], opts: RunOptions) -> RunResult:
    from pywikibot.bot import ExistingPageBot, SingleSiteBot

    gaz = Gazetteer.load(profile.lang)
    scope = SCOPES[opts.mode]
    run_id = state.interrupted_run() if opts.resume else None
    done: set[int] = set()
    if run_id is not None:
        state.reopen_run(run_id)
        done = state.processed(run_id)
    else:
        run_id = state.start_run(opts.mode, gen_args)
    result = RunResult(run_id, opts.mode)
    started = time.monotonic()
    stop_counting = _count_requests(result)
    try:
        listed, listed_rev = read_exceptions(site, profile, lambda line: _say(line, opts))
    except _server_trouble() as exc:
        stop_counting()
        state.end_run(run_id, "failed", {})
        raise WikiError(f"the wiki stopped answering ({_one_line(exc)}); nothing was read or saved") from None
    # a decision stands while the page and the exceptions page stay as they were; the incremental
    # run reads every member again once after the exceptions page changed
    recheck_all = opts.recheck or state.get_meta(f"exceptions_rev:{scope}") != listed_rev
    title_of_shutoff = shutoff_title(site, profile, opts.shutoff)
    tag = run_tag(profile, run_id)
    seen: set[int] = set()

    def tell(res: PageResult, page_id: int | None = None, findings: dict | None = None) -> None:
        result.results.append(res)
        result.counts[res.outcome] += 1
        if res.outcome == "skipped":
            result.skipped[res.reason.split(" (")[0]] += 1
        if page_id is not None and not res.again:
            state.record(run_id, page_id, res.title, res.rev, res.outcome, findings, res.new_rev,
                         scope=scope, status=OUTCOMES[res.outcome][1], reason=res.reason, codes=res.codes,
                         listed_rev=listed_rev)
        _say(res.line(), opts)

    class RelBot(SingleSiteBot, ExistingPageBot):
        update_options = {"always": opts.mode != "interactive"}

        def skip_page(self, page) -> bool:
            return page.pageid in done or super().skip_page(page)

        def treat_page(self) -> None:
            page = self.current_page
            seen.add(page.pageid)
            handle_page(self, page)

    def handle_page(bot, page) -> None:
        title, rev = page.title(), page.latest_revision_id
        result.counts["read"] += 1
        known = state.check(page.pageid, scope)
        if (not opts.recheck and known and known["rev"] == rev and known["status"] != "pending"
                and known["listed_rev"] == listed_rev):
            if known["status"] == "held":  # the same revision: the same decision, said again
                tell(_said_again(known))
            else:
                tell(PageResult(title, "unchanged", f"revision {rev} checked in run {known['run_id']}",
                                rev=rev), page.pageid)
            return
        out = fix_page(page.text, title, profile, gaz, exceptions=listed.for_page(title))
        result.suppressed += len(out.suppressed)
        findings = Counter(f.code for f in out.findings)
        result.findings.update(findings)
        result.severities.update(f.severity for f in out.findings)
        result.pages.append(_report_entry(out, title, site))
        if out.status != "checked":
            tell(PageResult(title, "skipped", out.reason, rev=rev), page.pageid, dict(findings))
            return
        res = _decide(out, page, profile, site)
        if res is None and opts.mode == "dry-run":
            res = PageResult(title, "proposed", codes=out.codes, rev=rev)
            _write_diff(opts.diffs, title, out)
        if res is None:
            try:
                if opts.max_edits is not None and result.saves >= opts.max_edits:
                    raise Shutoff(f"--max-edits {opts.max_edits} reached")
                res = _save(bot, page, out, rev, profile, gaz, state, run_id, title_of_shutoff, result, tag,
                            listed.for_page(title))
            except Shutoff as exc:  # the page is read and its fix decided: the next run starts with it
                tell(PageResult(title, "failed", f"the run stopped before this save ({exc})", codes=out.codes,
                                rev=rev), page.pageid, dict(findings))
                raise
        tell(res, page.pageid, dict(findings))

    pages, total = _pages_to_read(site, profile, state, scope, gen_args, opts, every=recheck_all)
    bot = RelBot(generator=_progress(pages, total, opts.progress, opts.out or sys.stderr), site=site)
    try:
        bot.run()
        if not bot.generator_completed:
            result.status, result.message = "stopped", "quit by the operator"
    except Shutoff as exc:
        result.status, result.message = "stopped", str(exc)
    except BaseException as exc:
        state.end_run(run_id, "failed", dict(result.counts))
        if isinstance(exc, _server_trouble()):
            raise WikiError(f"the wiki stopped answering ({_one_line(exc)}); run {run_id} is saved: "
                            "finish it later with --resume") from None
        raise
    finally:
        result.seconds = time.monotonic() - started
        stop_counting()
    if result.status == "finished" and not gen_args:
        for held in state.checks(scope, "held"):  # held pages the run did not read: said again
            if held["page_id"] not in seen:
                tell(_said_again(held))
        state.set_meta(f"exceptions_rev:{scope}", listed_rev)  # every member was checked with this list
    counts = dict(result.counts) | {"skipped": dict(result.skipped), "findings": dict(result.findings),
                                    "requests": result.requests}
    state.end_run(run_id, result.status, counts)
    return result


def run_tag(profile: Profile, run_id: int) -> str:
    """What every edit summary of a run ends with: the run, in the wiki's digits (`` (রান ১২)``)."""
    return profile.data["bot"]["run_tag"].format(run=profile.number(run_id))


def _said_again(known: dict) -> PageResult:
    """A held page's decision, from the state: the page was not fixed again."""
    since = f"since run {known['run_id']}"
    return PageResult(known["title"], known["outcome"], f"{known['reason']} ({since})" if known["reason"] else since,
                      codes=known["codes"], rev=known["rev"], again=True)


def _say(line: str, opts: RunOptions) -> None:
    """One page's line, above the progress bar when there is one."""
    stream = opts.out or sys.stderr
    if opts.progress:
        from tqdm import tqdm

        tqdm.write(line, file=stream)
    else:
        stream.write(line + "\n")
        stream.flush()


def _count_requests(result: RunResult) -> Callable[[], None]:
    """Count the HTTP requests pywikibot makes (every answer, retries included) until the
    returned function is called."""
    from pywikibot.comms import http

    def hook(response, *args, **kwargs):
        result.requests += 1

    hooks = http.session.hooks.setdefault("response", [])
    hooks.append(hook)
    return lambda: hook in hooks and hooks.remove(hook)


def _progress(gen, total: int | None, enabled: bool, stream):
    if not enabled:
        return gen
    from tqdm import tqdm

    return tqdm(gen, total=total, desc="relbot", unit=" pages", file=stream, dynamic_ncols=True)


def _decide(out: Outcome, page, profile: Profile, site) -> PageResult | None:
    """The result when the page must not be saved; None to go on."""
    title, rev = page.title(), page.latest_revision_id
    if out.refused:
        return PageResult(title, "refused", out.refused["en"].removeprefix("edit refused: "), rev=rev)
    if not out.changed:
        return PageResult(title, "no-fix", _no_fix_reason(out), rev=rev)
    if out.cosmetic:
        return PageResult(title, "cosmetic-only", "style-level fixes only", codes=out.codes, rev=rev)
    # the page was parsed once already: no second parse on the bot's hot path
    block = edit_block(out.first.parsed.tree if out.first.parsed else out.original, profile, site.username())
    if block:
        return PageResult(title, "blocked", block, codes=out.codes, rev=rev)
    return None


def _no_fix_reason(out: Outcome) -> str:
    n = len(out.findings)
    return "no findings" if not n else f"{n} finding{'s' if n > 1 else ''}, none with a safe fix"


def _check_shutoff(site, title: str, run_word: str) -> None:
    """One request: the shutoff page's current text must be the run word."""
    import pywikibot
    from pywikibot.exceptions import NoPageError

    try:
        text = pywikibot.Page(site, title).get(force=True)
    except NoPageError:
        text = ""
    if text.strip() != run_word:
        raise Shutoff(f"the shutoff page [[{title}]] says stop")


def _save(bot, page, out: Outcome, rev: int, profile: Profile, gaz, state: State, run_id: int,
          shutoff_title: str, result: RunResult, tag: str, exceptions=None) -> PageResult:
    """Save with baserevid; on an edit conflict re-read, re-fix and try once more."""
    import pywikibot
    from pywikibot.exceptions import EditConflictError

    title, conflicted = page.title(), False
    for attempt in (1, 2):
        if before_save is not None:
            before_save(page, out)
        _check_shutoff(page.site, shutoff_title, profile.data["bot"]["run_word"])
        summary = out.summary + tag
        try:
            # force: relbot checked {{bots}}/{{nobots}} with the profile's names already; pywikibot's
            # own check would cost a request per save and knows only the English names
            ok = bot.userPut(page, out.original, out.text, summary=summary, minor=True, bot=True,
                             asynchronous=False, show_diff=bot.opt.always is False, force=True,
                             baserevid=rev, basetimestamp=None)
        except _server_trouble() as exc:
            if _unreachable(exc):
                raise
            return PageResult(title, "failed", f"server error: {_one_line(exc)}", codes=out.codes, rev=rev)
        except EditConflictError:
            result.conflicts += 1
            conflicted = True
            if attempt == 2:
                return PageResult(title, "failed", "edit conflict twice", codes=out.codes, rev=rev)
            page = pywikibot.Page(page.site, title)
            page.get(force=True)
            rev = page.latest_revision_id
            out = fix_page(page.text, title, profile, gaz, exceptions=exceptions)
            decided = _decide(out, page, profile, page.site)
            if decided:
                decided.reason = f"after an edit conflict: {decided.reason}" if decided.reason else \
                    "after an edit conflict"
                return decided
            continue
        if not ok:
            return PageResult(title, "declined", codes=out.codes, rev=rev)
        state.record_save(run_id, page.pageid, title, rev, page.latest_revision_id, summary)
        return PageResult(title, "conflict-saved" if conflicted else "saved", codes=out.codes, rev=rev,
                          new_rev=page.latest_revision_id)
    raise AssertionError("unreachable")


def _report_entry(out: Outcome, title: str, site) -> dict:
    entry = {"title": title, "source": f"{site.code}:{title}", "status": out.status, "findings": []}
    if out.status != "checked":
        entry["reason"] = out.reason
        return entry
    entry["findings"] = [f.to_json(out.first) for f in out.findings]
    if out.suppressed:
        entry["suppressed"] = [f.to_json(out.first) for f in out.suppressed]
    return entry


def diff_text(title: str, old: str, new: str) -> str:
    """A unified diff that ``patch -p1`` applies to a file named by the page's title as the wiki's
    URLs spell it (spaces as underscores), with GNU diff's marker for a missing final newline."""
    name = title.replace(" ", "_")
    lines = []
    for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     fromfile=f"a/{name}", tofile=f"b/{name}"):
        lines.append(line)
        if not line.endswith("\n"):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def _write_diff(stream, title: str, out: Outcome) -> None:
    if stream is None or not out.changed:
        return
    stream.write(diff_text(title, out.original, out.text))
    stream.write(f"# {out.summary}{' (cosmetic only: not saved by a bot run)' if out.cosmetic else ''}\n")


def summary_text(result: RunResult) -> str:
    """The table after the page lines: pages by outcome, findings by severity and code, saves,
    requests, time."""
    rows = [f"run {result.run_id} ({result.mode}) {result.status}{': ' + result.message if result.message else ''}"]
    by_outcome = [(words, result.counts[key]) for key, (words, _) in OUTCOMES.items() if result.counts[key]]
    rows.append(f"{'pages':<10}{sum(n for _, n in by_outcome):>6}   "
                + (" · ".join(f"{w} {n}" for w, n in by_outcome) or "none"))
    rows.append(f"{'read':<10}{result.counts['read']:>6}   pages whose text was read from the wiki")
    sev = " · ".join(f"{s} {result.severities[s]}" for s in ("error", "warning", "style") if result.severities[s])
    rows.append(f"{'findings':<10}{sum(result.findings.values()):>6}   {sev or 'none'}")
    if result.findings:
        rows.append(f"{'  by code':<16}   " + " · ".join(f"{c} {n}" for c, n in sorted(result.findings.items())))
    if result.suppressed:
        rows.append(f"{'suppressed':<10}{result.suppressed:>6}   listed on the exceptions page: not counted, not fixed")
    rows.append(f"{'saves':<10}{result.saves:>6}   edit conflicts {result.conflicts}")
    retry = [r.title for r in result.results if r.outcome == "failed"]
    if retry:
        rows.append(f"{'to retry':<10}{len(retry):>6}   first thing next run: {', '.join(retry)}")
    rows.append(f"{'requests':<10}{result.requests:>6}")
    rows.append(f"{'time':<10}{result.seconds:>6.1f} s")
    return "\n".join(rows)


# -- propose, apply and publish: the same save rules, outside the bot loop ---------------------------

def read_exceptions(site, profile: Profile, warn: Callable[[str], None]):
    """The exceptions page (profile ``bot.exceptions_page``), read once: its entries and its
    revision id (None when the page does not exist). Each malformed line is one ``warn`` line."""
    from .changes import query
    from .exceptions import Exceptions, load

    title = profile.data["bot"]["exceptions_page"].format(user=site.username())
    # one POST request, the text with its revision (pywikibot's Page.get would first ask the
    # wiki's paraminfo: a second request on every run)
    pages, _ = query(site, prop="revisions", titles=title, rvprop="ids|content", rvslots="main")
    revs = pages[0].get("revisions") if pages else None
    if not revs:  # no such page: nothing is listed
        return Exceptions(), None
    listed = load(revs[0]["slots"]["main"]["content"])
    for bad in listed.malformed:
        warn(f"warning: {bad.warning(f'[[{title}]]')}")
    return listed, revs[0]["revid"]


def wiki_pages(site, profile: Profile, gen_args: list[str]):
    """Existing pages from the generator options (or the profile's defaults), preloaded."""
    for page in make_generator(site, profile, gen_args):
        if page.exists():
            yield page


def save_edit(page, old_text: str, new_text: str, summary: str, base_rev: int | None, profile: Profile,
              shutoff_title: str, minor: bool = True) -> str:
    """Save unattended: {{bots}}/in-use, the shutoff page, baserevid. Returns the outcome."""
    from pywikibot.exceptions import EditConflictError

    site = page.site
    block = edit_block(old_text, profile, site.username())
    if block:
        return f"blocked:{block}"
    _check_shutoff(site, shutoff_title, profile.data["bot"]["run_word"])
    page.text = new_text
    kwargs = {"baserevid": base_rev, "basetimestamp": None} if base_rev else {}
    try:
        page.save(summary=summary, minor=minor, bot=True, force=True, asynchronous=False, quiet=True, **kwargs)
    except EditConflictError:
        return "conflict"
    return "saved"


def shutoff_title(site, profile: Profile, explicit: str | None = None) -> str:
    return (explicit or profile.data["bot"]["shutoff_page"]).format(user=site.username())


def apply_bundle(site, profile: Profile, state: State | None, bundle_doc: dict, approved: set[str],
                 shutoff: str | None = None, dry_run: bool = False) -> list[tuple[str, str]]:
    """Save the approved entries that are not stale; (title, outcome) for every approved entry.

    ``dry_run``: read and check the pages the same way, save nothing and record no run (``state``
    may be None); a savable entry is ``would save`` (the shutoff page is read only to save)."""
    import pywikibot

    gaz = Gazetteer.load(profile.lang)
    opts = bundle_doc["options"]
    chosen = [e for e in bundle_doc["entries"] if e["id"] in approved]
    # an entry the bundle marks not saveable is never saved, whatever the approvals say
    results = [(e["title"], f"blocked:{e.get('block')}") for e in chosen if not e.get("saveable", True)]
    entries = [e for e in chosen if e.get("saveable", True)]
    run_id = None if dry_run else state.start_run("apply-bundle", [bundle_doc["id"]])
    title_of_shutoff = shutoff_title(site, profile, shutoff)
    pages = {p.title(): p for p in site.preloadpages([pywikibot.Page(site, e["title"]) for e in entries])}
    status = "finished"
    # propose suppressed what the exceptions page listed: the same list makes the same text
    listed, _ = read_exceptions(site, profile, lambda line: print(f"relbot: {line}", file=sys.stderr))
    try:
        for e in entries:
            page = pages.get(e["title"])
            if page is None or not page.exists() or page.latest_revision_id != e["base_revid"]:
                results.append((e["title"], "stale"))
                continue
            out = fix_page(page.text, e["title"], profile, gaz, unsafe=opts["unsafe"], layout=opts["layout"],
                           select=opts["select"], ignore=opts["ignore"], exceptions=listed.for_page(e["title"]))
            if hashlib.sha256(out.text.encode("utf-8")).hexdigest() != e["new_sha256"]:  # as review.sha256
                results.append((e["title"], "stale"))
                continue
            if dry_run:
                block = edit_block(out.original, profile, site.username())
                results.append((e["title"], f"blocked:{block}" if block else "would save"))
                continue
            summary = out.summary + run_tag(profile, run_id)
            outcome = save_edit(page, out.original, out.text, summary, e["base_revid"], profile,
                                title_of_shutoff)
            if outcome == "conflict":
                outcome = "stale"
            if outcome == "saved":
                state.record_save(run_id, page.pageid, e["title"], e["base_revid"], page.latest_revision_id,
                                  summary)
            state.record(run_id, page.pageid, e["title"], e["base_revid"], outcome,
                         dict(Counter(f.code for f in out.findings)),
                         page.latest_revision_id if outcome == "saved" else None)
            results.append((e["title"], outcome))
    except Shutoff as exc:
        status = "stopped"
        results.append(("", f"stopped: {exc}"))
    finally:
        if run_id is not None:
            state.end_run(run_id, status, dict(Counter(o.split(":")[0] for _, o in results)))
    return results


def publish(site, profile: Profile, title: str, text: str, time_free, summary: str | None = None) -> bool:
    """Save a page of relbot's (the report, the rule docs) only when its content, as ``time_free``
    keeps it (the report without its time line), changed; ``summary``: else the report's."""
    import pywikibot

    page = pywikibot.Page(site, title)
    old = page.text if page.exists() else ""
    if time_free(old) == time_free(text):
        return False
    try:
        outcome = save_edit(page, old, text, summary or profile.data["report"]["summary"],
                            page.latest_revision_id if page.exists() else None, profile,
                            shutoff_title(site, profile), minor=False)
    except Shutoff as exc:
        raise WikiError(f"the page [[{title}]] was not saved: {exc}") from None
    if outcome != "saved":
        raise WikiError(f"the page [[{title}]] was not saved: {outcome}")
    return True


def undo_run(site, profile: Profile, state: State, run_id: int, dry_run: bool = False,
             shutoff: str | None = None) -> list[tuple[str, str]]:
    """Revert a run's saves on pages whose latest revision is still ours; leave the others alone.

    The undo is a run of its own (mode ``undo``), its saves recorded like any other.
    """
    import pywikibot

    saves = state.saves(run_id)
    if state.run(run_id) is None:
        raise WikiError(f"no run {run_id} in {state.path}")
    undo_id = None if dry_run else state.start_run("undo", [str(run_id)])
    summary = profile.data["bot"]["undo_summary"].format(run=profile.number(run_id)) + \
        (run_tag(profile, undo_id) if undo_id else "")
    title_of_shutoff = shutoff_title(site, profile, shutoff)
    pages = {p.title(): p for p in site.preloadpages([pywikibot.Page(site, s["title"]) for s in saves])}
    results, status = [], "finished"
    try:
        for s in reversed(saves):  # the newest save of a page first
            page = pages.get(s["title"])
            if page is None or not page.exists():
                results.append((s["title"], "gone"))
                continue
            if page.latest_revision_id != s["new_rev"]:
                results.append((s["title"], "edited since: left alone"))
                continue
            if dry_run:
                results.append((s["title"], "would revert"))
                continue
            old = page.getOldVersion(s["base_rev"])
            outcome = save_edit(page, page.text, old, summary, s["new_rev"], profile, title_of_shutoff)
            if outcome == "saved":
                state.record_save(undo_id, page.pageid, s["title"], s["new_rev"], page.latest_revision_id, summary)
                state.record(undo_id, page.pageid, s["title"], s["new_rev"], "reverted", None)
            results.append((s["title"], "reverted" if outcome == "saved" else outcome))
    except Shutoff as exc:
        status = "stopped"
        results.append(("", f"stopped: {exc}"))
    finally:
        if undo_id is not None:
            state.end_run(undo_id, status, dict(Counter(o.split(":")[0] for _, o in results)))
    return results
