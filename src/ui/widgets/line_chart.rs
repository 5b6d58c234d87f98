//! An indicator's series as a line chart: years along the bottom, the figures and the unit
//! up the side. A line joins observations only within a run (see [`series::runs`]), so no
//! line crosses a gap; every observation is marked `•`, so a lone one is a point. Where
//! sources disagree on a date, each figure is marked `◆` and the line passes through all of
//! them — a vertical stroke spanning the disagreement, preferring no source.
//!
//! ```text
//! trains
//!  20,000│                    ◆•
//!  10,000│        •⠤⠒•  •⠒•
//!       0│•⠤⠒•
//!        └──────────────────────
//!     2016      2020        2024
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style, Styled};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use crate::app::Theme;
use crate::dataset::series::{self, year_fraction};
use crate::dataset::{Indicator, Lang};
use crate::i18n::number_in;
use crate::ui::widgets::chart_scale::{unit_interval, value_ticks, year_bounds};

/// The mark of an observation, of one that another source contradicts, and of the one
/// selected in the detail.
pub const POINT: char = '•';
pub const CONFLICT: char = '◆';
pub const SELECTED_POINT: char = '●';

/// A chart ready to draw: coordinates, bounds and labels computed once from the series.
///
/// The y coordinates handed to ratatui are the values mapped onto 0..=1 (the lowest label to
/// the highest), not the values: ratatui's canvas subtracts and scales its bounds, and a
/// series spanning 0 to 5e306 overflowed to infinity there and drew a line of usize::MAX
/// dots (a hang no key could end). Mapped, every coordinate is a small finite number.
pub struct SeriesChart {
    runs: Vec<Vec<(f64, f64)>>,
    /// Every observation, and whether another source disagrees with it.
    marks: Vec<((f64, f64), bool)>,
    /// The observation selected in the detail, drawn over the others.
    selected: Option<usize>,
    x_bounds: [f64; 2],
    x_labels: Vec<String>,
    y_labels: Vec<String>,
    unit: String,
    line: Style,
    conflict: Style,
    axis: Style,
}

/// The colour of a conflict mark: the warning colour, which the themes give as a background.
pub fn conflict_style(theme: &Theme) -> Style {
    match theme.warning.bg.or(theme.warning.fg) {
        Some(colour) => Style::new().fg(colour),
        None => Style::new(),
    }
}

impl SeriesChart {
    pub fn new(indicator: &Indicator, lang: Lang, theme: &Theme) -> SeriesChart {
        let series = &indicator.series;
        let values = series.iter().map(|o| o.figure.value);
        let y_ticks = value_ticks(
            values.clone().fold(f64::INFINITY, f64::min),
            values.fold(f64::NEG_INFINITY, f64::max),
        );
        let to_unit = unit_interval(y_ticks[0], y_ticks[y_ticks.len() - 1]);
        let coordinates: Vec<(f64, f64)> = series
            .iter()
            .map(|o| (year_fraction(o.date.start()), to_unit(o.figure.value)))
            .collect();
        let marks = coordinates
            .iter()
            .copied()
            .zip(series::conflicts(series))
            .collect();
        let runs = series::runs(&series::days(series))
            .into_iter()
            .map(|run| coordinates[run].to_vec())
            .collect();

        let xs = coordinates.iter().map(|&(x, _)| x);
        let (first, last) = year_bounds(
            xs.clone().fold(f64::INFINITY, f64::min),
            xs.fold(f64::NEG_INFINITY, f64::max),
        );
        let year = |y: i32| crate::i18n::year(y, lang);
        SeriesChart {
            runs,
            marks,
            selected: None,
            x_bounds: [f64::from(first), f64::from(last)],
            x_labels: vec![year(first), year((first + last) / 2), year(last)],
            y_labels: y_ticks.iter().map(|&v| number_in(v, lang)).collect(),
            unit: indicator.unit.get(lang).to_owned(),
            line: Style::new().fg(theme.figure.fg.unwrap_or_default()),
            conflict: conflict_style(theme),
            axis: theme.muted,
        }
    }
}

impl SeriesChart {
    /// The chart with the observation of this index (of the series) marked as selected.
    pub fn with_selected(mut self, selected: Option<usize>) -> SeriesChart {
        self.selected = selected;
        self
    }
}

/// The y axis's bounds: coordinates handed to ratatui lie in 0..=1.
const Y_BOUNDS: [f64; 2] = [0.0, 1.0];

