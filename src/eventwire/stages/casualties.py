"""Killed and injured counts attached to the events that caused them.

Output: Casualty counts on events. Until the casualties issue lands the stage adds nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.records import Article
from eventwire.stages import Found, Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc


def run(doc: Doc, article: Article, found: Found, resources: Resources) -> Found:
    """The casualties stage's entry point (see the module docstring)."""
    return found
