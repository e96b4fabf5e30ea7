"""Compiled regular expressions kept between processes, as Python keeps compiled modules.

The lexicons (`data/**/*.yaml`) become a few large regular expressions, and compiling
them with `re`, whose parser and compiler are Python code, took a third of what
`waqai extract` spent on the five default reports. What `re` makes of a pattern (the
program its engine `_sre` runs) depends only on the pattern, its flags and the Python,
so it is kept in a file beside this module's bytecode
(`__pycache__/regex_cache.<python>.regexes`, or under PYTHONPYCACHEPREFIX) and handed to
the engine in the next process, with the same rules as bytecode: it is read whenever
it is there, and written unless PYTHONDONTWRITEBYTECODE is set.

A program is kept only when the engine, given it, makes a pattern equal to the one `re`
compiled (same program, flags and text): a Python whose `re` works otherwise keeps
nothing and loses nothing. A missing, foreign or damaged file is a miss, never an error.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from importlib.util import cache_from_source
from pathlib import Path
from typing import Any

import _sre

# What a program is valid for: this Python and its regular expression engine.
_TAG = (sys.version, _sre.MAGIC, _sre.CODESIZE)
_MAX_KEPT = 512  # patterns in the file; past it, only those of the last process that wrote it

Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]  # _sre.compile's arguments after the pattern


def _program(pattern: str, flags: int) -> Program | None:
    """What `re` hands the engine for `pattern` (re._compiler.compile, without the engine),
    or None when this Python's `re` is not made as expected."""
    try:
        parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
        code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]; its opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except (AttributeError, TypeError):
        return None


def _engine(pattern: str, program: Program) -> re.Pattern[str] | None:
    """The pattern the engine makes of a program, or None when it refuses it."""
    try:
        return _sre.compile(pattern, *program)
    except (RuntimeError, TypeError, ValueError, OverflowError):  # a program of another engine, or damaged
        return None


class RegexCache:
    """Programs of patterns by (pattern, flags), read from `path` when first asked for
    and written back by `save` (at the process's exit) when a pattern was missing,
    unless `write` is False."""

    def __init__(self, path: Path | None, write: bool = True) -> None:
        self.path = path
        self.write = write and path is not None
        self._programs: dict[tuple[str, int], Program] | None = None
        self._used: set[tuple[str, int]] = set()
        self._missed = False
        self._registered = False

    def _read(self) -> dict[tuple[str, int], Program]:
        if self.path is None:
            return {}
        try:
            tag, programs = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        return programs if tag == _TAG and isinstance(programs, dict) else {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the kept program when there is one."""
        if self._programs is None:
            self._programs = self._read()
        key = (pattern, int(flags))
        self._used.add(key)
        program = self._programs.get(key)
        compiled = _engine(pattern, program) if program is not None else None
        if compiled is not None:
            return compiled
        compiled = re.compile(pattern, flags)
        program = _program(pattern, int(flags))
        if program is not None and _engine(pattern, program) == compiled:  # Pattern == compares the programs
            self._programs[key] = program
            self._missed = True
            if self.write and not self._registered:
                atexit.register(self.save)
                self._registered = True
        return compiled

    def save(self) -> None:
        """Write the programs (atomically: processes that start meanwhile read the old file or
        the new); nothing when none was missing, and nothing that fails is an error."""
        if not (self._missed and self.write) or self.path is None or self._programs is None:
            return
        programs = self._programs
        if len(programs) > _MAX_KEPT:
            programs = {key: program for key, program in programs.items() if key in self._used}
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(marshal.dumps((_TAG, programs)))
            os.replace(partial, self.path)
        except (OSError, ValueError):  # ValueError: a program marshal cannot write
            partial.unlink(missing_ok=True)
        self._missed = False


def _beside_bytecode() -> Path | None:
    """This module's bytecode file with the suffix `.regexes`; None for a Python without bytecode."""
    try:
        return Path(cache_from_source(__file__)).with_suffix(".regexes")
    except NotImplementedError:
        return None


PROCESS_CACHE = RegexCache(_beside_bytecode(), write=not sys.dont_write_bytecode)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of the language data, compiled once per Python rather than once per process."""
    return PROCESS_CACHE.compile(pattern, flags)
