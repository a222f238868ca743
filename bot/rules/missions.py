"""E: embassy and mission facts."""

from __future__ import annotations

from .. import layout, missions
from . import Fix, Hit, register


def _pair(art) -> set[str]:
    return {c["code"] for c in art.doc["title"]["countries"] if c["code"]}


def _absent(art) -> set[tuple[str, str]]:
    """(sender, host country) of the missions the prose says do not exist (closed, denied,
    served from elsewhere); read only when a rule is about to ask for a mission."""
    if missions.grammar_name(art.profile) != "bn":
        return set()
    sentences = art.prose.sentences_with(missions.grammar(art.profile).absent_re(art.profile),
                                         "".join(art.profile.text["sentence_ends"]))
    codes = tuple(c["code"] for c in art.doc["title"]["countries"])
    pair = codes if len(codes) == 2 and None not in codes else ()
    return {(f.sender, f.host_country)
            for f in missions.absent_facts(sentences, art.profile, art.gazetteer, art.prose.text, pair)}


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
    for f in art.facts:
        if f.source == "prose" and not f.has_ref and (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            yield Hit(f.start, f.end, {})


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
    for i, param in enumerate(art.profile.mission_params):
        if any(f.source == "infobox" and f.param == param for f in art.facts):
            continue
        sender, host = codes[i], codes[1 - i]
        fact = next((f for f in art.facts if f.source == "prose" and f.sender == sender and sender
                     and f.host_country in (host, None)), None)
        if fact is None or (sender, host) in _absent(art):  # the prose says it closed, or serves from elsewhere
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
         example="বাকুতে আর্জেন্টিনার একটি দূতাবাস রয়েছে।", check=check_unreferenced)
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
