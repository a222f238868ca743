"""Run every benchmark, one after the other, and keep their output in bench/out/results.txt.

    python3 bench/run_all.py            # full size: the 1 GB dump (made once, kept in bench/out/)
    python3 bench/run_all.py --quick    # a 100 MB dump, one repeat: a smoke run of the suite

Each benchmark prints its figures with the baselines measured in the same run; none asserts.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def machine() -> str:
    try:
        model = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")),
                     "model not reported")
    except OSError:
        model = "model not reported"
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import mwparserfromhell

    return (f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB, Python {platform.python_version()}, "
            f"mwparserfromhell {mwparserfromhell.__version__}, load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--size-mb", type=float, help="dump size (default 1024, or 100 with --quick)")
    ap.add_argument("--skip", default="", help="comma-separated: lint,fix,dump,run,hostile")
    args = ap.parse_args()
    size = args.size_mb or (100 if args.quick else 1024)
    steps = [
        ("lint", ["bench_lint.py", "--repeat", "1" if args.quick else "5"]),
        ("fix", ["bench_fix.py", "--repeat", "1" if args.quick else "5"]),
        ("dump", ["bench_dump.py", "--size-mb", f"{size:g}", "--repeat", "1" if args.quick else "2", "--cli"]),
        ("dump", ["bench_dump.py", "--size-mb", "50", "--jobs", "1", "--inprocess"]),
        ("dump", ["bench_dump.py", "--compressed", "--repeat", "1" if args.quick else "2"]),
        ("run", ["bench_run.py", "-n", "600"]),
        ("hostile", ["bench_hostile.py"]),
    ]
    skip = set(filter(None, args.skip.split(",")))
    OUT.mkdir(exist_ok=True)
    log = OUT / "results.txt"
    with open(log, "w", encoding="utf-8") as fh:
        def say(line: str) -> None:
            print(line, flush=True)
            fh.write(line + "\n")
            fh.flush()

        say(f"# relbot benchmarks {time.strftime('%Y-%m-%d %H:%M')}; machine: {machine()}")
        for name, argv in steps:
            if name in skip:
                continue
            say(f"\n## python3 bench/{' '.join(argv)}")
            t = time.perf_counter()
            proc = subprocess.Popen([sys.executable, str(HERE / argv[0]), *argv[1:]], stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, cwd=HERE.parent)
            for line in proc.stdout:
                say(line.rstrip("\n"))
            proc.wait()
            say(f"(exit {proc.returncode}, {time.perf_counter() - t:.0f} s)")
    print(f"\nwritten to {log}")


if __name__ == "__main__":
    main()
