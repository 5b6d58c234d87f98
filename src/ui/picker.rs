//! The dataset picker (`d`): the datasets the config names, with title, as-of date and
//! status; Enter switches, `c` compares with the dataset shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::PopupLayout;
use super::text::truncate;
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::CatalogStatus;
use crate::i18n::strings;
use crate::ui::Screen;

const MAX_WIDTH: u16 = 100;

/// Two rows an entry: name and location, then title, date and status.
const ROWS: u16 = 2;

fn area(app: &Screen, screen: Rect) -> Rect {
    popup::centered(screen, MAX_WIDTH, app.catalog.len() as u16 * ROWS + 2)
}

fn inner(app: &Screen, screen: Rect) -> Rect {
    let rect = area(app, screen);
    Rect::new(
        rect.x + 2,
        rect.y + 1,
        rect.width.saturating_sub(4),
        rect.height.saturating_sub(2),
    )
}

/// The first entry shown, so that the highlighted one is in view.
fn first_shown(selected: usize, visible: usize) -> usize {
    (selected + 1).saturating_sub(visible.max(1))
}

/// Where each catalog entry is drawn, by index.
fn entry_areas(app: &Screen, screen: Rect, selected: usize) -> Vec<(usize, Rect)> {
    let inner = inner(app, screen);
    let visible = (inner.height / ROWS) as usize;
    let first = first_shown(selected, visible);
    (first..app.catalog.len().min(first + visible))
        .map(|index| {
            let y = inner.y + (index - first) as u16 * ROWS;
            (
                index,
                Rect::new(inner.x, y, inner.width, ROWS.min(inner.bottom() - y)),
            )
        })
        .collect()
}

/// Draws the picker; reports its area and where each dataset is.
pub fn render(app: &Screen, frame: &mut Frame, screen: Rect, selected: usize) -> PopupLayout {
    let s = strings(app.lang);
    let theme = &app.theme;
    let footer = format!(
        "{} · {} · {}",
        s.picker_switch, s.picker_compare, s.close_hint
    );
    let rect = area(app, screen);
    popup::frame(frame, rect, s.picker_title, &footer, theme);
    let entries = entry_areas(app, screen, selected);
    for &(index, rect) in &entries {
        let entry = &app.catalog[index];
        let room = rect.width as usize;
        let current = if Some(index) == app.current {
            "● "
        } else {
            "  "
        };
        let is_selected = index == selected;
        let marker = if is_selected { "▶ " } else { "  " };
        let (details, detail_style) = match &entry.status {
            CatalogStatus::Unknown => ("…".to_owned(), theme.muted),
            CatalogStatus::Ok { title, as_of } => (
                format!(
                    "{} · {} · ok",
                    title.get(app.lang),
                    crate::i18n::date(as_of, app.lang)
                ),
                theme.text,
            ),
            CatalogStatus::Invalid(problem) => (format!("⚠ {problem}"), theme.warning),
        };
        let name_style = if is_selected {
            theme.selected
        } else {
            theme.title
        };
        let lines = vec![
            Line::from(vec![
                Span::styled(marker, name_style),
                Span::styled(
                    truncate(
                        &format!("{current}{}  {}", entry.name, entry.location),
                        room.saturating_sub(2),
                    ),
                    name_style,
                ),
            ]),
            Line::from(vec![
                Span::raw("    "),
                Span::styled(truncate(&details, room.saturating_sub(4)), detail_style),
            ]),
        ];
        write_lines(frame.buffer_mut(), rect, &lines, 0);
    }
    PopupLayout {
        area: rect,
        max_scroll: 0,
        page: 0,
        entries,
    }
}
