"""Charts drawn on the server as SVG: no script, nothing fetched, and every bar is a link to its people.

Colours come from classes styled in the app's stylesheet (a Content-Security-Policy forbids inline styles).
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 230
BAR_WIDTH = 300
VALUE_WIDTH = 110


@dataclass(frozen=True)
class Bar:
    label: str
    percent: float
    count: int
    href: str = ""
    # A target share drawn as a mark across the bar (None: no target).
    target: float | None = None
    tone: str = "main"


# Characters of a 12px label that fit before the bar; a longer one is cut, its whole text left in a tooltip.
LABEL_CHARS = 30


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _link(href: str, inner: str) -> str:
    return format_html('<a href="{}">{}</a>', href, mark_safe(inner)) if href else inner


def bars(items: list[Bar], title: str) -> SafeString:
    """Horizontal bars of shares (0–100%), labelled with the share and the count."""
    height = len(items) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">',
            width,
            height,
            width,
            height,
            title,
        )
    ]
    for i, item in enumerate(items):
        y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP)
        length = round(BAR_WIDTH * max(0.0, min(item.percent, 100.0)) / 100, 1)
        inner = format_html(
            '<text class="chart-label" x="{}" y="{}" text-anchor="end"><title>{}</title>{}</text>'
            '<rect class="chart-track" x="{}" y="{}" width="{}" height="{}"></rect>'
            '<rect class="chart-bar chart-{}" x="{}" y="{}" width="{}" height="{}"></rect>'
            '<text class="chart-value" x="{}" y="{}">{}% ({})</text>',
            LABEL_WIDTH - 8,
            y + BAR_HEIGHT - 6,
            item.label,
            _label(item.label),
            LABEL_WIDTH,
            y,
            BAR_WIDTH,
            BAR_HEIGHT,
            item.tone,
            LABEL_WIDTH,
            y,
            length,
            BAR_HEIGHT,
            LABEL_WIDTH + BAR_WIDTH + 6,
            y + BAR_HEIGHT - 6,
            number_format(item.percent, 1),
            item.count,
        )
        if item.target is not None:
            x = round(LABEL_WIDTH + BAR_WIDTH * item.target / 100, 1)
            inner += format_html(
                '<line class="chart-target" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
                x,
                y - 3,
                x,
                y + BAR_HEIGHT + 3,
            )
        parts.append(format_html('<g class="chart-row">{}</g>', mark_safe(_link(item.href, inner))))
    parts.append("</svg>")
    return mark_safe("".join(parts))


LINE_WIDTH = 520
LINE_HEIGHT = 200
# The right pad leaves room for the last date label, centred on the last point.
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 36, 14, 30


def lines(labels: list[str], series: dict[str, list[float]], names: dict[str, str], title: str) -> SafeString:
    """Shares over time, one polyline per series, on a 0–100% scale with the value at each point."""
    highest = max([10.0, *(v for values in series.values() for v in values)])
    # Round steps (5, 10, 20 or 25 points), at most five of them above zero.
    tick_step = next(s for s in (5, 10, 20, 25) if s * 5 >= highest)
    top = float(min(100, (int(highest // tick_step) + 1) * tick_step))
    plot_w = LINE_WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = LINE_HEIGHT - PAD_TOP - PAD_BOTTOM
    step = plot_w / max(1, len(labels) - 1)

    def xy(i, value):
        return round(PAD_LEFT + i * step, 1), round(PAD_TOP + plot_h * (1 - value / top), 1)

    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">',
            LINE_WIDTH,
            LINE_HEIGHT + 20,
            LINE_WIDTH,
            LINE_HEIGHT + 20,
            title,
        )
    ]
    for tick in range(0, int(top) + 1, tick_step):
        _x, y = xy(0, tick)
        parts.append(
            format_html(
                '<line class="chart-grid" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
                '<text class="chart-axis" x="{}" y="{}" text-anchor="end">{}%</text>',
                PAD_LEFT,
                y,
                LINE_WIDTH - PAD_RIGHT,
                y,
                PAD_LEFT - 4,
                y + 4,
                tick,
            )
        )
    for i, label in enumerate(labels):
        x, _y = xy(i, 0)
        parts.append(
            format_html(
                '<text class="chart-axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                x,
                LINE_HEIGHT - 10,
                label,
            )
        )
    for n, (key, values) in enumerate(series.items()):
        points = " ".join(f"{x},{y}" for x, y in (xy(i, v) for i, v in enumerate(values)))
        parts.append(format_html('<polyline class="chart-line chart-s{}" points="{}"></polyline>', n, points))
        for i, value in enumerate(values):
            x, y = xy(i, value)
            parts.append(
                format_html(
                    '<circle class="chart-dot chart-s{}" cx="{}" cy="{}" r="3">'
                    "<title>{}: {}%</title></circle>",
                    n,
                    x,
                    y,
                    names[key],
                    number_format(value, 1),
                )
            )
        parts.append(
            format_html(
                '<rect class="chart-s{}" x="{}" y="{}" width="10" height="10"></rect>'
                '<text class="chart-legend" x="{}" y="{}">{}</text>',
                n,
                PAD_LEFT + n * 150,
                LINE_HEIGHT + 4,
                PAD_LEFT + n * 150 + 14,
                LINE_HEIGHT + 13,
                names[key],
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
