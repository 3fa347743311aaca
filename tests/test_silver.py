"""Silver test on the White House readouts (scripts/silver_wh.py): titles withheld, the
body must yield what the title says. Slow (about a minute); skipped without ../shared."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TARBALL = ROOT.parent / "shared" / "corpora" / "wh-briefings-2021-2023.tar.gz"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not TARBALL.is_file(),
                       reason="../shared/corpora/wh-briefings-2021-2023.tar.gz is not present"),
]


def load_script():
    spec = importlib.util.spec_from_file_location("silver_wh", ROOT / "scripts" / "silver_wh.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_readouts_yield_what_their_titles_say(tmp_path):
    silver = load_script()
    outcomes = silver.run(silver.unpacked(TARBALL, tmp_path))
    totals = silver.report(outcomes)
    calls, meetings = totals["call"], totals["meeting"]
    assert calls[1] > 250 and meetings[1] > 350  # the silver set is the corpus's readouts
    assert calls[0] / calls[1] >= 0.9, totals
    assert meetings[0] / meetings[1] >= 0.8, totals


def test_titles_are_withheld_from_the_extractor(tmp_path):
    silver = load_script()
    corpus = silver.unpacked(TARBALL, tmp_path)
    readouts = silver.readouts(corpus)
    assert readouts
    assert not any(r.document.title in r.document.text for r in readouts[:200])
