"""datapackage.json: JSON syntax, the Frictionless spec, resource paths."""
import json


def _edit(package, change):
    path = package.root / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    change(desc)
    path.write_text(json.dumps(desc, ensure_ascii=False, indent=2), encoding="utf-8")


def test_invalid_json(package):
    path = package.root / "datapackage.json"
    path.write_text('{\n  "name": "x",\n  "resources": [\n}', encoding="utf-8")
    assert package.problems() == ["datapackage.json:4:1: invalid JSON: Expecting value"]


def test_unknown_field_type(package):
    _edit(package, lambda d: d["resources"][0]["schema"]["fields"][0].update(type="strin"))
    problems = package.problems()
    assert problems[0].startswith("datapackage.json:1:1: not a valid Frictionless data package:") and "strin" in problems[0]


def test_path_outside_repository(package):
    _edit(package, lambda d: d["resources"][7].update(path="../../etc/passwd"))
    problems = package.problems()
    assert any("resource 'coverage_exclusions': path '../../etc/passwd' must be a relative path inside the package" in p
               for p in problems), problems


def test_absolute_path(package):
    _edit(package, lambda d: d["resources"][7].update(path="/etc/passwd"))
    assert any("path '/etc/passwd' must be a relative path inside the package" in p for p in package.problems())


def test_missing_resource_file(package):
    (package.root / "data" / "finance.csv").unlink()
    assert any(p.endswith("resource 'finance': file 'data/finance.csv' does not exist") for p in package.problems())


def test_spec_check_is_cached_per_descriptor_text(package):
    """The spec check's cached result is reused only for the same descriptor text."""
    from validation.run import validate
    assert package.problems() == []
    _edit(package, lambda d: d["resources"][0]["schema"]["fields"][0].update(type="strin"))
    warm = [p.plain() for p in validate(package.root)]
    assert warm == [p.plain() for p in validate(package.root, use_cache=False)]
    assert warm[0].startswith("datapackage.json:1:1: not a valid Frictionless data package:")
    _edit(package, lambda d: d["resources"][0]["schema"]["fields"][0].update(type="string"))
    assert package.problems() == []
