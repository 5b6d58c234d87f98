//! Making untrusted text safe to put on a terminal.
//!
//! Every string of a dataset or config passes through [`sanitize_text`] once, at load, and
//! everything printed outside the dashboard goes through [`sanitize_line`]. The rules:
//! - whole escape sequences (CSI, OSC, DCS, APC, PM, SOS and their 8-bit C1 forms) are
//!   removed, not just their ESC byte, so nothing of them is printed as text;
//! - other C0 controls and DEL are shown in caret notation (`^G`), other C1 controls removed;
//! - tab, newline and the Unicode line and paragraph separators become a single space
//!   (runs of whitespace collapse), since a dataset string is one logical line;
//! - bidi overrides and isolates and zero-width characters are removed, so text can never
//!   reorder or hide what surrounds it;
//! - a string longer than [`MAX_CHARS`] is cut, with `…` marking the cut.

/// Longest string kept, in characters.
pub const MAX_CHARS: usize = 4096;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';

/// Sanitises one dataset or config string (see the module documentation).
pub fn sanitize_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    let mut kept = 0usize;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        let piece: Option<String> = match c {
            ESC => {
                skip_escape_sequence(&mut chars);
                None
            }
            // 8-bit introducers of CSI, DCS, OSC, SOS, PM, APC.
            '\u{9b}' => {
                skip_csi_body(&mut chars);
                None
            }
            '\u{90}' | '\u{9d}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                skip_string_body(&mut chars);
                None
            }
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                pending_space = !out.is_empty();
                None
            }
            c if c.is_whitespace() && c != '\u{3000}' => {
                pending_space = !out.is_empty();
                None
            }
            c if is_invisible_format(c) => None,
            c if (c as u32) < 0x20 => Some(format!("^{}", char::from(b'@' + c as u8))),
            '\u{7f}' => Some("^?".to_owned()),
            c if ('\u{80}'..='\u{9f}').contains(&c) => None,
            c => {
                let mut s = String::new();
                s.push(c);
                Some(s)
            }
        };
        if let Some(piece) = piece {
            if pending_space {
                out.push(' ');
                kept += 1;
                pending_space = false;
            }
            if kept >= MAX_CHARS {
                out.push('…');
                return out;
            }
            kept += piece.chars().count();
            out.push_str(&piece);
        }
    }
    out
}

/// Sanitises a message before it is printed to stderr or a terminal.
pub fn sanitize_line(input: &str) -> String {
    sanitize_text(input)
}

/// Makes a whole file's text safe to quote in a diagnostic while keeping every byte offset
/// where it was: each unsafe character becomes as many `?` as it had bytes.
pub fn sanitize_source_for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| {
            let unsafe_char =
                (c.is_control() && c != '\n' && c != '\t' && c != '\r') || is_invisible_format(c);
            if unsafe_char {
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Bidi controls, zero-width characters and other format characters that change how the
/// text around them is laid out without being seen.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}' // zero-width space, joiners, LRM/RLM
        | '\u{202a}'..='\u{202e}' // embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // isolates
        | '\u{061c}' // Arabic letter mark
        | '\u{feff}' // byte order mark / zero-width no-break space
        | '\u{00ad}' // soft hyphen
    )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an ESC: skips the rest of the sequence it starts.
fn skip_escape_sequence(chars: &mut Chars) {
    match chars.next() {
        Some('[') => skip_csi_body(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string_body(chars),
        // Two-byte sequences (ESC 7, ESC c, ESC ( B…): intermediates, then one final byte.
        Some(c) if (' '..='/').contains(&c) => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates, then one final byte in `@`..=`~`.
fn skip_csi_body(chars: &mut Chars) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            return;
        }
        if !(' '..='?').contains(&c) {
            return;
        }
    }
}

/// A control string ends at BEL, ST (ESC \) or the 8-bit ST.
fn skip_string_body(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            BEL | '\u{9c}' => return,
            ESC => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn shows_other_controls_and_drops_bidi() {
        assert_eq!(sanitize_text("bell\u{7}"), "bell^G");
        assert_eq!(sanitize_text("del\u{7f}"), "del^?");
        assert_eq!(sanitize_text("ab\u{202e}cd\u{2066}e\u{200b}f"), "abcdef");
        assert_eq!(sanitize_text("  one\n\ttwo  "), "one two");
        assert_eq!(sanitize_text("中文\u{3000}全角"), "中文\u{3000}全角");
    }

    #[test]
    fn caps_length_with_a_marker() {
        let long = "x".repeat(MAX_CHARS + 10);
        let cut = sanitize_text(&long);
        assert_eq!(cut.chars().count(), MAX_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn source_view_keeps_byte_offsets() {
        let text = "a\u{1b}b\u{202e}c";
        let shown = sanitize_source_for_terminal(text);
        assert_eq!(shown.len(), text.len());
        assert!(!shown.contains('\u{1b}'));
    }
}
