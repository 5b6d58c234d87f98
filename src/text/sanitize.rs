//! Making untrusted text safe to put on a terminal.
//!
//! Every string of a dataset or config passes through [`sanitize_text`] or
//! [`sanitize_label`] once, at load, and every message printed outside the dashboard goes
//! through [`sanitize_line`]. The rules (docs/security.md says them for users):
//! - whole escape sequences are removed, not just their ESC byte, so nothing of them is
//!   printed as text: CSI (`ESC [`), OSC (`ESC ]`: window title, OSC 52 clipboard, OSC 8
//!   links), DCS (`ESC P`), SOS (`ESC X`), PM (`ESC ^`), APC (`ESC _`), their 8-bit C1
//!   introducers, and the short `ESC` + character sequences (`ESC c`, `ESC ( 0`…). A control
//!   string runs to BEL or ST; one left open swallows the rest of the string, as a terminal
//!   would;
//! - other C0 controls and DEL are shown in caret notation (`^G`, `^?`), so a bell or a
//!   backspace in the data is seen rather than obeyed; other C1 controls are removed;
//! - tab, newline, carriage return, the Unicode line and paragraph separators and every
//!   other kind of space but the ideographic one become a single space (runs collapse,
//!   ends are trimmed): a dataset string is one logical line and never moves the cursor;
//! - bidi embeddings, overrides, isolates and marks, zero-width characters and the other
//!   invisible format characters (soft hyphen, tag characters…) are removed, so text can
//!   neither reorder nor hide what surrounds it nor take a column the layout did not count;
//! - a grapheme cluster — what one terminal cell shows — keeps its first character and at
//!   most [`MAX_COMBINING`] more; a cluster with nothing visible to attach to (combining
//!   marks at the start of a string) is removed;
//! - a string longer than its cap is cut, with `…` marking the cut: [`MAX_LABEL_CHARS`]
//!   for titles, labels, units and names, [`MAX_CHARS`] for everything else.
//!
//! Clusters are found with `unicode-segmentation`, the crate ratatui uses to put one
//! cluster in each cell: capping per cluster bounds exactly what a cell holds, including
//! extenders a table of combining marks would miss (spacing marks, Hangul jamo, emoji
//! modifiers, variation selectors).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::unicode::stands_alone;

/// Longest text kept (a summary, point, quote, note, URL or message), in characters.
pub const MAX_CHARS: usize = 4096;
/// Longest short text kept (a title, label, unit, item or name), in characters.
pub const MAX_LABEL_CHARS: usize = 500;
/// Characters a grapheme cluster keeps after its first (combining marks on one base).
pub const MAX_COMBINING: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
const DEL: char = '\u{7f}';
/// The 8-bit forms of CSI and ST.
const CSI_8BIT: char = '\u{9b}';
const ST_8BIT: char = '\u{9c}';

/// Sanitises a dataset or config string (see the module documentation).
pub fn sanitize_text(input: &str) -> String {
    sanitize(input, MAX_CHARS)
}

/// Sanitises a short dataset string: a title, label, unit, item or name.
pub fn sanitize_label(input: &str) -> String {
    sanitize(input, MAX_LABEL_CHARS)
}

/// Sanitises a message before it is printed to stderr or a terminal.
pub fn sanitize_line(input: &str) -> String {
    sanitize_text(input)
}

