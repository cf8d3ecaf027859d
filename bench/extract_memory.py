"""Peak memory of ``attrib extract`` as the number of files grows: it should stay flat.

Writes N one-sentence documents (100 to a folder) into a temporary directory, runs the
real CLI over the folder with standard output to /dev/null, and prints the peak resident
memory of that process (``wait4``'s rusage) for each N, and the growth per 1,000 files.

    python bench/extract_memory.py                 # 1,000 / 10,000 / 40,000 files
    python bench/extract_memory.py 2000 20000      # other sizes
    ATTRIB_SRC=/path/to/other/src python bench/extract_memory.py   # another checkout
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import run_extract

TEXT = "The harbour master said the port would reopen on Monday after the storm.\n"


def make_corpus(root: Path, n: int) -> None:
    for i in range(n):
        folder = root / f"part{i // 100:05d}"
        if i % 100 == 0:
            folder.mkdir()
        (folder / f"doc{i:07d}.txt").write_text(TEXT)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 40000]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), n)
            _, seconds, rss = run_extract([tmp])
        rows.append((n, rss))
        print(f"{n:>8,} files: peak RSS {rss:7.1f} MB  ({seconds:5.1f} s)", flush=True)
    (n0, r0), (n1, r1) = rows[0], rows[-1]
    if n1 > n0:
        print(f"growth: {(r1 - r0) / (n1 - n0) * 1000 * 1024:.1f} KB per 1,000 files "
              f"({r1 / r0:.2f}x the peak for {n1 / n0:.0f}x the files)")


if __name__ == "__main__":
    main()
