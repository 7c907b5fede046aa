//! Small accessible SVG charts: each has a title and a description for
//! screen readers, and a data table that shows the same numbers as text.
//! Components take numbers already computed and labels already formatted.

use crate::support::format::fixed;
use crate::support::format::Num;
use yew::prelude::*;

/// The `points` of a band of a pyramid or iceberg, centred on `cx`: from
/// `top` (its y, its half-width) down to `bottom`.
pub fn band_points(cx: f64, top: (f64, f64), bottom: (f64, f64)) -> String {
    let corner = |x: f64, y: f64| format!("{},{}", fixed(x, 1), fixed(y, 1));
    let ((a, ha), (b, hb)) = (top, bottom);
    [
        corner(cx - ha, a),
        corner(cx + ha, a),
        corner(cx + hb, b),
        corner(cx - hb, b),
    ]
    .join(" ")
}

/// One bar of a histogram.
#[derive(Clone, PartialEq)]
pub struct Bin {
    /// Label of the bin's range, e.g. "$195,000–$221,000".
    pub label: String,
    pub count: u32,
}

/// A vertical line across a histogram, e.g. a percentile.
#[derive(Clone, PartialEq)]
pub struct Marker {
    /// Position from 0 (left edge) to 1 (right edge).
    pub at: f64,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct HistogramProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub desc: AttrValue,
    pub bins: Vec<Bin>,
    pub markers: Vec<Marker>,
    /// Axis labels under the left and right ends.
    pub axis: (String, String),
    /// Column headings of the data table: (range, count).
    pub table_heads: (String, String),
    pub table_summary: AttrValue,
}

const W: f64 = 640.0;
const H: f64 = 240.0;
const PAD_TOP: f64 = 30.0;
const PAD_BOTTOM: f64 = 28.0;

/// What every chart shares: a figure with the drawing (an SVG [`W`] wide,
/// its title and description read out in its place), anything between the
/// drawing and the table (a legend), and the same numbers as a data table
/// in a disclosure.
struct Frame<'a> {
    id: &'a AttrValue,
    title: &'a AttrValue,
    desc: &'a AttrValue,
    height: f64,
    table_summary: &'a AttrValue,
}

impl Frame<'_> {
    fn render(self, drawing: Html, between: Html, table: Html) -> Html {
        let title_id = format!("{}-title", self.id);
        let desc_id = format!("{}-desc", self.id);
        html! {
            <figure class="chart">
                <svg viewBox={format!("0 0 {} {}", W.num(), self.height.num())} role="img" aria-labelledby={format!("{title_id} {desc_id}")}
                    data-testid={self.id.clone()}>
                    <title id={title_id}>{ self.title }</title>
                    <desc id={desc_id}>{ self.desc }</desc>
                    { drawing }
                </svg>
                { between }
                <details class="chart-table">
                    <summary>{ self.table_summary }</summary>
                    <table>{ table }</table>
                </details>
            </figure>
        }
    }
}

#[function_component]
pub fn Histogram(p: &HistogramProps) -> Html {
    let max = p.bins.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let n = p.bins.len().max(1) as f64;
    let bw = W / n;
    let plot_h = H - PAD_TOP - PAD_BOTTOM;
    Frame {
        id: &p.id,
        title: &p.title,
        desc: &p.desc,
        height: H,
        table_summary: &p.table_summary,
    }
    .render(
        html! {
            <>
                { for p.bins.iter().enumerate().map(|(i, b)| {
                    let h = b.count as f64 / max * plot_h;
                    html! {
                        <rect class="bar" x={fixed(i as f64 * bw + 1.0, 2)} y={fixed(PAD_TOP + plot_h - h, 2)}
                            width={fixed((bw - 2.0).max(1.0), 2)} height={fixed(h, 2)} />
                    }
                }) }
                <line class="axis" x1="0" x2={W.num()} y1={(H - PAD_BOTTOM).num()} y2={(H - PAD_BOTTOM).num()} />
                { for p.markers.iter().enumerate().map(|(i, m)| {
                    let x = (m.at.clamp(0.0, 1.0) * W).clamp(1.0, W - 1.0);
                    let anchor = if x < W * 0.15 { "start" } else if x > W * 0.85 { "end" } else { "middle" };
                    html! {
                        <g class="marker">
                            <line x1={fixed(x, 2)} x2={fixed(x, 2)} y1={(PAD_TOP - 4.0).num()} y2={(H - PAD_BOTTOM).num()} />
                            <text x={fixed(x, 2)} y={format!("{}", 12 + (i % 2) * 12)} text-anchor={anchor}>{ &m.label }</text>
                        </g>
                    }
                }) }
                <text class="tick" x="0" y={(H - 8.0).num()} text-anchor="start">{ &p.axis.0 }</text>
                <text class="tick" x={W.num()} y={(H - 8.0).num()} text-anchor="end">{ &p.axis.1 }</text>
            </>
        },
        Html::default(),
        html! {
            <>
                <thead><tr><th scope="col">{ &p.table_heads.0 }</th><th scope="col">{ &p.table_heads.1 }</th></tr></thead>
                <tbody>
                    { for p.bins.iter().map(|b| html! { <tr><td>{ &b.label }</td><td>{ b.count }</td></tr> }) }
                </tbody>
            </>
        },
    )
}

