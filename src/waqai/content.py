"""Read and validate the reports under content/articles/.

Each report is a Markdown file: YAML front matter between two `---` lines, then
the report's text unchanged (the body). Front matter is validated field by field
into an `Article`; any problem raises `ContentError` naming the file and line,
so an editor can fix it without reading a traceback.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .records import Article


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


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty text")
    return value.strip()


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"must be a date written YYYY-MM-DD or null, not {value!r}")


def _language(value: Any) -> str:
    if value != "ar":
        raise ValueError(f"must be 'ar' (the only language the extractor reads), not {value!r}")
    return value


def _identifier(value: Any) -> str:
    text = _text(str(value) if isinstance(value, int) else value)
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", text):
        raise ValueError(f"must use only Latin letters, digits, '_', '.' and '-', not {text!r}")
    return text


# field -> (parser, required). The table is the schema: a key not in it is an error.
FIELDS: dict[str, tuple[Callable[[Any], Any], bool]] = {
    "id": (_identifier, True),
    "title": (_optional_text, False),
    "outlet": (_optional_text, False),
    "url": (_optional_text, False),
    "published": (_date, False),
    "published_basis": (_optional_text, False),
    "language": (_language, False),
}


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so `_date` judges them (2019-02-30 included)."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)

_FENCE = re.compile(r"^---[ \t]*$", re.M)


def split_front_matter(path: Path, raw: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, 1-based line where the body starts)."""
    if not raw.startswith("---"):
        raise ContentError(path, 1, "front matter missing: the file must start with a '---' line")
    first = _FENCE.match(raw)
    if not first:
        raise ContentError(path, 1, "front matter missing: the file must start with a '---' line")
    closing = _FENCE.search(raw, first.end())
    if not closing:
        raise ContentError(path, 1, "front matter not closed: add a '---' line after it")
    yaml_text = raw[first.end() + 1 : closing.start()]
    body_start = closing.end() + 1 if raw[closing.end() : closing.end() + 1] == "\n" else closing.end()
    body_line = raw.count("\n", 0, body_start) + 1
    return yaml_text, raw[body_start:], body_line


def _key_lines(yaml_text: str) -> dict[str, int]:
    """Line (1-based, within the YAML) of each top-level key, for error messages."""
    lines: dict[str, int] = {}
    for i, line in enumerate(yaml_text.splitlines(), start=1):
        m = re.match(r"([^\s:#][^:]*):", line)
        if m:
            lines.setdefault(m.group(1).strip(), i)
    return lines


def parse_article(path: Path, raw: str) -> Article:
    """Validate one report's text into an Article, or raise ContentError."""
    yaml_text, body, body_line = split_front_matter(path, raw)
    try:
        meta = yaml.load(yaml_text, Loader=_Loader) if yaml_text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(path, line, f"front matter is not valid YAML: {problem}") from None
    if not isinstance(meta, dict):
        raise ContentError(path, 2, "front matter must be a mapping of 'key: value' lines")
    key_line = {k: n + 1 for k, n in _key_lines(yaml_text).items()}  # +1 for the opening fence
    values: dict[str, Any] = {}
    for key, value in meta.items():
        if key not in FIELDS:
            known = ", ".join(FIELDS)
            raise ContentError(path, key_line.get(str(key)), f"unknown key {key!r} (known keys: {known})")
        parser, _ = FIELDS[key]
        try:
            values[key] = parser(value)
        except ValueError as exc:
            raise ContentError(path, key_line.get(key), f"{key}: {exc}") from None
    for key, (_, required) in FIELDS.items():
        if required and key not in values:
            raise ContentError(path, 2, f"required key {key!r} is missing")
    values.setdefault("language", "ar")
    return Article(path=path, body=body, body_line=body_line, **values)


def load_article(path: Path) -> Article:
    """Read and validate one report file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_article(path, raw.replace("\r\n", "\n"))


def load_articles(paths: Iterable[Path]) -> list[Article]:
    """Load reports, refusing two with the same id (their pages would collide)."""
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in sorted(paths):
        article = load_article(path)
        if article.id in seen:
            raise ContentError(path, 2, f"id {article.id!r} is already used by {seen[article.id]}")
        seen[article.id] = path
        articles.append(article)
    return articles


def article_paths(content_dir: Path) -> list[Path]:
    """The report files of a content folder, in a stable order."""
    folder = content_dir / "articles"
    if not folder.is_dir():
        raise ContentError(folder, None, "no articles folder: reports go in content/articles/*.md")
    return sorted(folder.glob("*.md"))
