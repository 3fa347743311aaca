"""Check kgbuild's table matching for the attribute ruler (kg/ruler.py) against spaCy's
own on a corpus: every token's part of speech, tag, morphology, lemma and dependency must
be the same. Prints the paragraphs compared, how many differ, and both rulers' seconds.

    python scripts/check_ruler.py CORPUS [-n 1500]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench_link import documents  # the same spread of documents over the corpus

from kg.nlp import add_components, load_for_extraction, load_pipeline, paragraphs


def main(argv: list[str] | None = None) -> int:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=1500, help="documents (default 1500)")
    args = parser.parse_args(argv)
    texts = [text for d in documents(args.corpus, args.n)
             for _, text in paragraphs(d.text, 2_000)]
    stock, ours = add_components(load_pipeline()), load_for_extraction()
    rulers = stock.get_pipe("attribute_ruler"), ours.get_pipe("attribute_ruler")
    before = ["attribute_ruler", "lemmatizer", "ner"]  # parse up to the ruler, then time it
    columns = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
    seconds = [0.0, 0.0]
    tokens = differing = 0
    for pair in zip(stock.pipe(texts, batch_size=64, disable=before),
                    ours.pipe(texts, batch_size=64, disable=before), strict=True):
        for k, (ruler, doc) in enumerate(zip(rulers, pair, strict=True)):
            started = time.process_time()
            ruler(doc)
            seconds[k] += time.process_time() - started
        a, b = pair
        tokens += len(a)
        if (a.to_array(columns) != b.to_array(columns)).any() or \
                [str(t.morph) for t in a] != [str(t.morph) for t in b]:
            differing += 1
    print(f"{len(texts):,} paragraphs, {tokens:,} tokens: {differing} differ; attribute "
          f"ruler {seconds[0]:.2f} s (spaCy's matching), {seconds[1]:.2f} s (tables)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