/// Quotes a raw value (an id, a keyword, a date) in an error message: controls,
/// invisible characters and whitespace other than the space are written as `\u{1b}`, so
/// the user sees exactly what is hidden in the value, then the result is sanitised like any
/// text. Removing them instead would make `"\u{1b}]0;x\u{7}article"` read as `"article"`
/// in "unknown source kind".
pub fn escape_for_message(raw: &str) -> String {
    let mut escaped = String::new();
    // One character past the cap is enough for the cut to show.
    for c in raw.chars().take(MAX_CHARS + 1) {
        if c.is_control() || is_invisible_format(c) || (c.is_whitespace() && c != ' ') {
            escaped.extend(c.escape_unicode());
        } else {
            escaped.push(c);
        }
    }
    // The runs of spaces stay as they are (a help's columns are aligned with them); what
    // lies between them is sanitised as any text is.
    let mut out = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while !rest.is_empty() {
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        out.push_str(&rest[..spaces]);
        rest = &rest[spaces..];
        let word = rest.find(' ').unwrap_or(rest.len());
        out.push_str(&sanitize_text(&rest[..word]));
        rest = &rest[word..];
    }
    out
}

fn sanitize(input: &str, max_chars: usize) -> String {
    // Most strings of a dataset are clean already: one look at each character instead of
    // rebuilding them.
    if is_clean(input, max_chars) {
        return input.to_owned();
    }
    rebuild(input, max_chars)
}

/// Sanitises `input` through both passes.
fn rebuild(input: &str, max_chars: usize) -> String {
    let stripped = strip_controls(input);
    // Text of characters that are each a visible cluster of their own (nearly all of a
    // dataset, Chinese or English) needs no segmenting, which would be most of the cost of
    // loading: the second pass would only cut it.
    if stripped.chars().all(stands_alone) {
        return cut_standing_alone(stripped, max_chars);
    }
    let mut text = cap_clusters(&stripped, max_chars);
    // Dropping characters can bring two clusters together into one the cap cuts otherwise
    // (Hangul jamo): repeat until nothing changes, so that sanitising twice is sanitising
    // once. Each round only removes, and sees at most `max_chars` characters.
    loop {
        let again = cap_clusters(&text, max_chars);
        if again == text {
            return text;
        }
        text = again;
    }
}

/// Whether sanitising `input` would give it back unchanged, judged without rebuilding it:
/// characters that each stand alone and that the first pass keeps as they are, single
/// spaces between them, at most `max_chars` of them.
fn is_clean(input: &str, max_chars: usize) -> bool {
    let mut count = 0;
    // A space at the start is as bad as two in a row.
    let mut after_space = true;
    for c in input.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if stands_alone(c) && !matches!(c, '\u{a0}' | '\u{ad}') {
            after_space = false;
        } else {
            // Everything else, the no-break space (made a space) and the soft hyphen
            // (removed) included, takes the full passes.
            return false;
        }
        count += 1;
    }
    (input.is_empty() || !after_space) && count <= max_chars
}

/// What the second pass makes of text whose characters each stand alone: its first
/// `max_chars` characters, without a space at the end, then `…`; or all of it.
fn cut_standing_alone(text: String, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text,
        Some((cut, _)) => {
            let mut out = text[..cut].trim_end_matches(' ').to_owned();
            out.push('…');
            out
        }
    }
}

