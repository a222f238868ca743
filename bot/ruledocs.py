"""The rule catalogue's documentation, generated from the catalogue itself (``bot/rules``).

One section per rule, in code order: its name, severity, what fix it may offer, its Bengali and
English messages, its doc and its example; the groups as the catalogue has them. ``docs/rules.md``
is this text (``relbot rules -o docs/rules.md``); a test keeps the file current.
"""

from __future__ import annotations

from .rules import Rule, all_rules

GROUPS = {"L": "layout and sections", "I": "infobox", "R": "references", "E": "embassy and mission facts",
          "T": "Bengali text", "W": "wiki markup and page"}
FIX = {"safe": "safe (applied by `relbot fix` and by bot runs)",
       "unsafe": "unsafe (offered for review, or with `--unsafe`)", None: "none"}


def anchor(code: str) -> str:
    """The fragment of a rule's section (``#t003``), for links from reports."""
    return code.lower()


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
