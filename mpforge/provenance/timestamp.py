"""The one build date an image may show: SOURCE_DATE_EPOCH, else the last commit's time."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def source_date_epoch(root: Path) -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value and value.isdigit():
        return int(value)
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        out = ""
    return int(out) if out.isdigit() else 0
