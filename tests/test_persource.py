"""Per-source checks are cached: a warm run re-checks exactly the sources whose inputs changed,
and whatever a check reads (the source's text, any row naming it, the ledger, the metadata,
the code) invalidates its cached result, so a warm run reports what a cold run reports."""
import csv
import json

import pytest

from validation import persource, provenance
from validation.run import validate


@pytest.fixture
def checked(monkeypatch):
    """The ids of the sources checked (not taken from the cache) by each validate call."""
    calls: list[str] = []
    original = persource.Inputs.check

    def spy(self, sid):
        calls.append(sid)
        return original(self, sid)

    monkeypatch.setattr(persource.Inputs, "check", spy)
    monkeypatch.setattr(persource, "PARALLEL_FROM", 10 ** 9)   # in this process, so the spy sees every call
    return calls


def _run(root, calls, use_cache=True):
    calls.clear()
    return [p.plain() for p in validate(root, use_cache=use_cache)], set(calls)


def _sources(root):
    with open(root / "data" / "sources.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _warm_equals_cold(root, calls):
    warm, rechecked = _run(root, calls)
    cold, _ = _run(root, calls, use_cache=False)
    assert warm == cold
    return warm, rechecked


def test_warm_run_checks_nothing_again(real_package, checked):
    cold, first = _run(real_package.root, checked)
    assert first == {s["id"] for s in _sources(real_package.root)}
    warm, again = _run(real_package.root, checked)
    assert again == set() and warm == cold


def test_a_changed_row_rechecks_its_source_only(real_package, checked):
    root = real_package.root
    _run(root, checked)
    rows = real_package.read_rows("subsidies")
    sid = rows[0]["source_id"]
    rows[0]["printed"] = rows[0]["printed"] + "？"   # no reading of a figure ends in ？: a parse error whatever the row
    real_package.write_rows("subsidies", rows)
    warm, rechecked = _warm_equals_cold(root, checked)
    assert rechecked == {sid}
    assert any("subsidies.csv:2:" in p and "printed" in p for p in warm)


def test_a_changed_source_text_is_rechecked(real_package, checked):
    root = real_package.root
    _run(root, checked)
    src = _sources(root)[0]
    text = (root / src["path"]).read_text(encoding="utf-8")
    (root / src["path"]).write_text(text.replace("2020", "2O20"), encoding="utf-8")
    warm, rechecked = _warm_equals_cold(root, checked)
    assert rechecked == {src["id"]}


def test_a_removed_ledger_entry_is_rechecked(real_package, checked):
    root = real_package.root
    _run(root, checked)
    ledger = real_package.read_rows("coverage_exclusions")
    gone = ledger.pop(len(ledger) // 2)
    real_package.write_rows("coverage_exclusions", ledger)
    warm, rechecked = _warm_equals_cold(root, checked)
    assert rechecked == {gone["source_id"]}
    assert any("unaccounted numeric expression" in p and repr(gone["text"]) in p for p in warm)


def test_rows_moved_by_other_sources_keep_their_locations(real_package, checked):
    """A cached problem is found again at its row's new line when rows are inserted above it."""
    root = real_package.root
    rows = real_package.read_rows("subsidies")
    rows[-1]["printed"] = rows[-1]["printed"] + "0"   # a problem in the last row
    real_package.write_rows("subsidies", rows)
    before, _ = _run(root, checked)
    first = dict(rows[0], id=rows[0]["id"][:-3] + "999")   # a copy of the first row, inserted first
    real_package.write_rows("subsidies", [first] + rows)
    warm, rechecked = _warm_equals_cold(root, checked)
    assert rechecked == {first["source_id"]}
    line = len(rows) + 2   # the last row, one line lower
    assert any(p.startswith(f"data/subsidies.csv:{line}:") and "printed" in p for p in warm)
    assert not any(p.startswith(f"data/subsidies.csv:{line - 1}:") and "printed" in p for p in warm)


def test_changed_metadata_rechecks_every_source(real_package, checked):
    root = real_package.root
    _run(root, checked)
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    desc["description"] = desc.get("description", "") + " "
    (root / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2), encoding="utf-8")
    _, rechecked = _warm_equals_cold(root, checked)
    assert rechecked == {s["id"] for s in _sources(root)}


def test_no_cache_checks_every_source(real_package, checked):
    _run(real_package.root, checked)
    _, rechecked = _run(real_package.root, checked, use_cache=False)
    assert rechecked == {s["id"] for s in _sources(real_package.root)}


def test_worker_processes_give_the_same_problems(real_package, monkeypatch):
    rows = real_package.read_rows("subsidies")
    rows[0]["printed"] = rows[0]["printed"] + "？"   # no reading of a figure ends in ？: a parse error whatever the row
    real_package.write_rows("subsidies", rows)
    serial = [p.plain() for p in validate(real_package.root, use_cache=False)]
    assert any("cannot parse" in p for p in serial)   # a provenance problem, from the parse of printed
    monkeypatch.setattr(persource, "PARALLEL_FROM", 1)
    monkeypatch.setattr(persource, "BATCH", 1)
    monkeypatch.setattr(provenance, "PARALLEL_FROM", 1)
    monkeypatch.setattr(provenance, "PARSE_CHUNK", 7)
    assert [p.plain() for p in validate(real_package.root, use_cache=False)] == serial
