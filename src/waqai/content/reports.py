"""Read and validate the reports under content/articles/.

Each report is a Markdown file: YAML front matter between two `---` lines, then
the report's text unchanged (the body). Front matter is validated field by field
into an `Article`; any problem raises `ContentError` naming the file and line,
so an editor can fix it without reading a traceback.
"""
from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
import reprlib
import stat
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml

from ..errors import ContentError
from ..records import Article
from .pages import REPORTS, UNDATED, report_page

MAX_REPORT_BYTES = 1 << 20  # 50 times the longest real report; a bigger file is a mistake and would stall the build
EARLIEST_PUBLISHED = date(1900, 1, 1)
BOM = "\ufeff"
# What XML 1.0 (the feed, the sitemap) cannot carry: control characters other than tab and newline.
_NOT_TEXT = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEWLINES = re.compile(r"\r\n?")
# How a refused value is quoted in a message: short, and cheap even for a YAML "billion laughs" of aliases.
_SHOWN = reprlib.Repr()
_SHOWN.maxstring, _SHOWN.maxother, _SHOWN.maxlevel, _SHOWN.maxlist, _SHOWN.maxdict = 80, 80, 2, 4, 4




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
    raise ValueError(f"must be a date written YYYY-MM-DD or null, not {_SHOWN.repr(value)}")


def _language(value: Any) -> str:
    if value != "ar":
        raise ValueError(f"must be 'ar' (the only language the extractor reads), not {_SHOWN.repr(value)}")
    return value


def _identifier(value: Any) -> str:
    text = _text(str(value) if isinstance(value, int) else value)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}", text):
        raise ValueError(f"must use only Latin letters, digits, '_', '.' and '-' (starting with a letter or digit, at most 100), not {_SHOWN.repr(text)}")
    return text


def _line(value: Any) -> str | None:
    """A text shown as one line (title, outlet): a line break in it is a slip in the YAML."""
    text = _optional_text(value)
    if text is not None and "\n" in text:
        raise ValueError("must be a single line")
    return text


def _url(value: Any) -> str | None:
    """The report's address: shown as a link, so only http(s) and no characters that end a link."""
    text = _optional_text(value)
    if text is not None and not re.fullmatch(r"https?://[^\s<>\"'`\\]+", text):
        raise ValueError(f"must be an http:// or https:// address without spaces or quotes, not {_SHOWN.repr(text)}")
    return text


# field -> (parser, required). The table is the schema: a key not in it is an error.
FIELDS: dict[str, tuple[Callable[[Any], Any], bool]] = {
    "id": (_identifier, True),
    "title": (_line, False),
    "outlet": (_line, False),
    "url": (_url, False),
    "published": (_date, False),
    "published_basis": (_optional_text, False),
    "language": (_language, False),
}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when built with it: a tenth of the time
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


def _key_line(yaml_text: str, key: Any) -> int | None:
    """Line (1-based, in the file: after the opening fence) of a top-level key, for an
    error message; looked for only when there is one to write."""
    for i, line in enumerate(yaml_text.splitlines(), start=2):
        m = re.match(r"([^\s:#][^:]*):", line)
        if m and m.group(1).strip() == key:
            return i
    return None


def parse_article(path: Path, raw: str, today: date | None = None) -> Article:
    """Validate one report's text into an Article, or raise ContentError.

    A byte order mark and Windows or old Mac line endings are dropped, not
    refused: editors' tools add them without asking. `today` (the CLI's date)
    refuses a `published` after it; without it only dates before 1900 are.
    """
    raw = _NEWLINES.sub("\n", raw.removeprefix(BOM))
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
    values: dict[str, Any] = {}
    for key, value in meta.items():
        if key not in FIELDS:
            known = ", ".join(FIELDS)
            raise ContentError(path, _key_line(yaml_text, str(key)), f"unknown key {_SHOWN.repr(key)} (known keys: {known})")
        parser, _ = FIELDS[key]
        try:
            values[key] = parser(value)
        except ValueError as exc:
            raise ContentError(path, _key_line(yaml_text, key), f"{key}: {exc}") from None
    for key, (_, required) in FIELDS.items():
        if required and key not in values:
            raise ContentError(path, 2, f"required key {key!r} is missing")
    problem = _published_problem(values.get("published"), today)
    if problem:
        raise ContentError(path, _key_line(yaml_text, "published"), f"published: {problem}")
    _check_body(path, body, body_line)
    values.setdefault("language", "ar")
    return Article(path=path, body=body, body_line=body_line, **values)


