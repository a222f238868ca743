"""Lint reports: the JSON document (``schemas/report.schema.json``) and the text lines."""

from __future__ import annotations

from collections import Counter

from .article import Article, build
from .tree import paused_call
from .validate import Finding, validate_split


def page_entry(art: Article, source: str, findings: list[Finding], suppressed=()) -> dict:
    """``suppressed``: findings the exceptions page lists, reported apart (key absent when none)."""
    same: dict = {}
    entry = {"title": art.title, "source": source, "status": art.status,
             "findings": [f.to_json(art, same) for f in findings]}
    if suppressed:
        entry["suppressed"] = [f.to_json(art, same) for f in suppressed]
    if art.status != "checked":
        entry["reason"] = art.reason
        if art.detail:
            entry["detail"] = art.detail
    return entry


def lint_entry(text: str, title: str, source: str, profile, gazetteer, select=None, ignore=None,
               exceptions=None) -> dict:
    """One page linted into its report entry, the cycle collector paused meanwhile (tree.paused_call);
    ``exceptions``: the page's entries of the exceptions page (bot/exceptions.py)."""
    return paused_call(_lint_entry, text, title, source, profile, gazetteer, select, ignore, exceptions)


def _lint_entry(text, title, source, profile, gazetteer, select, ignore, exceptions) -> dict:
    art = build(text, title, profile, gazetteer)
    return page_entry(art, source, *validate_split(art, select, ignore, exceptions))


class Tally:
    """The report summary, counted page by page (a dump's report is written as it streams)."""

    def __init__(self):
        self.pages = self.checked = self.suppressed = 0
        self.by_code, self.by_sev, self.skipped = Counter(), Counter(), Counter()

    def add(self, page: dict) -> None:
        self.pages += 1
        if page["status"] == "checked":
            self.checked += 1
        else:
            self.skipped[page["reason"]] += 1
        self.suppressed += len(page.get("suppressed", ()))
        for f in page["findings"]:
            self.by_code[f["code"]] += 1
            self.by_sev[f["severity"]] += 1

    def summary(self, errors: list[str]) -> dict:
        return {"pages": self.pages, "checked": self.checked, "skipped": dict(sorted(self.skipped.items())),
                "findings": sum(self.by_code.values()),
                "by_severity": {s: self.by_sev.get(s, 0) for s in ("error", "warning", "style")},
                "by_code": dict(sorted(self.by_code.items())), "suppressed": self.suppressed,
                "input_errors": errors}


def summary(pages: list[dict], errors: list[str]) -> dict:
    tally = Tally()
    for page in pages:
        tally.add(page)
    return tally.summary(errors)


def text_lines(pages, lang: str = "en"):
    for page in pages:
        if page["status"] != "checked":
            detail = f" ({page['detail']})" if page.get("detail") else ""
            yield f"{page['source']}: skipped: {page['reason']}{detail}"
            continue
        for f in page["findings"]:
            yield f"{page['source']}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message'][lang]}"
        for f in page.get("suppressed", ()):
            yield (f"{page['source']}:{f['line']}:{f['column']}: {f['code']} suppressed "
                   f"(exceptions page line {f['exception']['line']}) {f['message'][lang]}")


def summary_line(s: dict) -> str:
    sev = s["by_severity"]
    skipped = ", ".join(f"{k} {v}" for k, v in s["skipped"].items()) or "none"
    return (f"{s['pages']} pages ({s['checked']} checked, skipped: {skipped}); {s['findings']} findings: "
            f"{sev['error']} error, {sev['warning']} warning, {sev['style']} style"
            + (f"; {s['suppressed']} suppressed" if s.get("suppressed") else ""))


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
