//! The sanitiser on arbitrary text: nothing unsafe comes out, the caps hold, and
//! sanitising twice is sanitising once.

#![no_main]

use bri_dash::text::sanitize::{
    MAX_CHARS, MAX_COMBINING, MAX_LABEL_CHARS, sanitize_label, sanitize_text,
};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|text: &str| {
    for (safe, max) in [
        (sanitize_text(text), MAX_CHARS),
        (sanitize_label(text), MAX_LABEL_CHARS),
    ] {
        assert!(
            !safe.chars().any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{safe:?}"
        );
        assert!(safe.chars().count() <= max + 1);
        assert!(
            safe.graphemes(true)
                .all(|g| g.chars().count() <= 1 + MAX_COMBINING)
        );
        assert_eq!(sanitize_text(&safe), safe);
    }
});
