"""Lint reports: the JSON document (``schemas/report.schema.json``) and the text lines."""

from __future__ import annotations

from collections import Counter

from .article import Article
from .validate import Finding


def page_entry(art: Article, source: str, findings: list[Finding]) -> dict:
    entry = {"title": art.title, "source": source, "status": art.status,
             "findings": [f.to_json(art) for f in findings]}
    if art.status != "checked":
        entry["reason"] = art.reason
        if art.detail:
            entry["detail"] = art.detail
    return entry


def summary(pages: list[dict], errors: list[str]) -> dict:
    by_code, by_sev, skipped = Counter(), Counter(), Counter()
    for page in pages:
        if page["status"] != "checked":
            skipped[page["reason"]] += 1
        for f in page["findings"]:
            by_code[f["code"]] += 1
            by_sev[f["severity"]] += 1
    return {"pages": len(pages), "checked": sum(p["status"] == "checked" for p in pages),
            "skipped": dict(sorted(skipped.items())), "findings": sum(by_code.values()),
            "by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "style")},
            "by_code": dict(sorted(by_code.items())), "input_errors": errors}


def text_lines(pages: list[dict], lang: str = "en"):
    for page in pages:
        if page["status"] != "checked":
            detail = f" ({page['detail']})" if page.get("detail") else ""
            yield f"{page['source']}: skipped: {page['reason']}{detail}"
            continue
        for f in page["findings"]:
            yield f"{page['source']}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message'][lang]}"


def summary_line(s: dict) -> str:
    sev = s["by_severity"]
    skipped = ", ".join(f"{k} {v}" for k, v in s["skipped"].items()) or "none"
    return (f"{s['pages']} pages ({s['checked']} checked, skipped: {skipped}); {s['findings']} findings: "
            f"{sev['error']} error, {sev['warning']} warning, {sev['style']} style")


def wikitext(pages: list[dict], profile, when: str) -> str:
    """The on-wiki report: a sortable table of pages and findings, totals per rule, the run time."""
    spec, names = profile.data["report"], profile.data["rule_names"]
    from .rules import all_rules

    rules = all_rules()
    lines = [f"== {spec['heading']} ==", spec["time_line"].format(time=when), "",
             '{| class="wikitable sortable"', "! " + " !! ".join(spec["columns"])]
    totals = Counter()
    for page in sorted(pages, key=lambda p: p["title"]):
        sev = Counter(f["severity"] for f in page["findings"])
        codes = Counter(f["code"] for f in page["findings"])
        totals.update(codes)
        status = spec["statuses"][page["status"]] + (f" ({page['reason']})" if page.get("reason") else "")
        rule_cells = ", ".join(f"{c} {names.get(c, c)} ×{n}" for c, n in sorted(codes.items()))
        lines += ["|-", f"| [[{page['title']}]] || {status} || {sev['error']} || {sev['warning']} || "
                        f"{sev['style']} || {rule_cells}"]
    lines += ["|}", "", f"=== {spec['totals_heading']} ===", '{| class="wikitable sortable"',
              "! " + " !! ".join(spec["totals_columns"])]
    for code, n in sorted(totals.items()):
        severity = rules[code].severity if code in rules else ""
        lines += ["|-", f"| {code} || {names.get(code, code)} || {spec['severities'].get(severity, severity)} || {n}"]
    lines.append("|}")
    return "\n".join(lines) + "\n"


def without_time(text: str, profile) -> str:
    """The report without its time line, to tell whether anything else changed."""
    prefix = profile.data["report"]["time_line"].split("{time}")[0]
    return "\n".join(line for line in text.splitlines() if not (prefix and line.startswith(prefix))).strip()
