"""The bundled sample corpus and its annotations are complete and consistent."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date

import pytest

from eventwire.ingest import read_articles
from eventwire.ingest.clean import clean_text
from eventwire.options import Options
from eventwire.samples import GOLD, sample_path

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT"}
ACTOR_CODE = re.compile(r"[A-Z]{3}(?:[A-Z]{3})*")


@pytest.fixture(scope="module")
def corpus():
    articles = [json.loads(line) for line in sample_path().open(encoding="utf-8")]
    gold = [json.loads(line) for line in sample_path(GOLD).open(encoding="utf-8")]
    return articles, gold


def test_every_story_has_the_article_fields_and_one_annotation(corpus):
    articles, gold = corpus
    assert len(articles) >= 40
    assert [a["id"] for a in articles] == [g["id"] for g in gold]
    assert len({a["id"] for a in articles}) == len(articles)
    for a in articles:
        assert a["title"] and a["source"] and a["text"]
        date.fromisoformat(a["published"])
    assert len({a["source"] for a in articles}) >= 10


def test_annotations_point_at_real_text(corpus):
    articles, gold = corpus
    for a, g in zip(articles, gold, strict=True):
        text = a["text"]
        for e in g["events"]:
            assert e["sentence"] in text, (a["id"], e["sentence"][:50])
            assert e["trigger"] in e["sentence"], (a["id"], e["trigger"])
            for role in ("source", "target"):
                if e[role] is not None:
                    assert e[role]["text"] in e["sentence"], (a["id"], role, e[role]["text"])
                    assert ACTOR_CODE.fullmatch(e[role]["code"]), e[role]["code"]
            if e["location"]:
                assert e["location"]["text"] in text
            for k in ("killed", "injured"):
                if e[k]:
                    assert isinstance(e[k]["count"], int) and e[k]["text"] in text
        for q in g["quotes"]:
            assert q["kind"] in ("direct", "indirect") and q["text"] in text, (a["id"], q["text"])
        for t in g["times"]:
            assert t["text"] in text and t["precision"] in ("day", "week", "month", "year")
        for p in g["places"]:
            assert p["text"] in text


def test_cameo_and_plover_agree_with_the_reference(corpus, shared):
    with (shared / "reference" / "cameo.tsv").open(encoding="utf-8") as fh:
        cameo = {row["code"]: row for row in csv.DictReader(fh, delimiter="\t")}
    _, gold = corpus
    for g in gold:
        for e in g["events"]:
            row = cameo[e["cameo"]]
            expected = row["plover_type"] or None
            assert (e["plover"] or {}).get("type") == expected, (g["id"], e["cameo"])


def test_the_corpus_covers_what_the_demo_needs(corpus):
    _, gold = corpus
    events = [e for g in gold for e in g["events"]]
    types = Counter((e["plover"] or {}).get("type") for e in events)
    assert set(types) >= PLOVER_TYPES, PLOVER_TYPES - set(types)
    assert all(types[t] >= 2 for t in PLOVER_TYPES)
    roots = {e["cameo"][:2] for e in events}
    assert len(roots) >= 18
    modality = Counter(k for e in events for k, v in e["modality"].items() if v)
    assert all(modality[k] >= 5 for k in ("negated", "future", "hypothetical", "attributed_to"))
    assert sum(1 for e in events if e["killed"]) >= 10
    quotes = [q for g in gold for q in g["quotes"]]
    assert Counter(q["kind"] for q in quotes)["indirect"] >= 20
    assert sum(1 for q in quotes if q["via"]) >= 2
    assert sum(1 for g in gold for t in g["times"] if t["precision"] != "day") >= 10


def test_the_corpus_ingests_with_expected_statuses(corpus):
    _, gold = corpus
    expected = {g["id"]: g.get("expect_status", "ok") for g in gold}
    got = {a.id: a.status for a in read_articles([sample_path()], Options())}
    assert got == expected
    assert "skipped" in got.values()


def test_annotated_text_survives_cleaning(corpus):
    """Cleaning removes furniture only: every annotated sentence and quote is still there
    (with quotes normalised the way the cleaner normalises them)."""
    articles, gold = corpus
    for a, g in zip(articles, gold, strict=True):
        cleaned = clean_text(a["text"]).text
        for piece in [e["sentence"] for e in g["events"]] + [q["text"] for q in g["quotes"]]:
            assert clean_text(piece).text in cleaned, (a["id"], piece[:60])
        assert "RELATED:" not in cleaned and "WATCH:" not in cleaned
