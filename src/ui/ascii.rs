//! The frame in ASCII, for a terminal whose locale is not UTF-8 (`LANG=C`, a serial
//! console, an ISO-8859 xterm): each cell drawn is replaced by ASCII that keeps its shape,
//! after the frame is drawn, so every view gets it and no layout changes. The dashboard's
//! own marks keep a character each, none shared, so the help's legend (drawn through the
//! same pass) still explains each; charts keep their outline; other letters are
//! transliterated by deunicode ("Türkiye" → "Turkiye"); a wide character (Chinese, which
//! such a terminal cannot show) becomes `??` over its two columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Whether a locale (the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set) means a
/// terminal that cannot show UTF-8. None set: UTF-8, as every terminal of today is, and
/// as a reader over SSH whose client sends no locale most likely has.
pub fn locale_wants_ascii(locale: Option<&str>) -> bool {
    locale.is_some_and(|locale| {
        let locale = locale.to_ascii_lowercase();
        !(locale.contains("utf-8") || locale.contains("utf8"))
    })
}

/// Replaces every cell of `area` that is not ASCII.
pub fn transliterate(buffer: &mut Buffer, area: Rect) {
    let area = area.intersection(buffer.area);
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            if symbol.is_ascii() {
                x += 1;
                continue;
            }
            let wide = symbol.width() >= 2;
            let ascii = if wide {
                "??".to_string()
            } else {
                ascii_for(symbol)
            };
            let mut chars = ascii.chars();
            let first = chars.next().unwrap_or('?');
            buffer[(x, y)].set_char(first);
            // The second character takes the next column when it is free: the blank after
            // a wide character, or a space ("≥ 12" → ">=12").
            let next = x + 1;
            let second = chars
                .next()
                .filter(|_| next < area.right() && (wide || buffer[(next, y)].symbol() == " "));
            match second {
                Some(second) => {
                    buffer[(next, y)].set_char(second);
                    x += 2;
                }
                None => x += 1,
            }
        }
    }
}

/// The ASCII of one cell's symbol.
fn ascii_for(symbol: &str) -> String {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        // A grapheme of several characters (an accent after its letter).
        return transliterated(symbol);
    };
    if let Some(mark) = mark(c) {
        return mark.to_string();
    }
    if let Some(dots) = braille(c) {
        return dots.to_string();
    }
    if let Some(block) = block(c) {
        return block.to_string();
    }
    transliterated(symbol)
}

/// The dashboard's marks (see ui::symbols), the arrows of its key hints and its
/// separators: each mark keeps a character of its own, which deunicode would not give (it
/// writes • and ◆ both as `*`, arrows as `-`, and — as `--`, which takes the space after it).
fn mark(c: char) -> Option<&'static str> {
    Some(match c {
        '▶' => ">",
        '■' => "#",
        '•' => "*",
        '◦' => "o",
        '●' => "@",
        '◆' => "X",
        '◷' => "^",
        '⚠' => "!",
        '≈' => "~",
        '≥' => ">=",
        '≤' => "<=",
        '←' => "<",
        '→' => ">",
        '↑' => "^",
        '↓' => "v",
        '·' | '–' | '—' => "-",
        _ => return None,
    })
}

/// A cell of a Braille chart: its dots in the upper half, the lower half, or both.
fn braille(c: char) -> Option<char> {
    let dots = u32::from(c).checked_sub(0x2800).filter(|&d| d <= 0xff)?;
    // Dots 1, 2, 4, 5 are the upper two rows; 3, 6, 7, 8 the lower two.
    let (upper, lower) = (dots & 0x1b != 0, dots & 0xe4 != 0);
    Some(match (upper, lower) {
        (false, false) => ' ',
        (true, false) => '\'',
        (false, true) => '.',
        (true, true) => ':',
    })
}

/// Block elements (bars, sparklines, shades) by how much of the cell they fill.
fn block(c: char) -> Option<char> {
    Some(match c {
        '▁' | '▂' | '▃' => '.',
        '▄' | '▅' | '▆' => '=',
        '▇' | '█' | '▉' | '▊' | '▋' | '▌' | '▓' | '▀' | '▙' | '▛' | '▜' | '▟' => {
            '#'
        }
        '▍' | '▎' | '▏' | '▐' | '▕' => '|',
        '░' => '.',
        '▒' => ':',
        '▖' | '▗' | '▘' | '▝' | '▚' | '▞' => '.',
        _ => return None,
    })
}

fn transliterated(symbol: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(symbol, "?");
    if ascii.is_empty() { "?".into() } else { ascii }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, width: u16) -> String {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, 1));
        buffer.set_string(0, 0, text, ratatui::style::Style::default());
        let area = buffer.area;
        transliterate(&mut buffer, area);
        (0..width).map(|x| buffer[(x, 0)].symbol()).collect()
    }

    #[test]
    fn borders_marks_and_words_become_ascii_in_their_columns() {
        assert_eq!(row("┏━━┓ ▶ ■ • ◦ ● ◆ ◷ ⚠", 20), "+--+ > # * o @ X ^ !");
        assert_eq!(row("≥ 12 ≈ 3 Türkiye", 16), ">=12 ~ 3 Turkiye");
        assert_eq!(row("←/→ · ↑↓", 8), "</> - ^v");
        assert_eq!(row("中国 ok", 7), "???? ok");
    }

    #[test]
    fn every_mark_of_the_legend_keeps_a_character_of_its_own() {
        let marks: Vec<char> = "▶■•◦●◆◷⚠≈".chars().collect();
        let mut ascii: Vec<&str> = marks.iter().filter_map(|&c| mark(c)).collect();
        assert_eq!(ascii.len(), marks.len());
        ascii.sort_unstable();
        ascii.dedup();
        assert_eq!(ascii.len(), marks.len(), "{ascii:?}");
    }

    #[test]
    fn a_braille_chart_keeps_its_outline() {
        // Upper dots, lower dots, both, none.
        assert_eq!(row("⠉⣀⣿⠀", 4), "'.: ");
        assert_eq!(row("▁▄█░", 4), ".=#.");
    }

    #[test]
    fn only_a_locale_that_names_another_charset_wants_ascii() {
        for utf8 in [
            None,
            Some("C.UTF-8"),
            Some("en_US.utf8"),
            Some("zh_CN.UTF-8"),
        ] {
            assert!(!locale_wants_ascii(utf8), "{utf8:?}");
        }
        for other in ["C", "POSIX", "en_US", "en_US.ISO-8859-1", "zh_CN.GB18030"] {
            assert!(locale_wants_ascii(Some(other)), "{other}");
        }
    }
}
