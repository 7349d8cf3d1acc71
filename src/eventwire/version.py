"""Version numbers: the package's, and the pipeline's (part of every stored record's key)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

# Bump when any stage's output for the same input can change; the store keys articles on
# (id, pipeline_version), so re-ingesting under a new version codes everything again.
PIPELINE_VERSION = "2026.11.3"
