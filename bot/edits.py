"""The edit primitives: a text edit on the original page, and a fix that groups edits.

They sit below both the rule catalogue (``bot/rules``) and the structural edits
(``bot/layout.py``), which build them, and the fix engine (``bot/fixes.py``), which applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


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