/// Makes a file's text safe to quote in a diagnostic while keeping every byte offset
/// where it was: each unsafe character becomes as many `?` as it had bytes. Newline, tab
/// and carriage return stay (the snippet renderer lays them out itself); controls,
/// invisible format characters and a cluster's characters beyond the cap are replaced.
pub fn sanitize_source_for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for cluster in text.graphemes(true) {
        for (index, c) in cluster.chars().enumerate() {
            let unsafe_char = (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || is_invisible_format(c)
                || index > MAX_COMBINING;
            if unsafe_char {
                out.extend(std::iter::repeat_n('?', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// Where the escape-sequence scanner is: in text, or inside a sequence being removed.
#[derive(Clone, Copy)]
enum State {
    Text,
    /// Just after ESC.
    Escape,
    /// `ESC` followed by intermediate bytes (`ESC ( `…), waiting for the final byte.
    EscapeIntermediate,
    /// Parameters and intermediates of a CSI, waiting for the final byte.
    Csi,
    /// The body of an OSC, DCS, SOS, PM or APC, waiting for BEL or ST.
    ControlString,
}

/// The first pass: escape sequences, controls, invisible characters and whitespace. One
/// character at a time through a state machine, so no input can make it recurse.
fn strip_controls(input: &str) -> String {
    let mut stripper = Stripper {
        out: String::with_capacity(input.len()),
        pending_space: false,
    };
    let mut state = State::Text;
    for c in input.chars() {
        state = match state {
            // Most text is printable ASCII: straight through, without the checks below.
            State::Text if c.is_ascii_graphic() => {
                stripper.push(c);
                State::Text
            }
            State::Text => stripper.text(c),
            State::Escape => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::ControlString,
                ' '..='/' => State::EscapeIntermediate,
                // A two-character sequence (`ESC c`, `ESC 7`, and `ESC \`, the ST that
                // closes a control string).
                '0'..='~' => State::Text,
                // Not part of a sequence: the ESC alone is dropped.
                _ => stripper.text(c),
            },
            State::EscapeIntermediate => match c {
                ' '..='/' => State::EscapeIntermediate,
                '0'..='~' => State::Text,
                _ => stripper.text(c),
            },
            State::Csi => match c {
                ' '..='?' => State::Csi,
                '@'..='~' => State::Text,
                // A malformed sequence ends here; the character is text (or a new ESC).
                _ => stripper.text(c),
            },
            State::ControlString => match c {
                BEL | ST_8BIT => State::Text,
                // `ESC \` ends the string; any other ESC ends it and starts a sequence.
                ESC => State::Escape,
                _ => State::ControlString,
            },
        };
    }
    stripper.out
}

struct Stripper {
    out: String,
    /// Whitespace was seen since the last kept character: one space goes before the next.
    pending_space: bool,
}

impl Stripper {
    /// One character outside any sequence; returns the state it leads to.
    fn text(&mut self, c: char) -> State {
        match c {
            ESC => return State::Escape,
            CSI_8BIT => return State::Csi,
            // 8-bit DCS, SOS, OSC, PM, APC.
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => return State::ControlString,
            // Ideographic space is kept: Chinese text is laid out with it.
            c if c.is_whitespace() && c != '\u{3000}' => {
                self.pending_space = !self.out.is_empty();
            }
            c if is_invisible_format(c) => {}
            c if c < ' ' => self.push_caret(char::from(b'@' + c as u8)),
            DEL => self.push_caret('?'),
            '\u{80}'..='\u{9f}' => {}
            c => self.push(c),
        }
        State::Text
    }

    fn push_caret(&mut self, c: char) {
        self.push('^');
        self.out.push(c);
    }

    fn push(&mut self, c: char) {
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        self.out.push(c);
    }
}

/// The second pass: at most [`MAX_COMBINING`] extra characters per cluster, no cluster
/// without a visible base, at most `max_chars` characters then `…`. Spaces are placed as
/// in the first pass (between kept clusters only, one at a time), since a dropped cluster
/// can leave two spaces side by side or one at an end.
fn cap_clusters(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    let mut kept = 0;
    let mut pending_space = false;
    for cluster in text.graphemes(true) {
        // Marks on a space are dropped with it: at the start of a string the space goes
        // and they would be left with nothing to sit on.
        if cluster.starts_with(' ') {
            pending_space = !out.is_empty();
            continue;
        }
        if cluster.width() == 0 {
            continue;
        }
        let chars = cluster.chars().take(1 + MAX_COMBINING);
        let count = chars.clone().count() + usize::from(pending_space);
        if kept + count > max_chars {
            out.push('…');
            break;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        kept += count;
        out.extend(chars);
    }
    out
}

/// Characters that change how the text around them is laid out, or hide text, without
/// being seen: bidi controls, zero-width characters, and every other format character
/// (Unicode category Cf; a test checks the list against the Unicode tables). The
/// prepended concatenation marks (U+0600, U+06DD, U+110BD…) join the next character into
/// one cluster whose width terminals disagree on: a card's border moved, and fragments
/// stayed on screen after a tab switch.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00ad}' // soft hyphen
        | '\u{0600}'..='\u{0605}' // Arabic number signs (prepended)
        | '\u{061c}' // Arabic letter mark
        | '\u{06dd}' // Arabic end of ayah (prepended)
        | '\u{070f}' // Syriac abbreviation mark (prepended)
        | '\u{0890}'..='\u{0891}' // Arabic pound and piastre marks above (prepended)
        | '\u{08e2}' // Arabic disputed end of ayah (prepended)
        | '\u{180e}' // Mongolian vowel separator
        | '\u{200b}'..='\u{200f}' // zero-width space, joiners, LRM/RLM
        | '\u{202a}'..='\u{202e}' // embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{206f}' // isolates, deprecated format characters
        | '\u{feff}' // byte order mark / zero-width no-break space
        | '\u{fff9}'..='\u{fffb}' // interlinear annotation
        | '\u{110bd}' | '\u{110cd}' // Kaithi number signs (prepended)
        | '\u{13430}'..='\u{1343f}' // Egyptian hieroglyph format controls
        | '\u{1bca0}'..='\u{1bca3}' // shorthand format controls
        | '\u{1d173}'..='\u{1d17a}' // musical format controls
        | '\u{e0000}'..='\u{e007f}' // tag characters: invisible ASCII
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_character_of_unicode_is_invisible_format() {
        use unicode_general_category::{GeneralCategory, get_general_category};
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let format = get_general_category(c) == GeneralCategory::Format;
            // The whole tag block goes, its unassigned code points too.
            let tag = ('\u{e0000}'..='\u{e007f}').contains(&c);
            assert_eq!(
                is_invisible_format(c),
                format || tag,
                "U+{:04X}: category Cf is {format}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn prepended_concatenation_marks_leave_a_label() {
        for mark in [
            '\u{600}',
            '\u{6dd}',
            '\u{110bd}',
            '\u{890}',
            '\u{8e2}',
            '\u{70f}',
        ] {
            assert_eq!(
                sanitize_label(&format!("{mark}20 countries")),
                "20 countries"
            );
        }
    }

    #[test]
    fn text_judged_clean_is_what_rebuilding_it_gives() {
        let mut judged_clean = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("{c}a {c}{c} {c}"),
                format!("a {c} b"),
                format!("{c} "),
                format!(" {c}"),
            ] {
                if is_clean(&text, MAX_CHARS) {
                    judged_clean += 1;
                    assert_eq!(rebuild(&text, MAX_CHARS), text, "{text:?}");
                }
            }
        }
        // The check is not vacuous: the plain characters are judged clean.
        assert!(judged_clean > 20_000 * 3, "{judged_clean}");
        for unclean in [
            "a  b",
            " a",
            "a ",
            "a\nb",
            "a\u{a0}b",
            "soft\u{ad}hyphen",
            "e\u{301}",
        ] {
            assert!(!is_clean(unclean, MAX_CHARS), "{unclean:?}");
        }
        assert!(is_clean("abc", 3));
        assert!(!is_clean("abcd", 3));
    }

    #[test]
    fn the_second_pass_leaves_text_that_stands_alone_as_it_is() {
        // What lets `sanitize` skip it: for every such character, wherever it is.
        for c in (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| stands_alone(c))
        {
            let stripped = strip_controls(&format!("{c}a{c}{c} {c}"));
            assert_eq!(
                cap_clusters(&stripped, MAX_CHARS),
                stripped,
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn text_that_stands_alone_is_cut_as_the_second_pass_cuts_it() {
        // Every cap from nothing to the whole text, so the cut falls on each character and
        // each space in turn.
        for text in [
            "ab cd e fgh 数字 丝绸之路 x",
            "数字丝绸之路“一带一路”合作……",
        ] {
            for max_chars in 0..=text.chars().count() + 1 {
                let mut expected = cap_clusters(text, max_chars);
                while cap_clusters(&expected, max_chars) != expected {
                    expected = cap_clusters(&expected, max_chars);
                }
                assert_eq!(
                    rebuild(text, max_chars),
                    expected,
                    "{text:?} cut at {max_chars}"
                );
            }
        }
    }

    #[test]
    fn text_that_stands_alone_is_still_cut_at_its_cap() {
        let long = "数字丝绸之路 Digital Silk Road ".repeat(40);
        let label = sanitize_label(&long);
        let kept = label.strip_suffix('…').expect("the cut is marked");
        assert!(long.starts_with(kept));
        assert!(kept.chars().count() > MAX_LABEL_CHARS - 2);
        assert!(kept.chars().count() <= MAX_LABEL_CHARS);
        let exact: String = long.chars().take(MAX_LABEL_CHARS).collect();
        assert_eq!(sanitize_label(&exact), exact.trim_end());
    }

    #[test]
    fn removes_whole_escape_sequences() {
        assert_eq!(sanitize_text("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize_text("x\u{1b}]0;pwned title\u{7}y"), "xy");
        assert_eq!(sanitize_text("x\u{1b}]52;c;ZXZpbA==\u{1b}\\y"), "xy");
        assert_eq!(
            sanitize_text("x\u{1b}]8;;http://e.vil\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "xlink"
        );
        assert_eq!(sanitize_text("x\u{1b}Pdcs\u{1b}\\y\u{9b}2Jz"), "xyz");
        assert_eq!(sanitize_text("a\u{1b}Xsos\u{1b}\\b\u{1b}^pm\u{9c}c"), "abc");
        assert_eq!(sanitize_text("a\u{1b}_Gf=100;AAAA\u{1b}\\b"), "ab");
        assert_eq!(sanitize_text("a\u{9d}0;title\u{9c}b\u{9f}apc\u{7}c"), "abc");
        assert_eq!(sanitize_text("a\u{90}dcs\u{9c}b\u{98}sos\u{9c}c"), "abc");
        assert_eq!(
            sanitize_text("\u{1b}cReset \u{1b}(0lqk\u{1b}(B \u{1b}7x"),
            "Reset lqk x"
        );
    }

    #[test]
    fn a_sequence_cut_short_leaves_no_remnant_of_the_next() {
        // A second ESC starts a new sequence rather than being swallowed by the first.
        assert_eq!(sanitize_text("\u{1b}\u{1b}[31mX"), "X");
        assert_eq!(sanitize_text("a\u{1b}[3\u{1b}[31mb"), "ab");
        // An ESC inside a control string that is not ST ends it and starts a sequence.
        assert_eq!(sanitize_text("a\u{1b}]0;t\u{1b}[31mb"), "ab");
        // ESC before ordinary text: only the ESC goes.
        assert_eq!(sanitize_text("a\u{1b}中b"), "a中b");
        // A control string never closed swallows the rest, as the terminal would.
        assert_eq!(sanitize_text("Visible\u{1b}]0;never ends"), "Visible");
        // A control inside a CSI ends it and is shown.
        assert_eq!(sanitize_text("a\u{1b}[3\u{7}b"), "a^Gb");
    }

    #[test]
    fn shows_other_controls_and_drops_invisible_characters() {
        assert_eq!(sanitize_text("bell\u{7}"), "bell^G");
        assert_eq!(sanitize_text("nul\u{0}bs\u{8}"), "nul^@bs^H");
        assert_eq!(sanitize_text("del\u{7f}"), "del^?");
        assert_eq!(sanitize_text("c1\u{80}\u{85}x"), "c1 x");
        assert_eq!(sanitize_text("ab\u{202e}cd\u{2066}e\u{200b}f"), "abcdef");
        assert_eq!(sanitize_text("tag\u{e0041}\u{e0042}s"), "tags");
        assert_eq!(sanitize_text("  one\n\ttwo  "), "one two");
        assert_eq!(sanitize_text("a\u{2028}b\u{2029}c\r\nd"), "a b c d");
        assert_eq!(sanitize_text("中文\u{3000}全角"), "中文\u{3000}全角");
    }

    #[test]
    fn caps_combining_marks_per_cluster() {
        let zalgo = format!("Z{}algo", "\u{301}".repeat(10_000));
        assert_eq!(
            sanitize_text(&zalgo),
            format!("Z{}algo", "\u{301}".repeat(4))
        );
        // Marks with nothing to sit on would land on whatever precedes the string.
        assert_eq!(sanitize_text("\u{301}\u{302}Title"), "Title");
        // Nor do the spaces around what was dropped.
        assert_eq!(sanitize_text("\u{301}\t¡"), "¡");
        assert_eq!(sanitize_text("a \u{e01f0} b\t\u{e01f0}"), "a b");
        // Found by the fuzzer: marks on a space that only the dropped marks kept from the
        // start.
        let found = "\u{486}\u{b}\u{1b}\u{7a7} \u{6}\u{486}\u{1}";
        assert_eq!(sanitize_text(found), "^F\u{486}^A");
        assert_eq!(sanitize_text(&sanitize_text(found)), sanitize_text(found));
        // Ordinary accents and CJK are untouched.
        assert_eq!(sanitize_text("cafe\u{301} 数字"), "cafe\u{301} 数字");
    }

    #[test]
    fn caps_length_with_a_marker() {
        let long = "x".repeat(MAX_CHARS + 10);
        let cut = sanitize_text(&long);
        assert_eq!(cut.chars().count(), MAX_CHARS + 1);
        assert!(cut.ends_with('…'));
        let label = sanitize_label(&"标".repeat(MAX_LABEL_CHARS * 2));
        assert_eq!(label.chars().count(), MAX_LABEL_CHARS + 1);
        assert!(label.ends_with('…'));
        assert_eq!(
            sanitize_label(&"y".repeat(MAX_LABEL_CHARS)).chars().count(),
            MAX_LABEL_CHARS
        );
        // The marker never follows a dangling space.
        let spaced = format!("{} tail", "z".repeat(MAX_LABEL_CHARS - 1));
        assert_eq!(
            sanitize_label(&spaced),
            format!("{}…", "z".repeat(MAX_LABEL_CHARS - 1))
        );
    }

    #[test]
    fn deep_nesting_of_sequences_is_linear_not_recursive() {
        let hostile = "\u{1b}[\u{1b}]".repeat(200_000) + "\u{7}end";
        assert_eq!(sanitize_text(&hostile), "end");
    }

    #[test]
    fn messages_show_hidden_characters_as_escapes() {
        assert_eq!(
            escape_for_message("\u{1b}]0;x\u{7}article"),
            "\\u{1b}]0;x\\u{7}article"
        );
        assert_eq!(
            escape_for_message("a\tb\u{202e}c d"),
            "a\\u{9}b\\u{202e}c d"
        );
        assert_eq!(escape_for_message("数字 it's"), "数字 it's");
        let long = escape_for_message(&"\u{1b}".repeat(10 * MAX_CHARS));
        assert!(long.ends_with('…') && long.chars().count() <= MAX_CHARS + 1);
    }

    #[test]
    fn source_view_keeps_byte_offsets() {
        let text = format!("a\u{1b}b\u{202e}c\u{9b}d\r\ne{}", "\u{301}".repeat(10));
        let shown = sanitize_source_for_terminal(&text);
        assert_eq!(shown.len(), text.len());
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{9b}'));
        assert!(shown.contains("\r\n"));
        assert_eq!(shown.matches('\u{301}').count(), MAX_COMBINING);
    }
}
