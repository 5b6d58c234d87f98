//! Writing lines that are already wrapped into the frame's cells: what an unwrapped
//! `Paragraph` does, cell for cell, but text whose characters each stand alone — nearly all
//! of it, Chinese or English — is written a character at a time. ratatui segments every
//! string into grapheme clusters first, and that was a third of the cost of a frame
//! (docs/performance.md).

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::text::unicode::stands_alone;

/// Writes `line` from (`x`, `y`) in at most `max_width` columns, as a `Paragraph` does: the
/// line ends at the first character that does not fit whole, and one wider than all the
/// columns there are is left out.
pub fn write_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) {
    let area = buffer.area;
    if !(area.top()..area.bottom()).contains(&y) || !(area.left()..area.right()).contains(&x) {
        return;
    }
    let columns = max_width.min(area.right() - x);
    let mut cursor = Cursor {
        x,
        y,
        end: x + columns,
        columns,
    };
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let content: &str = &span.content;
        let written = if content.chars().all(stands_alone) {
            content.chars().all(|c| {
                let width = c.width().unwrap_or(0) as u16;
                cursor.put(buffer, width, style, |cell| cell.set_char(c))
            })
        } else {
            content
                .graphemes(true)
                .filter(|cluster| !cluster.contains(char::is_control))
                .all(|cluster| {
                    cursor.put(buffer, cluster.cell_width(), style, |cell| {
                        cell.set_symbol(cluster)
                    })
                })
        };
        if !written {
            return;
        }
    }
}

/// Where the next cluster of a line goes.
struct Cursor {
    x: u16,
    y: u16,
    /// The first column past the line's room.
    end: u16,
    /// All the columns the line has.
    columns: u16,
}

impl Cursor {
    /// Writes a cluster `width` columns wide with `set`; false once the line is full.
    fn put(
        &mut self,
        buffer: &mut Buffer,
        width: u16,
        style: Style,
        set: impl FnOnce(&mut Cell) -> &mut Cell,
    ) -> bool {
        // Nothing to show, or wider than the line could ever be: passed over.
        if width == 0 || width > self.columns {
            return true;
        }
        if width > self.end - self.x {
            return false;
        }
        set(&mut buffer[(self.x, self.y)]).set_style(style);
        self.x += width;
        true
    }
}

/// Draws `lines` from the `skip`th on into `area`, one per row, cut at its right edge: an
/// unwrapped `Paragraph` scrolled by `skip`.
pub fn write_lines(buffer: &mut Buffer, area: Rect, lines: &[Line<'_>], skip: usize) {
    let area = area.intersection(buffer.area);
    for (y, line) in (area.top()..area.bottom()).zip(lines.iter().skip(skip)) {
        write_line(buffer, area.x, y, line, area.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;
    use ratatui::widgets::{Paragraph, Widget};

    /// Pieces of text of every kind the writer must tell apart: plain, wide, clusters of
    /// several characters (combining marks, emoji with modifiers and joiners, flags), and
    /// characters of width zero.
    const PIECES: &[&str] = &[
        "a",
        "Silk ",
        " ",
        "数",
        "字。",
        "“",
        "—",
        "é",
        "e\u{301}",
        "👍🏽",
        "👨\u{200d}👩",
        "🇨🇳",
        "\u{200b}",
        "\u{ad}",
        "ｱﾞ",
        "…",
        "\u{3000}",
        "한",
        "\u{1100}\u{1161}",
    ];

    fn span() -> impl Strategy<Value = Span<'static>> {
        let style = prop_oneof![
            Just(Style::new()),
            Just(Style::new().fg(Color::Red)),
            Just(Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD)),
        ];
        (
            prop::collection::vec(prop::sample::select(PIECES), 0..6),
            style,
        )
            .prop_map(|(pieces, style)| Span::styled(pieces.concat(), style))
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        let style = prop_oneof![Just(Style::new()), Just(Style::new().bg(Color::Green))];
        (prop::collection::vec(span(), 0..5), style)
            .prop_map(|(spans, style)| Line::from(spans).style(style))
    }

    /// A buffer already written, so that a cell left alone shows.
    fn used(area: Rect) -> Buffer {
        let mut buffer = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buffer[(x, y)].set_char('#').set_fg(Color::Yellow);
            }
        }
        buffer
    }

    #[test]
    fn a_character_that_stands_alone_is_as_wide_as_ratatui_counts_it() {
        for c in (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
        {
            let width = c.width().unwrap_or(0) as u16;
            assert_eq!(width, c.to_string().cell_width(), "U+{:04X}", u32::from(c));
        }
    }

    proptest! {
        #[test]
        fn writes_a_line_as_a_paragraph_does(
            line in line(),
            x in 1u16..15,
            y in 0u16..4,
            max_width in 0u16..16,
        ) {
            let frame = Rect::new(1, 1, 12, 2);
            let mut ours = used(frame);
            let mut theirs = used(frame);
            write_line(&mut ours, x, y, &line, max_width);
            Paragraph::new(line).render(Rect::new(x, y, max_width, 1), &mut theirs);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn writes_lines_as_an_unwrapped_paragraph_does(
            lines in prop::collection::vec(line(), 0..6),
            width in 0u16..12,
            height in 0u16..5,
            skip in 0usize..3,
        ) {
            let frame = Rect::new(0, 0, 10, 4);
            let area = Rect::new(1, 1, width, height);
            let mut ours = used(frame);
            let mut theirs = used(frame);
            write_lines(&mut ours, area, &lines, skip);
            Paragraph::new(lines)
                .scroll((skip as u16, 0))
                .render(area, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }
    }
}
