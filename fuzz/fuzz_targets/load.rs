//! The dataset loader on arbitrary bytes: no panic, no hang, no stack overflow, and every
//! error printable without a control character reaching the terminal.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // What `load_file` hands the parser: bytes that are not UTF-8 are refused before it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = bri_dash::dataset::parse("fuzz.toml", text) {
        for shown in [error.to_string(), error.render_report(false)] {
            assert!(
                !shown
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "a control character in: {shown:?}"
            );
        }
    }
});
