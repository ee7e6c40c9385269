"""Exit statuses of every `marginalia` command."""

from __future__ import annotations

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
"""0: done; 1: the sources (or MkDocs) had problems, each printed; 2: wrong usage."""
