"""The scheduled run: pages from pywikibot's generators (or the incremental plan of
bot/wiki/changes.py), each fixed, decided and saved through bot.wiki.save, with one line per page, a
closing table, and every page's standing kept in the state.

Before the first page the account is checked (blocked, no edit or bot right: the run does not
start); a page the account may not edit (protection, {{nobots}}, in use) is ``blocked`` without a
save attempt. Each refusal of the wiki is that page's outcome and the run goes on; a refusal that
concerns every page (see bot.wiki.save.Stop) ends the run after the table, exit 2.
"""

from __future__ import annotations

import difflib
import itertools
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..fixes import Outcome, fix_page
from ..gazetteer import Gazetteer
from ..profile import Profile
from ..state import State
from .obstacles import cause_of, marks
from .permission import edit_block, protection_block
from .save import Shutoff, Stop, save
from .site import Account, WikiError, _one_line, _server_trouble, check_account, make_generator, preload
from .tasks import read_exceptions, run_tag, shutoff_title


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
    "wiki-refused": ("refused by the wiki", "held"),
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
    trial: bool = False  # a bot on trial: no bot right yet, edits not flagged


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
    after: dict | None = None  # a save: the findings (code -> count) left at the saved revision

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
    fatal: str = ""  # why the wiki ended the run (exit 2 after the table)
    trial: bool = False
    paused: str = ""  # why saving stopped for the rest of the run (a rate limit)

    @property
    def saves(self) -> int:
        return self.counts["saved"] + self.counts["conflict-saved"]


def _pages_to_read(site, profile: Profile, state: State, scope: str, gen_args: list[str], opts: RunOptions,
                   every: bool = False, lifted: set[int] = frozenset()):
    """The pages to read, pending ones first (a failed save is retried before anything else), then
    the held ones whose obstacle was ``lifted``, each once; and how many there are (known once the
    wiki has answered, for the progress bar).

    Without generator options the profile's default generators are followed incrementally
    (bot/wiki/changes.py: the wiki's recent changes since the last run, not a walk of the whole tree).
    With them, the generator's page list is read in full before any text, then the texts are
    preloaded in batches."""
    import pywikibot

    from .changes import plan, select_pages

    pending = state.checks(scope, "pending") + [c for c in state.checks(scope, "held") if c["page_id"] in lifted]
    if not gen_args and plan(profile) is not None:
        try:
            return select_pages(site, profile, state, scope, full=opts.full, every=every,
                                first={c["page_id"] for c in pending})
        except _server_trouble() as exc:
            raise WikiError(f"the wiki stopped answering ({_one_line(exc)}); nothing was read or saved") from None
    first = [pywikibot.Page(site, c["title"]) for c in pending]
    listed = list(make_generator(site, profile, gen_args, with_text=False))
    titles = {p.title() for p in first}
    rest = [p for p in listed if p.title() not in titles]
    # pending pages in a batch of their own: the wiki answers a batch in its own order
    batches = [preload(site, group)
               for group in (first, rest) if group]
    return itertools.chain(*batches), len(first) + len(rest)


