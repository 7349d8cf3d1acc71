"""Code articles: parse each once with spaCy, run the stages in order, return results."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from eventwire import nlp as nlp_mod
from eventwire.ingest import read_text
from eventwire.options import Options
from eventwire.records import Article, ArticleResult
from eventwire.stages import Found, Resources, grammar, load_resources, stage_order
from eventwire.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def code_articles(
    articles: Iterable[Article],
    options: Options | None = None,
    nlp: Language | None = None,
    resources: Resources | None = None,
) -> Iterator[ArticleResult]:
    """Code ``articles`` lazily in this process, one ``ArticleResult`` per article, in input
    order (``eventwire.engines.LocalEngine`` spreads the same work over processes).

    Articles whose status is not "ok" pass through with no records. A stage that fails on one
    article marks that article as an error (reason "stage", the stage and exception in
    ``detail``); the rest of the batch goes on.
    """
    options = options or Options()
    if nlp is None:
        nlp = _shared_nlp(options.model)
        if resources is None:
            resources = _shared_resources(options.model, options.lexicon_files)
    elif resources is None:
        resources = load_resources(options, nlp)
    # Articles that will not be coded go through the parser as empty strings, which costs
    # nothing and keeps a single ordered stream (and a single worker pool) for the whole run.
    items = ((a.text if a.status == "ok" else "", a) for a in articles)
    for doc, article in nlp_mod.parse(nlp, items, options.batch_size):
        if article.status != "ok":
            yield ArticleResult(article, PIPELINE_VERSION)
        else:
            yield code_doc(doc, article, resources)


@cache
def _shared_nlp(model: str) -> Language:
    """The pipeline each process loads once when the caller passes none (``code_text`` in a
    loop must not reload the model for every article)."""
    return nlp_mod.load(model)


@cache
def _shared_resources(model: str, files: tuple[tuple[str, ...], ...]) -> Resources:
    actors, verbs, agents, discards = files
    options = Options(model=model, actor_files=actors, verb_files=verbs, agent_files=agents,
                      discard_files=discards)
    return load_resources(options, _shared_nlp(model))


def code_doc(doc: Doc, article: Article, resources: Resources) -> ArticleResult:
    """Run every stage on one parsed article."""
    found = Found()
    try:
        for name, run in stage_order():
            try:
                found = run(doc, article, found, resources)
            except Exception as exc:  # one article's failure must not end the batch
                log.exception("stage %s failed on article %s", name, article.id)
                failed = replace(
                    article, status="error", reason="stage",
                    detail=f"{name} stage failed: {type(exc).__name__}: {exc}",
                )
                return ArticleResult(failed, PIPELINE_VERSION)
    finally:
        grammar.forget(doc)
    return ArticleResult(
        article,
        PIPELINE_VERSION,
        events=found.events,
        quotes=found.quotes,
        mentions=found.mentions,
        places=found.places,
        times=found.times,
    )


def code_text(
    text: str,
    options: Options | None = None,
    nlp: Language | None = None,
    resources: Resources | None = None,
    **fields: object,
) -> ArticleResult:
    """Code one article given as a string; ``fields`` may set title, published, source..."""
    options = options or Options()
    article = read_text(text, options, **fields)
    return next(code_articles([article], options, nlp, resources))
