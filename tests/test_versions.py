"""One version everywhere: datapackage.json, CITATION.cff and the newest release in CHANGELOG.md
agree (pyproject.toml reads its version from datapackage.json), and the dates agree too."""
import re

from scripts.metadata import ROOT, load_descriptor

RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", re.M)


def _cff(key: str) -> str:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    return re.search(rf"^{key}:\s*\"?([^\"\n]+)\"?$", text, re.M).group(1).strip()


def test_versions_agree():
    version = load_descriptor(ROOT)["version"]
    releases = RELEASE.findall((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert releases, "CHANGELOG.md has no '## [x.y.z] - YYYY-MM-DD' release heading"
    newest, date = releases[0]
    assert version == _cff("version") == newest
    assert _cff("date-released") == date


def test_changelog_releases_are_newest_first():
    releases = RELEASE.findall((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    keys = [tuple(int(x) for x in v.split(".")) for v, _ in releases]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    assert [d for _, d in releases] == sorted((d for _, d in releases), reverse=True)


def test_pyproject_takes_the_version_from_datapackage_json():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in text and 'path = "datapackage.json"' in text
