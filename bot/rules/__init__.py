"""The rule catalogue: every rule registered in one place.

A rule has a stable code, a severity, a Bengali and an English message, a doc string,
an example, and what fix it may offer. Rules that the policy schema
(``schemas/policy.schema.json``) checks have no Python check; the others yield
:class:`Hit` objects from ``check(article)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

SEVERITIES = ("error", "warning", "style")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of the original page with ``new``."""

    start: int
    end: int
    new: str


class Fix:
    """What a finding offers: its applicability, a description, and its edits.

    ``make`` computes the edits on first use (layout moves and skeletons are not cheap, and a
    lint, or a fix run without ``--unsafe``, never asks for most of them).
    """

    __slots__ = ("applicability", "description", "_edits", "_make")

    def __init__(self, applicability: str, description: str, edits: list[Edit] | None = None,
                 make: Callable[[], list[Edit]] | None = None):
        self.applicability = applicability  # safe | unsafe
        self.description = description
        self._edits = edits
        self._make = make

    @property
    def edits(self) -> list[Edit]:
        if self._edits is None:
            self._edits = self._make() if self._make is not None else []
            self._make = None
        return self._edits

    def __repr__(self) -> str:
        return f"Fix({self.applicability!r}, {self.description!r})"


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
