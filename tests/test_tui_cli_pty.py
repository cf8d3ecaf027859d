"""The real `attrib` command in a pseudo-terminal: open, review, quit or be killed."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from support_tui import ARTICLE, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


class Terminal:
    """`python -m attrib ARGS` on a pseudo-terminal (120x40 unless told), what it writes
    fed to a terminal emulator (pyte) so tests read the screen as a user sees it."""

    def __init__(self, tmp_path: Path, *args: str, size: tuple[int, int] = (120, 40)) -> None:
        import pyte

        cols, rows = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm-256color",
               "ATTRIB_DATA_DIR": str(tmp_path / "data"),
               "XDG_CONFIG_HOME": str(tmp_path / "config")}
        env.pop("NO_COLOR", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "attrib", *args], stdin=slave,
                                     stdout=slave, stderr=slave, cwd=tmp_path, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.seen = b""
        # Keep reading, as a terminal would: a full pty buffer would block the app.
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if ready:
                    chunk = os.read(self.master, 65536)
                    if not chunk:
                        return
                    self.seen += chunk
                    self.stream.feed(chunk)
            except (OSError, ValueError):
                return
            if self.proc.poll() is not None and not ready:
                return

    def read_until(self, needle: bytes, timeout: float = 20) -> None:
        wait_for(lambda: needle in self.seen, timeout,
                 lambda: f"{needle!r} never appeared; last output: {self.seen[-400:]!r}")

    def lines(self) -> list[str]:
        return list(self.screen.display)

    def wait_screen(self, condition, timeout: float = 20) -> None:
        wait_for(lambda: condition(self.lines()), timeout,
                 lambda: "the screen never showed it:\n" + "\n".join(self.lines()))

    def wait_checked(self, timeout: float = 20) -> None:
        """Until the check is done: the screen may open while the article is still being
        checked ("0/0 reviewed", review keys off), and a key sent then is dropped."""
        self.wait_screen(lambda lines: "reviewed" in lines[0]
                         and not lines[0].rstrip().endswith("0/0 reviewed"), timeout)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        self._reader.join(5)
        os.close(self.master)


def saved(tmp_path: Path) -> list[tuple[str, str]]:
    db = tmp_path / "data" / "attrib.sqlite3"
    if not db.exists():
        return []
    return sorted(sqlite3.connect(db).execute("SELECT finding, state FROM reviews"))


def wait_for(condition, timeout: float = 10, why=lambda: "timed out") -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, why()
        time.sleep(0.05)


def test_review_then_quit_then_reopen(tmp_path):
    term = Terminal(tmp_path, "tui", str(ARTICLE))
    try:
        term.wait_checked()
        term.send("c")
        wait_for(lambda: len(saved(tmp_path)) == 1)
        term.send("q")
        assert term.proc.wait(20) == 0
    finally:
        term.close()
    assert saved(tmp_path)[0][1] == "confirmed"

    again = Terminal(tmp_path, str(ARTICLE))  # the short form
    try:
        again.read_until(b"1 review from an earlier session")  # the welcome-back toast
        again.send("q")
        assert again.proc.wait(20) == 0
    finally:
        again.close()


def test_a_kill_loses_nothing_already_entered(tmp_path):
    term = Terminal(tmp_path, "tui", str(ARTICLE))
    try:
        term.wait_checked()
        term.send("x")
        wait_for(lambda: len(saved(tmp_path)) == 1)
        term.send("c")
        wait_for(lambda: len(saved(tmp_path)) == 2)
        os.killpg(term.proc.pid, signal.SIGKILL)
        assert term.proc.wait(10) == -signal.SIGKILL
    finally:
        term.close()
    assert [state for _, state in saved(tmp_path)].count("dismissed") == 1
    assert [state for _, state in saved(tmp_path)].count("confirmed") == 1


def test_a_folder_at_80x24_in_a_real_terminal(tmp_path):
    """The whole program as a user starts it on a small terminal: a folder of two
    articles, a footer of whole keys with quit in it, ] to the next article."""
    import shutil

    from support_tui import ARTICLES

    desk = tmp_path / "desk"
    desk.mkdir()
    for name in ("harbour-strike", "ferry-sale"):
        shutil.copy(ARTICLES / f"{name}.txt", desk / f"{name}.txt")
    term = Terminal(tmp_path, "tui", str(desk), size=(80, 24))
    try:
        term.wait_screen(lambda lines: "/18 reviewed" in lines[0] and "Quit" in lines[-1]  # checked
                         and "Ferry Line Sold" in lines[0] and "1/2" in lines[0])
        lines = term.lines()
        footer = lines[-1].replace("▏", " ").split()
        assert footer[-2:] == ["q", "Quit"] and "Confirm" in footer
        assert "Qui" not in footer and len(lines[-1].rstrip()) <= 80
        term.send("]")
        term.wait_screen(lambda lines: "Dock Workers" in lines[0] and "2/2" in lines[0])
        term.send("q")
        assert term.proc.wait(20) == 0
    finally:
        term.close()


def test_a_corrupt_review_database_is_one_line_with_a_way_out(tmp_path):
    (tmp_path / "data").mkdir()
    db = tmp_path / "data" / "attrib.sqlite3"
    db.write_bytes(b"not a database, a shopping list" * 50)
    term = Terminal(tmp_path, "tui", str(ARTICLE))
    try:
        assert term.proc.wait(20) == 2
        term._reader.join(5)
    finally:
        term.close()
    shown = term.seen.decode("utf-8", "replace").replace("\r", "")
    assert shown.strip() == (f"attrib: error: {db}: cannot use the review database (file is not a "
                             f"database); move it aside (mv {db} {db}.broken) and attrib starts a new one")


def test_a_long_article_opens_while_it_is_checked_and_then_fills_in(tmp_path):
    """A long article takes longer to check than the screen takes to start: the screen
    opens on the text and fills in the findings when the check is done."""
    body = ARTICLE.read_text(encoding="utf-8").split("\n\n", 2)[2]
    long = tmp_path / "long.txt"
    long.write_text("Harbour Strike: The Long Version\n\n" + "\n\n".join([body] * 12), encoding="utf-8")
    term = Terminal(tmp_path, "tui", str(long))
    try:
        # One wait for the whole filled-in screen: a frame can reach the terminal in
        # pieces, so the header may be repainted before the list below it.
        term.wait_screen(lambda lines: "The Long Version" in lines[0] and "reviewed" in lines[0]
                         and not lines[0].rstrip().endswith("0/0 reviewed")
                         and any(line.lstrip("│ ").startswith("f1 ") for line in lines))
        term.send("x")
        wait_for(lambda: len(saved(tmp_path)) == 1)
        term.send("q")
        assert term.proc.wait(20) == 0
    finally:
        term.close()
