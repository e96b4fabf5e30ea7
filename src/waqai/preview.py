"""`waqai serve`: a live preview while editing reports and templates.

The generated docs go to <build>/preview/ (build/site/ is not touched); MkDocs'
own server watches them and reloads the browser. A polling thread watches
content/, templates/ and mkdocs.yml and regenerates the docs when they change,
writing only the files that changed.
"""
from __future__ import annotations

import errno
import logging
import socket
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from .build import Progress, gather, silent
from .errors import ContentError, DuplicateOutputError, ServeError
from .settings import Settings

Snapshot = dict[Path, tuple[int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """Modification time and size of every entry under `paths` (a file, a folder, a link
    that leads nowhere: what appears is a change too); one gone meanwhile is left out."""
    state: Snapshot = {}
    for root in paths:
        for path in [root, *sorted(root.rglob("*"))] if root.is_dir() else [root]:
            with suppress(OSError):
                stat = path.lstat()
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def regenerate(settings: Settings, folder: Path, progress: Progress, report: Callable[[str], None]) -> None:
    """Write the generated docs into `folder`; an editor's mistake (a broken report, a
    folder named x.md, a lock file) or the system's (a full disk) is reported, not fatal:
    the watcher goes on, and the next change is previewed."""
    try:
        if gather(settings, progress).files.sync(folder):
            report("preview updated")
    except (ContentError, DuplicateOutputError) as exc:
        report(str(exc))
    except OSError as exc:
        report(f"{exc.filename or folder}: {exc.strerror or exc}: the preview is not updated")


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

    check_address(address)
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
    except OSError as exc:  # the address, taken meanwhile
        raise ServeError(_cannot_serve(address, exc)) from None
    finally:
        stop.set()


def check_address(address: str) -> None:
    """Refuse an address the server could not take (a port in use), before anything is
    built for it: MkDocs takes it only after its first build, a screenful of log earlier."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_server((host.strip("[]"), int(port))):
            pass
    except (OSError, ValueError) as exc:
        raise ServeError(_cannot_serve(address, exc)) from None


def _cannot_serve(address: str, exc: OSError | ValueError) -> str:
    if isinstance(exc, ValueError):
        return f"{address}: --address must be IP:PORT, such as 127.0.0.1:8001"
    in_use = " (another `waqai serve`, or another server?): stop it, or try --address 127.0.0.1:8001" if exc.errno == errno.EADDRINUSE else ""
    return f"{address}: cannot serve there: {exc.strerror}{in_use}"
