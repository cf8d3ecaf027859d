"""Undoing a response's ``Content-Encoding`` with the size cap held on every layer.

A server may stack codings (``Content-Encoding: gzip, gzip``): 1.9 KB that inflates to
1 MB, which inflates to 1 GiB. httpx inflates each chunk whole before anyone can count
it, so the cap is applied here instead, on the raw stream: each layer is inflated in
pieces of at most ``PIECE`` bytes and stops once its output passes the cap, so memory
stays bounded by the cap however the layers are stacked. (A layer inside another is the
compressed form of the next, so the cap never stops an honest page early.)
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

PIECE = 64 * 1024
SUPPORTED = "gzip, deflate"  # what we send as Accept-Encoding


class CodingError(ValueError):
    """The body cannot be decoded: an unknown coding, corrupt data, or over the cap."""


class OverCap(CodingError):
    """A layer's output passed the cap."""


class _Layer:
    def __init__(self, name: str, cap: int):
        self.name = name
        self.cap = cap
        self.total = 0
        self._started = False
        # "deflate" is meant to be zlib-wrapped; some servers send it raw (browsers take both).
        wbits = zlib.MAX_WBITS | 16 if name in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._z = zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while not self._z.eof:
            try:
                out = self._z.decompress(data, PIECE)
            except zlib.error as exc:
                if not self._started and self.name == "deflate":
                    self._started, self._z = True, zlib.decompressobj(-zlib.MAX_WBITS)
                    continue  # the header check failed at once: nothing was consumed
                raise CodingError(f"the {self.name} data is corrupt ({exc})") from None
            self._started = True
            data = self._z.unconsumed_tail
            if out:
                yield self._counted(out)
            if not data and len(out) < PIECE:
                return
        # Anything after the end of the compressed stream is ignored, as browsers do.

    def finish(self) -> Iterator[bytes]:
        # The input was drained piece by piece, so what zlib still holds is small.
        out = self._z.flush()
        if out:
            yield self._counted(out)

    def _counted(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.cap:
            raise OverCap(self.name)
        return out


class Decoder:
    """``feed`` raw body bytes, get decoded pieces; ``finish`` at the end of the body."""

    def __init__(self, content_encoding: str, cap: int):
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        names = [n for n in names if n != "identity"]
        for name in names:
            if name not in ("gzip", "x-gzip", "deflate"):
                raise CodingError(f"content encoding {name!r} is not supported (only {SUPPORTED})")
        # Codings are listed in the order they were applied: undo the last one first.
        self.layers = [_Layer(name, cap) for name in reversed(names)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        return self._through(0, data)

    def _through(self, i: int, data: bytes) -> Iterator[bytes]:
        if i == len(self.layers):
            if data:
                yield data
            return
        for piece in self.layers[i].feed(data):
            yield from self._through(i + 1, piece)

    def finish(self) -> Iterator[bytes]:
        for i, layer in enumerate(self.layers):
            for piece in layer.finish():
                yield from self._through(i + 1, piece)