impl Widget for &SeriesChart {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The unit on a row of its own above the plot: as the axis's title ratatui draws it
        // inside the plot, where a point at the top runs into it (`40│•ountries`).
        let (unit_row, area) = if area.height > 3 {
            (
                Some(Rect::new(area.x, area.y, area.width, 1)),
                Rect::new(area.x, area.y + 1, area.width, area.height - 1),
            )
        } else {
            (None, area)
        };
        if let Some(row) = unit_row {
            Line::styled(self.unit.clone(), self.axis).render(row, buf);
        }
        let datasets: Vec<Dataset> = self
            .runs
            .iter()
            .map(|run| {
                Dataset::default()
                    .data(run)
                    .graph_type(GraphType::Line)
                    .marker(Marker::Braille)
                    .set_style(self.line)
            })
            .collect();
        let labels = |texts: &[String]| -> Vec<Line> {
            texts
                .iter()
                .map(|text| Line::styled(text.clone(), self.axis))
                .collect()
        };
        Chart::new(datasets)
            .legend_position(None)
            .x_axis(
                Axis::default()
                    .bounds(self.x_bounds)
                    .labels(labels(&self.x_labels))
                    .style(self.axis),
            )
            .y_axis(
                Axis::default()
                    .bounds(Y_BOUNDS)
                    .labels(labels(&self.y_labels))
                    .labels_alignment(Alignment::Right)
                    .style(self.axis),
            )
            .render(area, buf);
        self.mark(area, buf);
    }
}

impl SeriesChart {
    /// The cell of each observation drawn in `area` (into which the chart was just drawn
    /// in `buf`), by its index in the series: where its mark is, and where a click selects
    /// it. ratatui's own markers would round a point to a cell by a different rule than
    /// the braille line's dots and float a row off the line, so the cell is found as the
    /// canvas finds the dot.
    pub fn cells(&self, area: Rect, buf: &Buffer) -> Vec<(usize, (u16, u16))> {
        // The plot is right of the y axis and above the x axis, which meet at `└`.
        let corner = (area.top()..area.bottom()).rev().find_map(|y| {
            (area.left()..area.right())
                .find(|&x| buf[(x, y)].symbol() == "└")
                .map(|x| (x, y))
        });
        let Some((axis_x, axis_y)) = corner else {
            return Vec::new();
        };
        let plot = Rect::new(
            axis_x + 1,
            area.top(),
            area.right().saturating_sub(axis_x + 1),
            axis_y - area.top(),
        );
        if plot.is_empty() {
            return Vec::new();
        }
        let [left, right] = self.x_bounds;
        let [bottom, top] = Y_BOUNDS;
        // Braille: two dots across and four down a cell.
        let dots_across = f64::from(plot.width) * 2.0 - 1.0;
        let dots_down = f64::from(plot.height) * 4.0 - 1.0;
        self.marks
            .iter()
            .enumerate()
            .filter_map(|(index, &((x, y), _))| {
                let column = ((x - left) * dots_across / (right - left)).round() / 2.0;
                let row = ((top - y) * dots_down / (top - bottom)).round() / 4.0;
                ((0.0..f64::from(plot.width)).contains(&column.floor())
                    && (0.0..f64::from(plot.height)).contains(&row.floor()))
                .then(|| (index, (plot.x + column as u16, plot.y + row as u16)))
            })
            .collect()
    }

