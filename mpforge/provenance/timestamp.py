"""The one build date an image may show: SOURCE_DATE_EPOCH, else the last commit's time."""

from __future__ import annotations

import os
from pathlib import Path

from mpforge import process


def source_date_epoch(root: Path) -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value and value.isdigit():
        return int(value)
    try:
        out = process.run(["git", "-C", str(root), "log", "-1", "--format=%ct"]).stdout.strip()
    except (OSError, process.ToolNotFound):
        out = ""
    return int(out) if out.isdigit() else 0
