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
use ratatui::widgets::{Bar, BarChart, Widget};

use crate::dataset::{Dataset, Lang};
use crate::ui::format::figure_in;
use crate::ui::text::{truncate, width};
use crate::ui::theme::Theme;

/// A bar's length in ticks of [`BarChart`] at its full length: fine enough for any width.
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
}

impl Widget for &UnitBars {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let bars: Vec<Bar> = self
            .rows
            .iter()
            .map(|row| {
                Bar::default()
                    .label(Line::styled(row.label.clone(), self.label))
                    .value(row.ticks)
                    // The value is written after the bar, where it never covers it.
                    .text_value("")
            })
            .collect();
        let chart_width = area.width.saturating_sub(self.value_width + 1);
        BarChart::horizontal(bars)
            .bar_width(1)
            .bar_gap(0)
            .max(FULL)
            .bar_style(self.bar)
            .render(Rect::new(area.x, area.y, chart_width, area.height), buf);
        for (row, y) in self.rows.iter().zip(area.top()..area.bottom()) {
            let x = area.right().saturating_sub(width(&row.value) as u16);
            buf.set_stringn(
                x.max(area.x),
                y,
                &row.value,
                area.width as usize,
                self.value,
            );
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
    }
}
