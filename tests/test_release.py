"""The release works without the repository: unzipped into an empty folder, every command of its
README runs there (DuckDB CLI, pandas, polars, R with readr, the pip-installed loader,
frictionless), and it holds what its README says.

Expectations come from datapackage.json and from running sql/views.sql afresh, never from the
release itself, so a view missing from the release or a wrongly typed file cannot agree with itself.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from scripts.metadata import ROOT, load_descriptor

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def built(real_build):
    return real_build


@pytest.fixture(scope="module")
def unzipped(built, tmp_path_factory) -> Path:
    """The release zip unzipped into an empty folder: the one folder it holds."""
    dest = tmp_path_factory.mktemp("user")
    with zipfile.ZipFile(built.archive) as zf:
        zf.extractall(dest)
    (folder,) = list(dest.iterdir())
    return folder


def blocks(readme: str) -> list[tuple[str, str]]:
    """(language, code) of each fenced block of a README."""
    return re.findall(r"```(\w+)\n(.*?)```", readme, flags=re.S)


def _user_python(tmp: Path) -> Path:
    """A fresh virtual environment seeing this interpreter's packages (pandas, polars, pyarrow,
    hatchling) but with nothing of the repository: the data user's Python."""
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "zz_outer.pth").write_text("\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n")
    return venv / "bin" / "python"


