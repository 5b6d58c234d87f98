//! A vertical list of multi-line entries that scrolls to keep the selected one in view.
//! Placement is a pure function of the entries, the selection and the area, so mouse hits
//! are computed from the same placement that is drawn.
//!
//! Entries are built on demand, by index: only those around the selection, enough to fill
//! the area and to know where it scrolls, are ever built (wrapped, formatted). A frame of a
//! list of 100 000 entries costs what a frame of a list of ten does.

use std::collections::VecDeque;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::Theme;
use crate::ui::widgets::lines::write_line;

/// One entry: its lines and, if it can be selected, its index among the tab's items.
pub struct Entry {
    pub item: Option<usize>,
    pub lines: Vec<Line<'static>>,
}

/// An entry that landed in the area: its index in the list, its visible rows, and how many
/// of its lines scrolled off the top.
pub struct Placed {
    pub index: usize,
    pub entry: Entry,
    pub area: Rect,
    pub skip: usize,
}

/// Entries built so far, contiguous around the selected one (or the first), with the line
/// each starts at counted from that entry's first line (negative above it).
struct Window<F> {
    build: F,
    count: usize,
    /// Built entries, in order: (index, start line, entry).
    built: VecDeque<(usize, isize, Entry)>,
}

impl<F: FnMut(usize) -> Entry> Window<F> {
    fn first_line(&self) -> isize {
        self.built.front().map_or(0, |(_, start, _)| *start)
    }

    fn end_line(&self) -> isize {
        self.built
            .back()
            .map_or(0, |(_, start, entry)| start + entry.lines.len() as isize)
    }

    /// Builds the entry before the first built one; false at the top of the list.
    fn grow_up(&mut self) -> bool {
        let Some(&(index, start, _)) = self.built.front() else {
            return false;
        };
        if index == 0 {
            return false;
        }
        let entry = (self.build)(index - 1);
        let start = start - entry.lines.len() as isize;
        self.built.push_front((index - 1, start, entry));
        true
    }

    /// Builds the entry after the last built one; false at the end of the list.
    fn grow_down(&mut self) -> bool {
        let Some(&(index, _, _)) = self.built.back() else {
            return false;
        };
        let next = index + 1;
        if next >= self.count {
            return false;
        }
        let entry = (self.build)(next);
        let start = self.end_line();
        self.built.push_back((next, start, entry));
        true
    }

    /// Builds upwards until `lines` lines exist above the first line of the entry built
    /// first; returns how many do (fewer at the top of the list).
    fn lines_above(&mut self, lines: isize) -> isize {
        while -self.first_line() < lines && self.grow_up() {}
        (-self.first_line()).min(lines)
    }
}

/// Places the entries `0..count` of a list in `area`, building each with `build` only if
/// it is needed. `selected` (an entry index) is kept in view, about a third of the way
/// down when the list is longer than the area, and whole when it fits; without a
/// selection the list shows its top.
pub fn place(
    count: usize,
    selected: Option<usize>,
    area: Rect,
    mut build: impl FnMut(usize) -> Entry,
) -> Vec<Placed> {
    let height = area.height as isize;
    if count == 0 || height == 0 {
        return Vec::new();
    }
    let selected = selected.filter(|&index| index < count);
    let first = selected.unwrap_or(0);
    let mut window = Window {
        count,
        built: VecDeque::from([(first, 0, build(first))]),
        build,
    };
    // The first line shown, counted from the first built entry's first line.
    let mut offset = 0;
    if selected.is_some() {
        let own = window.end_line();
        offset = -window.lines_above(height / 3);
        if own - offset > height {
            // Too tall to show with lines above: its end at the bottom, or its top at the
            // top if it is taller than the area.
            offset = (own - height).min(0);
        }
    }
    // Fill the area; at the end of the list, scroll back so that no row is left empty.
    while window.end_line() - offset < height && window.grow_down() {}
    let short = height - (window.end_line() - offset);
    if short > 0 {
        offset = -window.lines_above(short - offset);
    }
    let mut placed = Vec::new();
    for (index, start, entry) in window.built {
        let end = start + entry.lines.len() as isize;
        if end <= offset || start >= offset + height {
            continue;
        }
        let top = start.max(offset);
        let visible = end.min(offset + height) - top;
        placed.push(Placed {
            index,
            area: Rect::new(
                area.x,
                area.y + (top - offset) as u16,
                area.width,
                visible as u16,
            ),
            skip: (top - start) as usize,
            entry,
        });
    }
    placed
}

/// Draws the placed entries; the selected one in the theme's selection style with a `▶`
/// in its gutter, so it is visible without colour too.
///
/// The lines are already wrapped to the area: each is written straight into the buffer.
pub fn render(frame: &mut Frame, placed: &[Placed], selected_item: Option<usize>, theme: &Theme) {
    let buffer = frame.buffer_mut();
    for placement in placed {
        let entry = &placement.entry;
        let area = placement.area.intersection(buffer.area);
        let is_selected = entry.item.is_some() && entry.item == selected_item;
        let lines = entry
            .lines
            .iter()
            .enumerate()
            .skip(placement.skip)
            .take(area.height as usize)
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
            });
        for (row, line) in (area.y..).zip(lines) {
            write_line(buffer, area.x, row, &line, area.width);
        }
    }
}