    /// Marks each observation on its cell: conflicts over plain points, the selected one
    /// over all, so that it wins a shared cell.
    fn mark(&self, area: Rect, buf: &mut Buffer) {
        let mut cells = self.cells(area, buf);
        cells.sort_by_key(|&(index, _)| (Some(index) == self.selected, self.marks[index].1));
        for (index, cell) in cells {
            let (symbol, style) = if Some(index) == self.selected {
                (SELECTED_POINT, self.line.add_modifier(Modifier::REVERSED))
            } else if self.marks[index].1 {
                (CONFLICT, self.conflict)
            } else {
                (POINT, self.line)
            };
            buf[cell].set_char(symbol).set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(series: &[(&str, f64)]) -> Indicator {
        let mut text = String::from(
            r#"
[dataset]
id = "t"
title = "T"
summary = "S."
as_of = "2023"
languages = ["en"]

[[sources]]
id = "s"
kind = "article"
title = "A"

[[sources]]
id = "s0"
kind = "article"
title = "B"

[[sources]]
id = "s1"
kind = "article"
title = "C"

[[tabs]]
id = "o"
title = "O"
kind = "overview"

[[indicators]]
id = "a"
label = "A"
value = 1
unit = "trains"
as_of = "2023"
source = "s"
quote = "Q"
"#,
        );
        // A date seen before is another source's figure: one source gives one per date.
        for (index, (date, value)) in series.iter().enumerate() {
            let again = series[..index].iter().filter(|(d, _)| d == date).count();
            text.push_str(&format!(
                "[[indicators.series]]\ndate = \"{date}\"\nvalue = {value:?}\nsource = \"s{again}\"\n"
            ));
        }
        let dataset = crate::dataset::parse("t.toml", &text).expect("valid");
        dataset.indicators[0].clone()
    }

    fn draw(chart: &SeriesChart, width: u16, height: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        chart.render(buf.area, &mut buf);
        buf
    }

    /// The columns of a row that hold something other than a blank.
    fn inked(buf: &Buffer, y: u16, columns: std::ops::Range<u16>) -> Vec<u16> {
        columns.filter(|&x| buf[(x, y)].symbol() != " ").collect()
    }

    #[test]
    fn no_line_crosses_a_gap() {
        let series = [("2010", 1.0), ("2011", 2.0), ("2012", 3.0), ("2020", 4.0)];
        let chart = SeriesChart::new(&indicator(&series), Lang::En, &Theme::default());
        let buf = draw(&chart, 60, 12);
        let marks: Vec<(u16, u16)> = (0..12)
            .flat_map(|y| (0..60).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].symbol() == POINT.to_string())
            .collect();
        assert_eq!(marks.len(), 4, "every observation is marked: {marks:?}");
        let last_run_end = marks.iter().map(|m| m.0).filter(|&x| x < 40).max().unwrap();
        let lone = marks.iter().map(|m| m.0).max().unwrap();
        // Between 2012 and 2020 the plot is empty on every row above the x axis.
        for y in 0..10 {
            let between = inked(&buf, y, last_run_end + 1..lone);
            assert!(between.is_empty(), "row {y} has ink at {between:?}");
        }
        // Within the run, the line leaves ink between the marks.
        let first = marks.iter().map(|m| m.0).min().unwrap();
        let run_ink: usize = (0..10)
            .map(|y| inked(&buf, y, first + 1..last_run_end).len())
            .sum();
        assert!(run_ink > 0, "the run is joined");
    }

    #[test]
    fn a_single_point_and_a_conflict_are_marked() {
        let chart = SeriesChart::new(&indicator(&[("2023", 5.0)]), Lang::En, &Theme::default());
        let text: String = draw(&chart, 40, 10)
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert_eq!(text.matches(POINT).count(), 1, "{text}");

        let series = [("2022", 5.0), ("2023", 6.0), ("2023", 9.0)];
        let chart = SeriesChart::new(&indicator(&series), Lang::En, &Theme::default());
        let text: String = draw(&chart, 40, 10)
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert_eq!(text.matches(CONFLICT).count(), 2, "{text}");
        assert_eq!(text.matches(POINT).count(), 1, "{text}");
    }

    /// The rows of the first and the last observation's marks, drawn in a thread with a
    /// deadline: before the y coordinates were mapped, ratatui's canvas drew a line of
    /// usize::MAX dots for such a series, and the test would hang instead of failing.
    fn rows_of_first_and_last_mark(series: &'static [(&'static str, f64)]) -> (u16, u16) {
        let (done, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let chart = SeriesChart::new(&indicator(series), Lang::En, &Theme::default());
            let buf = draw(&chart, 60, 12);
            let rows_of =
                |column: u16| (0..12).find(|&y| buf[(column, y)].symbol() == POINT.to_string());
            let columns: Vec<u16> = (0..60)
                .filter(|&x| (0..12).any(|y| buf[(x, y)].symbol() == POINT.to_string()))
                .collect();
            let first = rows_of(columns[0]).unwrap();
            let last = rows_of(*columns.last().unwrap()).unwrap();
            let _ = done.send((first, last));
        });
        result
            .recv_timeout(std::time::Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("drawing {series:?} did not finish"))
    }

    #[test]
    fn extreme_values_draw_at_once_and_apart() {
        for series in [
            &[("2020", 0.0), ("2023", 5e306)][..],
            &[("2020", -1.7e308), ("2023", 1.7e308)],
            &[("2020", 1e-300), ("2023", 2e-300)],
            &[("2020", 1.7e308), ("2023", 1.79e308)],
        ] {
            let (first, last) = rows_of_first_and_last_mark(series);
            assert!(
                first > last,
                "{series:?}: rising, drawn flat ({first} → {last})"
            );
        }
        let (first, last) = rows_of_first_and_last_mark(&[("2020", 5e306), ("2023", 0.0)]);
        assert!(first < last, "falling");
    }
}
