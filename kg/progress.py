"""Progress on standard error for long builds: documents done, rate, time left.

Shown only when standard error is a terminal (never in pipes, logs or tests). The total
is estimated up front by counting the corpus's files (and the lines of its JSONL files),
which is cheap next to parsing them.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


def estimate_documents(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """About how many documents the corpus holds (None when it cannot be told)."""
    total = 0
    for path in map(Path, paths):
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower().removesuffix(".gz")
            if not file.is_file() or name.startswith("."):
                continue
            if name.endswith(DOCUMENT_SUFFIXES):
                total += 1
            elif name.endswith(".jsonl"):
                opener = gzip.open if file.name.lower().endswith(".gz") else open
                try:
                    with opener(file, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    continue
    return total or None


class Progress:
    """A context manager around rich's progress bar; a no-op when disabled."""

    def __init__(self, enabled: bool, paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.enabled = enabled
        self.paths = list(paths)
        self._bar = None
        self._task = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            total = estimate_documents(self.paths)
            self._bar = Progress(
                TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("build", total=total, rate="")
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def advance(self, _document=None) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)
            task = self._bar.tasks[0]
            speed = task.speed
            self._bar.update(self._task, rate=f"{speed:.1f} docs/s" if speed else "")

    def note(self, message: str) -> None:
        """A line above the bar (or on stderr when there is no bar)."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            import sys

            print(message, file=sys.stderr)