def _published_problem(published: date | None, today: date | None) -> str | None:
    if published is None:
        return None
    if published < EARLIEST_PUBLISHED:
        return f"{published.isoformat()} is before {EARLIEST_PUBLISHED.year}: a typing slip?"
    if today is not None and published > today:
        return f"{published.isoformat()} is in the future (today is {today.isoformat()})"
    return None


def _check_body(path: Path, body: str, body_line: int) -> None:
    """A body must hold text, and only characters a web page and a feed can carry."""
    if not body.strip():
        raise ContentError(path, body_line, "the report has no text after its front matter")
    bad = _NOT_TEXT.search(body)
    if bad:
        line = body_line + body.count("\n", 0, bad.start())
        raise ContentError(path, line, f"character U+{ord(bad.group()):04X} is a control character, not text: remove it")


class Known(Protocol):
    """Reports as an earlier build read them (waqai.incremental.cache.ReportCache), by a key of the file."""

    def lookup(self, key: str) -> Any | None: ...

    def keep(self, key: str, value: Any) -> None: ...


def load_article(path: Path, today: date | None = None, known: Known | None = None) -> Article:
    """Read and validate one report file; with `known`, a file read before (the same path,
    bytes and `today`) is not parsed again: its front matter's YAML was most of a second
    of every rebuild at 10,000 reports."""
    data = read_file(path, MAX_REPORT_BYTES)
    if len(data) > MAX_REPORT_BYTES:
        limit = MAX_REPORT_BYTES // 1024
        raise ContentError(path, None, f"{os.path.getsize(path) // 1024} KiB is too big for one report (at most {limit} KiB): split it")
    if known is None:
        return parse_article(path, decode_utf8(path, data), today)
    key = hashlib.sha256(f"{path}\0{today}\0".encode() + data).hexdigest()
    found = known.lookup(key)
    if found is None:
        found = parse_article(path, decode_utf8(path, data), today)
        known.keep(key, found)
    return found


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (at most `limit` + 1), or ContentError.

    Opened without blocking and checked once open: a named pipe would make the
    build wait forever for a writer, and a folder, a link loop or a broken link
    would end it in a traceback."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise ContentError(path, None, _cannot_open(path, exc)) from None
    try:
        kind = _not_a_file(os.fstat(fd).st_mode)
        if kind:
            raise ContentError(path, None, kind)
        with open(fd, "rb", closefd=False) as file:
            return file.read() if limit is None else file.read(limit + 1)
    except OSError as exc:
        raise ContentError(path, None, f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


# What an entry of content/articles/ is when it is not a file, by its mode.
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _not_a_file(mode: int) -> str | None:
    """Why a path of this mode is not read as a file, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"{kind}, not a file: only files are read; move it out of the folder"


def _cannot_open(path: Path, exc: OSError) -> str:
    """The problem of a path that cannot be opened, said of what it is (a link, most often)."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link that leads back to itself (a loop): remove it"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"a broken symbolic link (to {os.readlink(path)!r}, which does not exist): remove it or restore its target"
    return f"cannot read: {exc.strerror}"


def decode_utf8(path: Path, data: bytes) -> str:
    """`data` as text, or ContentError naming the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problem = f"not UTF-8 text ({exc.reason} at byte {exc.start}): save the file as UTF-8"
        raise ContentError(path, line, problem) from None


def load_articles(paths: Iterable[Path], today: date | None = None, known: Known | None = None) -> list[Article]:
    """Load reports, stopping at the first problem (see `read_articles`)."""
    articles, problems = read_articles(paths, today, known)
    if problems:
        raise problems[0]
    return articles


def read_articles(paths: Iterable[Path], today: date | None = None, known: Known | None = None) -> tuple[list[Article], list[ContentError]]:
    """Every valid report, and one ContentError per broken one (`waqai check` lists them all);
    `known`: see load_article.

    Two reports may not share an id, nor ids whose pages differ only in case
    (one file on macOS and Windows) or that name one of the fixed pages of reports/.
    """
    articles: list[Article] = []
    problems: list[ContentError] = []
    pages: dict[str, Article | None] = {page.casefold(): None for page in (REPORTS, UNDATED)}
    for path in sorted(paths):
        try:
            article = load_article(path, today, known)
        except ContentError as exc:
            problems.append(exc)
            continue
        page = report_page(article.id)
        key = page.casefold()
        if key in pages:
            problems.append(ContentError(path, 2, _collision(article.id, page, pages[key])))
            continue
        pages[key] = article
        articles.append(article)
    return articles, problems


def _collision(article_id: str, page: str, other: Article | None) -> str:
    if other is None:
        return f"id {article_id!r} would overwrite the site's page {page}: choose another id"
    if other.id == article_id:
        return f"id {article_id!r} is already used by {other.path}"
    return f"id {article_id!r} differs only in case from {other.id!r} of {other.path}: their pages would be one file on macOS and Windows"


def load_content(content_dir: Path, today: date | None = None, known: Known | None = None) -> list[Article]:
    """The reports of a content folder, validated, or the first problem: what `waqai build` reads."""
    return load_articles(article_paths(content_dir), today, known)


def article_paths(content_dir: Path) -> list[Path]:
    """The report files of a content folder (list_articles), or its first problem."""
    paths, problems = list_articles(content_dir)
    if problems:
        raise problems[0]
    return paths


def list_articles(content_dir: Path) -> tuple[list[Path], list[ContentError]]:
    """The report files of a content folder, in a stable order: that of `sorted(folder.glob("*.md"))`
    (names compared as the system does, without case on Windows), found and sorted as
    names, a tenth of the time pathlib takes for 10,000 reports; and one ContentError per
    `*.md` that is not a report file (a folder, a pipe, a broken link or a link loop, a link
    out of the content folder). Hidden names are not reports: an editor's lock file
    (`.#x.md`, a broken link while the report is open) or a macOS `._x.md`."""
    folder = content_dir / "articles"
    if not folder.is_dir():
        raise ContentError(folder, None, "no articles folder: reports go in content/articles/*.md")
    with os.scandir(folder) as listing:
        entries = {entry.name: entry for entry in listing if not entry.name.startswith(".")}
    paths: list[Path] = []
    problems: list[ContentError] = []
    for name in sorted(fnmatch.filter(entries, "*.md"), key=os.path.normcase):
        path = folder / name
        problem = None if entries[name].is_file(follow_symlinks=False) else _not_a_report(path, content_dir)
        if problem:
            problems.append(ContentError(path, None, problem))
        else:
            paths.append(path)
    return paths, problems


def _not_a_report(path: Path, content_dir: Path) -> str | None:
    """Why an entry that is not a plain file is not read as a report, or None: a symbolic
    link to a file of the content folder is read; one to a file elsewhere would publish
    whatever it points at (a draft, a private file) without anyone adding it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _cannot_open(path, exc)
    kind = _not_a_file(mode)
    if kind:
        return kind
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(content_dir.resolve()):
        return f"a symbolic link to a file outside the content folder ({target}): copy the report into the folder instead"
    return None
