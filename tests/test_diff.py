"""scripts/diff.py on a two-commit fixture repository built from the real package.

Commit 1 is the real package; commit 2 edits enrollment (one row added, one deleted, two cells
of a third changed) and one value in finance. Expected counts, ids, columns and values are
derived from those edits and the rows they touch, so adding rows or regions to the package
needs no change here.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import diff

ROOT = Path(__file__).resolve().parents[1]


def git(root: Path, *args: str) -> str:
    """Run git in the fixture repository, failing the test on any git error."""
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", message)


def namespace(root: Path, base: str, fmt: str = "markdown") -> argparse.Namespace:
    return argparse.Namespace(base=base, root=root, format=fmt)


@pytest.fixture
def repo(real_package):
    """The real package committed once, in a fresh repository with its own identity."""
    root = real_package.root
    git(root, "init", "-q")
    git(root, "config", "user.name", "Fixture")
    git(root, "config", "user.email", "fixture@example.org")
    git(root, "config", "commit.gpgsign", "false")
    commit_all(root, "real package")
    return real_package


@pytest.fixture
def edited(repo):
    """Second commit: enrollment row 0 deleted, a copy of row 5 added as enr-999, row 2's
    value and note changed; finance row 0's value changed."""
    rows = repo.read_rows("enrollment")
    gone, changed = rows[0], rows[2]
    new = dict(rows[5], id=rows[5]["id"].rsplit("-", 1)[0] + "-999")
    old_value = changed["value"]
    changed["value"] = changed["value"] + "1"
    changed["note"] = changed["note"] + " Checked again."
    repo.write_rows("enrollment", rows[1:] + [new])
    finance = repo.read_rows("finance")[0]["value"]
    repo.edit("finance", 0, value=finance + "1")
    commit_all(repo.root, "edit enrollment and finance")
    return dict(gone=gone["id"], added=new["id"], changed=changed["id"], old_value=old_value,
                finance=finance)


def test_counts_ids_and_columns(edited, repo, capsys):
    assert diff.run(namespace(repo.root, "HEAD~1")) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Data changes since `HEAD~1`")
    assert "| enrollment | 1 | 1 | 1 |" in out
    assert "| finance | 0 | 0 | 1 |" in out
    assert "| subsidies |" not in out and "| coverage_exclusions |" not in out
    assert "Unchanged: sources, regions, subsidies, teacher_hiring, construction_projects, coverage_exclusions, " \
           "coverage_passages, indicators, indicator_rules." in out
    assert out.count("<details>") == 2 and out.count("</details>") == 2
    assert f"**Added** (1): `{edited['added']}`" in out
    assert f"**Removed** (1): `{edited['gone']}`" in out
    assert f"- `{edited['changed']}`" in out
    assert f"  - value: `{edited['old_value']}` → `{edited['old_value']}1`" in out
    assert "  - note: " in out and "Checked again." in out
    assert f"  - value: `{edited['finance']}` → `{edited['finance']}1`" in out


def test_long_values_are_cut_near_the_difference(edited, repo, capsys):
    diff.run(namespace(repo.root, "HEAD~1"))
    out = capsys.readouterr().out
    note_line = next(line for line in out.splitlines() if line.startswith("  - note: "))
    old, new = note_line.removeprefix("  - note: ").split(" → ")
    assert old.startswith("`…") and new.startswith("`…")
    assert new.endswith("Checked again.`")
    assert len(new) <= diff.MAX_VALUE + 4      # value, two ellipses at most, two backticks


def test_text_format(edited, repo, capsys):
    assert diff.run(namespace(repo.root, "HEAD~1", "text")) == 0
    out = capsys.readouterr().out
    assert "<details>" not in out and "|" not in out
    assert "enrollment: 1 added, 1 removed, 1 changed" in out
    assert f"  removed: {edited['gone']}" in out
    assert f"    value: '{edited['finance']}' → '{edited['finance']}1'" in out


def test_no_data_changes_on_a_clean_tree(repo, capsys):
    # Rewriting a table with the same values (quoting may differ) is not a data change.
    repo.write_rows("enrollment", repo.read_rows("enrollment"))
    assert diff.run(namespace(repo.root, "HEAD")) == 0
    out = capsys.readouterr().out
    assert "No data changes." in out and "| table |" not in out


def test_composite_key_schema_and_table_changes(repo, capsys):
    descriptor = json.loads((repo.root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "regions"]
    n_regions = len(repo.read_rows("regions"))
    ledger = next(r for r in descriptor["resources"] if r["name"] == "coverage_exclusions")
    ledger["schema"]["fields"] = [f for f in ledger["schema"]["fields"] if f["name"] != "note"]
    (repo.root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    rows = repo.read_rows("coverage_exclusions")
    first, old_reason = rows[0], rows[0]["reason"]
    new_reason = "date" if old_reason == "vague" else "vague"
    rows[0]["reason"] = new_reason
    for r in rows:
        del r["note"]
    header = [c for c in repo.header("coverage_exclusions") if c != "note"]
    with open(repo.root / "data" / "coverage_exclusions.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    assert diff.run(namespace(repo.root, "HEAD")) == 0
    out = capsys.readouterr().out
    assert f"| regions (removed) | 0 | {n_regions} | 0 |" in out
    assert "| coverage_exclusions | 0 | 0 | 1 |" in out
    assert "**Columns removed:** `note`" in out
    assert f"- `{first['source_id']}, {first['char_offset']}`\n  - reason: `{old_reason}` → `{new_reason}`" in out


def test_unknown_revision_exits_2(repo, capsys):
    assert diff.run(namespace(repo.root, "no-such-branch")) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: unknown revision 'no-such-branch'")
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


def test_not_a_repository_exits_2(real_package, capsys):
    assert diff.run(namespace(real_package.root, "HEAD")) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "is not a git repository" in err and err.count("\n") == 1


def test_module_entry_point(edited, repo):
    done = subprocess.run([sys.executable, "-m", "scripts.diff", "HEAD~1", "--root", str(repo.root), "--format", "text"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "finance: 0 added, 0 removed, 1 changed" in done.stdout
