//! The timeline: events oldest first, each with its date at its true precision and how long
//! ago it was.
//!
//! ```text
//! ● 2013 · 13 years ago
//! │ The Belt and Road Initiative is proposed
//! │
//! ● 2023-10-18 · 3 years ago
//! │ Eight major steps announced
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::date_with_age;
use crate::i18n::{labelled, strings};
use crate::ui::Screen;
use crate::ui::text::{truncate, wrapped_lines};
use crate::ui::widgets::list::{self, Entry};

/// One event: its date and age, its label, its source.
fn entry(app: &Screen, index: usize, text_width: usize) -> Entry {
    let theme = &app.theme;
    let lang = app.lang;
    let event = &app.dataset.events[index];
    let mut lines = vec![Line::from(vec![
        Span::styled("● ", theme.figure),
        Span::styled(
            truncate(
                &date_with_age(&event.date, app.today, lang),
                text_width.saturating_sub(2),
            ),
            theme.figure,
        ),
    ])];
    lines.extend(wrapped_lines(
        app.memory,
        event.label.get(lang),
        text_width,
        ("│ ", "│ "),
        theme.border,
        theme.text,
    ));
    let source = &app.dataset.sources[event.source];
    lines.extend(wrapped_lines(
        app.memory,
        &labelled(strings(lang).source, source.title.get(lang), lang),
        text_width,
        ("│ ", "│ "),
        theme.border,
        theme.muted,
    ));
    lines.push(Line::styled("│", theme.border));
    Entry {
        item: Some(index),
        lines,
    }
}

/// Draws the events; returns where each is, by item index.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> Vec<(usize, Rect)> {
    list::render_tab(
        frame,
        area,
        app.dataset.events.len(),
        app.selected_index(),
        &app.theme,
        strings(app.lang).nothing_here,
        |index, text_width| entry(app, index, text_width),
    )
}
