"""The errors a user may meet, each printed by the CLI as one line and exit status 1.

Anything else escaping a command is a bug in waqai. ContentError names the file and
line an editor must fix (`file:line: problem`); the others say what stopped the build.
"""
from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    """A report or data file an editor must fix; the message names file and line."""

    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):  # picklable, so an error raised in a worker process reaches the CLI intact
        return (type(self), (self.path, self.line, self.problem))


class BuildError(Exception):
    """The site could not be built (MkDocs refused it); the message is one line."""


class DuplicateOutputError(Exception):
    """Two pages or assets claimed the same output path."""


class ChangedDuringBuild(Exception):
    """A file of the previous build that this build keeps was replaced while it ran."""


class ServeError(Exception):
    """The preview cannot be served (its address is taken); the message is one line."""


class ChromiumMissing(RuntimeError):
    """No usable Chromium: the message says how to install it."""


class PdfError(RuntimeError):
    """The page could not be printed as it should be (a chart never drew)."""
