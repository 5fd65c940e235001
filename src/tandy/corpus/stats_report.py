"""``tandy stats --html``: the corpus tables and their charts in one self-contained HTML file.

Charts are PNGs embedded as base64, so the report is a single file that opens anywhere, mails as
an attachment and needs no network. matplotlib is driven through its object API with the Agg
canvas (no pyplot, no display, no global state), so reports can be drawn from any thread.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

from tandy.corpus.stats import CorpusStats, Table
from tandy.files import write_text


@dataclass(frozen=True, slots=True)
class ChartSettings:
    """Size and look of the charts: inches and dots per inch of each PNG, bar colour."""

    width: float = 7.0
    height_per_row: float = 0.32
    min_height: float = 2.2
    dpi: int = 110
    color: str = "#3b6ea5"


CHARTS = ChartSettings()

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; } td, th { padding: .2em .8em; border-bottom: 1px solid #ddd; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
section { display: grid; grid-template-columns: minmax(14em, 1fr) 2fr; gap: 1.5em; align-items: start; }
img { max-width: 100%; }
"""


def html_report(stats: CorpusStats, title: str = "Filing-review corpus", charts: ChartSettings = CHARTS) -> str:
    """The whole report as one HTML string: summary, then each table beside its chart."""
    summary = stats.days_to_close
    parts = [
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>",
        f"<p>{stats.letters} letters, {stats.threads} review threads, {stats.comments} staff comments.</p>",
        "<p>Days from the first letter to the closing letter, over "
        f"{summary.get('reviews', 0)} closed reviews: median {_show(summary.get('median'))}, "
        f"mean {_show(summary.get('mean'))}, shortest {_show(summary.get('min'))}, longest {_show(summary.get('max'))}.</p>",
    ]
    for table in stats.tables:
        parts.append(f"<h2>{html.escape(table.title)}</h2><section>{_html_table(table)}{_chart_img(table, charts)}</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html_report(stats: CorpusStats, path: str | Path, force: bool = False) -> Path:
    """Write the report atomically; refuses to overwrite an existing file unless ``force``."""
    return write_text(path, html_report(stats), force=force)


def _html_table(table: Table) -> str:
    rows = "".join(f"<tr><td>{html.escape(label)}</td><td class=n>{count}</td></tr>" for label, count in table.rows)
    return f"<table><tr><th>{html.escape(table.title.split(' by ')[-1])}</th><th>{html.escape(table.counted)}</th></tr>{rows}</table>"


def _chart_img(table: Table, charts: ChartSettings) -> str:
    if not table.rows:
        return "<p>nothing to chart</p>"
    data = base64.b64encode(chart_png(table, charts)).decode("ascii")
    return f'<img alt="{html.escape(table.title)}" src="data:image/png;base64,{data}">'


def chart_png(table: Table, charts: ChartSettings = CHARTS) -> bytes:
    """A horizontal bar chart of one table, as PNG bytes; rows top to bottom in table order."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # imported here: only reports draw
    from matplotlib.figure import Figure

    labels = [label for label, _ in table.rows][::-1]
    counts = [count for _, count in table.rows][::-1]
    figure = Figure(figsize=(charts.width, max(charts.min_height, charts.height_per_row * len(labels) + 0.8)), dpi=charts.dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = axes.barh(labels, counts, color=charts.color)
    axes.bar_label(bars, padding=2, fontsize=8)
    axes.set_xlabel(table.counted)
    axes.set_title(table.title, fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _show(value) -> str:
    return "-" if value is None else str(value)
