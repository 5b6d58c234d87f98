//! An indicator's series as an SVG line chart, for the HTML report (inline) and for the
//! standalone SVG (nested in it): years along the bottom, the figures up the side under the
//! unit, both labelled in the reader's language.
//!
//! ```text
//!  trains
//!  20,000 ┤                         ◯
//!  10,000 ┤          •───•   •──•   ◯
//!       0 ┤•───•───•
//!         └─┬────┬────┬────┬────┬───
//!         2016 2018 2020 2022 2024   Year
//! ```
//!
//! It follows the dashboard's chart (src/ui/widgets/line_chart.rs): a line joins
//! observations only within a run, so no line crosses a gap in the dates; every observation
//! is a dot, so a lone one shows; figures of one date that sources disagree on are rings in
//! the warning colour, joined by a vertical stroke that prefers no source.
//!
//! Written by hand rather than with the `svg` crate: a chart is some thirty elements of a
//! fixed shape, and writing them through [`Markup`] gives them the report's one escaping
//! policy (`html-escape`) and coordinates in a fixed decimal form, so the same dataset
//! always writes the same bytes. (The `svg` crate's text nodes went unescaped until 2024.)
//! Presentation attributes rather than CSS, so the chart looks the same in a slide program
//! that ignores style sheets.

use std::ops::Range;

use chrono::Datelike;

use super::markup::Markup;
use super::scale::{value_ticks, year_bounds, year_ticks};
use crate::dataset::series::{conflicts, runs, year_fraction};
use crate::dataset::{Indicator, Lang, Observation};
use crate::i18n::report_words as words;
use crate::i18n::{figure_with_unit, number_in};

/// The chart's own box, in SVG user units.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 240.0;
/// The plot: right of the value labels, above the year labels, below the unit.
const LEFT: f64 = 76.0;
const RIGHT: f64 = WIDTH - 24.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = HEIGHT - 46.0;
/// Room between the plot's sides and the first and last year, so that no dot sits on the
/// axis.
const INSET: f64 = 12.0;

pub const LINE_COLOUR: &str = "#1f5fa8";
pub const CONFLICT_COLOUR: &str = "#c2410c";
pub const AXIS_COLOUR: &str = "#5b6470";
const GRID_COLOUR: &str = "#dfe3e8";

/// A series laid out: where each observation sits, which runs a line joins, the ticks.
pub struct Plot {
    /// Per observation, in series order: x in fractional years, the value, and whether
    /// another source gives another figure for its date.
    points: Vec<(f64, f64, bool)>,
    runs: Vec<Range<usize>>,
    years: (i32, i32),
    year_ticks: Vec<i32>,
    value_ticks: Vec<f64>,
}

impl Plot {
    /// `None` for an indicator without a series: there is nothing to draw.
    pub fn new(series: &[Observation]) -> Option<Plot> {
        if series.is_empty() {
            return None;
        }
        let conflicts = conflicts(series);
        let points: Vec<(f64, f64, bool)> = series
            .iter()
            .zip(conflicts)
            .map(|(o, conflict)| (year_fraction(o.date.start()), o.figure.value, conflict))
            .collect();
        let days: Vec<i32> = series
            .iter()
            .map(|o| o.date.start().num_days_from_ce())
            .collect();
        let xs = points.iter().map(|p| p.0);
        let years = year_bounds(
            xs.clone().fold(f64::INFINITY, f64::min),
            xs.fold(f64::NEG_INFINITY, f64::max),
        );
        let values = points.iter().map(|p| p.1);
        Some(Plot {
            runs: runs(&days),
            year_ticks: year_ticks(years),
            value_ticks: value_ticks(
                values.clone().fold(f64::INFINITY, f64::min),
                values.fold(f64::NEG_INFINITY, f64::max),
            ),
            years,
            points,
        })
    }

