"""``bench/bench_facts_real.py --set FILE …`` scores any labelled file in the bn_real*.json format (a new set,
or one kept elsewhere) without a code change: each file's numbers, and the files together."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

BENCH = ROOT / "bench" / "bench_facts_real.py"


def _item(n: int, text: str, facts: list[dict]) -> dict:
    return {"id": f"t{n:04d}", "source": "news", "url": f"https://example.invalid/{n}", "page_title": None,
            "text": text, "context": None, "facts": facts, "absent": [], "planned": [], "note": "", "split": "t"}


def _fact(sender: str, host: str, city: str | None) -> dict:
    return {"sender": sender, "host_country": host, "host_city": city, "kind": "embassy", "sure": True}


def _run(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), "--set", *map(str, paths)],
                          capture_output=True, text=True, timeout=300)


def test_set_scores_a_labelled_file_and_files_together(tmp_path):
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"sentences": [
        _item(1, "ঢাকায় ভারতের একটি দূতাবাস আছে", [_fact("IN", "BD", "ঢাকা")]),       # read: a hit
        _item(2, "কাবুলে চীনের দূতাবাস রয়েছে", [_fact("CN", "AF", "কাবুল")]),          # read: a hit
        _item(3, "প্রধানমন্ত্রী আজ একটি বৈঠক করেছেন", [_fact("JP", "BD", None)]),        # nothing read: a miss
        _item(4, "রোমে ফ্রান্সের দূতাবাস রয়েছে", []),                                   # read, not labelled: an extra
    ]}, ensure_ascii=False), "utf-8")
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"sentences": [
        _item(5, "ঢাকায় ভারতের একটি দূতাবাস আছে", [_fact("IN", "BD", "ঢাকা")]),
    ]}, ensure_ascii=False), "utf-8")

    one = _run(first)
    assert one.returncode == 0, one.stderr
    lines = one.stdout.splitlines()
    mine = [ln for ln in lines if ln.startswith("first.json") and " together " in ln]
    assert len(mine) == 1 and "sentences    4  P 0.667  R 0.667  (tp 2, fp 1, fn 1)" in mine[0]
    assert not any("bn_real" in ln for ln in lines)  # only the files asked for

    both = _run(first, second)
    assert both.returncode == 0, both.stderr
    together = [ln for ln in both.stdout.splitlines() if ln.startswith("together ") and " together " in ln]
    assert len(together) == 1 and "sentences    5  P 0.750  R 0.750  (tp 3, fp 1, fn 1)" in together[0]


def test_set_refuses_a_missing_or_unlabelled_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"no": "sentences"}', "utf-8")
    for path in (tmp_path / "missing.json", bad):
        done = _run(path)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.strip().splitlines()[-1].startswith("bench_facts_real.py: error: --set: not a labelled file")
        assert "Traceback" not in done.stderr
