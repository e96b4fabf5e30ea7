"""Third-party files the site serves (assets/vendor/vendor.yaml): read from the package,
checked against their recorded sha256, so a site never ships a file nobody reviewed."""
from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from ..errors import ContentError
from ..content.datafiles import read_yaml

VENDOR = Path(str(resources.files("waqai") / "assets" / "vendor"))


def vendored_file(name: str, file: str, folder: Path = VENDOR) -> bytes:
    """One vendored file's bytes, its hash checked against vendor.yaml."""
    manifest = folder / "vendor.yaml"
    sha256 = read_yaml(manifest)[name]["files"][file]
    data = (folder / name / file).read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ContentError(manifest, None, f"{name}/{file} is not the file recorded (sha256 differs): run fetch.sh")
    return data


def vendored_files(folder: Path = VENDOR) -> dict[str, bytes]:
    """Each vendored file the site serves, by its path there (`assets/vendor/NAME/FILE`), its hash checked."""
    return {
        f"assets/vendor/{name}/{file}": vendored_file(name, file, folder)
        for name, package in read_yaml(folder / "vendor.yaml").items()
        if package.get("served", True)
        for file in package["files"]
    }
