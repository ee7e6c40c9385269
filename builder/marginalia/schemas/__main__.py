"""`python -m marginalia.schemas [REFERENCE.md]`: write the shipped schemas afresh from the
key table, and the format reference too when given its path (docs-dev/formats.md)."""

import sys
from pathlib import Path

from marginalia.schemas import write
from marginalia.schemas.reference import reference


def main(targets: list[str]) -> None:
    for path in write():
        print(path)
    for target in targets:
        Path(target).write_text(reference(), encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main(sys.argv[1:])
