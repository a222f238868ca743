"""The rule catalogue: every rule registered in one place.

A rule has a stable code, a severity, a Bengali and an English message, a doc string,
an example, and what fix it may offer. Rules that the policy schema
(``schemas/policy.schema.json``) checks have no Python check; the others yield
:class:`Hit` objects from ``check(article)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..edits import Edit, Fix  # noqa: F401  (re-exported: rules build them)

SEVERITIES = ("error", "warning", "style")


@dataclass(slots=True)
class Hit:
    """What a check reports: a span, message arguments and an optional fix."""

    start: int
    end: int
    args: dict = field(default_factory=dict)
    fix: Fix | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    message_bn: str
    message_en: str
    fix: str | None  # what the rule may offer: safe | unsafe | None
    doc: str
    example: str
    check: Callable[..., Iterable[Hit]] | None = None  # None: the policy schema checks it
    fixer: Callable[..., list[Edit]] | None = None  # edits for a schema-checked rule's finding

    @property
    def group(self) -> str:
        return self.code[0]


REGISTRY: dict[str, Rule] = {}


def register(code: str, name: str, severity: str, bn: str, en: str, *, fix: str | None = None,
             example: str = "", doc: str = "", check=None, fixer=None) -> Rule:
    if code in REGISTRY:
        raise ValueError(f"rule {code} registered twice")
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: bad severity {severity}")
    rule = Rule(code, name, severity, bn, en, fix, doc or (check.__doc__ or "").strip(), example, check, fixer)
    REGISTRY[code] = rule
    return rule


def rule(code: str, name: str, severity: str, bn: str, en: str, *, fix: str | None = None, example: str = ""):
    """Decorator registering a Python check."""

    def wrap(fn):
        register(code, name, severity, bn, en, fix=fix, example=example, check=fn)
        return fn

    return wrap


def all_rules() -> dict[str, Rule]:
    # importing the group modules fills the registry, once
    from . import infobox, layout, markup, missions, references, text  # noqa: F401

    return dict(sorted(REGISTRY.items()))
