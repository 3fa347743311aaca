# Shortcuts for the README's commands. PYTHON may name a virtual environment's python.
PYTHON ?= python3
SHARED ?= ../shared
# the White House corpus, unpacked: mkdir -p /tmp/wh && tar xzf $(SHARED)/corpora/wh-briefings-2021-2023.tar.gz -C /tmp/wh
WH ?= /tmp/wh/wh-briefings-2021-2023
BENCH_N ?= 200

.PHONY: demo install test test-all lint seeds bench

install:
	$(PYTHON) -m pip install '.[test]'

demo:
	$(PYTHON) -m pip install . && kgbuild examples/corpus -o example.ttl

test:
	$(PYTHON) -m pytest -m "not slow"

test-all:
	$(PYTHON) -m pytest

lint:
	ruff check .

seeds:
	kgbuild $(SHARED)/corpora/seeds -o seeds.ttl
	kgbuild eval seeds.ttl --gold $(SHARED)/gold/seeds.jsonl

bench:
	$(PYTHON) scripts/bench.py $(WH) -n $(BENCH_N) -j 1 -j 2
