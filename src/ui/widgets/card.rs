//! A headline figure in a bordered card: the number large and first, then what it counts
//! and when. A figure with a series has its sparkline at the right of the first line. A
//! taller card (a big screen) wraps its label instead of cutting it, then shows its source
//! and as much of its quote as fits.
//!
//! ```text
//! ╭──────────────────────────────────────╮
//! │≈ 19,000 trains             ▁▂▃ ▅▆ ▇█│
//! │China–Europe Railway Express trains p…│
//! │2024 · 2 years ago                    │
//! ╰──────────────────────────────────────╯
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::dataset::{Indicator, Lang, Origin, Said};
use crate::i18n::{date_with_age, figure_in, is_stale, labelled, quoted, said_line, strings};
use crate::ui::Screen;
use crate::ui::symbols::STALE;
use crate::ui::text::{cut_with_ellipsis, truncate, width, wrap_at_most};
use crate::ui::widgets::lines::write_lines;
use crate::ui::widgets::series::{spark_cells, sparkline};

/// Rows a card needs: two borders and three lines.
pub const HEIGHT: u16 = 5;
/// The tallest a card grows: its label, date, source and a few lines of its quote.
pub const MAX_HEIGHT: u16 = 12;

pub fn render(app: &Screen, frame: &mut Frame, area: Rect, indicator: &Indicator, selected: bool) {
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
    let value = figure_in(&indicator.figure, lang);
    // "20 countries", but "20个国家": Chinese writes no space before a unit.
    let gap = if lang == Lang::Zh { "" } else { " " };
    let unit = truncate(
        indicator.unit_for(indicator.figure.value, lang),
        room.saturating_sub(width(&value) + gap.len()),
    );
    let used = width(&value) + gap.len() + width(&unit);
    let mut first = vec![
        Span::styled(value, theme.figure),
        Span::raw(gap),
        Span::styled(unit, theme.text),
    ];
    // Two columns keep the sparkline apart from the unit.
    if let Some(spark) = spark(indicator, room.saturating_sub(used + 2)) {
        let pad = room - used - width(&spark);
        first.push(Span::raw(" ".repeat(pad)));
        first.push(Span::styled(spark, theme.figure));
    }
    // The rows beyond the three a card always has go first to the label's other lines,
    // then to the source and the quote.
    let spare = (inner.height as usize).saturating_sub(3);
    let label = indicator.label.get(lang);
    let wrapped = wrap_at_most(app.memory, label, room, 2 + spare);
    let label_rows = wrapped.len().min(1 + spare);
    let mut lines = vec![Line::from(first)];
    if label_rows == 1 {
        lines.push(Line::styled(truncate(label, room), theme.title));
    } else {
        lines.extend(
            cut_with_ellipsis(wrapped, label_rows, room)
                .into_iter()
                .map(|text| Line::styled(text, theme.title)),
        );
    }
    lines.push(date_line(app, indicator, room));
    let mut spare = spare.saturating_sub(label_rows - 1);
    if spare > 0 {
        let source = &app.dataset.sources[indicator.source];
        lines.push(Line::styled(
            truncate(
                &labelled(strings(lang).source, source.title.get(lang), lang),
                room,
            ),
            theme.muted,
        ));
        spare -= 1;
    }
    if spare > 0 {
        // A figure of which no source sentence is recorded says so, muted, never quoted.
        let said = indicator.said();
        let style = match said {
            Said::Words { .. } => theme.text,
            Said::Missing(_) => theme.muted,
        };
        // A card has room for the words, not for calling them the source's: only a
        // translation is marked (the detail names both sides).
        let text = match said {
            Said::Words { text, .. } if said.origin(lang) != Origin::Translation => {
                quoted(text.get(lang))
            }
            _ => said_line(said, lang),
        };
        let quote = wrap_at_most(app.memory, &text, room, spare + 1);
        lines.extend(
            cut_with_ellipsis(quote, spare, room)
                .into_iter()
                .map(|text| Line::styled(text, style)),
        );
    }
    frame.render_widget(block, area);
    write_lines(frame.buffer_mut(), inner, &lines, 0);
}

/// The series' most recent dates as a sparkline of at most `room` cells; none for fewer
/// than two dates, which show no trend.
fn spark(indicator: &Indicator, room: usize) -> Option<String> {
    let cells = spark_cells(&indicator.series);
    let mut shown = &cells[cells.len().saturating_sub(room)..];
    // A gap at the cut would only be a blank at the start.
    while let [None, rest @ ..] = shown {
        shown = rest;
    }
    (shown.len() >= 2).then(|| sparkline(shown))
}

/// `2023-10 (mid) · 3 years ago`, and a stale mark (a word, not only a colour) when the
/// figure is older than the configured limit.
pub fn date_line(app: &Screen, indicator: &Indicator, room: usize) -> Line<'static> {
    let date = date_with_age(&indicator.as_of, app.today, app.lang);
    if is_stale(&indicator.as_of, app.today, app.stale_after_months) {
        let mark = format!(" {STALE} {}", strings(app.lang).stale);
        let date = truncate(&date, room.saturating_sub(width(&mark)));
        Line::from(vec![
            Span::styled(date, app.theme.muted),
            Span::styled(mark, app.theme.warning),
        ])
    } else {
        Line::styled(truncate(&date, room), app.theme.muted)
    }
}
