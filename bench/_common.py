"""Shared by the bench scripts: find the package and ../shared."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ATTRIB_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "corpora" / "polnear"
SCORER = SHARED / "eval" / "score_attributions.py"

try:
    import attrib  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))


def need_polnear() -> None:
    if not POLNEAR.is_dir():
        sys.exit(f"PolNeAR is not available at {POLNEAR} (set ATTRIB_SHARED to the folder "
                 "holding corpora/ and eval/): nothing to measure.")
