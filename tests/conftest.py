from pathlib import Path

import pytest

import realpages

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = realpages.enwiki_dir()  # the 196 English pages shipped in fixtures/enwiki
SEED = next((FIXTURES / "seed").glob("*.wikitext"))


def read(path: Path) -> str:
    return path.read_text("utf-8")


def title_of(path: Path) -> str:
    return path.stem.replace("_", " ")


@pytest.fixture(scope="session")
def profile():
    from bot.profile import load_profile

    return load_profile("bn")


@pytest.fixture(scope="session")
def gaz():
    from bot.gazetteer import Gazetteer

    return Gazetteer.load("bn")


@pytest.fixture(scope="session")
def en():
    """The English Wikipedia profile."""
    from bot.profile import load_profile

    return load_profile("en")


@pytest.fixture(scope="session")
def gaz_en():
    from bot.gazetteer import Gazetteer

    return Gazetteer.load("en")


@pytest.fixture(scope="session")
def build(profile, gaz):
    from bot.article import build as _build

    def run(text, title="আজারবাইজান–আর্জেন্টিনা সম্পর্ক"):
        return _build(text, title, profile, gaz)

    return run


@pytest.fixture(scope="session")
def lint(build):
    from bot.validate import validate

    def run(text, title="আজারবাইজান–আর্জেন্টিনা সম্পর্ক", english=None, **kw):
        art = build(text, title)
        art.english = english  # English pages to cross-check against (lint --against)
        return art, validate(art, **kw)

    return run


from wiki_fixtures import fresh_wiki, network_guard, no_network_use, wiki  # noqa: E402,F401
from refusals import fresh_refusing_wiki, refusing_wiki  # noqa: E402,F401
