"""`python -m scripts <subcommand>`: the package's one entry point."""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .metadata import ROOT


def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, default=ROOT, help="package root (default: this repository)")
    p.add_argument("--github", action="store_true", default=None,
                   help="print errors as GitHub Actions annotations (default when GITHUB_ACTIONS=true)")
    p.add_argument("--strict", action="store_true", help="warnings (plausibility) and passages not yet curated fail too")
    p.add_argument("--no-cache", dest="use_cache", action="store_false",
                   help="re-check every source (default: reuse build/validate-cache/ for sources whose inputs are unchanged)")
    p.add_argument("--timings", action="store_true",
                   help="print the wall and CPU seconds of loading and of each check family to stderr")


def _pending_passages(root: Path) -> int:
    """Passages archived but not yet curated: not an error (a report may be archived before it
    is curated), but never silent."""
    import csv
    try:
        with open(root / "data" / "coverage_passages.csv", encoding="utf-8", newline="") as fh:
            return sum(1 for r in csv.DictReader(fh) if r.get("reason") == "not_yet_curated")
    except (OSError, UnicodeDecodeError, csv.Error):
        return 0   # validate reports an unreadable ledger itself


def cmd_validate(args, db_file: Path | None = None) -> int:
    from validation.report import render
    from validation.run import validate
    timings = [] if getattr(args, "timings", False) else None
    problems = validate(args.root, use_cache=args.use_cache, db_file=db_file, timings=timings)
    if timings is not None:
        print("timings: " + "; ".join(f"{step} {wall:.1f} s (CPU {cpu:.1f} s)" for step, wall, cpu in timings), file=sys.stderr)
    errors = [p for p in problems if p.severity == "error" or args.strict]
    warnings = [p for p in problems if p.severity == "warning"]
    if problems:
        print(render(problems, args.github))
    pending = _pending_passages(args.root) if not errors else 0   # errors first
    if pending:
        print(f"note: {pending} passage(s) of archived sources are not yet curated (reason not_yet_curated in "
              f"data/coverage_passages.csv); `python -m scripts coverage` counts their figures")
        if args.strict:
            print(f"{pending} passage(s) not yet curated: --strict fails", file=sys.stderr)
            return 1
    files = len({p.path for p in errors})
    note = f" and {len(warnings)} plausibility warning(s)" if warnings else ""
    if errors:
        print(f"{len(errors)} error(s) in {files} file(s){note}", file=sys.stderr)
    else:
        print(f"valid: no errors{note}")
    return 1 if errors else 0


def cmd_build(args, with_release: bool = False) -> int:
    from .build import BUILD_DIR, VALIDATED, BuildError, build
    validated = args.root / BUILD_DIR / VALIDATED   # the tables as validation typed them: build reads no CSV again
    if cmd_validate(args, db_file=validated) != 0:
        print("build stopped: fix the errors above first", file=sys.stderr)
        return 1
    try:
        summary = build(args.root, validated=validated, site=True if args.site else None, with_release=with_release)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary.text())
    return 0


def cmd_release(args) -> int:
    return cmd_build(args, with_release=True)


def cmd_site(args) -> int:
    """The explorer from the database of the last build, whatever the package's size."""
    from .build import BUILD_DIR, DATABASE
    from .site import build_site
    database = args.root / BUILD_DIR / DATABASE
    if not database.exists():
        print(f"error: {database} does not exist; run `python -m scripts build` first", file=sys.stderr)
        return 1
    index = build_site(args.root, database, args.root / BUILD_DIR / "site")
    size = sum(p.stat().st_size for p in index.parent.rglob("*") if p.is_file())
    print(f"explorer: {index} ({size / 1e6:.1f} MB); open it in a browser, from the file system")
    return 0


