"""Measure eventwire against annotated data. Each module scores one stage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.options import Options
    from eventwire.records import ArticleResult
    from eventwire.stages import Resources


class Annotated(Protocol):
    """What every annotated document has: an id, its text, publication date and title."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> date | None: ...
    @property
    def title(self) -> str | None: ...


D = TypeVar("D", bound=Annotated)


def code_annotated(
    docs: Iterable[D], nlp: Language | None = None, resources: Resources | None = None,
    options: Options | None = None,
) -> Iterator[tuple[D, ArticleResult]]:
    """Code annotated documents as articles (the language check off: cases are short), each
    paired with its result."""
    from eventwire.ingest import read_text
    from eventwire.options import Options
    from eventwire.pipeline import code_articles

    options = options or Options(check_language=False)
    docs = list(docs)
    articles = [read_text(d.text, options, id=d.id, published=d.published, title=d.title)
                for d in docs]
    return zip(docs, code_articles(articles, options, nlp, resources), strict=True)


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from counts of matched predictions and gold items."""

    predicted: int
    gold: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.predicted + other.predicted, self.gold + other.gold,
                     self.matched + other.matched)

    def as_dict(self) -> dict[str, float | int]:
        return {"predicted": self.predicted, "gold": self.gold, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}
