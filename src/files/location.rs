//! Where a byte offset of a file is, as line and column: what every error report says.

/// Line and column, both counted from 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// Where `offset` is in `text`. Scans the text up to the offset: for one place only; a
/// report of many problems uses a [`LineIndex`].
pub fn locate(text: &str, offset: usize) -> Location {
    LineIndex::new(text).locate(offset)
}

/// The offsets where the lines of a text start, found once, so that locating each of many
/// problems costs a binary search rather than a scan of the file (a scan per problem made a
/// file with 30 000 problems take two minutes).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// The text it indexes.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(newline, _)| newline + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The line of `offset`, counted from 1.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// Line and column of `offset`; the column counts the characters before it on its line.
    pub fn locate(&self, offset: usize) -> Location {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line(offset);
        let line_start = self.starts[line - 1];
        Location {
            line,
            column: self.text[line_start..offset].chars().count() + 1,
        }
    }
}

/// The start of the character `offset` falls in.
pub(super) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let text = "a = 1\n标题 = \"x\"\n";
        assert_eq!(locate(text, 0), Location { line: 1, column: 1 });
        let offset = text.find('=').unwrap();
        assert_eq!(locate(text, offset), Location { line: 1, column: 3 });
        let offset = text.rfind('=').unwrap();
        assert_eq!(locate(text, offset), Location { line: 2, column: 4 });
    }

    #[test]
    fn the_line_index_agrees_with_a_scan_at_every_offset() {
        let text = "a = 1\n\n标题 = \"x\"\r\nlast";
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            let before = &text[..floor_char_boundary(text, offset.min(text.len()))];
            let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
            let scanned = Location {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            };
            assert_eq!(lines.locate(offset), scanned, "offset {offset}");
        }
    }
}
