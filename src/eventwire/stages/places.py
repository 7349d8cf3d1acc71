"""Place mentions resolved against the gazetteer, and each event's location.

Output: Place records and event locations. Until the places issue lands the stage finds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Article
from eventwire.stages import Found, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The places stage's entry point (see the module docstring)."""
    return found