def run_bot(site, profile: Profile, state: State, gen_args: list[str], opts: RunOptions) -> RunResult:
    from pywikibot.bot import CurrentPageBot, SingleSiteBot
    from pywikibot.exceptions import NoUsernameError

    # a blocked account, or one without the rights to save, does not start a saving run (the
    # login's own request brought the rights and the block)
    account = check_account(site, opts.trial) if opts.mode != "dry-run" else Account.of(site)
    gaz = Gazetteer.load(profile.lang)
    scope = SCOPES[opts.mode]
    run_id = state.interrupted_run() if opts.resume else None
    done: set[int] = set()
    if run_id is not None:
        state.reopen_run(run_id)
        done = state.processed(run_id)
    else:
        run_id = state.start_run(opts.mode, gen_args)
    result = RunResult(run_id, opts.mode, trial=opts.trial and opts.mode != "dry-run")
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
    try:  # held pages whose obstacle is gone (protection lifted, filter changed …) are read again
        lifted = _lifted(site, account, state.checks(scope, "held"))
    except _server_trouble() as exc:
        stop_counting()
        state.end_run(run_id, "failed", {})
        raise WikiError(f"the wiki stopped answering ({_one_line(exc)}); nothing was read or saved") from None

    def tell(res: PageResult, page_id: int | None = None, findings: dict | None = None, page=None) -> None:
        result.results.append(res)
        result.counts[res.outcome] += 1
        if res.outcome == "skipped":
            result.skipped[res.reason.split(" (")[0]] += 1
        if page_id is not None and not res.again:
            state.record(run_id, page_id, res.title, res.rev, res.outcome,
                         findings if res.after is None else res.after, res.new_rev,
                         scope=scope, status=OUTCOMES[res.outcome][1], reason=res.reason, codes=res.codes,
                         listed_rev=listed_rev, obstacle=_obstacle(site, account, res, page))
        _say(res.line(), opts)

    class RelBot(SingleSiteBot, CurrentPageBot):
        update_options = {"always": opts.mode != "interactive"}

        def skip_page(self, page) -> bool:
            return page.exists() and page.pageid in done or super().skip_page(page)

        def treat_page(self) -> None:
            page = self.current_page
            if not page.exists():  # a title given with -page: (or deleted since it was listed)
                tell(PageResult(page.title(), "skipped", "the page does not exist"))
                return
            seen.add(page.pageid)
            handle_page(self, page)

    def handle_page(bot, page) -> None:
        title, rev = page.title(), page.latest_revision_id
        result.counts["read"] += 1
        known = state.check(page.pageid, scope)
        if (not opts.recheck and known and known["rev"] == rev and known["status"] != "pending"
                and known["listed_rev"] == listed_rev and page.pageid not in lifted):
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
        if res is None:
            block = protection_block(page, account)
            if block:
                res = PageResult(title, "blocked", block, codes=out.codes, rev=rev)
        if res is None and opts.mode == "dry-run":
            res = PageResult(title, "proposed", codes=out.codes, rev=rev)
            _write_diff(opts.diffs, title, out)
        if res is None:
            try:
                if opts.max_edits is not None and result.saves >= opts.max_edits:
                    raise Shutoff(f"--max-edits {opts.max_edits} reached")
                res = _save(bot, page, out, rev, profile, gaz, state, run_id, title_of_shutoff, result, tag,
                            listed.for_page(title), opts)
            except Shutoff as exc:  # the page is read and its fix decided: the next run starts with it
                tell(PageResult(title, "failed", f"the run stopped before this save ({exc})", codes=out.codes,
                                rev=rev), page.pageid, dict(findings))
                raise
            except Stop as exc:  # the wiki refused this save for a reason that holds for every page
                tell(PageResult(title, "failed", f"not saved: {exc}", codes=out.codes, rev=rev),
                     page.pageid, dict(findings))
                raise
        tell(res, page.pageid, dict(findings), page)

    pages, total = _pages_to_read(site, profile, state, scope, gen_args, opts, every=recheck_all, lifted=lifted)
    bot = RelBot(generator=_progress(pages, total, opts.progress, opts.out or sys.stderr), site=site)
    try:
        bot.run()
        if not bot.generator_completed:
            result.status, result.message = "stopped", "quit by the operator"
    except Shutoff as exc:
        result.status, result.message = "stopped", str(exc)
    except Stop as exc:
        result.status, result.message, result.fatal = "stopped", str(exc), str(exc)
    except NoUsernameError as exc:  # reading pages, pywikibot found the login gone and could not renew it
        result.status = "stopped"
        result.message = result.fatal = f"the bot's login no longer works: {_one_line(exc)}"
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