def _run(lang: str, code: str, cwd: Path, python: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{python.parent}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               PIP_NO_BUILD_ISOLATION="0", PIP_NO_INDEX="1", PYTHONPATH="")
    if lang == "sh":
        code = code.replace("python3 -m pip", f"{python} -m pip")
        cmd = ["bash", "-euo", "pipefail", "-c", code]
    elif lang == "python":
        cmd = [str(python), "-c", code]
    elif lang == "r":
        rscript = shutil.which("Rscript")
        if rscript is None:
            pytest.skip("Rscript not installed: install r-base-core r-cran-readr r-cran-jsonlite (.ci/run does)")
        cmd = [rscript, "-e", code]
    else:
        raise AssertionError(f"README block in an unknown language {lang!r}")
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_every_readme_command_works_in_the_unzipped_release(unzipped, tmp_path):
    code = blocks((unzipped / "README.md").read_text(encoding="utf-8"))
    text = "\n".join(c for _, c in code)
    # every kind of user has at least one command to run
    for needle in ("duckdb ", "import pandas", "import polars", "library(readr)", "read_package(", "pip install .",
                   "import china_local_education", "frictionless validate"):
        assert needle in text, needle
    python = _user_python(tmp_path)
    for lang, block in code:
        proc = _run(lang, block, unzipped, python)
        assert proc.returncode == 0, f"{lang} block failed:\n{block}\n{proc.stdout}\n{proc.stderr}"
    # the installed loader works from any folder, not only the release's
    away = tmp_path / "elsewhere"
    away.mkdir()
    proc = subprocess.run([str(python), "-c", "import china_local_education as c; p = c.panel(); "
                           "print(c.__file__); print(len(p)); print(p.dtypes['year'])"],
                          cwd=away, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    where, rows, year = proc.stdout.split()
    assert "site-packages" in where and str(unzipped) not in where
    assert int(rows) == _fresh_views()["region_year_panel"] and year == "Int64"


def _fresh_views() -> dict[str, int]:
    """Views sql/views.sql defines, run straight over the repository's CSVs, with their rows."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        con = duckdb.connect()
        con.execute((ROOT / "sql/tables.sql").read_text(encoding="utf-8"))
        before = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        con.execute((ROOT / "sql/views.sql").read_text(encoding="utf-8"))
        names = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal "
                                           "UNION SELECT table_name FROM duckdb_tables()").fetchall()]
        return {n: con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names if n not in before}
    finally:
        os.chdir(cwd)


def test_release_ships_every_table_and_view_as_csv_and_parquet(unzipped):
    import pyarrow.parquet as pq
    desc = json.loads((unzipped / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in desc["resources"]}
    expected = _fresh_views()
    assert "region_year_panel" in expected
    repo = load_descriptor(ROOT)
    assert list(resources)[:len(repo["resources"])] == [r["name"] for r in repo["resources"]]
    assert set(resources) == {r["name"] for r in repo["resources"]} | set(expected)
    for name, n in expected.items():
        assert (unzipped / resources[name]["path"]).exists(), name
        assert pq.read_metadata(unzipped / "parquet" / f"{name}.parquet").num_rows == n, name
    for name in resources:
        assert (unzipped / "parquet" / f"{name}.parquet").exists(), name
    for folder in ("sql", "sources"):
        assert sorted(p.name for p in (unzipped / folder).iterdir()) == sorted(p.name for p in (ROOT / folder).iterdir())
    assert (unzipped / "education.duckdb").stat().st_size > 0
    assert (unzipped / "explorer" / "index.html").exists()
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as fh:
        ids = sorted(r["id"] for r in csv.DictReader(fh))
    assert sorted(p.stem for p in (unzipped / "explorer" / "sources").glob("*.html")) == ids


def test_data_and_code_licences_are_apart(unzipped):
    data = (unzipped / "LICENSE-DATA").read_text(encoding="utf-8")
    code = (unzipped / "LICENSE-CODE").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in data and "Section 3" in data
    assert code.startswith("MIT License")
    assert load_descriptor(ROOT)["licenses"][0]["name"] == "CC-BY-4.0"


def test_the_release_readme_is_not_the_developers(unzipped):
    text = (unzipped / "README.md").read_text(encoding="utf-8")
    assert "python -m scripts" not in text and ".venv" not in text
    assert load_descriptor(ROOT)["version"] in text.splitlines()[0]
    assert re.search(r"[\u4e00-\u9fff]", text)   # Chinese alongside English


def test_pip_install_at_the_repository_root_ships_the_loader_and_data_not_scripts(built, tmp_path):
    """The wheel `pip install .` builds at the repository root (after a build) holds the loader
    with every Parquet file, and no generic top-level name such as `scripts`."""
    src = tmp_path / "repo"
    src.mkdir()
    for f in ("pyproject.toml", "datapackage.json", "README.md", "LICENSE", "LICENSE-DATA"):
        shutil.copy2(ROOT / f, src / f)
    shutil.copytree(ROOT / "china_local_education", src / "china_local_education",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(built.database.parent / "parquet", src / "build" / "parquet")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "-w", str(tmp_path / "wheel"), str(src)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    assert load_descriptor(ROOT)["version"] in wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {"china_local_education"}
    shipped = {Path(n).stem for n in names if n.endswith(".parquet")}
    assert shipped == {p.stem for p in (built.database.parent / "parquet").glob("*.parquet")} and "region_year_panel" in shipped


def test_a_view_of_any_column_type_ships_typed_or_as_text(tmp_path):
    """views.py names no view: whatever a view holds is exported, typed from DuckDB's catalogue,
    a type Frictionless lacks (a list) as its text."""
    from scripts import views
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT 1 AS n")
    con.execute("CREATE VIEW v AS SELECT 2::BIGINT AS i, 1.5 AS x, DATE '2020-01-02' AS d, true AS b, 'a' AS s, [1, 2] AS l, "
                "NULL::BIGINT AS missing")
    con.execute("COMMENT ON VIEW v IS 'Test view / 测试视图: what it holds.'")
    assert views.view_names(con, ["t"]) == ["v"]
    r = views.resource(con, "v")
    assert {f["name"]: f["type"] for f in r["schema"]["fields"]} == \
        {"i": "integer", "x": "number", "d": "date", "b": "boolean", "s": "string", "l": "string", "missing": "integer"}
    assert (r["title"], r["titleZh"], r["description"]) == ("Test view", "测试视图", "what it holds.")
    assert views.export(con, "v", tmp_path / "v.csv") == 1
    assert (tmp_path / "v.csv").read_text(encoding="utf-8").splitlines() == \
        ["i,x,d,b,s,l,missing", '2,1.5,2020-01-02,true,a,"[1, 2]",']
