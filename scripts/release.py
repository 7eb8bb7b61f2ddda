"""Release artifacts: a zip of the data package as published, next to the Parquet files."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .metadata import load_descriptor

INCLUDE = ("datapackage.json", "README.md", "LICENSE", "CITATION.cff")
FOLDERS = ("data", "sources", "docs")


def package_zip(root: Path, out_dir: Path) -> Path:
    """datapackage.json with data/, sources/ and docs/: what a user downloads. Fixed timestamps
    so the same content gives the same bytes."""
    desc = load_descriptor(root)
    path = out_dir / f"{desc['name']}-{desc['version']}.zip"
    files = [root / f for f in INCLUDE if (root / f).exists()]
    for folder in FOLDERS:
        files += sorted(p for p in (root / folder).rglob("*") if p.is_file())
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for f in files:
            info = zipfile.ZipInfo(f"{desc['name']}/{f.relative_to(root).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, f.read_bytes())
    return path
