"""Validation: the policy schema and the Python rules turn an article into findings."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import fastjsonschema

from .article import Article
from .rules import Fix, Hit, Rule, all_rules
from .schema import load_schema, rule_of, validator_for


class UnknownRule(ValueError):
    pass


@dataclass(slots=True)
class Finding:
    rule: Rule
    start: int
    end: int
    message_bn: str
    message_en: str
    fix: Fix | None
    exception: object = None  # the exceptions-page entry (bot/exceptions.py) that suppresses it

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def severity(self) -> str:
        return self.rule.severity

    def to_json(self, art: Article, same: dict | None = None) -> dict:
        """The report's finding. ``same``: a page's cache of strings, so that equal messages are
        one object (a dump worker's pickle then carries each once, and the reading process,
        which unpickles every finding, decodes each once)."""
        span = art.span(self.start, self.end)
        bn, en = self.message_bn, self.message_en
        if same is not None:
            bn, en = same.setdefault(bn, bn), same.setdefault(en, en)
        return {"code": self.code, "severity": self.severity, "line": span["line"], "column": span["column"],
                "end_line": span["end_line"], "end_column": span["end_column"],
                "section": section_of(art, self.start),
                "message": {"bn": bn, "en": en},
                "fix": None if self.fix is None else {"applicability": self.fix.applicability,
                                                       "description": self.fix.description}} | (
            {} if self.exception is None else
            {"exception": {"line": self.exception.line, "anchor": self.exception.anchor,
                           "note": self.exception.note}})


def section_of(art: Article, pos: int) -> int:
    """MediaWiki's number of the section that holds ``pos`` (``action=edit&section=N``): headings
    count in page order whatever their level; 0 is the lead."""
    return bisect_right([s["heading_span"]["start"] for s in art.doc.get("sections", ())], pos)


def resolve_codes(codes) -> set[str]:
    """Expand ``L``/``L00``/``L001`` prefixes into rule codes; unknown ones raise."""
    rules = all_rules()
    out = set()
    for raw in codes or ():
        for code in filter(None, (c.strip().upper() for c in raw.split(","))):
            match = {c for c in rules if c.startswith(code)}
            if not match:
                raise UnknownRule(f"unknown rule code {code!r} (known: {', '.join(rules)})")
            out |= match
    return out


def _finding(art: Article, rule: Rule, hit: Hit) -> Finding:
    fix = hit.fix
    if fix is None and rule.check is None and rule.fix:  # schema-checked rule: the fixer edits
        fixer = rule.fixer
        fix = Fix(rule.fix, rule.name.replace("-", " "), make=(lambda: fixer(art)) if fixer else None)
    return Finding(rule, hit.start, hit.end, rule.message_bn.format(**hit.args),
                   rule.message_en.format(**hit.args), fix)


#: Keywords that mean the same in draft 2020-12 (the policy's) and draft-07 (fastjsonschema's).
_SAME_IN_DRAFT7 = frozenset({"$schema", "$id", "title", "description", "default", "examples", "type", "const",
                             "enum", "required", "minItems", "maxItems", "minLength", "maxLength", "minimum",
                             "maximum", "pattern", "properties", "items", "contains", "if", "then", "else",
                             "not", "allOf", "anyOf", "oneOf", "additionalProperties"})


def _draft7_safe(node) -> bool:
    """Whether a schema uses only keywords that draft-07 reads as 2020-12 does (``x-`` annotations aside)."""
    if isinstance(node, bool):
        return True
    if not isinstance(node, dict):
        return False
    for key, value in node.items():
        if key.startswith("x-"):
            continue
        if key not in _SAME_IN_DRAFT7:
            return False
        if key == "properties":
            if not all(_draft7_safe(v) for v in value.values()):
                return False
        elif key in ("items", "contains", "if", "then", "else", "not", "additionalProperties"):
            if not _draft7_safe(value):  # (a list under "items" is draft-07 only)
                return False
        elif key in ("allOf", "anyOf", "oneOf") and not all(_draft7_safe(v) for v in value):
            return False
    return True


@lru_cache(maxsize=None)
def _policy_checks() -> tuple:
    """(whole-policy screen or None, per-branch entries (index, screen or None, jsonschema validator)).

    A screen is the branch compiled by fastjsonschema: pass/fail in microseconds, and most pages
    pass most branches. jsonschema, the validator of record, then lists every error (with its
    path, for the span) of the failing branches only. A branch with a keyword draft-07 reads
    differently gets no screen: jsonschema checks it on every page.
    """
    schema = load_schema("policy")
    draft7 = {"$schema": "http://json-schema.org/draft-07/schema#"}

    def screen(part: dict):
        return fastjsonschema.compile({**part, **draft7}) if _draft7_safe({**part, **draft7}) else None

    branches = tuple((i, screen(branch), validator_for({**branch, "$schema": schema["$schema"]}))
                     for i, branch in enumerate(schema["allOf"]))
    return screen(schema), branches


def _passes(check, doc) -> bool:
    """False also when there is no screen (``check`` None): jsonschema must look."""
    if check is None:
        return False
    try:
        check(doc)
        return True
    except fastjsonschema.JsonSchemaValueException:
        return False


def _schema_hits(art: Article, rules: dict[str, Rule]):
    whole, branches = _policy_checks()
    if _passes(whole, art.doc):
        return
    schema = load_schema("policy")
    for i, check, full in branches:
        if _passes(check, art.doc):
            continue
        for error in full.iter_errors(art.doc):
            path = ["allOf", i, *error.absolute_schema_path]
            code = rule_of(schema, path)
            if code is None or code not in rules:
                continue
            start, end = _span_for(art.doc, list(error.absolute_path), _span_hint(schema, path))
            yield rules[code], Hit(start, end)


def _span_hint(schema: dict, schema_path: list) -> str | None:
    node, hint = schema, None
    for step in schema_path[:-1]:
        node = node[step]
        if isinstance(node, dict) and "x-span" in node:
            hint = node["x-span"]
    return hint


def _span_for(doc: dict, path: list, hint: str | None) -> tuple[int, int]:
    """The span of the deepest object on ``path`` that has one, else of the ``x-span`` pointer."""
    node, best = doc, None
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("span"), dict):
            best = node["span"]
    if best is None and hint:
        node = doc
        for step in hint.strip("/").split("/"):
            try:
                node = node[int(step)] if isinstance(node, list) else node[step]
            except (KeyError, IndexError, TypeError, ValueError):
                node = None
                break
        if isinstance(node, dict):
            best = node.get("span", node if "start" in node else None)
    if best is None:
        return 0, 0
    return best["start"], best["end"]


def validate(art: Article, select=None, ignore=None, exceptions=None) -> list[Finding]:
    """All findings for a checked article, suppressions and selections applied, in page order;
    ``exceptions``: the page's entries of the exceptions page, whose findings are left out."""
    return validate_split(art, select, ignore, exceptions)[0]


def validate_split(art: Article, select=None, ignore=None, exceptions=None) -> tuple[list[Finding], list[Finding]]:
    """(findings, suppressed): ``validate``'s findings, and apart those an entry of ``exceptions``
    (bot/exceptions.py, this page's) lists as false positives, each with its ``exception``."""
    if art.status != "checked":
        return [], []
    rules = all_rules()
    active = set(rules)
    if select:
        active &= resolve_codes(select)
    if ignore:
        active -= resolve_codes(ignore)
    active -= art.suppressed
    chosen = {c: r for c, r in rules.items() if c in active}
    findings = [_finding(art, rule, hit) for rule, hit in _schema_hits(art, chosen)]
    for rule in chosen.values():
        if rule.check is not None:
            findings.extend(_finding(art, rule, hit) for hit in rule.check(art))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    if not exceptions:
        return findings, []
    from .exceptions import assign

    listed = assign(exceptions, findings, art.text)
    for i, entry in listed.items():
        findings[i].exception = entry
    return [f for i, f in enumerate(findings) if i not in listed], [findings[i] for i in sorted(listed)]
