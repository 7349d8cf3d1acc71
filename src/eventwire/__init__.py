"""eventwire: turn English news reports into evidence-linked political event data.

The public surface is deliberately small; everything else is internal and may change.
"""

from __future__ import annotations

import logging

from eventwire.errors import EventwireError
from eventwire.ingest import read_articles
from eventwire.options import Options
from eventwire.pipeline import code_articles, code_text
from eventwire.records import (
    ActorRef,
    Article,
    ArticleResult,
    Event,
    Mention,
    OffsetMap,
    Place,
    Quote,
    TimeExpr,
)
from eventwire.store import Store, open_store
from eventwire.version import PIPELINE_VERSION, __version__

__all__ = [
    "PIPELINE_VERSION",
    "ActorRef",
    "Article",
    "ArticleResult",
    "Event",
    "EventwireError",
    "Mention",
    "OffsetMap",
    "Options",
    "Place",
    "Quote",
    "Store",
    "TimeExpr",
    "__version__",
    "code_articles",
    "code_text",
    "open_store",
    "read_articles",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
