"""Where a project's sources live, and how to name them in messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Paths:
    """Where a project's sources live, and how to name them in messages."""

    root: Path
    docs_dir: Path
    annotations_dir: Path
    stale_after_days: int = 365
    """The one setting validation reads besides folders: how far (in days) an undated
    entry's `as_of` may be from an article's date before its card is called stale."""

    def same_as(self, other: Paths) -> bool:
        """The same three folders, however each was spelled."""
        return all(Path(a).resolve() == Path(b).resolve() for a, b in
                   ((self.root, other.root), (self.docs_dir, other.docs_dir),
                    (self.annotations_dir, other.annotations_dir)))

    def name(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
