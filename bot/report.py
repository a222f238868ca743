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
