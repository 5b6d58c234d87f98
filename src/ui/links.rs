//! Web addresses on screen as OSC 8 hyperlinks, for terminals that take them (a click
//! opens the page; others ignore the sequence and show the text). After the frame is
//! drawn, each address of a source found in the buffer — whole, cut with an ellipsis, or
//! wrapped over rows — has its cells wrapped in the link to the source's full address, so
//! that what is clicked is the source, never a truncated text. Only `http` and `https`
//! addresses are linked (see text::url).

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

use crate::text::url::is_web_url;

/// The rows one address may be wrapped over.
const MAX_ROWS: u16 = 8;

/// Links every address of `urls` found in `area`.
pub fn mark<'a>(buffer: &mut Buffer, area: Rect, urls: impl Fn() -> Vec<&'a str>) {
    let area = area.intersection(buffer.area);
    let mut candidates: Option<Vec<&str>> = None;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            if !starts_address(buffer, x, y, area) {
                x += 1;
                continue;
            }
            let candidates = candidates.get_or_insert_with(|| {
                urls()
                    .into_iter()
                    .filter(|url| is_web_url(url) && url.bytes().all(|b| b.is_ascii_graphic()))
                    .collect()
            });
            let shown = Shown { buffer, area, x, y };
            // The address drawn here is the one whose characters match the most cells
            // (counted first, without keeping them: most candidates part at the host).
            let best = candidates
                .iter()
                .filter_map(|url| {
                    let mut count = 0;
                    shown.walk(url, |_, _| count += 1).then_some((count, *url))
                })
                .max_by_key(|&(count, _)| count);
            match best {
                Some((_, url)) => {
                    let mut cells = Vec::new();
                    shown.walk(url, |cx, cy| cells.push((cx, cy)));
                    let open = format!("\x1b]8;id={:x};{url}\x1b\\", link_id(url));
                    for &(cx, cy) in &cells {
                        link_cell(buffer, cx, cy, &open);
                    }
                    x = cells
                        .iter()
                        .filter(|(_, cy)| *cy == y)
                        .map(|(cx, _)| cx + 1)
                        .max()
                        .unwrap_or(x + 1);
                }
                None => x += 1,
            }
        }
    }
}

/// Whether an address begins at (x, y): `http://` or `https://`. Asked of every cell of
/// every frame, so a cell that is not `h` is let go at the first byte.
fn starts_address(buffer: &Buffer, x: u16, y: u16, area: Rect) -> bool {
    if buffer[(x, y)].symbol() != "h" {
        return false;
    }
    let text: String = (x..area.right().min(x + 8))
        .map(|cx| buffer[(cx, y)].symbol())
        .collect();
    text.starts_with("http://") || text.starts_with("https://")
}

/// An address drawn from (x, y) on.
struct Shown<'b> {
    buffer: &'b Buffer,
    area: Rect,
    x: u16,
    y: u16,
}

impl Shown<'_> {
    /// Visits the cells that show `url` from here: all its characters, row by row when
    /// the text wraps (a row that ends before the address does, at a space, a border or
    /// the edge, goes on at the same column of the next row), or as many as are shown
    /// before an ellipsis that cuts it. False, whatever was visited, when the text drawn is
    /// another address. `url` is ASCII (see [`mark`]): each character is a byte.
    fn walk(&self, url: &str, mut visit: impl FnMut(u16, u16)) -> bool {
        let (mut x, mut y) = (self.x, self.y);
        let mut rest = url.as_bytes();
        while let Some((&expected, after)) = rest.split_first() {
            let here = (x < self.area.right()).then(|| self.buffer[(x, y)].symbol());
            if here.is_some_and(|symbol| symbol.as_bytes() == [expected]) {
                visit(x, y);
                rest = after;
                x += 1;
                continue;
            }
            if here == Some("…") {
                return true;
            }
            let row_ended = here.is_none_or(|symbol| symbol.trim().is_empty() || is_border(symbol));
            let wraps = row_ended
                && y + 1 < self.area.bottom()
                && y + 1 - self.y < MAX_ROWS
                && self.buffer[(self.x, y + 1)].symbol().as_bytes() == [expected];
            if !wraps {
                return false;
            }
            (x, y) = (self.x, y + 1);
        }
        true
    }
}

