"""What the benchmarks report about the machine they ran on."""

from __future__ import annotations

import platform
import subprocess


def machine() -> str:
    """The CPU model name (lscpu), else what platform reports."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()
