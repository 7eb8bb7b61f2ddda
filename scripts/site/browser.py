"""Headless Debian chromium, as the explorer's tests and its screenshot use it: a fresh profile
every run, nothing fetched from the network, pages loaded from file://.

    python -m scripts.site.browser build/site/sources/shangrao2020.html docs/explorer.png   # the README's screenshot
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars")
INSTALL = "apt-get install chromium fonts-wqy-microhei (Debian; .ci/run does)"


class BrowserError(Exception):
    pass


def executable() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], timeout: int = 120) -> str:
    exe = executable()
    if exe is None:
        raise BrowserError(f"chromium not installed: {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        proc = subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise BrowserError(f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc.stdout


def url(path: Path, fragment: str = "") -> str:
    return path.resolve().as_uri() + (f"#{fragment}" if fragment else "")


def dom(page: str, budget_ms: int = 3000) -> str:
    """The page's DOM after its scripts ran (virtual time, so no waiting on the clock)."""
    return _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", page])


def screenshot(page: str, out: Path, width: int = 1280, height: int = 900) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(["--virtual-time-budget=3000", f"--window-size={width},{height}", f"--screenshot={out.resolve()}", page])
    if not out.exists() or out.stat().st_size == 0:
        raise BrowserError(f"chromium wrote no screenshot to {out}")
    return out


if __name__ == "__main__":
    page_path, out_path = (Path(a) for a in sys.argv[1:3])
    print(screenshot(url(page_path), out_path, 1280, 1150))
