"""E: embassy and mission facts."""

from __future__ import annotations

from dataclasses import replace

from .. import layout, missions
from . import Edit, Fix, Hit, register


def _pair(art) -> set[str]:
    return {c["code"] for c in art.doc["title"]["countries"] if c["code"]}


def _absent(art) -> set[tuple[str, str, str | None, str]]:
    """(sender, host country, city id or None, kind) of the missions the prose says do not exist (closed,
    denied, served from elsewhere); read only when a rule is about to ask for a mission."""
    if missions.grammar_name(art.profile) != "bn":
        return set()
    sentences = art.prose.sentences_with(missions.grammar(art.profile).absent_re(art.profile),
                                         "".join(art.profile.text["sentence_ends"]))
    codes = tuple(c["code"] for c in art.doc["title"]["countries"])
    pair = codes if len(codes) == 2 and None not in codes else ()
    return {(f.sender, f.host_country, f.host_city_id, f.kind)
            for f in missions.absent_facts(sentences, art.profile, art.gazetteer, art.prose.text, pair)}


_MAIN = frozenset({"embassy", "high-commission"})  # the one mission a capital holds, by either name


def _denies(absent: tuple, fact) -> bool:
    """Whether an absent statement is about the mission ``fact`` states: the same sender and host, no city
    or the same one (none in Chittagong says nothing of an embassy in Dhaka), and the same kind, or one of
    them unnamed (``other``: served from elsewhere), embassy and high commission being one."""
    sender, host, city, kind = absent
    return (sender, host) == (fact.sender, fact.host_country) and (
        city is None or fact.host_city_id in (None, city)) and (
        "other" in (kind, fact.kind) or kind == fact.kind or {kind, fact.kind} <= _MAIN)


def check_no_facts(art):
    """No mission fact at all, neither in the infobox nor in the prose, and no statement that
    a mission does not exist (``… নয়াদিল্লি থেকে বাংলাদেশের দায়িত্ব পালন করেন``, ``দূতাবাস নেই``)."""
    if not art.facts and not _absent(art):
        yield Hit(0, 0, {})


register("E001", "no-mission-facts", "warning",
         "কোনো কূটনৈতিক মিশনের তথ্য নেই (তথ্যছকে বা লেখায়)", "no mission facts at all, neither infobox nor prose",
         example="(no দূতাবাস / হাই কমিশন anywhere)", check=check_no_facts)


def _name(art, code) -> str:
    return (art.gazetteer.name(code) if code else None) or code or "?"


def _name_en(code) -> str:
    """A country's English name (CLDR), for English messages: never the wiki's own script."""
    from babel import Locale

    return Locale("en").territories.get(code or "", code or "?")


def check_disagree(art):
    """The infobox names one city or kind for a country's mission, the prose another."""
    prose = [f for f in art.facts if f.source == "prose"]
    for box in (f for f in art.facts if f.source == "infobox"):
        same = [f for f in prose if f.sender == box.sender and f.host_country == box.host_country
                and f.sender is not None]
        if not same:
            continue

        def agrees(f):
            city_ok = box.host_city_id is None or f.host_city_id is None or f.host_city_id == box.host_city_id
            kind_ok = "other" in (box.kind, f.kind) or f.kind == box.kind
            return city_ok and kind_ok

        if not any(agrees(f) for f in same):
            yield Hit(box.start, box.end, {"country": _name(art, box.sender), "param": box.param})


