"""Every error attrib raises on purpose, and the exit statuses of the command line.

    AttribError                 something the user can act on: one line, no traceback
    ├── InputError              the article (or a coverage page) cannot be read or fetched
    │   └── FetchError          an HTTP fetch failed (status, Retry-After kept)
    ├── RuleError               a rule or lexicon file is invalid (file, rule, key)
    ├── ConfigError             the settings file is invalid (file, key)
    ├── StoreError              the review database cannot be opened or written
    └── OutputError             a report cannot be written where it was asked to go

The CLI prints ``attrib: error: <message>`` and exits with ``exc.exit_code``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What ``attrib`` returns to the shell."""

    OK = 0
    FINDINGS = 1  # --fail-on reached, a rule example failed, or some inputs were skipped
    ERROR = 2  # bad input, usage, rules or settings: nothing (or not everything) was done
    INTERRUPTED = 130  # Ctrl-C


class AttribError(Exception):
    """An input, usage or configuration problem: one line, no traceback."""

    exit_code = ExitCode.ERROR


class InputError(AttribError):
    """The article could not be read or fetched."""


class FetchError(InputError):
    """A page could not be fetched. ``status`` is the HTTP status when there was one."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class RuleError(AttribError):
    """A rule or lexicon file is invalid. Names the file, the rule and the key."""

    def __init__(self, file: str, message: str, rule: str | None = None, key: str | None = None):
        self.file, self.rule, self.key = file, rule, key
        where = file
        if rule is not None:
            where += f": rule {rule!r}"
        if key is not None:
            where += f": key {key!r}"
        super().__init__(f"{where}: {message}")


class ConfigError(AttribError):
    """The settings file is invalid: names the file and the key."""

    def __init__(self, file: str, message: str, key: str | None = None):
        self.file, self.key = file, key
        where = f"{file}: key {key!r}" if key else file
        super().__init__(f"{where}: {message}")


class StoreError(AttribError):
    """The review database cannot be opened or written."""


class OutputError(AttribError):
    """A report or table cannot be written (a full disk, a closed pipe, a bad path)."""
