"""Small inline SVG line charts of one series (year -> value), drawn without a plotting library
so a page needs no image file and no script."""
from __future__ import annotations

import html

W, H, PAD = 320, 150, 34


def series(title: str, points: list[tuple[int, float]]) -> str:
    """A <figure> with the series' points joined by a line; '' when there is no point."""
    points = sorted((int(x), float(y)) for x, y in points if x is not None and y is not None)
    if not points:
        return ""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    x0, x1 = min(xs), max(xs)
    top = max(max(ys), 0.0) or 1.0
    low = min(min(ys), 0.0)

    def px(x):
        return PAD + (W - 2 * PAD) * ((x - x0) / (x1 - x0) if x1 > x0 else 0.5)

    def py(y):
        return H - PAD + (2 * PAD - H) * ((y - low) / (top - low))

    line = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
    dots = "".join(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3"><title>{x}: {y:,.2f}</title></circle>'
                   f'<text x="{px(x):.1f}" y="{py(y) - 6:.1f}" text-anchor="middle">{y:,.0f}</text>' for x, y in points)
    years = "".join(f'<text x="{px(x):.1f}" y="{H - PAD + 14}" text-anchor="middle">{x}</text>' for x in sorted(set(xs)))
    t = html.escape(title)
    return (f'<figure><svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" role="img" '
            f'aria-label="{t}"><line x1="{PAD}" y1="{py(0):.1f}" x2="{W - PAD}" y2="{py(0):.1f}" stroke="#bbb"/>'
            f'<polyline points="{line}" fill="none" stroke="#1f6fb2" stroke-width="2"/>'
            f'<g fill="#1f6fb2">{dots}</g>{years}</svg><figcaption>{t}</figcaption></figure>')
