"""Time expressions normalised against the article's publication date, and each event's date.

Output: TimeExpr records and event dates. Until the dates issue lands the stage finds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Article
from eventwire.stages import Found, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The times stage's entry point (see the module docstring)."""
    return found
