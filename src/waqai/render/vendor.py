"""Third-party files the site serves (assets/vendor/vendor.yaml): read from the package,
checked against their recorded sha256, so a site never ships a file nobody reviewed."""
from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from ..errors import ContentError
from ..content.datafiles import read_yaml

VENDOR = Path(str(resources.files("waqai") / "assets" / "vendor"))


def vendored_files(folder: Path = VENDOR) -> dict[str, bytes]:
    """Each vendored file by its path on the site (`assets/vendor/NAME/FILE`), its hash checked."""
    manifest = folder / "vendor.yaml"
    files = {}
    for name, package in read_yaml(manifest).items():
        for file, sha256 in package["files"].items():
            data = (folder / name / file).read_bytes()
            if hashlib.sha256(data).hexdigest() != sha256:
                raise ContentError(manifest, None, f"{name}/{file} is not the file recorded (sha256 differs): run fetch.sh")
            files[f"assets/vendor/{name}/{file}"] = data
    return files
