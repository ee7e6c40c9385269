"""Give what we write through temporary names the permissions of an ordinary file.

`tempfile.mkstemp` and `mkdtemp` create 0600 files and 0700 folders, which is
right while they are half-written but wrong once they are the site: a web server
running as another user (nginx as www-data, say) would answer 403 for every page,
and a zip made from them would carry the same modes to whoever unpacks it. Once
a temporary file or folder is complete, it gets what `open()` or `mkdir` would
have given it under the user's umask.
"""

from __future__ import annotations

import os
from pathlib import Path


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