def _lifted(site, account, held: list[dict]) -> set[int]:
    """The held pages whose obstacle is no longer as it was when they were held (one request when
    some need the wiki's word, none otherwise)."""
    held = [h for h in held if h["obstacle"]]
    now = marks(site, account, [(h["title"], h["obstacle"]) for h in held]) if held else []
    return {h["page_id"] for h, mark in zip(held, now) if mark != h["obstacle"].get("mark")}


def _obstacle(site, account, res: PageResult, page) -> dict | None:
    """What holds a page the wiki refused or protects, with its mark now (the protection read with
    the page costs nothing; the others one request, only when a save was refused)."""
    if OUTCOMES[res.outcome][1] != "held":
        return None
    obstacle = cause_of(res.outcome, res.reason)
    if obstacle is None:
        return None
    protection = getattr(page, "_protection", None) if page is not None else None
    if obstacle["cause"] == "protected" and protection and "edit" in protection and res.reason.startswith(
            f"protected (edit={protection['edit'][0]}"):
        return obstacle | {"mark": f"edit={protection['edit'][0]}"}
    return obstacle | {"mark": marks(site, account, [(res.title, obstacle)])[0]}


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


def _save(bot, page, out: Outcome, rev: int, profile: Profile, gaz, state: State, run_id: int,
          shutoff_title: str, result: RunResult, tag: str, exceptions, opts: RunOptions) -> PageResult:
    """Save through bot.wiki.save (baserevid, assert=bot); on an edit conflict re-read, re-fix and
    try once more. ``--interactive`` shows the diff and asks first."""
    import pywikibot

    title, conflicted = page.title(), False
    if result.paused:  # after a rate limit no further save is tried in this run
        return PageResult(title, "failed", result.paused, codes=out.codes, rev=rev)
    interactive = opts.mode == "interactive"
    for attempt in (1, 2):
        hook = sys.modules[__package__].before_save
        if hook is not None:
            hook(page, out)
        summary = out.summary + tag
        if interactive:
            pywikibot.showDiff(out.original, out.text)
            pywikibot.info(f"Edit summary: {summary}")
            if not bot.user_confirm("Do you want to accept these changes?"):
                return PageResult(title, "declined", codes=out.codes, rev=rev)
        done = save(page, out.text, summary, rev, profile, shutoff_title, trial=opts.trial,
                    ask=pywikibot.input if interactive else None)
        if done.outcome == "conflict":
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
        if done.outcome != "saved":
            if done.reason.startswith("rate limited"):
                result.paused = f"{done.reason} (no further save tried in this run)"
            return PageResult(title, done.outcome, done.reason, codes=out.codes, rev=rev)
        state.record_save(run_id, page.pageid, title, rev, done.new_rev, summary)
        return PageResult(title, "conflict-saved" if conflicted else "saved", done.reason, codes=out.codes,
                          rev=rev, new_rev=done.new_rev, after=dict(Counter(f.code for f in out.remaining)))
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


#: The reasons of a held page that a person on the wiki can remove (not {{nobots}} or in use).
ACTIONABLE = ("protected", "AbuseFilter", "spam blacklist", "title blacklist", "CAPTCHA")


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
    flag = "; not flagged as a bot's (--trial)" if result.trial and result.saves else ""
    rows.append(f"{'saves':<10}{result.saves:>6}   edit conflicts {result.conflicts}{flag}")
    retry = [r.title for r in result.results if r.outcome == "failed"]
    if retry:
        rows.append(f"{'to retry':<10}{len(retry):>6}   first thing next run: {', '.join(retry)}")
    # what a person can act on: the wiki's refusals and protections, with their causes
    act = [r for r in result.results if r.outcome in ("wiki-refused", "blocked") and r.reason.startswith(ACTIONABLE)]
    for i, r in enumerate(act):
        rows.append(f"{'to act on' if i == 0 else '':<10}{len(act) if i == 0 else '':>6}   {r.title}: {r.reason}")
    rows.append(f"{'requests':<10}{result.requests:>6}")
    rows.append(f"{'time':<10}{result.seconds:>6.1f} s")
    return "\n".join(rows)


