"""The profile's footnote templates read as what they expand to (``footnotes`` in the profile).

``{{efn|…}}``, ``{{refn|…}}`` and ``{{sfn|…}}`` are ``{{#tag:ref|…}}`` with a name and a group
taken from their parameters; ``{{notelist}}`` is a reference list of its own group. Cite sees
their references as any other, so relbot reads them the same way.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from . import cite
from .parse import Parsed


def _params(p: Parsed, node: Template) -> dict:
    """Parameters by name; of a name given twice, the last (MediaWiki uses it)."""
    return {(p.src(q.name) if q.showkey else str(q.name)).strip(): q for q in node.params}


def _given(params: dict, names):
    return next((params[x] for x in names if x in params), None)


def _group(p: Parsed, params: dict, spec: dict, group_params) -> str:
    """The template's group unless a group parameter it passes on says otherwise (quotes go, as
    ``{{#tag:…}}`` drops them)."""
    asked = _given(params, group_params)
    if asked is None:
        return spec["group"]
    value = p.src(asked.value).strip()
    if spec.get("group_values") is None or value in spec["group_values"]:
        return cite.unquote(value)
    return spec["group"]


def as_tag_ref(p: Parsed, node: Template, spec: dict, group_params) -> tuple:
    """(start, end, attributes, content span, content tree, form) of the ``{{#tag:ref}}`` a
    footnote template expands to. Its text is the first given of ``content_params`` (none
    given: an empty reference at the template's end); a template without them (sfn) writes its
    text from its arguments, so its own source stands for the text."""
    start, end = p.span(node)
    params = _params(p, node)
    attrs = {}
    name = _given(params, [spec["name_param"]] if "name_param" in spec else [])
    if name is not None and cite.unquote(p.src(name.value).strip()):
        attrs["name"] = cite.unquote(p.src(name.value).strip())
    group = _group(p, params, spec, group_params)
    if group:
        attrs["group"] = group
    if "content_params" not in spec:
        return start, end, attrs, (start, end), None, "template"
    body = _given(params, spec["content_params"])
    if body is None:
        return start, end, attrs, (end - 2, end - 2), None, "template"
    return start, end, attrs, p.span(body.value), body.value, "template"


def list_group(p: Parsed, node: Template, spec: dict, group_params) -> tuple[str, tuple[int, int] | None]:
    """The group a notes list shows, and the span of its list-defined refs (or None)."""
    params = _params(p, node)
    refs = _given(params, spec["refs_params"])
    return _group(p, params, spec, group_params), None if refs is None else p.span(refs.value)