fn is_border(symbol: &str) -> bool {
    symbol
        .chars()
        .all(|c| ('\u{2500}'..='\u{257f}').contains(&c) || c == '|')
}

/// The same id on every cell of one address, so that a terminal underlines it whole on hover.
fn link_id(url: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    url.hash(&mut hasher);
    hasher.finish()
}

/// Wraps a cell's character in the link. ratatui would take the address for printable
/// text as wide as itself: the cell keeps its width of one column.
fn link_cell(buffer: &mut Buffer, x: u16, y: u16, open: &str) {
    const CLOSE: &str = "\x1b]8;;\x1b\\";
    let cell = &mut buffer[(x, y)];
    let mut symbol = String::with_capacity(open.len() + cell.symbol().len() + CLOSE.len());
    symbol.push_str(open);
    symbol.push_str(cell.symbol());
    symbol.push_str(CLOSE);
    cell.set_symbol(&symbol);
    cell.set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    const URL: &str = "https://example.org/a/long/path";

    fn buffer(rows: &[&str], width: u16) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, row) in rows.iter().enumerate() {
            buffer.set_string(0, y as u16, row, Style::default());
        }
        buffer
    }

    /// The address each cell links to, and the text shown, row by row.
    fn links(buffer: &Buffer) -> Vec<(String, Vec<Option<String>>)> {
        let area = buffer.area;
        (area.top()..area.bottom())
            .map(|y| {
                let cells: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
                let text = cells
                    .iter()
                    .map(|s| match s.split_once('\\') {
                        Some((_, rest)) => rest.chars().next().unwrap_or(' ').to_string(),
                        None => s.to_string(),
                    })
                    .collect();
                let urls = cells
                    .iter()
                    .map(|s| {
                        s.strip_prefix("\x1b]8;id=")
                            .and_then(|rest| rest.split_once(';'))
                            .and_then(|(_, rest)| rest.split_once('\x1b'))
                            .map(|(url, _)| url.to_string())
                    })
                    .collect();
                (text, urls)
            })
            .collect()
    }

    fn mark_all(buffer: &mut Buffer, urls: &[&'static str]) {
        let area = buffer.area;
        mark(buffer, area, || urls.to_vec());
    }

    #[test]
    fn an_address_shown_whole_links_each_of_its_cells_and_nothing_else() {
        let mut shown = buffer(&[&format!("see {URL} now")], 40);
        mark_all(&mut shown, &[URL, "https://example.org/other"]);
        let (text, urls) = &links(&shown)[0];
        assert_eq!(text.trim_end(), format!("see {URL} now"));
        let linked: Vec<usize> = (0..40).filter(|&x| urls[x].is_some()).collect();
        assert_eq!(linked, (4..4 + URL.len()).collect::<Vec<_>>());
        assert!(linked.iter().all(|&x| urls[x].as_deref() == Some(URL)));
        assert!(
            shown
                .content()
                .iter()
                .all(|cell| cell.symbol().contains("\x1b]8;")
                    == matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)))
        );
    }

    #[test]
    fn a_wrapped_or_cut_address_links_to_the_whole_one() {
        let mut wrapped = buffer(&["https://example.org/a/", "long/path"], 22);
        mark_all(&mut wrapped, &[URL]);
        let rows = links(&wrapped);
        assert!(rows[0].1.iter().all(|url| url.as_deref() == Some(URL)));
        assert_eq!(
            rows[1]
                .1
                .iter()
                .filter(|url| url.as_deref() == Some(URL))
                .count(),
            9
        );
        let mut cut = buffer(&["https://example.org/a/lo…"], 25);
        mark_all(&mut cut, &[URL]);
        let (_, urls) = &links(&cut)[0];
        assert_eq!(
            urls.iter()
                .filter(|url| url.as_deref() == Some(URL))
                .count(),
            24
        );
        assert_eq!(urls[24], None);
    }

    #[test]
    fn only_web_addresses_of_the_sources_are_linked() {
        let mut shown = buffer(&["https://elsewhere.net/x javascript://x"], 40);
        mark_all(&mut shown, &[URL, "javascript://x"]);
        assert!(links(&shown)[0].1.iter().all(Option::is_none));
    }
}
