"""`waqai serve`: a live preview while editing reports and templates.

The generated docs go to <build>/preview/ (build/site/ is not touched); MkDocs'
own server watches them and reloads the browser. A polling thread watches
content/, templates/ and mkdocs.yml and regenerates the docs when they change,
writing only the files that changed.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from .build import Progress, gather, silent
from .errors import ContentError, DuplicateOutputError
from .settings import Settings

Snapshot = dict[Path, tuple[int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """Modification time and size of every file under `paths`."""
    state: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            stat = path.stat()
            state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def regenerate(settings: Settings, folder: Path, progress: Progress, report: Callable[[str], None]) -> None:
    """Write the generated docs into `folder`; an editor's mistake is reported, not fatal."""
    try:
        if gather(settings, progress).files.sync(folder):
            report("preview updated")
    except (ContentError, DuplicateOutputError) as exc:
        report(str(exc))


def watch(settings: Settings, folder: Path, report: Callable[[str], None], stop: threading.Event, interval: float = 1.0) -> None:
    """Poll the sources until `stop` is set; regenerate (quietly) on each change."""
    sources = [settings.content, settings.templates, settings.config]
    seen = snapshot(sources)
    while not stop.wait(interval):
        current = snapshot(sources)
        if current != seen:
            seen = current
            regenerate(settings, folder, silent, report)


def serve(settings: Settings, address: str, progress: Progress, report: Callable[[str], None]) -> None:
    """Generate the docs, then serve them with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    folder = settings.out / "preview"
    folder.mkdir(parents=True, exist_ok=True)
    gather(settings, progress).files.sync(folder)  # a broken report stops here, before serving
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(settings, folder, report, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(str(folder / "mkdocs.yml"), livereload=True, watch=[str(settings.config)], dev_addr=address, strict=False)
    finally:
        stop.set()
