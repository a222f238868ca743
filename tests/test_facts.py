"""Mission facts (`bot.facts`, `bot.missions.en`) and the en profile on the 196 real English pages.

The corpus part runs once per session in two processes: per page `fix_page` under a bilateral
title with the en profile (it builds and lints the page first: `lint --profile en`, then fixes
it: `fix --profile en`) and `facts_for` under the page's own title on the same parse. Then:
nothing raised, the facts match their schema, the hand-labelled lines of
fixtures/facts/labels.json (a random sample, seed in the file) give precision and recall
>= 0.95, and the gazetteer resolves >= 98% of the host cities written in mission sentences.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import random
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import pytest

from bot import facts as F
from bot.missions import en as missions_en
from bot.fixes import fix_page
from bot.gazetteer import Gazetteer
from bot.profile import load_profile
from bot.schema import validator
from conftest import CORPUS, FIXTURES, ROOT, SEED, read, title_of

EN_PATH = ROOT / "bot" / "profiles" / "en.json"
LABELS = FIXTURES / "facts" / "labels.json"
PAGES = sorted(CORPUS.glob("*.wikitext"))
BILATERAL = "Bangladesh–India relations"


def read_en(text, en, gaz_en, carry=None):
    return [(m.sender, m.kind, m.city, m.country, m.year) for m in missions_en.read_sentence(text, en, gaz_en, carry)]


# -- sentences --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Brazil has an embassy in Baku.", [("BR", "embassy", "Baku", "AZ", None)]),
    ("Canada has a high commission in Nairobi.", [("CA", "high-commission", "Nairobi", "KE", None)]),
    ("Spain has an embassy in Ankara and a consulate general in Istanbul.",
     [("ES", "embassy", "Ankara", "TR", None), ("ES", "consulate-general", "Istanbul", "TR", None)]),
    ("Chile has an embassy in Rome and a consulate-general in Milan.",
     [("CL", "embassy", "Rome", "IT", None), ("CL", "consulate-general", "Milan", "IT", None)]),
    ("Greece has an honorary consulate in Lusaka.", [("GR", "honorary-consulate", "Lusaka", "ZM", None)]),
    ("Russia has an embassy in Ankara and Consulates General in Antalya, Istanbul and Trabzon.",
     [("RU", "embassy", "Ankara", "TR", None), ("RU", "consulate-general", "Antalya", "TR", None),
      ("RU", "consulate-general", "Istanbul", "TR", None), ("RU", "consulate-general", "Trabzon", "TR", None)]),
    ("Germany has embassies in Riga, Tallinn, and Vilnius.",
     [("DE", "embassy", "Riga", "LV", None), ("DE", "embassy", "Tallinn", "EE", None),
      ("DE", "embassy", "Vilnius", "LT", None)]),
    ("Colombia is accredited to New Zealand from its embassy in Canberra, Australia and maintains a "
     "consulate-general in Auckland.",
     [("CO", "embassy", "Canberra", "AU", None), ("CO", "consulate-general", "Auckland", "NZ", None)]),
    ("Mexico is accredited to Fiji from its embassy in Canberra, Australia and maintains an honorary "
     "consulate in Suva.",
     [("MX", "embassy", "Canberra", "AU", None), ("MX", "honorary-consulate", "Suva", "FJ", None)]),
    ("Brazil's embassy in Baku opened in 2010.", [("BR", "embassy", "Baku", "AZ", 2010)]),
    ("The Embassy of Japan in Baku was opened in 2000.", [("JP", "embassy", "Baku", "AZ", 2000)]),
    ("In 2010, Malta opened an embassy in Baku.", [("MT", "embassy", "Baku", "AZ", 2010)]),
    ("Ireland is represented in The Bahamas through its embassy in Ottawa (Canada) and an honorary "
     "consulate in Nassau.",
     [("IE", "embassy", "Ottawa", "CA", None), ("IE", "honorary-consulate", "Nassau", "BS", None)]),
    ("Malta has an embassy in Vienna and 4 honorary consulates (in Innsbruck, Linz, Salzburg and Vienna).",
     [("MT", "embassy", "Vienna", "AT", None)] + [("MT", "honorary-consulate", c, "AT", None)
                                                   for c in ("Innsbruck", "Linz", "Salzburg", "Vienna")]),
    ("Israel has an embassy in Nairobi and Kenya has an embassy in Tel Aviv.",
     [("IL", "embassy", "Nairobi", "KE", None), ("KE", "embassy", "Tel Aviv", "IL", None)]),
    ("Vietnam has an embassy in Caracas and Venezuela an embassy in Hanoi.",
     [("VN", "embassy", "Caracas", "VE", None), ("VE", "embassy", "Hanoi", "VN", None)]),
    ("Liechtenstein maintains embassies in Austria, Germany and the United States.",
     [("LI", "embassy", None, "AT", None), ("LI", "embassy", None, "DE", None), ("LI", "embassy", None, "US", None)]),
    ("Russia has an embassy in Washington, D.C. and consulates-general in New York and Houston.",
     [("RU", "embassy", "Washington, D.C.", "US", None), ("RU", "consulate-general", "New York", "US", None),
      ("RU", "consulate-general", "Houston", "US", None)]),
    ("Lithuania has an embassy and a consulate in Gyumri.",
     [("LT", "embassy", "Gyumri", "AM", None), ("LT", "consulate", "Gyumri", "AM", None)]),
    ("Argentina has an embassy in Tripoli, Lebanon.", [("AR", "embassy", "Tripoli", "LB", None)]),
])
def test_english_mission_sentences(text, want, en, gaz_en):
    assert read_en(text, en, gaz_en) == want


@pytest.mark.parametrize("text", [
    "The United States does not have an embassy in Nauru.",
    "Mexico closed its embassy in Accra in 1980.",
    "Iran plans to open an embassy in Bogotá.",
    "Russia would reopen its embassy in Niamey.",
    "The Israeli Embassy in Wellington closed in 2004.",
    "Libya had an embassy in Rome until 2011.",
    "The embassy in Baku was opened in 2010.",  # no sender
    "Both countries have embassies in each other's capitals.",  # no named host
    "The Ruritanian embassy in Tel Aviv received a protest from Israel.",  # someone else's, not Israel's
    "The United Nations High Commission for Refugees has an office in Dhaka.",
    "A delegation from Japan visited Baku.",
])
def test_no_fact(text, en, gaz_en):
    assert read_en(text, en, gaz_en) == []


def test_pronoun_takes_the_sender_before(en, gaz_en):
    assert read_en("It also has a consulate in Sydney.", en, gaz_en, carry="KZ") == [
        ("KZ", "consulate", "Sydney", "AU", None)]
    assert read_en("It also has a consulate in Sydney.", en, gaz_en) == []


def test_demonyms_come_from_the_curated_gazetteer_file(monkeypatch, en, gaz_en):
    real = missions_en._curated
    monkeypatch.setattr(missions_en, "_curated", lambda lang: dict(real(lang), demonyms={"IL": ["Israeli"]}))
    missions_en.grammar.cache_clear()
    try:
        assert read_en("The Israeli embassy in Bangkok is accredited to Cambodia.", en, gaz_en) == [
            ("IL", "embassy", "Bangkok", "TH", None)]
    finally:
        missions_en.grammar.cache_clear()


def test_sentence_split_keeps_abbreviations():
    text = "Russia has an embassy in Washington, D.C. and a consulate in St. Louis. It is old. U.S. ties grew."
    spans = missions_en.split_sentences(text)
    assert [text[s:e].strip() for s, e in spans] == [
        "Russia has an embassy in Washington, D.C. and a consulate in St. Louis.", "It is old.", "U.S. ties grew."]


# -- pages ------------------------------------------------------------------------------------

PAGE = """{{Infobox bilateral relations|Argentina–Azerbaijan relations|Argentina|Azerbaijan
|mission1 = Embassy of Argentina, [[Baku]]
|mission2 = Embassy of Azerbaijan, [[Buenos Aires]]
}}
'''Argentina–Azerbaijan relations''' are the relations between the two countries. Argentina opened an \
embassy in [[Baku]] in 2010.<ref>{{cite web|url=http://example.org|title=A}}</ref> Azerbaijan has an \
embassy in [[Buenos Aires|Buenos Aires]] and an honorary consulate in Córdoba.

== Diplomatic missions ==
* [[Malta]] has an embassy in [[Baku]].
* Brazil's embassy in Baku was opened in 2011.
# Turkey has a consulate-general in [[Ganja, Azerbaijan|Ganja]].

== References ==
{{Reflist}}
"""


def test_page_facts(en, gaz_en):
    got = F.facts_for(PAGE, "Some page", en, gaz_en)
    rows = [(f["sender"], f["kind"], f["host_city"], f["host_country"], f["source"], f["has_ref"], f["year"])
            for f in got]
    assert rows == [
        ("AR", "embassy", "Baku", "AZ", "infobox", False, None),
        ("AZ", "embassy", "Buenos Aires", "AR", "infobox", False, None),
        ("AR", "embassy", "Baku", "AZ", "prose", True, 2010),
        ("AZ", "embassy", "Buenos Aires", "AR", "prose", False, None),
        ("AZ", "honorary-consulate", "Córdoba", "AR", "prose", False, None),
        ("MT", "embassy", "Baku", "AZ", "list", False, None),
        ("BR", "embassy", "Baku", "AZ", "list", False, 2011),
        ("TR", "consulate-general", "Ganja", "AZ", "list", False, None),
    ]
    lines = PAGE.split("\n")
    for f in got[2:]:  # each prose/list fact points at its host as written
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(("[[" + f["host_city"], f["host_city"]))
    assert got[5]["host_city_id"] == "AZ:baku" and got[7]["host_city_id"].startswith("AZ:")
    validator("facts").validate(got)


def test_facts_do_not_depend_on_the_title(en, gaz_en):
    a = F.facts_for(PAGE, "Foreign relations of Malta", en, gaz_en)
    b = F.facts_for(PAGE, "Argentina–Azerbaijan relations", en, gaz_en)
    assert [dict(f, title=None) for f in a] == [dict(f, title=None) for f in b]
    assert {f["title"] for f in a} == {"Foreign relations of Malta"}


def test_bengali_profile_facts(profile, gaz):
    got = F.facts_for(read(SEED), title_of(SEED), profile, gaz)
    assert got and {f["source"] for f in got} <= {"infobox", "prose", "list"}
    validator("facts").validate(got)
    assert F.facts_for("", "x", profile, gaz) == [] and F.facts_for("{{" * 5, "x", profile, gaz) == []


def test_render_and_cmd(en, gaz_en, tmp_path):
    (tmp_path / "A_page.wikitext").write_text(PAGE, "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "Other.wikitext").write_text("* Peru has an embassy in Quito.\n", "utf-8")
    out = json.loads(F.cmd([tmp_path], "en", "json"))
    validator("facts").validate(out)
    assert [f["title"] for f in out].count("A page") == 8 and out[-1]["title"] == "Other"
    assert out[-1]["host_city"] == "Quito" and out[-1]["source"] == "list"
    rows = list(csv.DictReader(io.StringIO(F.cmd([tmp_path / "sub" / "Other.wikitext"], str(EN_PATH), "csv"))))
    assert rows == [{"title": "Other", "line": "1", "column": "26", "sender": "PE", "host_city": "Quito",
                     "host_city_id": rows[0]["host_city_id"], "host_country": "EC", "kind": "embassy",
                     "source": "list", "has_ref": "false", "year": ""}]
    assert F.cmd([tmp_path / "sub"], "bn", "json").startswith("[")
    with pytest.raises(ValueError):
        F.cmd([tmp_path], "en", "xml")


# -- the corpus -------------------------------------------------------------------------------

def _run_page(path):
    profile, gaz = load_profile(str(EN_PATH)), Gazetteer.load("en")
    text = path.read_text("utf-8")
    out = fix_page(text, BILATERAL, profile, gaz)  # lint (the first round's findings), then fix
    facts = F.facts_for(text, title_of(path), profile, gaz, parsed=out.first.parsed)
    return path.name, out.status, out.refused, len(out.findings), len(out.applied), facts


@pytest.fixture(scope="module")
def corpus(en, gaz_en):
    assert len(PAGES) == 196, f"the corpus is not at {CORPUS}"
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as ex:
        return {r[0]: r for r in ex.map(_run_page, PAGES, chunksize=4)}


def test_corpus_lint_fix_and_facts_finish(corpus):
    assert len(corpus) == 196
    for name, status, refused, findings, applied, facts in corpus.values():
        assert status == "checked" and refused is None, name
        validator("facts").validate(facts)
    allf = [f for r in corpus.values() for f in r[5]]
    kinds = Counter(f["kind"] for f in allf)
    print(f"\n{len(allf)} facts on {len(corpus)} pages; per kind: {dict(kinds.most_common())}")
    per_page = sorted(((len(r[5]), n.removesuffix(".wikitext")) for n, r in corpus.items()), reverse=True)
    print("per page: " + ", ".join(f"{n} {c}" for c, n in per_page))
    assert len(allf) > 9500 and set(kinds) == {"embassy", "high-commission", "consulate", "consulate-general",
                                               "honorary-consulate", "other", "nunciature",
                                               "deputy-high-commission", "assistant-high-commission"}


def test_labelled_sample_precision_and_recall(corpus, en, gaz_en):
    doc = json.loads(LABELS.read_text("utf-8"))
    # the labelled lines are exactly the seeded sample of the population the file describes
    pattern = re.compile(doc["population_pattern"], re.I)
    population = [(p.name, i) for p in PAGES for i, line in enumerate(read(p).split("\n"), 1)
                  if pattern.search(line)]
    assert len(population) == doc["population_size"]
    sample = random.Random(doc["seed"]).sample(population, doc["size"])
    assert [(x["file"], x["line"]) for x in doc["lines"]] == sample and len(sample) >= 60
    r = F.score_labels(doc, CORPUS, en, gaz_en, {n: c[5] for n, c in corpus.items()})
    print(f"\nlabelled lines {r['lines']}: precision {r['precision']:.3f}, recall {r['recall']:.3f} "
          f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}); agreement {r['agreement']}")
    for d in r["diffs"]:
        print("  ", *d)
    assert r["labelled"] >= 60
    assert r["precision"] >= 0.95 and r["recall"] >= 0.95
    assert min(r["agreement"].values()) >= 0.95


def test_gazetteer_resolves_the_host_cities(corpus):
    cities = [f for r in corpus.values() for f in r[5] if f["host_city"]]
    misses = Counter(f["host_city"] for f in cities if not f["host_country"])
    share = 1 - sum(misses.values()) / len(cities)
    print(f"\nhost cities {len(cities)}, resolved {share:.2%}; misses: "
          + ", ".join(f"{c} ({n})" for c, n in misses.most_common()))
    assert share >= 0.98
