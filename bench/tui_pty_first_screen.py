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
program's user + system time to the first frame, the forked child's included):

    before (935ba0c), load ~1     reference 120x40  772-821 ms, help 198-207 ms
                                  generated 120x40 1011-1139 ms, help 248-297 ms
                                  reference  80x24  689 ms, generated 80x24 940 ms
    before and after side by side, load average 2.5 (the same minute, same machine):
                                  before                     after
      reference 120x40            908 ms (CPU 770), help 214  688 ms (CPU 590), help 138
      generated 120x40           1179 ms (CPU 1030), help 306 1261 ms (CPU 850), help 63
      reference  80x24           1027 ms (CPU 730), help 329  654 ms (CPU 540), help 154
      generated  80x24           1354 ms (CPU 960), help 346 1107 ms (CPU 740), help 129

Wall times on this machine move by half a second with the other sessions' load; the
CPU column moves much less. For the generated article what is left is checking 5,000
words (about a quarter of a second, in the child) and Textual's own start (about as much).
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
        """Read until ``condition(lines)`` holds; the time it first did (perf_counter)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 1 << 16)
                except OSError:
                    break
                if not chunk:
                    break
                self.stream.feed(chunk)
                if condition(self.lines()):
                    return time.perf_counter()
            elif self.proc.poll() is not None:
                break
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
