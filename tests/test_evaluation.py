from __future__ import annotations

import pytest

from eventwire.evaluation import Score
from eventwire.evaluation.actors import GoldMention, _match, locate


def test_score_arithmetic():
    s = Score(predicted=8, gold=10, matched=6) + Score(predicted=2, gold=0, matched=0)
    assert (s.precision, s.recall) == (0.6, 0.6)
    assert s.f1 == pytest.approx(0.6)
    assert Score(0, 0, 0).f1 == 1.0


def test_locate_counts_non_overlapping_occurrences():
    text = "aa aa aaa"
    assert [locate(text, "aa", n) for n in (1, 2, 3)] == [0, 3, 6]
    with pytest.raises(ValueError):
        locate(text, "aa", 5)


def test_matching_needs_overlap_and_the_same_code_once():
    gold = [GoldMention(0, 10, "USAGOV", "x"), GoldMention(20, 25, "RUS", "y")]
    pred = [GoldMention(5, 12, "USAGOV", "x"), GoldMention(6, 8, "USAGOV", "x"),
            GoldMention(20, 25, "RUSGOV", "y")]
    matched, bad_pred, bad_gold = _match(pred, gold)
    assert matched == 1 and bad_pred == [1, 2] and bad_gold == [1]
