"""Errors the user can act on. The CLI prints them as one line and exits 2."""

from __future__ import annotations


class AttribError(Exception):
    """An input, usage or configuration problem: one line, no traceback."""

    exit_code = 2


class InputError(AttribError):
    """The article could not be read or fetched."""


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
