"""Lint throughput against bare mwparserfromhell parse throughput on the same pages, in one process.

Goal (issue 6): lint throughput / parse throughput >= 0.8 (one parse per page, every rule on the
parsed tree), i.e. linting a page costs at most 1.25 bare parses. Inputs: the fixtures, bilateral
pages grown to 10-300 KB (bench/pages.py), and the real English pages of fixtures/enwiki, where
the parse and round-trip cost is measured (relbot reads them as not bilateral, after parsing), and
the 269 real Bengali articles of fixtures/bnwiki linted under a bilateral title, so that every rule
runs (issue 14: lint throughput there at or above bare parse throughput, ratio >= 1.0).
Prints, never asserts. Run: python3 bench/bench_lint.py [--repeat N] [--corpus-repeat N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import mwparserfromhell

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import realpages  # noqa: E402  (the shipped real Bengali sample)
from pages import FIXTURES, ROOT, clean_pages, dirty_pages, read, sized, timed  # noqa: E402

from bot.article import build  # noqa: E402
from bot.gazetteer import Gazetteer  # noqa: E402
from bot.parse import scan_brackets  # noqa: E402
from bot.tree import build as build_tree  # noqa: E402
from bot.profile import load_profile  # noqa: E402
from bot.report import lint_entry  # noqa: E402
from bot.rules import all_rules  # noqa: E402
from bot.validate import _schema_hits, validate  # noqa: E402

CORPUS = realpages.enwiki_dir()  # the English pages shipped in fixtures/enwiki


def fixture_pages(folder: str | None = None) -> list[tuple[str, str]]:
    """The fixture pages (those of one top folder, with ``folder``), title from the file name."""
    out = []
    for p in sorted(FIXTURES.rglob("*.wikitext")):
        top = p.relative_to(FIXTURES).parts[0]
        if "skip" not in p.parts and folder in (None, top):
            out.append((p.stem.replace("_", " "), read(p)))
    return out


def corpus_pages() -> list[tuple[str, str]]:
    return [(p.stem.replace("_", " "), read(p)) for p in sorted(CORPUS.glob("*.wikitext"))]


def bnwiki_pages() -> list[tuple[str, str]]:
    """The real Bengali articles, each under the bilateral title every test lints them under."""
    return [(realpages.BILATERAL_TITLE, text) for _, text in realpages.articles()]


def lint_once(text: str, title: str, profile, gaz):
    """What ``relbot lint`` does per page (bot.report.lint_entry): parse, check, report entry."""
    return lint_entry(text, title, "bench", profile, gaz)


def measure(label: str, pages, profile, gaz, repeat: int, goal: float = 0.8) -> None:
    """Both timed as a run is: every page once, one after another (so the cycle collector's
    work lands where it does in a real run), best of ``repeat`` runs, alternating."""
    parse_runs, lint_runs = [], []
    for _ in range(repeat):
        parse_runs.append(timed(lambda: [mwparserfromhell.parse(text) and None for _, text in pages], 1))
        lint_runs.append(timed(lambda: [lint_once(text, title, profile, gaz) and None for title, text in pages], 1))
    parse_t, lint_t = min(parse_runs), min(lint_runs)
    statuses: dict[str, int] = {}
    for title, text in pages:
        status = lint_once(text, title, profile, gaz)["status"]
        statuses[status] = statuses.get(status, 0) + 1
    chars = sum(len(t) for _, t in pages)
    ratio = parse_t / lint_t  # (chars/lint_t) / (chars/parse_t)
    print(f"{label:30s} pages {len(pages):3d}  {chars / 1000:8.0f} K chars  parse {parse_t:7.3f}s "
          f"({chars / parse_t / 1e6:5.2f} M chars/s)  lint {lint_t:7.3f}s ({chars / lint_t / 1e6:5.2f} M chars/s)  "
          f"lint/parse throughput {ratio:4.2f}  (goal >= {goal})  {statuses}", flush=True)


def stages(label: str, pages, profile, gaz, repeat: int) -> None:
    """Where a lint's time goes, as shares of one bare parse of the same pages."""
    rules = all_rules()
    acc = dict.fromkeys(("bracket scan", "tree + spans", "article builder", "policy schema",
                         "python rules"), 0.0)
    base = 0.0
    for title, text in pages:
        base += timed(lambda: mwparserfromhell.parse(text), repeat)
        scan = timed(lambda: scan_brackets(text), repeat)
        tree = timed(lambda: build_tree(text), repeat)
        whole = timed(lambda: build(text, title, profile, gaz), repeat)
        art = build(text, title, profile, gaz)
        schema = timed(lambda: list(_schema_hits(art, rules)), repeat)
        rules_t = timed(lambda: validate(art), repeat) - schema
        for k, v in zip(acc, (scan, tree, whole - scan - tree, schema, rules_t)):
            acc[k] += max(0.0, v)
    shares = "  ".join(f"{k} {v / base:4.0%}" for k, v in acc.items())
    print(f"{label:30s} stages as share of one bare parse: {shares}  (sum {sum(acc.values()) / base:4.0%})",
          flush=True)


