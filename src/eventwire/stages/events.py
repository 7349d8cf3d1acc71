"""Code who did what to whom: predicates on the dependency parse mapped to CAMEO and PLOVER.

Output: Event records with evidence. The event lexicon and argument rules arrive with the
event-coding issue; until then the stage finds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Article
from eventwire.stages import Found, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The events stage's entry point (see the module docstring)."""
    return found
