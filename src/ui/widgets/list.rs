//! A vertical list of multi-line entries that scrolls to keep the selected one in view.
//! Placement is a pure function of the entries, the selection and the area, so mouse hits
//! are computed from the same placement that is drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::ui::theme::Theme;

/// One entry: its lines and, if it can be selected, its index among the tab's items.
pub struct Entry {
    pub item: Option<usize>,
    pub lines: Vec<Line<'static>>,
}

/// Where an entry landed: its visible rows, and how many of its lines scrolled off the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub entry: usize,
    pub area: Rect,
    pub skip: usize,
}

/// The first line to show so that the selected entry is in view, about a third of the way
/// down when the list is longer than the area.
fn scroll_offset(entries: &[Entry], selected_item: Option<usize>, height: usize) -> usize {
    let total: usize = entries.iter().map(|e| e.lines.len()).sum();
    if total <= height {
        return 0;
    }
    let mut start = 0;
    let mut found = None;
    for entry in entries {
        if entry.item.is_some() && entry.item == selected_item {
            found = Some((start, start + entry.lines.len()));
            break;
        }
        start += entry.lines.len();
    }
    let Some((start, end)) = found else {
        return 0;
    };
    let mut offset = start.saturating_sub(height / 3);
    if end > offset + height {
        offset = end.saturating_sub(height).min(start);
    }
    offset.min(total - height)
}

pub fn place(entries: &[Entry], selected_item: Option<usize>, area: Rect) -> Vec<Placement> {
    let height = area.height as usize;
    let offset = scroll_offset(entries, selected_item, height);
    let mut placements = Vec::new();
    let mut line = 0usize;
    for (index, entry) in entries.iter().enumerate() {
        let (first, last) = (line, line + entry.lines.len());
        line = last;
        if last <= offset {
            continue;
        }
        let top = first.max(offset);
        if top >= offset + height {
            break;
        }
        let visible = last.min(offset + height) - top;
        placements.push(Placement {
            entry: index,
            area: Rect::new(
                area.x,
                area.y + (top - offset) as u16,
                area.width,
                visible as u16,
            ),
            skip: top - first,
        });
    }
    placements
}

/// Draws the placed entries; the selected one in the theme's selection style with a `▶`
/// in its gutter, so it is visible without colour too.
pub fn render(
    frame: &mut Frame,
    entries: &[Entry],
    placements: &[Placement],
    selected_item: Option<usize>,
    theme: &Theme,
) {
    for placement in placements {
        let entry = &entries[placement.entry];
        let is_selected = entry.item.is_some() && entry.item == selected_item;
        let lines: Vec<Line> = entry
            .lines
            .iter()
            .enumerate()
            .skip(placement.skip)
            .take(placement.area.height as usize)
            .map(|(index, line)| {
                if !is_selected {
                    let mut line = line.clone();
                    line.spans.insert(0, Span::raw("  "));
                    return line;
                }
                let gutter = if index == 0 { "▶ " } else { "  " };
                let mut spans = vec![Span::styled(
                    gutter,
                    theme.selected.add_modifier(Modifier::BOLD),
                )];
                spans.extend(line.spans.iter().map(|span| {
                    let bold = span.style.add_modifier.contains(Modifier::BOLD);
                    let style = if bold {
                        theme.selected.add_modifier(Modifier::BOLD)
                    } else {
                        theme.selected
                    };
                    Span::styled(span.content.clone(), style)
                }));
                Line::from(spans).style(theme.selected)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), placement.area);
    }
}

/// The width left for an entry's text after the two-column gutter.
pub fn text_width(area: Rect) -> usize {
    (area.width as usize).saturating_sub(2).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(heights: &[usize]) -> Vec<Entry> {
        heights
            .iter()
            .enumerate()
            .map(|(i, &h)| Entry {
                item: Some(i),
                lines: (0..h).map(|_| Line::raw("x")).collect(),
            })
            .collect()
    }

    #[test]
    fn short_lists_do_not_scroll() {
        let placed = place(&entries(&[2, 2]), Some(1), Rect::new(0, 0, 10, 10));
        assert_eq!(placed[1].area, Rect::new(0, 2, 10, 2));
    }

    #[test]
    fn the_selected_entry_is_always_fully_visible() {
        let list = entries(&[3; 20]);
        for selected in 0..20 {
            let placed = place(&list, Some(selected), Rect::new(0, 5, 10, 8));
            let p = placed
                .iter()
                .find(|p| p.entry == selected)
                .expect("selected entry placed");
            assert_eq!((p.area.height, p.skip), (3, 0), "entry {selected}");
            assert!(
                placed
                    .iter()
                    .all(|p| p.area.y >= 5 && p.area.bottom() <= 13)
            );
        }
    }
}
