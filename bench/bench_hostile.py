"""The hostile page (48 KB of unterminated ``{{a|b ``): how long until relbot moves on.

Baselines from the same run: a clean fixture page through the same path, and bare
mwparserfromhell on the hostile page in a subprocess (killed after --cap seconds), which is what
the bracket-scan guard saves. Then the per-page timeout as the backstop for a slow page the
guard lets through (a 1.5 MB bilateral page with --page-timeout 1): time until the dump scan
has its next page. The wiki run over the hostile page is in bench_run.py. Prints, never asserts.
Run: python3 bench/bench_hostile.py [--cap 120]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import clean_pages, grow  # noqa: E402

from bot.article import build  # noqa: E402
from bot.dump import scan_dump  # noqa: E402
from bot.gazetteer import Gazetteer  # noqa: E402
from bot.profile import load_profile  # noqa: E402
from bot.validate import validate  # noqa: E402

HOSTILE = "{{a|b " * 8000


def dump(path: Path, pages: list[tuple[str, str]]) -> Path:
    body = "".join(f"<page><title>{escape(t)}</title><ns>0</ns><id>{i + 1}</id><revision><id>{i + 10}</id>"
                   f"<timestamp>2024-01-01T00:00:00Z</timestamp><model>wikitext</model>"
                   f"<text xml:space=\"preserve\">{escape(x)}</text></revision></page>\n"
                   for i, (t, x) in enumerate(pages))
    path.write_text('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><siteinfo><dbname>bn'
                    f'</dbname></siteinfo>\n{body}</mediawiki>\n', "utf-8")
    return path


def timeline(path: Path, timeout: float) -> list[tuple[float, dict]]:
    """(seconds since the scan started, entry) for each page, jobs=1."""
    t = time.perf_counter()
    return [(time.perf_counter() - t, e) for e in scan_dump(str(path), "lint", "bn", jobs=1, page_timeout=timeout)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=float, default=120, help="seconds bare mwparserfromhell may take")
    args = ap.parse_args()
    profile, gaz = load_profile("bn"), Gazetteer.load("bn")
    title, clean = clean_pages()[1]
    validate(build(clean, title, profile, gaz))  # warm up
    for label, text in (("clean page", clean), ("hostile page", HOSTILE)):
        t = time.perf_counter()
        art = build(text, title, profile, gaz)
        validate(art)
        print(f"lint in process, {label} ({len(text) / 1000:.0f} K chars): {time.perf_counter() - t:.3f} s, "
              f"{art.status} {art.reason or ''} {art.detail or ''}".rstrip(), flush=True)
    code = f"import mwparserfromhell; mwparserfromhell.parse({HOSTILE!r})"
    t = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", code], timeout=args.cap, check=True)
        bare = f"{time.perf_counter() - t:.1f} s"
    except subprocess.TimeoutExpired:
        bare = f"more than {args.cap:g} s (killed)"
    print(f"baseline: bare mwparserfromhell.parse of the hostile page: {bare}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        path = dump(Path(tmp) / "hostile.xml", [(title, clean), ("ভারত–মালদ্বীপ সম্পর্ক", HOSTILE),
                                                 ("ভারত–নেপাল সম্পর্ক", clean)])
        marks = timeline(path, 10.0)
        (t0, _), (t1, h), (t2, _) = marks
        print(f"dump scan --jobs 1: clean page at {t0:.2f} s (worker start included), hostile page done "
              f"{t1 - t0:.3f} s later ({h['status']}: {h.get('detail', '')[:60]}), next page {t2 - t1:.3f} s "
              f"after it", flush=True)
        big = grow(clean, 700_000)
        path = dump(Path(tmp) / "slow.xml", [(title, clean), ("ভারত–ভুটান সম্পর্ক", big),
                                              ("ভারত–নেপাল সম্পর্ক", clean)])
        marks = timeline(path, 0.25)
        (t0, _), (t1, s), (t2, _) = marks
        print(f"dump scan --jobs 1 --page-timeout 0.25, a {len(big.encode()) / 1e6:.1f} MB page the guard lets "
              f"through: skipped {t1 - t0:.2f} s after the page before ({s.get('detail')}); next page "
              f"{t2 - t1:.2f} s later (a new worker starts)", flush=True)
        t = time.perf_counter()
        art = build(big, "ভারত–ভুটান সম্পর্ক", profile, gaz)
        validate(art)
        print(f"baseline: that page linted in process without a timeout: {time.perf_counter() - t:.2f} s", flush=True)


if __name__ == "__main__":
    main()
