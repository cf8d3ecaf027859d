"""Where attrib keeps what it can work out again: the user's cache directory, or
``$ATTRIB_CACHE_DIR`` (the page cache, the words each rule pattern needs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def cache_dir() -> Path:
    env = os.environ.get("ATTRIB_CACHE_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("attrib", appauthor=False))
