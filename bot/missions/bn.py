"""The Bengali grammar of mission facts: prose sentences and infobox values.

Bengali noun phrases are head-final and case suffixes carry the roles, so each mission word
(``দূতাবাস``, ``হাই কমিশন`` …, from the profile) is read with the places before it:

- the **host** is the nearest locative place before it (``ঢাকায়``, ``ঢাকাস্থ``, ``ভারতে``),
  or a genitive city right before it (``ঢাকার মার্কিন দূতাবাস``), with every place
  coordinated with it (``কলম্বো ও মালের ব্রিটিশ দূতাবাস``: Colombo and Malé); failing
  that, the first locative place after it (``ভারতের হাইকমিশন ঢাকায় অবস্থিত``);
- the **sender** is the nearest country before it that is not a host: a genitive
  (``ভারতের``), a demonym adjective (``জাপানি``, gazetteer data) or a nominative
  (``বাংলাদেশ দূতাবাস``, the subject ``আর্জেন্টিনা … দূতাবাস স্থাপন করে``), with its
  coordinated countries; an international body or topic word nearer to the mission word
  (``জাতিসংঘের শরণার্থী বিষয়ক হাই কমিশন``) means no country's mission. A mission word
  without its own sender shares the previous one's in the same sentence.

Not missions: people (``হাইকমিশনার``: a mission word followed by letters that are no
inflection), words that only contain the letters, and generic statements (plural or counted
mission words, ``বেশিরভাগ দেশের``, ``বিদেশে``), which keep only named senders in named
cities; denied, closed or planned missions (``নেই``, ``বন্ধ``, ``খোলার পরিকল্পনা``). A
genitive country before "in the capital" (``ভারতের রাজধানীতে``) is a host; a country pronoun
(``দেশটির``) without a named sender stands for the country the sentence before on the same
line starts with. A fact never has its sender as host country.

Issue 22 (real text): news forms (``রিয়াদ বাংলাদেশ দূতাবাস``, ``বাংলাদেশ দূতাবাস, কুয়েত``,
``সিত্তে শহরে``), a subject after the verb (``দূতাবাস খুলেছে আর্জেন্টিনা``), two missions sharing a
mission word (``কায়রোতে বাংলাদেশের এবং ঢাকায় মিশরের দূতাবাস``), each other's missions from the
title's pair (``উভয় দেশে পরস্পরের দূতাবাস``), the host of the time (Dhaka before 1971: Pakistan),
places of an envoy that are not the mission's (``কুয়েতে নিযুক্ত বাংলাদেশের রাষ্ট্রদূত``), moved
missions (the destination is no fact). Readings with ``status`` absent are missions the text says
do not exist: closed or denied (``বন্ধ``, ``নেই``, ``সাবেক``) or a sender serving a country from
elsewhere (``… নয়াদিল্লি থেকে বাংলাদেশের দায়িত্ব পালন করেন``); they are never facts, and rules
E001/E005 read them.

Round 2: a verb of a mission to come between host and mission word (``বার্নে হচ্ছে … দূতাবাস``) is
planned; Dhaka's quarters (``রাজধানীর বনানীতে``, gazetteer data) and a part of a place
(``… কূটনৈতিক ছিটমহলে``, ``রোমের … এলাকায়``) locate a mission in that place; the sentence before
gives a demonstrative's missions (``এ তিন দূতাবাস``), a sender-less mission word's one sender and
``দেশটিতে``'s country; a hyphenated demonym names both countries; words date a mission before 1971
without a year (``স্বাধীনতার আগে``); the same mission said again is one fact, with its city.
Round 3: closures read as absent missions — operations suspended (``কার্যক্রম স্থগিত``), ``বন্ধের``
(an announced or ordered closure), ``খালি করে`` (vacated), a closure word between host and mission
word (``ওমানে বন্ধ … দূতাবাস``) or right before the mission phrase (``বন্ধ করে দেওয়া হয়েছে কাবুলের …
দূতাবাস``), and the country ending the clause after the closure verb closing a possessor's missions
(``… এস্তোনিয়ার দূতাবাস বন্ধ করে দিয়েছে রাশিয়া``: in Russia); two mission phrases joined with no
predicate of their own share the second's; a country's government or ministry is a subject after
the verb (``… বন্ধ করে ব্রিটিশ পররাষ্ট্র দপ্তর``); a count of missions (``মিশনের সংখ্যা``) names none;
a moved mission's ``from`` place is no fact; a kind with one sender (the nunciature: the Holy See)
takes a genitive country before it as host, and its word followed by ``হিসেবে`` is the nuncio.
Round 4: verbs of a mission to come right before the mission phrase (``আবার খুলছে কিভের … দূতাবাস``)
are plans; a denied closure (``বন্ধের পরিকল্পনা নেই``) and a closure that is past (``বন্ধ থাকার পর …
আবার চালু হয়েছে``) leave the mission a fact; a negation after a service word, and a bare auxiliary of
another noun (``দূতাবাসে হামলা হতে পারে``), are not the mission's; a genitive before a postposition
(``তাইওয়ানের সঙ্গে``) is no sender; a genitive mission word before another (``হাইকমিশনের কনস্যুলেট
অফিস``) only says whose; a locative place heading the next mission phrase is that one's; the
sentence's own pair for each other's missions; a pronoun subject after the verb; a mission moved
out of its country is no fact there; heads of mission and 'appointed' mission words are people.
Cross-check round 3: two cities of two countries before ``দুই দেশের`` share out each country's mission
(``সিউল ও টোকিওতে দুই দেশের দূতাবাস``); each other's ``রাজধানীতে`` is the host's capital; a country before
a postposition is a topic; a count equal to its cities is one mission in each; a mission that ``ছিল``
and a later clause moves is in its new place, one that a later clause closes is absent only.
Round 5: place names spelled another way match by a spelling fold (``Gazetteer.find_spellings``);
a request (``অনুরোধ``) is a mission to come only after an opening word; new or own premises take
the plan words after them; ``দেশটিতে`` after a sentence starting with no country is the one country
that sentence names in the locative.
Round 6: ``-স্থিত``/``-স্ত``; the press's ``অস্ট্রিয়া বাংলাদেশ দূতাবাস`` (host, then sender); a closure to
come (``বন্ধ করবে``) is a fact and an absent; a place of residents or of people posted there
(``ওমানে বসবাসরত প্রবাসীদের``) or of an event (``ইরানে হামলার জেরে``) is no host; an ordinal counts; a
region (Hong Kong) is in its country, named as the place; upgrades done (``… কনস্যুলেটকে দূতাবাসে
উন্নীত করা হয়``); a mission kept open is there; the one subject of the sentence before for a mission
it opened.
Round 7: a move to come keeps its origin (``তেল আবিব থেকে … স্থানান্তর করবে``); a withdrawal ``X থেকে``
with no destination is absent there; staff moved out of a mission leave it; a move for the time being
is a fact nowhere; a service closed before the mission word is the service's; ``বাংলাদেশ দূতাবাস কাতার``
(sender, kind, host); the subject closing the clause after a mission's work, a capital for its country.
Round 8: a closure for a while (``সাময়িক বন্ধ``) says neither that the mission is there nor gone; openings
going on, wished for or said to be needed are none yet; one mission said twice (a name in brackets, a
copula, ``মিশন`` then its kind) is one; the place before a governing mission word; dates inside a place
phrase; a bare city after a bare mission word; people stranded in or returned from a country are theirs;
a mission serving another country from a genitive city is none there.
Round 9: a closure the host orders (``বন্ধের নির্দেশ`` with the host named after it) leaves the mission
there until then, one asked for or prepared (``বন্ধের প্রস্তাব``, ``খালি করার প্রস্তুতি``) is not made;
a plural mission word over a list of named countries is one in each, and a genitive list before the
sender names every host; a plan of another act (``ছেড়ে যাওয়ার পরিকল্পনা``) is not the mission's; a
country's diplomats leaving a mission of no named sender make it theirs; citizens' demonyms are theirs;
the city in a mission's postal address; ``না থাকায়`` says there is none.
Round 10: a closure ordered with no one named is the host's too, one ordered by a ministry of no
named country or already carried out is a closure, one decided (``বন্ধ করার সিদ্ধান্ত নিয়েছে``) is to
come; a closure followed by a reopening before the mission word is over; a non-resident envoy
(``বাংলাদেশে নিযুক্ত বেলারুশের অনাবাসিক রাষ্ট্রদূত``) says there is no mission; a state as the place
(``ত্রিপুরায়``) names the country, no city; a capital after a genitive city names the sender
(``দিল্লির ঢাকা হাইকমিশন``); a list of cities each after its country; a count after a place noun
and the sender.
Round 11: an opening about to start before the mission phrase (``যাত্রা শুরু হতে যাচ্ছে``) is to come;
a service named after the closure word, or after the mission word with the closure before it, is
what closed; a generic word before a host in the locative is another noun's (``যে কোনো প্রয়োজনে``);
``দেশটিতে`` with one country named before it in the sentence; a mission word 'as' a post a person is
appointed to (``সহকারী হাইকমিশন হিসেবে … নিয়োগ``) is none.
All words come from the profile's ``missions`` section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..gazetteer import Gazetteer, PlaceMatch
from ..profile import Profile, nfc
from . import Fact

_W = "\u0980-\u09fe\u200c\u200dA-Za-z0-9"  # word characters (Bengali vowel signs included)


# a bare kind said again after the fuller one (… কনস্যুলেট জেনারেল … কনস্যুলেটের হটলাইন): the same mission
_KIND_OF = {"consulate": ("consulate-general", "honorary-consulate"),
            "high-commission": ("deputy-high-commission", "assistant-high-commission")}

_GLOSS = re.compile(r"\((?=[^()]*[A-Za-z])[\x20-\x7e]*?\)")  # (Kyiv), (US embassy): a Latin gloss


@dataclass(frozen=True)
class Reading:
    """One mission of a sentence or value: who has which kind where."""

    kind: str
    sender: str | None
    city: PlaceMatch | None
    host: str | None
    at: int  # offset of the mission word
    status: str = "present"  # present | absent (closed, denied, accredited from elsewhere) | planned


def _digits_value(s: str, local_digits: str) -> int:
    table = {ord(d): str(i) for i, d in enumerate(local_digits)}
    return int(s.translate(table))


def _alt(words) -> str:
    parts = sorted({r"\s+".join(map(re.escape, nfc(w).split())) for w in words if w.strip()},
                   key=len, reverse=True)
    return "|".join(parts) or "(?!)"


@dataclass(frozen=True)
class _Words:
    inflection: re.Pattern  # what may follow a mission word, anchored at its end
    plural: re.Pattern
    prefix: re.Pattern  # a joined prefix ending at the mission word's start
    exclude: re.Pattern  # people and non-mission words that contain a mission word
    blocker: re.Pattern  # bodies and topic words, any inflection
    generic: re.Pattern  # quantifiers, vague places and counts
    negation: re.Pattern  # denied, closed or planned missions
    planned_before: re.Pattern  # হচ্ছে, হবে between the host and the mission word: to come
    closed_before: re.Pattern  # বন্ধ between the host and the mission word: closed (ওমানে বন্ধ … দূতাবাস)
    government: re.Pattern  # সরকার after a genitive country: the country as a subject
    government_word: re.Pattern  # the same words anywhere: an unnamed government as a clause's actor
    count_noun: re.Pattern  # সংখ্যা right after a mission word: a count, no mission
    role: re.Pattern  # হিসেবে right after a mission word: a person's title (নুনসিও হিসেবে)
    kind_senders: dict  # kind -> its one sender (nunciature: VA)
    objective_endings: frozenset  # কে: the object's case ending
    split_compounds: tuple  # (words before, base kind, compound kind) around a demonym
    capital: re.Pattern  # "in the capital", right after a genitive country
    pronoun: re.Pattern  # a country named before (দেশটির)
    locative_pronoun: re.Pattern  # in the country named before (দেশটিতে)
    host_pronoun: re.Pattern  # of that country (দেশটির, সেদেশের) before a named sender: the host
    area: re.Pattern  # a part of a place (এলাকা, ছিটমহল), before a case ending
    demonstrative: re.Pattern  # এ (তিন) দূতাবাস: the missions of the sentence before
    attributive: frozenset
    coordination: re.Pattern  # a gap that only joins two list members
    inclusive: frozenset  # সহ: 'including', the named members of a generic statement
    apposition: re.Pattern  # বলিউডের শহর: a description before a list member, at the gap's end
    people: re.Pattern  # envoys: a place before one belongs to the person, not the mission
    closure: re.Pattern  # negations that say the mission does not exist
    former: re.Pattern  # সাবেক: the mission was
    closure_ref: re.Pattern  # এটি, যা: the mission just named, in a later clause
    move: re.Pattern  # a mission moved: the place after it is its destination
    city_nouns: tuple  # (pattern, case): "city" nouns carrying a nominative city's case
    city_words: frozenset  # the same nouns as words (শহরে)
    reciprocal: re.Pattern  # each other's missions (পরস্পরের)
    accreditation: re.Pattern  # served from elsewhere (স্বীকৃত, দায়িত্ব পালন)
    nonresident: re.Pattern  # অনাবাসিক রাষ্ট্রদূত: an envoy living elsewhere, so no mission where posted
    people_plural: re.Pattern  # রাষ্ট্রদূতদের, রাষ্ট্রদূতরা: envoys in the plural
    posted_gap: re.Pattern  # নিযুক্ত: what may stand between a posting's place and the envoy's sender
    source: re.Pattern  # "from", right after a place (নয়াদিল্লি থেকে)
    historical: tuple  # (country, before year, host then, words dating a sentence before then)
    regions: dict  # region -> the country its missions are in (HK -> CN)
    territories: dict  # territory -> the state its missions are counted in, no city kept (GL -> DK)
    states: frozenset  # IN:tripura: gazetteer places that are states, so no city
    planned_ahead: re.Pattern  # খুলছে right before the mission phrase (আবার খুলছে কিভের … দূতাবাস): to come
    void: re.Pattern  # a closure denied (বন্ধের পরিকল্পনা নেই): the mission exists
    service: re.Pattern  # সেবা, ভিসা: a negation after one is the service's
    service_noun: re.Pattern  # সেবা right after a bare mission word (দূতাবাস সেবা): a compound, no mission
    postposition: re.Pattern  # সঙ্গে after a genitive country: a partner, not a sender
    appointed: re.Pattern  # নিযুক্ত হয়েছেন right after a mission word: a person
    appositive_nouns: frozenset  # রাজধানী, শহর: words of a place phrase
    reopened: re.Pattern  # আবারও চালু হয়েছে: a closure before is past
    province: re.Pattern  # ইজমির প্রদেশে: the province, not the city
    finite: re.Pattern  # দিয়েছে: a finite verb's ending, never a place word's
    finite_and: re.Pattern  # … খুলেছে এবং: a past finite verb and a conjunction, one clause ending
    located: re.Pattern  # ঢাকায় অবস্থিত …, কিয়েভে থাকা …: after a locative
    capital_nouns: frozenset  # রাজধানী: a word before a capital that counts for none after an embassy
    capital_kinds: frozenset  # embassy, high-commission: the kinds a capital holds
    typo_bases: dict  # দূতাবাস -> embassy: a word one typing slip from one is that mission (কনস্যুলটে, হইকমিশন)
    typo_not: tuple  # হাইকমিশনা: beginnings of other words one slip from a base (হাইকমিশনার)
    mention: re.Pattern  # a mission word or a word one slip from a typo base: the sentences worth reading
    indefinite: frozenset  # একটি: a new noun phrase begins
    existence: frozenset  # অস্তিত্ব: after কোনো, the mission's own being
    staff_word: re.Pattern  # কর্মী, কর্মকর্তা anywhere: the mission's people
    any_noun: re.Pattern  # কোনো পরিবর্তন: the noun a negation after it denies
    event_participles: frozenset  # অনুষ্ঠিত (হবে): an event to come, not the mission
    other_objects: frozenset  # সম্পর্ক (স্থাপনের): an act on another object, not the mission's
    auxiliaries: frozenset  # হবে, না: bare negations, another noun's after an oblique mission word
    both: re.Pattern  # দুই দেশের: both countries' missions, one in each of two cities named before
    count_values: dict  # দুটি -> 2: a count equal to the cities before it is one mission in each
    past: re.Pattern  # ছিল: the mission was (with a later closure or move: no fact there)
    requests: frozenset  # অনুরোধ: a request to open only after an opening word (চালুর অনুরোধ)
    closure_words: frozenset  # the closure words as written in the profile (বন্ধ)
    plan_nouns: frozenset  # পরিকল্পনা: a plan of the act named right before it (যাওয়ার পরিকল্পনা)
    future_closure: re.Pattern  # বন্ধ করবে: to be closed, so still there
    closure_call: re.Pattern  # বন্ধের (একটি) প্রস্তাব / নির্দেশ / সিদ্ধান্ত: a demand, an order or a decision right after a closure word
    closure_decisions: frozenset  # সিদ্ধান্ত: a closure decided, so the mission is there until then
    closure_pending: frozenset  # প্রস্তাব, দাবি, প্রস্তুতি: asked for or prepared, so the mission is still there
    resident: re.Pattern  # বসবাসরত প্রবাসী right after a locative place: the residents' place, not the mission's
    general: re.Pattern  # বিভিন্ন: countries in general, before a reciprocal word
    upgrade_done: re.Pattern  # উন্নীত করা হয়: a mission of one kind made another
    upgrade: re.Pattern  # উন্নীত: any upgrade, done or to come
    upgrade_tails: frozenset  # করার ঘোষণা দিয়েছে: the upgrade's own verb words before its subject
    move_ahead: re.Pattern  # স্থানান্তর করবে: a move to come
    expulsion: re.Pattern  # (ভারত) ছাড়ার নির্দেশ: the staff ordered out of the country before it
    country_nouns: frozenset  # দেশে: countries in general, as a place
    beside: re.Pattern  # (দূতাবাসের) সামনে: a place by the mission, not the mission
    beside_words: frozenset  # the same words, one by one (কলকাতার বাইরে: outside the city)
    move_intents: frozenset  # ইচ্ছা: a move wished or tried, not decided: the mission stays
    move_unfinished: re.Pattern  # হবে না, আসতে পারে, নির্দেশ দেবেন: after a move word, not done (yet)
    withdrawal: re.Pattern  # সরিয়ে: a move word that takes a mission away (a place before it is where it goes)
    staff: re.Pattern  # (সমস্ত) কর্মীদের right after a mission word: its staff, not the mission
    staff_recall: re.Pattern  # সরিয়ে, ফিরিয়ে, প্রত্যাহার: its staff called home, the mission left where it is
    recall_tails: frozenset  # নিচ্ছে, শুরু করেছে: the words of a staff recall's verb after its first word
    staff_returns: frozenset  # ফিরিয়ে: a recall word that also brings staff back (to a place named)
    planned_tail: re.Pattern  # হচ্ছে right after a bare mission word, ending its clause (… মিশন হচ্ছে): to come
    count_word: re.Pattern  # তিন, কয়েকজন, অন্তত, ১০টি: a number or quantifier, one word
    quoted_title: re.Pattern  # ‘…’ শিরোনামে: a quoted title
    coordinator_words: tuple  # ও, এবং, আর: the coordinators but the comma, each a word of its own
    temporary: re.Pattern  # সাময়িকভাবে: for the time being (a move for a while, a closure that ends)
    event: re.Pattern  # হামলার right after a locative place: the event's place
    event_near: re.Pattern  # … or two words on (প্যারিসে বর্বরোচিত হামলার পর, গাজায় ইসরায়েলি হামলার)
    venue: re.Pattern  # a genitive city's named hall or hotel (মাস্কাটের শেরাটন হোটেলে): the event's place
    object_pronoun: re.Pattern  # সেটিকে: the mission of the sentence before, as an object
    copula: re.Pattern  # হল: a mission word after one says what the mission before is
    left: re.Pattern  # ছাড়লেন: the staff have left the mission (done, so no fact from them)
    address: re.Pattern  # দূতাবাসের ঠিকানা: the mission's postal address follows, its city in it
    appointment: re.Pattern  # নিয়োগ anywhere after: a person appointed (with a role word, to a post)
    staff_subject: re.Pattern  # মার্কিন কূটনীতিকরা: the diplomats of a country as a clause's subject
    resident_noun: re.Pattern  # প্রবাসী right after a place: people of that place, not a mission's
    date: re.Pattern  # ২০০১ সাল থেকে: a date, no part of a place phrase


_CACHE: dict[int, tuple[Profile, _Words]] = {}


def _words(profile: Profile) -> _Words:
    """The compiled word lists of a profile's ``missions`` section (built once per profile)."""
    hit = _CACHE.get(id(profile))
    if hit and hit[0] is profile:
        return hit[1]
    m = profile.data["missions"]

    def words(name):
        return list(m.get(name, ()))

    count = f"|(?:{m['count_pattern']})" if m.get("count_pattern") else ""
    calls = words("closure_pending") + words("closure_orders") + words("closure_decisions")
    built = _Words(
        inflection=re.compile(f"(?:{_alt(words('inflections'))})(?![{_W}])"),
        plural=re.compile(f"(?:{_alt(words('plural_suffixes'))})(?![{_W}])"),
        prefix=re.compile(f"(?<![{_W}])(?:{_alt(words('prefixes'))})-?$"),
        exclude=re.compile(f"(?<![{_W}])(?:{_alt(words('people') + words('not_missions'))})"),
        blocker=re.compile(f"(?<![{_W}])(?:{_alt(words('bodies'))})"),
        generic=re.compile(f"(?<![{_W}])(?:{_alt(words('generic_words'))})(?![{_W}]){count}"),
        negation=re.compile(f"(?<![{_W}])(?:{_alt(words('negations'))})(?![{_W}])"),
        planned_before=re.compile(f"(?<![{_W}])(?:{_alt(words('planned_before'))})(?![{_W}])"),
        closed_before=re.compile(f"(?<![{_W}])(?:{_alt(words('closed_before'))})(?![{_W}])"),
        government=re.compile(rf"\s*(?:{_alt(words('government_words'))})(?![{_W}])"),
        government_word=re.compile(rf"(?<![{_W}])(?:{_alt(words('government_words'))})"),
        count_noun=re.compile(rf"\s*(?:{_alt(words('count_nouns'))})(?![{_W}])"),
        role=re.compile(rf"\s*(?:{_alt(words('role_words'))})(?![{_W}])"),
        kind_senders=dict(m.get("kind_senders", {})),
        objective_endings=frozenset(nfc(x) for x in words("objective_endings")),
        # সহকারী ভারতীয় হাই কমিশন: a compound's word before a demonym, the base kind after it
        split_compounds=tuple((re.compile(f"(?<![{_W}])(?:{_alt(c['before'])})\\s+$"), c["of"], c["kind"])
                              for c in m.get("kind_compounds", ()) if c.get("before")),
        pronoun=re.compile(f"(?<![{_W}])(?:{_alt(words('pronouns'))})(?![{_W}])"),
        area=re.compile(f"(?:{_alt(words('area_words'))})"),
        locative_pronoun=re.compile(f"(?<![{_W}])(?:{_alt(words('locative_pronouns'))})(?![{_W}])"),
        host_pronoun=re.compile(f"(?<![{_W}])(?:{_alt(words('host_pronouns'))})(?![{_W}])"),
        demonstrative=re.compile(f"(?<![{_W}-])(?:{_alt(words('demonstratives'))})\\s+"
                                 f"(?:(?:{_alt(words('attributive_words'))})\\s+)*$"),
        capital=re.compile(rf"\s*(?:{_alt(words('capital_words'))})(?![{_W}])"),
        attributive=frozenset(nfc(w) for w in words("attributive_words")),
        inclusive=frozenset(nfc(w) for w in words("inclusive_suffixes")),
        coordination=re.compile(r"\s*(?:(?:" + _alt(words("coordinators")) + r")\s*)+"),
        apposition=re.compile(rf"(?<![{_W}])[{_W}]+\s+(?:{_alt(words('appositive_nouns'))})\s*$"),
        people=re.compile(f"(?<![{_W}])(?:{_alt(words('people'))})"),
        closure=re.compile(f"(?<![{_W}])(?:{_alt(words('closures'))})(?![{_W}])"),
        former=re.compile(f"(?<![{_W}])(?:{_alt(words('former_words'))})(?![{_W}])"),
        closure_ref=re.compile(f"(?<![{_W}])(?:{_alt(words('closure_refs'))})(?![{_W}])"),
        move=re.compile(f"(?<![{_W}])(?:{_alt(words('moves'))})"),
        city_nouns=tuple((re.compile(rf"\s*(?:{_alt(ws)})(?![{_W}])"), case)
                         for case, ws in m.get("city_nouns", {}).items()),
        city_words=frozenset(nfc(x) for ws in m.get("city_nouns", {}).values() for x in ws),
        reciprocal=re.compile(f"(?<![{_W}])(?:{_alt(words('reciprocal_words'))})(?![{_W}])"),
        # স্বীকৃত, not স্বীকৃতি (recognition): an i-vowel after the word makes it a noun
        accreditation=re.compile(f"(?<![{_W}])(?:{_alt(words('accreditation_words'))})(?![\u09bf\u09c0])"),
        nonresident=re.compile(f"(?<![{_W}])(?:{_alt(words('nonresident_words'))})\\s+(?:{_alt(words('people'))})"
                               if words("nonresident_words") else r"(?!)"),
        people_plural=re.compile(f"(?:{_alt(words('people_plurals'))})(?![{_W}])" if words("people_plurals") else r"(?!)"),
        posted_gap=re.compile(rf"\s+(?:(?:{_alt(words('posted_words'))})\s+)?"),
        source=re.compile(rf"\s*(?:{_alt(words('from_words'))})(?![{_W}])"),
        historical=tuple((h["country"], h["before"], h["host"],
                          re.compile(f"(?<![{_W}])(?:{_alt(h.get('words', ()))})(?![{_W}])"))
                         for h in m.get("historical_hosts", ())),
        regions=dict(m.get("region_hosts", {})),
        territories=dict(m.get("territory_hosts", {})),
        states=frozenset(m.get("state_places", ())),
        planned_ahead=re.compile(f"(?<![{_W}])(?:{_alt(words('planned_ahead'))})(?![{_W}])"),
        void=re.compile(f"(?:{_alt(words('void_negations'))})(?![{_W}])"),
        service=re.compile(f"(?<![{_W}])(?:{_alt(words('service_words'))})(?![{_W}])"),
        service_noun=re.compile(rf"\s+(?:{_alt(words('service_nouns'))})(?![{_W}])"),
        postposition=re.compile(rf"\s*(?:{_alt(words('postpositions'))})(?![{_W}])"),
        appointed=re.compile(rf"\s*(?:{_alt(words('appointed_words'))})(?![{_W}])"),
        appositive_nouns=frozenset(nfc(x) for x in words("appositive_nouns")),
        reopened=re.compile(f"(?<![{_W}])(?:{_alt(words('reopened'))})(?![{_W}])"),
        province=re.compile(rf"\s*(?:{_alt(words('province_words'))})(?:{_alt(words('inflections'))})?(?![{_W}])"
                            if words("province_words") else r"(?!)"),
        finite=re.compile(f"(?:{_alt(words('finite_endings'))})$" if words("finite_endings") else r"(?!)"),
        finite_and=re.compile(rf"([{_W}]+(?:{_alt(words('past_finite_endings'))}))\s+(?:{_alt(words('clause_conjunctions'))})(?![{_W}])"
                              if words("past_finite_endings") and words("clause_conjunctions") else r"(?!)"),
        located=re.compile(rf"\s+(?:{_alt(words('located_words'))})(?![{_W}])\s*" if words("located_words") else r"(?!)"),
        capital_nouns=frozenset(nfc(x) for x in words("capital_nouns")),
        capital_kinds=frozenset(words("capital_kinds")),
        typo_bases={nfc(k): v for k, v in m.get("typo_bases", {}).items()},
        typo_not=tuple(nfc(x) for x in words("typo_not")),
        mention=re.compile(f"(?:{profile.mission_kind_re.pattern})" + (
            f"|{_trie(_slips(nfc(b) for b in m.get('typo_bases', {})))}" if m.get("typo_bases") else "")),
        indefinite=frozenset(nfc(x) for x in words("indefinite_words")),
        existence=frozenset(nfc(x) for x in words("existence_nouns")),
        staff_word=re.compile(rf"(?<![{_W}])(?:{_alt(words('staff_words'))})"),
        any_noun=re.compile(f"(?<![{_W}])(?:{_alt(words('any_words'))})\\s+[{_W}]+" if words("any_words") else r"(?!)"),
        event_participles=frozenset(nfc(x) for x in words("event_participles")),
        other_objects=frozenset(" ".join(nfc(x).split()) for x in words("other_objects")),
        auxiliaries=frozenset(" ".join(nfc(x).split()) for x in words("auxiliaries")),
        both=re.compile(f"(?<![{_W}])(?:{_alt(words('both_words'))})(?![{_W}])"),
        count_values={nfc(k): v for k, v in m.get("count_values", {}).items()},
        past=re.compile(f"(?<![{_W}])(?:{_alt(words('past_words'))})(?![{_W}])"),
        requests=frozenset(" ".join(nfc(x).split()) for x in words("request_words")),
        closure_words=frozenset(" ".join(nfc(x).split()) for x in words("closures")),
        plan_nouns=frozenset(" ".join(nfc(x).split()) for x in words("plan_nouns")),
        closure_call=re.compile(r"(?:\s*[^\s।,;:]+){0,2}?\s*(" + _alt(calls) + ")" if calls else r"(?!)"),
        closure_decisions=frozenset(" ".join(nfc(x).split()) for x in words("closure_decisions")),
        closure_pending=frozenset(nfc(x) for x in words("closure_pending")),
        future_closure=re.compile(f"(?<![{_W}])(?:{_alt(words('future_closures'))})(?![{_W}])"),
        resident=re.compile(rf"\s*(?:(?:{_alt(words('resident_words'))})\s+(?:[{_W}]+\s+){{0,2}}"
                            rf"(?:{_alt(words('resident_nouns'))})|(?:{_alt(words('posted_words'))})\s+(?:[{_W}]+\s+){{0,2}}"
                            rf"(?:{_alt(words('posted_nouns'))}))"),
        general=re.compile(f"(?<![{_W}])(?:{_alt(words('general_subjects'))})(?![{_W}])"),
        withdrawal=re.compile(f"(?<![{_W}])(?:{_alt(words('withdrawals'))})"),
        temporary=re.compile(f"(?<![{_W}])(?:{_alt(words('temporary_words'))})(?![{_W}])"),
        staff=re.compile(rf"\s*(?:(?:{_alt(words('staff_quantifiers'))})\s+)?(?:{_alt(words('staff_words'))})"
                         rf"(?![{_W}]*(?:{_alt(words('inclusive_suffixes'))})(?![{_W}]))"),  # (… দূতাবাস সব কর্মীসহ
        # প্রত্যাহার: the mission, with its staff)
        staff_recall=re.compile(f"(?<![{_W}])(?:{_alt(words('staff_recalls'))})"),
        recall_tails=frozenset(nfc(x) for x in words("staff_recall_tails")),
        staff_returns=frozenset(nfc(x) for x in words("staff_returns")),
        planned_tail=re.compile(rf"\s+(?:{_alt(words('planned_tails'))})\s*(?:[,;:।!?|]|$)"),
        count_word=re.compile(rf"(?:{_alt(words('count_words'))}|[০-৯0-9]+(?:টি|টা|জন)?)"),
        quoted_title=re.compile(rf"(?:‘[^‘’]*’|“[^“”]*”|\"[^\"]*\"|'[^']*')(?=\s*(?:{_alt(words('title_words'))})(?![{_W}]))"),
        coordinator_words=tuple(nfc(x) for x in words("coordinators") if x.strip() not in ",&"),
        expulsion=re.compile(rf"\s+(?:{_alt(words('expulsions'))})(?![{_W}])" if words("expulsions") else r"(?!)"),
        country_nouns=frozenset(nfc(x) for x in words("country_nouns")),
        beside=re.compile(rf"\s*(?:{_alt(words('spatial_postpositions'))})(?![{_W}])" if words("spatial_postpositions") else r"(?!)"),
        beside_words=frozenset(nfc(x) for x in words("spatial_postpositions")),
        move_intents=frozenset(nfc(x) for x in words("move_intents")),
        move_unfinished=re.compile(f"(?<![{_W}])(?:{_alt(words('move_unfinished'))})(?![{_W}])"),
        move_ahead=re.compile(f"(?<![{_W}])(?:{_alt(words('moves_ahead'))})(?![{_W}])"),
        event=re.compile(rf"\s*(?:{_alt(words('event_words'))})(?![{_W}])"),
        venue=re.compile(rf"(?:\s+[{_W}]+){{0,2}}?\s+(?:{_alt(words('venue_nouns'))})(?P<ending>-?[{_W}]+)"),
        event_near=re.compile(rf"(?:\s+[{_W}]+){{0,2}}?\s+(?:{_alt(words('event_words'))})(?![{_W}])"),
        upgrade_done=re.compile(f"(?<![{_W}])(?:{_alt(words('upgrades_done'))})(?![{_W}])"),
        upgrade=re.compile(f"(?<![{_W}])(?:{_alt(words('upgrade_words'))})(?![{_W}])"),
        upgrade_tails=frozenset(nfc(x) for x in words("upgrade_tails")),
        object_pronoun=re.compile(f"(?<![{_W}])(?:{_alt(words('object_pronouns'))})(?![{_W}])"),
        copula=re.compile(f"(?<![{_W}])(?:{_alt(words('copulas'))})(?![{_W}])"),
        left=re.compile(f"(?<![{_W}])(?:{_alt(words('left_words'))})(?![{_W}])" if words("left_words") else r"(?!)"),
        address=re.compile(r"(?:" + _alt(words("inflections")) + r")?\s+(?:" + _alt(words("address_words")) + ")"
                           if words("address_words") else r"(?!)"),
        appointment=re.compile(rf"(?<![{_W}])(?:{_alt(words('appointment_words'))})" if words("appointment_words") else r"(?!)"),
        staff_subject=re.compile(rf"\s+(?:{_alt(words('posted_nouns'))})(?:রা|গণ|কে)?(?:\s+(?:ও|এবং)\s+[{_W}]+(?:রা|গণ))?"
                                 rf"(?![{_W}])"),
        resident_noun=re.compile(rf"\s+(?:{_alt(words('resident_nouns'))})"),
        date=re.compile(m.get("date_pattern") or "(?!)"),
    )
    _CACHE[id(profile)] = (profile, built)
    return built


