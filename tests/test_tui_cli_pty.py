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
    """`python -m attrib ARGS` on a 120x40 pseudo-terminal."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
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
            except (OSError, ValueError):
                return
            if self.proc.poll() is not None and not ready:
                return

    def read_until(self, needle: bytes, timeout: float = 20) -> None:
        wait_for(lambda: needle in self.seen, timeout,
                 lambda: f"{needle!r} never appeared; last output: {self.seen[-400:]!r}")

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
        term.read_until(b"reviewed")
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
        term.read_until(b"reviewed")
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
