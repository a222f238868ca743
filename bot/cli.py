"""The ``relbot`` command line."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from collections import Counter

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Help(argparse.HelpFormatter):
    """argparse's help, with each option's default named after its help (as
    ``ArgumentDefaultsHelpFormatter`` does) unless the help names it itself (``%(default)``) or
    there is none to name: None, or a flag (its off state goes without saying), or the help says
    "(default …" already."""

    def _get_help_string(self, action):
        text = action.help or ""
        default = action.default
        if (default is None or default is False or default is argparse.SUPPRESS or action.nargs == 0
                or "%(default" in text or "(default" in text):  # said once: the help names it
            return text
        return f"{text} (default: %(default)s)"

    def add_argument(self, action):
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # argparse measures the verbs without their indent:
            for sub in self._iter_indented_subactions(action):  # a long one (crosscheck) lost its column
                self._action_max_length = max(self._action_max_length,
                                              len(self._format_action_invocation(sub)) + self._current_indent)

    def _split_lines(self, text, width):  # never break "relbot-state.sqlite" or "--dump" at a hyphen
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False, break_long_words=False)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Help)
        super().__init__(*args, **kwargs)

    def error(self, message):  # one line, exit 2, like every other input error
        self.exit(EXIT_USAGE, f"relbot: error: {message}\n")


def _codes(value: str) -> list[str]:
    return [c for c in value.replace(",", " ").split() if c]


# help strings that several verbs share
PROFILE = "the wiki's profile: a bundled one (bn, en) or a profile JSON file"
TITLE = "the page title (one page only; needed for - ); else the file name with _ as a space"
PATHS = "*.wikitext files, or folders (every *.wikitext below them); - reads one page from standard input"
SELECT = "only these rule codes or prefixes (E, L00, T001), comma- or space-separated; may repeat"
IGNORE = "not these rule codes or prefixes, comma- or space-separated; may repeat"
UNSAFE = "also apply unsafe fixes"
LAYOUT = "apply the standard section layout (an unsafe fix)"
DUMP = "a MediaWiki XML export dump (plain, .bz2, .gz, .xz, or - for standard input) instead of files"
JOBS = "worker processes for --dump (default: the number of cores)"
PAGE_TIMEOUT = "seconds one page of --dump may take before it is skipped with a reason (default: %(default)g)"
PYWIKIBOT_DIR = "folder with pywikibot's user-config.py (default: $PYWIKIBOT_DIR)"
STATE = "the SQLite state file (checked revisions, runs and saves)"
SHUTOFF = "the shutoff page's title (default: the profile's)"
TRIAL = ("the bot account has no 'bot' right yet (a bot on trial, as bnwiki's bot approval asks): save "
         "without the bot flag instead of refusing to start; the summary says the edits are not flagged")
AGAINST = ("English Wikipedia pages to cross-check the mission facts against: *.wikitext files (title from the "
           "file name), folders of them, or XML dumps (.xml, .xml.bz2 …); default: none (E008 is silent)")
EXIT_CODES = "Exit status: 0 no finding of severity error, 1 some, 2 a usage or input error (one line)."


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="relbot", description="Validate and fix bilateral-relations articles of Bengali "
                                                "Wikipedia: lint and fix files, or run as a bot on the wiki.")
    parser.add_argument("--version", action="version", version=f"relbot {__version__}",
                        help="print relbot's version and exit")
    # not required=True: without a verb main() lists the verbs (argparse would only say "required")
    sub = parser.add_subparsers(dest="command", title="verbs", metavar="VERB", parser_class=_Parser,
                                help="relbot VERB --help shows the verb's options")

    p = sub.add_parser("parse", help="print the structured article as JSON",
                       description="Print the structured article as JSON (schemas/article.schema.json): "
                                   "every span with start/end offsets and 1-based line and column.")
    p.add_argument("file", metavar="FILE", help="a .wikitext file; - reads the page from standard input")
    p.add_argument("--title", help=TITLE)
    p.add_argument("--profile", default="bn", help=PROFILE)

    p = sub.add_parser("lint", help="report findings",
                       description="Report the findings of the rule catalogue on pages: one line per finding "
                                   "(path:line:col: CODE severity message) and a summary, or JSON, or an HTML "
                                   "page. " + EXIT_CODES)
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATHS)
    p.add_argument("--dump", help=DUMP)
    p.add_argument("--jobs", type=int, help=JOBS)
    p.add_argument("--page-timeout", type=float, default=10.0, help=PAGE_TIMEOUT)
    p.add_argument("--title", help=TITLE)
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--format", choices=("text", "json", "html"), default="text",
                   help="text lines, the JSON report (schemas/report.schema.json) or a self-contained HTML page")
    p.add_argument("--select", type=_codes, action="extend", help=SELECT)
    p.add_argument("--ignore", type=_codes, action="extend", help=IGNORE)
    p.add_argument("--lang", choices=("bn", "en"), default="bn", help="language of the text format's messages")
    p.add_argument("--exceptions", metavar="FILE",
                   help="a local copy of the exceptions page's wikitext (* [[Page]] | CODE | anchor | note "
                        "lines): the findings it lists are reported as suppressed")
    p.add_argument("-o", "--output", help="write the report here instead of standard output")
    p.add_argument("--state", help="a bot run's SQLite state file: the HTML report shows the findings "
                                   "by severity per run (--format html; default: no trend)")
    p.add_argument("--against", nargs="+", metavar="PATH", help=AGAINST)

    p = sub.add_parser("fix", help="propose fixes as a diff, or write them",
                       description="Fix pages: print a unified diff and the Bengali edit summary (the default), "
                                   "or write the fixed text. Safe fixes only unless --unsafe. Exit status: 0 "
                                   "the output is final, 1 findings remain that no fix settles, 2 a usage or "
                                   "input error (one line).")
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS)
    p.add_argument("--title", help=TITLE)
    p.add_argument("--profile", default="bn", help=PROFILE)
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="print a unified diff (the default)")
    mode.add_argument("--write", action="store_true", help="rewrite the files in place (not with - )")
    mode.add_argument("-o", "--output", help="write the fixed text here (a directory for several files)")
    p.add_argument("--unsafe", action="store_true", help=UNSAFE)
    p.add_argument("--layout", action="store_true", help=LAYOUT)
    p.add_argument("--select", type=_codes, action="extend", help=SELECT)
    p.add_argument("--ignore", type=_codes, action="extend", help=IGNORE)
    p.add_argument("--against", nargs="+", metavar="PATH",
                   help=AGAINST + "; with --unsafe, E003 brings their references home")

    p = sub.add_parser("run", allow_abbrev=False,
                       help="the bot: lint and fix pages on a wiki (pywikibot generator options pass through)",
                       description="The bot: lint the wiki's pages and fix them. Any option starting with a "
                                   "single dash (-cat:X, -page:X, -limit:N …) is a pywikibot generator option; "
                                   "without one, the profile's own pages.")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", dest="mode", action="store_const", const="dry-run",
                      help="save nothing; report findings and proposed diffs (default: dry-run)")
    mode.add_argument("--apply", dest="mode", action="store_const", const="apply",
                      help="save safe fixes (default: dry-run)")
    mode.add_argument("--interactive", dest="mode", action="store_const", const="interactive",
                      help="show each diff and ask y/n/a/q (default: dry-run)")
    p.set_defaults(mode="dry-run")
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--pywikibot-dir", help=PYWIKIBOT_DIR)
    p.add_argument("--state", default="relbot-state.sqlite", help=STATE)
    p.add_argument("--resume", action="store_true", help="continue the interrupted run")
    p.add_argument("--recheck", action="store_true", help="check pages even when their revision was checked")
    p.add_argument("--full", action="store_true",
                   help="walk all the profile's default pages (category tree, infobox transclusions) instead "
                        "of reading only what changed since the last run")
    p.add_argument("--max-edits", type=int, help="stop after this many saves (default: no limit)")
    p.add_argument("--shutoff", help=SHUTOFF)
    p.add_argument("--report", help="write the lint report (JSON) here")
    p.add_argument("--diffs", help="write proposed diffs here (dry-run; default: standard output)")
    p.add_argument("--log", metavar="FILE",
                   help="pywikibot's own messages go here (default: the state file's name + .log; "
                        "-v shows them on the terminal instead)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress bar (by default one is shown on a terminal)")
    p.add_argument("--trial", action="store_true", help=TRIAL)

    p = sub.add_parser("propose", allow_abbrev=False, help="write a review bundle of proposed edits",
                       description="Write a review bundle (schemas/bundle.schema.json) of the edits the fixes "
                                   "propose, from files, a dump or the wiki, for relbot review and relbot apply.")
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATHS + " (else --wiki or --dump)")
    p.add_argument("--wiki", action="store_true", help="take pages from the wiki (pywikibot generator options)")
    p.add_argument("--dump", help=DUMP)
    p.add_argument("--jobs", type=int, help=JOBS)
    p.add_argument("--page-timeout", type=float, default=10.0, help=PAGE_TIMEOUT)
    p.add_argument("-o", "--output", required=True, help="the bundle file to write")
    p.add_argument("--exceptions", metavar="FILE",
                   help="files and --dump: a local copy of the exceptions page (with --wiki the page itself is "
                        "read); the findings it lists are never fixed")
    p.add_argument("--title", help=TITLE)
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--unsafe", action="store_true", help="also propose unsafe fixes")
    p.add_argument("--layout", action="store_true", help="also propose the standard section layout (unsafe)")
    p.add_argument("--select", type=_codes, action="extend", help=SELECT)
    p.add_argument("--ignore", type=_codes, action="extend", help=IGNORE)
    p.add_argument("--pywikibot-dir", help=PYWIKIBOT_DIR)
    p.add_argument("--against", nargs="+", metavar="PATH",
                   help=AGAINST + "; files only: E003 proposes their references (an unsafe fix, proposed even without "
                        "--unsafe)")
    p.add_argument("--crosswiki", action="store_true",
                   help="with --wiki: cross-check against the English wiki (as crosscheck --wiki reads it): E003 "
                        "proposes the English references (even without --unsafe), the disagreements (E008) are "
                        "listed, each with the English pages' links")
    p.add_argument("--against-site", metavar="FAMILY:CODE",
                   help="with --crosswiki: the English wiki as pywikibot names it (default: the wiki's own family "
                        "at code en)")

    p = sub.add_parser("review", help="review a bundle in the terminal, or write it as an HTML page",
                       description="Show each proposed edit of a bundle with word-level highlights and ask "
                                   "y/n/s(kip)/q, writing the decisions (schemas/approvals.schema.json); or "
                                   "write one self-contained HTML review page.")
    p.add_argument("bundle", metavar="BUNDLE", help="the bundle file relbot propose wrote")
    p.add_argument("--approvals", default="approvals.json", help="where the terminal review writes decisions")
    p.add_argument("--html", help="write a self-contained HTML review page here instead")

    p = sub.add_parser("apply", allow_abbrev=False, help="save the approved entries of a bundle",
                       description="Save the approved entries of a wiki bundle, each only while the page is "
                                   "still at the bundle's base revision; otherwise the entry is stale.")
    p.add_argument("bundle", metavar="BUNDLE", help="the bundle file relbot propose --wiki wrote")
    p.add_argument("--approvals", required=True, help="the approvals file (relbot review, or the HTML page's export)")
    p.add_argument("--dry-run", action="store_true",
                   help="read the pages and say what would be saved; save nothing, record no run")
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--state", default="relbot-state.sqlite", help=STATE)
    p.add_argument("--shutoff", help=SHUTOFF)
    p.add_argument("--pywikibot-dir", help=PYWIKIBOT_DIR)
    p.add_argument("--trial", action="store_true", help=TRIAL)

    p = sub.add_parser("report", allow_abbrev=False, help="lint wiki pages and publish a Bengali report page",
                       description="Lint the wiki's pages (pywikibot generator options, else the profile's) "
                                   "and save a Bengali wikitext report to a page, only when more than its "
                                   "time changed; or publish the rule documentation.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--publish", metavar="TITLE", help="the report page on the wiki")
    what.add_argument("--publish-rules", metavar="TITLE",
                      help="publish the rule documentation (made from the rule catalogue) as this wiki page "
                           "(the profile's report.rules_page is where report rule codes link to)")
    p.add_argument("--dry-run", action="store_true", help="print the page instead of saving it")
    p.add_argument("--state", default="relbot-state.sqlite",
                   help="SQLite state file that keeps the last published report's findings, for the new / "
                        "fixed counts (default: relbot-state.sqlite)")
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--pywikibot-dir", help=PYWIKIBOT_DIR)
    p.add_argument("--trial", action="store_true", help=TRIAL)

    p = sub.add_parser("undo", allow_abbrev=False, help="revert the saves of a run where they are still the latest",
                       description="Revert the saves of a run on pages whose latest revision is still relbot's; "
                                   "pages edited since by someone else are reported, not touched.")
    p.add_argument("--run", type=int, required=True, help="the run id (see the run's summary)")
    p.add_argument("--dry-run", action="store_true", help="only say what would be reverted")
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--state", default="relbot-state.sqlite", help=STATE)
    p.add_argument("--shutoff", help=SHUTOFF)
    p.add_argument("--pywikibot-dir", help=PYWIKIBOT_DIR)
    p.add_argument("--trial", action="store_true", help=TRIAL)

    p = sub.add_parser("facts", help="list the mission facts of any page",
                       description="List the diplomatic missions any page states (bilateral or not): sending "
                                   "and host country, city, kind, source, reference, year "
                                   "(schemas/facts.schema.json).")
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS)
    p.add_argument("--title", help=TITLE)
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--format", choices=("json", "csv"), default="json", help="JSON, or CSV with one row per fact")

    p = sub.add_parser("crosscheck", allow_abbrev=False, help="compare the mission facts with English Wikipedia's",
                       description="Compare each article's mission facts with the English Wikipedia pages "
                                   "(A–B relations, and the other country's row or section in Foreign "
                                   "relations of A and of B): offline with files and --against, or live with "
                                   "--wiki (pywikibot generator options, else the profile's pages; the English "
                                   "pages from the English wiki of the same family): each fact agreed, "
                                   "disagreeing, missing here or only here, with the reference the English "
                                   "sentence cites; text, or JSON (schemas/crosscheck.schema.json). Exit status: "
                                   "0 no disagreement, 1 some (E008), 2 a usage or input error (one line).")
    p.add_argument("paths", nargs="*", metavar="PATH", help=PATHS + " (else --wiki)")
    p.add_argument("--against", nargs="+", metavar="PATH",
                   help=AGAINST.split("; default")[0] + "; needed with files (default: none)")
    p.add_argument("--wiki", action="store_true",
                   help="take the pages from the wiki (pywikibot generator options) and the English pages from "
                        "the English wiki, in batches; the output says how many requests it took")
    p.add_argument("--against-site", metavar="FAMILY:CODE",
                   help="with --wiki: the English wiki as pywikibot names it (default: the wiki's own family at "
                        "code en)")
    p.add_argument("--pywikibot-dir", help=PYWIKIBOT_DIR)
    p.add_argument("--title", help=TITLE)
    p.add_argument("--profile", default="bn", help=PROFILE)
    p.add_argument("--format", choices=("text", "json", "html"), default="text",
                   help="text lines, JSON (schemas/crosscheck.schema.json) or a self-contained Bengali HTML page")
    p.add_argument("--lang", choices=("bn", "en"), default="bn", help="language of the text format's messages")
    p.add_argument("-o", "--output", help="write the report here instead of standard output")

    p = sub.add_parser("rules", help="print the rule catalogue's documentation (Markdown), made from the code",
                       description="Every rule with its code, severity, fix, messages, doc and example, as "
                                   "docs/rules.md has it.")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    p = sub.add_parser("sandbox", help="a throw-away local MediaWiki seeded with the fixtures",
                       description="start: install (once) and serve a local MediaWiki on 127.0.0.1 with a bot "
                                   "account and pywikibot configuration, seeded with the fixtures (--lang bn) or "
                                   "with English Wikipedia's Foreign relations pages of fixtures/enwiki and "
                                   "English bilateral articles (--lang en); --join DIR joins it with the sandbox "
                                   "of the other language in DIR as two wikis of one family. stop: stop it.")
    p.add_argument("action", choices=("start", "stop"), help="start (installing it the first time) or stop")
    p.add_argument("--lang", choices=("bn", "en"),
                   help="content language of the wiki, and its pages (default: bn; a sandbox already installed "
                        "keeps its own)")
    p.add_argument("--dir", help="folder for the wiki (default: relbot-sandbox, relbot-sandbox-en with --lang en)")
    p.add_argument("--port", type=int, default=0,
                   help="port on 127.0.0.1 (default %(default)s: a free one, or the sandbox's own; "
                        "moves a stopped sandbox)")
    p.add_argument("--join", metavar="DIR",
                   help="with start: join the sandbox with the sandbox of the other language in DIR, both ways: "
                        "each wiki's interwiki table maps the other's code as a language link ([[en:…]] on the "
                        "Bengali pages is one) and each pywikibot family knows the other's port "
                        "(pywikibot.Site('en', family) reaches the English wiki); pages seeded before get their "
                        "links refreshed, so the order does not matter")
    return parser


def _fail(message: str) -> int:
    print(f"relbot: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_parse(args) -> int:
    from .article import build
    from .gazetteer import Gazetteer
    from .profile import load_profile
    from .sources import read_page

    from pathlib import Path

    profile = load_profile(args.profile)
    page = read_page(Path(args.file), args.title)
    art = build(page.text, page.title, profile, Gazetteer.load(profile.lang))
    json.dump(art.to_json(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return EXIT_OK


def _readable(paths, title: str | None, errors: list[str]):
    """(path, page) of each page of ``paths`` that can be read; each that cannot is one
    ``relbot: error:`` line on stderr and one entry of ``errors``, and the others go on."""
    from .sources import InputError, read_page

    for path in paths:
        try:
            page = read_page(path, title)
        except InputError as exc:
            errors.append(str(exc))
            print(f"relbot: error: {exc}", file=sys.stderr)
            continue
        yield path, page


def cmd_lint(args) -> int:
    from pathlib import Path

    from .gazetteer import Gazetteer
    from .profile import load_profile
    from .report import lint_entry
    from .sources import InputError, expand
    from .validate import resolve_codes

    profile = load_profile(args.profile)
    resolve_codes(args.select)  # fail early on an unknown code
    resolve_codes(args.ignore)
    if bool(args.paths) == bool(args.dump):
        raise InputError("give files or folders, or --dump FILE")
    if args.dump and args.against:
        raise UsageError("--against reads files only: lint the pages as files to cross-check them")
    listed = _exceptions_file(args.exceptions)
    if args.dump:
        return _lint_dump(args, profile, listed)
    if args.state and args.format != "html":
        raise UsageError("--state draws the trend of the HTML report: use it with --format html")
    if args.state and not Path(args.state).is_file():
        raise UsageError(f"no state database at {args.state}")
    paths = expand(args.paths, args.title)
    if args.title and len(paths) != 1:
        raise InputError("--title needs exactly one file")
    gaz = Gazetteer.load(profile.lang)
    english = english_pages(args.against) if args.against else None
    pages, errors, sources = [], [], {}
    for _, page in _readable(paths, args.title, errors):
        pages.append(lint_entry(page.text, page.title, page.source, profile, gaz, args.select, args.ignore,
                                listed.for_page(page.title) if listed else None, english))
        sources[page.source] = page.text
    _emit_report(args, pages, errors, sources)
    return _lint_exit(pages, errors)


def _exceptions_file(path):
    """The exceptions page's entries from a local copy (None without one); malformed lines warned."""
    if not path:
        return None
    from .exceptions import load
    from .sources import InputError

    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the exceptions file: {getattr(exc, 'strerror', None) or exc}") from None
    listed = load(text)
    warn_malformed(listed, path)
    return listed