/// One row of a tornado chart.
#[derive(Clone, PartialEq)]
pub struct TornadoRow {
    pub label: String,
    pub down: f64,
    pub up: f64,
    /// Formatted (down, up) for labels and the table.
    pub text: (String, String),
}

#[derive(Properties, PartialEq)]
pub struct TornadoProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub desc: AttrValue,
    pub base: f64,
    pub rows: Vec<TornadoRow>,
    /// Column headings: (assumption, when lower, when higher).
    pub table_heads: (String, String, String),
    pub table_summary: AttrValue,
}

#[function_component]
pub fn Tornado(p: &TornadoProps) -> Html {
    let row_h = 26.0;
    let label_w = 190.0;
    let h = p.rows.len() as f64 * row_h + 8.0;
    let spread = p
        .rows
        .iter()
        .flat_map(|r| [(r.down - p.base).abs(), (r.up - p.base).abs()])
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let half = (W - label_w) / 2.0 - 4.0;
    let mid = label_w + half + 4.0;
    let x = |v: f64| mid + (v - p.base) / spread * half;
    Frame {
        id: &p.id,
        title: &p.title,
        desc: &p.desc,
        height: h,
        table_summary: &p.table_summary,
    }
    .render(
        html! {
            <>
                { for p.rows.iter().enumerate().map(|(i, r)| {
                    let y = 4.0 + i as f64 * row_h;
                    let (a, b) = (x(r.down).min(x(r.up)), x(r.down).max(x(r.up)));
                    html! {
                        <g>
                            <text class="tick" x={(label_w - 8.0).num()} y={fixed(y + row_h * 0.65, 1)} text-anchor="end">{ &r.label }</text>
                            <rect class="bar down" x={fixed(a.min(mid), 2)} y={fixed(y + 3.0, 1)}
                                width={fixed((mid - a).max(0.0), 2)} height={fixed(row_h - 6.0, 1)} />
                            <rect class="bar up" x={fixed(mid, 2)} y={fixed(y + 3.0, 1)}
                                width={fixed((b - mid).max(0.0), 2)} height={fixed(row_h - 6.0, 1)} />
                        </g>
                    }
                }) }
                <line class="axis" x1={fixed(mid, 2)} x2={fixed(mid, 2)} y1="0" y2={h.num()} />
            </>
        },
        Html::default(),
        html! {
            <>
                <thead><tr>
                    <th scope="col">{ &p.table_heads.0 }</th>
                    <th scope="col">{ &p.table_heads.1 }</th>
                    <th scope="col">{ &p.table_heads.2 }</th>
                </tr></thead>
                <tbody>
                    { for p.rows.iter().map(|r| html! {
                        <tr><th scope="row">{ &r.label }</th><td>{ &r.text.0 }</td><td>{ &r.text.1 }</td></tr>
                    }) }
                </tbody>
            </>
        },
    )
}

/// One line of a line chart.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
    /// Colour slot 0–3 (CSS `.s0` … `.s3`).
    pub slot: u8,
    /// Drawn dashed (e.g. the comparison scenario).
    pub dashed: bool,
}

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub desc: AttrValue,
    pub series: Vec<Series>,
    /// Value range of the y axis.
    pub y_range: (f64, f64),
    /// A shaded horizontal band (from, to, label), e.g. a threshold zone.
    #[prop_or_default]
    pub band: Option<(f64, f64, String)>,
    /// A vertical cursor at this point index.
    #[prop_or_default]
    pub cursor: Option<usize>,
    /// Points the x axis spans when the lines are shorter (a step-through
    /// drawing them bit by bit); the longest line by default.
    #[prop_or_default]
    pub x_points: Option<usize>,
    /// Labels of the x axis ends and of the table's first column.
    pub x_axis: (String, String),
    pub x_heading: String,
    /// Show every n-th point in the data table.
    pub table_every: usize,
    pub table_summary: AttrValue,
}

