"""Publishing: how anything we write reaches its place whole, readable by others.

Every file or folder a reader can see (the site, the folder zip, LMS exports,
the preview `serve` shows) is first written under a temporary name next to its
place and only then moved there in one rename, so a reader never meets half a
site and a failed build leaves the previous one exactly as it was. This module
is the one home of that: staging folders and the swap, the zip, atomic file
writes and the modes published things get.

Modes: `tempfile.mkstemp` and `mkdtemp` create 0600 files and 0700 folders,
which is right while they are half-written but wrong once they are the site: a
web server running as another user (nginx as www-data, say) would answer 403
for every page, and a zip made from them would carry the same modes to whoever
unpacks it. Once a temporary file or folder is complete, it gets what `open()`
or `mkdir` would have given it under the user's umask.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Fill = Callable[[Path], bool]
"""Writes a new site into the folder it is given; False if that failed (and was said)."""


def _umask() -> int:
    """The process's umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def as_regular_file(path: Path | str) -> None:
    """rw for the owner and read for others, as the umask allows (0644 under 022)."""
    os.chmod(path, 0o666 & ~_umask())


def as_regular_folder(path: Path | str) -> None:
    """rwx for the owner and r-x for others, as the umask allows (0755 under 022)."""
    os.chmod(path, 0o777 & ~_umask())


# ------------------------------------------------------------------------- files
@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path next to `path` that replaces it whole when the block succeeds.

    Next to it, so that the final rename stays on one file system and is atomic;
    if the block raises, `path` is untouched and the temporary file is removed.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        as_regular_file(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` as `path`: readers see the old file or the new one, never half."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)


def write_zip(folder: Path, dest: Path) -> None:
    """Every file of `folder` into the zip `dest`, in a stable order, paths relative to it."""
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())


# ----------------------------------------------------------------------- folders
def publish_folder(target: Path, fill: Fill) -> bool:
    """Let `fill` write a new site beside `target`; only if it succeeds, swap it in.

    Returns whether `target` now holds the new site. Whatever happens, no
    staging folder is left behind.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        if not fill(staging):
            return False
        as_regular_folder(staging)
        swap(staging, target)
        return True
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def zip_target(path: Path) -> Path:
    """Where `build --zip` writes: the path given or the site's folder, ending in .zip."""
    return path if path.suffix == ".zip" else path.with_name(path.name + ".zip")


def publish_zip(target: Path, fill: Fill) -> bool:
    """Let `fill` write a site into a temporary folder; only if it succeeds, zip it as
    `target` (written whole, so an interrupted build never leaves half a zip)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".marginalia-zip.") as tmp:
        site = Path(tmp) / "site"
        if not fill(site):
            return False
        with replacing(target) as partial:
            write_zip(site, partial)
    return True


def publish_contents(served: Path, fill: Fill) -> bool:
    """Let `fill` write a site into a staging folder; only if it succeeds, make the
    folder a server is serving hold it, replacing each top-level entry whole.

    `served` itself stays (the server holds its path); what it holds is swapped.
    """
    staging = Path(tempfile.mkdtemp(prefix="marginalia-serve-next-"))
    try:
        if not fill(staging):
            return False
        _swap_contents(staging, served)
        return True
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap(staging: Path, target: Path) -> None:
    """Replace `target` with `staging` so that readers never see a half-written site."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _swap_contents(staging: Path, served: Path) -> None:
    """Make `served` hold what `staging` holds, replacing each top-level entry whole."""
    for old in list(served.iterdir()):
        if not (staging / old.name).exists():
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    for new in staging.iterdir():
        target = served / new.name
        if target.is_dir() and new.is_dir():
            swap(new, target)
        else:
            if target.is_dir():
                shutil.rmtree(target)
            new.replace(target)