def warn_malformed(listed, where: str) -> None:
    """One warning line per malformed line of the exceptions page; never fatal."""
    for bad in listed.malformed:
        print(f"relbot: warning: {bad.warning(where)}", file=sys.stderr)


def _lint_exit(pages: list[dict], errors: list[str]) -> int:
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(f["severity"] == "error" for p in pages for f in p["findings"]) else EXIT_OK


def _emit_report(args, pages: list[dict], errors: list[str], sources: dict | None = None) -> None:
    from .report import summary, summary_line, text_lines

    from .profile import load_profile

    report = {"pages": pages, "summary": summary(pages, errors)}
    if args.format == "json":
        out = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    elif args.format == "html":
        from .lintpage import render_lint_report

        runs = None
        if getattr(args, "state", None):
            import sqlite3

            from .state import read_runs

            try:
                runs = read_runs(args.state)
            except sqlite3.Error as exc:
                raise UsageError(f"{args.state}: not a relbot state database ({exc})") from None
        out = render_lint_report(report, sources or {}, profile=load_profile(args.profile), runs=runs,
                                 lang=args.lang)
    else:
        out = "".join(line + "\n" for line in text_lines(pages, args.lang)) + summary_line(report["summary"]) + "\n"
    if args.output:
        _write(args.output, out)
    else:
        sys.stdout.write(out)