@dataclass(frozen=True)
class _Anchor:
    start: int
    end: int
    kind: str
    plural: bool


def _anchors(text: str, profile: Profile, w: _Words) -> list[_Anchor]:
    """Mission words that name missions: whole words, inflected or plural, not people."""
    excluded = [(m.start(), m.end()) for m in w.exclude.finditer(text)]
    spans = [(m.start(), m.end(), profile.mission_kind(m.group())) for m in profile.mission_kind_re.finditer(text)]
    spans += _typos(text, spans, profile, w)
    out = []
    for s, e, kind in sorted(spans):
        if s and re.match(f"[{_W}]", text[s - 1]) and not w.prefix.search(text[:s]):
            continue  # inside a longer word
        if any(a <= s and e < b or a < s and e <= b for a, b in excluded):
            continue  # হাই কমিশনার, কনসালটেন্ট, নির্বাচন কমিশন
        plural = False
        if e < len(text) and re.match(f"[{_W}]", text[e]):
            if w.plural.match(text, e):
                plural = True
            elif not w.inflection.match(text, e):
                continue  # followed by other letters: another word (হাইকমিশনার)
        ending = w.inflection.match(text, e) or w.plural.match(text, e)
        after = ending.end() if ending else e
        if w.count_noun.match(text, after) or kind in w.kind_senders and w.role.match(text, after):
            continue  # ভারতে বাংলাদেশ মিশনের সংখ্যা: a count of missions; নুনসিও হিসেবে: the nuncio
        if w.appointed.match(text, after) or not ending and w.service_noun.match(text, after):
            continue  # … ব্রিটিশ হাই কমিশন নিযুক্ত হয়েছেন: a person; বার্সেলোনায় দূতাবাস সেবা: a service, given anywhere
        out.append(_Anchor(s, e, kind, plural))
    return out


