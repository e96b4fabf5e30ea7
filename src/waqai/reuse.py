"""Pages taken from the previous build when what they are made of did not change.

A rebuild after one report was added to ten thousand must not render the ten
thousand other report pages again. Each page's inputs (its template, its path
and the view objects the template is given) are hashed: pickled, then BLAKE2.
So is the renderer itself (templates, waqai's code and data: the frame). A page
whose hash is the one it had in the previous build is read back from that
build's docs/ instead of rendered.

Equal hashes mean equal pickles, and equal pickles mean equal inputs, so a page
is never reused wrongly; inputs pickled differently (a set in another order)
only cost a render. Pickling is done in "fast" mode, without back-references,
so the same values give the same bytes whatever objects they share. An event's
view appears on many pages: it is hashed once and stands for itself by its hash.

The hashes of the pages in place are kept beside the site with its stamps
(waqai.uptodate), written after the site is in place and removed before it is
replaced, so they always describe the docs/ next to them.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .uptodate import input_stamp


def frame_of(templates: Path) -> str:
    """What every page depends on besides its inputs: the templates and waqai's code and data."""
    return input_stamp([templates, Path(__file__).resolve().parent], ["pages"])


def _pickler(buffer: io.BytesIO, dispatch: Mapping[type, Callable[[Any], Any]] | None = None) -> pickle.Pickler:
    """A pickler in fast mode (see above) that pickles the types of `dispatch` its own way."""
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    if dispatch:
        pickler.dispatch_table = dispatch  # looked up by type, so other objects cost nothing more
    return pickler


def _digest(obj: Any, dispatch: Mapping[type, Callable[[Any], Any]] | None = None) -> bytes:
    buffer = io.BytesIO()
    _pickler(buffer, dispatch).dump(obj)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


class Reuse:
    """Renders a page, or reads it back from `docs` (the previous build's) when its inputs'
    hash is `previous[path]`; `inputs` records every page's hash for the next build."""

    def __init__(self, frame: str, previous: Mapping[str, str], docs: Path, shared: tuple[type, ...] = ()) -> None:
        self.frame, self.previous, self.docs = frame, previous, docs
        self.dispatch = {kind: self._by_hash for kind in shared}
        self.hashes: dict[int, tuple[Any, bytes]] = {}  # id -> (shared object, its hash)
        self.inputs: dict[str, str] = {}
        self.reused = 0

    def _by_hash(self, obj: Any) -> tuple[type, tuple[bytes]]:
        """A shared object is pickled as its hash, computed once (the object is kept with it,
        so its id is not given to another object meanwhile)."""
        known = self.hashes.get(id(obj))
        if known is None:
            known = self.hashes[id(obj)] = (obj, _digest(obj))
        return bytes, (known[1],)

    def digest(self, *parts: Any) -> str:
        return _digest((self.frame, parts), self.dispatch).hex()

    def page(self, path: str, parts: tuple[Any, ...], render: Callable[[], str]) -> str | bytes:
        """The page at `path`, made of `parts`: the previous build's (its bytes) if they did not change."""
        digest = self.inputs[path] = self.digest(path, *parts)
        if self.previous.get(path) == digest:
            try:
                text = (self.docs / path).read_bytes()
            except OSError:
                pass
            else:
                self.reused += 1
                return text
        return render()
