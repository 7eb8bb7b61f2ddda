"""The release: a folder a data user can use without the repository, and its zip.

`build` writes build/release/ and build/<name>-<version>.zip (the same folder under the name
<name>-<version>/). Inside, every command of its README works as it is:

- README.md (Chinese and English, from scripts/release_readme.md), CHANGELOG.md, CITATION.cff;
- LICENSE-DATA (CC-BY-4.0, the data) and LICENSE-CODE (MIT, the SQL, R and Python code);
- datapackage.json: the repository's resources plus one per view of sql/views.sql
  (data/views/<view>.csv), so readr or a spreadsheet gets the panel and views too;
- data/ (CSV), sources/ (archived texts), sql/ (the DuckDB CLI quick start runs there),
  education.duckdb, parquet/<resource>.parquet for every table and view;
- read_package.R (readr, typed from datapackage.json), pyproject.toml and the
  china_local_education loader (`pip install .` there);
- explorer/ (the static site, when the build made one).
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
    """Write out_dir/release/ (replacing an older one) and Parquet files into out_dir/parquet/."""
    rel = out_dir / FOLDER
    if rel.exists():
        shutil.rmtree(rel)
    rel.mkdir(parents=True)
    _copy(root, rel)
    descriptor = load_descriptor(root)
    descriptor["resources"] = descriptor["resources"] + _views(database, root, rel)
    (rel / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.copy2(database, rel / database.name)
    (out_dir / "parquet").mkdir(parents=True, exist_ok=True)
    (rel / "parquet").mkdir()
    counts = {}
    con = duckdb.connect(str(database), read_only=True)
    try:
        package = {t.name for t in tables(root)}
        for r in descriptor["resources"]:   # a view's rows in the order of its CSV (ORDER BY ALL)
            path = parquet.write(con, r["name"], r["schema"], out_dir / "parquet" / f"{r['name']}.parquet",
                                 ordered=r["name"] not in package)
            shutil.copy2(path, rel / "parquet" / path.name)
            counts[r["name"]] = parquet.rows(path)
    finally:
        con.close()
    if site is not None and site.exists():
        shutil.copytree(site, rel / "explorer")
    (rel / "README.md").write_text(readme(descriptor, counts), encoding="utf-8")
    return rel


def package_zip(rel: Path, out_dir: Path) -> Path:
    """The release folder as <name>-<version>.zip holding one folder <name>-<version>/. Fixed
    timestamps, so the same content gives the same bytes."""
    desc = load_descriptor(rel)
    stem = f"{desc['name']}-{desc['version']}"
    path = out_dir / f"{stem}.zip"
    files = sorted(p for p in rel.rglob("*") if p.is_file())
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for f in files:
            info = zipfile.ZipInfo(f"{stem}/{f.relative_to(rel).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, f.read_bytes())
    return path
