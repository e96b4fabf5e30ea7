"""The lexicons' regular expressions, compiled once per Python rather than once per process.

The lexicons (`data/**/*.yaml`) become a few large regular expressions, and compiling
them with `re`, whose parser and compiler are Python code, took a third of what
`waqai extract` spent on the five default reports. What `re` makes of a pattern (the
program its engine `_sre` runs) depends only on the pattern, its flags and the Python,
so it is kept beside this module's bytecode (`content/startup_cache.py`) and handed to
the engine in the next process.

A program is made as `re` makes it (`_program` follows `re._compiler.compile`), and kept
only once the engine, given one, has made a pattern equal to the one `re` compiles (same
program, flags and text): a Python whose `re` works otherwise keeps nothing and loses
nothing; a kept program the engine refuses is compiled again.
"""
from __future__ import annotations

import re
from typing import Any

import _sre

from ..content.startup_cache import StartupCache, beside_bytecode

Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]  # _sre.compile's arguments after the pattern
# Whether a program made here has been seen equal to the pattern `re` compiles, in this process:
# once is enough to know that this Python's `re` is made as `_program` expects.
_CHECKED = False


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


def _engine(pattern: str, program: Any) -> re.Pattern[str] | None:
    """The pattern the engine makes of a program, or None when it refuses it."""
    try:
        return _sre.compile(pattern, *program)
    except (RuntimeError, TypeError, ValueError, OverflowError):  # a program of another engine, or damaged
        return None


def compile_kept(pattern: str, flags: int, cache: StartupCache) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program `cache` kept when there is one."""
    global _CHECKED
    key = (pattern, int(flags))
    program = cache.get(key)
    found = _engine(pattern, program) if program is not None else None
    if found is not None:
        return found
    program = _program(pattern, int(flags))
    made = _engine(pattern, program) if program is not None else None
    if made is None or not (_CHECKED or made == re.compile(pattern, flags)):  # Pattern == compares the programs
        return re.compile(pattern, flags)
    _CHECKED = True
    cache.put(key, program)
    return made


PROCESS_CACHE = beside_bytecode(__file__, "regexes", (_sre.MAGIC, _sre.CODESIZE))


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of the language data, compiled once per Python rather than once per process."""
    return compile_kept(pattern, flags, PROCESS_CACHE)