    fn x(&self, year: f64) -> f64 {
        let (first, last) = (f64::from(self.years.0), f64::from(self.years.1));
        LEFT + INSET + (year - first) / (last - first) * (RIGHT - LEFT - 2.0 * INSET)
    }

    /// Halves before subtracting, so that a series from -1.7e308 to 1.7e308 maps without
    /// overflowing; anything that still is not finite sits on the axis.
    fn y(&self, value: f64) -> f64 {
        let low = self.value_ticks[0];
        let high = self.value_ticks[self.value_ticks.len() - 1];
        let share = (value / 2.0 - low / 2.0) / (high / 2.0 - low / 2.0);
        let share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        BOTTOM - share * (BOTTOM - TOP)
    }
}

/// Where the chart goes: as an element of the HTML (sized by the page) or nested at a
/// place of a standalone SVG.
pub enum Placement {
    Inline,
    At(f64, f64),
}

/// Writes the chart of `indicator`'s series; `id` makes its title's id unique in the page.
pub fn write(
    out: &mut Markup,
    plot: &Plot,
    indicator: &Indicator,
    lang: Lang,
    placement: Placement,
) {
    let w = words(lang);
    let title_id = format!("chart-{}", indicator.id);
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    match placement {
        Placement::Inline => out.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", "chart"),
                ("viewBox", &view_box),
                ("role", "img"),
                ("aria-labelledby", &title_id),
            ],
        ),
        Placement::At(x, y) => out.open(
            "svg",
            &[
                ("class", "chart"),
                ("x", &coordinate(x)),
                ("y", &coordinate(y)),
                ("width", &coordinate(WIDTH)),
                ("height", &coordinate(HEIGHT)),
                ("viewBox", &view_box),
            ],
        ),
    }
    let first = indicator
        .series
        .first()
        .map(|o| crate::i18n::date(&o.date, lang));
    let last = indicator
        .series
        .last()
        .map(|o| crate::i18n::date(&o.date, lang));
    let title = format!(
        "{}{}{}{}{}",
        indicator.label.get(lang),
        w.chart_from,
        first.unwrap_or_default(),
        w.chart_to,
        last.unwrap_or_default()
    );
    out.element("title", &[("id", &title_id)], &title);
    axes(out, plot, indicator.unit.get(lang), lang);
    lines(out, plot);
    marks(out, plot, indicator, lang);
    out.close("svg");
}

/// The unit above the values, the value labels with their grid lines, the year labels
/// with their ticks, and the axes' titles.
fn axes(out: &mut Markup, plot: &Plot, unit: &str, lang: Lang) {
    let w = words(lang);
    let unit = if unit.is_empty() { w.value } else { unit };
    text(out, "axis-title", LEFT - 8.0, TOP - 14.0, "start", unit);
    for &tick in &plot.value_ticks {
        let y = coordinate(plot.y(tick));
        out.open("g", &[("class", "y-tick")]);
        out.empty(
            "line",
            &[
                ("x1", &coordinate(LEFT)),
                ("x2", &coordinate(RIGHT)),
                ("y1", &y),
                ("y2", &y),
                ("stroke", GRID_COLOUR),
                ("stroke-width", "1"),
            ],
        );
        text(
            out,
            "label",
            LEFT - 8.0,
            plot.y(tick) + 4.0,
            "end",
            &number_in(tick, lang),
        );
        out.close("g");
    }
    let axis = |out: &mut Markup, x1: f64, y1: f64, x2: f64, y2: f64| {
        out.empty(
            "line",
            &[
                ("class", "axis"),
                ("x1", &coordinate(x1)),
                ("y1", &coordinate(y1)),
                ("x2", &coordinate(x2)),
                ("y2", &coordinate(y2)),
                ("stroke", AXIS_COLOUR),
                ("stroke-width", "1"),
            ],
        );
    };
    axis(out, LEFT, TOP, LEFT, BOTTOM);
    axis(out, LEFT, BOTTOM, RIGHT, BOTTOM);
    for &year in &plot.year_ticks {
        let x = plot.x(f64::from(year));
        out.open("g", &[("class", "x-tick")]);
        axis(out, x, BOTTOM, x, BOTTOM + 5.0);
        text(
            out,
            "label",
            x,
            BOTTOM + 19.0,
            "middle",
            &crate::i18n::year(year, lang),
        );
        out.close("g");
    }
    text(out, "axis-title", RIGHT, BOTTOM + 38.0, "end", w.year_axis);
}

