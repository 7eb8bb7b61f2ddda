"""Checks of the data package. `validation.run.validate` runs them all in one pass."""
import scripts as _scripts  # noqa: F401  (sets pandas' string storage the checks are written for)
