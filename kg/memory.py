"""Handing memory back to the operating system between the phases of a build.

glibc's allocator keeps what a process frees for reuse, so memory freed after a phase
(the spaCy model and parses after extraction; RocksDB's caches and buffers when the store
is closed after merging) stayed with the process. On the whole-corpus store of the White
House corpus, merging alone left the process at 227-271 MB; closing the store and
:func:`release` brought it to 77 MB. :func:`release` collects Python's garbage and asks
glibc to return its free memory (``malloc_trim``); on other C libraries only the first.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc


@functools.cache
def _malloc_trim():  # -> the C function, or None
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def release() -> None:
    """Free what is no longer referenced and return the C heap's free memory to the
    operating system, where the C library can (glibc)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
