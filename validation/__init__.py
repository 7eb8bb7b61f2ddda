"""Checks of the data package. `validation.run.validate` runs them all in one pass."""
