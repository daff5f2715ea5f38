"""The folder where chart images are kept between exports, with a size limit.

An image is named by the sha256 of what it shows (``image.cache_key``), so an unchanged chart is
never drawn twice. Each use marks the file as used now (its modification time); after a new image
is written, the folder is trimmed to ``MAX_CACHE_BYTES`` by removing the least recently used images
first, down to ``TRIM_TO`` of the limit so that it is not trimmed again at every new chart.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from briefing.files import write_atomic

MAX_CACHE_BYTES = 200 * 1024 * 1024
"""About a thousand slide-sized charts at 200 dpi."""
TRIM_TO = 0.8
SUFFIX = ".png"


def cached(folder: Path, key: str, draw: Callable[[], bytes], limit: int | None = None) -> Path:
    """The image ``key`` in ``folder``: the kept one (marked as just used), else drawn, kept and the folder trimmed."""
    path = path_of(folder, key)
    if _use(path):
        return path
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, draw())
    trim(folder, MAX_CACHE_BYTES if limit is None else limit, keep=path)
    return path


def path_of(folder: Path, key: str) -> Path:
    """Where the image ``key`` is kept in ``folder`` (whether or not it is there yet)."""
    return folder / f"{key}{SUFFIX}"


def _use(path: Path) -> bool:
    """True if a usable image is kept at ``path``; it is then marked as used now."""
    try:
        if path.stat().st_size == 0:
            return False
        os.utime(path)
    except OSError:
        return False
    return True


def trim(folder: Path, limit: int, keep: Path | None = None) -> list[Path]:
    """Remove the least recently used images until the folder holds at most ``TRIM_TO`` × ``limit``
    bytes (when it holds more than ``limit``); ``keep`` is never removed. Returns the images removed."""
    images = []
    for entry in os.scandir(folder):
        if entry.name.endswith(SUFFIX) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):  # removed meanwhile by another export
                info = entry.stat(follow_symlinks=False)
                images.append((info.st_mtime_ns, info.st_size, Path(entry.path)))
    total = sum(size for _, size, _ in images)
    if total <= limit:
        return []
    removed = []
    for _, size, path in sorted(images):
        if total <= limit * TRIM_TO:
            break
        if keep is not None and path == keep:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
            total -= size
    return removed
