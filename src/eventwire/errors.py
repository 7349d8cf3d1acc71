"""Every exception eventwire raises on purpose. Messages say what to do next."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: anything eventwire raises deliberately."""


class InputError(EventwireError):
    """An input cannot be read at all (missing path, unknown format, unreadable file)."""


class BadLineError(InputError):
    """A record inside a JSONL/JSON/CSV input is malformed."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        super().__init__(
            f"{path} line {line} is not a valid record ({problem}); "
            "fix the line or pass --skip-bad-lines to record it as an error and go on"
        )


class OptionError(EventwireError):
    """An option value is invalid (bad date, bad field mapping, ...)."""


class ModelNotInstalledError(EventwireError):
    """The spaCy model package is missing from the environment."""

    def __init__(self, model: str) -> None:
        self.model = model
        package = model.replace("_", "-")
        super().__init__(
            f"the spaCy model '{model}' is not installed; run "
            f"`pip install {package}==3.8.0` (or `make install`) and try again"
        )


class StoreError(EventwireError):
    """The store file cannot be opened or written."""


class EngineError(EventwireError):
    """The coding workers cannot run at all (as opposed to failing on one article)."""
