"""Loading and validating reports: each broken front matter names its file and line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from waqai.content.reports import article_paths, load_articles, parse_article
from waqai.errors import ContentError

PATH = Path("content/articles/x.md")
GOOD = """---
id: "r-001"
title: "قوات تتقدم في ريف دير الزور"
outlet: "مرصد تجريبي"
url: null
published: 2019-02-10
published_basis: "text"
language: ar
---
تقدمت القوات نحو البلدة.
"""


def test_valid_report():
    article = parse_article(PATH, GOOD)
    assert (article.id, article.title, article.outlet, article.published) == ("r-001", "قوات تتقدم في ريف دير الزور", "مرصد تجريبي", date(2019, 2, 10))
    assert article.body == "تقدمت القوات نحو البلدة.\n"
    assert article.body_line == 10
    assert GOOD.splitlines()[article.body_line - 1] == "تقدمت القوات نحو البلدة."


@pytest.mark.parametrize(
    ("change", "line", "problem"),
    [
        (('outlet: "مرصد تجريبي"', "outlet: مرصد: تجريبي"), 4, "not valid YAML"),
        (("language: ar", "lang: ar"), 8, "unknown key 'lang'"),
        (("published: 2019-02-10", "published: أمس"), 6, "published: must be a date"),
        (("published: 2019-02-10", "published: 2019-02-30"), 6, "published: must be a date"),
        (('id: "r-001"', 'id: "تقرير"'), 2, "id: must use only Latin letters"),
        (('id: "r-001"\n', ""), 2, "required key 'id' is missing"),
        (('title: "قوات تتقدم في ريف دير الزور"', 'title: ""'), 3, "title: must be a non-empty text"),
        (("language: ar", "language: en"), 8, "language: must be 'ar'"),
        (("---\nid", "id"), 1, "front matter missing"),
    ],
)
def test_broken_front_matter_names_line_and_problem(change, line, problem):
    raw = GOOD.replace(*change, 1)
    with pytest.raises(ContentError) as err:
        parse_article(PATH, raw)
    assert err.value.line == line
    assert problem in err.value.problem
    assert str(err.value).startswith(f"{PATH}:{line}: ")
    assert "\n" not in str(err.value)


def test_front_matter_not_closed():
    with pytest.raises(ContentError, match="not closed"):
        parse_article(PATH, "---\nid: x\n")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_two_reports_with_one_id_are_refused(tmp_path):
    _write(tmp_path, "a.md", GOOD)
    _write(tmp_path, "b.md", GOOD.replace("قوات تتقدم", "قوات تتقدّم"))
    with pytest.raises(ContentError, match="already used by"):
        load_articles(article_paths(tmp_path))


def test_reports_load_in_file_order(tmp_path):
    _write(tmp_path, "b.md", GOOD.replace("r-001", "r-002"))
    _write(tmp_path, "a.md", GOOD)
    assert [a.id for a in load_articles(article_paths(tmp_path))] == ["r-001", "r-002"]


def test_missing_articles_folder(tmp_path):
    with pytest.raises(ContentError, match="no articles folder"):
        article_paths(tmp_path)


def test_not_utf8(tmp_path):
    path = _write(tmp_path, "a.md", "")
    path.write_bytes(GOOD.encode("cp1256"))
    with pytest.raises(ContentError, match="not UTF-8"):
        load_articles([path])


TYPED = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))  # what an editor types on one line


BODY = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff") | st.sampled_from("\n\t"), min_size=1).filter(str.strip)


@given(title=st.text(TYPED, min_size=1).filter(str.strip), body=BODY)
def test_any_title_and_body_round_trip(title, body):
    """Whatever an editor types as a title (YAML-quoted) and body comes back unchanged."""
    meta = yaml.safe_dump({"id": "r-1", "title": title}, allow_unicode=True)
    body = body.replace("\r", "")
    article = parse_article(PATH, f"---\n{meta}---\n{body}")
    assert article.title == title.strip()
    assert article.body == body


def test_content_error_survives_a_worker_process():
    """Parallel extraction sends errors back by pickling them."""
    import pickle

    err = pickle.loads(pickle.dumps(ContentError(PATH, 3, "bad date")))
    assert (err.path, err.line, err.problem, str(err)) == (PATH, 3, "bad date", f"{PATH}:3: bad date")
