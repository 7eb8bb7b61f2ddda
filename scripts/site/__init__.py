"""The static explorer: HTML pages written into build/site/ (by `build` while the package is
within the explorer's bound, SITE_MAX_SOURCES and SITE_MAX_ROWS; by `python -m scripts site`
at any size), opened straight from the file system (file://) or any static host; no server,
no request once loaded.

- index.html: the tables, the indicators of each topic table, the regions and the sources,
  and a search over every curated row by region, year, indicator and text (explore.js over
  data.js, loaded with <script src>, which file:// allows where fetch() is refused);
- sources/<id>.html: the archived text, every curated row's figure in a <mark> linked to the
  row, every excluded figure marked with its reason (scripts/site/marks.py);
- regions/<code>.html: a chart per panel series, the panel rows and the region's curated rows.

Labels are in English and Chinese, taken from datapackage.json (titles and code-list labels).
Nothing names a view's columns: the panel's series are its numeric columns.
"""
from __future__ import annotations

from pathlib import Path

from .build import SITE_MAX_ROWS, SITE_MAX_SOURCES, build_site, explorer_fits

__all__ = ["SITE_MAX_ROWS", "SITE_MAX_SOURCES", "build_site", "explorer_fits"]
