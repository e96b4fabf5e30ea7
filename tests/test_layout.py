"""The folders are the pipeline: a stage imports only the stages before it, never the cache.

content -> extract -> timeline -> render -> site; `incremental` (the cache) wraps the
stages from outside, so no stage module imports it. Top-level modules (cli, build,
settings, errors, records, collector) may be imported by a stage only when they are
plain records or errors.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "waqai"
STAGES = ("content", "extract", "timeline", "render", "site")
SHARED = {"records", "errors", "settings", "collector", "__init__"}  # top-level modules any stage may use


def _imports(path: Path) -> set[str]:
    """The waqai modules `path` imports, as dotted names relative to the package."""
    here = path.relative_to(PACKAGE).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - (node.level - 1)])
                module = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and (node.module == "waqai" or node.module.startswith("waqai.")):
                module = node.module.split(".")[1:]
            else:
                continue
            if module:
                found.add(".".join(module))
            else:  # `from .. import x`: a module of the package's root, or a name of its __init__
                found.update(a.name if (PACKAGE / f"{a.name}.py").exists() or (PACKAGE / a.name).is_dir() else "__init__" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("waqai.") for a in node.names if a.name.startswith("waqai."))
    return found


def _stage_modules() -> list[tuple[str, Path]]:
    return [(stage, path) for stage in STAGES for path in sorted((PACKAGE / stage).rglob("*.py"))]


@pytest.mark.parametrize("stage, path", _stage_modules(), ids=lambda p: p if isinstance(p, str) else p.name)
def test_a_stage_imports_only_the_stages_before_it(stage: str, path: Path) -> None:
    allowed = set(STAGES[: STAGES.index(stage) + 1]) | SHARED
    wrong = sorted(name for name in _imports(path) if name.split(".")[0] not in allowed)
    assert not wrong, f"{path.relative_to(PACKAGE)} ({stage}) imports {wrong}"


def test_the_top_level_is_short() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= 12, modules
    assert {"content", "extract", "timeline", "render", "site", "incremental", "data"} <= {p.name for p in PACKAGE.iterdir() if p.is_dir()}


def test_waqai_extract_loads_no_site_machinery() -> None:
    """`waqai extract` answers an editor in a fraction of a second: it never imports the
    libraries of the site (pandas and plotly for the charts, MkDocs, Jinja2)."""
    import subprocess
    import sys

    report = sorted((PACKAGE.parents[1] / "content" / "articles").glob("*.md"))[0]
    probe = (
        "import sys, runpy; sys.argv = ['waqai', 'extract', sys.argv[1]]\n"
        "try:\n    runpy.run_module('waqai.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'plotly', 'mkdocs', 'jinja2'})), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(report)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1:] in ([], [""]), result.stderr
