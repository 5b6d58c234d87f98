//! How far a figure is toward its target: a one-row gauge whose label says the true
//! percentage (`135% of the target`) while the bar stays between empty and full. The
//! figure's qualifier carries over: `≥ 12` of a target of 10 is "at least 120%", and
//! `< 120` is drawn as a bound (`▒`), never as a bar that reaches 120.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{LineGauge, Widget};

use crate::dataset::{Figure, Lang, Qualifier};
use crate::i18n::number_in;
use crate::i18n::{percent_of_target, strings};

/// A value measured against a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// `fill` is the share of the bar, clamped to 0..=1; `percent` is the truth, which may
    /// be negative or above 100.
    Share { fill: f64, percent: f64 },
    /// No percentage exists: the target is 0, or the ratio is too large for a number.
    Undefined,
}

pub fn progress(value: f64, target: f64) -> Progress {
    let ratio = value / target;
    let percent = ratio * 100.0;
    if target == 0.0 || !percent.is_finite() {
        return Progress::Undefined;
    }
    Progress::Share {
        fill: ratio.clamp(0.0, 1.0),
        percent,
    }
}

/// The gauge: the label, then `█` for the share reached and `░` for the rest, so that it
/// reads without colour.
pub struct TargetGauge {
    fill: f64,
    label: String,
    /// The bar's symbol: `█` for a figure reached, `▒` for an upper bound (`< 120`).
    symbol: &'static str,
    filled: Style,
    unfilled: Style,
}

impl TargetGauge {
    pub fn new(figure: Figure, target: f64, lang: Lang, filled: Style, unfilled: Style) -> Self {
        let (fill, label) = match progress(figure.value, target) {
            Progress::Share { fill, percent } => {
                // Tenths of a percent at most: the figures themselves are rarely finer.
                let percent = number_in((percent * 10.0).round() / 10.0, lang);
                (fill, percent_of_target(lang, figure.qualifier, &percent))
            }
            Progress::Undefined => (0.0, strings(lang).no_percentage.to_owned()),
        };
        let symbol = if figure.qualifier == Qualifier::FewerThan {
            "▒"
        } else {
            "█"
        };
        TargetGauge {
            fill,
            label,
            symbol,
            filled,
            unfilled,
        }
    }
}

impl Widget for &TargetGauge {
    fn render(self, area: Rect, buf: &mut Buffer) {
        LineGauge::default()
            .ratio(self.fill)
            .label(Span::styled(self.label.clone(), self.filled))
            .filled_symbol(self.symbol)
            .unfilled_symbol("░")
            .filled_style(self.filled)
            .unfilled_style(self.unfilled)
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_is_clamped_and_the_percentage_is_true() {
        assert_eq!(
            progress(50.0, 200.0),
            Progress::Share {
                fill: 0.25,
                percent: 25.0
            }
        );
        assert_eq!(
            progress(300.0, 200.0),
            Progress::Share {
                fill: 1.0,
                percent: 150.0
            }
        );
        assert_eq!(
            progress(-20.0, 200.0),
            Progress::Share {
                fill: 0.0,
                percent: -10.0
            }
        );
        assert_eq!(progress(20.0, 0.0), Progress::Undefined);
        assert_eq!(progress(0.0, 0.0), Progress::Undefined);
        assert_eq!(progress(f64::MAX, 1e-300), Progress::Undefined);
    }

    fn figure(value: f64, qualifier: Qualifier) -> Figure {
        Figure { value, qualifier }
    }

    #[test]
    fn the_label_carries_the_percentage() {
        let gauge = TargetGauge::new(
            figure(27.0, Qualifier::Exact),
            20.0,
            Lang::En,
            Style::new(),
            Style::new(),
        );
        assert_eq!(gauge.label, "135% of the target");
        assert_eq!(gauge.fill, 1.0);
        let gauge = TargetGauge::new(
            figure(1.0, Qualifier::Exact),
            3.0,
            Lang::Zh,
            Style::new(),
            Style::new(),
        );
        assert_eq!(gauge.label, "达到目标的33.3%");
    }

    #[test]
    fn the_qualifier_carries_over_to_the_percentage_and_the_bar() {
        let gauge = |value, qualifier, lang| {
            TargetGauge::new(
                figure(value, qualifier),
                10.0,
                lang,
                Style::new(),
                Style::new(),
            )
        };
        assert_eq!(
            gauge(12.0, Qualifier::AtLeast, Lang::En).label,
            "at least 120% of the target"
        );
        assert_eq!(
            gauge(12.0, Qualifier::AtLeast, Lang::Zh).label,
            "至少达到目标的120%"
        );
        assert_eq!(
            gauge(12.0, Qualifier::MoreThan, Lang::En).label,
            "more than 120% of the target"
        );
        assert_eq!(
            gauge(9.0, Qualifier::About, Lang::En).label,
            "about 90% of the target"
        );
        let bound = gauge(6.0, Qualifier::FewerThan, Lang::En);
        assert_eq!(bound.label, "less than 60% of the target");
        assert_eq!(bound.symbol, "▒", "an upper bound is not drawn as reached");
        assert_eq!(gauge(6.0, Qualifier::Exact, Lang::En).symbol, "█");
    }
}
