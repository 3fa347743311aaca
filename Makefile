# Shortcuts for the README's commands. PYTHON may name a virtual environment's python.
PYTHON ?= python3
SHARED ?= ../shared

.PHONY: demo install test test-all lint seeds

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
