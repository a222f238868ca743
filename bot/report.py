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
               exceptions=None, english=None) -> dict:
    """One page linted into its report entry, the cycle collector paused meanwhile (tree.paused_call);
    ``exceptions``: the page's entries of the exceptions page (bot/exceptions.py); ``english``: the
    English pages to cross-check against (bot.counterpart.EnglishPages; ``lint --against``)."""
    return paused_call(_lint_entry, text, title, source, profile, gazetteer, select, ignore, exceptions, english)


def _lint_entry(text, title, source, profile, gazetteer, select, ignore, exceptions, english=None) -> dict:
    art = build(text, title, profile, gazetteer)
    art.english = english
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


def digits(text: str, profile) -> str:
    """Every ASCII digit of ``text`` in the wiki's own digits (Bengali output writes ১২, not 12)."""
    return text.translate({ord(str(i)): d for i, d in enumerate(profile.text["digits"])})


def nowiki(text: str) -> str:
    """Text shown as it is, on one line: no wiki markup, no HTML (entities still decode in nowiki)."""
    flat = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return f"<nowiki>{flat}</nowiki>" if flat else ""


def finding_keys(pages: list[dict]) -> list[str]:
    """What "the same finding" is from one report to the next: page, code and message (lines move
    when a page is edited above a finding)."""
    return sorted(f"{p['title']}\t{f['code']}\t{f['message']['en']}" for p in pages for f in p["findings"])


def changes(pages: list[dict], previous: list[str]) -> tuple[int, int]:
    """(new, fixed) findings since ``previous`` (``finding_keys`` of the last report), as multisets."""
    now, before = Counter(finding_keys(pages)), Counter(previous)
    return sum((now - before).values()), sum((before - now).values())


def _links(title: str, spec: dict) -> str:
    words = spec["links"]
    return (f"<small>([{{{{fullurl:{title}|action=edit}}}} {words['edit']}] · "
            f"[{{{{fullurl:{title}|action=history}}}} {words['history']}])</small>")


def wikitext(pages: list[dict], profile, when: str, previous: dict | None = None,
             rules_page: str | None = None, held: list[dict] | None = None) -> str:
    """The on-wiki report: a sortable table of pages (with edit and history links), totals per rule,
    every article's findings (line, rule, message; a collapsed table each), the skipped pages with
    their reasons, and the run time with new / fixed findings since ``previous`` (``{"when",
    "findings"}`` of the last published report; None: not known). ``rules_page``: rule codes link
    to their sections there. ``held``: the pages the wiki refused the bot's fix for (the state's
    held standings with an obstacle), listed for a person to act on. Numbers in the wiki's digits;
    codes stay Latin."""
    spec, names = profile.data["report"], profile.data["rule_names"]
    from .rules import all_rules
    from .ruledocs import anchor

    rules = all_rules()
    num = profile.number

    def code_link(code: str) -> str:
        return f"[[{rules_page}#{anchor(code)}|{code}]]" if rules_page else code

    time_line = digits(spec["time_line"].format(time=when), profile)
    if previous is None:
        time_line += spec["time_line_first"]
    else:
        new, fixed = changes(pages, previous["findings"])
        time_line += spec["time_line_changes"].format(time=digits(previous["when"], profile), new=num(new),
                                                       fixed=num(fixed))
    lines = [f"== {spec['heading']} ==", time_line, "",
             '{| class="wikitable sortable"', "! " + " !! ".join(spec["columns"])]
    totals = Counter()
    ordered = sorted(pages, key=lambda p: p["title"])
    for page in ordered:
        sev = Counter(f["severity"] for f in page["findings"])
        codes = Counter(f["code"] for f in page["findings"])
        totals.update(codes)
        status = spec["statuses"][page["status"]] + (
            f" ({spec['reasons'].get(page['reason'], page['reason'])})" if page.get("reason") else "")
        if page.get("block"):  # checked, but the bot may not fix it: a person has to
            status += f" · {_blocked(page['block'], spec)}"
        rule_cells = ", ".join(f"{code_link(c)} {names.get(c, c)} ×{num(n)}" for c, n in sorted(codes.items()))
        lines += ["|-", f"| [[{page['title']}]] {_links(page['title'], spec)} || {status} || {num(sev['error'])} || "
                        f"{num(sev['warning'])} || {num(sev['style'])} || {rule_cells}"]
    lines += ["|}", "", f"=== {spec['totals_heading']} ===", '{| class="wikitable sortable"',
              "! " + " !! ".join(spec["totals_columns"])]
    for code, n in sorted(totals.items()):
        severity = rules[code].severity if code in rules else ""
        lines += ["|-", f"| {code_link(code)} || {names.get(code, code)} || "
                        f"{spec['severities'].get(severity, severity)} || {num(n)}"]
    lines.append("|}")
    listed = [p for p in ordered if p["findings"] or p.get("suppressed")]
    skipped = [p for p in ordered if p["status"] != "checked"]
    tail = _held_lines(held, spec["held"], num) if held else []
    if skipped:
        tail += ["", f"=== {spec['skipped_heading']} ==="]
        tail += [f"* [[{p['title']}]] — {spec['reasons'].get(p['reason'], p['reason'])}" for p in skipped]
    budget = spec["max_bytes"] - len("\n".join(lines + tail).encode("utf-8")) - 1000  # the note and heading
    tables = []
    before = Counter(previous["findings"]) if previous is not None else None
    for page in listed:
        table = _page_table(page, spec, names, num, code_link, profile.lang, before)
        budget -= len(table.encode("utf-8")) + 1
        if budget < 0:
            break
        tables.append(table)
    if listed:
        lines += ["", f"=== {spec['pages_heading']} ===", *tables]
        if len(tables) < len(listed):
            lines.append(spec["truncated"].format(n=num(len(listed) - len(tables))))
    return "\n".join(lines + tail) + "\n"


