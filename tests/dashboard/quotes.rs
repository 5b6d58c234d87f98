//! Quotes as a reader meets them: a figure of which no source sentence is recorded says so,
//! muted and never between quotation marks; a quote that is the dataset's translation is
//! marked, and the source's own words are named as such.

use crate::common;

use bri_dash::dataset::Lang;
use common::builtin_app;

use common::screen;

use common::open_indicator;

#[test]
fn a_figure_without_a_source_sentence_says_so_unquoted() {
    for (lang, label) in [
        (
            Lang::En,
            "No source sentence recorded: the reference notes record",
        ),
        (Lang::Zh, "未记录来源原句：参考资料只记下了该页的数字"),
    ] {
        let mut app = builtin_app("bri-connectivity", lang, 100, 60);
        open_indicator(&mut app, "forum-deals-usd-bn");
        let text = screen(&app);
        let line = text
            .lines()
            .find(|line| line.contains(label))
            .unwrap_or_else(|| panic!("{label:?} in\n{text}"));
        // The popup's line, not the screen behind it.
        let inside = line.split('┃').nth(1).unwrap();
        assert!(!inside.contains('“') && !inside.contains('”'), "{line}");
        insta::assert_snapshot!(format!("no-quote-{}-100x60", lang.code()), text);
    }
}

/// The Silk Road E-commerce count is quoted from an English page (China Daily): its
/// Chinese is our translation, shown as such with the page's words under it, and the
/// English is the source's words.
#[test]
fn a_translated_quote_is_marked_and_the_source_words_named() {
    for (lang, marks) in [
        (
            Lang::Zh,
            [
                "“截至9月下旬已达36个”（本数据集的译文）",
                "en：“has reached 36 as of late September”（原文）",
            ],
        ),
        (
            Lang::En,
            [
                "“has reached 36 as of late September” (the source's words)",
                "Quote",
            ],
        ),
    ] {
        let mut app = builtin_app("bri-connectivity", lang, 100, 60);
        open_indicator(&mut app, "silk-road-ecommerce-partners");
        let text = screen(&app);
        for mark in marks {
            assert!(text.contains(mark), "{mark:?} in\n{text}");
        }
        assert!(
            !text.contains("原文：“截至"),
            "a translation is never 原文:\n{text}"
        );
        insta::assert_snapshot!(format!("translated-quote-{}-100x60", lang.code()), text);
    }
}
