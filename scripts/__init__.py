"""The package's command line and build (`python -m scripts ...`)."""
import pandas as _pd

# With pyarrow installed (it writes the Parquet files), pandas 3 backs the "string" dtype with
# Arrow, whose comparisons return Arrow booleans that cannot be combined with pandas' nullable
# booleans (`bool_series & (strings != "x")` raises). The checks and loaders here are written
# for pandas' own string arrays, so ask for them explicitly, before any frame is made.
_pd.set_option("mode.string_storage", "python")
