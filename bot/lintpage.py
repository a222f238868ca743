"""The lint report as a self-contained HTML work list (``relbot lint --format html``).

Findings are grouped by article (collapsible), filtered by rule, severity and fixability and
searched by a small inline script; every article links to the wiki (article, edit at the
finding's section, history) and every rule code to its documentation. Given the runs of a state
database, a trend of the findings by severity per run is drawn as SVG here in Python.

The markup is ``templates/lint.html.j2`` (autoescaped: every value is data); this module only
prepares plain values. Counts and positions are in the wiki's digits for a Bengali page, in
Latin digits for ``lang="en"``; ``data-sort`` keys and the JSON stay Latin.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter

import regex

from . import links
from .htmlpages import (APPLICABILITY_BN, BASE_CSS, FONTS, MONO, REASON_BN, SEVERITIES, SEVERITY_BN, SORT_JS,
                        STATUS_BN, csp_content, render_template)
from .ruledocs import docs_url, rule_url

CONTEXT_CHARS = 90  # context kept either side of a finding on a long line
FIXABILITY = ("safe", "unsafe", "none")
FIXABILITY_BN = {**APPLICABILITY_BN, "none": "সংশোধন নেই"}
GRAPHEME = regex.compile(r"\X")
MODE_BN = {"dry-run": "মহড়া", "apply": "সংরক্ষণ", "interactive": "জিজ্ঞেস করে সংরক্ষণ",
           "apply-bundle": "অনুমোদিত সম্পাদনা সংরক্ষণ", "undo": "ফিরিয়ে নেওয়া"}
RUN_STATUS_BN = {"running": "চলছে", "finished": "শেষ", "stopped": "থামানো", "failed": "ব্যর্থ"}

LINT_CSS = BASE_CSS + """
body{overflow-wrap:break-word}
dl.totals{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}
dl.totals dt{color:var(--muted)}dl.totals dd{margin:0}
.scroll{overflow-x:auto;max-width:100%%}
td.bar{width:40%%}
svg.bar{display:block;width:100%%;height:1rem}
svg.bar rect.error{fill:#cf222e}svg.bar rect.warning{fill:#bf8700}svg.bar rect.style{fill:#3d5a80}
svg.trend{display:block;width:100%%;max-width:40rem;height:auto}
svg.trend polyline{fill:none;stroke-width:2}
svg.trend .error{stroke:#cf222e;fill:#cf222e}svg.trend .warning{stroke:#bf8700;fill:#bf8700}
svg.trend .style{stroke:#3d5a80;fill:#3d5a80}
svg.trend polyline.error,svg.trend polyline.warning,svg.trend polyline.style{fill:none}
svg.trend line.axis{stroke:#8c959f}svg.trend text{font-size:11px;fill:#57606a;stroke:none}
.legend span{margin-right:1rem}
#filters{padding:.4rem 0}
#filters fieldset{display:inline-block;vertical-align:top;border:1px solid var(--line);border-radius:6px;margin:.2rem .4rem .2rem 0;padding:.2rem .6rem;max-width:100%%}
#filters legend{font-size:.9rem;color:var(--muted)}
#filters label{margin-right:.6rem;display:inline-block}
#filters input[type=search]{font:inherit;max-width:100%%;width:20rem}
button{font:inherit;font-size:.9rem;padding:.05rem .5rem;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa;cursor:pointer}
details.article{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.2rem .6rem}
details.article>summary{cursor:pointer;font-weight:600}
details.article>summary .counts{font-weight:400;color:var(--muted)}
p.start{font-size:1.1rem;font-weight:600}p.start a{color:var(--err)}
p.links a{margin-right:.8rem}
td.context{font-family:%(fonts)s;white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;min-width:12rem;max-width:32rem;font-size:.9rem;background:#f6f8fa}
td.pos a{white-space:nowrap}
.skipped td{color:var(--muted)}
@media (max-width:40rem){
 body{padding:.5rem}
 table.findings,table.findings tbody,table.findings tr,table.findings td{display:block;width:auto;max-width:none;min-width:0}
 table.findings thead{display:none}
 table.findings tr{border-bottom:2px solid var(--line);padding:.3rem 0}
 table.findings td{border:none;padding:.1rem .2rem;text-align:left}
 table.findings td:nth-child(-n+3){display:inline-block;vertical-align:top;margin-right:.6rem}
 details.article>summary .src{display:block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
}
"""

LINT_JS = SORT_JS + """
(function(){
  "use strict";
  var D = document.documentElement.dataset.digits || "0123456789";
  function digits(n){ return String(n).replace(/[0-9]/g, function(d){ return D.charAt(+d); }); }
  // the page shows its digits (Bengali in a bn page): a search in either kind finds both
  function norm(s){
    return s.normalize("NFC").toLocaleLowerCase().replace(/[\u09E6-\u09EF]/g, function(d){
      return String(d.charCodeAt(0) - 0x09E6);
    });
  }
  function checked(name){
    var set = new Set();
    document.querySelectorAll('input[name="' + name + '"]:checked').forEach(function(i){ set.add(i.value); });
    return set;
  }
  var groups = Array.prototype.slice.call(document.querySelectorAll("details.article"));
  var search = document.getElementById("search");
  var texts = new Map();
  groups.forEach(function(g){
    g.querySelectorAll("tr.finding").forEach(function(tr){ texts.set(tr, norm(g.dataset.title + " " + g.dataset.source + " " + tr.textContent)); });
  });
  function filter(){
    var codes = checked("code"), sevs = checked("severity"), fixes = checked("fix");
    var q = norm(search.value.trim()), shown = 0, pages = 0;
    groups.forEach(function(g){
      var n = 0;
      g.querySelectorAll("tr.finding").forEach(function(tr){
        var ok = codes.has(tr.dataset.code) && sevs.has(tr.dataset.severity) && fixes.has(tr.dataset.fix)
          && (!q || texts.get(tr).indexOf(q) >= 0);
        tr.hidden = !ok;
        if(ok) n++;
      });
      g.hidden = n === 0;
      g.querySelector(".shown").textContent = digits(n);
      if(q && n) g.open = true;
      shown += n;
      if(n) pages++;
    });
    document.getElementById("count-shown").textContent = digits(shown);
    document.getElementById("pages-shown").textContent = digits(pages);
  }
  document.querySelectorAll("#filters input").forEach(function(input){
    input.addEventListener(input.type === "search" ? "input" : "change", filter);
  });
  document.querySelectorAll("button[data-check]").forEach(function(btn){
    btn.addEventListener("click", function(){
      var on = btn.dataset.check === "all";
      document.querySelectorAll('input[name="' + btn.dataset.group + '"]').forEach(function(i){ i.checked = on; });
      filter();
    });
  });
  document.getElementById("expand-all").addEventListener("click", function(){ groups.forEach(function(g){ g.open = true; }); });
  document.getElementById("collapse-all").addEventListener("click", function(){ groups.forEach(function(g){ g.open = false; }); });
  filter();
})();
"""


def _sev_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 9


def grapheme_bounds(line: str) -> list[int]:
    """Every offset of ``line`` that no grapheme cluster straddles (0 and len included)."""
    return [0] + [m.end() for m in GRAPHEME.finditer(line)]


def _snap(bounds: list[int], at: int, down: bool) -> int:
    """The nearest cluster boundary at or before (``down``) or at or after ``at``."""
    i = bisect.bisect_right(bounds, at) - 1
    if bounds[i] == at or down:
        return bounds[i]
    return bounds[min(i + 1, len(bounds) - 1)]


def context(text: str | None, f: dict) -> dict | None:
    """The finding's line around its columns, cut at grapheme-cluster boundaries only (a Bengali
    vowel sign never starts a snippet or a highlight): ``before``, ``mark``, ``after`` and
    whether text was left out at either end."""
    if text is None:
        return None
    lines = text.split("\n")
    if not 1 <= f["line"] <= len(lines):
        return None
    line = lines[f["line"] - 1].removesuffix("\r")
    start = min(max(f["column"] - 1, 0), len(line))
    end = f["end_column"] - 1 if f.get("end_line") == f["line"] else len(line)
    end = min(max(end, start), len(line))
    lo, hi = 0, len(line)
    if len(line) > 2 * CONTEXT_CHARS + 40:
        lo = max(0, start - CONTEXT_CHARS)
        hi = min(len(line), end + CONTEXT_CHARS)
        if end - start > 2 * CONTEXT_CHARS:  # a long highlight: keep its ends
            hi = end = start + 2 * CONTEXT_CHARS
    bounds = grapheme_bounds(line)
    start, lo = _snap(bounds, start, True), _snap(bounds, lo, True)
    end, hi = _snap(bounds, end, end == start), _snap(bounds, hi, False)
    end = max(end, start)
    return {"cut_start": lo > 0, "before": line[lo:start], "mark": line[start:end], "after": line[end:hi],
            "cut_end": hi < len(line)}


def section_starts(text: str) -> list[int]:
    """Where each section heading of ``text`` starts, in order; section N (MediaWiki's
    ``section=N`` of an edit link) starts at index N-1, the lead (0) before the first."""
    from .article import headings
    from .parse import ParseRefused, parse

    try:
        parsed = parse(text)
    except (ParseRefused, RecursionError):
        return []
    return [parsed.start(h) for h in headings(parsed.tree)]


def section_of(text: str, starts: list[int], line: int, column: int) -> int:
    """MediaWiki's number of the section holding 1-based ``line``:``column`` of ``text``."""
    offset, at = 0, 1
    while at < line:
        nl = text.find("\n", offset)
        if nl < 0:
            break
        offset, at = nl + 1, at + 1
    return bisect.bisect_right(starts, offset + column - 1)


def trend(runs: list[dict]) -> dict | None:
    """Findings open on the wiki after each run that checked pages (bot runs), by severity, as
    SVG coordinates: the run's ``open`` (:func:`bot.state.read_runs`: pages it did not read
    count at their last checked revision), else, from a state that kept no per-page findings,
    what the run itself found. None with fewer than two such runs."""
    from .rules import all_rules

    catalogue = all_rules()
    points = []
    for run in sorted(runs, key=lambda r: r["id"]):
        read = (run.get("counts") or {}).get("findings")
        if not isinstance(read, dict):
            continue
        found = run["open"] if isinstance(run.get("open"), dict) else read
        by_sev = Counter()
        for code, n in found.items():
            rule = catalogue.get(code)
            by_sev[rule.severity if rule else "error"] += int(n)
        started = run.get("started")
        day = time.strftime("%Y-%m-%d", time.gmtime(started)) if isinstance(started, (int, float)) else ""
        points.append({"run": run["id"], "day": day, "mode": run.get("mode", ""), "status": run.get("status", ""),
                       "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES}})
    if len(points) < 2:
        return None
    # room above the plot for the axis's name, and right of it for the last run number (a phone clipped it)
    width, height, left, right, top, bottom = 600, 240, 44, 28, 22, 50
    top_value = max(max(p["by_severity"].values()) for p in points) or 1
    step = (width - left - right) / (len(points) - 1)

    def y(n: int) -> float:
        return round(top + (height - top - bottom) * (1 - n / top_value), 1)

    every = -(-len(points) // 12)  # at most about 12 run numbers under the axis
    for i, p in enumerate(points):
        p["x"] = round(left + i * step, 1)
        p["label"] = i % every == 0 or i == len(points) - 1
        p["y"] = {s: y(n) for s, n in p["by_severity"].items()}
    lines = {s: " ".join(f"{p['x']},{p['y'][s]}" for p in points) for s in SEVERITIES}
    ticks = sorted({0, top_value // 2, top_value})
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "base": height - bottom, "points": points, "lines": lines,
            "ticks": [{"value": t, "y": y(t)} for t in ticks]}


def _short(source) -> str:
    """The last two parts of a file path: enough to tell apart pages with one title."""
    return "/".join(str(source or "").replace("\\", "/").rstrip("/").split("/")[-2:])


def _profile(profile):
    if profile is not None:
        return profile
    try:
        from .profile import load_profile

        return load_profile("bn")
    except Exception:  # the page still renders without names and links
        return None


def render_lint_report(report: dict, sources: dict[str, str] | None = None, *,
                       rule_names: dict[str, str] | None = None, profile=None, runs: list[dict] | None = None,
                       lang: str = "bn", rules_doc: str | None = None) -> str:
    """The lint report (``schemas/report.schema.json``) as a work list; ``sources`` maps each page's
    ``source`` to its text (context lines, sections), ``runs`` are a state's runs (the trend);
    ``rules_doc``: where rule codes link (:func:`bot.ruledocs.docs_url` of the profile by default)."""
    sources = sources or {}
    prof = _profile(profile)
    data = prof.data if prof is not None else {}
    if rules_doc is None:
        rules_doc = docs_url(data)
    names = dict(data.get("rule_names") or {}) if rule_names is None else rule_names
    base = (data.get("wiki") or {}).get("base_url")
    digit_chars = (data.get("text") or {}).get("digits", "0123456789") if lang == "bn" else "0123456789"
    table = {ord(str(i)): d for i, d in enumerate(digit_chars)}

    def num(value) -> str:
        return str(value).translate(table)

    pages = report.get("pages") or []
    summ = report.get("summary") or {}
    by_code = Counter(summ.get("by_code") or {})
    if not by_code:
        by_code = Counter(f["code"] for p in pages for f in p.get("findings") or [])
    code_sev: dict[str, str] = {}
    fixes: set[str] = set()
    for p in pages:
        for f in p.get("findings") or []:
            code_sev.setdefault(f["code"], f["severity"])
            fixes.add((f.get("fix") or {}).get("applicability", "none"))
    top = max(by_code.values(), default=0)
    rules = [{"code": code, "name": names.get(code, ""), "severity": code_sev.get(code, ""), "count": n,
              "rank": _sev_rank(code_sev.get(code, "")), "width": f"{100 * n / top if top else 0:.2f}",
              "doc": rule_url(rules_doc, code)}
             # errors first: by severity, then the most frequent
             for code, n in sorted(by_code.items(), key=lambda kv: (_sev_rank(code_sev.get(kv[0], "")), -kv[1], kv[0]))]

    groups, rows = [], []
    for i, p in enumerate(pages):
        title = p.get("title") or ""
        found = p.get("findings") or []
        counts = Counter(f["severity"] for f in found)
        wiki = ({"article": links.article(base, title), "edit": links.edit(base, title),
                 "history": links.history(base, title)} if base and title else None)
        rows.append({"index": i, "title": title, "source": p.get("source"), "status": p.get("status"),
                     "reason": p.get("reason", ""), "detail": p.get("detail"), "counts": counts,
                     "total": len(found), "wiki": wiki})
        if not found:
            continue
        text = sources.get(p.get("source"))
        text = text.removeprefix("\ufeff") if text is not None else None
        starts = section_starts(text) if text is not None else []
        items = []
        for f in found:
            fix = f.get("fix") or {}
            section = section_of(text, starts, f["line"], f["column"]) if text is not None else None
            items.append({**f, "fixability": fix.get("applicability", "none"), "rank": _sev_rank(f["severity"]),
                          "sort": int(f["line"]) * 1_000_000 + int(f["column"]), "section": section,
                          "edit": links.edit(base, title, section) if wiki and section is not None else None,
                          "doc": rule_url(rules_doc, f["code"]), "context": context(text, f)})
        groups.append({"index": i, "title": title, "source": p.get("source"), "short": _short(p.get("source")),
                       "findings": items,
                       "counts": counts, "wiki": wiki})

    # the work list starts where the worst findings are: pages with errors, then warnings, then style
    groups.sort(key=lambda g: (min((_sev_rank(s) for s in g["counts"]), default=9), g["title"], str(g["source"])))
    n_errors = sum(g["counts"].get("error", 0) for g in groups)
    errors = summ.get("input_errors") or []
    chart = trend(runs) if runs else None
    values = {
        "digits": digit_chars, "num": num, "summary": summ, "pages": rows, "groups": groups, "rules": rules,
        "total_pages": summ.get("pages", len(pages)), "total_findings": sum(len(g["findings"]) for g in groups),
        "by_severity": summ.get("by_severity") or {}, "skipped": summ.get("skipped") or {}, "errors": errors,
        "severities": SEVERITIES, "severity_bn": SEVERITY_BN, "status_bn": STATUS_BN, "reason_bn": REASON_BN,
        "fixabilities": [x for x in FIXABILITY if x in fixes] or list(FIXABILITY), "fixability_bn": FIXABILITY_BN,
        "n_errors": n_errors, "first": groups[0]["index"] if groups else None,
        "trend": chart, "runs": bool(runs), "base": base, "mode_bn": MODE_BN, "run_status_bn": RUN_STATUS_BN,
    }
    css = LINT_CSS % {"fonts": FONTS, "mono": MONO}
    return render_template("lint.html.j2", title="relbot lint report", csp=csp_content(LINT_JS, css),
                           css=css, js=LINT_JS, **values)
