"""docs/rules.md is the rule catalogue's own documentation, generated from the code: it must be
current (regenerate with ``relbot rules -o docs/rules.md``) and hold every rule."""

from __future__ import annotations

import re

from bot.cli import main
from bot.rules import all_rules
from bot.ruledocs import markdown
from conftest import ROOT

DOC = ROOT / "docs" / "rules.md"


def test_generated_rule_docs_are_current():
    assert DOC.read_text("utf-8") == markdown(), "docs/rules.md is stale: run relbot rules -o docs/rules.md"


def test_every_rule_has_its_section_with_doc_and_messages():
    text = DOC.read_text("utf-8")
    for code, rule in all_rules().items():
        section = re.search(rf'<a id="{code.lower()}"></a>\n### {code} `{re.escape(rule.name)}`\n(.*?)(?=\n<a id=|\n## |\Z)',
                            text, re.S)
        assert section, code
        body = section.group(1)
        assert f"| severity | {rule.severity} |" in body, code
        assert rule.message_bn.split("{")[0].strip() in body and rule.message_en.split("{")[0].strip() in body, code
        assert " ".join(rule.doc.split()).split(". ")[0] in " ".join(body.split()), code


def test_rules_verb_prints_the_same_text(capsys):
    assert main(["rules"]) == 0
    assert capsys.readouterr().out == markdown()
