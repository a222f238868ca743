"""Self-contained HTML pages: the review page of a bundle (``bot/reviewpage.py``) and the lint report.

Both pages load nothing: no external script, style, font or image; Bengali renders with a
system font. Every value from a bundle or a report is data (wikitext may hold ``<script>``),
so the whole page is rendered here with :func:`html.escape` on every value, and the page's
script only reads the DOM (``textContent``, ``dataset``) and a JSON block embedded with
``<``, ``>``, ``&``, U+2028 and U+2029 escaped (``</script>`` cannot end it early). It never
writes markup (no ``innerHTML``). The Content-Security-Policy allows exactly the page's own
inline script and style, by their SHA-256 hashes: nothing else can load or run, not even an
inline event handler.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape

SEVERITIES = ("error", "warning", "style")
SEVERITY_BN = {"error": "ত্রুটি", "warning": "সতর্কতা", "style": "শৈলী"}
APPLICABILITY_BN = {"safe": "নিরাপদ", "unsafe": "অনিরাপদ"}
STATUS_BN = {"checked": "পরীক্ষিত", "skipped": "বাদ"}
REASON_BN = {"redirect": "পুনর্নির্দেশ", "not-bilateral": "দ্বিপাক্ষিক সম্পর্ক নয়", "empty": "খালি",
             "too-large": "অতি বড়", "unparseable": "পার্স করা যায় না"}
CONTEXT_CHARS = 90  # context kept either side of a finding on a long line

FONTS = ('"Noto Sans Bengali", "Noto Serif Bengali", "Lohit Bengali", "Mukti", "Mukti Narrow", '
         '"Vrinda", "Nirmala UI", "Kohinoor Bangla", "Bangla Sangam MN", sans-serif')
MONO = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace, ' + FONTS


def esc(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def json_script(element_id: str, data) -> str:
    """``data`` as a JSON block that no string inside it can end or turn into markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _page(title: str, body: str, css: str, js: str, data_blocks: str = "") -> str:
    csp = (f"default-src 'none'; script-src {_hash(js)}; style-src {_hash(css)}; img-src 'none'; "
           "font-src 'none'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n"
            '<html lang="bn">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n"
            f"{data_blocks}\n<script>{js}</script>\n</body>\n</html>\n")


def _en(text: str) -> str:
    return f'<span class="en" lang="en">{esc(text)}</span>'


def _sev(severity: str) -> str:
    return (f'<span class="sev sev-{esc(severity)}" title="{esc(severity)}">'
            f'{esc(SEVERITY_BN.get(severity, severity))}</span>')


def _th(bn: str, en: str, kind: str = "text") -> str:
    return f'<th scope="col" data-type="{kind}" tabindex="0">{esc(bn)} {_en(en)}</th>'


# -- shared style and script -------------------------------------------------------------------

BASE_CSS = """
:root{color-scheme:light;--err:#b3261e;--warn:#8a5a00;--style:#3d5a80;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{font-family:%(fonts)s;font-size:16px;line-height:1.6;margin:0 auto;max-width:1200px;padding:1rem 1.5rem;
 color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin:1.4rem 0 .5rem}h3{font-size:1.05rem;margin:.8rem 0 .3rem}
code,.mono{font-family:%(mono)s;font-size:.9em}
.en{color:var(--muted);font-size:.85em}
.meta{color:var(--muted)}
[hidden]{display:none !important}
table{border-collapse:collapse;width:100%%;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}
th[data-type]{cursor:pointer;user-select:none}
th[data-type]:focus{outline:2px solid #0969da}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{font-weight:600;white-space:nowrap}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-style{color:var(--style)}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.85rem;border:1px solid var(--line)}
.badge.safe{background:#dafbe1}.badge.unsafe{background:#ffebe9}.badge.cosmetic{background:#fff8c5}
mark{background:#ffe08a;border-radius:2px}
mark.caret{background:none;border-left:2px solid var(--err);margin:0 1px}
"""

