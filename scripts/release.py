"""The release: a folder a data user can use without the repository, and its zip.

`python -m scripts release` (build with `with_release=True`) writes build/release/ and
build/<name>-<version>.zip (the same folder under the name <name>-<version>/), after the build
has written the database and Parquet files it ships. Inside, every command of its README works
as it is:

- README.md (Chinese and English, from scripts/release_readme.md), CHANGELOG.md, CITATION.cff;
- LICENSE-DATA (CC-BY-4.0, the data) and LICENSE-CODE (MIT, the SQL, R and Python code);
- datapackage.json: the repository's resources plus one per view of sql/views.sql
  (data/views/<view>.csv), so readr or a spreadsheet gets the panel and views too;
- data/ (CSV), sources/ (archived texts), sql/ (the DuckDB CLI quick start runs there),
  education.duckdb, parquet/<resource>.parquet for every table and view;
- read_package.R (readr, typed from datapackage.json), pyproject.toml and the
  china_local_education loader (`pip install .` there);
- explorer/ (the static site, when the build made one).

The zip stores files that are already compressed (Parquet) as they are and deflates the others
at level 1 (about four times faster than the default level 6 for 10-30% more bytes), reading
each file in chunks, so neither time nor memory is spent recompressing.
"""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import duckdb

from . import dictionary, parquet, views
from .metadata import ROOT as REPOSITORY
from .metadata import load_descriptor, tables

FOLDER = "release"
# Files of the package (taken from the package root, or from this repository when the package
# root lacks them, as a synthetic package for the benchmark does) and the code shipped with it.
COPIED = {"CITATION.cff": "CITATION.cff", "CHANGELOG.md": "CHANGELOG.md", "LICENSE": "LICENSE-CODE",
          "LICENSE-DATA": "LICENSE-DATA", "scripts/read_package.R": "read_package.R", "pyproject.toml": "pyproject.toml"}
TREES = {"sources": "sources", "sql": "sql", "china_local_education": "china_local_education"}
README_TEMPLATE = Path(__file__).with_name("release_readme.md")
# The loader's pyproject.toml bundles the build's Parquet files; in the release they sit beside it.
PYPROJECT_PATHS = {'"build/parquet"': '"parquet"'}


def _own(root: Path, rel_path: str) -> Path:
    return root / rel_path if (root / rel_path).exists() else REPOSITORY / rel_path


def _copy(root: Path, rel: Path) -> None:
    for src, dst in COPIED.items():
        shutil.copy2(_own(root, src), rel / dst)
    for src, dst in TREES.items():
        shutil.copytree(_own(root, src), rel / dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "parquet"))
    for t in tables(root):
        (rel / t.path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(t.file, rel / t.path)
    (rel / "docs").mkdir()
    (rel / "docs" / "data-dictionary.md").write_text(dictionary.render(root), encoding="utf-8")
    text = (rel / "pyproject.toml").read_text(encoding="utf-8")
    for old, new in PYPROJECT_PATHS.items():
        text = text.replace(old, new)
    (rel / "pyproject.toml").write_text(text, encoding="utf-8")


def _views(database: Path, root: Path, rel: Path) -> list[dict]:
    """Export every view of the built database to data/views/ and describe it."""
    (rel / views.FOLDER).mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), read_only=True)
    try:
        out = []
        for name in views.view_names(con, [t.name for t in tables(root)]):
            views.export(con, name, rel / views.FOLDER / f"{name}.csv")
            out.append(views.resource(con, name))
        return out
    finally:
        con.close()


def readme(descriptor: dict, counts: dict[str, int]) -> str:
    """The release README: the template with the version and a table of the resources."""
    rows = ["| resource 资源 | rows 行数 | file 文件 | what 内容 |", "|---|---:|---|---|"]
    for r in descriptor["resources"]:
        title = r.get("title", "") + (f" / {r['titleZh']}" if r.get("titleZh") else "")
        rows.append(f"| `{r['name']}` | {counts[r['name']]} | `{r['path']}`, `parquet/{r['name']}.parquet` | {title} |")
    text = README_TEMPLATE.read_text(encoding="utf-8")
    return (text.replace("{{version}}", descriptor["version"]).replace("{{name}}", descriptor["name"])
            .replace("{{resources}}", "\n".join(rows)))


def assemble(root: Path, out_dir: Path, database: Path, site: Path | None = None) -> Path:
    """Write out_dir/release/ (replacing an older one) from the package and the build's outputs
    in out_dir: the database and the Parquet files of out_dir/parquet/ (build.write_parquet)."""
    rel = out_dir / FOLDER
    if rel.exists():
        shutil.rmtree(rel)
    rel.mkdir(parents=True)
    _copy(root, rel)
    descriptor = load_descriptor(root)
    descriptor["resources"] = descriptor["resources"] + _views(database, root, rel)
    (rel / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.copy2(database, rel / database.name)
    (rel / "parquet").mkdir()
    counts = {}
    for r in descriptor["resources"]:
        built = out_dir / "parquet" / f"{r['name']}.parquet"
        if not built.exists():
            raise FileNotFoundError(f"{built}: no Parquet file for resource {r['name']}; build the package first")
        shutil.copy2(built, rel / "parquet" / built.name)
        counts[r["name"]] = parquet.rows(built)
    if site is not None and site.exists():
        shutil.copytree(site, rel / "explorer")
    (rel / "README.md").write_text(readme(descriptor, counts), encoding="utf-8")
    return rel


# Files already compressed: deflating them again costs time and saves nothing.
STORED = {".parquet", ".zip", ".gz", ".png", ".jpg", ".jpeg"}
LEVEL = 1
CHUNK = 1 << 22
# ZipFile.open(info, 'w') compresses at the member's own level: ZipInfo.compress_level from
# Python 3.13, _compresslevel before (zipfile has no public setter for it before 3.13).
_LEVEL_SLOT = "compress_level" if "compress_level" in zipfile.ZipInfo.__slots__ else "_compresslevel"


def package_zip(rel: Path, out_dir: Path) -> Path:
    """The release folder as <name>-<version>.zip holding one folder <name>-<version>/. Fixed
    timestamps, so the same content gives the same bytes."""
    desc = load_descriptor(rel)
    stem = f"{desc['name']}-{desc['version']}"
    path = out_dir / f"{stem}.zip"
    files = sorted(p for p in rel.rglob("*") if p.is_file())
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as zf:
        for f in files:
            info = zipfile.ZipInfo(f"{stem}/{f.relative_to(rel).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if f.suffix.lower() in STORED else zipfile.ZIP_DEFLATED
            setattr(info, _LEVEL_SLOT, LEVEL)
            info.external_attr = 0o644 << 16
            info.file_size = f.stat().st_size   # lets zipfile pick ZIP64 for a member over 2 GiB up front
            with open(f, "rb") as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
    return path