def cmd_coverage(args) -> int:
    import pandas as pd

    from validation.report import render
    from validation.run import coverage_report
    results, problems = coverage_report(args.root)
    table = pd.DataFrame([c.counts() for c in results])
    if not table.empty:
        table.loc[len(table)] = ["all"] + table.iloc[:, 1:].sum().tolist()
    print("Per source: candidates found, curated as rows, excluded one by one (coverage_exclusions),\n"
          "excluded by range (coverage_passages), pending in passages not yet curated, unaccounted.")
    print(table.to_string(index=False))
    spans = pd.DataFrame([p for c in results for p in c.passage_counts()])
    if not spans.empty:
        print("\nPassages (coverage_passages): figures each excludes by range, holds pending, and "
              "education-looking figures inside it that it does not exclude.")
        print(spans.to_string(index=False))
    ledger = [p for p in problems if "ledger" in p.message or "unaccounted" in p.message or "passage" in p.message]
    if args.verbose and ledger:
        print(render(ledger, args.github))
    return 1 if any(c.unaccounted or c.stale or c.redundant for c in results) else 0


def cmd_generate(args) -> int:
    from . import ddl, dictionary, indicators
    from .viewdocs import Undocumented
    # in this order: the views' comments describe the views over the tables just written, and the
    # dictionary describes both
    outputs = (("sql/tables.sql", ddl.render), (indicators.VIEWS, indicators.render_views),
               ("docs/data-dictionary.md", dictionary.render))
    for rel, render in outputs:
        try:
            text = render(args.root)
        except (Undocumented, ValueError) as exc:
            print(f"error: {rel}: {exc}", file=sys.stderr)
            return 1
        (args.root / rel).write_text(text, encoding="utf-8")
        print(f"wrote {rel}")
    return 0


# Subcommands whose options live in their own module, imported only when that subcommand runs:
# scripts.query imports scripts.build, which imports scripts.charts and matplotlib (~2.7 s), and
# `validate` must not pay for that on every run.
MOUNTED = (
    ("query", "query", "run SQL against the built database"),
    ("diff", "diff", "rows added, removed and changed per table since a git revision, as Markdown"),
    ("candidates", "candidates", "list every numeric expression in a source text"),
    ("codes", "codes", "add, rename or remove a code of a code list everywhere it is defined, then regenerate"),
    ("draft", "draft", "propose a row or a ledger exclusion for every numeric expression of a source (--merge: append reviewed drafts)"),
    ("readme", "readme", "rerun the README's SQL examples and rewrite the output tables under them"),
)


def _command(argv: list[str] | None) -> str | None:
    """The subcommand named on the command line (the first argument that is not an option)."""
    args = sys.argv[1:] if argv is None else argv
    return next((a for a in args if not a.startswith("-")), None)


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    v = sub.add_parser("validate", help="check the whole package; errors as path:line:column: message")
    _validate_args(v)
    v.set_defaults(func=cmd_validate)
    b = sub.add_parser("build", help="validate, then build build/education.duckdb, Parquet files, charts and the explorer")
    _validate_args(b)
    b.add_argument("--site", action="store_true", help="write the explorer (build/site/) whatever the package's size")
    b.set_defaults(func=cmd_build)
    r = sub.add_parser("release", help="build, then write the release folder build/release/ and its zip")
    _validate_args(r)
    r.add_argument("--site", action="store_true", help="ship the explorer whatever the package's size")
    r.set_defaults(func=cmd_release)
    st = sub.add_parser("site", help="write the explorer build/site/ from the built database, at any size")
    st.add_argument("--root", type=Path, default=ROOT)
    st.set_defaults(func=cmd_site)
    g = sub.add_parser("generate", help="regenerate sql/tables.sql, the indicator rules in sql/views.sql and docs/data-dictionary.md")
    g.add_argument("--root", type=Path, default=ROOT)
    g.set_defaults(func=cmd_generate)
    cv = sub.add_parser("coverage", help="per source: numeric expressions found, curated, excluded, unaccounted")
    _validate_args(cv)
    cv.add_argument("--verbose", "-v", action="store_true", help="also list each unaccounted expression and stale ledger entry")
    cv.set_defaults(func=cmd_coverage)
    command = _command(argv)
    for name, module, text in MOUNTED:
        sp = sub.add_parser(name, help=text)
        if name == command:
            mod = importlib.import_module(f".{module}", __package__)
            mod.add_arguments(sp)
            sp.set_defaults(func=mod.run)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser(argv).parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:   # output piped into `head` and closed early
        return 0
    except Exception as exc:   # a traceback is a bug; still say what happened and where
        print(f"internal error ({type(exc).__name__}): {exc}. Please report this with the command you ran.", file=sys.stderr)
        return 3