/// One polyline per run of two or more observations.
fn lines(out: &mut Markup, plot: &Plot) {
    for run in &plot.runs {
        if run.len() < 2 {
            continue;
        }
        let points: Vec<String> = plot.points[run.clone()]
            .iter()
            .map(|&(x, value, _)| {
                format!("{},{}", coordinate(plot.x(x)), coordinate(plot.y(value)))
            })
            .collect();
        out.empty(
            "polyline",
            &[
                ("class", "line"),
                ("points", &points.join(" ")),
                ("fill", "none"),
                ("stroke", LINE_COLOUR),
                ("stroke-width", "2"),
                ("stroke-linejoin", "round"),
            ],
        );
    }
}

/// A dot per observation, a ring per contradicted one (after the dots, so a ring is never
/// hidden), each with its date and figure as a title a pointer shows.
fn marks(out: &mut Markup, plot: &Plot, indicator: &Indicator, lang: Lang) {
    let w = words(lang);
    for pass_conflicts in [false, true] {
        for (observation, &(x, value, conflict)) in indicator.series.iter().zip(&plot.points) {
            if conflict != pass_conflicts {
                continue;
            }
            let (class, radius, fill, stroke) = if conflict {
                ("point conflict", "5", "#ffffff", CONFLICT_COLOUR)
            } else {
                ("point", "3.5", LINE_COLOUR, LINE_COLOUR)
            };
            out.open(
                "circle",
                &[
                    ("class", class),
                    ("cx", &coordinate(plot.x(x))),
                    ("cy", &coordinate(plot.y(value))),
                    ("r", radius),
                    ("fill", fill),
                    ("stroke", stroke),
                    ("stroke-width", "2"),
                ],
            );
            let title = format!(
                "{}{}{}",
                crate::i18n::date(&observation.date, lang),
                w.colon,
                figure_with_unit(
                    &observation.figure,
                    indicator.unit_for(observation.figure.value, lang),
                    lang
                )
            );
            out.element("title", &[], &title);
            out.close("circle");
        }
    }
}

fn text(out: &mut Markup, class: &'static str, x: f64, y: f64, anchor: &str, content: &str) {
    out.element(
        "text",
        &[
            ("class", class),
            ("x", &coordinate(x)),
            ("y", &coordinate(y)),
            ("text-anchor", anchor),
            ("font-size", if class == "label" { "11" } else { "12" }),
            ("fill", AXIS_COLOUR),
        ],
        content,
    );
}

/// A coordinate to two decimals, trailing zeros dropped: exact enough for any screen or
/// printer, and always the same text for the same chart.
pub fn coordinate(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extreme_values_map_inside_the_plot() {
        let plot = Plot {
            points: Vec::new(),
            runs: Vec::new(),
            years: (2020, 2023),
            year_ticks: vec![2020],
            value_ticks: value_ticks(-f64::MAX, f64::MAX),
        };
        assert_eq!(plot.y(-f64::MAX), BOTTOM);
        assert_eq!(plot.y(f64::MAX), TOP);
        assert!((plot.y(0.0) - (TOP + BOTTOM) / 2.0).abs() < 1e-9);
    }

    #[test]
    fn coordinates_are_short_and_stable() {
        assert_eq!(coordinate(76.0), "76");
        assert_eq!(coordinate(12.345), "12.35");
        assert_eq!(coordinate(0.5), "0.5");
        assert_eq!(coordinate(-0.001), "0");
    }
}
