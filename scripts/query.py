"""Run SQL against the built database (read-only) and print the result."""
from __future__ import annotations

import argparse
import sys

import duckdb

from .build import BUILD_DIR, DATABASE
from .metadata import ROOT


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("sql", help="SQL to run, e.g. \"SELECT * FROM observations LIMIT 5\"; '-' reads standard input")
    p.add_argument("--format", choices=["table", "csv", "markdown"], default="table")
    p.add_argument("--database", default=str(ROOT / BUILD_DIR / DATABASE), help="DuckDB file (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        con = duckdb.connect(args.database, read_only=True)
    except duckdb.Error as exc:
        print(f"error: {args.database}: {exc}; run `python -m scripts build` first", file=sys.stderr)
        return 2
    try:
        frame = con.execute(sql).df()
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "markdown":
        print(frame.to_markdown(index=False) if hasattr(frame, "to_markdown") else frame.to_string(index=False))
    else:
        print(frame.to_string(index=False))
    return 0
