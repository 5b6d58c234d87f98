//! Figures of one unit side by side: a horizontal bar per indicator, its label (cut to fit
//! by display width) on the left and its figure on the right.
//!
//! ```text
//! Countries with a…  ██████████████████████  > 150
//! Countries with S…  █████                      36
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::Theme;
use crate::dataset::{Dataset, Lang};
use crate::i18n::figure_in;
use crate::ui::text::{truncate, width};
use crate::ui::widgets::lines::write_line;

/// A bar's length in ticks at its full length: fine enough for any width.
const FULL: u64 = 1000;

/// The indicators (by index) that share a unit in `lang`, for each unit at least two share,
/// in the order the units first appear.
pub fn shared_units(dataset: &Dataset, indicators: &[usize], lang: Lang) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in indicators {
        let unit = dataset.indicators[i].unit.get(lang);
        match groups
            .iter_mut()
            .find(|group| dataset.indicators[group[0]].unit.get(lang) == unit)
        {
            Some(group) => group.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups.retain(|group| group.len() >= 2);
    groups
}

struct Row {
    label: String,
    ticks: u64,
    value: String,
}

/// One group's bars, laid out for a width: one row per indicator.
pub struct UnitBars {
    rows: Vec<Row>,
    value_width: u16,
    bar: Style,
    label: Style,
    value: Style,
}

impl UnitBars {
    pub fn new(dataset: &Dataset, group: &[usize], lang: Lang, theme: &Theme, room: usize) -> Self {
        let indicators = group.iter().map(|&i| &dataset.indicators[i]);
        // Negative figures get no bar (their value is still written beside it).
        let longest = indicators
            .clone()
            .map(|i| i.figure.value)
            .fold(0.0, f64::max);
        let label_room = room * 2 / 5;
        let rows: Vec<Row> = indicators
            .map(|indicator| {
                let share = indicator.figure.value / longest;
                Row {
                    label: truncate(indicator.label.get(lang), label_room),
                    ticks: if share > 0.0 {
                        (share * FULL as f64).round() as u64
                    } else {
                        0
                    },
                    value: figure_in(&indicator.figure, lang),
                }
            })
            .collect();
        let value_width = rows.iter().map(|row| width(&row.value)).max().unwrap_or(0) as u16;
        UnitBars {
            rows,
            value_width,
            bar: Style::new().fg(theme.figure.fg.unwrap_or_default()),
            label: theme.text,
            value: theme.figure,
        }
    }

    pub fn height(&self) -> u16 {
        self.rows.len() as u16
    }

    /// Draws the rows from `skip` on into `visible` (clipped to the buffer), as a
    /// horizontal `BarChart` of all the rows would draw them, but only the rows in view:
    /// a panel may compare hundreds of figures.
    ///
    /// Each row: its label, in as many columns as the longest label and a space; the bar,
    /// in whole cells; its figure at the right edge.
    pub fn draw_rows(&self, buffer: &mut Buffer, visible: Rect, skip: usize) {
        let visible = visible.intersection(buffer.area);
        let label_width = self
            .rows
            .iter()
            .map(|row| width(&row.label))
            .max()
            .unwrap_or(0) as u16;
        let chart_width = visible.width.saturating_sub(self.value_width + 1);
        let bar_x = visible.x + (label_width + u16::from(label_width != 0)).min(chart_width);
        let bar_room = (visible.x + chart_width).saturating_sub(bar_x);
        let shown = self.rows.iter().skip(skip).take(visible.height as usize);
        for (row, y) in shown.zip(visible.top()..) {
            if chart_width > 0 {
                // `BarChart`'s scale: eighths of a cell, shown in whole cells.
                let ticks = u64::from(bar_room) * 8 * row.ticks / FULL;
                let length = (ticks / 8) as u16;
                for x in bar_x..bar_x + bar_room {
                    let symbol = if x - bar_x < length { "█" } else { " " };
                    buffer[(x, y)].set_symbol(symbol).set_style(self.bar);
                }
                let label = Line::styled(row.label.as_str(), self.label);
                write_line(buffer, visible.x, y, &label, label_width.min(visible.width));
            }
            let value_x = visible
                .right()
                .saturating_sub(width(&row.value) as u16)
                .max(visible.x);
            let value = Line::styled(row.value.as_str(), self.value);
            write_line(buffer, value_x, y, &value, visible.right() - value_x);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_longest_and_never_negative() {
        let text = r#"
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

[[tabs]]
id = "p"
title = "P"
kind = "panels"

[[panels]]
id = "one"
tab = "p"
title = "One"
summary = "S."

[[indicators]]
id = "a"
label = "A"
value = 200
unit = "trains"
as_of = "2023"
source = "s"
quote = "Q"
panels = ["one"]

[[indicators]]
id = "b"
label = "B"
value = 50
unit = "trains"
as_of = "2023"
source = "s"
quote = "Q"
panels = ["one"]

[[indicators]]
id = "c"
label = "C"
value = -10
unit = "trains"
as_of = "2023"
source = "s"
quote = "Q"
panels = ["one"]

[[indicators]]
id = "d"
label = "D"
value = 3
unit = "ships"
as_of = "2023"
source = "s"
quote = "Q"
panels = ["one"]
"#;
        let dataset = crate::dataset::parse("t.toml", text).expect("valid");
        let groups = shared_units(&dataset, &[0, 1, 2, 3], Lang::En);
        assert_eq!(groups, [vec![0, 1, 2]], "ships stand alone");
        let bars = UnitBars::new(&dataset, &groups[0], Lang::En, &Theme::default(), 40);
        let ticks: Vec<u64> = bars.rows.iter().map(|r| r.ticks).collect();
        assert_eq!(ticks, [1000, 250, 0]);
        assert_eq!(bars.rows[2].value, "-10");
        draws_rows_as_a_bar_chart_of_all_rows_would(&bars);
    }

    /// The rows as ratatui's `BarChart` draws them when given every row, into a buffer as
    /// tall as the chart, of which the rows from `skip` on are copied into `visible`.
    fn drawn_by_bar_chart(bars: &UnitBars, frame: Rect, visible: Rect, skip: usize) -> Buffer {
        use ratatui::widgets::{Bar, BarChart, Widget};
        let height = bars.height();
        let mut scratch = Buffer::empty(Rect::new(0, 0, visible.width, height));
        let area = scratch.area;
        let chart: Vec<Bar> = bars
            .rows
            .iter()
            .map(|row| {
                Bar::default()
                    .label(Line::styled(row.label.clone(), bars.label))
                    .value(row.ticks)
                    .text_value("")
            })
            .collect();
        let chart_width = area.width.saturating_sub(bars.value_width + 1);
        BarChart::horizontal(chart)
            .bar_width(1)
            .bar_gap(0)
            .max(FULL)
            .bar_style(bars.bar)
            .render(Rect::new(0, 0, chart_width, height), &mut scratch);
        for (row, y) in bars.rows.iter().zip(0..height) {
            let x = area.right().saturating_sub(width(&row.value) as u16);
            scratch.set_stringn(x, y, &row.value, area.width as usize, bars.value);
        }
        let mut out = Buffer::empty(frame);
        let visible = visible.intersection(frame);
        for row in 0..visible.height.min(height.saturating_sub(skip as u16)) {
            for column in 0..visible.width {
                out[(visible.x + column, visible.y + row)] =
                    scratch[(column, skip as u16 + row)].clone();
            }
        }
        out
    }

    fn draws_rows_as_a_bar_chart_of_all_rows_would(bars: &UnitBars) {
        let frame = Rect::new(0, 0, 50, 6);
        for width in [0, 3, 6, 9, 12, 20, 31, 50] {
            for height in 0..5 {
                for skip in 0..4 {
                    let visible = Rect::new(0, 1, width, height);
                    let mut ours = Buffer::empty(frame);
                    bars.draw_rows(&mut ours, visible, skip);
                    assert_eq!(
                        ours,
                        drawn_by_bar_chart(bars, frame, visible, skip),
                        "{width}×{height} from row {skip}"
                    );
                }
            }
        }
    }
}
