"""A lightweight English check: the share of common English function words, plus script.

No model is involved. English news prose has roughly a third of its words in the list in
``lexicons/english_function_words.txt``; other Latin-script languages have almost none, and
non-Latin scripts are caught by the letter test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.lexicons import read_lines

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Below this many words the evidence is too thin to reject an article.
MIN_WORDS = 12
# Share of function words needed to call a text English; English news sits near 0.35.
MIN_RATIO = 0.12
# Share of letters that must be Latin script.
MIN_LATIN = 0.6


@cache
def _function_words() -> frozenset[str]:
    return frozenset(read_lines("english_function_words.txt"))


@dataclass(frozen=True)
class LanguageGuess:
    is_english: bool
    ratio: float
    words: int
    detail: str


def check_english(text: str, sample_chars: int = 5_000) -> LanguageGuess:
    """Decide whether ``text`` is English from its first ``sample_chars`` characters."""
    sample = text[:sample_chars]
    letters = [c for c in sample if c.isalpha()]
    if letters:
        latin = sum(1 for c in letters if c < "\u0250") / len(letters)
        if latin < MIN_LATIN:
            return LanguageGuess(
                False, 0.0, 0, f"only {latin:.0%} of letters are Latin script (need {MIN_LATIN:.0%})"
            )
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return LanguageGuess(True, 1.0, len(words), f"too short to judge ({len(words)} words)")
    hits = sum(1 for w in words if w in _function_words())
    ratio = hits / len(words)
    detail = f"English function words are {ratio:.0%} of {len(words)} words (need {MIN_RATIO:.0%})"
    return LanguageGuess(ratio >= MIN_RATIO, ratio, len(words), detail)
