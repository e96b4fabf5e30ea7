"""Reading the YAML data files (language data and editorial data).

Every data file is validated when loaded and any problem names the file, so an
editor fixes `content/places.yaml` without reading a traceback.
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError
from .reports import decode_utf8, read_file
from .startup_cache import beside_bytecode

# libyaml's parser when PyYAML was built with it: the same safe constructor, five times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Each file's parsed data by a hash of its bytes, kept between processes (see startup_cache):
# even with libyaml, building the Python objects of the language data was a tenth of what
# `waqai extract` spent on the five default reports.
_PARSED = beside_bytecode(__file__, "parsed", (yaml.__version__, SafeLoader.__name__, marshal.version))
# The language data of the package (importlib.resources would cost `waqai extract` the
# import of tempfile, shutil and zipfile for a path the package's own file gives).
PACKAGE_DATA = Path(__file__).parent.parent / "data"


def parse_yaml(text: str) -> Any:
    """YAML text parsed with the safe constructor (yaml.YAMLError when it is not valid)."""
    return yaml.load(text, Loader=SafeLoader)


def read_yaml(path: Path) -> Any:
    """The parsed YAML of `path`, or ContentError naming the file and the line.

    Each call returns objects of its own (callers may change them), kept or parsed."""
    data = read_file(path)
    text = decode_utf8(path, data)
    key = hashlib.blake2b(data, digest_size=20).digest()
    kept = _PARSED.get(key)
    if kept is not None:
        return marshal.loads(kept)
    try:
        parsed = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    try:
        _PARSED.put(key, marshal.dumps(parsed))
    except ValueError:  # a YAML date or time, which marshal does not write: parsed each time
        pass
    return parsed


def mapping(path: Path, value: Any, where: str = "") -> dict[Any, Any]:
    """A non-empty mapping, or ContentError naming the file and where in it."""
    if not isinstance(value, dict) or not value:
        raise ContentError(path, None, f"{where or 'the file'}: must be a non-empty mapping")
    return value


def mapping_of_mappings(path: Path, data: Any) -> dict[str, dict[str, Any]]:
    """Check the common shape `id: {field: value}` and return it."""
    if not isinstance(data, dict) or not data:
        raise ContentError(path, None, "must be a non-empty mapping of id: {fields}")
    for key, value in data.items():
        if not isinstance(value, dict):
            raise ContentError(path, None, f"{key}: must be a mapping of fields")
    return {str(k): v for k, v in data.items()}


def text_list(path: Path, where: str, value: Any) -> list[str]:
    """A list of non-empty strings (a single string is accepted as a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(path, None, f"{where}: must be a list of non-empty texts")
    return [v.strip() for v in value]


def check_fields(path: Path, ident: str, fields: dict[str, Any], required: set[str], optional: set[str] = frozenset()) -> None:
    """Refuse an entry with an unknown field or without a required one, naming both."""
    unknown = set(fields) - required - optional
    if unknown:
        raise ContentError(path, None, f"{ident}: unknown field(s) {', '.join(sorted(unknown))}")
    missing = required - set(fields)
    if missing:
        raise ContentError(path, None, f"{ident}: missing field(s) {', '.join(sorted(missing))}")