def check_unreferenced(art):
    """A mission fact in prose whose sentence carries no <ref>."""
    seen = set()
    fixes = homecoming(art) if art.english is not None else {}
    for f in art.facts:
        if f.source == "prose" and not f.has_ref and (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            yield Hit(f.start, f.end, {}, fixes.get((f.start, f.end)))


def _crosscheck(art) -> list:
    from ..crosscheck import for_article

    return for_article(art, art.english)


def homecoming(art) -> dict[tuple[int, int], Fix]:
    """E003's fix with English pages: the reference English Wikipedia gives an agreed fact,
    written as this wiki writes it (:mod:`bot.citeimport`), right after each unreferenced
    sentence of the fact; a reference that several sentences take is defined once, named, and
    reused. Sentences that share a reference share one fix (sentence span -> fix)."""
    from ..citeimport import localize, spec
    from ..crosscheck import english_profile

    if spec(art.profile) is None:
        return {}
    refs_of: dict[tuple[int, int], list] = {}  # sentence -> English refs, in order
    for row in _crosscheck(art):
        if row.status != "agreed" or row.ref is None:
            continue
        for f in row.here:
            if f.source == "prose" and not f.has_ref:
                got = refs_of.setdefault((f.start, f.end), [])
                if row.ref not in got:
                    got.append(row.ref)
    if not refs_of:
        return {}
    en, _ = english_profile()
    page_refs = art.doc["references"]["refs"]
    defined = {r["name"]: r["content"] for r in page_refs if r["name"] and r["content"]}
    taken = {r["name"] for r in page_refs if r["name"]}
    users: dict = {}  # English ref -> sentences, in page order
    for span in sorted(refs_of):
        for ref in refs_of[span]:
            users.setdefault(ref, []).append(span)
    tags: dict = {}  # English ref -> (defining tag, reuse tag or None)
    for ref, spans in users.items():
        content = localize(ref.content, en, art.profile)
        same = next((n for n, c in defined.items() if c == content), None)
        if same is not None:
            tags[ref] = (f'<ref name="{same}" />', f'<ref name="{same}" />')
        elif len(spans) == 1:
            tags[ref] = (f"<ref>{content}</ref>", None)
        else:
            name = _ref_name(ref, taken)
            taken.add(name)
            tags[ref] = (f'<ref name="{name}">{content}</ref>', f'<ref name="{name}" />')
    # sentences sharing a reference make one fix (a reuse never goes without its definition)
    group = {span: span for span in refs_of}

    def root(x):
        while group[x] != x:
            x = group[x]
        return x

    for spans in users.values():
        for other in spans[1:]:
            group[root(other)] = root(spans[0])
    edits: dict = {}
    used: set = set()
    for span in sorted(refs_of):
        new = []
        for ref in refs_of[span]:
            define, reuse = tags[ref]
            new.append(reuse if ref in used and reuse else define)
            used.add(ref)
        edits.setdefault(root(span), []).append(Edit(span[1], span[1], "".join(new)))
    return {span: Fix("unsafe", "bring the English Wikipedia reference home", edits[root(span)])
            for span in refs_of}


def _ref_name(ref, taken: set[str]) -> str:
    """A name for a reference several sentences take: the English one (unless an editor's
    automatic ``:0``-style name), else the host of its URL, else ``en``; never one the page
    holds already."""
    import re

    base = ref.name if ref.name and not ref.name.startswith(":") and not ref.name.isdigit() else None
    if base is None:
        m = re.search(r"https?://(?:www\.)?([^/\s|}\]]+)", ref.content)
        base = m[1] if m else "en"
    base = base.replace('"', "")
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def _value(gaz, kind: str, city_id, city) -> str:
    """``city (kind)`` in the gazetteer's language: its name for a known city, else as written."""
    place = gaz.name(city_id) if city_id else city
    return f"{place or '?'} ({kind})"


def check_crosswiki(art):
    """English Wikipedia states the same sender's mission in the same host, but of another kind or
    in another city, and nothing that agrees. Only with English pages (``--against``)."""
    if art.english is None:
        return
    from ..crosscheck import english_profile

    _, gaz_en = english_profile()
    kinds = art.profile.data["missions"]["kinds"]
    for row in _crosscheck(art):
        if row.status != "disagreeing":
            continue
        there = list(dict.fromkeys((f.kind, f.city_id, f.city) for f in row.there))
        here_bn = ", ".join(dict.fromkeys(_value(art.gazetteer, kinds[f.kind][0], f.host_city_id, f.host_city)
                                          for f in row.here))
        here_en = ", ".join(dict.fromkeys(_value(gaz_en, f.kind, f.host_city_id, None) for f in row.here))
        there_bn = ", ".join(_value(art.gazetteer, kinds[k][0], c, w) for k, c, w in there)
        there_en = ", ".join(_value(gaz_en, k, c, w) for k, c, w in there)
        args = {"country": art.gazetteer.genitive(row.sender) or f"{_name(art, row.sender)}-এর",
                "host": _name(art, row.host), "country_en": _name_en(row.sender),
                "host_en": _name_en(row.host), "here": here_bn, "there": there_bn, "here_en": here_en,
                "there_en": there_en, "article": row.there[0].title}
        for span in dict.fromkeys((f.start, f.end) for f in row.here):
            yield Hit(span[0], span[1], args)


def check_crosswiki_missing(art):
    """English Wikipedia states, with a reference, a mission of the pair that the article does not
    state at all. Only with English pages (``--against``); the fix proposes the sentence."""
    if art.english is None:
        return
    from ..citeimport import localize, spec
    from ..crosscheck import english_profile
    from ..sentences import mission_sentence

    en, gaz_en = english_profile()
    at, heading = _missions_place(art)
    kinds = art.profile.data["missions"]["kinds"]
    for row in _crosscheck(art):
        if row.status != "missing-here" or row.ref is None:
            continue  # a fact English Wikipedia does not source is listed by crosscheck, never proposed
        there = row.there[0]
        sentence = mission_sentence(row.sender, there.city_id, row.kind, art.profile, art.gazetteer) \
            if there.city_id else None
        fix = None
        if sentence is not None and spec(art.profile) is not None:
            block = f"{sentence}<ref>{localize(row.ref.content, en, art.profile)}</ref>\n"
            if heading is not None:
                block = f"{heading}\n{block}"
            fix = Fix("unsafe", "propose the mission English Wikipedia states, with its reference",
                      [layout.block_insert(art.text, at, block)])
        place = art.gazetteer.name(there.city_id) if there.city_id else there.city
        yield Hit(*_missions_span(art), {
            "country": art.gazetteer.genitive(row.sender) or f"{_name(art, row.sender)}-এর",
            "host": _name(art, row.host), "value": f"{place or '?'} ({kinds[row.kind][0]})",
            "country_en": _name_en(row.sender), "host_en": _name_en(row.host),
            "value_en": _value(gaz_en, row.kind, there.city_id, there.city), "article": there.title}, fix)


def _missions_section(art) -> dict | None:
    return next((s for s in art.doc["sections"] if s["key"] == "missions"), None)


def _missions_span(art) -> tuple[int, int]:
    """Where a missing mission is reported: the missions section's heading, else the lead's first line."""
    sec = _missions_section(art)
    if sec is not None:
        return sec["heading_span"]["start"], sec["heading_span"]["end"]
    lead = art.doc["lead"]["span"]
    end = art.text.find("\n", lead["start"], lead["end"])
    return lead["start"], end if end > lead["start"] else lead["end"]


def _missions_place(art) -> tuple[int, str | None]:
    """Where a proposed mission sentence goes, and the heading to create with it: the end of the
    missions section's own text, else a new missions section before the appendix sections (the
    standard layout's place for a body section)."""
    sec = _missions_section(art)
    if sec is not None:
        body = sec["body_span"]
        at = body["start"] + len(art.text[body["start"]:body["end"]].rstrip())
        return at + (art.text[at:at + 1] == "\n"), None  # after the last line, a paragraph of its own
    title = art.profile.section_title("missions")
    appendix = art.profile.appendix_order
    at = next((s["span"]["start"] for s in layout.top_sections(art) if s["key"] in appendix),
              art.doc["trailer"]["start"])
    return at, f"== {title} =="


def check_outside_pair(art):
    """A mission fact about a country that is not one of the title's two."""
    pair = _pair(art)
    if len(pair) != 2:
        return
    for f in art.facts:
        outside = [c for c in (f.sender, f.host_country) if c and c not in pair]
        if outside:
            yield Hit(f.start, f.end, {"country": _name(art, outside[0])})


def check_infobox_empty(art):
    """Prose states a country's mission but the infobox parameter for it is empty; quiet when
    the prose also says that mission does not exist (closed, or served from elsewhere)."""
    box = art.doc["infobox"]
    if not box or not box["country1"] or not box["country2"]:
        return
    codes = [box["country1"]["code"], box["country2"]["code"]]
    denied = None  # read once, and only when a slot has a stated mission to ask for
    for i, param in enumerate(art.profile.mission_params):
        if any(f.source == "infobox" and f.param == param for f in art.facts):
            continue
        sender, host = codes[i], codes[1 - i]
        stated = [f for f in art.facts if f.source == "prose" and f.sender == sender and sender
                  and f.host_country in (host, None)]
        if stated and denied is None:
            denied = _absent(art)
        # the first mission the prose states that it does not also say closed, or served from elsewhere
        fact = next((f for f in stated if not any(_denies(a, replace(f, host_country=host)) for a in denied or ())), None)
        if fact is None:
            continue
        q = next((q for q in box["params"] if q["name"] == param), None)
        span = q["span"] if q else box["span"]
        value = layout.mission_value(art, sender, host)
        yield Hit(span["start"], span["end"], {"param": param, "country": _name(art, sender)},
                  Fix("unsafe", f"fill {param} from the prose",
                      layout.mission_param_edits(art, param, value) if value else []))


def check_commonwealth(art):
    """Commonwealth members exchange high commissions, not embassies."""
    gaz = art.gazetteer
    for f in art.facts:
        if (f.kind == "embassy" and f.sender and f.host_country
                and gaz.is_commonwealth(f.sender) and gaz.is_commonwealth(f.host_country)):
            yield Hit(f.start, f.end, {"sender": _name(art, f.sender), "host": _name(art, f.host_country),
                                       "sender_en": _name_en(f.sender), "host_en": _name_en(f.host_country)})


def _slots(art) -> list[tuple[str, str] | None]:
    """(sender, host) each mission slot should hold, None for a slot that cannot be judged.

    With the title's pair known, a slot whose country is one of the pair holds that country's
    mission in the other country of the pair, whatever the other slot says (a wrong country
    there is I006's business); without it, the infobox's two countries decide."""
    box = art.doc["infobox"]
    codes = [box[k]["code"] if box[k] else None for k in ("country1", "country2")]
    if codes[0] is not None and codes[0] == codes[1]:
        return [None, None]  # one country twice: which slot is whose cannot be told
    pair = _pair(art)
    if len(pair) == 2:
        return [(c, next(iter(pair - {c}))) if c in pair else None for c in codes]
    if None in codes:
        return [None, None]
    return [(codes[0], codes[1]), (codes[1], codes[0])]


def check_infobox_wrong_mission(art):
    """mission1 holds country1's mission in country2 (mission2 the reverse); a value whose text
    names another sender, or puts the mission in another country, is in the wrong slot. A slot
    whose country is not one of the title's (I006 reports that) is not judged; the other still is."""
    if not art.doc["infobox"]:
        return
    slots = _slots(art)
    params = art.profile.mission_params
    for f in art.facts:
        if f.source != "infobox" or f.param not in params or slots[params.index(f.param)] is None:
            continue
        sender, host = slots[params.index(f.param)]
        if f.sender not in (None, sender) or f.host_country not in (None, host):
            found = f.sender if f.sender not in (None, sender) else f.host_country
            yield Hit(f.start, f.end, {"param": f.param, "country": _name(art, sender),
                                       "host": _name(art, host), "found": _name(art, found)})


register("E002", "mission-disagreement", "warning",
         "তথ্যছকের {param} ও লেখায় {country}-এর মিশন নিয়ে ভিন্ন তথ্য (শহর বা ধরন)",
         "the infobox ({param}) and the prose disagree about {country}'s mission (city or kind)",
         example="mission1 = ঢাকায় দূতাবাস; prose: চট্টগ্রামে কনস্যুলেট", check=check_disagree)
register("E003", "mission-unreferenced", "warning",
         "কূটনৈতিক মিশনের তথ্যের বাক্যে কোনো তথ্যসূত্র নেই", "a mission fact in prose with no reference in its sentence",
         fix="unsafe", example="বাকুতে আর্জেন্টিনার একটি দূতাবাস রয়েছে।",
         doc="A mission fact in prose whose sentence carries no <ref>.\n\n"
             "The fix needs English pages (``--against``; without them there is none): when English "
             "Wikipedia states the same fact (``agreed``, :mod:`bot.crosscheck`) with a reference, that "
             "reference is brought home: its citation template and parameters written as this wiki "
             "writes them (the profile's ``citations.from_english``: ``{{cite web}}`` → "
             "``{{ওয়েব উদ্ধৃতি}}``, ``access-date`` → ``সংগ্রহের-তারিখ`` with the date in Bengali, "
             "archive fields kept), right after the sentence's danda. A reference several sentences "
             "take is defined once, named, and reused (``<ref name=\"…\" />``); those sentences share "
             "one fix. Unsafe: a person checks that the source says what the sentence says, so "
             "``relbot fix --unsafe --against`` and ``relbot propose --against`` show it and a bot run "
             "never saves it. With it, R001 adds no unreferenced tag.", check=check_unreferenced)
register("E004", "mission-outside-pair", "warning",
         "মিশনের তথ্যটি এই দুই দেশের বাইরের দেশ ({country}) নিয়ে",
         "a mission fact about a country outside the pair ({country})",
         example="(in বাংলাদেশ–ভুটান) ঢাকায় ভারতের একটি হাই কমিশন রয়েছে।", check=check_outside_pair)
register("E005", "mission-infobox-empty", "style",
         "লেখায় {country}-এর মিশনের উল্লেখ আছে কিন্তু তথ্যছকের {param} খালি",
         "prose states {country}'s mission but the infobox parameter {param} is empty", fix="unsafe",
         example="mission1 = (empty)", check=check_infobox_empty)
register("E006", "commonwealth-embassy", "warning",
         "{sender} ও {host} দুটিই কমনওয়েলথ সদস্য: তারা দূতাবাস নয়, হাই কমিশন বিনিময় করে",
         "{sender_en} and {host_en} are Commonwealth members, which exchange high commissions, not embassies",
         example="ঢাকায় ভারতের দূতাবাস", check=check_commonwealth)
register("E007", "infobox-mission-wrong-slot", "warning",
         "তথ্যছকের {param}-এ {host}-এ {country}-এর মিশন থাকার কথা, কিন্তু মানটি অন্য দেশের মিশন "
         "বা অন্য দেশে অবস্থিত মিশন নির্দেশ করে ({found})",
         "infobox parameter {param} should hold {country}'s mission in {host}, but its value names "
         "the other country's mission or a mission in the wrong country ({found})",
         example="(মিশর–বাংলাদেশ সম্পর্ক, country1 মিশর) mission1 = [[কায়রোতে বাংলাদেশের দূতাবাস]]",
         doc="The value is read like prose, each of its lines (``<br>``) a mission of its own: its "
             "sender comes from its text (the slot's country only "
             "when the text names none), its host from its city or country. When one infobox "
             "country is not the title's (I006), the slot whose country is still holds that "
             "country's mission in the title's other country and is judged; the other is not. "
             "No fix: which slot or which value is wrong needs a person.", check=check_infobox_wrong_mission)
register("E008", "mission-crosswiki-disagreement", "warning",
         "{country} মিশন নিয়ে ভিন্ন তথ্য ({host}): এই নিবন্ধে {here}, ইংরেজি উইকিপিডিয়ার «{article}» নিবন্ধে {there}",
         "{country_en}'s mission in {host_en} differs: here {here_en}, in English Wikipedia's “{article}” {there_en}",
         example="(আর্জেন্টিনা–পাকিস্তান সম্পর্ক) করাচিতে আর্জেন্টিনার একটি কনস্যুলেট রয়েছে। — Foreign relations of "
                 "Argentina: Argentina has an embassy in Islamabad.",
         doc="Only when English pages are given (``relbot lint --against``, ``relbot crosscheck``): "
             "the facts English Wikipedia states about the pair (``A–B relations``, and the row or section "
             "of the other country in ``Foreign relations of A`` and of B, :mod:`bot.counterpart`) are "
             "compared with the article's (:mod:`bot.crosscheck`). A sender's mission in a host that the "
             "article gives one kind or city and English Wikipedia another, with none that agrees, is "
             "reported on each of the article's sentences. No fix: which wiki is right needs a person "
             "and a source.", check=check_crosswiki)
register("E009", "mission-crosswiki-missing", "warning",
         "ইংরেজি উইকিপিডিয়ার «{article}» নিবন্ধে {country} মিশন ({host}: {value}) তথ্যসূত্রসহ আছে, এই নিবন্ধে নেই",
         "English Wikipedia's “{article}” states {country_en}'s mission in {host_en} ({value_en}) with a "
         "reference; this article does not",
         fix="unsafe",
         example="(আজারবাইজান–আর্জেন্টিনা সম্পর্ক, without Azerbaijan's embassy) — Foreign relations of Argentina: "
                 "Azerbaijan has an embassy in Buenos Aires.<ref>…</ref>",
         doc="Only when English pages are given (``relbot lint --against``, ``relbot crosscheck``): a mission "
             "of the pair that English Wikipedia states with a reference (``missing-here``, "
             ":mod:`bot.crosscheck`) and the article does not state at all. Reported on the missions "
             "section's heading, else on the lead. The fix proposes one Bengali sentence written from the "
             "profile (``missions.sentence``: the city's locative as bnwiki writes it, the sender in the "
             "genitive, the kind in its Bengali word) with the English reference brought home as a "
             "Bengali citation, at the end of the missions section (``কূটনৈতিক মিশন``), which it creates "
             "before the appendix sections when there is none. Unsafe: a person checks the source; a bot "
             "run never saves it. A fact English Wikipedia states without a reference is listed by "
             "``relbot crosscheck``, never proposed.", check=check_crosswiki_missing)
