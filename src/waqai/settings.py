"""Build settings in one table: name, default, help text, validated once.

The CLI turns each row into an option (`--content`, `--templates`, ...), so the
help of `waqai build` and `waqai serve` is this table and nothing else.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from .errors import ContentError


@dataclass(frozen=True)
class Option:
    flag: str
    help: str
    kind: str  # "dir" | "file" | "int" | "flag"


SETTINGS: dict[str, Option] = {
    "content": Option("--content", "Folder holding articles/*.md (the reports).", "dir"),
    "templates": Option("--templates", "Folder of the Jinja2 page templates (*.md.j2).", "dir"),
    "config": Option("--config", "The site's MkDocs configuration (theme, palette, features).", "file"),
    "out": Option("--out", "Build folder: docs/, mkdocs.yml and site/ are written here.", "dir"),
    "jobs": Option("--jobs", "Reports extracted in parallel (1 = one at a time).", "int"),
    "previous": Option("--previous", "events.json of the last published site, for the \"what changed\" page.", "file"),
    "editors": Option("--editors", "Also build the editors' page (extraction warnings, series flags, toll chains): not for the public site.", "flag"),
    "strict": Option("--strict", "Fail on extraction warnings and series flags not acknowledged in content/acknowledged.yaml.", "flag"),
    "quiet": Option("--quiet", "No progress lines; errors are still printed.", "flag"),
}


@dataclass(frozen=True)
class Settings:
    content: Path
    templates: Path
    config: Path
    out: Path
    jobs: int = 1
    quiet: bool = False
    previous: Path | None = None
    strict: bool = False
    editors: bool = False
    today: date | None = None  # not an option: the CLI's date, which a report's `published` may not pass

    @classmethod
    def defaults(cls, root: Path = Path()) -> Settings:
        """Settings for a project at `root` (the folder holding mkdocs.yml).

        Paths stay relative to the working folder, so error lines read `content/articles/x.md:6: ...`.
        """
        return cls(
            content=root / "content",
            templates=root / "templates",
            config=root / "mkdocs.yml",
            out=root / "build",
            jobs=max(1, min(4, os.cpu_count() or 1)),
        )

    def with_options(self, **options: Any) -> Settings:
        """These settings with the options the user gave (None = not given), validated."""
        given = {k: v for k, v in options.items() if v is not None and k in SETTINGS}
        return replace(self, **given).validated()

    def validated(self) -> Settings:
        for name in ("content", "templates"):
            path = getattr(self, name)
            if not path.is_dir():
                raise ContentError(path, None, f"{SETTINGS[name].flag}: no such folder")
        for name in ("config", "previous"):
            path = getattr(self, name)
            if path is not None and not path.is_file():
                raise ContentError(path, None, f"{SETTINGS[name].flag}: no such file")
        if self.jobs < 1:
            raise ContentError("settings", None, f"--jobs must be 1 or more, not {self.jobs}")
        return self


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add one click option per row of SETTINGS; unset options arrive as None."""
    for name, option in reversed(SETTINGS.items()):
        if option.kind == "flag":
            command = click.option(option.flag, name, is_flag=True, default=None, help=option.help)(command)
        elif option.kind == "int":
            command = click.option(option.flag, name, type=int, default=None, help=option.help)(command)
        else:
            path_type = click.Path(file_okay=option.kind == "file", dir_okay=option.kind == "dir", path_type=Path)
            command = click.option(option.flag, name, type=path_type, default=None, help=option.help)(command)
    return command
