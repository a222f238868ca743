"""The wiki work outside the scheduled run: reading the exceptions page and the generators' pages,
applying a reviewed bundle, undoing a run, publishing a page of relbot's. Every save goes through
bot.wiki.save, like the run's."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from contextlib import contextmanager
from typing import Callable

from ..crosscheck import REVIEWED_FIXES
from ..fixes import fix_page
from ..gazetteer import Gazetteer
from ..profile import Profile
from ..state import State
from .permission import edit_block, protection_block
from .save import Saved, Shutoff, Stop, save
from .site import Account, WikiError, check_account, make_generator, preload


def read_exceptions(site, profile: Profile, warn: Callable[[str], None]):
    """The exceptions page (profile ``bot.exceptions_page``), read once: its entries and its
    revision id (None when the page does not exist). Each malformed line is one ``warn`` line."""
    from ..exceptions import Exceptions, load
    from .changes import query

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
    """Existing pages from the generator options (or the profile's defaults), preloaded with
    their protection."""
    for page in make_generator(site, profile, gen_args):
        if page.exists():
            yield page


def shutoff_title(site, profile: Profile, explicit: str | None = None) -> str:
    return (explicit or profile.data["bot"]["shutoff_page"]).format(user=site.username())


def run_tag(profile: Profile, run_id: int) -> str:
    """What every edit summary of a run ends with: the run, in the wiki's digits (`` (রান ১২)``)."""
    return profile.data["bot"]["run_tag"].format(run=profile.number(run_id))


def outcome_words(done: Saved) -> str:
    """A save's outcome as apply and undo print it after the title (``blocked:protected …``,
    ``refused by the wiki:AbuseFilter …``, ``failed:rate limited …``)."""
    if done.outcome in ("saved", "conflict"):
        return done.outcome
    words = "refused by the wiki" if done.outcome == "wiki-refused" else done.outcome
    return f"{words}:{done.reason}"


def _page_block(page, profile: Profile, account: Account) -> str | None:
    return edit_block(page.text, profile, account.name) or protection_block(page, account)


@contextmanager
def _recorded(state: State | None, run_id: int | None, results: list[tuple[str, str]]):
    """A task's run, recorded ``finished`` only when its loop ends as it should (a crash leaves it
    ``failed``); a stop by the shutoff page or by the wiki is ``stopped`` and said as the last pair."""
    status = "failed"
    try:
        yield
        status = "finished"
    except Shutoff as exc:
        status = "stopped"
        results.append(("", f"stopped: {exc}"))
    except Stop as exc:
        status = "stopped"
        results.append(("", f"error: {exc}"))
    finally:
        if run_id is not None:
            state.end_run(run_id, status, dict(Counter(o.split(":")[0] for _, o in results)))


def apply_bundle(site, profile: Profile, state: State | None, bundle_doc: dict, approved: set[str],
                 shutoff: str | None = None, dry_run: bool = False, trial: bool = False) -> list[tuple[str, str]]:
    """Save the approved entries that are not stale; (title, outcome) for every approved entry.
    A refusal that ends the run is ``("", "error: …")``, the last pair.

    ``dry_run``: read and check the pages the same way, save nothing and record no run (``state``
    may be None); a savable entry is ``would save`` (the shutoff page is read only to save)."""
    import pywikibot

    account = Account.of(site) if dry_run else check_account(site, trial)
    gaz = Gazetteer.load(profile.lang)
    opts = bundle_doc["options"]
    chosen = [e for e in bundle_doc["entries"] if e["id"] in approved]
    # an entry the bundle marks not saveable is never saved, whatever the approvals say
    results = [(e["title"], f"blocked:{e.get('block')}") for e in chosen if not e.get("saveable", True)]
    entries = [e for e in chosen if e.get("saveable", True)]
    run_id = None if dry_run else state.start_run("apply-bundle", [bundle_doc["id"]])
    title_of_shutoff = shutoff_title(site, profile, shutoff)
    with _recorded(state, run_id, results):
        pages = {p.title(): p for p in preload(site, [pywikibot.Page(site, e["title"]) for e in entries])}
        # propose suppressed what the exceptions page listed: the same list makes the same text
        listed, _ = read_exceptions(site, profile, lambda line: print(f"relbot: {line}", file=sys.stderr))
        english = _english_of(site, profile, gaz, opts, entries)
        for e in entries:
            page = pages.get(e["title"])
            if page is None or not page.exists() or page.latest_revision_id != e["base_revid"]:
                results.append((e["title"], "stale"))
                continue
            out = fix_page(page.text, e["title"], profile, gaz, unsafe=opts["unsafe"], layout=opts["layout"],
                           select=opts["select"], ignore=opts["ignore"], exceptions=listed.for_page(e["title"]),
                           english=english, also=REVIEWED_FIXES if english is not None else ())
            if hashlib.sha256(out.text.encode("utf-8")).hexdigest() != e["new_sha256"]:  # as review.sha256
                results.append((e["title"], "stale"))
                continue
            block = _page_block(page, profile, account)
            if block or dry_run:
                results.append((e["title"], f"blocked:{block}" if block else "would save"))
                continue
            summary = out.summary + run_tag(profile, run_id)
            done = save(page, out.text, summary, e["base_revid"], profile, title_of_shutoff, trial=trial)
            outcome = "stale" if done.outcome == "conflict" else outcome_words(done)
            if done.outcome == "saved":
                state.record_save(run_id, page.pageid, e["title"], e["base_revid"], done.new_rev, summary)
            state.record(run_id, page.pageid, e["title"], e["base_revid"], outcome.split(":")[0],
                         dict(Counter(f.code for f in out.findings)), done.new_rev if done.outcome == "saved" else None,
                         reason=done.reason)
            results.append((e["title"], outcome))
    return results


def _english_of(site, profile: Profile, gaz: Gazetteer, opts: dict, entries: list[dict]):
    """The English pages a ``propose --crosswiki`` bundle's fixes were made with, read again
    from the same English wiki (None for any other bundle)."""
    if not opts.get("crosswiki"):
        return None
    from ..facts import title_pair
    from .english import counterparts, english_site

    en = english_site(site, opts["crosswiki"])
    return counterparts(site, en, {e["title"]: pair for e in entries if (pair := title_pair(e["title"], profile, gaz))})


def publish(site, profile: Profile, title: str, text: str, time_free, summary: str | None = None,
            trial: bool = False) -> bool:
    """Save a page of relbot's (the report, the rule docs) only when its content, as ``time_free``
    keeps it (the report without its time line), changed; ``summary``: else the report's."""
    import pywikibot

    account = check_account(site, trial)
    page = next(preload(site, [pywikibot.Page(site, title)]), None) or pywikibot.Page(site, title)
    old = page.text if page.exists() else ""
    if time_free(old) == time_free(text):
        return False
    block = _page_block(page, profile, account) if page.exists() else None
    if block:
        raise WikiError(f"the page [[{title}]] was not saved: blocked ({block})")
    try:
        done = save(page, text, summary or profile.data["report"]["summary"],
                    page.latest_revision_id if page.exists() else None, profile,
                    shutoff_title(site, profile), minor=False, trial=trial)
    except (Shutoff, Stop) as exc:
        raise WikiError(f"the page [[{title}]] was not saved: {exc}") from None
    if done.outcome != "saved":
        raise WikiError(f"the page [[{title}]] was not saved: {outcome_words(done)}")
    return True


def undo_run(site, profile: Profile, state: State, run_id: int, dry_run: bool = False,
             shutoff: str | None = None, trial: bool = False) -> list[tuple[str, str]]:
    """Revert a run's saves on pages whose latest revision is still ours; leave the others alone.

    The undo is a run of its own (mode ``undo``), its saves recorded like any other.
    """
    import pywikibot

    saves = state.saves(run_id)
    if state.run(run_id) is None:
        raise WikiError(f"no run {run_id} in {state.path}")
    account = Account.of(site) if dry_run else check_account(site, trial)
    undo_id = None if dry_run else state.start_run("undo", [str(run_id)])
    summary = profile.data["bot"]["undo_summary"].format(run=profile.number(run_id)) + \
        (run_tag(profile, undo_id) if undo_id else "")
    title_of_shutoff = shutoff_title(site, profile, shutoff)
    results = []
    with _recorded(state, undo_id, results):
        pages = {p.title(): p for p in preload(site, [pywikibot.Page(site, s["title"]) for s in saves])}
        for s in reversed(saves):  # the newest save of a page first
            page = pages.get(s["title"])
            if page is None or not page.exists():
                results.append((s["title"], "gone"))
                continue
            if page.latest_revision_id != s["new_rev"]:
                results.append((s["title"], "edited since: left alone"))
                continue
            block = _page_block(page, profile, account)
            if block or dry_run:
                results.append((s["title"], f"blocked:{block}" if block else "would revert"))
                continue
            old = page.getOldVersion(s["base_rev"])
            done = save(page, old, summary, s["new_rev"], profile, title_of_shutoff, trial=trial)
            if done.outcome == "saved":
                state.record_save(undo_id, page.pageid, s["title"], s["new_rev"], done.new_rev, summary)
                state.record(undo_id, page.pageid, s["title"], s["new_rev"], "reverted", None)
            results.append((s["title"], "reverted" if done.outcome == "saved" else outcome_words(done)))
    return results