def _lint_dump(args, profile, listed=None) -> int:
    """Stream a dump's report page by page: memory stays flat however large the dump."""
    from .dump import DumpError, scan_dump
    from .report import Tally, summary_line, text_lines

    if args.format == "html":
        raise UsageError("--format html needs the pages' text: lint the dump as json or text")
    tally, errors, has_error = Tally(), [], False
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "json":
            out.write('{"pages": [\n')
        first = True
        try:
            for entry in scan_dump(args.dump, "lint", args.profile, jobs=args.jobs, page_timeout=args.page_timeout,
                                   select=args.select, ignore=args.ignore, progress=sys.stderr.isatty(),
                                   exceptions=listed):
                tally.add(entry)
                has_error = has_error or any(f["severity"] == "error" for f in entry["findings"])
                if args.format == "json":
                    out.write(("" if first else ",\n") + json.dumps(entry, ensure_ascii=False))
                else:
                    out.writelines(line + "\n" for line in text_lines([entry], args.lang))
                first = False
        except DumpError as exc:
            errors.append(str(exc))
            print(f"relbot: error: {exc}", file=sys.stderr)
        if args.format == "json":
            out.write('\n], "summary": ' + json.dumps(tally.summary(errors), ensure_ascii=False) + "}\n")
        else:
            out.write(summary_line(tally.summary(errors)) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if has_error else EXIT_OK


def _write(path, text: str) -> None:
    from .sources import InputError

    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def cmd_fix(args) -> int:
    import difflib
    from pathlib import Path

    from .fixes import fix_page
    from .gazetteer import Gazetteer
    from .profile import load_profile
    from .sources import InputError, expand, is_stdin
    from .validate import resolve_codes

    profile = load_profile(args.profile)
    resolve_codes(args.select)
    resolve_codes(args.ignore)
    paths = expand(args.paths, args.title)
    if args.title and len(paths) != 1:
        raise InputError("--title needs exactly one file")
    if args.write and any(map(is_stdin, paths)):
        raise InputError("--write cannot rewrite standard input: leave it out for a diff, or give -o FILE")
    outdir = None
    if args.output and len(paths) > 1:
        outdir = Path(args.output)
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{outdir}: cannot create the output directory: {exc.strerror or exc}") from None
    gaz = Gazetteer.load(profile.lang)
    english = english_pages(args.against) if args.against else None
    unreadable: list[str] = []
    remaining = False
    for path, page in _readable(paths, args.title, unreadable):
        out = fix_page(page.text, page.title, profile, gaz, unsafe=args.unsafe, layout=args.layout,
                       select=args.select, ignore=args.ignore, english=english)
        if out.status != "checked":
            print(f"{page.source}: skipped: {out.reason}", file=sys.stderr)
            continue
        remaining = remaining or bool(out.remaining)
        if out.refused:
            print(f"{page.source}: {out.refused['en']}", file=sys.stderr)
        if args.write or args.output:
            target = path if args.write else (outdir / path.name if outdir else Path(args.output))
            if out.changed or not args.write:
                _write(target, out.text)
            if out.changed:
                print(f"{page.source}: {', '.join(out.codes)} — {out.summary}")
            continue
        if out.changed:
            sys.stdout.writelines(difflib.unified_diff(
                page.text.splitlines(keepends=True), out.text.splitlines(keepends=True),
                fromfile=page.title, tofile=page.title))
            if not out.text.endswith("\n"):
                sys.stdout.write("\n\\ No newline at end of file\n")
            sys.stdout.write(f"# {out.summary}\n")
            if out.cosmetic:
                sys.stdout.write("# cosmetic only: a bot run would not save this edit alone\n")
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if remaining else EXIT_OK


def cmd_run(args, extra: list[str]) -> int:
    from .profile import load_profile
    from .report import summary
    from .state import State
    from .wiki import RunOptions, connect, pywikibot_dir, run_bot, summary_text

    profile = load_profile(args.profile)
    pywikibot_dir(args.pywikibot_dir)
    err = sys.stderr  # the terminal as it is before pywikibot wraps its streams
    # pywikibot shows the diff and asks in --interactive; otherwise its chatter goes to the log
    site, extra = connect(extra, terminal=args.mode == "interactive", log_file=args.log or args.state + ".log",
                          interactive=args.mode == "interactive")
    if args.full and extra:
        raise UsageError("--full walks the profile's default generators: give no generator options with it")
    diffs = None
    if args.mode == "dry-run":
        diffs = open(args.diffs, "w", encoding="utf-8") if args.diffs else sys.stdout
    state = State(args.state)
    try:
        result = run_bot(site, profile, state, extra, RunOptions(
            mode=args.mode, max_edits=args.max_edits, resume=args.resume, recheck=args.recheck,
            shutoff=args.shutoff, diffs=diffs, progress=args.progress and err.isatty(), out=err,
            full=args.full, trial=args.trial))
    finally:
        state.close()
        if diffs not in (None, sys.stdout):
            diffs.close()
    if args.report:
        run = {"id": result.run_id, "mode": result.mode, "status": result.status, "message": result.message,
               "outcomes": [{"title": r.title, "outcome": r.outcome, "reason": r.reason, "codes": r.codes,
                             "rev": r.rev, "new_rev": r.new_rev, "read": not r.again} for r in result.results],
               "saves": result.saves, "requests": result.requests, "seconds": round(result.seconds, 3),
               "trial": result.trial}
        if result.fatal:
            run["fatal"] = result.fatal
        _write(args.report, json.dumps({"pages": result.pages, "summary": summary(result.pages, []), "run": run},
                                       ensure_ascii=False, indent=1) + "\n")
    print(summary_text(result), file=err)
    if result.fatal:  # the wiki ended the run: cron and Toolforge's onfailure mail must hear of it
        print(f"relbot: error: {result.fatal}; run {result.run_id} stopped, its unsaved pages stay pending",
              file=err)
        return EXIT_USAGE
    return EXIT_OK  # a stopped run (shutoff page, --max-edits, the operator) is not a failure


class UsageError(Exception):
    pass


def _fix_options(args) -> dict:
    return {"unsafe": args.unsafe, "layout": args.layout, "select": args.select, "ignore": args.ignore}


def cmd_propose(args, extra: list[str]) -> int:
    from pathlib import Path

    from . import review
    from .fixes import fix_page
    from .gazetteer import Gazetteer
    from .profile import load_profile
    from .sources import InputError, expand, read_page
    from .validate import resolve_codes

    profile = load_profile(args.profile)
    resolve_codes(args.select)
    resolve_codes(args.ignore)
    if sum(map(bool, (args.paths, args.wiki, args.dump))) != 1:
        raise UsageError("give files or folders, or --wiki (with pywikibot generator options), or --dump FILE")
    if args.wiki and args.exceptions:
        raise UsageError("--exceptions is for files and --dump: with --wiki the exceptions page itself is read")
    if args.against and not args.paths:
        raise UsageError("--against works with files: propose from the pages as files to cross-check them")
    if args.crosswiki and not args.wiki:
        raise UsageError("--crosswiki reads the English wiki: give --wiki too (with files, use --against)")
    if args.against_site and not args.crosswiki:
        raise UsageError("--against-site is for --crosswiki")
    listed = _exceptions_file(args.exceptions)
    gaz = Gazetteer.load(profile.lang)
    opts = _fix_options(args)
    entries, site_name, disagreements = [], None, []
    if args.wiki:
        from .wiki import Account, connect, protection_block, pywikibot_dir, read_exceptions, wiki_pages

        pywikibot_dir(args.pywikibot_dir)
        site, extra = connect(extra)
        site_name = f"{site.family.name}:{site.code}"
        if args.crosswiki:  # the requests after login, counted as crosscheck --wiki counts them
            from .wiki.english import RequestCounter

            counter = RequestCounter().start()
        listed, _ = read_exceptions(site, profile, lambda line: print(f"relbot: {line}", file=sys.stderr))
        account = Account.of(site)
        pages = wiki_pages(site, profile, extra)
        english = en = None
        if args.crosswiki:
            from .facts import title_pair
            from .wiki.english import counterparts, english_site

            en = english_site(site, args.against_site)
            pages = list(pages)
            english = counterparts(site, en, {p.title(): pair for p in pages
                                              if (pair := title_pair(p.title(), profile, gaz))})
        for page in pages:
            out = fix_page(page.text, page.title(), profile, gaz, exceptions=listed.for_page(page.title()),
                           english=english, also=_reviewed_fixes() if english else (), **opts)
            entry = None
            if out.changed:
                entry = review.entry(out, f"{site.code}:{page.title()}", page.latest_revision_id, profile,
                                     site.username() or "", protection_block(page, account))
                entries.append(entry)
            if english is not None:
                _crosswiki_links(out, page, site, en, english, profile, gaz, entry, disagreements)
        if args.crosswiki:
            counter.stop()
            requests = {"wiki": counter.of(site), "english": counter.of(en), "total": sum(counter.by_host.values())}
    elif args.dump:
        from .dump import DumpError, scan_dump

        try:
            entries.extend(scan_dump(args.dump, "propose", args.profile, jobs=args.jobs,
                                     page_timeout=args.page_timeout, progress=sys.stderr.isatty(),
                                     exceptions=listed, **opts))
        except DumpError as exc:
            doc = review.bundle(entries, profile, "dump", None, opts)
            _write(args.output, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
            raise InputError(f"{exc} (the {len(entries)} edits proposed until then are in {args.output})") from None
    else:
        paths = expand(args.paths, args.title)
        if args.title and len(paths) != 1:
            raise InputError("--title needs exactly one file")
        english = english_pages(args.against) if args.against else None
        for path in paths:
            page = read_page(Path(path), args.title)
            out = fix_page(page.text, page.title, profile, gaz, exceptions=listed.for_page(page.title) if listed else None,
                           english=english, also=_reviewed_fixes() if english else (), **opts)
            if out.changed:
                entries.append(review.entry(out, page.source, None, profile))
    source = "wiki" if args.wiki else "dump" if args.dump else "files"
    links = None
    if args.wiki:
        from .links import site_base

        links = site_base(site)
        # rule codes on the review page link to the rules page of this wiki, as the report does
        rules_page, user = profile.data["report"]["rules_page"], site.username()
        if user or "{user}" not in rules_page:
            links["rules_page"] = rules_page.format(user=user or "")
    if args.crosswiki:  # apply remakes E003's fixes from the same English wiki
        opts = opts | {"crosswiki": f"{en.family.name}:{en.code}"}
    doc = review.bundle(entries, profile, source, site_name, opts, links)
    if args.crosswiki:
        doc["disagreements"] = disagreements
        doc["requests"] = requests
    _write(args.output, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    more = f", {len(disagreements)} pages with disagreements and no edit" if args.crosswiki else ""
    counted = (f"; {requests['total']} requests after login ({requests['wiki']} to the wiki, {requests['english']} "
               "to the English wiki)") if args.crosswiki else ""
    print(f"{args.output}: {len(entries)} proposed edits{more} (bundle {doc['id']}){counted}")
    return EXIT_OK


def _crosswiki_links(out, page, site, en, english, profile, gaz, entry, disagreements) -> None:
    """``propose --crosswiki``: the English pages read for the page's pair, with their links on
    the English wiki, beside the page's entry; a page with disagreements (E008) and no edit is
    listed on its own, with them."""
    from .crosscheck import english_titles
    from .facts import title_pair
    from .links import article, site_base

    titles = english_titles(english, title_pair(page.title(), profile, gaz))
    base = site_base(en)
    linked = [{"title": t, "url": article(base, t)} for t in titles]
    if entry is not None:
        entry["english"] = linked
        return
    found = [f.to_json(out.first) for f in out.findings if f.code == "E008"]
    if found:
        disagreements.append({"title": page.title(), "source": f"{site.code}:{page.title()}",
                              "base_revid": page.latest_revision_id, "english": linked, "findings": found})


def cmd_review(args) -> int:
    from . import review

    doc = review.load_bundle(args.bundle)
    if args.html:
        from .reviewpage import render_review

        _write(args.html, render_review(doc))
        print(f"{args.html}: review page for {len(doc['entries'])} entries")
        return EXIT_OK
    decisions = review.terminal_review(doc)
    _write(args.approvals, json.dumps(decisions, ensure_ascii=False, indent=1) + "\n")
    print(f"{args.approvals}: written")
    return EXIT_OK


def _wiki_task(args, extra: list[str], task, use_state: bool = True) -> tuple[Counter, list[str]]:
    """Connect, open the state (unless not ``use_state``: the task gets None), run
    ``task(site, state)``; print its (title, outcome) pairs. Returns the outcomes counted and the
    errors that ended the task (``error: …`` pairs: the caller says them last, exit 2)."""
    from .state import State
    from .wiki import connect, pywikibot_dir

    pywikibot_dir(args.pywikibot_dir)
    site, extra = connect(extra)
    state = State(args.state) if use_state else None
    try:
        results = task(site, state)
    finally:
        if state is not None:
            state.close()
    errors = [o for t, o in results if not t and o.startswith("error: ")]
    for title, outcome in results:
        if outcome not in errors:
            print(f"{title}: {outcome}" if title else outcome)
    return Counter(o.split(":")[0] for _, o in results), errors


def _say_errors(errors: list[str]) -> int:
    for line in errors:
        print(f"relbot: {line}", file=sys.stderr)
    return EXIT_USAGE if errors else EXIT_OK


def cmd_apply(args, extra: list[str]) -> int:
    from . import review
    from .profile import load_profile
    from .wiki import apply_bundle

    profile = load_profile(args.profile)
    doc = review.load_bundle(args.bundle)
    decided = review.load_approvals(args.approvals, doc)
    if doc["source"] != "wiki":
        raise UsageError("apply saves to a wiki: this bundle was proposed from files (use relbot fix --write)")
    counts, errors = _wiki_task(args, extra, lambda site, state: apply_bundle(
        site, profile, state, doc, set(decided["approved"]), args.shutoff, dry_run=args.dry_run, trial=args.trial),
        use_state=not args.dry_run)
    saved = f"would save {counts['would save']}" if args.dry_run else f"saved {counts['saved']}"
    more = "".join(f", {words} {counts[key]}" for key, words in
                   (("refused by the wiki", "refused by the wiki"), ("failed", "failed (apply again to retry)"))
                   if counts[key])
    print(f"{saved}, stale {counts['stale']}, blocked {counts['blocked']}{more} "
          f"(of {len(decided['approved'])} approved{'; dry run: nothing saved' if args.dry_run else ''})",
          file=sys.stderr)
    return _say_errors(errors)


def cmd_report(args, extra: list[str]) -> int:
    from datetime import datetime, timezone

    from .gazetteer import Gazetteer
    from .profile import load_profile
    from .report import finding_keys, lint_entry, wikitext, without_time
    from .state import State
    from .wiki import connect, edit_block, publish, pywikibot_dir, read_exceptions, wiki_pages

    profile = load_profile(args.profile)
    pywikibot_dir(args.pywikibot_dir)
    site, extra = connect(extra)
    spec = profile.data["report"]
    if args.publish_rules:
        from .ruledocs import wikitext as rules_wikitext

        text = rules_wikitext(profile)
        if args.dry_run:
            sys.stdout.write(text)
            return EXIT_OK
        saved = publish(site, profile, args.publish_rules, text, str.strip, summary=spec["rules_summary"],
                        trial=args.trial)
        print(f"[[{args.publish_rules}]]: {'saved' if saved else 'unchanged, not saved'}")
        return EXIT_OK
    listed, _ = read_exceptions(site, profile, lambda line: print(f"relbot: {line}", file=sys.stderr))
    gaz = Gazetteer.load(profile.lang)
    pages = []
    for page in wiki_pages(site, profile, extra):
        pages.append(lint_entry(page.text, page.title(), f"{site.code}:{page.title()}", profile, gaz,
                                exceptions=listed.for_page(page.title())))
        block = edit_block(page.text, profile, site.username() or "")
        if block and pages[-1]["status"] == "checked":  # the report says a person must fix it
            pages[-1]["block"] = block
    # new / fixed are counted against the last *published* report of this title, kept in the state
    # (a dry run creates no state file)
    from pathlib import Path

    state = State(args.state) if not args.dry_run or Path(args.state).is_file() else None
    key = f"report:{args.publish}"
    try:
        previous = state.get_meta(key) if state else None
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        held = [h for h in state.checks("apply", "held") if h["obstacle"]] if state else []
        text = wikitext(pages, profile, when, previous, spec["rules_page"].format(user=site.username()), held)
        if args.dry_run:
            sys.stdout.write(text)
            return EXIT_OK
        saved = publish(site, profile, args.publish, text, lambda t: without_time(t, profile), trial=args.trial)
        if saved:
            state.set_meta(key, {"when": when, "findings": finding_keys(pages)})
    finally:
        if state:
            state.close()
    print(f"[[{args.publish}]]: {'saved' if saved else 'unchanged, not saved'} ({len(pages)} pages)")
    return EXIT_OK


def cmd_undo(args, extra: list[str]) -> int:
    from pathlib import Path

    from .profile import load_profile
    from .wiki import undo_run

    profile = load_profile(args.profile)
    if not Path(args.state).is_file():
        raise UsageError(f"no state database at {args.state}")
    counts, errors = _wiki_task(args, extra, lambda site, state: undo_run(
        site, profile, state, args.run, args.dry_run, args.shutoff, trial=args.trial))
    print(f"run {args.run}: {counts['reverted'] or counts['would revert']} "
          f"{'would be ' if args.dry_run else ''}reverted, {counts['edited since']} edited since by others",
          file=sys.stderr)
    return _say_errors(errors)


def cmd_facts(args) -> int:
    from .facts import cmd

    try:
        sys.stdout.write(cmd(args.paths, args.profile, args.format, args.title))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return EXIT_OK


#: Unsafe fixes ``propose --against`` puts in the review bundle without ``--unsafe``: the English
#: references E003 brings home (a person reviews every entry; ``run`` never offers them).
def _reviewed_fixes() -> frozenset[str]:
    """The unsafe fixes a bundle proposed with English pages carries without --unsafe (apply
    remakes them the same way: one definition, in bot.crosscheck)."""
    from .crosscheck import REVIEWED_FIXES

    return REVIEWED_FIXES


def english_pages(paths):
    """The English pages of ``--against``: files and folders of ``*.wikitext``, and XML dumps
    (a file whose name holds ``.xml``), of which the counterpart titles are kept."""
    from pathlib import Path

    from .counterpart import EnglishPages, wanted
    from .dump import DumpError, iter_latest
    from .sources import InputError, expand, title_from_path

    pages = EnglishPages()
    for raw in paths:
        path = Path(raw)
        if path.is_file() and ".xml" in path.name:
            try:
                for ns, title, text, _rev in iter_latest(str(path)):
                    if ns == 0 and wanted(title):
                        pages.add_text(title, text)
            except DumpError as exc:
                raise InputError(f"{raw}: {exc}") from None
            continue
        for p in expand([raw]):
            pages.add_file(p, title_from_path(p))
    return pages


def cmd_crosscheck(args, extra: list[str]) -> int:
    from .article import build
    from .crosscheck import page_report, summary, summary_line, text_lines
    from .gazetteer import Gazetteer
    from .profile import load_profile
    from .sources import expand
    from .validate import validate

    profile = load_profile(args.profile)
    gaz = Gazetteer.load(profile.lang)
    if args.wiki and (args.paths or args.against or args.title):
        raise UsageError("--wiki takes the pages and the English pages from the wikis: give no files, --against "
                         "or --title with it")
    if not args.wiki and (not args.paths or not args.against):
        raise UsageError("give files or folders and --against ENGLISH_PAGES, or --wiki (with pywikibot generator "
                         "options)")
    if args.against_site and not args.wiki:
        raise UsageError("--against-site is for --wiki")
    entries, errors, requests, bases = [], [], None, {}

    def check(art, english, source):
        art.english = english
        found = [f.to_json(art) for f in validate(art, select=["E008"])] if art.status == "checked" else []
        entries.append(page_report(art, english, source, found))

    if args.wiki:
        arts, english, requests, where, bases = _crosscheck_wiki(args, extra, profile, gaz)
        for art in arts:
            check(art, english, f"{where}:{art.title}")
    else:
        english = english_pages(args.against)
        for _, page in _readable(expand(args.paths, args.title), args.title, errors):
            check(build(page.text, page.title, profile, gaz), english, page.source)
    report = {"pages": entries, "summary": summary(entries, errors)}
    if requests is not None:
        report["summary"]["requests"] = requests
    if args.format == "json":
        out = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    elif args.format == "html":
        from .crosscheckpage import render_crosscheck

        out = render_crosscheck(report, profile=profile, **bases)
    else:
        out = "".join(line + "\n" for line in text_lines(entries, args.lang)) + summary_line(report["summary"]) + "\n"
    if args.output:
        _write(args.output, out)
    else:
        sys.stdout.write(out)
    if errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if report["summary"]["findings"] else EXIT_OK


def _crosscheck_wiki(args, extra: list[str], profile, gaz):
    """``crosscheck --wiki``: the articles (built from the wiki's pages), the English pages read
    from the English wiki, the requests counted after login, the wiki's code, and where the HTML
    page links the articles and the English pages (both wikis' siteinfo, read at login)."""
    from .article import build
    from .facts import title_pair
    from .wiki import connect, pywikibot_dir, wiki_pages
    from .wiki.english import RequestCounter, counterparts, english_site

    pywikibot_dir(args.pywikibot_dir)
    site, extra = connect(extra)
    counter = RequestCounter().start()
    try:
        en = english_site(site, args.against_site)
        pages = list(wiki_pages(site, profile, extra))
        arts = [build(page.text, page.title(), profile, gaz) for page in pages]
        english = counterparts(site, en, {a.title: pair for a in arts
                                          if a.status == "checked" and (pair := title_pair(a.title, profile, gaz))})
    finally:
        counter.stop()
    requests = {"wiki": counter.of(site), "english": counter.of(en), "total": sum(counter.by_host.values())}
    from .links import site_base

    return arts, english, requests, site.code, {"english_base": site_base(en), "wiki_base": site_base(site)}


def cmd_rules(args) -> int:
    from .ruledocs import markdown

    text = markdown()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_sandbox(args) -> int:
    from pathlib import Path

    from . import sandbox

    root = Path(args.dir or ("relbot-sandbox" if args.lang in (None, "bn") else f"relbot-sandbox-{args.lang}")).resolve()
    if args.action == "stop":
        if args.join:
            raise UsageError(f"--join is for start: relbot sandbox start --dir {root} --join {args.join}")
        stopped = sandbox.stop(root)
        print(f"sandbox in {root}: {'stopped' if stopped else 'was not running'}")
        return EXIT_OK
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    if not fixtures.is_dir():
        raise UsageError(f"the fixtures folder {fixtures} is missing (run from a relbot checkout)")
    sb = sandbox.load(root) if (root / sandbox.STATE_FILE).exists() else None
    if sb and args.lang and args.lang != sb.lang:
        raise UsageError(f"the sandbox in {root} is in {sb.lang}, not {args.lang}: give another --dir for "
                         f"the {args.lang} one")
    lang = sb.lang if sb else args.lang or "bn"
    port = args.port or (sb.port if sb else 0)
    other = _sandbox_to_join(args.join, root, lang, port) if args.join else None
    if sb:
        if args.port and args.port != sb.port:  # never keep the old port silently
            if sandbox.running(sb):
                raise UsageError(f"the sandbox in {root} is serving on port {sb.port}; to move it to port "
                                 f"{args.port}, stop it first: relbot sandbox stop --dir {root}")
            sb = sandbox.move(sb, args.port)
    else:
        while not port or (other and port == other.port):  # a free port, not the other sandbox's own
            port = sandbox.free_port()
        sb = sandbox.install(root, port, lang=lang)
        sandbox.seed(sb, sandbox.default_pages(fixtures, lang), links=lang == "bn")
    if other:
        sandbox.join(sb, other)
        sandbox.join(other, sb)
    sandbox.serve(sb)
    lines = [f"sandbox wiki serving at {sb.url} (bot account {sb.bot_user}, data in {root})"]
    if other:
        lines.append(f"  joined with the {other.lang} sandbox in {other.dir}: "
                     + (f"serving at {other.url}" if sandbox.running(other)
                        else f"not serving, start it: relbot sandbox start --dir {other.dir}"))
    if lang == "bn":
        lines.append(f"  relbot run --pywikibot-dir {sb.pywikibot_dir} --state {root / 'state.sqlite'} --dry-run")
        if "en" in sb.linked:
            lines.append(f"  relbot crosscheck --wiki --pywikibot-dir {sb.pywikibot_dir}")
    elif "bn" not in sb.linked:
        lines.append(f"  join a Bengali sandbox with it: relbot sandbox start --dir relbot-sandbox --join {root}")
    lines.append(f"  relbot sandbox stop --dir {root}")
    print("\n".join(lines))
    return EXIT_OK


def _sandbox_to_join(folder: str, root, lang: str, port: int):
    """``sandbox start --join DIR``: the sandbox in DIR, checked before anything is installed or
    changed: another folder, another language, another port."""
    from pathlib import Path

    from . import sandbox

    where = Path(folder).resolve()
    if where == root:
        raise UsageError(f"--join {folder}: that is this sandbox's own folder; give the folder of a sandbox of "
                         "the other language")
    if not (where / sandbox.STATE_FILE).is_file():
        raise UsageError(f"--join {folder}: no sandbox in {where}; make one first: relbot sandbox start --lang "
                         f"{'en' if lang == 'bn' else 'bn'} --dir {folder}")
    other = sandbox.load(where)
    if other.lang == lang:
        raise UsageError(f"--join {folder}: the sandbox in {where} is in {lang} too; --join joins wikis of two "
                         "languages")
    if port and port == other.port:
        raise UsageError(f"--join {folder}: the sandbox in {where} has port {port} too; give this one another "
                         "--port")
    return other


COMMANDS = {"parse": cmd_parse, "lint": cmd_lint, "fix": cmd_fix, "review": cmd_review, "facts": cmd_facts,
            "sandbox": cmd_sandbox, "rules": cmd_rules}
WIKI_COMMANDS = {"crosscheck": cmd_crosscheck, "run": cmd_run, "propose": cmd_propose, "apply": cmd_apply, "report": cmd_report, "undo": cmd_undo}


def main(argv=None) -> int:
    from .profile import ProfileError
    from .sources import InputError
    from .validate import UnknownRule

    from .review import BundleError
    from .sandbox import SandboxError
    from .wiki import WikiError
    from . import options

    argv = list(sys.argv[1:] if argv is None else argv)
    # pywikibot options (-cat:X, -page:Y Z …) go around argparse: it takes an argument with a
    # space for a positional one
    pwb = [a for a in argv if re.match(r"-[A-Za-z]{2,}", a)]
    parser = build_parser()
    args, extra = parser.parse_known_args([a for a in argv if a not in pwb])
    extra += pwb
    if args.command is None:  # the verbs with their one-line help; the error alone on stderr
        sys.stdout.write(parser.format_help())
        return _fail("give a verb: relbot VERB … (relbot VERB --help shows its options)")
    try:
        # refused before anything is read or saved: the wiki verbs used to hand any leftover to
        # pywikibot, which dropped what it did not know (`apply --dry-run` saved)
        bad = options.unknown(args.command, extra, args.command not in ("propose", "crosscheck") or args.wiki,
                              getattr(args, "pywikibot_dir", None)) if extra else []
        if bad:
            return _fail(f"unrecognized arguments: {' '.join(bad)}")
        if args.command in WIKI_COMMANDS:
            return WIKI_COMMANDS[args.command](args, extra)
        return COMMANDS[args.command](args)
    except (ProfileError, InputError, UnknownRule, UsageError, WikiError, SandboxError, BundleError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:  # the reader went away (`relbot fix … | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return EXIT_OK
    except Exception as exc:  # never a traceback for the user; RELBOT_DEBUG=1 shows it
        if os.environ.get("RELBOT_DEBUG"):
            raise
        return _fail(f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")


if __name__ == "__main__":
    sys.exit(main())
