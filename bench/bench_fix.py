"""Fix cost against bare mwparserfromhell parsing of the same pages, in the same process.

Goals (issue 3): a page with nothing to fix costs at most 1.2x one parse; a page with
fixes at most 2.5x (one fixing round plus one verifying parse). Prints, never asserts.
Run: python3 bench/bench_fix.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import mwparserfromhell

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import clean_pages, dirty_pages, sized, timed  # noqa: E402

from bot.fixes import fix_page  # noqa: E402
from bot.gazetteer import Gazetteer  # noqa: E402
from bot.profile import load_profile  # noqa: E402


def measure(label: str, pages, profile, gaz, repeat: int) -> None:
    """Both timed as a run is: every page once, one after another, best of ``repeat`` runs, alternating."""
    parse_runs, fix_runs = [], []
    for _ in range(repeat):
        parse_runs.append(timed(lambda: [mwparserfromhell.parse(text) and None for _, text in pages], 1))
        fix_runs.append(timed(lambda: [fix_page(text, title, profile, gaz) and None for title, text in pages], 1))
    parse_total, fix_total = min(parse_runs), min(fix_runs)
    rounds = [fix_page(text, title, profile, gaz).rounds for title, text in pages]
    kb = sum(len(t) for _, t in pages) / 1000
    print(f"{label:34s} pages {len(pages):3d}  {kb:8.0f} K chars  parse {parse_total:7.3f}s  "
          f"fix {fix_total:7.3f}s  fix/parse {fix_total / parse_total:5.2f}x  rounds {max(rounds)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    profile = load_profile("bn")
    gaz = Gazetteer.load("bn")
    fix_page("x", "ক–খ সম্পর্ক", profile, gaz)  # warm caches
    print(f"fix cost vs one bare mwparserfromhell parse (all pages in a row, best of {args.repeat} runs); goals: "
          "nothing to fix <= 1.2x, with fixes <= 2.5x")
    measure("nothing to fix: fixtures", clean_pages(), profile, gaz, args.repeat)
    measure("nothing to fix: 10-300 KB", sized(clean_pages()), profile, gaz, args.repeat)
    measure("with fixes: fixtures", dirty_pages(), profile, gaz, args.repeat)
    measure("with fixes: 10-300 KB", sized(dirty_pages()[:2]), profile, gaz, args.repeat)


if __name__ == "__main__":
    main()
