"""The rule catalogue's documentation, generated from the catalogue itself (``bot/rules``).

One section per rule, in code order: its name, severity, what fix it may offer, its Bengali and
English messages, its doc and its example; the groups as the catalogue has them. ``docs/rules.md``
is this text (``relbot rules -o docs/rules.md``); a test keeps the file current.
"""

from __future__ import annotations

import re

from .rules import Rule, all_rules

GROUPS = {"L": "layout and sections", "I": "infobox", "R": "references", "E": "embassy and mission facts",
          "T": "Bengali text", "W": "wiki markup and page"}
FIX = {"safe": "safe (applied by `relbot fix` and by bot runs)",
       "unsafe": "unsafe (offered for review, or with `--unsafe`)", None: "none"}


def anchor(code: str) -> str:
    """The fragment of a rule's section (``#t003``), for links from reports."""
    return code.lower()


def docs_url(profile, user: str | None = None, base=None) -> str | None:
    """Where every page links rule codes (``#t001`` appended, :func:`rule_url`): the on-wiki rules
    page (``relbot report --publish-rules``, the profile's ``report.rules_page``) on ``base`` (a
    link base, :mod:`bot.links`; the profile's ``wiki.base_url`` by default) when its title needs
    no user or ``user`` is known; else ``docs/rules.md`` in the profile's ``project.repository``.
    Always an absolute URL, or None when the profile gives neither."""
    from . import links

    data = profile.data if hasattr(profile, "data") else profile or {}
    page = (data.get("report") or {}).get("rules_page")
    base = base or (data.get("wiki") or {}).get("base_url")
    if page and base and ("{user}" not in page or user):
        return links.article(base, page.format(user=user or ""))
    repository = (data.get("project") or {}).get("repository")
    return f"{repository.rstrip('/')}/blob/main/docs/rules.md" if repository else None


def rule_url(docs: str | None, code: str) -> str | None:
    """A rule's section in the docs at ``docs`` (:func:`docs_url`)."""
    return f"{docs}#{anchor(code)}" if docs else None


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _rule(rule: Rule) -> list[str]:
    how = "the policy schema (`schemas/policy.schema.json`)" if rule.check is None else "a Python check"
    return [
        f'<a id="{anchor(rule.code)}"></a>',
        f"### {rule.code} `{rule.name}`",
        "",
        "| | |",
        "|---|---|",
        f"| severity | {rule.severity} |",
        f"| fix | {FIX[rule.fix]} |",
        f"| message (bn) | {_cell(rule.message_bn)} |",
        f"| message (en) | {_cell(rule.message_en)} |",
        f"| example | {_cell(rule.example) or '—'} |",
        f"| checked by | {how} |",
        "",
        "\n\n".join(" ".join(para.split()) for para in rule.doc.split("\n\n")),
        "",
    ]


def markdown() -> str:
    rules = all_rules()
    out = ["# relbot's rules", "",
           "Generated from the rule catalogue (`bot/rules/`) by `relbot rules`; do not edit by hand.",
           "Codes are stable: a code never changes meaning, and new rules take new codes. Messages take",
           "the finding's details in braces.", ""]
    for group, title in GROUPS.items():
        members = [r for code, r in rules.items() if code[0] == group]
        if not members:
            continue
        out += [f"## {group} — {title}", ""]
        out += ["| code | name | severity | fix |", "|---|---|---|---|"]
        out += [f"| [{r.code}](#{anchor(r.code)}) | {r.name} | {r.severity} | {r.fix or '—'} |" for r in members]
        out.append("")
        for r in members:
            out += _rule(r)
    return "\n".join(out).rstrip("\n") + "\n"


def _wiki_prose(text: str) -> str:
    """A doc paragraph as wikitext: ``code`` (Sphinx) and `code` (Markdown) as <code>, all text
    in nowiki (rule docs quote wikitext)."""
    flat = re.sub(r":[a-z]+:(?=`)", "", " ".join(text.split()))  # Sphinx roles (:mod:) say nothing here
    out = []
    for i, part in enumerate(re.split(r"``(.+?)``|`(.+?)`", flat)):
        if not part:
            continue
        part = f"<nowiki>{part.replace('&', '&amp;').replace('<', '&lt;')}</nowiki>"
        out.append(f"<code>{part}</code>" if i % 3 else part)
    return "".join(out)


def _pre(text: str) -> str:
    """An example shown as it is, line breaks kept (pre is nowiki-like; entities decode)."""
    return "<pre>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</pre>"


def wikitext(profile) -> str:
    """The rule docs as a wiki page (relbot report --publish-rules): headings and labels in the
    wiki's language (profile ``report.rules_doc``), a section per rule with an anchor per code
    (``#t001``, the links of the published report), its messages, doc, example and fix."""
    words, names = profile.data["report"]["rules_doc"], profile.data["rule_names"]
    sev = profile.data["report"]["severities"]
    rules = all_rules()
    out = [words["intro"], ""]
    for group in GROUPS:
        members = [r for code, r in rules.items() if code[0] == group]
        if not members:
            continue
        out += [f"== {group} — {words['groups'].get(group, GROUPS[group])} ==", ""]
        for r in members:
            name = names.get(r.code, r.name)
            out += [f'<span id="{anchor(r.code)}"></span>',
                    f"=== {r.code} — {name} ===",
                    '{| class="wikitable"',
                    f"! {words['fields']['severity']}", f"| {sev.get(r.severity, r.severity)}", "|-",
                    f"! {words['fields']['fix']}", f"| {words['fixes'][r.fix or 'none']}", "|-",
                    f"! {words['fields']['message']}", f"| {_wiki_prose(r.message_bn)}<br />{_wiki_prose(r.message_en)}",
                    "|}", ""]
            if r.example:
                out += [f"'''{words['fields']['example']}:'''", _pre(r.example), ""]
            out += [f"'''{words['fields']['doc']}''' (<code>{r.name}</code>):", ""]
            out += ["\n\n".join(_wiki_prose(p) for p in r.doc.split("\n\n") if p.strip()), ""]
    return "\n".join(out).rstrip("\n") + "\n"
