"""kgbuild end to end against spaCy alone, on the same documents, in one run.

(a) spaCy alone: ``nlp.pipe`` over the documents' texts with the full pipeline of the
same model; (b) kgbuild end to end: reading the files, parsing, extracting, linking,
merging, validating and writing the graph (``kg.build``). Both run in this process, one
after the other and for each number of processes asked for, so that a busy machine
weighs on both alike. Prints words per second (words: whitespace-separated, of the
texts kgbuild reads) and the ratio kgbuild / spaCy; with several process counts, also how
each scales.

    python scripts/bench.py CORPUS [-n 200] [-j 1 -j 2] [--rounds 1]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_link import documents  # the same spread of documents over the corpus

from kg.api import build
from kg.nlp import load_pipeline


def spacy_alone(texts: list[str], processes: int, model: str | None, batch: int) -> float:
    started = time.perf_counter()  # loading the model counts, as it does in kgbuild
    nlp = load_pipeline(model)
    for _ in nlp.pipe(texts, batch_size=batch, n_process=processes):
        pass
    return time.perf_counter() - started


def kgbuild(paths: list[str], processes: int, model: str | None) -> tuple[float, float]:
    """Seconds for the whole build, and the share of them spent validating and writing."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = build(paths, output=Path(tmp) / "graph.nt", model=model, n_process=processes,
                       keep_triples=False)
        seconds = time.perf_counter() - started
    if not result.conforms:
        raise SystemExit("the graph does not conform to the shapes")
    finishing = result.phases.get("validate", 0.0) + result.phases.get("write", 0.0)
    return seconds, finishing / seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=200, help="documents (default 200)")
    parser.add_argument("-j", type=int, action="append", help="processes (repeatable; "
                        "default 1 and 2)")
    parser.add_argument("--rounds", type=int, default=1, help="repeat each measure and "
                        "keep the fastest")
    parser.add_argument("--model", default=None)
    parser.add_argument("--spacy-batch", type=int, default=16, help="documents per batch "
                        "for spaCy alone (default 16: small enough that two processes get "
                        "even shares of a few hundred documents)")
    args = parser.parse_args(argv)
    docs = documents(args.corpus, args.n)
    texts = [d.text for d in docs]
    paths = [d.path for d in docs if d.path]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} documents, {words:,} words, from {args.corpus}")
    rows = {}
    for processes in args.j or [1, 2]:
        spacy_s = min(spacy_alone(texts, processes, args.model, args.spacy_batch)
                      for _ in range(args.rounds))
        ours_s, finishing = min(kgbuild(paths, processes, args.model)
                                for _ in range(args.rounds))
        rows[processes] = (words / spacy_s, words / ours_s)
        print(f"-j {processes}: spaCy alone {words / spacy_s:8.0f} words/s   "
              f"kgbuild {words / ours_s:8.0f} words/s   "
              f"kgbuild / spaCy {spacy_s / ours_s:.2f}   "
              f"(validating and writing: {finishing:.1%} of the build)")
    if len(rows) > 1:
        one = min(rows)
        for processes, (spacy_w, ours_w) in sorted(rows.items()):
            if processes != one:
                print(f"scaling -j {one} -> -j {processes}: spaCy alone "
                      f"{spacy_w / rows[one][0]:.2f}x, kgbuild {ours_w / rows[one][1]:.2f}x")


if __name__ == "__main__":
    main()
