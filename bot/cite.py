"""What MediaWiki's Cite extension (1.39, ``Cite::validateRef``) says about one ``<ref>``.

``ref_error`` returns the key of the error Cite prints in place of the reference (without the
``cite_error_`` prefix), or None when the reference is valid on its own. Errors that depend on
the other references of the page (a name used but never defined, one name with two contents)
are rules R003 and R004.
"""

from __future__ import annotations

import re

#: ``<ref>`` attributes Cite accepts (``extends`` only with book referencing, off on Wikimedia).
REF_ATTRIBUTES = ("group", "name", "extends", "follow", "dir")
# Cite's crude test for a <ref> left open: a ref tag in the content once comments and
# paired tags are cut out (Cite::validateRefOutsideOfReferences)
_PAIRED = re.compile(r"<(\w+)[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.A)
_INCLUDED = re.compile(r"<ref(erences)?\b[^>]*>", re.I)


def _digits(value: str | None) -> bool:
    return bool(value) and value.isascii() and value.isdigit()


def ref_error(attrs: dict[str, str], content: str | None, list_group: str | None,
              expanded: bool = False) -> str | None:
    """``list_group``: the group of the ``<references>`` holding this ref, None outside one.
    ``expanded``: the content reaches Cite expanded (``{{#tag:ref}}``, a footnote template), its
    own refs already made into references, so none of them can be a ``<ref>`` left open."""
    if any(a not in REF_ATTRIBUTES for a in attrs):
        return "ref_too_many_keys"
    name, follow, extends = attrs.get("name"), attrs.get("follow"), attrs.get("extends")
    if _digits(name) or _digits(extends) or _digits(follow):
        return "ref_numeric_key"
    if extends:
        return "ref_too_many_keys"
    if follow and name:
        return "ref_too_many_keys"
    if "dir" in attrs and attrs["dir"].lower() not in ("ltr", "rtl"):
        return "ref_invalid_dir"
    if list_group is None:
        if not name:
            if content is None:
                return "ref_no_key"
            if not content.strip():
                return "ref_no_input"
        if content is not None and not expanded and _INCLUDED.search(_PAIRED.sub("", content)):
            return "included_ref"
        return None
    if attrs.get("group", list_group) != list_group:
        return "references_group_mismatch"
    if not name:
        return "references_no_key"
    if content is None or not content.strip():
        return "empty_references_define"
    return None


def unquote(value: str) -> str:
    """A ``{{#tag:…}}`` attribute value: surrounding quotes go (CoreParserFunctions::tagObj)."""
    m = re.fullmatch(r"[\"'](.+)[\"']|\"\"|''", value, re.S)
    return value if m is None else (m.group(1) or "")
