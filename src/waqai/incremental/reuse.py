"""Pages taken from the previous build when what they are made of did not change.

A rebuild after one report was added to ten thousand must not render the ten
thousand other report pages again. Each page's inputs (its template, its path
and the view objects the template is given) are hashed: pickled, then BLAKE2.
So is the renderer itself (templates, waqai's code and data: the frame). A page
whose hash is the one it had in the previous build is read back from that
build's docs/ instead of rendered. The blocks of HTML that show an event on many
pages are kept the same way, by the hash of the event's view (`fragment`), in a
cache file named after the frame: a month page that changes shows hundreds of
events that did not. The same file keeps other pieces by keys their callers make (`known`,
`keep`): the lines of the data files, by the event's origin (Timeline.origins).

Equal hashes mean equal pickles, and equal pickles mean equal inputs, so a page
is never reused wrongly; inputs pickled differently (a set in another order)
only cost a render. Pickling is done in "fast" mode, without back-references,
so the same values give the same bytes whatever objects they share. An event's
view appears on many pages, and so do a day's and a week's: each is hashed once and
stands for itself by its hash.

The hashes of the pages in place are kept beside the site with its stamps
(waqai.incremental.uptodate), written after the site is in place and removed before it is
replaced, so they always describe the docs/ next to them.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..render.output import Kept
from .cache import RecordFile
from .uptodate import input_stamp
from .version import code_version

FRAGMENTS = "fragments-"  # + the frame: a cache file of the pieces of the last builds


def frame_of(templates: Path) -> str:
    """What every page depends on besides its inputs: the templates and waqai's code and data."""
    return input_stamp([templates], ["pages", code_version()])


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

    def __init__(
        self, frame: str, previous: Mapping[str, str], docs: Path, shared: tuple[type, ...] = (), cache: Path | None = None
    ) -> None:
        self.frame, self.previous, self.docs = frame, previous, docs
        self.dispatch = {kind: self._by_hash for kind in shared}
        self.hashes: dict[int, tuple[Any, bytes]] = {}  # id -> (shared object, its hash)
        self.inputs: dict[str, str] = {}
        self.reused = 0
        # pieces of the last builds with this frame (the fragments, the data files' lines), in the cache folder
        self.pieces = RecordFile(cache / f"{FRAGMENTS}{frame[:20]}.pickle", lambda piece: isinstance(piece, (str, tuple))) if cache else None
        self.used: set[str] = set()  # the keys of the pieces of this build
        self.new_pieces: dict[str, Any] = {}

    def hash_of(self, obj: Any) -> bytes:
        """The hash of a shared object, computed once (the object is kept with it, so its id
        is not given to another object meanwhile). What it holds is pickled as usual, except
        the shared objects in it (a day's events), which stand for themselves by their hashes:
        its reduction is pickled, as the dispatch table would otherwise apply to it too."""
        known = self.hashes.get(id(obj))
        if known is None:
            known = self.hashes[id(obj)] = (obj, _digest(obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL), self.dispatch))
        return known[1]

    def adopt(self, obj: Any, digest: bytes) -> None:
        """Take `digest` as the hash of `obj`: an object kept among the pieces with its hash."""
        self.hashes[id(obj)] = (obj, digest)

    def _by_hash(self, obj: Any) -> tuple[type, tuple[bytes]]:
        """A shared object is pickled as its hash."""
        return bytes, (self.hash_of(obj),)

    def known(self, key: str) -> Any | None:
        """The piece kept under `key` by the last builds with this frame, or None."""
        found = self.pieces.known.get(key) if self.pieces else None
        if found is not None:
            self.used.add(key)
        return found

    def keep(self, key: str, piece: str | tuple) -> None:
        """Keep a piece (text, or a tuple of texts) for the next builds, under a key that
        changes with whatever it is made of besides the frame."""
        self.new_pieces[key] = piece
        self.used.add(key)

    def fragment(self, name: str, shared: Any, render: Callable[[], str]) -> str:
        """A piece of many pages (the block `name` of an event's view on the print page, its
        month's, its places'), made of one shared object: the last build's if that did not change."""
        key = f"{name}:{self.hash_of(shared).hex()}"
        found = self.known(key)
        if found is None:
            found = render()
            self.keep(key, found)
        return found

    def save_pieces(self) -> None:
        """Keep this build's new pieces for the next build; drop other frames' files, and the
        pieces no longer used once they are a quarter of the file. Then let go of the pieces
        and hashes, hundreds of megabytes at 10,000 reports: the build goes on to MkDocs, and
        this object lives on in a cycle (its dispatch table) that the paused collector keeps."""
        if self.pieces is not None:
            for old in self.pieces.path.parent.glob(f"{FRAGMENTS}*"):
                if old != self.pieces.path:
                    old.unlink(missing_ok=True)
            self.pieces.append(self.new_pieces)
            self.pieces.keep_only(self.used | self._blocks_in_place())
            self.pieces = None
        self.new_pieces, self.used, self.hashes = {}, set(), {}

    def _blocks_in_place(self) -> set[str]:
        """The kept blocks (`fragment`) of every shared object this build hashed: those on the
        pages kept from the last build too, which the next build renders again if one of
        their neighbours changes, though this build did not read them."""
        live = {digest.hex() for _, digest in self.hashes.values()}
        return {key for key in self.pieces.known if key.partition(":")[2] in live} if self.pieces else set()

    def digest(self, *parts: Any) -> str:
        return _digest((self.frame, parts), self.dispatch).hex()

    def page(self, path: str, parts: tuple[Any, ...], render: Callable[[], str]) -> str | Kept:
        """The page at `path`, made of `parts`: the previous build's file (Kept, not read: the
        writer links it) if they did not change."""
        digest = self.inputs[path] = self.digest(path, *parts)
        if self.previous.get(path) == digest:
            try:
                status = os.stat(self.docs / path)
            except OSError:
                pass
            else:
                self.reused += 1
                return Kept(self.docs / path, status)
        return render()
