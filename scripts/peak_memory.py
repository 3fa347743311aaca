"""Peak memory of a command with all its child processes (Linux: read from /proc).

Prints, for the whole run, the peak of the sum over the process tree of each process's
PSS (proportional set size: a page that forked spaCy workers share with their parent is
counted once, split between them), the peak RSS of the largest single process (what
``/usr/bin/time -v`` calls "Maximum resident set size"), and the wall time::

    python scripts/peak_memory.py -- kgbuild /tmp/wh -o /tmp/graph.nt -j 2

Issue 6 compares a build of the whole White House corpus with one of 500 of its
documents this way: their peaks must lie within 20% of each other and under 1 GiB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo += _children(current)
    return seen


def _kib(pid: int, field: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--log", type=Path, help="also write every sample to this file: "
                        "seconds, PSS summed (MiB), then each process's pid:RSS (MiB)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to measure after --")
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak_pss = peak_rss = 0
    log = args.log.open("w", encoding="utf-8") if args.log else None
    while process.poll() is None:
        pids = _tree(process.pid)
        pss = sum(_kib(p, "Pss", "smaps_rollup") for p in pids)
        rss = {p: _kib(p, "VmRSS", "status") for p in pids}
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, *rss.values())
        if log:
            processes = " ".join(f"{p}:{kib // 1024}" for p, kib in rss.items())
            log.write(f"{time.perf_counter() - started:.1f} {pss // 1024} {processes}\n")
            log.flush()
        time.sleep(args.every)
    if log:
        log.close()
    seconds = time.perf_counter() - started
    print(f"peak memory: {peak_pss / 1024:.0f} MiB PSS summed over the process tree, "
          f"{peak_rss / 1024:.0f} MiB RSS of the largest process; {seconds:.1f} s wall; "
          f"exit {process.returncode}", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    raise SystemExit(main())