def _typos(text: str, spans: list, profile: Profile, w: _Words) -> list[tuple[int, int, str]]:
    """(start, end, kind) of words that are a mission word with one typing slip (a letter left out, added,
    changed or two swapped: ``কনস্যুলটে``, ``হইকমিশন``), with any inflection after it, and with the word
    before or after when the two make a compound kind (``সহকারী হইকমিশন``, ``কনস্যূলেট জেনারেল``); not
    words a mission word begins, nor beginnings of other words (``typo_not``: হাইকমিশনার)."""
    if not w.typo_bases:
        return []
    longest = max(map(len, w.typo_bases)) + 1
    out = []
    for m in re.finditer(f"[{_W}]+", text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        word = m.group()
        for n in range(min(len(word), longest), 4, -1):
            rest = w.inflection.match(word, n) or w.plural.match(word, n)
            if n < len(word) and (rest is None or rest.end() != len(word)):
                continue
            stem = word[:n]
            base = next((b for b in w.typo_bases if _one_slip(stem, b)), None)
            if base is not None and not word.startswith(w.typo_not):
                start, end, kind = m.start(), m.start() + n, w.typo_bases[base]
                before = re.search(rf"([{_W}]+)([\s-])$", text[:m.start()])
                after = re.compile(rf"[\s-][{_W}]+").match(text, m.end()) if n == len(word) else None
                compound = after and profile.mission_kind_re.match(base + after.group())
                if before and profile.mission_kind_re.fullmatch(before[1] + before[2] + base):
                    start, kind = before.start(), profile.mission_kind(before[1] + before[2] + base)
                elif compound and compound.end() > len(base) + 1:  # কনস্যূলেট জেনারেল
                    end, kind = m.end() + compound.end() - len(base), profile.mission_kind(compound.group())
                out.append((start, end, kind))
                break
    return out


def _slips(bases) -> set[str]:
    """Every word one typing slip after the first letter from a base (Bengali letters only), the bases
    left out: what :func:`_one_slip` accepts, written out for a sentence finder."""
    letters = [chr(c) for c in range(0x0981, 0x09FB) if chr(c).isprintable()]
    out: set[str] = set()
    for b in bases:
        out |= {b[:i] + b[i + 1:] for i in range(1, len(b))}
        out |= {b[:i] + b[i + 1] + b[i] + b[i + 2:] for i in range(1, len(b) - 1)}
        out |= {b[:i] + c + b[i + 1:] for i in range(1, len(b)) for c in letters}
        out |= {b[:i] + c + b[i:] for i in range(1, len(b) + 1) for c in letters}
    return out - set(bases)


def _trie(words) -> str:
    """One regex matching any of ``words`` at the start of a word, shared beginnings written once, so
    a search tries a letter tree at each position, not each word (the start is checked after the
    first letter, which keeps the search fast)."""
    tree: dict = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def walk(node: dict, root: bool = False) -> str:
        alts = [re.escape(c) + (f"(?<![{_W}]{re.escape(c)})" if root else "") + walk(sub)
                for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(tree, True)


def mention_re(profile: Profile) -> re.Pattern:
    """What a sentence worth reading for missions holds: a mission word, or a word that may be one
    with a typing slip (``typo_bases``; :func:`_anchors` decides)."""
    return _words(profile).mention


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter after the first left out, added or changed, or two
    neighbours after it swapped (writers slip inside a word, seldom on its first letter)."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:]
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _split_compound(text: str, a: _Anchor, places, w: _Words) -> _Anchor:
    """``a`` with the compound kind when the compound's first word stands before a demonym right before
    it (``চট্টগ্রামস্থ সহকারী ভারতীয় হাই কমিশনে``: an assistant high commission)."""
    demonym = next((p for p in places if p.case == "adjective" and p.end <= a.start
                    and not text[p.end:a.start].strip()), None)
    if demonym is None:
        return a
    for before, base, kind in w.split_compounds:
        if a.kind == base and before.search(text, 0, demonym.start):
            return replace(a, kind=kind)
    return a


def _only_words(text: str, allowed: frozenset, gaz: Gazetteer, w: _Words, city: bool = True) -> bool:
    """``text`` holds nothing but punctuation and allowed words, after at most a short place
    phrase ending in an area word (বাংলাদেশের কূটনৈতিক ছিটমহলে, হাভানার মিরামার জেলার) or, after
    a city, in a locative word (ঢাকার বারিধারায় অবস্থিত, রোমের ভিয়া দেল আন্তারতিদে এলাকায়): a part
    of the place before."""
    # দার-উল-আমান রোডে: a hyphenated name is one word
    tokens = re.findall(f"[{_W}]+(?:-[{_W}]+)*", text)
    return any(all(t in allowed for t in tokens[k + 1:])
               and not any(w.finite.search(t) for t in tokens[:k + 1])  # … ছাড়ার পরামর্শ দিয়েছে: a clause
               and not any(t in w.beside_words for t in tokens[:k + 1])  # কলকাতার বাইরে: not in the place
               and (k < 0 and city or k >= 0 and (_is_area(tokens[k], w, gaz)
                                                  or city and gaz.ending_case(tokens[k]) == "locative"
                                                  or city and k == 0 and gaz.ending_case(tokens[k]) == "genitive"))
               for k in range(-1, min(len(tokens), 4)))


def _is_area(token: str, w: _Words, gaz: Gazetteer) -> bool:
    """An area word with no ending or a case ending (এলাকা, এলাকায়, জেলার)."""
    m = w.area.match(token)
    return bool(m) and (m.end() == len(token) or gaz.suffix_case(token[m.end():]) is not None)


def _group(places: list[PlaceMatch], i: int, text: str, w: _Words, step: int) -> list[PlaceMatch]:
    """``places[i]`` and the places coordinated with it (``কলম্বো ও মালের``), walking back
    (step -1) or forward (+1); members before the last carry no case or the same case."""
    out = [places[i]]
    j = i + step
    start = places[i].start  # where the last member taken begins, with its country qualifier
    while 0 <= j < len(places):
        a, b = (places[j], out[-1]) if step < 0 else (out[-1], places[j])
        if step < 0 and a.case == "genitive" and a.place.kind == "country" and b.place.kind == "city" \
                and b.place.country == a.place.id and not text[a.end:b.start].strip() and j > 0:
            # ভারতের নয়া দিল্লি, ভিয়েতনামের হ্যানয় এবং থাইল্যান্ডের ব্যাংককে: each city with its country
            start = a.start
            j += step
            continue
        gap = text[a.end:b.start] if step > 0 else text[a.end:start]
        described = w.apposition.search(gap)
        gap = gap[:described.start()] if described else gap  # … ও বলিউডের শহর মুম্বাইতে
        if not w.coordination.fullmatch(gap) and not (gap == "-" and a.case == b.case == "adjective"):
            break  # ফ্রাঙ্কো-জার্মান: a hyphenated demonym names both countries
        if step < 0 and a.case not in ("nominative", places[i].case) or step > 0 and a.case != "nominative":
            break  # only the list's last member carries a case (ঢাকায় ends a list)
        if a.place.kind == "country" and b.place.kind == "city":
            break  # "পাকিস্তান, ঢাকায়": a subject and a place, not a list of places
        out.append(places[j])
        start = places[j].start
        j += step
    return out if step > 0 else out[::-1]


def _hosts_before(pre: list[PlaceMatch], text: str, at: int, w: _Words, gaz: Gazetteer) -> list[PlaceMatch]:
    """The host group before a mission word: the nearest locative place, or a genitive city
    separated from the mission word only by countries, adjectives and attributive words."""
    for i in range(len(pre) - 1, -1, -1):
        p = pre[i]
        near = w.event_near.match(text, p.end)
        if p.case == "locative" and (w.resident.match(text, p.end) or w.event.match(text, p.end)
                                     or near and near.end() <= at):
            # ওমানে বসবাসরত প্রবাসীদের …, বাংলাদেশ দূতাবাস: where people live; ইরানে হামলার জেরে,
            # প্যারিসে বর্বরোচিত হামলার পর: an event's place
            continue
        if p.place.kind == "city" and _venue(text, p, w, gaz, at):
            continue  # মাস্কাটের শেরাটন হোটেলে বাংলাদেশ দূতাবাস … সংবর্ধনা: the event's city
        located = w.located.match(text, p.end)
        if p.case == "locative" and located and not any(q.start == located.end() for q in pre):
            after = re.findall(f"[{_W}]+", text[located.end():at])
            if after and (after[0] in w.indefinite and len(after) > 3
                          or w.people_plural.search(after[0]) and after[0] not in w.attributive):
                # ওয়াশিংটন ডিসিতে অবস্থিত একটি ইহুদি জাদুঘরের …, তেহরানে থাকা ভারতীয়দের …: another noun's place
                continue
        if p.case == "nominative" and p.place.kind == "country" and i + 1 < len(pre) and not p.suffix \
                and pre[i + 1].case == "nominative" and pre[i + 1].place.kind == "country" \
                and not pre[i + 1].suffix and re.fullmatch(r"\s+", text[p.end:pre[i + 1].start]) \
                and not re.search(f"[{_W}]", text[pre[i + 1].end:at]):
            return [p]  # news: অস্ট্রিয়া বাংলাদেশ দূতাবাস, the host's name before the sender's
        if p.case == "locative":
            if p.place.kind == "country" and i and pre[i - 1].place.kind == "city" \
                    and pre[i - 1].place.country == p.place.id and pre[i - 1].case in ("locative", "genitive", "nominative") \
                    and re.fullmatch(r"[\s,]*", text[pre[i - 1].end:p.start]):
                return [pre[i - 1]]  # অটোয়াতে কানাডায়, বন্দর সেরি বেগাওয়ান ব্রুনাইস্থ: in Ottawa, Canada
            return _group(pre, i, text, w, -1)
        if p.case in ("genitive", "nominative") and p.place.kind == "city" or p.case == "genitive":
            # ঢাকার মার্কিন দূতাবাস; news: রিয়াদ বাংলাদেশ দূতাবাস, জেদ্দা কনস্যুলেট; a country only
            # before a part of it (বাংলাদেশের কূটনৈতিক ছিটমহলে সোভিয়েত মিশন)
            between = text[p.end:at]
            src = w.source.match(between) if p.case == "nominative" else None
            between = between[src.end():] if src else between  # কলম্বো থেকে বাংলাদেশ হাইকমিশনের
            for q in pre[i + 1:]:
                between = between.replace(q.surface, " ")
            that = w.demonstrative.search(between)
            between = between[:that.start()] if that else between  # … কূটনৈতিক এলাকায় এ দূতাবাসের
            between = w.date.sub(" ", between)  # সিলেট নগরীর কুমারপাড়ায় ২০০১ সাল থেকে … হাইকমিশনের
            if _only_words(between, w.attributive, gaz, w, p.place.kind == "city"):
                return _group(pre, i, text, w, -1)
    return []


def _venue(text: str, p: PlaceMatch, w: _Words, gaz: Gazetteer, at: int | None = None) -> bool:
    """Whether a hall or hotel of the city ``p``, in the locative, follows it within three words (before
    ``at``): ``মাস্কাটের শেরাটন হোটেলে``, the city of an event, not of the mission."""
    m = w.venue.match(text, p.end)
    return m is not None and gaz.suffix_case(m["ending"]) == "locative" and (at is None or m.end() <= at)


def _area_after(text: str, at: int, w: _Words, gaz: Gazetteer) -> bool:
    """An area word in the locative among the three words after ``at`` (বাগদাদের ‘গ্রীন জোন’ এলাকায়)."""
    return any(_is_area(t, w, gaz) and gaz.ending_case(t) == "locative"
               for t in re.findall(f"[{_W}]+", text[at:])[:3])


def _titled_city(text: str, a: _Anchor, pre: list[PlaceMatch], post: list[PlaceMatch], hosts: list[PlaceMatch],
                 w: _Words) -> PlaceMatch | None:
    """A city in the nominative right after the mission word that ends the mission's phrase (``…
    দূতাবাস ব্যাংকক।``) or stands after a comma (``দূতাবাস, আংকারা …``), in another state than every host
    read before it and than a sender named before it; never joined to more (``ঢাকা-দিল্লি``, ``ঢাকা ও
    দোহার``), nor where something comes from or goes to (``ঢাকা সফররত`` ends no phrase)."""
    city = next((p for p in post if p.start >= a.end), None)
    if city is None or city.place.kind != "city" or city.case != "nominative":
        return None
    comma = re.fullmatch(r"\s*,\s*", text[a.end:city.start]) is not None
    if not (comma or re.fullmatch(r"\s+", text[a.end:city.start]) and re.match(r"\s*(?:[,;।|)]|$)", text[city.end:])):
        return None
    joined = re.match(r"[-‐–]|\s*(?:" + "|".join(re.escape(c) for c in w.coordinator_words) + f")(?![{_W}])",
                      text[city.end:])  # a comma ends the name, a joining word or hyphen makes it a list
    if joined or w.source.match(text, city.end) or w.postposition.match(text, city.end):
        return None
    if any(city.place.country in (h.place.id, h.place.country) for h in hosts) or any(
            p.place.kind == "country" and p.case in ("nominative", "genitive", "adjective") and p.place.id == city.place.country
            for p in pre):
        return None
    return city


def _recall_predicate(text: str, recalled: re.Match, clause_end: int, post: list[PlaceMatch], w: _Words) -> bool:
    """The recall word is its clause's verb: after it only the verb's own words (``নিচ্ছে``, ``নেওয়া শুরু
    করেছে``) and places, never a noun it depends on (``… সরিয়ে নেওয়ার সিদ্ধান্তের সমালোচনা করেছে রাশিয়া``,
    ``প্রত্যাহার করার দাবি জানিয়েছে``); staff brought back to a place (``খার্তুমে ফিরিয়ে নিচ্ছে``) return to
    their mission there, not from it (but ``সিত্তে থেকে … কূটনীতিকদের ইয়াঙ্গুনে সরিয়ে``: moved away from it)."""
    if nfc(recalled.group()) in w.staff_returns and any(p.case == "locative" and p.end <= clause_end for p in post):
        return False
    rest = text[recalled.end():clause_end]
    for p in post:
        if recalled.end() <= p.start and p.end <= clause_end:
            rest = rest.replace(p.surface, " ")
    return all(nfc(t) in w.recall_tails for t in re.findall(f"[{_W}]+", rest))  # (নিয়েছে with a precomposed য়)


def _hosts_after(post: list[PlaceMatch], text: str, end: int, w: _Words, value: bool, gaz: Gazetteer,
                 named: bool = False, named_before: frozenset = frozenset(), home: str | None = None,
                 capital_ok: bool = False) -> list[PlaceMatch]:
    """The host group after a mission word: the first locative place (``হাইকমিশন ঢাকায়``),
    or a city in apposition (``দূতাবাস, ঢাকা``); in an infobox value any place. ``named``: the
    mission word is bare after its sender's bare name (``বাংলাদেশ দূতাবাস``), so a country right
    after it is its place (``বাংলাদেশ দূতাবাস কাতার``, ``বাংলাদেশ দূতাবাস কুয়েতের নতুন শাখা``).
    ``named_before``: the countries named in the genitive before the mission word; ``capital_ok``: the mission
    is one a capital holds (an embassy, a high commission); ``home``: the sender
    named right before it (``বাংলাদেশ দূতাবাসের``, ``ভারতীয় হাইকমিশনের``), whose own places are where its
    people go, never its mission (``কাতারের বাংলাদেশ দূতাবাসের কর্মকর্তারা ঢাকায় …``)."""
    for i, p in enumerate(post):
        if home is not None and p.place.country == home and not value:
            continue
        apposition = (p.place.kind == "city" or p.place.id in w.regions) and re.fullmatch(r"[\s,]*", text[end:p.start]) \
            or p.case == "nominative" and re.fullmatch(r"\s*,\s*", text[end:p.start]) \
            or named and p.case in ("nominative", "genitive") and re.fullmatch(r"\s+", text[end:p.start]) \
            and not w.postposition.match(text, p.end)  # দূতাবাস, কুয়েত
        gap = text[end:p.start]
        for q in post[:i]:
            gap = gap.replace(q.surface, " ")
        capital = capital_ok and _is_capital(p, gaz) and (p.place.country in named_before or not named_before and any(
            q.place.kind == "country" and q.case == "genitive" and q.place.id == p.place.country for q in post[:i]))
        if not value and len([t for t in re.findall(f"[{_W}]+", gap) if not (capital and t in w.capital_nouns)]) > 2:
            # too far: another clause's place (… কর্মকর্তা জানান যে ঢাকায় …); রাজধানী counts for none before the
            # capital of the country named already (বাহরাইনের … দূতাবাসের উদ্যোগে রাজধানী মানামায়)
            break
        if not value and not apposition and "," in gap and re.search(f"[{_W}]", gap.replace("-", "")[1:]):
            break  # … হাইকমিশনের কর্মকর্তা, রাজশাহীতে অবস্থিত …: a comma ends the mission's phrase
        if p.case == "locative" and (w.resident.match(text, p.end) or w.event.match(text, p.end)):
            break  # … দূতাবাস এবং যুক্তরাষ্ট্রে নিযুক্ত বাংলাদেশি কূটনীতিক: the people's place
        if named and p.case == "nominative" and (w.resident.match(text, p.end) or w.resident_noun.match(text, p.end)) \
                and not re.fullmatch(r"\s*,\s*", text[end:p.start]):
            # বাংলাদেশ দূতাবাস ইউক্রেন ফেরত নাগরিকদের, … ইউক্রেন প্রবাসী: the people's country (but
            # বাংলাদেশ দূতাবাস, আবুধাবি প্রবাসীদের জন্য: the comma makes the place the mission's name)
            break
        if p.case == "genitive" and p.place.kind == "city" and _area_after(text, p.end, w, gaz):
            return [p]  # সৌদি দূতাবাসটি বাগদাদের ‘গ্রীন জোন’ এলাকায় খোলা হয়েছে
        if p.case == "locative" or apposition or value and p.case != "adjective":
            group = _group(post, i, text, w, +1)
            return [g for g in group if g.case != "adjective"]
    return []


def _senders(pre: list[PlaceMatch], text: str, at: int, hosts: set[str], w: _Words, lo: int):
    """(sender group, blocked): the nearest country before ``at`` that is no host, with its
    coordinated countries; blocked when a body or generic word stands nearer."""
    cands = [i for i, p in enumerate(pre) if p.place.kind == "country" and p.place.id not in hosts
             and p.case in ("genitive", "nominative", "adjective")
             and not (p.case == "genitive" and w.postposition.match(text, p.end))  # তাইওয়ানের সঙ্গে: a partner
             and not (p.case in ("genitive", "adjective") and w.event.match(text, p.end))  # রাশিয়ার (ইরানি) হামলার: an attacker
             and not (p.case in ("adjective", "genitive") and w.resident_noun.match(text, p.end))  # ভিয়েতনামী নাগরিক: people
             and p.suffix.lstrip("-") not in w.objective_endings]  # পাকিস্তান আফগানিস্তানকে …: the object, not the sender
    start = pre[cands[-1]].end if cands else lo
    body = w.blocker.search(text, start, at)
    if body and not w.pronoun.search(text, body.end(), at):
        return [], True
    if body:  # সিরিয়ার পররাষ্ট্র ও প্রবাসী বিষয়ক মন্ত্রী যুক্তরাজ্যে দেশটির দূতাবাস: the pronoun's country
        return [], False
    if not cands:
        return [], False
    group = _group(pre, cands[-1], text, w, -1)
    return [g for g in group if g.place.kind == "country" and g.place.id not in hosts], False


def _generic(text: str, lo: int, a: _Anchor, w: _Words) -> int | None:
    """Where a generic word or count stands in the four words before the mission word."""
    words = list(re.finditer(f"[{_W}]+", text))
    before = [m for m in words if lo <= m.start() and m.end() <= a.start][-4:]
    if not before:
        return None
    found = [m.start() for m in w.generic.finditer(text, before[0].start(), a.start)]
    return found[-1] if found else None


def _count_before(text: str, lo: int, a: _Anchor, w: _Words) -> bool:
    """A count (চারটি, ৪টি, পাঁচটির মধ্যে চারটি) among the three words before the mission word."""
    words = [m.group() for m in re.compile(f"[{_W}]+").finditer(text, lo) if m.end() <= a.start][-3:]
    return any(nfc(t).removesuffix("র") in w.count_values or re.fullmatch(r"[০-৯0-9]+(?:টি|টা)র?", t)
               for t in words)


def _clause_end(text: str, start: int, hi: int) -> int:
    """Where the clause after a mission word ends: a comma, semicolon or danda, else ``hi``."""
    m = re.compile("[,;।|]").search(text, start, hi)
    return m.start() if m else hi


def read(text: str, profile: Profile, gaz: Gazetteer, value: bool = False,
         subject: tuple[str, ...] = (), pair: tuple[str, ...] = (),
         before=(), agent: tuple[str, ...] = (), where: tuple[str, ...] = ()) -> list[Reading]:
    """Every mission a sentence (or, with ``value``, an infobox value) states, and every mission it
    says does not exist (``status`` absent); ``subject``: the countries the previous sentence is
    about, for a pronoun (``দেশটির ঢাকায় একটি দূতাবাস``); ``pair``: the title's two countries, for
    each other's missions (``উভয় দেশে পরস্পরের দূতাবাস রয়েছে``); ``before``: the missions of the
    sentence before (any status, or a function giving them), for a demonstrative (``এ তিন দূতাবাস উদ্বোধন করেন``) or a mission
    word with no country named near it (its one sender); ``agent``: the countries the sentence before
    names in the nominative, for a pronoun subject after the verb (``… দূতাবাস খুলেছে দেশটি``);
    ``where``: the countries it names in the locative, for ``দেশটিতে`` when it starts with none
    (``… প্রবাসী বাংলাদেশি গ্রিসে … উদযাপন করেছেন। দেশটিতে অবস্থিত বাংলাদেশের দূতাবাস``);
    ``planned`` readings only carry a sender."""
    w = _words(profile)
    # কিভে (Kyiv) থাকা …: a Latin gloss in brackets repeats the word before it; blanked (same length,
    # so every offset holds) it no longer parts the words it stands between
    text = _GLOSS.sub(lambda m: " " * len(m.group()), text)
    original = text
    anchors = _anchors(text, profile, w)
    if not anchors:
        # X-এর রাষ্ট্রদূত নয়াদিল্লি থেকে বাংলাদেশের দায়িত্ব পালন করেন: no mission word, one absent
        if value or not (w.accreditation.search(text) or w.nonresident.search(text)):
            return []
        places = _places(text, w, gaz)
        return _historical(text, _accredited(text, places, anchors, w, profile) + _nonresident(text, places, w),
                           w, profile)
    places = _places(text, w, gaz)
    anchors = [_split_compound(text, a, places, w) for a in anchors]
    out: list[Reading] = []
    consumed: set[int] = set()
    prev_senders: list[str] = []
    prev_hosts: list[PlaceMatch] = []
    people = [m.end() for m in w.people.finditer(text)]
    carried = None  # the lo of a mission word that governs the next one (হাইকমিশনের কনস্যুলেট অফিস)
    for i, a in enumerate(anchors):
        text = original  # a count masked for the mission word before (_counted)
        lo = anchors[i - 1].end if i else 0
        governed_at = a.start  # where the mission phrase starts: a governing mission word's start
        if carried is not None:
            lo, carried = carried, None
            governed_at = anchors[i - 1].start
        if i + 1 < len(anchors) and not a.plural and _governs(text[a.end:anchors[i + 1].start], gaz):
            # সিলেটে ব্রিটিশ হাইকমিশনের কনস্যুলেট অফিস: the consulate, in Sylhet, is the mission read
            carried = lo
            continue
        upgraded = _upgrade(text, anchors, i, out, before, w)
        if upgraded is not None:
            out = upgraded  # … কনস্যুলেটকে হাইকমিশনে উন্নীত করা হয়: the mission before, of this kind now
            continue
        # কুয়েতে নিযুক্ত বাংলাদেশের রাষ্ট্রদূত … ও দূতাবাসের: the places belong to the envoy
        lo = max([lo] + [p for p in people if p <= a.start and not _with_mission(text[p:a.start], w)])
        hi = anchors[i + 1].start if i + 1 < len(anchors) else len(text)
        clause_end = _clause_end(text, a.end, hi)
        upgrading = None
        if i + 1 < len(anchors) and (w.coordination.fullmatch(text[a.end:hi]) or not text[a.end:hi].strip() or _joined(
                text[a.end:hi], [p for p in places if a.end <= p.start and p.end <= hi], w)):
            # কনস্যুলেট কিংবা দূতাবাস; রিয়াদে বাংলাদেশ দূতাবাস ও জেদ্দায় বাংলাদেশ কনস্যুলেট … বন্ধ; কনস্যুলেট
            # মিশনগুলো বন্ধ করে দেয়া হচ্ছে: one predicate
            clause_end = _clause_end(text, anchors[i + 1].end, len(text))
        elif i + 1 < len(anchors) and re.fullmatch(r"[^()]*\([^()]*", text[a.end:hi]) \
                and re.match(r"[^()\s]*\)", text[anchors[i + 1].end:]):
            # … যৌথ দূতাবাস (নরডিক দূতাবাস) … উদ্বোধন হতে যাচ্ছে: the name in brackets, one predicate
            clause_end = _clause_end(text, anchors[i + 1].end, len(text))
        elif i + 1 < len(anchors) and (obj := w.inflection.match(text, a.end)) \
                and obj.group().lstrip("-") in w.objective_endings and not text[obj.end():hi].strip() \
                and (upgrading := w.upgrade.search(text, anchors[i + 1].end,
                                                   _clause_end(text, anchors[i + 1].end, len(text)))):
            # কনস্যুলেটকে হাইকমিশনে উন্নীত করার ঘোষণা দিয়েছে সিঙ্গাপুর: the mission and what it becomes, one
            # predicate, whose subject may end the clause
            clause_end = _clause_end(text, anchors[i + 1].end, len(text))
        moved = w.move.search(text, a.end, clause_end)
        took: set[int] = set()  # the places after it this mission word takes as its own
        ending = w.inflection.match(text, a.end)
        after_word = ending.end() if ending else a.end
        from_it = w.source.match(text, after_word)  # দূতাবাস থেকে / হতে, not দূতাবাস হতে পারে
        out_of_it = bool(from_it) and not w.negation.match(text, from_it.end() - len(from_it.group().lstrip()))
        staffed = bool(w.staff.match(text, after_word))  # … দূতাবাস কর্মীদের সরিয়ে নিল
        if w.role.match(text, after_word) and w.appointment.search(text, after_word, clause_end):
            continue  # খুলনায় ভারতীয় সহকারী হাইকমিশন হিসেবে … কূটনীতিককে নিয়োগ: the word names a post
        if out_of_it:
            moved = None  # কিয়েভের দূতাবাস থেকে কূটনীতিক সরানো শুরু: people leave it, it stays
        if moved and w.service.search(text, after_word, moved.start()):
            moved = None  # ঢাকাস্থ ব্রিটিশ হাইকমিশনের ভিসা সেকশন নয়াদিল্লিতে স্থানান্তর: the section moves, it stays
        pre = [p for p in places if lo <= p.start and p.end <= a.start and p.start not in consumed]
        post = [p for p in places if a.end <= p.start and (p.end <= hi or upgrading and upgrading.end() <= p.start
                                                           and p.end <= clause_end and p.place.kind == "country")]
        each = [] if value else _each_in_the_other(pre, text, a, w, pair)
        if each:
            # সিউল ও টোকিওতে দুই দেশের দূতাবাস: each country's mission in the other's city
            if not _negated(text, a.end, clause_end, w, profile.opening_re):
                out += each
            prev_senders = []
            continue
        own = _own_pair(pre, text, a, w)
        if not value and own and w.reciprocal.search(text, a.end, clause_end):
            # যুক্তরাষ্ট্র ও কিউবার দূতাবাস এখন একে অপরের দেশে: the pair the sentence names, each in the other
            if not _negated(text, a.end, clause_end, w, profile.opening_re):
                out += [Reading(a.kind, s, None, h, a.start) for s, h in (own, own[::-1])]
            prev_senders = []
            continue
        mutual = None if value or not pair or len(set(pair)) != 2 else \
            ([m for m in w.reciprocal.finditer(text, lo, a.start)] or [None])[-1]
        if mutual and _generic_subject(text, mutual.start(), w):
            mutual = None  # বিভিন্ন রাষ্ট্র … একে অপরের অঞ্চলে: states in general, not the pair
        if mutual and not any(p.place.kind == "country" and p.place.id not in pair
                              and not w.postposition.match(text, p.end) for p in pre + post):
            # উভয় দেশে পরস্পরের দূতাবাস রয়েছে: both of the pair's missions, each in the other (a country
            # before a postposition is a topic: সাইপ্রাস নিয়ে … বিরোধ থাকলেও উভয় দেশ …); একে অপরের
            # রাজধানীতে: in the host's capital (gazetteer data)
            capital = w.capital.match(text, mutual.end())
            coming = ([v for v in w.planned_ahead.finditer(text, lo, mutual.start())] or [None])[-1]
            coming = coming is not None and len(re.findall(f"[{_W}]+", text[coming.end():mutual.start()])) <= 2
            if not w.negation.search(text, a.end, clause_end) and not coming:  # … খুলতে চলেছে উভয় দেশের দূতাবাস
                out += [Reading(a.kind, s, _capital(gaz, h, a.start) if capital else None, h, a.start)
                        for s, h in (pair, pair[::-1])]
            prev_senders = []
            continue
        # সিলেট নগরীর কুমারপাড়ায় … হাই কমিশনের কনস্যুলেট অফিস: the place before the governing word
        hosts = _hosts_before([p for p in pre if p.end <= governed_at], text, governed_at, w, gaz)
        titled = None if value or ending or not hosts else _titled_city(text, a, pre, post, hosts, w)
        if titled is not None:
            # কম্বোডিয়ায় … ফেরত পাঠিয়েছে বাংলাদেশ দূতাবাস ব্যাংকক: a bare city right after the bare mission
            # word names it, over a country of another state before; বাংলাদেশে দূতাবাস, আংকারা: so the
            # locative right before the mission word, in no state of the city, is its sender misspelt (with
            # the comma only: ভারতে হাইকমিশন ঢাকা-দিল্লি … is no such name)
            typo = hosts[-1] if hosts[-1].place.kind == "country" and hosts[-1].case == "locative" \
                and not text[hosts[-1].end:a.start].strip() and "," in text[a.end:titled.start] else None
            if typo is not None:
                pre = [replace(p, case="nominative") if p is typo else p for p in pre]
            hosts = [titled]
            took.add(titled.start)
            consumed.add(titled.start)
        origin = [p for p in pre if w.source.match(text, p.end)]  # তেল আবিব থেকে
        # where a moved mission goes: a locative after it in its clause, else one before it
        goes_after = next((p for p in post if p.case == "locative" and p.end <= clause_end), None) if moved else None
        goes_before = next((p for p in pre if p.case == "locative" and p not in origin), None) if moved else None
        withdrawn = moving = soon_gone = False
        # … সরানোর জন্য ইচ্ছা প্রকাশ, … সরিয়ে নেয়ার পরিকল্পনা: a move wished, promised or planned
        intended = bool(moved) and any(t in w.move_intents
                                       for t in re.findall(f"[{_W}]+", text[moved.start():clause_end])[1:4])
        # … সরিয়ে জেরুজালেমে নেয়া হবে না, … সরিয়ে নেওয়ার ঘোষণা আসতে পারে: a move not done, nor maybe to be
        unfinished = intended or bool(moved) and bool(w.move_unfinished.search(text, moved.end(), clause_end))
        # (places between count for none: তেল আবিব থেকে জেরুজালেম শহরে মার্কিন দূতাবাস)
        between = text[origin[-1].end:a.start] if origin else ""
        for p in pre:
            if origin and origin[-1].end <= p.start:
                between = between.replace(p.surface, " ")
        few = bool(origin) and len([t for t in re.findall(f"[{_W}]+", between) if t not in w.attributive]) <= 3
        near = few and not (ending and gaz.suffix_case(ending.group()))
        # (a host read before that is the origin itself, as a city is, leaves the recall to decide)
        recalled = w.staff_recall.search(text, after_word, clause_end) \
            if few and staffed and (not hosts or hosts[-1] is origin[-1]) else None
        if recalled and not _recall_predicate(text, recalled, clause_end, post, w):
            recalled = None
        if recalled:
            # ইউক্রেন থেকে দূতাবাস কর্মীদের সরিয়ে নিচ্ছে আমেরিকা, সুদান থেকে দূতাবাসের কর্মীদের ফিরিয়ে আনল …:
            # the staff leave, the mission stays where they leave from (a list before a comma is another
            # clause's: … সরিয়ে নিয়েছে আমেরিকা, আর সুদান থেকে …)
            group = _group(pre, pre.index(origin[-1]), text, w, -1)
            hosts, moved = [g for g in group if "," not in text[g.end:origin[-1].start]], None
            cut = text.rfind(",", lo, hosts[0].start)
            if cut >= 0:  # the recall's clause starts after the comma: no sender from the one before
                lo, prev_senders = cut + 1, []
                pre = [p for p in pre if p.start >= lo]
        if near and not moved and not hosts and w.closure.search(text, a.end, clause_end):
            hosts = _group(pre, pre.index(origin[-1]), text, w, -1)  # পর্তুগাল থেকে দূতাবাস গুটিয়ে ফেলবে: there
        if moved and near and not staffed and (
                not (goes_after or goes_before) or w.move_ahead.match(text, moved.start()) or unfinished):
            # তেল আবিব থেকে জেরুজালেমে দূতাবাস স্থানান্তর করবে: there until it moves; ইরান থেকে দূতাবাস
            # সরিয়ে নিচ্ছে কানাডা: withdrawn from there (absent), and there until then if to come
            withdrawn = not (goes_after or goes_before)
            moving = not withdrawn  # … স্থানান্তর করবে গুয়াতেমালা: its subject after the verb
            soon_gone = withdrawn and bool(w.move_ahead.match(text, moved.start()))
            if withdrawn and intended:
                # ইস্তাম্বুল থেকে তাদের কনস্যুলেট সরানোর জন্য ইচ্ছা প্রকাশ করেছে: wished, so still there
                withdrawn, moving, soon_gone = False, True, False
            hosts = _group(pre, pre.index(origin[-1]), text, w, -1)
            moved = None
        elif moved and not staffed and not hosts and (w.move_ahead.match(text, moved.start()) or unfinished) and (
                src := next((p for p in post if p.end <= moved.start() and w.source.match(text, p.end)), None)):
            # … দূতাবাস তেলআবিব থেকে জেরুজালেমে স্থানান্তরের প্রতিশ্রুতি: still where it would move from
            hosts, moved, moving = [src], None, True
            took.add(src.start)
            consumed.add(src.start)
        elif moved and w.withdrawal.match(text, moved.start()) and not origin and goes_after is None \
                and goes_before in hosts and not any(h.quarter for h in hosts) \
                and len(re.findall(f"[{_W}]+", text[a.end:moved.start()])) <= 1:
            hosts = []  # পোল্যান্ডের ওয়ারসে ভারতীয় দূতাবাস সরিয়ে নিয়ে যাওয়া: where it goes, not a fact
        if moved and hosts and (all(w.source.match(text, h.end) for h in hosts) or any(
                w.source.match(text, q.end) and len(re.findall(f"[{_W}]+", text[q.end:hosts[0].start])) <= 1
                for q in pre if q.end <= hosts[0].start)):
            # তেল আবিব থেকে তাদের দূতাবাস জেরুজালেমে স্থানান্তর: where it was, no more; তেল আবিব থেকে
            # জেরুজালেমে দূতাবাস সরিয়ে: where it goes, not yet a fact
            hosts = []
        dest = next((p for p in post if p.case == "locative" and p.end <= clause_end), None) if moved else None
        if dest is not None and hosts and all(h.place.country != dest.place.country for h in hosts):
            hosts = []  # লিবিয়ায় বাংলাদেশ দূতাবাস তিউনিসিয়ায় সরিয়ে নেয়া হয়েছে: moved out of the country
        if not hosts and not moved and not (out_of_it and w.move.search(text, after_word, clause_end)):
            # কনস্যুলেট ইয়াঙ্গুনে সরানো হচ্ছে: where it goes, not where it is (nor is … কনস্যুলেট থেকে
            # ইয়াঙ্গুনে তাদের কর্মীদের স্থানান্তর: where its staff go)
            named = bool(pre) and pre[-1].place.kind == "country" and pre[-1].case == "nominative" \
                and not pre[-1].suffix and re.fullmatch(r"\s+", text[pre[-1].end:a.start]) is not None and not ending
            home = pre[-1].place.id if pre and pre[-1].place.kind == "country" and pre[-1].case in (
                "nominative", "adjective") and not pre[-1].suffix and not text[pre[-1].end:a.start].strip() else None
            hosts = _hosts_after(post, text, a.end, w, value, gaz, named, frozenset(
                p.place.id for p in pre if p.place.kind == "country" and p.case == "genitive"), home,
                a.kind in w.capital_kinds)
            if hosts and i + 1 < len(anchors) and not value and _leads(text, hosts[-1], anchors[i + 1], post, w):
                hosts = []  # কনস্যুলেট নয়াদিল্লিতে মার্কিন দূতাবাসের মাধ্যমে: the place heads the next mission phrase
            took = {h.start for h in hosts}
            consumed |= took
        if not hosts and i and _coordinated(text[anchors[i - 1].end:a.start], pre, w):
            hosts = prev_hosts  # ঢাকায় ভারতের হাইকমিশন ও চীনের দূতাবাস: the host of both
        fixed = w.kind_senders.get(a.kind)
        if fixed and not hosts:
            # পানামার অ্যাপোস্টোলিক ন্যানসিচারে: a kind with one sender, a genitive country its host
            gen = [p for p in pre if p.case == "genitive" and p.place.kind == "country" and p.place.id != fixed]
            if gen and all(t in w.attributive for t in re.findall(f"[{_W}]+", text[gen[-1].end:a.start])):
                hosts = [gen[-1]]
        prev_hosts = hosts
        if len(hosts) == 1 and hosts[0].place.kind == "country":
            # বাংলাদেশে চীনের দূতাবাস ঢাকার বারিধারায়: the city after names the place exactly
            # (বাংলাদেশ কন্সুলেট জেনারেল দুবাই: a bare city right after a bare mission word, its name)
            addressed = w.address.match(text, a.end)  # … দূতাবাসের ঠিকানা ১৭, কৌটিল্য মার্গ, নিউ দিল্লী ১১০০২১
            city = next((p for p in post if p.place.kind == "city" and p.place.country == hosts[0].place.id
                         and p.start not in consumed and not (  # … দূতাবাস, এবং করাচিতে চীনের কনস্যুলেট: the next one's
                             i + 1 < len(anchors) and _leads(text, p, anchors[i + 1], post, w)) and (
                             addressed and p.end <= hi  # the address runs on past commas
                             or p.case in ("locative", "genitive") and len([  # রাজধানী before an embassy's capital
                                 t for t in re.findall(f"[{_W}]+", text[a.end:p.start]) if not (
                                     t in w.capital_nouns and a.kind in w.capital_kinds and _is_capital(p, gaz))]) <= 2
                             and not _venue(text, p, w, gaz)  # … হাইকমিশনের উদ্যোগে আঙ্কারার … হোটেলে: the event's
                             or p.case == "nominative" and not ending and re.fullmatch(r"\s+", text[a.end:p.start])
                             # ভিয়েতনামে বাংলাদেশ দূতাবাস, হ্যানয়: the city after a comma, ending the phrase
                             or p.case == "nominative" and not ending and re.fullmatch(r"\s*,\s*", text[a.end:p.start])
                             and re.match(r"\s*(?:[,;।|)]|$)", text[p.end:])
                             # থাইল্যান্ড দূতাবাস স্পেন (মাদ্রিদ): the host's city in brackets after it
                             or p.case == "nominative" and hosts[0].end <= p.start
                             and re.fullmatch(r"\s*\(\s*", text[hosts[0].end:p.start]) and re.match(r"\s*\)", text[p.end:]))),
                        None)
            if city is not None:
                hosts = [city]
                took.add(city.start)
                consumed.add(city.start)
        host_ids = {h.place.country for h in hosts} | {h.place.id for h in hosts}
        counted = _counted(text, hosts, a, w)
        if counted is not None:
            # নিউ ইয়র্ক সিটি ও লস অ্যাঞ্জেলেসে দুটি কনস্যুলেট-জেনারেল: one in each, no generic count
            text = text[:counted[0]] + " " * (counted[1] - counted[0]) + text[counted[1]:]
        group, blocked = _senders([p for p in pre if p not in hosts], text, a.start, host_ids, w, lo)
        if blocked:
            consumed -= took  # জাতিসংঘ মিশন … কাবুলে রাশিয়ান দূতাবাসের: a body's office leaves the place to the next
        senders = [g.place.id for g in group]
        capital = hosts[0] if len(hosts) == 1 else None
        if capital is not None and capital.case in ("nominative", "genitive") and _is_capital(capital, gaz) \
                and not text[capital.end:a.start].strip() and capital in pre and pre.index(capital):
            where = pre[pre.index(capital) - 1]
            if capital.case == "nominative" and where.case == "genitive" and where.place.kind == "city" \
                    and not text[where.end:capital.start].strip() \
                    and where.place.country != capital.place.country:
                # দিল্লির ঢাকা হাইকমিশন: Dhaka (Bangladesh) names the sender, the genitive city the place
                hosts, senders, blocked = [where], [capital.place.country], False
                host_ids = {where.place.country, where.place.id}
            elif not blocked and all(g.end <= where.start for g in group) and where.case == "locative" \
                    and where.place.country != capital.place.country \
                    and all(t in w.attributive for t in re.findall(f"[{_W}]+", text[where.end:capital.start])):
                # ইউক্রেনে অবস্থিত বেইজিং দূতাবাস, তেহরানে রিয়াদের দূতাবাস: the capital names the sender, the
                # locative the place (a country before the locative is another phrase's: রাশিয়ার বহিষ্কার করা …
                # মস্কোতে থাকা ওয়াশিংটনের দূতাবাস)
                hosts, senders = [where], [capital.place.country]
                host_ids = {where.place.country, where.place.id}
        if not senders and not blocked and fixed and fixed not in host_ids:
            senders = [fixed]  # the nunciature: the Holy See's
        negated = not moved and not out_of_it and not unfinished and _negated(text, a.end, clause_end, w, profile.opening_re)
        soon = negated and w.future_closure.match(text, negated.start())
        if negated and not soon and hosts and w.closure.match(text, negated.start()) \
                and not w.temporary.search(text, lo, clause_end):  # for a while: neither (below)
            then = w.closure_call.match(text, negated.end())
            if then and then.group(1) in w.closure_pending:
                negated = None  # প্রিটোরিয়াতে ইসরাইলি দূতাবাস বন্ধের একটি প্রস্তাবের পক্ষে ভোট: asked for, not done
            elif then and " ".join(then.group(1).split()) in w.closure_decisions:
                soon = then  # … দূতাবাস কার্যক্রম বন্ধ করার সিদ্ধান্ত নিয়েছে: decided, so there until then
            elif then and _host_orders(text, a, then, hosts, group, pre + post, (lo, clause_end, hi), w):
                soon = then  # সান ফ্রান্সিসকোর রুশ কনস্যুলেট বন্ধ করতে যুক্তরাষ্ট্রের নির্দেশ: there until then
        paused = bool(negated) and not soon and w.closure.match(text, negated.start()) \
            and w.temporary.search(text, lo, negated.start())
        if soon or paused:
            # লভিভে অস্থায়ী দূতাবাস বন্ধ করবে দক্ষিণ কোরিয়া: there until then; ঢাকায় দক্ষিণ কোরিয়ার দূতাবাস
            # সাময়িক বন্ধ ঘোষণা: closed for a while, neither there (the labelled sets' reading) nor gone
            negated = None
        if withdrawn:
            negated, soon = (None, True) if soon_gone else (True, False)
        if not negated and not soon and w.planned_tail.match(text, a.end) and (
                any(h.case == "locative" and h.end <= a.start for h in hosts) or any(
                    case == "locative" and pattern.search(text, lo, a.start) for pattern, case in w.city_nouns)):
            # সিডনিতে বাংলাদেশের নতুন মিশন হচ্ছে: the verb ends the mission's clause after its place, to come (but
            # সেটি ঢাকার ভারতীয় হাইকমিশন হচ্ছে: a copula)
            negated = True
        ahead = [h.end for h in hosts if h.end <= a.start]
        if ahead and (w.planned_before.search(text, max(ahead), a.start) or w.planned_ahead.search(text, max(ahead), a.start)):
            negated = True  # বার্নে হচ্ছে বাংলাদেশের নতুন দূতাবাস: the verb before the mission, to come
        closed_ahead = bool(ahead) and w.closed_before.search(text, max(ahead), a.start)
        if closed_ahead and w.service.search(text, max(ahead), closed_ahead.start()):
            closed_ahead = None  # চট্টগ্রামে ভারতীয় ভিসা সেন্টার বন্ধ করে দিলো সহকারী হাইকমিশন: the service's
        if not closed_ahead:
            # বন্ধ করে দেওয়া হয়েছে কাবুলের মার্কিন দূতাবাস: the closure verb first, the mission phrase after it
            phrase = min([h.start for h in hosts if h.end <= a.start] + [g.start for g in group] + [a.start])
            verb = ([v for v in w.closed_before.finditer(text, lo, phrase)] or [None])[-1]
            closed_ahead = verb is not None and _near(text, verb.end(), phrase, places, w) \
                and not w.service.search(text, lo, verb.start())  # ভিসা কার্যক্রম বন্ধ ঘোষণা করেছে … হাইকমিশন
            ahead_plan = ([v for v in w.planned_ahead.finditer(text, lo, phrase)] or [None])[-1]
            if ahead_plan is not None and _near(text, ahead_plan.end(), phrase, places, w) \
                    and not _other_object(text, lo, ahead_plan.start(), w):  # ফেসবুক গ্রুপ খুলছে … দূতাবাস
                negated = True  # আবার খুলছে কিভের ভারতীয় দূতাবাস: to come
        if closed_ahead and re.match(rf"\s*(?:{w.service.pattern})", text[after_word:]):
            closed_ahead = False  # কেন বন্ধ হয়েছিল আগরতলার বাংলাদেশ মিশনের সেবা: the mission's service, closed
        if closed_ahead:
            shut = closed_ahead if not isinstance(closed_ahead, bool) else verb
            opened = profile.opening_re.search(text, a.end, clause_end)
            if w.reopened.search(text, a.end, hi) or (
                    shut is not None and (w.reopened.search(text, shut.end(), a.start)
                                          or profile.opening_re.search(text, shut.end(), a.start))) or (
                    opened and not _other_object(text, a.end, opened.start(), w)):
                # তেহরানে … বন্ধ থাকা দূতাবাস, আবারও চালু হয়েছে; ১২ বছর বন্ধ থাকার পরে যুক্তরাজ্যে ফের চালু
                # করা হলো সিরিয়ার দুতাবাস; বন্ধ থাকার পর সৌদি আরবে আবার দূতাবাস খুলেছে সিরিয়া: opened again
                closed_ahead = False
        if closed_ahead:
            shut = closed_ahead if not isinstance(closed_ahead, bool) else verb
            before_shut = [m.start() for m in re.compile(f"[{_W}]+").finditer(text, lo) if m.end() <= shut.start()][-2:]
            if w.temporary.search(text, (before_shut or [shut.start()])[0], a.start):
                paused = True  # সাময়িকভাবে বন্ধ করা হয়েছে … দূতাবাস: for a while, neither there nor gone
            else:
                negated = True  # ওমানে বন্ধ বাংলাদেশ দূতাবাস; বাংলাদেশে বন্ধ হলো … দূতাবাস: closed
        if blocked:
            senders = []
        elif not senders and not prev_senders and hosts and (staff := next((
                p for p in post if p.end <= clause_end and p.case in ("adjective", "genitive") and p.place.kind == "country"
                and p.place.id not in host_ids and w.staff_subject.match(text, p.end)
                and not w.left.search(text, a.end, p.start)), None)):  # … ছাড়লেন মার্কিন কর্মকর্তারা: gone
            senders = [staff.place.id]  # চীনের চেংডু কনস্যুলেট ছাড়ছেন মার্কিন কূটনীতিকরা: their mission
        elif not senders and not prev_senders:
            # বাংলাদেশে দূতাবাস খুলেছে আর্জেন্টিনা: the subject after the verb
            verb = recalled or (w.move if withdrawn or moving else profile.opening_re if not negated and not soon and not paused
                                else w.closure
                                ).search(text, a.end, clause_end) \
                or (w.reopened.search(text, a.end, clause_end) if not negated else None) \
                or (w.void.search(text, a.end, clause_end) if not negated else None)  # … বন্ধ করছে না চীন ও রাশিয়া
            # (… কর্মীদের সরিয়ে পোল্যান্ড সীমান্তের কাছে নিয়ে যাওয়া হচ্ছে: staff recalled, only a country ending
            # the clause is their sender)
            last = recalled is not None or (verb is None and (
                out_of_it or bool(ending) and gaz.suffix_case(ending.group()) == "genitive")) or (
                # ঢাকায় কনস্যুলেটকে হাইকমিশনে উন্নীত করার ঘোষণা দিয়েছে সিঙ্গাপুর: the mission upgraded, the subject last
                bool(ending) and ending.group().lstrip("-") in w.objective_endings
                and _upgrade_predicate(text, a.end, clause_end, post, w))
            if last:
                # … দূতাবাসের পরিষেবা কমিয়ে আনার ঘোষণা দিয়েছে মার্কিন যুক্তরাষ্ট্র; … দূতাবাস থেকে কূটনীতিক
                # সরানো শুরু করেছে রাশিয়া: a mission said with its work or its staff, the subject ending the clause
                verb = re.compile(f"[{_W}]").search(text, after_word, clause_end)
            after = next((p for p in post if verb and p.start >= verb.end() and p.end <= clause_end
                          and (p.place.kind == "country" or _is_capital(p, gaz)) and p.place.country not in host_ids
                          and (p.place.kind == "country" or not re.search(f"[{_W}]", text[p.end:clause_end]))
                          and (not last or not re.search(f"[{_W}]", text[p.end:clause_end]))
                          and (p.case == "nominative" or w.government.match(text, p.end)
                               or p.case == "genitive" and not re.search(f"[{_W}]", text[p.end:clause_end]))), None)
            # … বন্ধ করে ব্রিটিশ পররাষ্ট্র দপ্তর: a country's government or ministry as the subject; a
            # headline's genitive last (ইসরায়েলে দূতাবাস চালু আরব আমিরাতের); a capital for its country, last
            # (হাভানায় দূতাবাসের কার্যক্রম শুরু করেছে ওয়াশিংটন)
            senders = [after.place.country] if after else []
            if after and after.case == "nominative":
                # … বন্ধ করছে না চীন ও রাশিয়া: each country of a subject list
                senders = list(dict.fromkeys([after.place.country] + [
                    p.place.country for p in _group(post, post.index(after), text, w, 1)[1:]
                    if p.place.kind == "country" and p.case == "nominative" and p.place.id not in host_ids
                    and not w.source.match(text, p.end)]))  # … আমেরিকা, জাপান থেকে …: the next clause's origin
            them = w.pronoun.search(text, verb.end() if verb else a.end, clause_end) if not after else None
            if them and not re.search(f"[{_W}]", text[them.end():clause_end]):
                # বেইজিং-এ দূতাবাস খুলেছে দেশটি: the one country the sentence before has as a subject
                there = [c for c in agent if c not in host_ids]
                senders = there if len(there) == 1 else []
        if not senders and not blocked and prev_senders and set(prev_senders) - host_ids:
            senders = prev_senders
        elif not senders and not blocked and w.pronoun.search(text, lo, a.start):
            senders = _pronoun_country(subject, places, host_ids, a.start, text, w)
        shown, that, said = [], None, set()
        if not senders and not blocked:  # the sentence before, read only when needed
            prior = before() if callable(before) else before
            shown = [r for r in prior if r.status == "present" and r.sender and r.host]
            that = shown and w.demonstrative.search(text, lo, a.start)
            if that and not _place_ends_at(places, text, that.start()):
                senders = list(dict.fromkeys(r.sender for r in shown))  # এ তিন দূতাবাস
            else:
                that = None
            said = {r.sender for r in prior if r.sender} - host_ids
        if not senders and not blocked and hosts and len(said) == 1 and not any(
                p.place.kind == "country" and p.place.id not in host_ids for p in pre + post if p.end <= clause_end):
            # … বাংলাদেশের হাইকমিশন রয়েছে। … কলকাতা ও … মুম্বাইতে রয়েছে উপ-হাইকমিশন: no country named,
            # the one sender of the sentence before
            senders = list(said)
        if not senders and not blocked and hosts and not said and not any(
                p.place.kind == "country" and p.place.id not in host_ids for p in pre + post if p.end <= clause_end) \
                and (profile.opening_re.search(text, a.end, hi) or w.reopened.search(text, a.end, hi)):
            # … সম্পর্ক স্বাভাবিক করলো ব্রিটেন। তেহরানে … দূতাবাস, আবারও চালু হয়েছে: no country named, the
            # one subject of the sentence before opened it (a mission that only is there may be anyone's:
            # জাপান … স্বীকৃতি দেয়। ঢাকায় একটি দূতাবাস রয়েছে)
            there = [c for c in agent if c not in host_ids]
            senders = there if len(there) == 1 else []
        pronoun = w.locative_pronoun.search(text, lo, a.start) if not hosts and senders else None
        if not pronoun and not hosts and group and not blocked:
            # … বলে দেশটির বাংলাদেশ দূতাবাস জানিয়েছে: a genitive pronoun right before the named sender is
            # the host's
            pronoun = w.host_pronoun.search(text, lo, group[0].start)
            pronoun = pronoun if pronoun and not text[pronoun.end():group[0].start].strip() else None
        if pronoun:
            # দেশটিতে বাংলাদেশের হাইকমিশনও রয়েছে: in the country the sentence before is about, or the
            # one country this sentence names before it (লিবিয়ার রাজধানী … দেশটিতে অবস্থিত বাংলাদেশ দূতাবাস)
            named = list(dict.fromkeys(p.place.country for p in places if p.end <= pronoun.start()
                                       and p.place.country not in senders))
            there = [c for c in subject or where if c not in senders] or (named if len(named) == 1 else [])
            hosts = [PlaceMatch(a.start, a.start, a.start, gaz.place(there[0]), "", "", "locative")] \
                if len(there) == 1 and gaz.place(there[0]) else []
            host_ids = {h.place.id for h in hosts}
        if not hosts and senders and not blocked and not negated:
            # ২৪ ঘণ্টার মধ্যে ভারত ছাড়ার নির্দেশ পাকিস্তানের হাইকমিশনের আধিকারিককে: its staff ordered out of the host
            hosts = _ordered_out(text, places, after_word, senders, w)
            host_ids = {h.place.country for h in hosts} | {h.place.id for h in hosts}
        if negated:
            prev_senders = senders if not blocked else []
            closing = w.closure.search(text, a.end, clause_end)
            if closing and w.service.search(text, a.end, closing.start()):
                closing = None  # … দূতাবাস খোলার পর সেবা বন্ধ: the service's closure, not the mission's
            if closing and not hosts and senders and group and not blocked and group[-1].case in ("genitive", "adjective"):
                # … এস্তোনিয়ার দূতাবাস বন্ধ করে দিয়েছে রাশিয়া: the country closing them is their host
                hosts = _closer(text, places, closing.end(), clause_end, senders, w) \
                    or _ruler(pre, group, text, senders, w)
            if (closing or closed_ahead or withdrawn) and not a.plural and not _general_before(text, lo, a, w) \
                    and not _count_before(text, lo, a, w):  # রাশিয়ার ৫টি কনস্যুলেটের মধ্যে ৪টি বন্ধ: which, not said
                # ঢাকায় মেক্সিকোর দূতাবাস নেই; … দূতাবাস বন্ধ করে দিল উত্তর কোরিয়া
                out += [Reading(a.kind, s, h if h.place.kind == "city" or h.place.id in w.regions else None, h.place.country, a.start,
                                "absent") for h in hosts for s in senders if s != h.place.country]
            else:  # … খোলার পরিকল্পনা: a sender all the same, for the sentence after
                out += [Reading(a.kind, s, None, None, a.start, "planned") for s in senders]
            continue
        if paused:
            prev_senders = senders if not blocked else []
            continue
        generic_at = _generic(text, lo, a, w)
        if generic_at is not None and any(generic_at < p.start and p.end <= a.start and p.case == "locative"
                                          for p in pre):
            generic_at = None  # যে কোনো প্রয়োজনে লিবিয়ায় বাংলাদেশি দূতাবাসের: the word is another noun's
        text = original
        including = [] if hosts or not senders or blocked or a.plural else _including(pre, text, a, group, w)
        if including:
            # জাপান, মিশর, ফ্রান্সসহ বিভিন্ন দেশে নিযুক্ত চীনা দূতাবাস: those named 'including' have theirs
            hosts, generic_at = including, None
        listed = a.plural and generic_at is None and group and not blocked \
            and len([h for h in hosts if h.place.kind == "country"]) >= 2
        if (a.plural or generic_at is not None) and not listed and not (
                group and group[-1].suffix in w.inclusive and generic_at is not None and group[-1].end <= generic_at):
            # generic: only senders named after the generic word, only named cities (but ভারত,
            # পাকিস্তানসহ ৭২টি দেশের মিশন: those named 'including' have theirs)
            senders = [g.place.id for g in group if generic_at is None or g.start > generic_at]
            consumed -= {h.start for h in hosts if h.place.kind != "city"}  # free for the next mission word
            hosts = [h for h in hosts if h.place.kind == "city"]
        if not hosts and group and not blocked:
            # ভারতের মার্কিন দূতাবাস: a genitive country right before the sender is the host
            first = group[0]
            k = pre.index(first)
            # মালয়েশিয়ান বাংলাদেশ হাইকমিশন: a demonym right before a sender's bare name is the host too (but তিন
            # ভারতীয় বাংলাদেশ দূতাবাসের সহায়তা চেয়েছেন: a count before it makes it people)
            if k and (pre[k - 1].case == "genitive" or pre[k - 1].case == "adjective" and first.case == "nominative"
                      and not first.suffix and not _counted_before(text, pre[k - 1].start, w)) \
                    and pre[k - 1].place.kind == "country" \
                    and not text[pre[k - 1].end:first.start].strip() and (first.case != "genitive" or all(
                        t in w.attributive for t in re.findall(f"[{_W}]+", text[first.end:a.start]))):
                # পোল্যান্ডের বাংলাদেশের দূতাবাস: two genitives together before the mission word, host first
                # কম্বোডিয়া এবং থাইল্যান্ডের ভিয়েতনামি প্রতিনিধি সংস্থাগুলি: each country of the list
                hosts = [h for h in _group(pre, k - 1, text, w, -1) if h.place.kind == "country"]
        prev_senders = senders if not blocked else []
        if that and not hosts:
            # … এ তিন দূতাবাস উদ্বোধন করেন তিনি: the missions the sentence before names, where they are
            out += [Reading(a.kind, r.sender, r.city, r.host, a.start) for r in shown]
            continue
        cities = [h for h in hosts if h.place.kind == "city"]
        # a country in the host group that holds one of its cities only qualifies it
        hosts = cities + [h for h in hosts if h.place.kind == "country"
                          and h.place.id not in {c.place.country for c in cities}]
        found = []
        for h in hosts:
            host = h.place.country
            for s in senders or [None]:
                if s != host:
                    found.append(Reading(a.kind, s, h if h.place.kind == "city" or h.place.id in w.regions else None, host, a.start))
        if hosts and senders and not a.plural and generic_at is None:
            found += _first_pair(pre, hosts, senders, text, w, a)
        # the same mission said again with its city (কিউবায় দেশটির দূতাবাসের … হাভানার … দূতাবাসের;
        # … দূতাবাস হচ্ছে … ঢাকায় অবস্থিত ফিলিস্তিনের একটি কূটনৈতিক মিশন): one mission, in that city
        if len(found) == 1 and found[0].city is not None:
            r = found[0]
            same = [o for o in out if o.city is None and o.status == "present" and o.sender == r.sender
                    and o.host == r.host and (o.kind == r.kind or r.kind == "other")]
            if same:
                out = [replace(o, city=r.city) if o in same else o for o in out]
                found = []
        # আঙ্কারার বাংলাদেশ মিশন … আঙ্কারার বাংলাদেশ দূতাবাসের: the mission said again by its kind
        # (not a gloss in brackets: উপ-দূতাবাস (কনসুলেট) stays the word used first)
        glossed = i and re.fullmatch(r"\s*\(\s*", text[anchors[i - 1].end:a.start]) is not None
        # (nor what a mission is upgraded to: কাবুলে ভারতের মিশনকে দূতাবাসে উন্নীত করবে stays a mission)
        glossed = glossed or bool(i) and (prev := w.inflection.match(text, anchors[i - 1].end)) is not None \
            and prev.group().lstrip("-") in w.objective_endings and not text[prev.end():a.start].strip() \
            and w.upgrade.search(text, a.end, _clause_end(text, a.end, len(text))) is not None
        general = {r: [o for o in out if o.kind == "other" != r.kind and o.status == "present" and not glossed
                       and (o.sender, o.host) == (r.sender, r.host) and r.city is not None
                       and o.city is not None and o.city.place.id == r.city.place.id] for r in found}
        for r, olds in general.items():
            if olds:
                out = [replace(o, kind=r.kind) if o in olds else o for o in out]
        found = [r for r in found if not general[r]]
        if i and w.copula.search(text, anchors[i - 1].end, a.start):
            # লন্ডনে ভারতীয় হাইকমিশন হল যুক্তরাজ্যে ভারতীয় প্রজাতন্ত্রের কূটনৈতিক দূতাবাস: what it is, said again
            found = [r for r in found if not any(o.sender == r.sender and o.host == r.host for o in out)]
        # … কনস্যুলেট জেনারেল জেদ্দায় … জেদ্দা-কনসুলেটের প্রাঙ্গণে: one sender's mission in one city, said again
        # … মার্কিন যুক্তরাষ্ট্রের দূতাবাস … দূতাবাসটিতে: a country's mission of that kind named before, said again
        found = [r for r in found if not any(
            o.status == "present" and o.sender == r.sender and o.host == r.host
            and (r.city is None and (o.kind == r.kind or r.kind == "other" or o.kind in _KIND_OF.get(r.kind, ()))
                 or r.city is not None and o.city is not None and o.city.place.id == r.city.place.id)
            for o in out)]
        if a.kind == "other":
            # ইসলামাবাদে বাংলাদেশের হাইকমিশন পাকিস্তানে বাংলাদেশের প্রধান কূটনৈতিক মিশন: said again
            found = [r for r in found if not any(o.sender == r.sender and o.host == r.host for o in out)]
        if found and not value and not staffed and w.temporary.search(text, lo, clause_end) \
                and w.move.search(text, a.end, clause_end):
            found = []  # ইউক্রেনের মার্কিন দূতাবাস অস্থায়ীভাবে কিয়েভ থেকে লিভ শহরে স্থানান্তর: for a while, neither place
        was = found and not value and w.past.search(text, a.end, clause_end)
        dest = _moved_later(text, clause_end, hi, places, w) if was and not moved else None
        if dest is not None:
            # বাংলাদেশের দূতাবাস একসময় বন শহরে ছিল; … সেটি বার্লিনে স্থানান্তরিত হয়: where it is now (in
            # that country; moved out of it, none there)
            found = [replace(r, city=dest if dest.place.kind == "city" else None) for r in found
                     if r.host == dest.place.country]
            found = [r for r in found if not any(o.status == "present" and (o.sender, o.host, o.city) == (
                r.sender, r.host, r.city) for o in out)]
        closed_later = hi == len(text) and w.closure_ref.search(text, clause_end, hi) \
            and w.closure.search(text, clause_end, hi)  # … চালু করে, তবে তারপর থেকেই এটি বন্ধ
        if not (closed_later and was):  # … একটি কনস্যুলেট ছিল, যা … বন্ধ করে দেওয়া হয়: absent only
            out += found
        if found and not value and (
                soon or
                w.former.search(text, max(lo, a.start - 24), a.start)  # একটি সাবেক কূটনৈতিক মিশন
                or closed_later):
            out += [replace(r, status="absent") for r in found]
        if not hosts and value:
            for s in senders or [None]:
                out.append(Reading(a.kind, s, None, None, a.start))
    text = original
    out += _accredited(text, places, anchors, w, profile) + _nonresident(text, places, w)
    # ত্রিপুরায় বাংলাদেশ হাইকমিশন: a state named as the place, so the country and no city; so is a
    # province that bears a city's name (ইজমির প্রদেশে)
    out = [r for r in out if r.city is None or r.city.place.id not in w.states or _state_place(text, r, places, w)]
    # হংকংয়ে ভারতের দূতাবাস নেই: none in a region says nothing of its country
    out = [r for r in out if not (r.status == "absent" and r.city is not None and r.city.place.id in w.regions)]
    out = [replace(r, city=None) if r.city is not None and (
        r.city.place.id in w.states or w.province.match(text, r.city.end)) else r for r in out]
    return _historical(text, out, w, profile)


def _state_place(text: str, r: Reading, places: list[PlaceMatch], w: _Words) -> bool:
    """Whether a reading placed in a state stands: in the locative (ফ্লোরিডায় … কনস্যুলেট), or right before
    its mission phrase with only its sender and attributive words between (ফ্লোরিডার বাংলাদেশ কনস্যুলেট); a
    state is a topic or a person's too often otherwise (মণিপুরের সহিংসতা নিয়ে … দূতাবাস, টেক্সাসের সিনেটর), and
    no mission in one state says none is in its country (রাজস্থানে জাপানের কোনো কনস্যুলেট নেই, আছে মুম্বাইয়ে)."""
    if r.status == "absent":
        return False
    if r.city.case == "locative":
        return True
    gap = text[r.city.end:r.at]
    for p in places:
        if r.city.end <= p.start and p.end <= r.at:
            gap = gap.replace(p.surface, " ")
    return all(t in w.attributive for t in re.findall(f"[{_W}]+", gap))


def _host_orders(text: str, a: _Anchor, order, hosts, group, places, span, w: _Words) -> bool:
    """A closure order (``order``: its word, after the closure word) is the host's, or a headline's
    that names no one: the mission is there until then (সান ফ্রান্সিসকোর রুশ কনস্যুলেট বন্ধ করতে
    যুক্তরাষ্ট্রের নির্দেশ; পোল্যান্ডে রাশিয়ান কনস্যুলেট বন্ধের নির্দেশ). Not when another country is named
    outside the mission's own phrase (ইসরায়েলের প্রধানমন্ত্রী … ইরিত্রিয়ায় দেশটির দূতাবাস বন্ধের নির্দেশ: its
    own), when a ministry of no named country orders it (… বন্ধ করতে পররাষ্ট্রমন্ত্রণালয় নির্দেশ দিয়েছে: most
    likely the sender's), or when the order was carried out (… নির্দেশ দিয়েছিল এবং সেটি এরই মধ্যে বন্ধ করে
    দেওয়া হয়েছে). ``span``: the clause's start and end and the sentence's end."""
    lo, clause_end, hi = span
    if w.closure.search(text, order.end(), hi):
        return False
    host_countries = {h.place.country for h in hosts}
    for g in w.government_word.finditer(text, lo, clause_end):
        if not any(p.end <= g.start() and not text[p.end:g.start()].strip() and p.place.country in host_countries
                   for p in places):
            return False
    phrase_start = a.start  # where the mission's own phrase (its places and sender) begins
    for m in sorted([h for h in hosts if h.end <= a.start] + group, key=lambda m: -m.start):
        if all(t in w.attributive or t in w.city_words for t in re.findall(f"[{_W}]+", text[m.end:phrase_start])):
            phrase_start = min(phrase_start, m.start)
    return all(p.place.country in host_countries for p in places
               if lo <= p.start and p.end <= clause_end and p.place.kind == "country"
               and p.case != "adjective" and not phrase_start <= p.start < a.start)


def _is_capital(p: PlaceMatch, gaz: Gazetteer) -> bool:
    """A city that is its country's capital (gazetteer data): ওয়াশিংটন for the United States."""
    return p.place.kind == "city" and gaz.capital(p.place.country) == p.place.id


def _general_before(text: str, lo: int, a: _Anchor, w: _Words) -> bool:
    """A word of countries in general (সব, বিভিন্ন) among the four words before the mission word
    (ইরানে হামলার জেরে বিশ্বব্যাপী সব দূতাবাস বন্ধ: all of a sender's missions, in no one host)."""
    words = [m for m in re.finditer(f"[{_W}]+", text) if lo <= m.start() and m.end() <= a.start][-4:]
    return bool(words) and w.general.search(text, words[0].start(), a.start) is not None


def _upgrade(text: str, anchors, i: int, out: list[Reading], before, w: _Words) -> list[Reading] | None:
    """The readings after an upgrade done to mission word ``i`` (``… কনস্যুলেটকে হাইকমিশনে উন্নীত করা
    হয়``: the consulate read before is a high commission now; ``সেটিকে এবার হাই কমিশনে উন্নীত করা হলো``:
    the one mission of the sentence before), or None when the word is no such upgrade (one to come
    stays as read: ``উন্নীত করার ঘোষণা``)."""
    a = anchors[i]
    up = w.upgrade_done.search(text, a.end, _clause_end(text, a.end, len(text)))
    if up is None:
        return None
    ending = w.inflection.match(text, a.end)
    between = text[ending.end() if ending else a.end:up.start()]
    if len(re.findall(f"[{_W}]+", between)) > 1 or w.role.match(between):
        return None  # … হাইকমিশন অফিসে উন্নীত: one word may stand between, not হিসেবে
    prev = anchors[i - 1] if i else None
    if prev is not None and not re.search("[,;।|]", text[prev.end:a.start]):
        olds = [r for r in out if r.at == prev.start and r.status == "present"]
        if olds:
            return [replace(r, kind=a.kind) if r in olds else r for r in out]
    lo = prev.end if prev is not None else 0
    if not w.object_pronoun.search(text, lo, a.start):
        return None
    prior = before() if callable(before) else before
    shown = {(r.sender, r.host): r for r in prior if r.status == "present" and r.sender and r.host}
    if len(shown) != 1:
        return None
    r = next(iter(shown.values()))
    return out + [Reading(a.kind, r.sender, r.city, r.host, a.start)]


def _generic_subject(text: str, at: int, w: _Words) -> bool:
    """A word of countries in general (বিভিন্ন, সব) among the six words before a reciprocal word
    at ``at``: the sentence is about countries in general, not the pair."""
    words = [m for m in re.finditer(f"[{_W}]+", text[:at])][-6:]
    return bool(words) and w.general.search(text, words[0].start(), at) is not None


def _moved_later(text: str, start: int, hi: int, places, w: _Words) -> PlaceMatch | None:
    """The place a later clause of the sentence moves the mission just named to (``…; … সেটি
    বার্লিনে স্থানান্তরিত হয়``): a word taking it up, then a locative place, then a move word within
    two words of it, no negation or plan after; None otherwise."""
    ref = w.closure_ref.search(text, start, hi)
    mv = w.move.search(text, ref.end(), hi) if ref else None
    if mv is None or w.negation.search(text, mv.end(), hi):
        return None
    dest = [p for p in places if ref.end() <= p.start and p.end <= mv.start() and p.case == "locative"]
    if not dest or len(re.findall(f"[{_W}]+", text[dest[-1].end:mv.start()])) > 2:
        return None
    return dest[-1]


def _each_in_the_other(pre, text: str, a: _Anchor, w: _Words, pair: tuple[str, ...]) -> list[Reading]:
    """``সিউল ও টোকিওতে দুই দেশের দূতাবাস``: two coordinated locative cities of two countries right
    before a 'both countries' word right before the mission word; each country's mission is in the
    other's city (the cities assigned by their country). Another country named before, or a pair of
    the title that is not theirs, reads nothing."""
    both = ([m for m in w.both.finditer(text, 0, a.start)] or [None])[-1]
    if both is None or a.plural or text[both.end():a.start].strip():
        return []
    last = next((i for i in range(len(pre) - 1, -1, -1) if pre[i].end <= both.start()), None)
    if last is None or pre[last].case != "locative" or text[pre[last].end:both.start()].strip():
        return []
    cities = _group(pre, last, text, w, -1)
    countries = {c.place.country for c in cities}
    if len(cities) != 2 or any(c.place.kind != "city" for c in cities) or len(countries) != 2             or (len(set(pair)) == 2 and countries != set(pair))             or any(p.place.kind == "country" and p.place.id not in countries for p in pre):
        return []
    return [Reading(a.kind, next(iter(countries - {c.place.country})), c, c.place.country, a.start) for c in cities]


def _capital(gaz: Gazetteer, country: str, at: int) -> PlaceMatch | None:
    """The capital of ``country`` (gazetteer data) as a place of the sentence at ``at``: written as
    'the capital', so its name is the gazetteer's."""
    cid = gaz.capital(country)
    place = gaz.place(cid) if cid else None
    return PlaceMatch(at, at, at, place, "", "", "locative", quarter=True) if place else None


def _counted(text: str, hosts, a: _Anchor, w: _Words) -> tuple[int, int] | None:
    """The span of a count right before the mission word (``দুটি``, ``২টি``) that equals the number
    of coordinated cities right before it, all of one country (``নিউ ইয়র্ক সিটি ও লস অ্যাঞ্জেলেসে
    দুটি কনস্যুলেট-জেনারেল``): one mission in each, not a generic count. None otherwise."""
    if a.plural or len(hosts) < 2 or any(h.place.kind != "city" for h in hosts) \
            or len({h.place.country for h in hosts}) != 1 or hosts[-1].end > a.start:
        return None
    gap = text[hosts[-1].end:a.start]
    # … ভ্লাদিভোস্টক শহরে ভারতের দুটি কনস্যুলেট: a place noun and the sender may stand before the count
    m = re.fullmatch(r"(?:\s*[^\s,।]+){0,2}?\s*(\S+?)\s*", gap)
    if not m:
        return None
    word = nfc(m.group(1))
    value = w.count_values.get(word)
    digits = re.fullmatch(r"([০-৯0-9]+)\s*(?:টি|টা)", word)
    if value is None and digits:
        value = int(digits.group(1).translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")))
    if value != len(hosts):
        return None
    return hosts[-1].end + m.start(1), hosts[-1].end + m.end(1)


def _pronoun_country(subject, places, host_ids, at: int, text: str, w: _Words) -> list[str]:
    """The country a pronoun (দেশটির) before a mission word stands for: the one the sentence
    before is about that is no host, else the nearest country named before it in this sentence
    that is no host (মেক্সিকোতে বাংলাদেশের দূতাবাস থাকলেও ঢাকায় দেশটির …: Mexico) and no people's
    (রোমানিয়ার ভিসার জন্য বাংলাদেশের নাগরিকদের … দেশটির দূতাবাসের: Romania)."""
    there = [c for c in subject if c not in host_ids]
    if subject:
        return there if len(there) == 1 else []
    named = [p.place.id for p in places if p.end <= at and p.place.kind == "country" and p.place.id not in host_ids
             and p.case != "adjective" and not w.resident_noun.match(text, p.end)]
    return named[-1:]


def _place_ends_at(places, text: str, at: int) -> bool:
    """A place without a case ending ends right before ``at`` (``হংকং এ``: a locative ending
    written apart, no demonstrative)."""
    return any(not text[p.end:at].strip() for p in places if p.end <= at and p.case == "nominative")


def _coordinated(gap: str, pre, w: _Words) -> bool:
    """The text between two mission words joins two mission phrases: nothing but the first's
    ending, coordinators, attributive words and the second's places (``হাইকমিশন ও চীনের দূতাবাস``)."""
    for p in pre:
        gap = gap.replace(p.surface, " ")
    m = w.inflection.match(gap)
    words = re.findall(f"[{_W}]+", gap[m.end():] if m else gap)
    return all(x in w.attributive or w.coordination.fullmatch(x) for x in words)


def _joined(gap: str, places, w: _Words) -> bool:
    """Two mission phrases joined by a coordinator, the first with no predicate of its own
    (``রিয়াদে বাংলাদেশ দূতাবাস ও জেদ্দায় বাংলাদেশ কনস্যুলেট … বন্ধ``): they share the clause after
    the second."""
    for p in places:
        gap = gap.replace(p.surface, " ")
    m = w.inflection.match(gap)
    words = re.findall(f"[{_W}]+", gap[m.end():] if m else gap)
    # … কনস্যুলেট এবং পসকভের অফিসসহ … কনস্যুলেট বন্ধ: a member added 'including' joins the list too
    return any(w.coordination.fullmatch(x) for x in words) and all(
        x in w.attributive or w.coordination.fullmatch(x) or any(x.endswith(i) and len(x) > len(i) for i in w.inclusive)
        for x in words)


def _closer(text: str, places, start: int, end: int, senders, w: _Words) -> list[PlaceMatch]:
    """The country that ends a clause right after a closure verb (``… দূতাবাস বন্ধ করে দিয়েছে
    রাশিয়া``, ``… রাশিয়ার সরকার``), not a sender: it closed the senders' missions in its land."""
    for p in places:
        if p.start < start or p.end > end:
            continue
        if p.place.kind != "country" or p.place.id in senders \
                or len(re.findall(f"[{_W}]+", text[start:p.start])) > 3:
            return []
        rest = text[p.end:end]
        g = w.government.match(rest)
        if g:
            rest = rest[g.end():]  # রাশিয়ার সরকার, মার্কিন পররাষ্ট্র দপ্তর
        elif p.case != "nominative":
            return []
        return [] if re.search(f"[{_W}]", rest) else [p]
    return []


def _negated(text: str, start: int, end: int, w: _Words, opening: re.Pattern):
    """The negation of a mission word's clause (``start``..``end``, the word ending at ``start``), or
    None: a negation after a service word is the service's (দূতাবাসে কনস্যুলার সেবা বন্ধ), a denied
    closure (বন্ধের পরিকল্পনা নেই, বন্ধ হচ্ছে না) says the mission exists, and a bare auxiliary
    (হতে পারে, না) after a mission word in an oblique case and another word is that word's
    (তুরস্কে ইসরায়েলি দূতাবাসে হামলা হতে পারে), and so is হবে after an infinitive of no opening
    verb (দপ্তরে কর্মী সংখ্যা কমাতে হবে: must; but শাখা অফিস হবে, স্থাপন করতে হবে are to come)."""
    ending = w.inflection.match(text, start)
    oblique = ending is not None and ending.group().lstrip("-") not in ("ও", "ই", "টি", "টিও")
    if oblique and w.beside.match(text, ending.end()):
        return None  # … দূতাবাসের বাইরে … ভাস্কর্য স্থাপনের প্রতিবাদে: a place by the mission, the act another's
    done = w.finite_and.search(text, start, end)
    end = done.start() + len(done.group(1)) if done else end  # … খুলেছে এবং …: the next clause is another's
    at = start
    while True:
        neg = w.negation.search(text, at, end)
        if neg is None or w.service.search(text, start, neg.start()) or any(
                m.start() <= neg.start() and neg.end() <= m.end() for m in w.void.finditer(text, start, end)):
            return None  # … বন্ধের পরিকল্পনা নেই, … খোলা রাখা হবে: the mission is and stays there
        between = re.findall(f"[{_W}]+", text[ending.end():neg.start()]) if oblique else []
        word = " ".join(neg.group().split())
        noun = w.any_noun.search(text, ending.end(), neg.start()) if oblique else None
        if noun and noun.group().split()[-1] in w.existence:
            noun = None  # … দূতাবাসের কোনো অস্তিত্ব নেই: the mission's own existence is denied
        if oblique and ending.group().rstrip("ও").endswith("র") and (
                noun or w.staff_word.search(text, ending.end(), neg.start()) or _envoy_object(text, ending.end(), neg.start(), w)):
            # … দূতাবাসের কর্মঘণ্টায় কোনো পরিবর্তন হয়নি, … দূতাবাসের দুই কর্মীর খোঁজ নেই: the other noun is denied;
            # … দূতাবাসের ডেপুটি হাইকমিশনার … কে প্রত্যাহার করা হয়েছে: the envoy is withdrawn, not the mission
            at = neg.end()
            continue
        if _other_object(text, start, neg.start(), w) or word in w.auxiliaries and _event_participle(text, start, neg.start(), w):
            at = neg.end()  # … দূতাবাস দেশগুলির মধ্যে সম্পর্ক স্থাপনের প্রক্রিয়ায়: relations are established
            continue
        served = w.service.search(text, neg.end(), end)
        if served and word in w.closure_words and "," not in text[neg.end():served.start()] \
                and len(re.findall(f"[{_W}]+", text[neg.end():served.start()])) <= 3:
            at = neg.end()  # … অফিস আপাতত বন্ধ করে দেওয়া হয়েছে ভিসার দেওয়ার কাজ: the service's closure
            continue
        if word in w.plan_nouns:
            last = re.findall(f"[{_W}]+", text[start:neg.start()])[-2:]
            if last and last[-1].endswith("ার") and not any(
                    opening.search(x) or w.closure.search(x) or w.move.search(x) for x in last):
                at = neg.end()  # … এলাকাগুলি ছেড়ে যাওয়ার পরিকল্পনা করে: the plan of another act
                continue
        if word in w.requests and not any(not _other_object(text, start, o.start(), w)
                                          for o in opening.finditer(text, start, neg.start())):
            at = neg.end()  # কায়রোর বাংলাদেশ দূতাবাস এই অনুরোধ জানায়: the mission's own request
            continue
        last = re.findall(f"[{_W}]+", text[start:neg.start()])[-1:]
        if word == "হবে" and not between and last and last[0].endswith("তে") and not opening.search(last[0]) \
                and len(re.findall(f"[{_W}]+", text[start:neg.start()])) > 2:
            at = neg.end()  # … দূতাবাস এবং অন্য সংগঠন থেকে কর্মী ছাঁটাই করতে হবে: must, not a mission to come
            continue
        if between and word in w.auxiliaries and (word != "হবে" or (
                between[-1].endswith("তে") or len(between) > 2) and not any(opening.search(x) for x in between[-3:])):
            at = neg.end()  # … দপ্তরে কর্মী সংখ্যা অর্ধেক কমাতে হবে: an obligation, not a mission to come
            continue
        return neg


def _event_participle(text: str, start: int, at: int, w: _Words) -> bool:
    """Whether the word before ``at`` is an event's participle (অনুষ্ঠান … অনুষ্ঠিত হবে): what is to
    come is the event, not the mission."""
    last = re.findall(f"[{_W}]+", text[start:at])[-1:]
    return bool(last) and last[0] in w.event_participles


def _other_object(text: str, start: int, at: int, w: _Words) -> bool:
    """Whether the word or two before ``at`` (after ``start``) name another object of the act
    there (সম্পর্ক স্থাপনের): relations are established, not the mission."""
    last = re.findall(f"[{_W}]+", text[start:at])[-2:]
    return bool(last) and (last[-1] in w.other_objects or " ".join(last) in w.other_objects)


def _near(text: str, start: int, end: int, places, w: _Words) -> bool:
    """A verb ending at ``start`` stands right before the mission phrase at ``end``: at most three
    words between, besides places and 'capital' nouns (বন্ধ ঘোষণা করা হল তুরস্কের রাজধানী আঙ্কারাস্থ …),
    and no clause mark."""
    gap = text[start:end]
    if re.search("[,;।|]", gap):
        return False
    for p in places:
        if start <= p.start and p.end <= end:
            gap = gap.replace(p.surface, " ")
    return len([t for t in re.findall(f"[{_W}]+", gap) if t not in w.appositive_nouns]) <= 3


def _leads(text: str, place, nxt, post, w: _Words) -> bool:
    """A place after one mission word begins the next one's phrase: only countries, demonyms and
    attributive words stand between it and the next mission word (``… নয়াদিল্লিতে মার্কিন দূতাবাসের``)."""
    if place.case != "locative":
        return False  # বাংলাদেশ কনস্যুলেট জেনারেল মিলান ইতালির মিশনে: Milan in apposition is the first's
    gap = text[place.end:nxt.start]
    named = [p for p in post if place.end <= p.start and p.end <= nxt.start]
    if not named or any(p.place.kind != "country" for p in named):
        return False
    for p in named:
        gap = gap.replace(p.surface, " ")
    return all(t in w.attributive for t in re.findall(f"[{_W}]+", gap))


def _governs(gap: str, gaz: Gazetteer) -> bool:
    """A genitive mission word right before another (``হাইকমিশনের কনস্যুলেট অফিস``): the first
    only says whose office the second is."""
    ending = gap.rstrip()
    return bool(ending) and ending != gap and gaz.suffix_case(ending) == "genitive"


def _own_pair(pre, text: str, a, w: _Words) -> tuple[str, ...]:
    """Two countries coordinated right before a mission word (``যুক্তরাষ্ট্র ও কিউবার দূতাবাস``)."""
    if not pre or pre[-1].place.kind != "country" or pre[-1].case != "genitive" \
            or re.search(f"[{_W}]", w.inflection.sub("", text[pre[-1].end:a.start], count=1)):
        return ()
    group = _group(pre, len(pre) - 1, text, w, -1)
    ids = tuple(dict.fromkeys(g.place.id for g in group if g.place.kind == "country"))
    return ids if len(ids) == 2 and len(group) == 2 else ()


def _ruler(pre, group, text: str, senders, w: _Words) -> list[PlaceMatch]:
    """A country's government before the closed missions' senders (``বাংলাদেশের তৎকালীন সামরিক
    জান্তা আর্জেন্টিনার দূতাবাস বন্ধ করে দিয়েছিল``): it closed them in its land."""
    for p in pre:
        if p in group or p.end > group[0].start or p.place.kind != "country" or p.place.id in senders:
            continue
        rest = text[p.end:group[0].start]
        words = re.findall(f"[{_W}]+", rest)
        k = 0
        while k < len(words) and words[k] in w.attributive:
            k += 1
        tail = " ".join(words[k:])
        g = w.government.match(" " + tail)
        if g and g.end() == len(tail) + 1 and p.case == "genitive":
            return [p]
    return []


def _with_mission(gap: str, w: _Words) -> bool:
    """An envoy word listed with the mission word after it (``রাষ্ট্রদূতসহ একটি দূতাবাস``)."""
    m = w.inflection.match(gap)
    rest = gap[m.end():] if m else gap
    words = re.findall(f"[{_W}]+", w.coordination.sub(" ", rest))
    return bool(m) and all(x in w.attributive for x in words)


def _places(text: str, w: _Words, gaz: Gazetteer) -> list[PlaceMatch]:
    """The places of ``text`` with demonym adjectives, in order, cases adjusted: ``ভারতের
    রাজধানীতে`` is in India (its capital unnamed), ``সিত্তে শহরে`` in Sittwe."""
    adjectives = gaz.find_demonyms(text)
    spans = {(a.start, a.end) for a in adjectives}  # ইতালীয়: the adjective, not "in Italy"
    names = gaz.find(text)
    found = [p for p in names if (p.start, p.end) not in spans] + adjectives
    found += [p for p in gaz.find_spellings(text, names)  # টোকিয়োয়, পেশওয়ার: spelled another way
              if not any(a.start < p.end and p.start < a.end for a in adjectives)]
    found += [q for q in gaz.find_quarters(text) if not any(p.start < q.end and q.start < p.end for p in found)]
    places = sorted(found, key=lambda p: p.start)
    out = []
    for p in places:
        if out and p.surface.isascii() and re.fullmatch(r"\s*\(\s*", text[out[-1].end:p.start]):
            continue  # ইসলামাবাদে (Islamabad): a Latin gloss of the place before, not another place
        if p.case == "genitive" and p.place.kind == "country" and w.capital.match(text, p.end):
            p = replace(p, case="locative")
        elif p.case == "nominative" and p.place.kind == "city":
            p = next((replace(p, case=case) for rx, case in w.city_nouns if rx.match(text, p.end)), p)
        out.append(p)
    for k, p in enumerate(out):
        # মাদ্রিদ, বেইজিং, সিঙ্গাপুর ও অটোয়ায়: a city-state in a list of cities is the city
        city = gaz.city(p.surface[: p.stem_end - p.start]) if p.place.kind == "country" and p.case != "adjective" else None
        if city is not None and city.country == p.place.id and any(
                q.place.kind == "city" and w.coordination.fullmatch(text[min(p.end, q.end):max(p.start, q.start)])
                for q in out[max(k - 1, 0):k] + out[k + 1:k + 2]):
            out[k] = replace(p, place=city)
    return out


def _first_pair(pre, hosts, senders, text: str, w: _Words, a: _Anchor) -> list[Reading]:
    """``কায়রোতে বাংলাদেশের এবং ঢাকায় মিশরের দূতাবাস``: a locative place and a genitive country
    coordinated before the host group share the mission word (a second mission, its own sender)."""
    k = pre.index(hosts[0]) if hosts[0] in pre else -1
    if k < 2:
        return []
    gen, loc = pre[k - 1], pre[k - 2]
    if not (gen.case == "genitive" and gen.place.kind == "country" and gen.place.id not in senders
            and loc.case == "locative" and not text[loc.end:gen.start].strip()
            and w.coordination.fullmatch(text[gen.end:hosts[0].start])
            and re.search(f"[{_W}]", text[gen.end:hosts[0].start])):
        return []
    if loc.place.country == gen.place.id:
        return []
    return [Reading(a.kind, gen.place.id, loc if loc.place.kind == "city" else None, loc.place.country, a.start)]


def _accredited(text: str, places, anchors, w: _Words, profile: Profile) -> list[Reading]:
    """Missions that do not exist because a sender serves a country from elsewhere: ``ভারতে
    আজারবাইজানের রাষ্ট্রদূতও বাংলাদেশে স্বীকৃত``, ``নাইজেরিয়ার হাই কমিশন নয়াদিল্লিতে অবস্থিত,
    যা বাংলাদেশের জন্যও স্বীকৃত``, ``X-এর রাষ্ট্রদূত নয়াদিল্লি থেকে বাংলাদেশের দায়িত্ব পালন করেন``.
    The head is the envoy or mission word before the accreditation word, the sender the country
    governing it, the elsewhere the place it is in (before it, else the first after it), the
    served countries the others named up to the end of the accreditation word's clause."""
    acc = w.accreditation.search(text)
    if not acc:
        return []
    heads = sorted([(a.start, a.end, a.kind) for a in anchors] +
                   [(m.start(), m.end(), None) for m in w.people.finditer(text)])
    head = next((h for h in heads if h[0] < acc.start()), None)
    if head is None:
        return []

    ending = w.inflection.match(text, head[1])
    from_head = head[2] is not None and w.source.match(text, ending.end() if ending else head[1])

    def located(p):
        # নয়াদিল্লির উত্তর কোরিয়ার দূতাবাস থেকে …: a genitive city before a mission served from
        return p.case == "locative" or p.place.kind == "city" and (
            w.source.match(text, p.end) or from_head and p.case == "genitive")

    before = [p for p in places if p.end <= head[0]]
    sender = next((p for p in reversed(before) if p.place.kind == "country" and not located(p)
                   and not any(q.start > p.start and located(q) and q.place.country == p.place.id
                               for q in before)), None)
    if sender is None:
        return []
    where = [p for p in before if located(p) and p.place.country != sender.place.id][-1:] or \
        [p for p in places if head[1] <= p.start < acc.start() and located(p)
         and p.place.country != sender.place.id][:1]
    if not where:
        return []
    elsewhere = where[0].place.country
    end = re.compile(r"[;।|]|\sএবং\s").search(text, acc.end())
    end = end.start() if end else len(text)
    served = [p.place.id for p in places if p.place.kind == "country" and p.place.id not in (sender.place.id, elsewhere)
              and (head[1] <= p.start < end or p.end <= head[0] and located(p))]
    return [Reading(head[2] or "other", sender.place.id, None, c, head[0], "absent")
            for c in dict.fromkeys(served)]


def _including(pre, text: str, a: _Anchor, group, w: _Words) -> list[PlaceMatch]:
    """The countries named 'including' (-সহ) in a generic host phrase right before the sender
    (``জাপান, মিশর, ফ্রান্সসহ বিভিন্ন দেশে নিযুক্ত চীনা দূতাবাস``): each a host; [] otherwise."""
    start = group[0].start if group else a.start
    named = [i for i, p in enumerate(pre) if p.end <= start and p.place.kind == "country"
             and p.suffix in w.inclusive]
    if not named:
        return []
    last = pre[named[-1]]
    between = re.findall(f"[{_W}]+", text[last.end:start])
    # … কানাডাসহ ১০ দেশের বাংলাদেশি দূতাবাসের: a count of the countries may stand before their noun
    if not any(t in w.country_nouns for t in between) or not all(
            t in w.country_nouns or w.general.fullmatch(t) or w.posted_gap.fullmatch(f" {t} ") or t in w.attributive
            or nfc(t) in w.count_values or w.count_word.fullmatch(nfc(t)) for t in between):
        return []
    return [p for p in _group(pre, named[-1], text, w, -1) if p.place.kind == "country"]


def _upgrade_predicate(text: str, start: int, clause_end: int, post: list[PlaceMatch], w: _Words) -> bool:
    """An upgrade word after ``start`` is its clause's verb: after it only the verb's own words and places
    (``… উন্নীত করার ঘোষণা দিয়েছে সিঙ্গাপুর``), never a noun it depends on (``… উন্নীত করার সিদ্ধান্তের নিন্দা
    জানিয়েছে তুরস্ক``)."""
    up = w.upgrade.search(text, start, clause_end)
    if up is None:
        return False
    rest = text[up.end():clause_end]
    for p in post:
        if up.end() <= p.start and p.end <= clause_end:
            rest = rest.replace(p.surface, " ")
    return all(nfc(t) in w.upgrade_tails for t in re.findall(f"[{_W}]+", rest))


def _counted_before(text: str, at: int, w: _Words) -> bool:
    """A number or quantifier is the word right before ``at`` (``তিন ভারতীয়``, ``কয়েকজন নেপালি``)."""
    last = re.search(f"[{_W}]+$", text[max(0, at - 40):at].rstrip())
    return last is not None and (nfc(last.group()) in w.count_values or w.count_word.fullmatch(nfc(last.group())) is not None)


def _envoy_object(text: str, start: int, end: int, w: _Words) -> bool:
    """An envoy named between ``start`` and ``end`` is the verb's object, in the accusative
    (``… দূতাবাসের ডেপুটি হাইকমিশনার খোরশেদ আলমকে প্রত্যাহার``), not its agent (``রাষ্ট্রদূতের সিদ্ধান্তে বন্ধ``)."""
    envoy = w.people.search(text, start, end)
    return envoy is not None and any(t.endswith(e) and len(t) > len(e) and not w.source.fullmatch(t)
                                     for t in re.findall(f"[{_W}]+", text[envoy.start():end]) for e in w.objective_endings)


def _ordered_out(text: str, places, after_word: int, senders, w: _Words) -> list[PlaceMatch]:
    """The country a mission's staff (a staff word within two words after the mission word) is
    ordered to leave (``ভারত ছাড়ার নির্দেশ``): the host; [] otherwise."""
    # ইরানি কূটনৈতিক মিশনকে … সৌদি ত্যাগের নির্দেশ: the mission itself, as the object
    objective = any(text.endswith(e, 0, after_word) for e in w.objective_endings)
    if not objective and not any(w.staff_word.match(t) for t in re.findall(f"[{_W}]+", text[after_word:])[:2]):
        return []
    return [p for p in places if p.case in ("nominative", "adjective") and not p.suffix and p.place.kind == "country"
            and p.place.id not in senders and w.expulsion.match(text, p.end)][:1]


def _nonresident(text: str, places, w: _Words) -> list[Reading]:
    """Missions that do not exist because the sender's envoy to the host is non-resident:
    ``বাংলাদেশে নিযুক্ত বেলারুশের অনাবাসিক রাষ্ট্রদূত``, ``বাংলাদেশে ফিনল্যান্ডের অনাবাসিক রাষ্ট্রদূত`` (the
    sender's genitive right before the word, the host's locative right before the sender, with
    only নিযুক্ত or the like between)."""
    out = []
    for m in w.nonresident.finditer(text):
        if w.people_plural.match(text, m.end()):
            continue  # ভারতে নিযুক্ত বাংলাদেশের অনাবাসিক রাষ্ট্রদূতদের: envoys to Bangladesh in general
        before = [p for p in places if p.end <= m.start()]
        if len(before) < 2:
            continue
        sender, host = before[-1], before[-2]
        if sender.place.kind == "country" and sender.case in ("genitive", "adjective") \
                and not text[sender.end:m.start()].strip() and host.case == "locative" \
                and w.posted_gap.fullmatch(text[host.end:sender.start]) and host.place.country != sender.place.id:
            out.append(Reading("other", sender.place.id, None, host.place.country, m.start(), "absent"))
    return out


def _historical(text: str, readings: list[Reading], w: _Words, profile: Profile) -> list[Reading]:
    """A mission dated before its host country existed was in the state of that time (``১৯৫৮
    সালে ফ্রান্স ঢাকায় একটি কনস্যুলেট-জেনারেল খোলে``: Pakistan); the sentence's first year dates it,
    else the profile's words for the time (``স্বাধীনতার আগে``)."""
    # a year in brackets dates something else (… বার্ষিকী (২ সেপ্টেম্বর, ১৯৪৫ - ২ সেপ্টেম্বর, ২০২৫)), and so
    # does one in a quoted title (‘… জাপানিজ প্রিন্টস অব দ্য ১৯৭০স’ শিরোনামে), never a quoted date or statement
    unbracketed = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), text)
    unbracketed = w.quoted_title.sub(lambda q: " " * len(q.group()), unbracketed)
    m = profile.year_re.search(unbracketed) if w.historical or w.regions else None
    year = _digits_value(m.group(1), profile.text["digits"]) if m else None
    # বাংলাদেশের স্বাধীনতার আগে ঢাকায় …: no year, but words that date it before then
    then = {c: host for c, before, host, words in w.historical
            if (year < before if year is not None else words.search(text))}
    # হংকংয়ে বাংলাদেশের কনস্যুলেট জেনারেল: a mission in China (in 1990: in British Hong Kong)
    then = {**w.regions, **w.territories, **then}
    return [replace(r, host=then[r.host]) if r.host in then and r.sender != then[r.host] else r
            for r in readings]


def clause_facts(text: str, profile: Profile, gaz: Gazetteer, opening_ok: bool = True):
    """Yield (kind, sender, city_match, host_country) for each mission ``text`` states."""
    for r in read(text, profile, gaz):
        if r.status == "present":
            yield r.kind, r.sender, r.city, r.host


def _city_name(city: PlaceMatch | None) -> str | None:
    if city is not None and city.quarter:
        return city.place.name  # রাজধানীর বনানীতে: the mission is in Dhaka
    return city.surface[: city.stem_end - city.start] if city else None


def _city_id(city: PlaceMatch | None) -> str | None:
    """The gazetteer id of a mission's city; a region named as the place (হংকং) has none."""
    return city.place.id if city is not None and city.place.kind == "city" else None


def _subject(text: str, sent, profile: Profile, gaz: Gazetteer) -> tuple[str, ...]:
    """The countries the sentence before ``sent`` on its line starts with: ``সৌদি আরব …।`` or
    ``সৌদি আরবের …।`` gives one, ``বাংলাদেশ ও সৌদি আরবের …।`` both (a pronoun then means the
    one that is not the host)."""
    last = _sentence_before(text, sent, profile)
    w = _words(profile)
    places = gaz.find(last)  # মিশরের সঙ্গে বাংলাদেশের বাণিজ্য আছে: about Egypt, the partner too
    if not places or places[0].place.kind != "country" or places[0].case not in ("nominative", "genitive"):
        return ()
    return tuple(dict.fromkeys(p.place.id for p in _group(places, 0, last, w, +1)
                               if p.place.kind == "country"))


def _sentence_before(text: str | None, sent, profile: Profile) -> str:
    """The sentence before ``sent`` on its line, or ``""``."""
    if text is None:
        return ""
    start = text.rfind("\n", 0, sent.pstart) + 1
    ends = "".join(profile.text["sentence_ends"])
    parts = [x for x in re.split(f"[{re.escape(ends)}]", text[start:sent.pstart]) if x.strip()]
    return parts[-1] if parts else ""


def absent_re(profile: Profile) -> re.Pattern:
    """What a sentence stating an absent mission holds: a mission word, an accreditation word or a
    non-resident envoy."""
    w = _words(profile)
    return re.compile(f"(?:{w.mention.pattern})|(?:{w.accreditation.pattern})|(?:{w.nonresident.pattern})")


def prose_facts(sentences, profile: Profile, gaz: Gazetteer, text: str | None = None,
                pair: tuple[str, ...] = (), status: str = "present") -> list[Fact]:
    """Facts of the sentences: a named sender and a named host, never the same country.
    ``text``: the prose the sentences come from (their ``pstart`` offsets), for pronouns;
    ``pair``: the title's two countries, for each other's missions; ``status``: ``present`` (the
    missions stated) or ``absent`` (those said not to exist: closed, denied, served from elsewhere)."""
    digits = profile.text["digits"]
    w = _words(profile)
    out = []
    for sent in sentences:
        said = nfc(sent.text)  # the words are NFC; a file may hold the precomposed য় (only read here, never written)
        if not w.mention.search(said) and not (
                status == "absent" and (w.accreditation.search(said) or w.nonresident.search(said))):
            continue
        year = None
        if profile.opening_re.search(said):
            m = profile.year_re.search(said)
            if m:
                year = _digits_value(m.group(1), digits)
        last = nfc(_sentence_before(text, sent, profile))
        memo: list = []

        def before(last=last, memo=memo) -> tuple[Reading, ...]:
            if not memo:
                memo.append(tuple(r for r in read(last, profile, gaz, pair=pair) if r.sender)
                            if profile.mission_kind_re.search(last) else ())
            return memo[0]

        agent = tuple(dict.fromkeys(p.place.id for p in gaz.find(last)
                                    if p.place.kind == "country" and p.case == "nominative"))
        where = tuple(dict.fromkeys(p.place.id for p in gaz.find(last)
                                    if p.place.kind == "country" and p.case == "locative"))
        for r in read(said, profile, gaz, subject=_subject(text, sent, profile, gaz), pair=pair,
                      before=before, agent=agent, where=where):
            if r.sender is None:
                r = _pair_sender(r, said, last, pair, profile, gaz)
            if r.status != status or r.sender is None or r.host is None or r.sender == r.host:
                continue
            out.append(Fact(r.sender, _city_name(r.city), _city_id(r.city), r.host,
                            r.kind, "prose", sent.start, sent.end, sent.has_ref, year, status=status))
    return out


def _pair_sender(r: Reading, text: str, last: str, pair: tuple[str, ...], profile: Profile,
                 gaz: Gazetteer) -> Reading:
    """A mission with no sender in a bilateral article (``কূটনৈতিক সম্পর্ক স্থাপনের পর ঢাকায় একটি
    দূতাবাস খোলা হয়েছিল`` in অস্ট্রেলিয়া–বাংলাদেশ সম্পর্ক): when a city of one of the title's two
    countries names the host, the sender is the other; only for one mission (no plural, no generic
    word) right after its city (attributive words between: একটি, নতুন), in a sentence that names
    no body (জাতিসংঘের হাই কমিশন), no country and no country's adjective outside the pair, after a
    sentence (``last``) that names no country outside the pair either (জাপান … স্বীকৃতি দেয়। ঢাকায়
    একটি দূতাবাস রয়েছে: perhaps Japan's)."""
    if len(set(pair)) != 2 or r.city is None or r.host not in pair:
        return r
    w = _words(profile)
    a = next((x for x in _anchors(text, profile, w) if x.start == r.at), None)
    if a is None or a.plural or _generic(text, 0, a, w) is not None or w.blocker.search(text) \
            or not r.city.end <= a.start or set(text[r.city.end:a.start].split()) - w.attributive:
        return r
    if any(p.place.kind == "country" and p.place.id not in pair for t in (text, last) for p in gaz.find(t)) \
            or any(p.place.id not in pair for t in (text, last) for p in gaz.find_demonyms(t)):
        return r
    return replace(r, sender=next(c for c in pair if c != r.host))


def infobox_fact(value: str, sender: str | None, host: str | None, profile: Profile, gaz: Gazetteer,
                 start: int, end: int, param: str) -> Fact | None:
    """The mission an infobox parameter's value names, read like prose.

    The sender comes from the text (``কায়রোতে বাংলাদেশের দূতাবাস``); the slot's country
    (``sender``: country1 for mission1) only when the text names none, and never when the
    value puts the mission in that country. The host is the value's city or country, else the
    slot's other country. Comparing the result with the slot is rule E007's business.
    """
    text = nfc(value).strip()
    if not text:
        return None
    readings = [r for r in read(text, profile, gaz, value=True) if r.status == "present"]
    if readings:
        r = readings[0]
        kind, s, city, h = r.kind, r.sender, r.city, r.host
    else:  # a bare place ("[[ঢাকা]]"): kind other
        kind, s, h = "other", None, None
        city = next((p for p in gaz.find(text) if p.place.kind == "city"), None)
        if city:
            h = city.place.country
        else:
            country = next((p for p in gaz.find(text) if p.place.kind == "country"), None)
            h = country.place.id if country else None
    if s is None and sender != h:
        s = sender
    if h is None and host != s:
        h = host
    if s == h:
        s = None  # the value's mission is in the slot's own country: no sender to give it
    return Fact(s, _city_name(city), _city_id(city), h, kind, "infobox", start, end,
                False, None, param)
