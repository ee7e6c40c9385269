"""Marginalia: news articles and a glossary of who and what they mention, as a static site.

The package is laid out by stage, so a reader finds each step by its folder:
``load`` (read each source file once) → ``validate`` (every rule, file:line errors)
→ ``link`` (find mentions and evidence) → ``render`` (pages) → ``exports`` (LMS
files); ``publish`` writes results atomically; ``plugin`` and ``cli`` are the thin
adapters for MkDocs and the command line.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`marginalia.__version__`, looked up when asked for: reading the installed
    metadata costs every command tens of milliseconds at start-up."""
    if name != "__version__":
        raise AttributeError(f"module 'marginalia' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("marginalia")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