SORT_JS = """
function relbotSortable(table){
  var collator = new Intl.Collator(["bn","en"], {numeric:true, sensitivity:"base"});
  var heads = table.tHead ? table.tHead.rows[0].cells : [];
  Array.prototype.forEach.call(heads, function(th, index){
    if(!th.dataset.type) return;
    function sort(){
      var body = table.tBodies[0];
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(heads, function(other){ other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      function key(row){
        var cell = row.cells[index];
        if(!cell) return "";
        return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
      }
      rows.sort(function(a, b){
        var x = key(a), y = key(b), r;
        if(th.dataset.type === "num"){ r = (parseFloat(x) || 0) - (parseFloat(y) || 0); }
        else { r = collator.compare(x, y); }
        return r * dir;
      });
      rows.forEach(function(row){ body.appendChild(row); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function(ev){ if(ev.key === "Enter" || ev.key === " "){ ev.preventDefault(); sort(); } });
  });
}
document.querySelectorAll("table.sortable").forEach(relbotSortable);
"""


# -- shared by the pages ------------------------------------------------------------------------


def _findings_table(findings: list[dict], page: str | None = None, context=None) -> str:
    head = [_th("কোড", "code"), _th("তীব্রতা", "severity"), _th("অবস্থান", "line:col", "num"),
            _th("বার্তা", "message")]
    if page is not None:
        head.insert(0, _th("নিবন্ধ", "page"))
    if context is not None:
        head.append(_th("প্রসঙ্গ", "context"))
    rows = []
    for f in findings:
        msg = f.get("message") or {}
        fix = f.get("fix")
        fix_html = ""
        if fix:
            fix_html = (f' <span class="badge {esc(fix.get("applicability"))}" title="{esc(fix.get("description"))}">'
                        f'সংশোধন: {esc(APPLICABILITY_BN.get(fix.get("applicability"), fix.get("applicability")))}</span>')
        cells = [f'<td><code>{esc(f["code"])}</code></td>',
                 f'<td data-sort="{SEVERITIES.index(f["severity"]) if f["severity"] in SEVERITIES else 9}">'
                 f'{_sev(f["severity"])}</td>',
                 f'<td class="num mono" data-sort="{int(f["line"]) * 1_000_000 + int(f["column"])}">'
                 f'{esc(f["line"])}:{esc(f["column"])}</td>',
                 f'<td><span class="bn" title="{esc(msg.get("en"))}">{esc(msg.get("bn"))}</span><br>'
                 f'{_en(msg.get("en", ""))}{fix_html}</td>']
        if page is not None:
            cells.insert(0, f"<td>{page(f)}</td>")
        if context is not None:
            cells.append(f'<td class="context">{context(f)}</td>')
        rows.append(f'<tr class="finding" data-code="{esc(f["code"])}" data-severity="{esc(f["severity"])}">'
                    + "".join(cells) + "</tr>")
    return ('<table class="findings sortable">\n<thead><tr>' + "".join(head) + "</tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody>\n</table>")


# -- the lint report ---------------------------------------------------------------------------

REPORT_CSS = BASE_CSS + """
dl.totals{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}
dl.totals dt{color:var(--muted)}dl.totals dd{margin:0}
td.bar{width:40%%}
svg.bar{display:block;width:100%%;height:1rem}
svg.bar rect.error{fill:#cf222e}svg.bar rect.warning{fill:#bf8700}svg.bar rect.style{fill:#3d5a80}
td.context{font-family:%(fonts)s;white-space:pre-wrap;overflow-wrap:anywhere;max-width:32rem;font-size:.9rem;background:#f6f8fa}
.skipped td{color:var(--muted)}
"""

REPORT_JS = SORT_JS


