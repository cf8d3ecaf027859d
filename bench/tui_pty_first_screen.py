"""Time from exec to the first full frame of ``attrib tui``, in a real pseudo-terminal.

    python bench/tui_pty_first_screen.py [--runs 5] [--size 120x40]

What the user waits for after pressing enter: the interpreter starting, every import,
reading and checking the article, and Textual drawing the screen. Each run starts
``python -m attrib tui ARTICLE`` on a fresh pseudo-terminal, feeds what it writes to a
terminal emulator (pyte) and stops the clock when the screen first holds a full frame:
the header with the review count, the findings list with its first row, the article and
details panes and the footer. Then it presses ``?`` and times the help screen (until its
text is drawn), and ``q``.

Articles: the reference article (../shared/corpora/seed/..., skipped with a message where
absent) and a generated 5,000-word article (bench/tui_first_screen.py's generator).
Prints the median of N runs. The machine is shared: compare figures taken together.

Figures (2-core machine shared with five other sessions, median of 5; CPU is the
program's user + system time to the first frame, the forked child's included). Before is
commit 935ba0c run by this same script in the same minutes, load average about 2:

                              before                        after
    reference 120x40    824-842 ms (CPU 750), help 201-207   611-656 ms (CPU 490-520), help 86-87
    generated 120x40   1031-1137 ms (CPU 970-1060), help 258-303   847-867 ms (CPU 650-660), help 32-35
    reference  80x24    753-764 ms (CPU 700-710), help 211-234   594-665 ms (CPU 470-540), help 55-84
    generated  80x24    986-1027 ms (CPU 930-970), help 246-264   812-848 ms (CPU 570-640), help 91-112

On a quiet machine (load about 1) at the end of round 2 (2026-11-29), 120x40, median
of 5: reference 594 ms (CPU 540), help 65 ms; generated 736 ms (CPU 680), help 27 ms.

Wall times here move by a few hundred ms with the other sessions' load; compare figures
taken together. What is left for the 5,000-word article is checking it (about a quarter
of a second, in the child, while the screen starts) and Textual drawing the first frame.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte

from _common import ROOT, SHARED

REFERENCE = SHARED / "corpora/seed/presstv-raqqah-2017-10-15.txt"
TIMEOUT = 60.0


class Screen:
    """A child process on a pseudo-terminal, its output fed to a pyte screen."""

    def __init__(self, args: list[str], size: tuple[int, int], env: dict[str, str], cwd: Path) -> None:
        cols, rows = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     cwd=cwd, start_new_session=True)
        os.close(slave)

    def lines(self) -> list[str]:
        return list(self.screen.display)

    def cpu(self) -> float:
        """CPU seconds the program has used so far (user + system, with the processes it
        has waited for): steadier than the wall clock on a busy machine."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def wait(self, condition: Callable[[list[str]], bool], timeout: float = TIMEOUT) -> float:
        """Read until ``condition(lines)`` holds; when the bytes that made it true arrived
        (perf_counter). A burst of output is read whole before the emulator parses it, so
        the parsing (pure Python, on the same two cores) neither delays the timestamp nor
        runs once per chunk."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                if self.proc.poll() is not None:
                    break
                continue
            burst, arrived = [], time.perf_counter()
            while ready:
                try:
                    chunk = os.read(self.master, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    break
                burst.append(chunk)
                arrived = time.perf_counter()
                ready, _, _ = select.select([self.master], [], [], 0.005)
            if not burst:
                break
            self.stream.feed(b"".join(burst))
            if condition(self.lines()):
                return arrived
        raise RuntimeError("the screen never showed what was waited for:\n" + "\n".join(self.lines()))

    def drain_until_exit(self, timeout: float = 20) -> None:
        """Keep reading (a full pty buffer would block the app) until the process ends."""
        end = time.perf_counter() + timeout
        while self.proc.poll() is None and time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.stream.feed(os.read(self.master, 1 << 16))
                except OSError:
                    break

    def send(self, keys: str) -> float:
        os.write(self.master, keys.encode())
        return time.perf_counter()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        os.close(self.master)


def full_frame(lines: list[str]) -> bool:
    """Header with the review count, list header and a first row, both panes, the footer."""
    body = "\n".join(lines)
    return ("reviewed" in lines[0] and "Help" in lines[-1] and "Findings" in body
            and "Article" in body and "Details" in body
            and any(line.lstrip("│ ").startswith(("s1 ", "f1 ")) for line in lines))


def help_drawn(lines: list[str]) -> bool:
    """The help dialog with its text (its first heading) drawn."""
    return any("Reviewing" in line and "│" in line for line in lines)


def one_run(article: Path, size: tuple[int, int], tmp: Path) -> tuple[float, float, float]:
    env = {**os.environ, "TERM": "xterm-256color", "ATTRIB_DATA_DIR": str(tmp / "data"),
           "XDG_CONFIG_HOME": str(tmp / "config"), "PYTHONPATH": str(ROOT / "src")}
    env.pop("NO_COLOR", None)
    term = Screen([sys.executable, "-m", "attrib", "tui", str(article)], size, env, tmp)
    try:
        shown = term.wait(full_frame) - term.started
        cpu = term.cpu()
        time.sleep(0.3)  # let the first frame settle (the welcome toast, the cursor)
        asked = term.send("?")
        helped = term.wait(help_drawn) - asked
        term.send("\x1b")
        time.sleep(0.2)
        term.send("q")
        term.drain_until_exit()
    finally:
        term.close()
    return shown, helped, cpu


def measure(name: str, article: Path, runs: int, size: tuple[int, int]) -> None:
    first, helps, cpus = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            shown, helped, cpu = one_run(article, size, Path(tmp))
            first.append(shown)
            helps.append(helped)
            cpus.append(cpu)
    words = len(article.read_text(encoding="utf-8").split())
    print(f"{name} ({words} words), {size[0]}x{size[1]}: first full frame "
          f"{statistics.median(first) * 1000:5.0f} ms (median of {runs}; "
          f"min {min(first) * 1000:.0f}, max {max(first) * 1000:.0f}; "
          f"CPU {statistics.median(cpus) * 1000:.0f} ms)   help {statistics.median(helps) * 1000:4.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", default="120x40", help="COLSxROWS (default 120x40)")
    args = ap.parse_args()
    cols, rows = (int(n) for n in args.size.lower().split("x"))
    sys.path.insert(0, str(Path(__file__).parent))
    from tui_first_screen import generate

    if REFERENCE.is_file():
        measure("reference article", REFERENCE, args.runs, (cols, rows))
    else:
        print(f"reference article not found at {REFERENCE} (set ATTRIB_SHARED): skipped")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "generated.txt"
        big.write_text(generate(), encoding="utf-8")
        measure("generated article", big, args.runs, (cols, rows))


if __name__ == "__main__":
    main()
