"""Find the actor lexicon's surface forms in a parsed document.

The matcher is built once per process from the lexicon and the spaCy tokenizer, so patterns
are tokenised exactly as article text is. Matching is case-sensitive: "US" is a country, "us"
is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.lexicons.actors import ActorEntry, ActorLexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Match:
    """A lexicon surface form found at tokens ``[start, end)``."""

    start: int
    end: int
    surface: str
    entries: tuple[ActorEntry, ...]

    def first(self, *sources: str) -> ActorEntry | None:
        return next((e for e in self.entries if e.source in sources), None)


_NOT_TITLE_WORDS = frozenset({"of", "the", "for", "to", "and", "state", "staff"})


class ActorMatcher:
    """The lexicon plus a spaCy ``PhraseMatcher`` over all of its surface forms."""

    def __init__(self, lexicon: ActorLexicon, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.lexicon = lexicon
        self._matcher: PhraseMatcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = list(lexicon.surfaces())
        tokenizer: Any = nlp.tokenizer
        self._tokenizer = tokenizer
        for surface, pattern in zip(surfaces, tokenizer.pipe(surfaces), strict=True):
            self._matcher.add(surface, [pattern])
        # Words that can show a title ("minister", "general"); the function words and
        # complements inside multi-word titles ("secretary of state") do not.
        self.title_words = {w for key in lexicon.titles for w in key} - _NOT_TITLE_WORDS
        # one-word actor nouns: "one of the sanctioned legislators" also tells a person's role
        self.role_words = {key[0] for key in lexicon.sector_nouns if len(key) == 1}

    def _stem_matches(self, doc: Doc) -> list[Span]:
        """Words that start with a stem name and go on ("Argentine" for "Argentin")."""
        from spacy.tokens import Span

        stems = self.lexicon.stems
        found = []
        for token in doc:
            text = token.text
            if len(text) < 4 or not text[0].isupper():
                continue
            for size in range(len(text) - 1, 2, -1):
                if text[:size] in stems:
                    found.append(Span(doc, token.i, token.i + 1, label=text[:size]))
                    break
        return found

    def find_in_text(self, text: str, day: date | None) -> list[Match]:
        """Matches in a short text that is not parsed (a headline): tokenised only."""
        return self.find(self._tokenizer(text), day)

    def find(self, doc: Doc, day: date | None) -> list[Match]:
        """Non-overlapping matches (longest first), each with the entries valid on ``day``."""
        from spacy.util import filter_spans

        spans = []
        for key, start, end in self._matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[key]
            spans.append(span)
        if self.lexicon.stems:
            spans.extend(self._stem_matches(doc))
        found = []
        for span in filter_spans(spans):
            entries = self.lexicon.entries(span.label_)
            valid = [e for e in entries if e.valid_on(day)]
            # People keep all their rows: being out of office is information too.
            if not valid and not any(e.source == "person" for e in entries):
                continue
            found.append(Match(span.start, span.end, span.label_,
                               tuple(valid if valid else entries)))
        return found
