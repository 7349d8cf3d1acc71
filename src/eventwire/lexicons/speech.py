"""Speech verbs (``speech_verbs.tsv``): what reports words, and where the words stand."""

from __future__ import annotations

from functools import cache

from eventwire.lexicons import read_tsv


@cache
def speech_verbs() -> dict[str, frozenset[str]]:
    """Speech verb lemma -> where its reported content stands (see the lexicon file)."""
    return {row["lemma"]: frozenset(row["reports"].split(","))
            for row in read_tsv("speech_verbs.tsv")}