def _context(text: str | None, f: dict) -> str:
    if text is None:
        return ""
    lines = text.split("\n")
    if not 1 <= f["line"] <= len(lines):
        return ""
    line = lines[f["line"] - 1].removesuffix("\r")
    start = min(max(f["column"] - 1, 0), len(line))
    end = f["end_column"] - 1 if f.get("end_line") == f["line"] else len(line)
    end = min(max(end, start), len(line))
    lo, hi = 0, len(line)
    if len(line) > 2 * CONTEXT_CHARS + 40:
        lo = max(0, start - CONTEXT_CHARS)
        hi = min(len(line), max(end, start) + CONTEXT_CHARS)
        if end - start > 2 * CONTEXT_CHARS:  # a long highlight: keep its ends
            hi = min(len(line), start + 2 * CONTEXT_CHARS)
            end = hi
    mid = (f'<mark title="{esc(f["line"])}:{esc(f["column"])}">{esc(line[start:end])}</mark>' if end > start
           else f'<mark class="caret" title="{esc(f["line"])}:{esc(f["column"])}"></mark>')
    return (("…" if lo > 0 else "") + esc(line[lo:start]) + mid + esc(line[end:hi]) + ("…" if hi < len(line) else ""))


def _basename(source) -> str:
    text = str(source or "")
    parts = text.replace("\\", "/").rstrip("/").split("/")
    return "/".join(parts[-2:])


def _default_rule_names() -> dict[str, str]:
    try:
        from .profile import load_profile

        return dict(load_profile("bn").data.get("rule_names") or {})
    except Exception:  # the page still renders without names
        return {}


