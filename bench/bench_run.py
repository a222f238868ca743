"""A scheduled run over N unchanged pages on the sandbox wiki: API requests per page; the hostile page.

Goal (issue 6): the second of two ``relbot run --apply`` runs over the same N unchanged pages
makes at most (ceil(N/500) + 3) / N API requests per page with bot rights. The sandbox
(bot/sandbox.py: Debian's MediaWiki on 127.0.0.1, a bot account in the bot group with a
BotPassword granting highvolume) gets N copies of a clean fixture under N country-pair titles
in one category; requests are the api.php lines of php -S's server.log (as tests/wiki_fixtures
counts them). The hostile page (48 KB of ``{{a|b ``) is then run alone with ``-page:``, against
a clean page as the baseline. Prints, never asserts.
Run: python3 bench/bench_run.py [-n 600]
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from make_dump import country_pairs  # noqa: E402
from pages import FIXTURES, clean_pages  # noqa: E402

from bot import sandbox  # noqa: E402

CAT = "বিষয়শ্রেণী:রেলবট বেঞ্চ"
#: Runs first in the relbot subprocess: one stderr line per API request (what it asked for).
TRACE = '''
import sys as _s
from pywikibot.data import api as _api
_submit = _api.Request.submit
def _traced(self, _submit=_submit):
    p = self._params
    keys = ("action", "meta", "list", "prop", "generator", "cmlimit", "gcmlimit", "rvprop")
    what = " ".join(f"{k}={'|'.join(map(str, p[k]))}" for k in keys if k in p)
    n = len(p.get("titles", [])) + len(p.get("pageids", []))
    print(f"API-REQUEST {what}" + (f" titles/pageids={n}" if n else ""), file=_s.stderr)
    return _submit(self)
_api.Request.submit = _traced
'''
HOSTILE_TITLE = "ভারত–মালদ্বীপ সম্পর্ক"
CLEAN_TITLE = "ভারত–মঙ্গোলিয়া সম্পর্ক"


def log_lines(sb) -> list[str]:
    text = (sb.dir / "server.log").read_text("utf-8", "replace")
    return [ln for ln in text.splitlines() if "/api.php" in ln and "Accepted" not in ln and "Closing" not in ln]


def summary(stderr: str) -> str:
    """relbot run's summary, on one line."""
    lines = [ln.strip() for ln in stderr.strip().splitlines() if not ln.startswith("API-REQUEST")]
    return " | ".join(lines[-5:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=600, help="unchanged pages in the category")
    ap.add_argument("--keep", action="store_true", help="leave the sandbox folder")
    args = ap.parse_args()
    missing = sandbox.missing_packages()
    if missing:
        print(f"sandbox unavailable: {sandbox.missing_message(missing)}")
        return
    from wiki_fixtures import relbot

    folder = Path(tempfile.mkdtemp(prefix="relbot-bench-"))
    try:
        t = time.perf_counter()
        sb = sandbox.install(folder / "wiki", 0)
        text = clean_pages()[1][1] + f"\n[[{CAT}]]"
        pages = {CAT: "বেঞ্চ", **{f"{a}–{b} সম্পর্ক": text for a, b in country_pairs()[: args.n]}}
        pages[HOSTILE_TITLE] = "{{a|b " * 8000
        pages[CLEAN_TITLE] = clean_pages()[1][1]
        sandbox.seed(sb, {**sandbox.default_pages(FIXTURES), **pages})
        sb = sandbox.serve(sb)
        print(f"sandbox with {args.n} pages in {CAT} ready in {time.perf_counter() - t:.0f} s", flush=True)
        state = str(folder / "state.sqlite")
        cat = "-cat:" + CAT.split(":", 1)[1]
        t = time.perf_counter()
        first = relbot(sb, "run", "--apply", "--state", state, cat, "--no-progress", timeout=1800)
        first_t = time.perf_counter() - t
        before = len(log_lines(sb))
        t = time.perf_counter()
        second = relbot(sb, "run", "--apply", "--state", state, cat, "--no-progress", timeout=1800, harness=TRACE)
        second_t = time.perf_counter() - t
        lines = log_lines(sb)[before:]
        used = len(lines)
        m = re.search(r"pages read (\d+)", second.stderr)
        n = int(m.group(1)) if m else args.n
        budget = math.ceil(n / 500) + 3
        print(f"first run: exit {first.returncode}, {first_t:.1f} s; {summary(first.stderr)}")
        print(f"second run: exit {second.returncode}, {second_t:.1f} s; {summary(second.stderr)}")
        print(f"scheduled run over {n} unchanged pages: {used} API requests = {used / n:.4f} per page; "
              f"goal <= (ceil(N/500) + 3) / N = {budget} requests = {budget / n:.4f} per page", flush=True)
        for ln in second.stderr.splitlines():
            if ln.startswith("API-REQUEST"):
                print("   ", ln[:200])
        # the hostile page: how long until the run is done with it, against a clean page
        for title in (CLEAN_TITLE, HOSTILE_TITLE):
            t = time.perf_counter()
            r = relbot(sb, "run", "--dry-run", "--state", str(folder / "h.sqlite"), f"-page:{title}",
                       "--no-progress", "--report", str(folder / "h.json"), "--recheck", timeout=600)
            print(f"relbot run --dry-run -page:{title}: {time.perf_counter() - t:.2f} s (whole process), "
                  f"exit {r.returncode}; {summary(r.stderr)}", flush=True)
    finally:
        sandbox.stop(folder / "wiki")
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
