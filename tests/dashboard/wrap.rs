//! The dashboard's own wrapper against `textwrap` with UAX #14 line breaking, on every text
//! of the built-in datasets: both keep to the width and lose nothing but the spaces they
//! break at, and the own wrapper never starts a line with closing punctuation. The
//! own wrapper is kept because it is two to three times faster (benches/wrap.rs).

#[path = "../../benches/support/texts.rs"]
mod texts;

use textwrap::{Options, WordSeparator};
use unicode_width::UnicodeWidthStr;

/// Full-width punctuation that must not start a line.
const CLOSING: &str = "，。、；：？！）」』”’》〉】…％";

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_own_wrapper_and_textwrap_keep_the_width_and_the_text() {
    let (zh, en) = texts::builtin_texts();
    assert!(zh.len() > 50 && en.len() == zh.len(), "{} texts", zh.len());
    for text in zh.iter().chain(&en) {
        for width in [40, 100] {
            let own = bri_dash::ui::wrap(text, width);
            let options = Options::new(width).word_separator(WordSeparator::UnicodeBreakProperties);
            let theirs: Vec<String> = textwrap::wrap(text, &options)
                .into_iter()
                .map(|line| line.into_owned())
                .collect();
            for (name, lines) in [("own", &own), ("textwrap", &theirs)] {
                assert!(
                    lines.iter().all(|line| line.width() <= width),
                    "{name} at {width}: {lines:?}"
                );
                assert_eq!(
                    without_spaces(&lines.concat()),
                    without_spaces(text),
                    "{name} at {width}"
                );
            }
            assert!(
                own.iter()
                    .skip(1)
                    .all(|line| !line.starts_with(|c| CLOSING.contains(c))),
                "{own:?}"
            );
        }
    }
}