/// A whole tab that is one list (the timeline, the sources): `count` entries built by
/// `entry(index, text width)`, a notice when there are none, one column of margin on the
/// left. Returns the areas of the items drawn, by item index, for the mouse.
pub fn render_tab(
    frame: &mut Frame,
    area: Rect,
    count: usize,
    selected: usize,
    theme: &Theme,
    empty_notice: &'static str,
    entry: impl FnMut(usize, usize) -> Entry,
) -> Vec<(usize, Rect)> {
    let area = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        area.height,
    );
    if count == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(empty_notice, theme.muted)),
            area,
        );
    }
    let text_width = text_width(area);
    let mut entry = entry;
    let placed = place(count, Some(selected), area, |index| {
        entry(index, text_width)
    });
    render(frame, &placed, Some(selected), theme);
    item_areas(&placed)
}

/// The areas of the selectable entries placed, by item index.
pub fn item_areas(placed: &[Placed]) -> Vec<(usize, Rect)> {
    placed
        .iter()
        .filter_map(|p| p.entry.item.map(|item| (item, p.area)))
        .collect()
}

/// The width left for an entry's text after the two-column gutter.
pub fn text_width(area: Rect) -> usize {
    (area.width as usize).saturating_sub(2).max(1)
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    fn entry(index: usize, height: usize) -> Entry {
        Entry {
            item: Some(index),
            lines: (0..height).map(|_| Line::raw("x")).collect(),
        }
    }

    /// (index, area, skip) of each placed entry.
    fn placed(heights: &[usize], selected: Option<usize>, area: Rect) -> Vec<(usize, Rect, usize)> {
        place(heights.len(), selected, area, |i| entry(i, heights[i]))
            .into_iter()
            .map(|p| (p.index, p.area, p.skip))
            .collect()
    }

    /// The rule `place` follows, computed the plain way from every entry's height.
    fn reference(
        heights: &[usize],
        selected: Option<usize>,
        area: Rect,
    ) -> Vec<(usize, Rect, usize)> {
        let height = area.height as usize;
        let total: usize = heights.iter().sum();
        let offset = match selected {
            Some(selected) if total > height => {
                let start: usize = heights[..selected].iter().sum();
                let end = start + heights[selected];
                let mut offset = start.saturating_sub(height / 3);
                if end > offset + height {
                    offset = end.saturating_sub(height).min(start);
                }
                offset.min(total - height)
            }
            _ => 0,
        };
        let mut out = Vec::new();
        let mut line = 0;
        for (index, &h) in heights.iter().enumerate() {
            let (first, last) = (line, line + h);
            line = last;
            if last <= offset {
                continue;
            }
            let top = first.max(offset);
            if top >= offset + height {
                break;
            }
            let visible = last.min(offset + height) - top;
            let y = area.y + (top - offset) as u16;
            out.push((
                index,
                Rect::new(area.x, y, area.width, visible as u16),
                top - first,
            ));
        }
        out
    }

    #[test]
    fn short_lists_do_not_scroll() {
        let placed = placed(&[2, 2], Some(1), Rect::new(0, 0, 10, 10));
        assert_eq!(placed[1], (1, Rect::new(0, 2, 10, 2), 0));
    }

    #[test]
    fn the_selected_entry_is_always_fully_visible() {
        let heights = [3; 20];
        for selected in 0..20 {
            let placed = placed(&heights, Some(selected), Rect::new(0, 5, 10, 8));
            let &(_, area, skip) = placed
                .iter()
                .find(|p| p.0 == selected)
                .expect("selected entry placed");
            assert_eq!((area.height, skip), (3, 0), "entry {selected}");
            assert!(placed.iter().all(|p| p.1.y >= 5 && p.1.bottom() <= 13));
        }
    }

    #[test]
    fn places_as_if_every_entry_had_been_built() {
        // Entries of mixed heights, some taller than the area, every selection, several
        // heights of area: the same placement as the plain rule.
        let heights: Vec<usize> = (0..40).map(|i| [1, 3, 2, 7, 1, 12, 4][i % 7]).collect();
        for count in [0, 1, 2, 5, 40] {
            let heights = &heights[..count];
            for area_height in [0, 1, 2, 5, 8, 10, 24, 200] {
                let area = Rect::new(3, 2, 20, area_height);
                for selected in (0..count).map(Some).chain([None]) {
                    assert_eq!(
                        placed(heights, selected, area),
                        reference(heights, selected, area),
                        "{count} entries, height {area_height}, selected {selected:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn builds_only_what_can_be_seen() {
        let built = Cell::new(0);
        let placed = place(100_000, Some(50_000), Rect::new(0, 0, 80, 30), |i| {
            built.set(built.get() + 1);
            entry(i, 2)
        });
        assert_eq!(placed.iter().map(|p| p.area.height).sum::<u16>(), 30);
        assert!(
            built.get() <= 16,
            "{} entries built for 15 rows",
            built.get()
        );
    }
}
