"""Bad input gets one clear line naming the file, and costs nothing already built.

Each broken report is refused as `path:line: problem` (exit status 1) by
`waqai check` and `waqai build` alike, and a refused build leaves build/site/
byte for byte as it was. A BOM and Windows line endings are not mistakes:
they are read as if they were not there.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from waqai.cli import main
from waqai.content.reports import MAX_REPORT_BYTES, load_content, read_articles
from waqai.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2024, 5, 1)
GOOD = """---
id: "r-1"
title: "اشتباكات في ريف دير الزور"
outlet: "مرصد تجريبي"
published: 2019-02-10
---
دارت اشتباكات عنيفة في الـ 9 من شباط / فبراير 2019 قرب البلدة.
"""


def good(**changes: str) -> str:
    text = GOOD
    for old, new in changes.items():
        text = text.replace(old, new, 1)
    return text


# Nine levels of nine aliases: 9**9 strings if anything expanded it (a "billion laughs").
BOMB = "[&l0 [x, x, x, x, x, x, x, x, x], " + ", ".join(f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)) + "]"

# name -> (files: {file name: bytes}, line of the error, words of the problem)
REFUSED = {
    "not utf-8": ({"a.md": GOOD.encode("cp1256")}, 3, "not UTF-8 text"),
    "not utf-8, in the body": ({"a.md": GOOD.encode("utf-8") + "تقرير".encode("cp1256")}, 8, "not UTF-8 text"),
    "empty body": ({"a.md": GOOD.split("دارت")[0].encode()}, 7, "no text after its front matter"),
    "blank body": ({"a.md": (GOOD.split("دارت")[0] + "\n  \n\t\n").encode()}, 7, "no text after its front matter"),
    "a control character": ({"a.md": GOOD.replace("قرب", "قرب\n\x00").encode()}, 8, "U+0000 is a control character"),
    "too big": ({"a.md": GOOD.encode() + "قتل 3 مدنيين. ".encode() * (MAX_REPORT_BYTES // 20)}, None, "too big for one report"),
    "duplicate ids": ({"a.md": GOOD.encode(), "b.md": GOOD.encode()}, 2, "id 'r-1' is already used by"),
    "ids that differ in case": ({"a.md": GOOD.encode(), "b.md": good(**{'"r-1"': '"R-1"'}).encode()}, 2, "differs only in case from 'r-1'"),
    "the id of the reports page": ({"a.md": good(**{'"r-1"': '"index"'}).encode()}, 2, "would overwrite the site's page reports/index.md"),
    "the id of the undated page": ({"a.md": good(**{'"r-1"': '"Undated"'}).encode()}, 2, "would overwrite the site's page"),
    "an id that hides the page": ({"a.md": good(**{'"r-1"': '".r-1"'}).encode()}, 2, "id: must use only Latin letters"),
    "published in the future": ({"a.md": good(**{"2019-02-10": "2024-05-02"}).encode()}, 5, "2024-05-02 is in the future (today is 2024-05-01)"),
    "published before 1900": ({"a.md": good(**{"2019-02-10": "1899-12-31"}).encode()}, 5, "before 1900"),
    "a javascript: url": ({"a.md": good(**{"outlet:": "url: \"javascript:alert(1)\"\noutlet:"}).encode()}, 4, "url: must be an http"),
    "a url that ends the link": ({"a.md": good(**{"outlet:": "url: \"https://x.org/a>b\"\noutlet:"}).encode()}, 4, "url: must be an http"),
    "a yaml bomb": ({"a.md": good(**{"published: 2019-02-10": "published: 2019-02-10\nlanguage: " + BOMB}).encode()}, 6, "language: must be 'ar'"),
    "a title on two lines": ({"a.md": good(**{'title: "اشتباكات في ريف دير الزور"': "title: |\n  سطر\n  سطر آخر"}).encode()}, 3, "title: must be a single line"),
}


def _content(root: Path, files: dict[str, bytes]) -> Path:
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    for name, data in files.items():
        (articles / name).write_bytes(data)
    return root / "content"


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_file_and_line(tmp_path, case):
    files, line, problem = REFUSED[case]
    articles, problems = read_articles(sorted((_content(tmp_path, files) / "articles").glob("*.md")), TODAY)
    assert len(problems) == 1, problems
    error = problems[0]
    assert (error.line, error.path.name) == (line, sorted(files)[-1])
    assert problem in error.problem
    assert re.fullmatch(rf"{re.escape(str(error.path))}{f':{line}' if line else ''}: [^\n]{{1,300}}", str(error))
    assert len(articles) == len(files) - 1


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-8-sig"),
        GOOD.replace("\n", "\r\n").encode(),
        GOOD.replace("\n", "\r\n").encode("utf-8-sig"),
        GOOD.replace("\n", "\r").encode(),
    ],
    ids=["bom", "crlf", "bom and crlf", "old mac"],
)
def test_bom_and_windows_line_endings_are_read_as_plain_text(tmp_path, data):
    (article,) = load_content(_content(tmp_path, {"a.md": data}), TODAY)
    (plain,) = load_content(_content(tmp_path / "plain", {"a.md": GOOD.encode()}), TODAY)
    assert article.body == plain.body and "\r" not in article.body and "\ufeff" not in article.body
    assert (article.id, article.title, article.published, article.body_line) == ("r-1", plain.title, plain.published, 7)


@pytest.mark.parametrize("published", ["1900-01-01", "2024-05-01"])
def test_the_edges_of_the_publication_dates_are_accepted(tmp_path, published):
    (article,) = load_content(_content(tmp_path, {"a.md": good(**{"2019-02-10": published}).encode()}), TODAY)
    assert article.published == date.fromisoformat(published)


def test_without_a_reference_date_only_the_past_is_checked(tmp_path):
    content = _content(tmp_path, {"a.md": good(**{"2019-02-10": "2999-01-01"}).encode()})
    assert load_content(content, None)[0].published == date(2999, 1, 1)
    with pytest.raises(ContentError, match="in the future"):
        load_content(content, TODAY)


# ------------------------------------------------------------- the commands


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    """A project folder (templates, mkdocs.yml, a good report) as the working folder, like a pre-commit hook's."""
    _content(tmp_path, {"a.md": GOOD.encode()})
    for data in (ROOT / "content").glob("*.yaml"):  # editorial data (places, actors) beside the report
        shutil.copy(data, tmp_path / "content" / data.name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_accepts_good_content(project):
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "1 reports" in result.stderr and result.stdout == ""


def test_check_lists_every_problem_and_build_stops_at_the_first(project):
    articles = project / "content" / "articles"
    (articles / "b.md").write_text(good(**{"2019-02-10": "1800-01-01", '"r-1"': '"r-2"'}), encoding="utf-8")
    (articles / "c.md").write_bytes(GOOD.replace("r-1", "r-3").encode("cp1256"))
    (project / "content" / "places.yaml").write_text("baghuz: [\n", encoding="utf-8")
    check = CliRunner().invoke(main, ["check"])
    assert check.exit_code == 1
    lines = check.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["content/articles/b.md", "content/articles/c.md", "content/places.yaml"]
    build = CliRunner().invoke(main, ["build", "--quiet"])
    assert build.exit_code == 1 and build.stderr.splitlines() == lines[:1]


def test_check_names_a_missing_content_folder_as_build_does(project):
    shutil.rmtree(project / "content")
    check, build = (CliRunner().invoke(main, [command]) for command in ("check", "build"))
    assert check.exit_code == build.exit_code == 1
    assert check.stderr == build.stderr == "content: --content: no such folder\n"


def test_check_writes_nothing(project):
    before = _hashes(project)
    CliRunner().invoke(main, ["check"])
    assert _hashes(project) == before


@pytest.mark.parametrize("case", ["not utf-8", "empty body", "duplicate ids", "too big"])
def test_a_refused_build_leaves_the_site_as_it_was(project, case):
    site = project / "build" / "site"
    (site / "reports").mkdir(parents=True)
    (site / "index.html").write_text("<html dir=\"rtl\">البناء السابق</html>", encoding="utf-8")
    before = _hashes(project / "build")
    shutil.rmtree(project / "content" / "articles")
    files, _, problem = REFUSED[case]
    _content(project, files)
    result = CliRunner().invoke(main, ["build", "--quiet"])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and problem in result.stderr
    assert _hashes(project / "build") == before


def test_a_report_published_after_today_stops_the_build(project):
    (project / "content" / "articles" / "a.md").write_text(good(**{"2019-02-10": "2999-01-01"}), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--quiet"])
    assert result.exit_code == 1
    assert result.stderr.startswith("content/articles/a.md:5: published: 2999-01-01 is in the future (today is ")