def corpus(pages, profile, gaz, repeat: int) -> None:
    """Real page sizes: bare parse, round trip (str of the tree), relbot's parse, relbot's lint."""
    chars = sum(len(t) for _, t in pages)
    parse_t = rt_t = relbot_parse_t = lint_t = 0.0
    exact = 0
    from bot.parse import parse as relbot_parse

    for title, text in pages:
        parse_t += timed(lambda: mwparserfromhell.parse(text), repeat)
        tree = mwparserfromhell.parse(text)
        rt_t += timed(lambda: str(tree), repeat)
        exact += str(tree) == text
        relbot_parse_t += timed(lambda: relbot_parse(text), repeat)
        lint_t += timed(lambda: lint_once(text, title, profile, gaz), repeat)
    print(f"{'corpus: 196 English pages':30s} pages {len(pages):3d}  {chars / 1000:8.0f} K chars  "
          f"bare parse {parse_t:6.2f}s ({chars / parse_t / 1e6:4.2f} M chars/s)  "
          f"round trip str() {rt_t:5.2f}s = {rt_t / parse_t:4.2f}x parse, exact {exact}/{len(pages)}  "
          f"relbot parse (scan+tree+spans) {relbot_parse_t / parse_t:4.2f}x  "
          f"relbot lint (parse, article, not bilateral) {lint_t / parse_t:4.2f}x "
          f"-> throughput {parse_t / lint_t:4.2f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus-repeat", type=int, default=1)
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    profile = load_profile("bn")
    gaz = Gazetteer.load("bn")
    lint_once("x", "ক–খ সম্পর্ক", profile, gaz)  # warm caches
    print(f"lint throughput vs bare mwparserfromhell parse throughput (all pages in a row, best of {args.repeat} "
          "runs); goal: lint/parse >= 0.8")
    fx = fixture_pages()
    big = sized(clean_pages()) + sized(dirty_pages()[:2])
    measure("fixtures", fx, profile, gaz, args.repeat)
    # by folder: a lint's fixed cost per page (about 0.3 ms) outweighs a bare parse of a short page
    for folder in sorted({p.relative_to(FIXTURES).parts[0] for p in FIXTURES.rglob("*.wikitext")} - {"skip"}):
        measure(f"  fixtures/{folder}", fixture_pages(folder), profile, gaz, args.repeat)
    measure("generated 10-300 KB", big, profile, gaz, args.repeat)
    bn = bnwiki_pages()
    measure("bnwiki: 269 real bn articles", bn, profile, gaz, args.repeat, goal=1.0)
    stages("fixtures", fx, profile, gaz, args.repeat)
    stages("generated 10-300 KB", big, profile, gaz, args.repeat)
    stages("bnwiki: 269 real bn articles", bn, profile, gaz, 1)
    if not args.no_corpus and CORPUS.exists():
        corpus(corpus_pages(), profile, gaz, args.corpus_repeat)


if __name__ == "__main__":
    main()
