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

use chrono::{Datelike, NaiveDate};

use super::markup::Markup;
use super::words::{self, words};
use crate::dataset::{Indicator, Lang, Observation};
use crate::ui::{figure_with_unit, number_in};

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

/// The most steps between labels of the y axis.
const MAX_VALUE_STEPS: usize = 5;
/// The most year labels along the x axis.
const MAX_YEAR_LABELS: i32 = 9;

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
    let first = indicator.series.first().map(|o| o.date.display(lang));
    let last = indicator.series.last().map(|o| o.date.display(lang));
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
            &words::year(year, lang),
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
    let unit = indicator.unit.get(lang);
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
                observation.date.display(lang),
                w.colon,
                figure_with_unit(&observation.figure, unit, lang)
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

/// A date as a fractional year (`2024-07-02` → about `2024.5`): the x coordinate, as in
/// the dashboard's chart.
pub fn year_fraction(date: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(date.year()) + f64::from(date.ordinal0()) / days_in_year
}

/// The runs a line may join, by the day each observation starts: the dashboard's gap rule
/// (src/ui/widgets/series.rs, which the export cannot reach): a step between distinct
/// dates longer than 1.5 times the median step is a gap and ends a run.
pub fn runs(days: &[i32]) -> Vec<Range<usize>> {
    if days.is_empty() {
        return Vec::new();
    }
    let steps: Vec<(usize, i32)> = (1..days.len())
        .filter(|&i| days[i] != days[i - 1])
        .map(|i| (i, days[i] - days[i - 1]))
        .collect();
    let mut sorted: Vec<i32> = steps.iter().map(|&(_, step)| step).collect();
    sorted.sort_unstable();
    let typical = sorted
        .get(sorted.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default();
    let mut runs = Vec::new();
    let mut start = 0;
    for (index, step) in steps {
        if f64::from(step) > 1.5 * f64::from(typical) {
            runs.push(start..index);
            start = index;
        }
    }
    runs.push(start..days.len());
    runs
}

/// Whether each observation shares its date with another: sources disagree on it.
pub fn conflicts(series: &[Observation]) -> Vec<bool> {
    (0..series.len())
        .map(|i| {
            let same = |j: usize| series.get(j).is_some_and(|o| o.date == series[i].date);
            same(i + 1) || (i > 0 && same(i - 1))
        })
        .collect()
}

/// Whole years around the data; one date gets a year on either side.
fn year_bounds(min: f64, max: f64) -> (i32, i32) {
    let (first, last) = (min.floor() as i32, max.ceil() as i32);
    if first == last {
        (first - 1, last + 1)
    } else {
        (first, last)
    }
}

/// Every year, or every second, fifth, tenth… so that at most [`MAX_YEAR_LABELS`] show,
/// on multiples of the step.
fn year_ticks((first, last): (i32, i32)) -> Vec<i32> {
    let span = last - first;
    let step = [1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .find(|&step| span / step < MAX_YEAR_LABELS)
        .unwrap_or(span.max(1));
    let start = first + (step - first.rem_euclid(step)) % step;
    (start..=last).step_by(step as usize).collect()
}

/// Round values from at most `min` to at least `max`, evenly spaced by 1, 2, 2.5 or 5 times
/// a power of ten, at most [`MAX_VALUE_STEPS`] steps; a flat series gets room around its
/// value, and a range too wide for round steps is labelled at its ends.
fn value_ticks(min: f64, max: f64) -> Vec<f64> {
    let (min, max) = if min < max {
        (min, max)
    } else {
        let pad = if min == 0.0 { 1.0 } else { min.abs() / 10.0 };
        match (min - pad, max + pad) {
            (low, high) if low.is_finite() && high.is_finite() => (low, high),
            (low, _) if low.is_finite() => (low - pad, max),
            (_, high) => (min, high + pad),
        }
    };
    let least = max / MAX_VALUE_STEPS as f64 - min / MAX_VALUE_STEPS as f64;
    let power = 10f64.powf(least.log10().floor());
    for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = multiple * power;
        if !(step.is_finite() && step > 0.0 && step >= least) {
            continue;
        }
        let low = (min / step).floor();
        let steps = (max / step - low).ceil();
        if !(steps.is_finite() && steps <= MAX_VALUE_STEPS as f64) {
            continue;
        }
        // Multiples of the step, rounded to its decimals: 3 × 0.1 is 0.30000000000000004.
        let decimals = (-power.log10()).max(0.0) as usize + 1;
        let ticks: Vec<f64> = (0..=steps.max(1.0) as usize)
            .map(|i| (low + i as f64) * step)
            .map(|tick| round_to(tick, decimals))
            .collect();
        if ticks.iter().all(|tick| tick.is_finite()) {
            return ticks;
        }
        break;
    }
    vec![min, max]
}

fn round_to(value: f64, decimals: usize) -> f64 {
    if decimals > 17 {
        return value;
    }
    format!("{value:.decimals$}").parse().unwrap_or(value)
}

#[cfg(test)]
// One run of a whole series is a list of one range, not a mistaken list of numbers.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::dataset::FuzzyDate;

    fn day(text: &str) -> i32 {
        FuzzyDate::parse(text).unwrap().start().num_days_from_ce()
    }

    #[test]
    fn gaps_split_runs_as_in_the_dashboard() {
        // The cases of src/ui/widgets/series.rs, whose rule this is.
        let years = [
            "2016", "2017", "2018", "2020", "2020", "2021", "2023", "2024",
        ];
        let days: Vec<i32> = years.iter().map(|y| day(y)).collect();
        assert_eq!(runs(&days), [0..3, 3..6, 6..8]);
        let biennial: Vec<i32> = ["2016", "2018", "2020", "2022"].map(day).to_vec();
        assert_eq!(runs(&biennial), [0..4]);
        assert_eq!(runs(&[0, 10, 20, 35]), [0..4]);
        assert_eq!(runs(&[0, 10, 20, 36]), [0..3, 3..4]);
        assert_eq!(runs(&[day("2020"), day("2020")]), [0..2]);
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn value_ticks_are_round_and_cover_the_data() {
        assert_eq!(
            value_ticks(1702.0, 19000.0),
            [0.0, 5000.0, 10000.0, 15000.0, 20000.0]
        );
        assert_eq!(value_ticks(0.1, 0.7), [0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(value_ticks(20.0, 20.0), [18.0, 19.0, 20.0, 21.0, 22.0]);
        assert_eq!(value_ticks(-5.0, 5.0), [-5.0, -2.5, 0.0, 2.5, 5.0]);
        for (min, max) in [
            (-f64::MAX, f64::MAX),
            (f64::MAX, f64::MAX),
            (-f64::MAX, -f64::MAX),
            (0.0, 5e306),
            (1e-300, 2e-300),
            (0.0, 0.0),
        ] {
            let ticks = value_ticks(min, max);
            assert!(ticks.iter().all(|v| v.is_finite()), "{ticks:?}");
            assert!(
                ticks[0] <= min && max <= ticks[ticks.len() - 1],
                "{min} {max}: {ticks:?}"
            );
            assert!(ticks[0] < ticks[ticks.len() - 1], "{ticks:?}");
        }
    }

    #[test]
    fn year_labels_fit_and_fall_on_round_years() {
        assert_eq!(year_ticks((2016, 2024)), (2016..=2024).collect::<Vec<_>>());
        assert_eq!(
            year_ticks((2013, 2025)),
            [2014, 2016, 2018, 2020, 2022, 2024]
        );
        assert_eq!(
            year_ticks((1990, 2030)),
            [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025, 2030]
        );
        assert_eq!(year_bounds(2023.0, 2023.0), (2022, 2024));
        assert_eq!(year_bounds(2018.6, 2025.9), (2018, 2026));
    }

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
