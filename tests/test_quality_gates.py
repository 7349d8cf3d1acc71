"""Stage quality against the annotated sets, held at the floors pinned in quality_gates.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation import events as event_eval
from eventwire.evaluation.actors import evaluate, load_gold

GATES = json.loads((Path(__file__).with_name("quality_gates.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def actor_scores(nlp, resources):
    docs = load_gold()
    total, by_topic, _ = evaluate(docs, nlp=nlp, resources=resources)
    return docs, total, by_topic


def test_actor_gold_set_is_large_enough(actor_scores):
    _, total, by_topic = actor_scores
    assert total.gold >= 400
    assert {"corpus", "metonym", "demonym", "apposition", "surname", "pronoun", "compound",
            "role_change", "organisation", "generic"} <= set(by_topic)


def test_actor_mentions_meet_the_pinned_floor(actor_scores):
    _, total, _ = actor_scores
    gate = GATES["actors"]
    assert total.precision >= gate["precision"], total.as_dict()
    assert total.recall >= gate["recall"], total.as_dict()


@pytest.fixture(scope="module")
def event_scores(nlp, resources):
    stories = event_eval.load_golden()
    scores, _ = event_eval.evaluate(stories, nlp=nlp, resources=resources)
    return stories, scores


def test_event_golden_set_is_large_and_spans_every_plover_type(event_scores):
    stories, _ = event_scores
    sentences = {(s.id, e.sentence) for s in stories for e in s.events}
    assert len(sentences) >= 300
    plover = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE"}
    assert plover <= {e.label for s in stories for e in s.events}


def test_events_meet_the_pinned_floor(event_scores):
    _, scores = event_scores
    gate = GATES["events"]
    assert scores.full.f1 >= gate["full_f1"], scores.full.as_dict()
    assert scores.typed.f1 >= gate["type_f1"], scores.typed.as_dict()


def test_event_dates_and_locations_meet_the_pinned_floor(event_scores):
    """Of the matched events the annotators dated or located, how many got the same value."""
    _, scores = event_scores
    gate = GATES["events"]
    assert scores.dates.gold >= 90 and scores.locations.gold >= 60
    assert scores.dates.recall >= gate["date_recall"], scores.dates.as_dict()
    assert scores.locations.recall >= gate["location_recall"], scores.locations.as_dict()


@pytest.fixture(scope="module")
def quote_scores(nlp, resources):
    from eventwire.evaluation import quotes

    docs = quotes.load_gold()
    scores, _ = quotes.evaluate(docs, nlp=nlp, resources=resources)
    return docs, scores


def test_quote_set_is_large_enough(quote_scores):
    docs, scores = quote_scores
    assert sum(len(d.quotes) for d in docs) >= 150
    assert scores.speakers["direct"].gold >= 150 and {"stories", "heldout"} <= set(scores.by_set)


def test_quotes_meet_the_pinned_floor(quote_scores):
    _, scores = quote_scores
    gate = GATES["quotes"]
    assert scores.speakers["direct"].recall >= gate["direct_speaker_accuracy"], scores.speakers
    assert scores.span_total.f1 >= gate["span_f1"], scores.span_total.as_dict()


@pytest.fixture(scope="module")
def time_scores(nlp, resources):
    from eventwire.evaluation import times

    docs = times.load_gold()
    scores, _ = times.evaluate(docs, nlp=nlp, resources=resources)
    return docs, scores


def test_time_set_is_large_and_varied(time_scores):
    docs, scores = time_scores
    assert scores.accuracy.gold >= 150
    precisions = {t.precision for d in docs for t in d.times}
    assert {"day", "week", "month", "year", None} <= precisions


def test_times_meet_the_pinned_floor(time_scores):
    _, scores = time_scores
    assert scores.accuracy.recall >= GATES["times"]["value_accuracy"], scores.accuracy.as_dict()


def test_dedup_pairs_meet_the_pinned_floor():
    from eventwire.evaluation import dedup
    from eventwire.samples import read_records

    pairs = list(read_records(dedup.PAIRS))
    assert len(pairs) >= 100 and {p["label"] for p in pairs} == {"same", "different"}
    total, _, _ = dedup.evaluate()
    assert total.f1 >= GATES["dedup"]["pairwise_f1"], total.as_dict()
