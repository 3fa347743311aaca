"""Handing freed memory back to the operating system during long phases.

RocksDB (under pyoxigraph's on-disk store) and pyshacl free what they allocate for each
batch or piece, but glibc's allocator keeps freed memory in the process for reuse, so a
process that streams a large corpus through them held hundreds of megabytes it no longer
used (on the 9,182 White House documents, merging and validating alone peaked at 405 MB
where 77 MB were live). :func:`release` asks glibc to return it (``malloc_trim``); on
other C libraries it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


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
    """Return the freed memory of the C heap to the operating system, where the C library
    can (glibc); a no-op elsewhere. Cheap enough to call after every batch."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
