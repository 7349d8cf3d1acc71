from __future__ import annotations

from datetime import date

import pytest

import eventwire
from eventwire import pipeline
from eventwire.errors import ModelNotInstalledError
from eventwire.nlp import load
from eventwire.options import Options
from eventwire.records import Article, ArticleResult
from eventwire.stages import Found, load_resources, stage_order

from .conftest import STORY


def test_public_surface_is_pinned():
    assert sorted(eventwire.__all__) == sorted([
        "PIPELINE_VERSION", "ActorRef", "Article", "ArticleResult", "Event", "EventwireError",
        "Mention", "OffsetMap", "Options", "Place", "Quote", "Store", "TimeExpr", "__version__",
        "code_articles", "code_text", "open_store", "read_articles",
    ])


def test_stages_run_in_the_documented_order():
    assert [name for name, _ in stage_order()] == [
        "actors", "events", "quotes", "places", "times", "casualties"]


def test_code_text_returns_a_full_record(nlp):
    result = eventwire.code_text(STORY, nlp=nlp, published=date(2024, 4, 9), title="Pullback")
    assert isinstance(result, ArticleResult)
    assert result.status == "ok" and result.article.title == "Pullback"
    record = result.to_dict()
    assert set(record) == {"article", "pipeline_version", "events", "quotes", "mentions",
                           "places", "times"}
    assert record["article"]["published"] == "2024-04-09"


def test_results_keep_input_order_and_pass_through_unusable_articles(nlp):
    articles = [
        Article(id="1", text=STORY),
        Article(id="2", text="", status="skipped", reason="empty"),
        Article(id="3", text=STORY + " More."),
        Article(id="4", text="", status="error", reason="bad-line"),
    ]
    results = list(eventwire.code_articles(articles, Options(batch_size=2), nlp=nlp))
    assert [(r.article.id, r.status) for r in results] == [
        ("1", "ok"), ("2", "skipped"), ("3", "ok"), ("4", "error")]


def test_a_failing_stage_marks_only_that_article(nlp, monkeypatch):
    def boom(doc, article, found, resources):
        if "Explode" in article.text:
            raise RuntimeError("bad parse")
        return found

    order = stage_order()
    monkeypatch.setattr(pipeline, "stage_order", lambda: (*order[:2], ("quotes", boom), *order[3:]))
    articles = [Article(id="a", text=STORY), Article(id="b", text="Explode. " + STORY),
                Article(id="c", text=STORY + " End.")]
    results = list(eventwire.code_articles(articles, nlp=nlp))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].article.reason == "stage"
    assert "quotes stage failed: RuntimeError: bad parse" in results[1].article.detail


def test_stage_entry_points_take_and_return_found(nlp):
    resources = load_resources(Options(), nlp)
    doc = nlp(STORY)
    found = Found()
    for _, run in stage_order():
        found = run(doc, Article(id="x", text=STORY), found, resources)
        assert isinstance(found, Found)


def test_missing_model_says_how_to_install_it():
    with pytest.raises(ModelNotInstalledError, match="pip install"):
        load("en_core_web_nonexistent_model")


def test_code_articles_processes_lazily(nlp):
    def endless():
        n = 0
        while True:
            n += 1
            yield Article(id=str(n), text=STORY)

    results = eventwire.code_articles(endless(), Options(batch_size=4), nlp=nlp)
    first = [next(results) for _ in range(5)]
    assert [r.article.id for r in first] == ["1", "2", "3", "4", "5"]


def test_code_text_loads_the_model_and_lexicons_once(monkeypatch):
    calls = []
    real = pipeline.nlp_mod.load

    def counting_load(model):
        calls.append(model)
        return real(model)

    pipeline._shared_nlp.cache_clear()
    pipeline._shared_resources.cache_clear()
    monkeypatch.setattr(pipeline.nlp_mod, "load", counting_load)
    first = eventwire.code_text("Syrian soldiers met Russian officials.")
    second = eventwire.code_text("The Kremlin said nothing.")
    assert len(calls) == 1
    assert [m.code for m in first.mentions] == ["SYRMIL", "RUSGOV"]
    assert [m.code for m in second.mentions] == ["RUSGOV"]


def test_coding_leaves_no_reference_to_the_document(nlp, resources):
    """The stages cache spans on the document; spans point back at it, so a cache left there
    is a cycle that only Python's rare full collections free (a worker grew by hundreds of
    megabytes). Once coded, the document must be freed by reference counting alone."""
    import sys

    doc = nlp(STORY)
    before = sys.getrefcount(doc)
    result = pipeline.code_doc(doc, Article(id="r", text=STORY), resources)
    assert result.status == "ok" and result.events
    assert sys.getrefcount(doc) == before
    assert not doc.user_data
