//! Laying text out in terminal columns: wrapping and truncating by display width, so
//! Chinese (two columns a character) never breaks a border or overflows a panel.

mod recent;

pub use recent::WrapMemory;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::unicode::stands_alone;

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Characters after which a line may break without a space: CJK ideographs, kana, hangul
/// and full-width punctuation.
fn breaks_anywhere(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Full-width punctuation that must not start a line; it stays on the line before.
fn closes(c: char) -> bool {
    "，。、；：？！）」』”’》〉】…％".contains(c)
}

/// Wraps `text` into lines of at most `max` columns: at spaces between words, anywhere
/// between CJK characters, and inside a word only when the word alone is too long. The
/// whole text, for the tests that prove [`wrap_at_most`] makes the same first lines and
/// for the bench that sets it beside `textwrap` (benches/wrap.rs).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_now(text, max.max(1), usize::MAX)
}

/// The first `limit` lines of `text` wrapped to `max` columns, without wrapping the rest: a
/// summary may run to thousands of characters and show three lines. From `memory` when
/// a recent frame wrapped the same.
pub fn wrap_at_most(memory: &WrapMemory, text: &str, max: usize, limit: usize) -> Vec<String> {
    let max = max.max(1);
    memory.wrapped(text, max, limit, || wrap_now(text, max, limit))
}

/// The own wrapper, kept rather than `textwrap` with UAX #14 breaking (issue #13): on the
/// built-in datasets' texts `textwrap` takes 1.7 to 3.6 times as long (benches/wrap.rs,
/// docs/performance.md), and tests/dashboard/wrap.rs holds the two to the same widths and
/// text, and this one to no closing punctuation at a line's start.
fn wrap_now(text: &str, max: usize, limit: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for (space_before, token) in tokens(text) {
        if lines.len() >= limit {
            break;
        }
        let token_width = width(token);
        let gap = usize::from(space_before && !line.is_empty());
        if line_width + gap + token_width > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        } else if gap == 1 {
            line.push(' ');
            line_width += 1;
        }
        if token_width <= max {
            line.push_str(token);
            line_width += token_width;
            continue;
        }
        for c in token.chars() {
            let w = c.width().unwrap_or(0);
            if line_width + w > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    // A word longer than a line may have made more lines than asked for.
    lines.truncate(limit);
    lines
}

/// Splits text into wrap units, lazily: a word, or one CJK character with the closing
/// punctuation that follows it. Each comes with whether a space preceded it.
fn tokens(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut space_before = false;
    let mut start: Option<usize> = None;
    // A CJK unit found while ending the word before it, given out next.
    let mut pending = None;
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        if let Some(token) = pending.take() {
            return Some(token);
        }
        while let Some((i, c)) = iter.next() {
            if c == ' ' {
                let word = start.take().map(|s| (space_before, &text[s..i]));
                space_before = true;
                if word.is_some() {
                    return word;
                }
            } else if closes(c) && start.is_some() {
                // Closing punctuation after a word (`9.8%。`) stays with it, as it does
                // after a CJK character: it must not start a line.
                continue;
            } else if breaks_anywhere(c) {
                let mut word = None;
                if let Some(s) = start.take() {
                    word = Some((space_before, &text[s..i]));
                    space_before = false;
                }
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = iter.peek() {
                    if !closes(next) {
                        break;
                    }
                    end = j + next.len_utf8();
                    iter.next();
                }
                let unit = (space_before, &text[i..end]);
                space_before = false;
                if word.is_none() {
                    return Some(unit);
                }
                pending = Some(unit);
                return word;
            } else if start.is_none() {
                start = Some(i);
            }
        }
        start.take().map(|s| (space_before, &text[s..]))
    })
}

/// Cuts `text` to `max` columns, ending with `…` when something was cut. Measured by
/// grapheme cluster, as the terminal shows it, and only as far as the cut: a label may be
/// hundreds of characters long.
pub fn truncate(text: &str, max: usize) -> String {
    // No character is wider than its UTF-8 bytes: a text this short fits.
    if text.len() <= max {
        return text.to_owned();
    }
    // Grapheme segmentation costs several times a width lookup; most text does not need
    // it. Characters are taken one at a time for as long as they stand alone: a cut found
    // among them is a cluster boundary (the one after it stands alone too). Only text that
    // reaches another kind of character before a cut is segmented, from the start.
    let mut all_stand_alone = true;
    let plain = text.char_indices().map_while(|(i, c)| {
        all_stand_alone &= stands_alone(c);
        all_stand_alone.then(|| (i, c.width().unwrap_or(0)))
    });
    let cut = match cut_at(plain, max) {
        None if !all_stand_alone => {
            cut_at(text.grapheme_indices(true).map(|(i, g)| (i, width(g))), max)
        }
        cut => cut,
    };
    match cut {
        None => text.to_owned(),
        Some(at) => {
            let mut out = text[..at].to_owned();
            if max > 0 {
                out.push('…');
            }
            out
        }
    }
}

