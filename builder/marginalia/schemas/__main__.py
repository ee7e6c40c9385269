"""`python -m marginalia.schemas`: write the shipped schemas afresh from the key table."""

from marginalia.schemas import write

for path in write():
    print(path)
