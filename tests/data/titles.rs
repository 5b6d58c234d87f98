//! The Chinese side of every built-in dataset names its sources in Chinese: a source
//! title on the zh side with no Han character at all is an English title left
//! untranslated (issue #15: 66 of the silk-road-partners sources read
//! "company site reposting a MOFCOM-sourced article" on the Chinese dashboard).

use bri_dash::dataset::{self, BUILTINS};

/// A character of the CJK Unified Ideographs blocks (the basic block and extension A),
/// which every Simplified Chinese word of these datasets is written in.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

#[test]
fn han_is_the_basic_and_extension_a_ideographs_not_full_width_punctuation() {
    assert!("科技日报".chars().all(is_han));
    assert!(!"Mondaq（）“”，。、《》".chars().any(is_han));
}

#[test]
fn every_source_title_of_the_builtin_datasets_has_chinese_on_its_zh_side() {
    let mut untranslated = Vec::new();
    for builtin in BUILTINS {
        let dataset =
            dataset::load_builtin(builtin).unwrap_or_else(|e| panic!("{}: {e}", builtin.name));
        for source in &dataset.sources {
            let title = &source.title;
            if !title.zh.chars().any(is_han) {
                untranslated.push(format!("{}: {}: {:?}", builtin.name, source.id, title.zh));
            }
        }
    }
    assert!(
        untranslated.is_empty(),
        "{} source titles have no Chinese on their zh side:\n{}",
        untranslated.len(),
        untranslated.join("\n")
    );
}
