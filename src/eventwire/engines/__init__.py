"""Engines run the same stage code at different scales: ``local`` (this process, or a pool of
worker processes on this machine) and ``ray`` (a Ray cluster, local or remote; an optional
extra). Both take articles and give ``ArticleResult``s; the store is written by one writer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from eventwire.engines.local import LocalEngine, default_workers
from eventwire.records import Article, ArticleResult

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Engine", "LocalEngine", "default_workers"]


class Engine(Protocol):
    """What codes a stream of articles."""

    def code(self, articles: Iterable[Article], nlp: Language | None = None) -> Iterator[ArticleResult]:
        ...
