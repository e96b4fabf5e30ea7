"""The local server's sitemap relocation, which Material's instant navigation depends on."""
from __future__ import annotations

import pytest

from waqai.errors import ChromiumMissing
from waqai.render.browser import find_chromium, relocate_sitemap

SITEMAP = "<urlset><url><loc>{root}</loc></url><url><loc>{root}months/2019-02/</loc></url><url><loc>{root}months/2019-01/</loc></url></urlset>"


@pytest.mark.parametrize("root", ["http://127.0.0.1:8000/", "https://example.github.io/waqai/"])
def test_relocate_sitemap(root: str) -> None:
    relocated = relocate_sitemap(SITEMAP.format(root=root), "http://127.0.0.1:4321/")
    assert relocated == SITEMAP.format(root="http://127.0.0.1:4321/")


def test_empty_sitemap_is_left_alone() -> None:
    assert relocate_sitemap("<urlset></urlset>", "http://127.0.0.1:1/") == "<urlset></urlset>"


def test_missing_chromium_says_how_to_install_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(ChromiumMissing, match="apt-get install -y chromium"):
        find_chromium(tmp_path / "chromium")


def test_pdf_command_without_chromium_exits_1_with_the_fix(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from waqai.cli import main
    from waqai.render import browser

    monkeypatch.setattr(browser, "DEFAULT_CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = CliRunner().invoke(main, ["pdf", "--site", str(tmp_path), "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert "Debian's chromium" in result.output
