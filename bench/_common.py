"""Shared by the bench scripts: find the package and ../shared, read WikiWeasel's
tokenised sentences, time one `attrib extract` process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "corpora" / "polnear"
SCORER = SHARED / "eval" / "score_attributions.py"
# The flag categories a WikiWeasel "uncertain" sentence is compared with (weasel wording
# and hedges; speculation is left out: its "may" permits as often as it guesses).
WEASEL_CATEGORIES = frozenset({"vague-source", "agentless", "hedge", "weasel-word"})
_PTB = [("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"),
        ("-RCB-", "}"), ("``", '"'), ("''", '"')]

try:
    import attrib  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))


def need_polnear() -> None:
    if not POLNEAR.is_dir():
        sys.exit(f"PolNeAR is not available at {POLNEAR} (set ATTRIB_SHARED to the folder "
                 "holding corpora/ and eval/): nothing to measure.")


def detokenise(line: str) -> str:
    """A WikiWeasel sentence (Penn Treebank tokens) as running text."""
    for a, b in _PTB:
        line = line.replace(a, b)
    line = re.sub(r" (['’](?:s|re|ve|ll|d|m)|n't)\b", r"\1", line)
    line = re.sub(r" ([,.;:!?%)\]])", r"\1", line)
    line = re.sub(r"([(\[$]) ", r"\1", line)
    return re.sub(r'" (.*?) "', r'"\1"', line)


def run_extract(inputs: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS in MB) of one ``attrib extract`` process over
    ``inputs``, its output thrown away; exits with its error if it fails."""
    env = {**os.environ, "PYTHONPATH": os.environ.get("ATTRIB_SRC", str(ROOT / "src"))}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "attrib", "extract", *inputs, "-o", os.devnull],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"attrib extract failed ({code}): {err[:500]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024
