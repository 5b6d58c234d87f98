//! The overview: what the dataset is and where it comes from, then its headline figures as
//! cards, as many columns as fit.
//!
//! ```text
//! summary, wrapped (at most three lines)
//! Source: authors, title
//!
//! ┌──────────────┐ ┌──────────────┐ ┌──────────────┐
//! │20 countries  │ │130 systems   │ │3 initiatives │
//! │label         │ │label         │ │label         │
//! │date · age    │ │date · age    │ │date · age    │
//! └──────────────┘ └──────────────┘ └──────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::Item;
use crate::i18n::{labelled, strings};
use crate::ui::Screen;
use crate::ui::text::{cut_with_ellipsis, truncate, wrap_at_most};
use crate::ui::widgets::card;
use crate::ui::widgets::lines::write_lines;

/// Narrower cards cut their labels; wider screens get more columns of at least this.
const MIN_CARD_WIDTH: u16 = 38;
const MAX_SUMMARY_LINES: usize = 3;

struct Layout {
    intro: Rect,
    summary: Vec<String>,
    /// Card areas by item index.
    cards: Vec<(usize, Rect)>,
    columns: usize,
}

fn layout(app: &Screen, area: Rect) -> Layout {
    let room = area.width.saturating_sub(2) as usize;
    let summary = cut_with_ellipsis(
        wrap_at_most(
            app.memory,
            app.dataset.meta.summary.get(app.lang),
            room,
            MAX_SUMMARY_LINES + 1,
        ),
        MAX_SUMMARY_LINES,
        room,
    );
    // Summary, source line, a blank line.
    let intro_height = (summary.len() as u16 + 2).min(area.height);
    let intro = Rect::new(area.x, area.y, area.width, intro_height);
    let grid = Rect::new(
        area.x,
        area.y + intro_height,
        area.width,
        area.height - intro_height,
    );

    let count = app.items().len();
    let columns = (grid.width / MIN_CARD_WIDTH)
        .clamp(1, 4)
        .min(count.max(1) as u16);
    let card_width = grid.width / columns;
    // Cards grow taller when every row of them fits with room to spare, up to a limit.
    let rows = count.div_ceil(columns as usize).max(1) as u16;
    let card_height = (grid.height / rows).clamp(card::HEIGHT, card::MAX_HEIGHT);
    let visible_rows = (grid.height / card_height).max(1) as usize;
    let selected_row = app.selected_index() / columns as usize;
    let first_row = (selected_row + 1).saturating_sub(visible_rows);
    // Only the cards of the rows in view: there may be thousands of headline figures.
    let per_row = columns as usize;
    let shown = first_row * per_row..((first_row + visible_rows) * per_row).min(count);
    let cards = shown
        .filter_map(|index| {
            let row = index / columns as usize;
            let column = (index % columns as usize) as u16;
            let y = grid.y + (row - first_row) as u16 * card_height;
            let height = card_height.min(grid.bottom().saturating_sub(y));
            (height > 0).then(|| {
                (
                    index,
                    Rect::new(grid.x + column * card_width, y, card_width, height),
                )
            })
        })
        .collect();
    Layout {
        intro,
        summary,
        cards,
        columns: per_row,
    }
}

fn source_line(app: &Screen, max: usize) -> String {
    let dataset = &app.dataset;
    let s = strings(app.lang);
    let Some(source) = dataset.meta.source.map(|i| &dataset.sources[i]) else {
        return String::new();
    };
    let separator = strings(app.lang).list_separator;
    let authors: Vec<&str> = source
        .authors
        .iter()
        .map(|a| a.name.get(app.lang))
        .collect();
    let title = source.title.get(app.lang);
    let text = if authors.is_empty() {
        labelled(s.source, title, app.lang)
    } else {
        labelled(
            s.source,
            &format!("{} — {title}", authors.join(separator)),
            app.lang,
        )
    };
    truncate(&text, max)
}

/// Draws the overview; returns where each card is, by item index, and how many columns
/// the grid has.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> (Vec<(usize, Rect)>, usize) {
    let theme = &app.theme;
    let layout = layout(app, area);
    let mut lines: Vec<Line> = layout
        .summary
        .iter()
        .map(|line| Line::from(vec![Span::raw(" "), Span::styled(line.clone(), theme.text)]))
        .collect();
    lines.push(Line::from(vec![
        Span::raw(" "),
        Span::styled(
            source_line(app, area.width.saturating_sub(2) as usize),
            theme.muted,
        ),
    ]));
    write_lines(frame.buffer_mut(), layout.intro, &lines, 0);

    if layout.cards.is_empty() {
        let notice = Paragraph::new(Span::styled(strings(app.lang).nothing_here, theme.muted));
        frame.render_widget(
            notice,
            Rect::new(
                area.x + 1,
                layout.intro.bottom(),
                area.width.saturating_sub(1),
                1,
            ),
        );
    }
    for &(index, rect) in &layout.cards {
        if let Item::Indicator(indicator) = app.items()[index] {
            let selected = index == app.selected_index();
            card::render(
                app,
                frame,
                rect,
                &app.dataset.indicators[indicator],
                selected,
            );
        }
    }
    (layout.cards, layout.columns)
}
