"""R: references."""

from __future__ import annotations

from .. import layout
from . import Hit, register

register("R001", "no-references", "warning",
         "নিবন্ধে কোনো তথ্যসূত্র নেই", "the article has no references at all", fix="unsafe",
         example="(no <ref> anywhere)",
         doc="Checked by the policy schema: no <ref> and no unreferenced maintenance tag. The profile's "
             "footnote templates ({{efn}}, {{refn}}, {{sfn}} …, `footnotes`) are references as the "
             "{{#tag:ref}} they expand to.",
         fixer=lambda art: [] if _refs_coming(art) else layout.unreferenced_edits(art, art.today))


def _refs_coming(art) -> bool:
    """E003's fix brings English Wikipedia's references (``--against``): no "unreferenced" tag then."""
    from .missions import homecoming

    return art.english is not None and bool(homecoming(art))
register("R002", "no-reflist", "error",
         "তথ্যসূত্র আছে কিন্তু সূত্র তালিকা বা <references/> নেই",
         "references exist but there is no reference list", fix="safe", example="<ref>…</ref> without {{সূত্র তালিকা}}",
         doc="Checked by the policy schema: refs imply a reflist, and refs of a named group a list of "
             "that group after them (Cite: group_refs_without_references). {{efn}} makes a note of group "
             "lower-alpha, which {{notelist}} (or <references group=\"lower-alpha\"/>) lists; a page "
             "with notes and no such list is reported, as Cite shows an error there.",
         fixer=layout.reflist_edits)
register("R005", "bare-url-reference", "warning",
         "তথ্যসূত্রটি কেবল একটি খালি ইউআরএল", "a reference that is only a bare URL",
         example="<ref>https://example.org</ref>",
         doc="Checked by the policy schema: no ref has `bare_url`.")
register("R007", "reflist-without-references", "style",
         "সূত্র তালিকা আছে কিন্তু কোনো তথ্যসূত্র নেই", "a reference list but no references",
         example="{{সূত্র তালিকা}} with no <ref>",
         doc="Checked by the policy schema: a reflist implies refs.")


def _batches(art) -> dict[tuple, list[dict]]:
    """Valid named refs by (group, list, name), as Cite files them.

    Each reference list takes the refs of its group standing before it, so a name is
    resolved within the refs between two lists of its group (the refs after the last list go
    to the list Cite adds at the end). A ref with an error of its own (W002) files nothing.
    """
    lists = art.doc["references"]["reflists"]
    out: dict[tuple, list[dict]] = {}
    for ref in art.doc["references"]["refs"]:
        if not ref["name"] or ref["cite_error"]:
            continue
        group, at = ref["group"] or "", ref["span"]["start"]
        batch = sum(1 for r in lists if (r["group"] or "") == group and r["span"]["end"] <= at)
        out.setdefault((group, batch, ref["name"]), []).append(ref)
    return out


def _text(ref) -> str | None:
    content = ref["content"]
    return content if content is not None and content.strip() else None


def check_undefined(art):
    """A named ref reused (``<ref name=x />``) but never given content (Cite: references_no_text)."""
    for refs in _batches(art).values():
        if all(_text(r) is None for r in refs):
            for ref in refs:
                yield Hit(ref["span"]["start"], ref["span"]["end"], {"name": ref["name"]})


def check_conflicting(art):
    """Two definitions of the same ref name with different content (Cite:
    references_duplicate_key). Cite compares the content exactly, spaces and comments too."""
    for (_, _, name), refs in _batches(art).items():
        defs = [r for r in refs if _text(r) is not None]
        for ref in defs[1:]:
            if ref["content"] != defs[0]["content"]:
                yield Hit(ref["span"]["start"], ref["span"]["end"], {"name": name})


def check_citation_fields(art):
    """A citation template without its essential fields (e.g. a web citation without URL or title)."""
    essential = art.profile.data["citations"]["essential"]
    for ref in art.doc["references"]["refs"]:
        cit = ref["citation"]
        if not cit:
            continue
        missing = [group[0] for group in essential.get(cit["kind"], [])
                   if not any(f in cit["known"] for f in group)]
        if missing:
            yield Hit(cit["span"]["start"], cit["span"]["end"],
                      {"template": cit["template"], "missing": ", ".join(missing)})


register("R003", "undefined-named-ref", "error",
         "নামযুক্ত তথ্যসূত্র «{name}» ব্যবহৃত হয়েছে কিন্তু কোথাও সংজ্ঞায়িত নয়",
         "named reference “{name}” is used but never defined", example='<ref name="x" />',
         check=check_undefined)
register("R004", "conflicting-named-ref", "error",
         "একই নামের তথ্যসূত্র «{name}» দুবার ভিন্ন বিষয়বস্তু নিয়ে সংজ্ঞায়িত",
         "reference name “{name}” defined twice with different content",
         example='<ref name="x">A</ref> … <ref name="x">B</ref>', check=check_conflicting)
register("R006", "citation-missing-fields", "warning",
         "«{template}» উদ্ধৃতিতে আবশ্যক তথ্য নেই: {missing}",
         "citation “{template}” lacks its essential fields: {missing}",
         example="{{ওয়েব উদ্ধৃতি |প্রকাশক=…}}", check=check_citation_fields)
