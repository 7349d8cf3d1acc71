from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire import nlp as nlp_mod
from eventwire.options import Options

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The real small English pipeline, loaded once for the whole run."""
    return nlp_mod.load()


@pytest.fixture(scope="session")
def resources(nlp):
    """The default lexicons and gazetteer, indexed for ``nlp``, built once for the whole run."""
    from eventwire.stages import load_resources

    return load_resources(Options(), nlp)


@pytest.fixture
def code(nlp, resources):
    """Code one text with the session's model and lexicons (no language check: test texts
    are short), published on a given date."""
    from eventwire.pipeline import code_text

    def run(text: str, published: date | None = date(2023, 5, 10)):
        return code_text(text, Options(check_language=False), nlp=nlp, resources=resources,
                         published=published)

    return run


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, nlp) -> Path:
    """A store holding the bundled sample corpus, coded and clustered once for the run."""
    from eventwire.ingest import read_articles
    from eventwire.runner import ingest
    from eventwire.samples import sample_path
    from eventwire.store import open_store

    path = tmp_path_factory.mktemp("store") / "sample.duckdb"
    with open_store(path) as store:
        ingest(read_articles([sample_path()], Options()), store, Options(), nlp=nlp)
    return path


@pytest.fixture
def options() -> Options:
    return Options()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository; tests that need it skip when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


# Original fixture prose, written for these tests.
STORY = (
    "The defence ministry of Ithilen said on Tuesday that its troops had withdrawn from two "
    "border villages after a week of clashes with rebels.\n"
    "\"We have no interest in a wider war,\" Defence Minister Kaveh Rostami told reporters in "
    "the capital. Rostami said the army would hold its positions until the talks resume.\n"
    "Aid groups warned that thousands of civilians had fled the fighting and were sheltering "
    "in schools and mosques across the province."
)