/// Where to cut a text made of `clusters` (start, width) so that it fits `max` columns
/// with a `…` after it, or `None` if it fits whole.
fn cut_at(clusters: impl Iterator<Item = (usize, usize)>, max: usize) -> Option<usize> {
    let mut used = 0;
    // Before the first cluster that leaves no room for the `…`.
    let mut cut = None;
    for (start, w) in clusters {
        if cut.is_none() && used + w + 1 > max {
            cut = Some(start);
        }
        used += w;
        if used > max {
            return cut;
        }
    }
    None
}

/// The first `rows` of `wrapped` (wrapped to `room` columns, with at least one line more
/// than `rows` when there is more); when lines are left out, the last one shown ends in an
/// ellipsis, so a cut text says so.
pub fn cut_with_ellipsis(mut wrapped: Vec<String>, rows: usize, room: usize) -> Vec<String> {
    let cut = wrapped.len() > rows;
    wrapped.truncate(rows);
    if cut && let Some(last) = wrapped.last_mut() {
        *last = truncate(&format!("{last}…"), room);
    }
    wrapped
}

/// Wraps `text` after a first-line prefix, indenting the following lines by `rest_prefix`
/// (a hanging indent for bullets), in `style`.
pub fn wrapped_lines(
    memory: &WrapMemory,
    text: &str,
    max: usize,
    prefix: (&str, &str),
    prefix_style: ratatui::style::Style,
    style: ratatui::style::Style,
) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    let (first, rest) = prefix;
    let room = max.saturating_sub(width(first).max(width(rest))).max(1);
    wrap_at_most(memory, text, room, usize::MAX)
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let lead = if index == 0 { first } else { rest };
            Line::from(vec![
                Span::styled(lead.to_owned(), prefix_style),
                Span::styled(line, style),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_english_at_spaces() {
        assert_eq!(wrap("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(wrap("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn wraps_chinese_by_columns_and_keeps_punctuation_attached() {
        let lines = wrap("中国已与20个国家签署合作备忘录。", 10);
        assert!(lines.iter().all(|line| width(line) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "中国已与20个国家签署合作备忘录。");
        assert!(
            lines.iter().all(|line| !line.starts_with('。')),
            "{lines:?}"
        );
    }

    #[test]
    fn keeps_closing_punctuation_after_a_word() {
        // `增长9.8%` fills 8 columns; the `。` goes down with the figure, not alone.
        assert_eq!(wrap("增长9.8%。", 8), ["增长", "9.8%。"]);
    }

    #[test]
    fn wraps_only_as_many_lines_as_asked() {
        let text = "数字丝绸之路 Digital Silk Road，中国—东盟信息港。".repeat(40);
        for max in [1, 7, 20, 80] {
            let all = wrap(&text, max);
            for limit in [0, 1, 3, all.len(), all.len() + 1] {
                let first = &all[..limit.min(all.len())];
                assert_eq!(
                    wrap_at_most(&WrapMemory::default(), &text, max, limit),
                    first,
                    "{max} {limit}"
                );
            }
        }
    }

    #[test]
    fn truncates_whole_clusters_and_stops_early() {
        // e + combining acute: one cell, never split from its mark.
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("e\u{301}e\u{301}", 2), "e\u{301}e\u{301}");
        let long = "一带一路".repeat(1000);
        assert_eq!(truncate(&long, 9), "一带一路…");
        assert_eq!(truncate("abc", 0), "");
    }

    proptest::proptest! {
        #[test]
        fn truncates_as_segmenting_all_of_it_would(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["a", "b ", "数", "字", "—", "e\u{301}", "\u{301}", "👍🏽", "한", "…"][..]),
                0..12,
            ),
            max in 0usize..16,
        ) {
            let text = pieces.concat();
            let by_clusters = match cut_at(text.grapheme_indices(true).map(|(i, g)| (i, width(g))), max) {
                None => text.clone(),
                Some(at) if max > 0 => format!("{}…", &text[..at]),
                Some(_) => String::new(),
            };
            proptest::prop_assert_eq!(truncate(&text, max), by_clusters);
        }
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("数字丝绸之路", 7), "数字丝…");
        assert_eq!(truncate("short", 10), "short");
        assert!(width(&truncate("数字丝绸之路", 7)) <= 7);
    }
}
