"""Self-contained HTML pages: the review page of a bundle and the lint report.

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
from functools import lru_cache
from html import escape

SEVERITIES = ("error", "warning", "style")
SEVERITY_BN = {"error": "ত্রুটি", "warning": "সতর্কতা", "style": "শৈলী"}
APPLICABILITY_BN = {"safe": "নিরাপদ", "unsafe": "অনিরাপদ"}
STATUS_BN = {"checked": "পরীক্ষিত", "skipped": "বাদ"}
REASON_BN = {"redirect": "পুনর্নির্দেশ", "not-bilateral": "দ্বিপাক্ষিক সম্পর্ক নয়", "empty": "খালি",
             "too-large": "অতি বড়", "unparseable": "পার্স করা যায় না"}

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


def csp_content(js: str, css: str) -> str:
    """The Content-Security-Policy of a page: its one inline script and style, by hash; nothing else."""
    return (f"default-src 'none'; script-src {_hash(js)}; style-src {_hash(css)}; img-src 'none'; "
            "font-src 'none'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=1)
def _templates():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("bot", "templates"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_template(name: str, *, css: str, js: str, **values) -> str:
    """A page from ``bot/templates/<name>``, autoescaped. The style and script go in verbatim
    (``Markup``): they are this module's constants, hashed into the page's CSP."""
    from markupsafe import Markup

    return _templates().get_template(name).render(css=Markup(css), js=Markup(js), **values)


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


# -- the review page ---------------------------------------------------------------------------

REVIEW_CSS = BASE_CSS + """
#controls{padding:.4rem 0 0}
#toolbar{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:.3rem 0;margin-bottom:.6rem}
#controls fieldset{display:inline-block;vertical-align:top;border:1px solid var(--line);border-radius:6px;margin:.2rem .4rem .2rem 0;padding:.2rem .6rem}
#controls legend{font-size:.9rem;color:var(--muted)}
#controls label{margin-right:.6rem;white-space:nowrap}
button{font:inherit;font-size:.9rem;padding:.15rem .7rem;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa;cursor:pointer}
button.approve[aria-pressed=true]{background:#1a7f37;color:#fff;border-color:#1a7f37}
button.reject[aria-pressed=true]{background:#cf222e;color:#fff;border-color:#cf222e}
button#export{background:#0969da;color:#fff;border-color:#0969da}
article.entry{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:.4rem 1rem .8rem;margin:1rem 0}
article.entry.approved{border-left-color:#1a7f37}article.entry.rejected{border-left-color:#cf222e;opacity:.75}
article.entry h2{margin:.3rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.decision{margin:.5rem 0}.decision output{margin-left:.6rem;font-weight:600}
table.diff{font-size:.95rem}
table.diff td{border:none;border-bottom:1px solid #f0f0f0;padding:.05rem .4rem}
table.diff td.ln{font-family:%(mono)s;color:var(--muted);text-align:right;width:3.5em;user-select:none;font-size:.8rem}
table.diff td.op{font-family:%(mono)s;width:1.2em;user-select:none;color:var(--muted)}
table.diff td.text{white-space:pre-wrap;overflow-wrap:anywhere;word-break:normal}
table.diff td.text:empty::after{content:"\\200b"}
table.diff tr.hunk td{background:#ddf4ff;color:var(--muted);font-family:%(mono)s;font-size:.8rem}
table.diff tr.del td.text{background:#ffebe9}table.diff tr.add td.text{background:#e6ffec}
table.diff tr.chg td.text{background:#fffbe6}
del{background:#ffc1bf;text-decoration:line-through;text-decoration-color:#a40e26}
ins{background:#a6f0b5;text-decoration:none}
del,ins{border-radius:2px;padding:0 2px}
del{box-shadow:inset 0 0 0 1px #cf222e99}ins{box-shadow:inset 0 0 0 1px #1a7f3799}
pre.unified{white-space:pre-wrap;overflow-wrap:anywhere;font-family:%(mono)s;font-size:.85rem;background:#f6f8fa;padding:.5rem}
#export-preview{white-space:pre-wrap;font-family:%(mono)s;font-size:.8rem;background:#f6f8fa;padding:.4rem;max-height:12rem;overflow:auto}
"""

REVIEW_JS = SORT_JS + """
(function(){
  "use strict";
  var data = JSON.parse(document.getElementById("relbot-review").textContent);
  var decisions = new Map();
  var entries = Array.prototype.slice.call(document.querySelectorAll("article.entry"));
  var labels = {approved: "অনুমোদিত (approved)", rejected: "প্রত্যাখ্যাত (rejected)"};
  function checked(name){
    var set = new Set();
    document.querySelectorAll('input[name="' + name + '"]:checked').forEach(function(i){ set.add(i.value); });
    return set;
  }
  function words(el, attr){ return (el.dataset[attr] || "").split(" ").filter(Boolean); }
  function filter(){
    var codes = checked("code"), sevs = checked("severity"), apps = checked("applicability");
    var decision = document.getElementById("filter-decision").value, shown = 0;
    entries.forEach(function(el){
      var state = decisions.get(el.dataset.id) || "undecided";
      var ok = words(el, "codes").some(function(c){ return codes.has(c); })
        && words(el, "severities").some(function(s){ return sevs.has(s); })
        && apps.has(el.dataset.applicability)
        && (decision === "all" || decision === state);
      el.hidden = !ok;
      if(ok) shown++;
    });
    document.getElementById("count-shown").textContent = String(shown);
  }
  function counts(){
    var a = 0, r = 0;
    decisions.forEach(function(v){ if(v === "approved") a++; else if(v === "rejected") r++; });
    document.getElementById("count-approved").textContent = String(a);
    document.getElementById("count-rejected").textContent = String(r);
  }
  function show(el){
    var state = decisions.get(el.dataset.id);
    el.classList.toggle("approved", state === "approved");
    el.classList.toggle("rejected", state === "rejected");
    el.querySelector("button.approve").setAttribute("aria-pressed", String(state === "approved"));
    el.querySelector("button.reject").setAttribute("aria-pressed", String(state === "rejected"));
    el.querySelector(".decision output").textContent = state ? labels[state] : "";
  }
  function decide(el, state, toggle){
    var id = el.dataset.id;
    if(toggle && decisions.get(id) === state) decisions.delete(id); else decisions.set(id, state);
    show(el);
  }
  entries.forEach(function(el){
    el.querySelector("button.approve").addEventListener("click", function(){ decide(el, "approved", true); counts(); filter(); });
    el.querySelector("button.reject").addEventListener("click", function(){ decide(el, "rejected", true); counts(); filter(); });
  });
  function all(state){
    entries.forEach(function(el){ if(!el.hidden) decide(el, state, false); });
    counts(); filter();
  }
  document.getElementById("approve-shown").addEventListener("click", function(){ all("approved"); });
  document.getElementById("reject-shown").addEventListener("click", function(){ all("rejected"); });
  document.getElementById("clear-decisions").addEventListener("click", function(){
    decisions.clear(); entries.forEach(show); counts(); filter();
  });
  document.querySelectorAll("#controls input, #controls select").forEach(function(input){
    input.addEventListener("change", filter);
  });
  document.querySelectorAll("button[data-check]").forEach(function(btn){
    btn.addEventListener("click", function(){
      var on = btn.dataset.check === "all";
      document.querySelectorAll('input[name="' + btn.dataset.group + '"]').forEach(function(i){ i.checked = on; });
      filter();
    });
  });
  function approvals(){
    var doc = {relbot_approvals: 1, bundle: data.bundle, approved: [], rejected: []};
    var reviewer = document.getElementById("reviewer").value.trim();
    if(reviewer) doc.reviewer = reviewer;
    data.entries.forEach(function(id){
      var state = decisions.get(id);
      if(state) doc[state].push(id);
    });
    return doc;
  }
  document.getElementById("export").addEventListener("click", function(){
    var text = JSON.stringify(approvals(), null, 1) + "\\n";
    document.getElementById("export-preview").textContent = text;
    document.getElementById("export-preview").hidden = false;
    var url = URL.createObjectURL(new Blob([text], {type: "application/json"}));
    var a = document.createElement("a");
    a.href = url;
    a.download = "approvals.json";
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function(){ URL.revokeObjectURL(url); a.remove(); }, 1000);
  });
  filter(); counts();
})();
"""


def _words_html(words) -> str:
    out = []
    for op, text in words:
        if op == "-":
            out.append(f"<del>{esc(text)}</del>")
        elif op == "+":
            out.append(f"<ins>{esc(text)}</ins>")
        else:
            out.append(esc(text))
    return "".join(out)


def _diff_html(hunks: list[dict]) -> str:
    if not hunks:
        return '<p class="meta">কোনো পরিবর্তন নেই <span class="en" lang="en">(no change)</span></p>'
    rows = []
    for hunk in hunks:
        old_no, new_no = hunk["old_start"], hunk["new_start"]
        n_old = sum(line["op"] != "+" for line in hunk["lines"])
        n_new = sum(line["op"] != "-" for line in hunk["lines"])
        rows.append(f'<tr class="hunk"><td colspan="4">@@ −{old_no},{n_old} +{new_no},{n_new} @@</td></tr>')
        for line in hunk["lines"]:
            op = line["op"]
            if op == " ":
                rows.append(f'<tr class="ctx"><td class="ln">{old_no}</td><td class="ln">{new_no}</td>'
                            f'<td class="op"> </td><td class="text">{esc(line["new"])}</td></tr>')
                old_no, new_no = old_no + 1, new_no + 1
            elif op == "-":
                rows.append(f'<tr class="del"><td class="ln">{old_no}</td><td class="ln"></td>'
                            f'<td class="op">−</td><td class="text"><del>{esc(line["old"])}</del></td></tr>')
                old_no += 1
            elif op == "+":
                rows.append(f'<tr class="add"><td class="ln"></td><td class="ln">{new_no}</td>'
                            f'<td class="op">+</td><td class="text"><ins>{esc(line["new"])}</ins></td></tr>')
                new_no += 1
            else:  # "~": one changed line, word-level
                words = line.get("words") or [["-", line["old"] or ""], ["+", line["new"] or ""]]
                rows.append(f'<tr class="chg"><td class="ln">{old_no}</td><td class="ln">{new_no}</td>'
                            f'<td class="op">~</td><td class="text">{_words_html(words)}</td></tr>')
                old_no, new_no = old_no + 1, new_no + 1
    return '<table class="diff">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


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


def _entry_html(entry: dict) -> str:
    rules = entry.get("rules") or []
    codes = sorted({r["code"] for r in rules})
    sevs = sorted({r["severity"] for r in rules}, key=lambda s: SEVERITIES.index(s) if s in SEVERITIES else 9)
    app = entry.get("applicability", "safe")
    badges = [f'<span class="badge {esc(app)}">{esc(APPLICABILITY_BN.get(app, app))} {_en(app)}</span>']
    if entry.get("cosmetic"):
        badges.append(f'<span class="badge cosmetic">শুধু শৈলী {_en("cosmetic")}</span>')
    base = entry.get("base_revid")
    rule_items = "".join(
        f'<li><code>{esc(r["code"])}</code> {esc(r.get("name"))} — {_sev(r["severity"])} — '
        f'<span class="badge {esc(r["applicability"])}">{esc(APPLICABILITY_BN.get(r["applicability"], r["applicability"]))}</span> '
        f'{_en(r.get("description", ""))}</li>' for r in rules)
    findings = entry.get("findings") or []
    return f"""<article class="entry" id="entry-{esc(entry["id"])}" data-id="{esc(entry["id"])}" data-codes="{esc(" ".join(codes))}" data-severities="{esc(" ".join(sevs))}" data-applicability="{esc(app)}">
<h2 class="title">{esc(entry["title"])}</h2>
<p>{" ".join(badges)}</p>
<dl class="facts">
<dt>উৎস <span class="en" lang="en">source</span></dt><dd class="mono">{esc(entry.get("source"))}</dd>
<dt>ভিত্তি সংস্করণ <span class="en" lang="en">base revision</span></dt><dd class="mono">{esc(base) if base is not None else "—"}</dd>
<dt>সারাংশ <span class="en" lang="en">summary</span></dt><dd class="summary">{esc(entry.get("summary"))}</dd>
<dt>আইডি <span class="en" lang="en">id</span></dt><dd class="mono">{esc(entry["id"])} · sha256 {esc(str(entry.get("new_sha256", ""))[:16])}…</dd>
</dl>
<div class="decision"><button type="button" class="approve" aria-pressed="false">অনুমোদন <span lang="en">(approve)</span></button>
<button type="button" class="reject" aria-pressed="false">প্রত্যাখ্যান <span lang="en">(reject)</span></button><output></output></div>
<h3>নিয়ম <span class="en" lang="en">rules applied</span></h3>
<ul class="rules">{rule_items}</ul>
<details class="findings"{" open" if len(findings) <= 12 else ""}><summary>পাতার সমস্যা <span class="en" lang="en">findings on the page as it was</span> ({len(findings)})</summary>
{_findings_table(findings)}
</details>
<h3>পরিবর্তন <span class="en" lang="en">diff</span></h3>
{_diff_html(entry.get("hunks") or [])}
<details><summary>ইউনিফাইড ডিফ <span class="en" lang="en">unified diff</span></summary><pre class="unified">{esc(entry.get("diff"))}</pre></details>
</article>"""


def _options(options) -> str:
    if not isinstance(options, dict):
        return ""
    parts = [f"--{k}" for k in ("unsafe", "layout") if options.get(k)]
    parts += [f"--{k} {','.join(map(str, options[k]))}" for k in ("select", "ignore") if options.get(k)]
    return f' · <span class="mono" lang="en">{esc(" ".join(parts) or "safe fixes only")}</span>'


def render_review(bundle: dict) -> str:
    """The review page of a bundle (``schemas/bundle.schema.json``): filters, diffs, approvals export."""
    entries = bundle.get("entries") or []
    by_code: dict[str, dict] = {}
    for entry in entries:
        for r in entry.get("rules") or []:
            info = by_code.setdefault(r["code"], {"name": r.get("name", ""), "severity": r["severity"], "ids": set()})
            info["ids"].add(entry["id"])
    summary_rows = "\n".join(
        f'<tr><td><code>{esc(code)}</code></td><td>{esc(info["name"])}</td>'
        f'<td data-sort="{SEVERITIES.index(info["severity"]) if info["severity"] in SEVERITIES else 9}">{_sev(info["severity"])}</td>'
        f'<td class="num">{len(info["ids"])}</td></tr>'
        for code, info in sorted(by_code.items()))
    code_boxes = "".join(
        f'<label title="{esc(info["name"])}"><input type="checkbox" name="code" value="{esc(code)}" checked> '
        f'<code>{esc(code)}</code> {esc(info["name"])}</label>' for code, info in sorted(by_code.items()))
    sev_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{s}" checked> {_sev(s)} {_en(s)}</label>'
        for s in SEVERITIES)
    app_boxes = "".join(
        f'<label><input type="checkbox" name="applicability" value="{a}" checked> {esc(APPLICABILITY_BN[a])} {_en(a)}</label>'
        for a in ("safe", "unsafe"))
    meta = (f'বান্ডল <span class="mono">{esc(bundle.get("id"))}</span> · {esc(bundle.get("created"))} · '
            f'প্রোফাইল {esc(bundle.get("profile"))} · উৎস {esc(bundle.get("source"))}'
            + (f' · সাইট {esc(bundle["site"])}' if bundle.get("site") else "")
            + _options(bundle.get("options"))
            + f" · {len(entries)}টি প্রস্তাবিত সম্পাদনা")
    body = f"""<header>
<h1>প্রস্তাবিত সম্পাদনার পর্যালোচনা <span class="en" lang="en">relbot — review of proposed edits</span></h1>
<p class="meta">{meta}</p>
</header>
<section id="summary">
<h2>নিয়ম অনুযায়ী সারাংশ <span class="en" lang="en">summary by rule</span></h2>
<table class="sortable" id="summary-table">
<thead><tr>{_th("কোড", "code")}{_th("নাম", "name")}{_th("তীব্রতা", "severity")}{_th("সম্পাদনা", "entries", "num")}</tr></thead>
<tbody>
{summary_rows}
</tbody>
</table>
</section>
<section id="controls" aria-label="filters">
<fieldset id="filter-codes"><legend>নিয়ম <span lang="en">rule</span>
<button type="button" data-group="code" data-check="all">সব</button> <button type="button" data-group="code" data-check="none">কোনোটি না</button></legend>{code_boxes}</fieldset>
<fieldset id="filter-severity"><legend>তীব্রতা <span lang="en">severity</span></legend>{sev_boxes}</fieldset>
<fieldset id="filter-applicability"><legend>প্রয়োগযোগ্যতা <span lang="en">applicability</span></legend>{app_boxes}</fieldset>
<fieldset><legend>সিদ্ধান্ত <span lang="en">decision</span></legend>
<select id="filter-decision"><option value="all">সব (all)</option><option value="undecided">বাকি (undecided)</option>
<option value="approved">অনুমোদিত (approved)</option><option value="rejected">প্রত্যাখ্যাত (rejected)</option></select></fieldset>
</section>
<section id="toolbar" aria-label="decisions">
দেখানো হচ্ছে <strong id="count-shown">{len(entries)}</strong>/{len(entries)} ·
অনুমোদিত <strong id="count-approved">0</strong> · প্রত্যাখ্যাত <strong id="count-rejected">0</strong> ·
<button type="button" id="approve-shown">দৃশ্যমান সব অনুমোদন</button>
<button type="button" id="reject-shown">দৃশ্যমান সব প্রত্যাখ্যান</button>
<button type="button" id="clear-decisions">মুছুন</button>
<label>পর্যালোচক <span class="en" lang="en">reviewer</span> <input type="text" id="reviewer" size="14"></label>
<button type="button" id="export">অনুমোদন রপ্তানি <span lang="en">(export approvals)</span></button>
<pre id="export-preview" hidden></pre>
</section>
<main id="entries">
{chr(10).join(_entry_html(e) for e in entries)}
</main>"""
    css = REVIEW_CSS % {"fonts": FONTS, "mono": MONO}
    data = json_script("relbot-review", {"bundle": bundle.get("id"), "entries": [e["id"] for e in entries]})
    return _page(f"relbot review {bundle.get('id', '')}", body, css, REVIEW_JS, data)


# The lint report is bot/lintpage.py (its template lint.html.j2), built on the helpers above.