#[function_component]
pub fn LineChart(p: &LineChartProps) -> Html {
    let (lo, hi) = p.y_range;
    let span = (hi - lo).max(1e-9);
    let longest = p.series.iter().map(|s| s.values.len()).max().unwrap_or(0);
    let points = p.x_points.map_or(longest, |n| n.max(longest));
    let left = 34.0;
    let plot_w = W - left - 4.0;
    let plot_h = H - PAD_TOP - PAD_BOTTOM;
    let x = |i: usize| left + i as f64 / (points.max(2) - 1) as f64 * plot_w;
    let y = |v: f64| PAD_TOP + (1.0 - ((v - lo) / span).clamp(0.0, 1.0)) * plot_h;
    let every = p.table_every.max(1);
    Frame {
        id: &p.id,
        title: &p.title,
        desc: &p.desc,
        height: H,
        table_summary: &p.table_summary,
    }
    .render(
        html! {
            <>
                { for [lo, (lo + hi) / 2.0, hi].iter().map(|v| html! {
                    <g>
                        <line class="grid" x1={left.num()} x2={(W - 4.0).num()} y1={fixed(y(*v), 1)} y2={fixed(y(*v), 1)} />
                        <text class="tick" x={(left - 4.0).num()} y={fixed(y(*v) + 4.0, 1)} text-anchor="end">{ crate::support::format::trim(*v, 0) }</text>
                    </g>
                }) }
                if let Some((from, to, label)) = &p.band {
                    <g class="band">
                        <rect x={left.num()} y={fixed(y(*to), 1)} width={plot_w.num()}
                            height={fixed((y(*from) - y(*to)).max(0.0), 1)} />
                        <text class="tick" x={fixed(left + 6.0, 1)} y={fixed(y(*to) + 14.0, 1)}>{ label }</text>
                    </g>
                }
                if let Some(c) = p.cursor {
                    <line class="cursor" x1={fixed(x(c), 1)} x2={fixed(x(c), 1)} y1={PAD_TOP.num()} y2={(H - PAD_BOTTOM).num()} />
                }
                { for p.series.iter().map(|s| {
                    let d: String = s.values.iter().enumerate()
                        .map(|(i, v)| format!("{}{},{}", if i == 0 { "M" } else { " L" }, fixed(x(i), 1), fixed(y(*v), 1)))
                        .collect();
                    html! { <path class={classes!("line", format!("s{}", s.slot), s.dashed.then_some("dashed"))} d={d} /> }
                }) }
                <text class="tick" x={left.num()} y={(H - 8.0).num()} text-anchor="start">{ &p.x_axis.0 }</text>
                <text class="tick" x={(W - 4.0).num()} y={(H - 8.0).num()} text-anchor="end">{ &p.x_axis.1 }</text>
            </>
        },
        html! {
            <ul class="legend">
                { for p.series.iter().map(|s| html! {
                    <li><span class={classes!("swatch", format!("s{}", s.slot), s.dashed.then_some("dashed"))} aria-hidden="true"></span>{ &s.label }</li>
                }) }
            </ul>
        },
        html! {
            <>
                <thead><tr>
                    <th scope="col">{ &p.x_heading }</th>
                    { for p.series.iter().map(|s| html! { <th scope="col">{ &s.label }</th> }) }
                </tr></thead>
                <tbody>
                    { for (0..points).filter(|i| i % every == 0 || *i + 1 == points).map(|i| html! {
                        <tr>
                            <th scope="row">{ i }</th>
                            { for p.series.iter().map(|s| html! {
                                <td>{ s.values.get(i).map(|v| crate::support::format::trim(*v, 1)).unwrap_or_default() }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </>
        },
    )
}

/// One bar of a [`BarChart`].
#[derive(Clone, PartialEq)]
pub struct BarItem {
    pub label: String,
    pub value: u32,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub desc: AttrValue,
    pub bars: Vec<BarItem>,
    /// The value of a full-height bar (e.g. the number of trainees).
    pub max: u32,
    /// Column headings of the data table: (bar, value).
    pub table_heads: (String, String),
    pub table_summary: AttrValue,
}

/// Vertical bars with their value above and their label below, for counts
/// (the class view). The data table's value cells carry the test id
/// `<id>-<i>`.
#[function_component]
pub fn BarChart(p: &BarChartProps) -> Html {
    let h = 200.0;
    let (top, bottom) = (22.0, 26.0);
    let plot_h = h - top - bottom;
    let max = f64::from(p.max.max(p.bars.iter().map(|b| b.value).max().unwrap_or(0)).max(1));
    let bw = W / p.bars.len().max(1) as f64;
    Frame {
        id: &p.id,
        title: &p.title,
        desc: &p.desc,
        height: h,
        table_summary: &p.table_summary,
    }
    .render(
        html! {
            <>
                { for p.bars.iter().enumerate().map(|(i, b)| {
                    let bh = f64::from(b.value) / max * plot_h;
                    let cx = (i as f64 + 0.5) * bw;
                    html! {
                        <g>
                            <rect class="bar" x={fixed(i as f64 * bw + bw * 0.15, 2)} y={fixed(top + plot_h - bh, 2)}
                                width={fixed((bw * 0.7).max(1.0), 2)} height={fixed(bh, 2)} />
                            <text class="value" x={fixed(cx, 2)} y={fixed(top + plot_h - bh - 5.0, 2)} text-anchor="middle">{ b.value }</text>
                            <text class="tick" x={fixed(cx, 2)} y={(h - 8.0).num()} text-anchor="middle">{ &b.label }</text>
                        </g>
                    }
                }) }
                <line class="axis" x1="0" x2={W.num()} y1={(h - bottom).num()} y2={(h - bottom).num()} />
            </>
        },
        Html::default(),
        html! {
            <>
                <thead><tr><th scope="col">{ &p.table_heads.0 }</th><th scope="col">{ &p.table_heads.1 }</th></tr></thead>
                <tbody>
                    { for p.bars.iter().enumerate().map(|(i, b)| html! {
                        <tr><td>{ &b.label }</td><td data-testid={format!("{}-{i}", p.id)}>{ b.value }</td></tr>
                    }) }
                </tbody>
            </>
        },
    )
}