#: Where the words of a held page's reason start after its cause (bot/wiki/save.py's reasons).
_CAUSE_WORDS = {"protected": "protected", "abusefilter": "AbuseFilter", "spam-blacklist": "spam blacklist:",
                "title-blacklist": "title blacklist:", "captcha": "CAPTCHA:"}


def _held_lines(held: list[dict], words: dict, num) -> list[str]:
    """Each page the wiki refused the bot's fix for: the cause in the wiki's words, the wiki's own
    detail (a filter's description, the matching entry) as text, and the run it was first held in."""
    out = ["", f"=== {words['heading']} ===", words["intro"]]
    for h in sorted(held, key=lambda h: h["title"]):
        cause = h["obstacle"]["cause"]
        detail = h["reason"]
        if cause != "captcha" and detail.startswith(_CAUSE_WORDS[cause]):
            detail = detail[len(_CAUSE_WORDS[cause]):].lstrip(" :")
            if cause == "protected":  # "protected (edit=sysop)"
                detail = detail.removeprefix("(").removesuffix(")")
        said = words["causes"][cause] + (f": {nowiki(detail)}" if detail and cause != "captcha" else "")
        out.append(f"* [[{h['title']}]] — {said} ({words['since'].format(run=num(h['run_id']))})")
    return out


def _blocked(block: str, spec: dict) -> str:
    """Why the bot may not edit a page, in the wiki's words (templates shown, not transcluded)."""
    words = spec["blocked"]
    for english, said in sorted(words["reasons"].items(), key=lambda kv: -len(kv[0])):
        if block.startswith(english):
            block = said + block[len(english):]
            break
    return f"{words['label']}: {nowiki(block)}"


def _page_table(page: dict, spec: dict, names: dict, num, code_link, lang: str, before: Counter | None = None) -> str:
    """One article's findings as a collapsed table: line, linked code and name, severity, message.
    A finding the last published report did not have (``before``: its ``finding_keys`` as a
    multiset; None: no report known) says so; findings of one code on one line show their column."""
    rows = sorted([(f, None) for f in page["findings"]] + [(f, f["exception"]) for f in page.get("suppressed", ())],
                  key=lambda r: (r[0]["line"], r[0]["column"], r[0]["code"]))
    shared = Counter((f["line"], f["code"]) for f, _ in rows)
    left = before  # consumed as rows match: a finding twice now and once before is new once
    lines = ['{| class="wikitable mw-collapsible mw-collapsed" style="width:100%"',
             f'! colspan="4" style="text-align:left" | [[{page["title"]}]] — '
             f'{spec["page_findings"].format(n=num(len(page["findings"])))} {_links(page["title"], spec)}',
             "|-", "! " + " !! ".join(spec["finding_columns"])]
    title = page["title"]
    for f, exc in rows:
        what = spec["severities"].get(f["severity"], f["severity"]) if exc is None else \
            spec["suppressed"].format(line=num(exc["line"]))
        if exc is None and left is not None:
            key = f"{title}\t{f['code']}\t{f['message']['en']}"
            if left[key] > 0:
                left[key] -= 1  # in the last report too
            else:
                what += f" · '''{spec['new_finding']}'''"
        line = num(f["line"]) if shared[(f["line"], f["code"])] < 2 else num(f"{f['line']}:{f['column']}")
        if f.get("section") is not None:  # the line number opens the editor at the finding's section
            line = f"[{{{{fullurl:{title}|action=edit&section={f['section']}}}}} {line}]"
        lines += ["|-", f"| {line} || {code_link(f['code'])} {names.get(f['code'], '')} || {what} || "
                        f"{nowiki(f['message'].get(lang, f['message']['en']))}"]
    lines.append("|}")
    return "\n".join(lines)


def without_time(text: str, profile) -> str:
    """The report without its time line and its "new" marks (both say what changed since the last
    published report), to tell whether anything else changed."""
    spec = profile.data["report"]
    prefix = spec["time_line"].split("{time}")[0]
    mark = f" · '''{spec['new_finding']}'''"
    return "\n".join(line.replace(mark, "") for line in text.splitlines()
                     if not (prefix and line.startswith(prefix))).strip()
