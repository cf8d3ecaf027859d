"""A day's articles reviewed in turn: ``attrib tui DIR`` or ``attrib tui A B C``.

The queue holds the targets and a function that reads and checks one; an article is
checked only when it is opened. Progress per article comes from the review store (what
was reviewed the last time each was opened), so the header can show how far every
article in the queue has got without reading them all first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Report

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def expand(targets: Sequence[str]) -> list[str]:
    """Files and URLs as given; a directory stands for the articles in it (.txt, .html,
    .htm, sorted by name; hidden files left out)."""
    out: list[str] = []
    for target in targets:
        path = Path(target)
        if "://" not in target and path.is_dir():
            found = sorted(str(p) for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                           and not p.name.startswith("."))
            if not found:
                raise InputError(f"{target}: no articles in this folder (.txt, .html, .htm)")
            out += found
        else:
            out.append(target)
    return out


@dataclass
class ArticleQueue:
    targets: list[str]
    load: Callable[[str], Report]  # read and check one article (raises AttribError)
    index: int = 0
    skipped: dict[str, str] = field(default_factory=dict)  # target -> why it could not be read

    def __len__(self) -> int:
        return len(self.targets)

    @property
    def current(self) -> str:
        return self.targets[self.index]

    def step(self, delta: int) -> int | None:
        """The index ``delta`` articles on, or None past either end."""
        n = self.index + delta
        return n if 0 <= n < len(self.targets) else None
