"""China local education statistics / 中国地方教育统计: the data package's tables and views as
typed pandas frames.

    import china_local_education as cle
    cle.names()                          # every table and view
    subsidies = cle.load("subsidies")    # Int64, Float64, boolean, dates, code lists as categoricals
    panel = cle.panel()                  # the region-year panel

Installed with `pip install .` (in an unzipped release, or in the repository after `build`),
the package carries the data's Parquet files and needs no other file. `root=` reads a
downloaded release folder (or a repository with build/parquet/) instead.
"""
from .loader import PANEL, describe, load, load_all, names, panel

__all__ = ["PANEL", "describe", "load", "load_all", "names", "panel"]
