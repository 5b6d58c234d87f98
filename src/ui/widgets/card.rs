//! A headline figure in a bordered card: the number large and first, then what it counts
//! and when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;
use crate::dataset::Indicator;
use crate::ui::format::{date_with_age, figure, is_stale};
use crate::ui::strings::strings;
use crate::ui::text::{truncate, width};

/// Rows a card needs: two borders and three lines.
pub const HEIGHT: u16 = 5;

pub fn render(app: &App, frame: &mut Frame, area: Rect, indicator: &Indicator, selected: bool) {
    let theme = &app.theme;
    let lang = app.lang;
    let block = if selected {
        Block::bordered()
            .border_set(border::THICK)
            .border_style(theme.border_selected)
            .title(Span::styled("▶", theme.border_selected))
    } else {
        Block::bordered()
            .border_set(border::ROUNDED)
            .border_style(theme.border)
    };
    let inner = block.inner(area);
    let room = inner.width as usize;
    let value = figure(&indicator.figure);
    let unit = truncate(
        indicator.unit.get(lang),
        room.saturating_sub(width(&value) + 1),
    );
    let lines = vec![
        Line::from(vec![
            Span::styled(value, theme.figure),
            Span::raw(" "),
            Span::styled(unit, theme.text),
        ]),
        Line::styled(truncate(indicator.label.get(lang), room), theme.title),
        date_line(app, indicator, room),
    ];
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `2023-10 (mid) · 3 years ago`, and a stale mark (a word, not only a colour) when the
/// figure is older than the configured limit.
pub fn date_line(app: &App, indicator: &Indicator, room: usize) -> Line<'static> {
    let date = date_with_age(&indicator.as_of, app.today, app.lang);
    if is_stale(&indicator.as_of, app.today, app.stale_after_months) {
        let mark = format!(" ⚠ {}", strings(app.lang).stale);
        let date = truncate(&date, room.saturating_sub(width(&mark)));
        Line::from(vec![
            Span::styled(date, app.theme.muted),
            Span::styled(mark, app.theme.warning),
        ])
    } else {
        Line::styled(truncate(&date, room), app.theme.muted)
    }
}
