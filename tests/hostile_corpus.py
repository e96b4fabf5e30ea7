"""The hostile corpus (tests/hostile/content) and what a page built from it may not contain.

The reports there carry script tags, event handlers, `javascript:` links,
Markdown, Jinja2 and MkDocs syntax and spreadsheet formulas inside ordinary
Arabic sentences. `hostile_content` copies them and adds the variants a
repository cannot hold as they are (a UTF-8 BOM with Windows line endings).
Every payload calls alert() with a marker `xss-...`: a page is safe when no
element, attribute or script of it carries a marker, while its text does.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "hostile" / "content"
MARKER = re.compile(r"xss-[a-z-]+")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href"}

# Each generated report: (file name, bytes). The BOM and "\r\n" must reach the build as they are.
BOM_CRLF = (
    "\ufeff---\r\n"
    'id: "hostile-bom-crlf"\r\n'
    "title: \"<img src=x onerror=alert('xss-crlf-title')> تقرير بنهايات أسطر ويندوز\"\r\n"
    "published: 2019-02-12\r\n"
    "---\r\n"
    "هاجم مسلحون نقطة عسكرية <b onclick=\"alert('xss-crlf')\">قرب</b> البلدة يوم الاثنين الـ 11 من شباط 2019.\r\n"
).encode("utf-8")
GENERATED = {"hostile-bom-crlf.md": BOM_CRLF}

# Sentences the report pages must show as text, exactly as written (decoded from the HTML).
VISIBLE = {
    "reports/hostile-markup/index.html": [
        "<script>alert('xss-title')</script>",
        "<img src=x onerror=\"alert('xss-img')\">",
        "<script>alert('xss-body')</script>",
        "[اضغط هنا](javascript:alert('xss-link'))",
        "![صورة](javascript:alert('xss-image'))",
        "<!-- تعليق مخفي -->",
        "{{ 7 * 7 }}",
        "{% raw %}",
        '--8<-- "/etc/passwd"',
        "&lt;script&gt;",
    ],
    "reports/hostile-syntax/index.html": [
        "{: onclick=\"alert('xss-attr')\" }",
        "<style>body{display:none}</style>",
        "<script>alert('xss-fence')</script>",
    ],
    "reports/hostile-bom-crlf/index.html": ["<b onclick=\"alert('xss-crlf')\">قرب</b>"],
}


def hostile_content(dest: Path) -> Path:
    """A content folder with the corpus and the generated reports; returns it."""
    content = dest / "content"
    shutil.copytree(CORPUS, content)
    for name, data in GENERATED.items():
        (content / "articles" / name).write_bytes(data)
    return content


_BUILT: dict[str, Path] = {}


def built_hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/site/ of the corpus, built once per test session (the CLI in a subprocess) for every file that asks."""
    if "site" not in _BUILT:
        root = tmp_path_factory.mktemp("hostile")
        content = hostile_content(root)
        result = subprocess.run(
            [sys.executable, "-m", "waqai.cli", "build", "--quiet", "--jobs", "1", "--content", str(content), "--out", str(root / "build")],
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"the hostile corpus must build:\n{result.stderr}"
        _BUILT["site"] = root / "build" / "site"
    return _BUILT["site"]


class _Scan(HTMLParser):
    """Collects what would run or load: marked attributes, URLs and scripts; and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARKER.search(value):
                self.injected.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith(("javascript:", "data:text/html")):
                self.injected.append(f"<{tag} {name}={value!r}>")
        if tag in ("style", "iframe", "object", "embed") or (tag in ("img", "svg") and dict(attrs).get("src") == "x"):
            self.injected.append(f"<{tag}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and MARKER.search(data):
            self.injected.append(f"<script>{data[:80]}")
        elif not self._in_script:
            self.text.append(data)


def scan(html: str) -> tuple[list[str], str]:
    """(elements and attributes that a browser would run or load from hostile text, the page's text)."""
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser.injected, "".join(parser.text)
