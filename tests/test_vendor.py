"""The third-party files the site serves are the ones recorded, byte for byte, with their licence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from waqai.errors import ContentError
from waqai.render.vendor import VENDOR, vendored_files


def test_plotly_s_basic_bundle_is_served_with_its_licence() -> None:
    files = vendored_files()
    bundle = files["assets/vendor/plotly.js-basic-dist-min/plotly-basic.min.js"]
    assert bundle.startswith(b"/**\n* plotly.js (basic - minified) v4.1.1")
    assert b"MIT" in files["assets/vendor/plotly.js-basic-dist-min/LICENSE"]


def test_a_changed_file_stops_the_build_naming_it(tmp_path: Path) -> None:
    copy = tmp_path / "vendor"
    shutil.copytree(VENDOR, copy)
    with (copy / "plotly.js-basic-dist-min" / "plotly-basic.min.js").open("ab") as bundle:
        bundle.write(b"\n// edited by hand")
    with pytest.raises(ContentError, match="plotly-basic.min.js is not the file recorded"):
        vendored_files(copy)
