"""What linking costs: its share of a build's time, measured in one process.

The same N documents (read beforehand) are parsed and extracted once without linking
(spaCy and extraction, timed together), then the linker runs over those results and is
timed alone. Both are taken in one run, so a busy machine weighs on both alike. Reading,
writing and validating are left out of the build time, which makes the ratio an upper
bound.

    python scripts/bench_link.py CORPUS [-n 500] [--linker kb] [--kb KB]...
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.api import extract_documents
from kg.corpus import iter_corpus
from kg.link import make_linker
from kg.model import DocResult, Document


def documents(corpus: Path, limit: int) -> list[Document]:
    docs = [d for d in iter_corpus([str(corpus)]) if isinstance(d, Document)]
    step = max(1, len(docs) // limit)
    return docs[::step][:limit]  # spread over the corpus, not its first folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=500, help="documents (default 500)")
    parser.add_argument("--linker", default="kb")
    parser.add_argument("--kb", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    docs = documents(args.corpus, args.n)
    started = time.perf_counter()
    results = [r for r in extract_documents(docs) if isinstance(r, DocResult)]
    build = time.perf_counter() - started
    linker = make_linker(args.linker, args.kb)
    started = time.perf_counter()
    for result in results:
        linker.link(result)
    linking = time.perf_counter() - started
    entities = sum(len(r.entities) for r in results)
    linked = sum(1 for r in results for e in r.entities.values() if e.wikidata)
    words = sum(len(d.text.split()) for d in docs)
    print(f"documents {len(results)}, words {words}, entities {entities}, linked {linked}")
    print(f"build without linking: {build:.1f} s; linking: {linking:.2f} s")
    print(f"linking / build = {linking / build:.3f}")


if __name__ == "__main__":
    main()
