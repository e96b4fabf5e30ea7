"""The editorial data beside the reports: a broken file names its line, a missing one what the site loses.

On a copy of the default content, already built: content/actors.yaml saved in
another encoding stops `waqai build` and `waqai check` at `content/actors.yaml:LINE`
(the line of the first byte that is not UTF-8), the site kept as it was; with
content/places.yaml and actors.yaml deleted the build goes on, but says for
each which pages the site loses, and `waqai check --strict` refuses it.
"""
from __future__ import annotations

from project_copy import refused_by_build_and_check, waqai


def test_actors_not_utf8_is_refused_at_its_line(project_copy):
    actors = project_copy / "content" / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_bytes(text.encode("cp1256"))
    first = next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())
    assert refused_by_build_and_check(project_copy).startswith(f"content/actors.yaml:{first}: not UTF-8 text")


def test_deleted_places_and_actors_are_named_with_what_the_site_loses(project_copy):
    for name in ("places.yaml", "actors.yaml"):
        (project_copy / "content" / name).unlink()
    build = waqai(project_copy, "build", "--quiet")
    assert build.status == 0 and "Traceback" not in build.stderr
    lines = build.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["content/places.yaml", "content/actors.yaml"]
    assert "warning: missing" in lines[0] and "no place pages" in lines[0] and "no actor pages" in lines[1]
    check, strict = waqai(project_copy, "check"), waqai(project_copy, "check", "--strict")
    assert (check.status, strict.status) == (0, 1)
    assert check.stderr.splitlines()[:2] == strict.stderr.splitlines() == lines
