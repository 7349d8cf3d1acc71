"""Find every mention of a political actor and resolve it to a CAMEO-style code.

Output: Mention records. Lexicon-based recognition and resolution arrive with the actors issue; until
then the stage finds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Article
from eventwire.stages import Found

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run(doc: Doc, article: Article, found: Found) -> Found:
    """The actors stage's entry point (see the module docstring)."""
    return found
