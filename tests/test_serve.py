"""`waqai serve` goes on through an editor's slips, and says plainly when its port is taken.

On a copy of the default content: a folder named `x.md` appearing under
content/articles/ while the preview runs is reported in one line naming it,
and the watcher keeps watching (an editor's lock file, then an edited report,
still update the preview); a port already in use is one line suggesting
--address, with no traceback.
"""
from __future__ import annotations

import os
import queue
import signal
import socket
import threading
import time

from project_copy import group_ends, start, waqai


def _free_port() -> socket.socket:
    """A socket listening on a free local port (held, so nothing else takes it)."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    held.listen()
    return held


def _lines(stream) -> queue.Queue:
    """The lines of `stream`, as they come."""
    found: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [found.put(line.rstrip("\n")) for line in stream], daemon=True).start()
    return found


def _wait_for(lines: queue.Queue, words: str, within: float = 90.0) -> str:
    deadline = time.monotonic() + within
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        assert "Traceback" not in line, "\n".join(seen)
        if words in line:
            return line
    raise AssertionError(f"no line with {words!r} within {within} s:\n" + "\n".join(seen))


def test_the_watcher_survives_a_folder_and_a_lock_file(project_copy):
    held = _free_port()
    port = held.getsockname()[1]
    held.close()
    serve = start(project_copy, "serve", "--quiet", "--address", f"127.0.0.1:{port}")
    try:
        lines = _lines(serve.stderr)
        _wait_for(lines, "Serving on")
        articles = project_copy / "content" / "articles"
        (articles / "x.md").mkdir()
        assert _wait_for(lines, "x.md").startswith("content/articles/x.md: a folder, not a file")
        (articles / "x.md").rmdir()
        report = sorted(articles.glob("*.md"))[0]
        (articles / f".#{report.name}").symlink_to("editor@newsroom.4242:1700000000")
        report.write_text(report.read_text(encoding="utf-8") + "\nوتجددت الاشتباكات قرب البلدة.\n", encoding="utf-8")
        _wait_for(lines, "preview updated")
        assert serve.poll() is None
    finally:
        os.killpg(serve.pid, signal.SIGINT)  # Ctrl-C
        serve.wait(timeout=30)
    assert group_ends(serve.pid) == []


def test_a_port_in_use_is_one_line(project_copy):
    held = _free_port()
    address = f"127.0.0.1:{held.getsockname()[1]}"
    try:
        serve = waqai(project_copy, "serve", "--quiet", "--address", address, bound=120)
    finally:
        held.close()
    assert serve.status == 1
    line = serve.one_line()
    assert line.startswith(f"{address}: cannot serve there: ") and "in use" in line and "--address" in line
