//! Dataset text and URLs made safe for Markdown: literal text, and links only where
//! they cannot break out.

/// Dataset text made literal: no character of it can open emphasis, a link, code, HTML or
/// an entity, and it cannot start a heading, list or quote when it begins a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, c) in text.char_indices() {
        let markup = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '&' => starts_entity(&text[index + 1..]),
            // Only at the start of a line do these open a heading, list or block quote.
            '#' | '-' | '+' | '=' | '>' => index == 0,
            '.' | ')' => {
                let before = &text[..index];
                !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit())
            }
            _ => false,
        };
        if markup {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text after an `&` would make it an entity reference (`&amp;`, `&#38;`).
fn starts_entity(rest: &str) -> bool {
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// A URL as an autolink when it is a web page or an address (`http`, `https`, `mailto`)
/// and CommonMark allows one (no spaces or angle brackets), else as escaped text: a hostile
/// URL can neither break out into markup nor become a `javascript:` or `data:` link.
pub fn link(url: &str) -> String {
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    let safe_scheme = matches!(scheme.as_deref(), Some("http" | "https" | "mailto"));
    let autolink = safe_scheme
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
    if autolink {
        format!("<{url}>")
    } else {
        escape(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_leaves_plain_text_alone() {
        assert_eq!(escape("20 countries (2023)"), "20 countries (2023)");
        assert_eq!(escape("数字丝绸之路“一带一路”"), "数字丝绸之路“一带一路”");
        assert_eq!(escape("*bold* [x](y) <b>"), r"\*bold\* \[x\](y) \<b>");
        assert_eq!(escape("> 120,000 > 100"), r"\> 120,000 > 100");
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("- not a list - x"), r"\- not a list - x");
        assert_eq!(escape("1. not a list, 2. x"), r"1\. not a list, 2. x");
        assert_eq!(escape("R&D &amp; more"), r"R&D \&amp; more");
    }

    #[test]
    fn links_only_what_cannot_break_out() {
        assert_eq!(link("https://example.org/a_b"), "<https://example.org/a_b>");
        assert_eq!(link("https://x.org/> *y*"), r"https://x.org/> \*y\*");
        assert_eq!(link("HTTP://example.org/"), "<HTTP://example.org/>");
        assert_eq!(link("mailto:a@example.org"), "<mailto:a@example.org>");
        // Only the web and mail become links; every other scheme stays text.
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            let written = link(url);
            assert!(!written.starts_with('<'), "{url} became a link: {written}");
            assert_eq!(written, escape(url));
        }
    }
}
