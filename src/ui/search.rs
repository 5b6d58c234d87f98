//! Search on screen: the query line in place of the key bar, and the hits in a popup above
//! it, each with where it is (tab › what), while the query is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{truncate, width};
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::Search;
use crate::i18n::{hits, strings};
use crate::ui::Screen;

const MAX_WIDTH: u16 = 100;

/// The hits' popup: as tall as the hits, up to most of the screen.
fn results_area(search: &Search, screen: Rect) -> Rect {
    let rows = search.hits.len().max(1) as u16 + 2;
    let mut area = popup::centered(screen, MAX_WIDTH, rows.min(screen.height.saturating_sub(4)));
    // Sit above the query line.
    area.y = screen
        .bottom()
        .saturating_sub(area.height + 1)
        .max(screen.y);
    area
}

pub fn render(app: &Screen, frame: &mut Frame, screen: Rect, search: &Search) {
    let s = strings(app.lang);
    let theme = &app.theme;
    if search.editing {
        let rect = results_area(search, screen);
        let title = format!("{} · {}", s.search_title, hits(app.lang, search.hits.len()));
        let inner = popup::frame(frame, rect, &title, s.search_keys, theme);
        let visible = inner.height.max(1) as usize;
        let first = (search.selected + 1).saturating_sub(visible);
        let room = inner.width.saturating_sub(2) as usize;
        let lines: Vec<Line> = if search.hits.is_empty() {
            let message = if search.query.trim().is_empty() {
                s.search_prompt
            } else {
                s.no_hits
            };
            vec![Line::styled(format!(" {message}"), theme.muted)]
        } else {
            search
                .hits
                .iter()
                .enumerate()
                .skip(first)
                .take(visible)
                .map(|(index, &hit)| {
                    let entry = &app.search_index.entries[hit];
                    let tab = app.dataset.tabs[entry.target.tab].title.get(app.lang);
                    let place = format!("{tab} › ");
                    let what = truncate(
                        entry.title.get(app.lang),
                        room.saturating_sub(width(&place) + 2),
                    );
                    if index == search.selected {
                        Line::from(vec![
                            Span::styled("▶ ", theme.selected),
                            Span::styled(format!("{place}{what}"), theme.selected),
                        ])
                    } else {
                        Line::from(vec![
                            Span::raw("  "),
                            Span::styled(place, theme.muted),
                            Span::styled(what, theme.text),
                        ])
                    }
                })
                .collect()
        };
        write_lines(frame.buffer_mut(), inner, &lines, 0);
    }
    query_line(
        app,
        frame,
        Rect::new(screen.x, screen.bottom().saturating_sub(1), screen.width, 1),
        search,
    );
}

/// `/ query▏ 12 hits` while typing; `n/N hit 3 of 12: query` after.
fn query_line(app: &Screen, frame: &mut Frame, area: Rect, search: &Search) {
    let s = strings(app.lang);
    let theme = &app.theme;
    let spans = if search.editing {
        vec![
            Span::styled(" / ", theme.key),
            Span::styled(format!("{}▏", search.query), theme.title),
            Span::styled(
                format!("  {}", hits(app.lang, search.hits.len())),
                theme.muted,
            ),
        ]
    } else if search.hits.is_empty() {
        vec![Span::styled(
            format!(" {} «{}»", s.no_hits, search.query),
            theme.muted,
        )]
    } else {
        vec![
            Span::styled(" n/N ", theme.key),
            Span::styled(
                format!(
                    "{} {}/{} «{}»  ",
                    s.hit,
                    search.selected + 1,
                    search.hits.len(),
                    search.query
                ),
                theme.muted,
            ),
            Span::styled("Esc ", theme.key),
            Span::styled(s.search_clear, theme.muted),
        ]
    };
    // Over the key bar: blank it first.
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
