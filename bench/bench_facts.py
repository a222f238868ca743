"""Mission facts of the 196 real English pages (issue 8): counts, accuracy, gazetteer coverage.

For every page of fixtures/enwiki, under the en profile: the facts
(`bot.facts.facts_for`, the page's own title), counted per kind, per source and per page; the
precision and recall of the facts on the hand-labelled lines of fixtures/facts/labels.json
(and how often year, has_ref and source agree on the facts found); the share of the host
cities written in mission sentences that the gazetteer resolves to a country, with the misses;
and the extraction time against a bare parse of the same pages. Prints, never asserts.
Run: python3 bench/bench_facts.py [--pages N] [--misses N] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
import realpages  # noqa: E402  (the real pages shipped in fixtures/)

from bot.facts import facts_for, score_labels  # noqa: E402
from bot.gazetteer import Gazetteer  # noqa: E402
from bot.parse import parse  # noqa: E402
from bot.profile import load_profile  # noqa: E402

CORPUS = realpages.enwiki_dir()  # the English pages shipped in fixtures/enwiki
EN = ROOT / "bot" / "profiles" / "en.json"
LABELS = ROOT / "fixtures" / "facts" / "labels.json"


def _page(path: Path):
    profile, gaz = load_profile(str(EN)), Gazetteer.load("en")
    text = path.read_text("utf-8")
    t = time.perf_counter()
    parsed = parse(text, max_cost=profile.limits["max_parse_cost"])
    t_parse = time.perf_counter() - t
    t = time.perf_counter()
    facts = facts_for(text, path.stem.replace("_", " "), profile, gaz, parsed=parsed)
    return path.name, facts, t_parse, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=0, help="print the facts of every page (0) or of the N largest")
    ap.add_argument("--misses", type=int, default=60, help="unresolved host cities to print")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*.wikitext"))
    if not paths:
        print(f"no corpus at {CORPUS}")
        return
    load_profile(str(EN))
    Gazetteer.load("en")  # loaded once, before the workers fork
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as ex:
        results = list(ex.map(_page, paths, chunksize=4))
    wall = time.perf_counter() - t0
    by_file = {name: facts for name, facts, _, _ in results}
    t_parse = sum(r[2] for r in results)
    t_facts = sum(r[3] for r in results)
    allf = [f for facts in by_file.values() for f in facts]

    print(f"pages {len(paths)}, facts {len(allf)}, wall {wall:.1f} s with {args.jobs} jobs")
    print(f"extraction after parsing: {t_facts:.1f} s; bare parse {t_parse:.1f} s; "
          f"extraction / parse = {t_facts / t_parse:.2f}")
    print("\nfacts per kind:")
    for kind, n in Counter(f["kind"] for f in allf).most_common():
        print(f"  {kind:20} {n:6}")
    print("facts per source:", dict(Counter(f["source"] for f in allf).most_common()))
    print(f"with a <ref>: {sum(f['has_ref'] for f in allf)}, dated: {sum(f['year'] is not None for f in allf)}")

    rows = sorted(((len(fs), name) for name, fs in by_file.items()), reverse=True)
    if args.pages:
        rows = rows[: args.pages]
    print("\nfacts per page (kinds: E embassy, H high-commission, D deputy-high-commission, "
          "A assistant-high-commission, C consulate, G consulate-general, O honorary-consulate, "
          "N nunciature, X other):")
    letters = {"embassy": "E", "high-commission": "H", "deputy-high-commission": "D",
               "assistant-high-commission": "A", "consulate": "C", "consulate-general": "G",
               "honorary-consulate": "O", "nunciature": "N", "other": "X"}
    for n, name in rows:
        kinds = Counter(letters[f["kind"]] for f in by_file[name])
        detail = " ".join(f"{k}{kinds[k]}" for k in "EHDACGONX" if kinds[k])
        print(f"  {n:5}  {name.removesuffix('.wikitext'):60} {detail}")
    print(f"  pages without facts: {sum(1 for fs in by_file.values() if not fs)}")

    cities = [f for f in allf if f["host_city"]]
    misses = Counter(f["host_city"] for f in cities if not f["host_country"])
    unresolved = sum(misses.values())
    print(f"\nhost cities written: {len(cities)}, resolved to a country: {len(cities) - unresolved} "
          f"({(len(cities) - unresolved) / max(1, len(cities)):.2%}); with a gazetteer id: "
          f"{sum(1 for f in cities if f['host_city_id'])}")
    print(f"unresolved ({len(misses)} names, {unresolved} mentions), most frequent first:")
    print("  " + ", ".join(f"{name} ({n})" for name, n in misses.most_common(args.misses)))

    if LABELS.is_file():
        doc = json.loads(LABELS.read_text("utf-8"))
        r = score_labels(doc, CORPUS, load_profile(str(EN)), Gazetteer.load("en"), by_file)
        print(f"\nlabelled lines: {r['lines']} (seed {doc['seed']}), facts labelled {r['labelled']}, "
              f"extracted on them {r['extracted']}")
        print(f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
        print("agreement on found facts: " + ", ".join(f"{k} {v:.3f}" for k, v in r["agreement"].items()))
        for d in r["diffs"]:
            print("  ", *d)


if __name__ == "__main__":
    main()
