"""Direct and indirect quotes with their speakers, linked to the events inside them.

Output: Quote records. Until the quotes issue lands the stage finds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Article
from eventwire.stages import Found, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The quotes stage's entry point (see the module docstring)."""
    return found
