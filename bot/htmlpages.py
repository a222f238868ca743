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


# The lint report is bot/lintpage.py (lint.html.j2), the review page bot/reviewpage.py
# (review.html.j2), both built on the helpers above.