def render_lint_report(report: dict, sources: dict[str, str] | None = None, *,
                       rule_names: dict[str, str] | None = None) -> str:
    """The lint report (``schemas/report.schema.json``) as a page; ``sources`` maps each page's
    ``source`` to its text, for the context lines."""
    sources = sources or {}
    names = _default_rule_names() if rule_names is None else rule_names
    pages = report.get("pages") or []
    summ = report.get("summary") or {}
    by_code = Counter(summ.get("by_code") or {})
    if not by_code:
        by_code = Counter(f["code"] for p in pages for f in p.get("findings") or [])
    code_sev: dict[str, str] = {}
    for p in pages:
        for f in p.get("findings") or []:
            code_sev.setdefault(f["code"], f["severity"])
    top = max(by_code.values(), default=0)
    bar_rows = []
    for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        sev = code_sev.get(code, "")
        width = 100 * n / top if top else 0
        bar_rows.append(
            f'<tr><td><code>{esc(code)}</code></td><td>{esc(names.get(code, ""))}</td>'
            f'<td data-sort="{SEVERITIES.index(sev) if sev in SEVERITIES else 9}">{_sev(sev) if sev else ""}</td>'
            f'<td class="num">{n}</td>'
            f'<td class="bar" data-sort="{n}"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
            f'role="img" aria-label="{esc(code)}: {n}"><title>{esc(code)}: {n}</title>'
            f'<rect class="{esc(sev)}" x="0" y="1" height="8" width="{width:.2f}"></rect></svg></td></tr>')
    page_rows = []
    for i, p in enumerate(pages):
        counts = Counter(f["severity"] for f in p.get("findings") or [])
        if p.get("status") == "checked":
            status = f'{esc(STATUS_BN["checked"])} {_en("checked")}'
            status_key = "0"
        else:
            reason = p.get("reason", "")
            status = (f'{esc(STATUS_BN.get("skipped"))}: {esc(REASON_BN.get(reason, reason))} {_en(reason)}'
                      + (f'<br>{_en(p["detail"])}' if p.get("detail") else ""))
            status_key = f"1 {reason}"
        anchor = f' <a href="#page-{i}">→</a>' if p.get("findings") else ""
        page_rows.append(
            f'<tr class="{esc(p.get("status"))}"><td>{esc(p.get("title"))}{anchor}</td>'
            f'<td class="mono">{esc(p.get("source"))}</td><td data-sort="{esc(status_key)}">{status}</td>'
            + "".join(f'<td class="num">{counts.get(s, 0)}</td>' for s in SEVERITIES)
            + f'<td class="num">{len(p.get("findings") or [])}</td></tr>')
    findings, page_of = [], {}
    for i, p in enumerate(pages):
        for f in p.get("findings") or []:
            findings.append(f)
            page_of[id(f)] = (i, p)

    first_seen: set[int] = set()

    def page_cell(f):
        i, p = page_of[id(f)]
        anchor = ""
        if i not in first_seen:
            first_seen.add(i)
            anchor = f' id="page-{i}"'
        return (f'<span{anchor}>{esc(p.get("title"))}</span><br>'
                f'<span class="en mono" title="{esc(p.get("source"))}">{esc(_basename(p.get("source")))}</span>')

    def context_cell(f):
        _, p = page_of[id(f)]
        text = sources.get(p.get("source"))
        return _context(text.removeprefix("\ufeff") if text is not None else None, f)

    sev = summ.get("by_severity") or {}
    skipped = summ.get("skipped") or {}
    skipped_html = ", ".join(f"{esc(REASON_BN.get(k, k))} {_en(k)} {esc(v)}" for k, v in skipped.items()) or "—"
    errors = summ.get("input_errors") or []
    errors_html = ("<h2>ইনপুট ত্রুটি <span class=\"en\" lang=\"en\">input errors</span></h2><ul class=\"input-errors\">"
                   + "".join(f"<li class=\"mono\">{esc(e)}</li>" for e in errors) + "</ul>") if errors else ""
    body = f"""<header>
<h1>দ্বিপাক্ষিক সম্পর্ক নিবন্ধের লিন্ট প্রতিবেদন <span class="en" lang="en">relbot lint report</span></h1>
<dl class="totals">
<dt>পাতা <span class="en" lang="en">pages</span></dt><dd id="total-pages">{esc(summ.get("pages", len(pages)))}</dd>
<dt>পরীক্ষিত <span class="en" lang="en">checked</span></dt><dd>{esc(summ.get("checked", ""))}</dd>
<dt>বাদ <span class="en" lang="en">skipped</span></dt><dd>{skipped_html}</dd>
<dt>সমস্যা <span class="en" lang="en">findings</span></dt><dd id="total-findings">{esc(summ.get("findings", len(findings)))}:
{" · ".join(f"{_sev(s)} {esc(sev.get(s, 0))}" for s in SEVERITIES)}</dd>
</dl>
</header>
{errors_html}
<section id="by-rule">
<h2>নিয়ম অনুযায়ী সংখ্যা <span class="en" lang="en">findings per rule</span></h2>
<table class="sortable" id="rules-table">
<thead><tr>{_th("কোড", "code")}{_th("নাম", "name")}{_th("তীব্রতা", "severity")}{_th("সংখ্যা", "count", "num")}{_th("লেখচিত্র", "chart", "num")}</tr></thead>
<tbody>
{chr(10).join(bar_rows)}
</tbody>
</table>
</section>
<section id="by-page">
<h2>পাতা অনুযায়ী <span class="en" lang="en">per page</span></h2>
<table class="sortable" id="pages-table">
<thead><tr>{_th("নিবন্ধ", "page")}{_th("ফাইল", "source")}{_th("অবস্থা", "status")}{_th("ত্রুটি", "errors", "num")}{_th("সতর্কতা", "warnings", "num")}{_th("শৈলী", "style", "num")}{_th("মোট", "total", "num")}</tr></thead>
<tbody>
{chr(10).join(page_rows)}
</tbody>
</table>
</section>
<section id="findings">
<h2>সমস্যাসমূহ <span class="en" lang="en">findings</span> ({len(findings)})</h2>
{_findings_table(findings, page=page_cell, context=context_cell)}
</section>"""
    css = REPORT_CSS % {"fonts": FONTS, "mono": MONO}
    return _page("relbot lint report", body, css, REPORT_JS)
