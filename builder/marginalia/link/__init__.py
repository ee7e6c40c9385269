"""Link stage: find mentions of glossary names in article text and mark them.

`linker` holds the Aho-Corasick index of every name; `extension` is the
Python-Markdown tree walk that uses it on rendered pages; `evidence` finds quoted
passages in an article's text.
"""
