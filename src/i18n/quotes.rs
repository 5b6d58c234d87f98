//! How a quote reads: between quotation marks only when it is a source's sentence, marked
//! when it is the dataset's translation, and as a plain note when none is recorded.

use super::punctuation::{aside, labelled, quoted};
use super::words::strings;
use crate::dataset::{Lang, Origin, Said};

/// `No source sentence recorded: why` / `未记录来源原句：why` — never quoted.
pub fn no_sentence(reason: &str, lang: Lang) -> String {
    labelled(strings(lang).no_quote, reason, lang)
}

/// What follows a quote's text to say whose words it is: ` (our translation)`,
/// ` (the source's words)`, or nothing when the dataset does not say.
pub fn origin_mark(origin: Origin, lang: Lang) -> String {
    let words = strings(lang);
    match origin {
        Origin::Translation => aside(words.our_translation, lang),
        Origin::Source => aside(words.source_words, lang),
        Origin::Unknown => String::new(),
    }
}

/// A quote as one line in the reader's language: `“…” (our translation)`, or the note
/// that no sentence is recorded.
pub fn said_line(said: Said, lang: Lang) -> String {
    match said {
        Said::Words { text, .. } => {
            let mut line = quoted(text.get(lang));
            line.push_str(&origin_mark(said.origin(lang), lang));
            line
        }
        Said::Missing(reason) => no_sentence(reason.get(lang), lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Text;

    fn text() -> Text {
        Text {
            zh: "共建国家".to_owned(),
            en: "partner countries".to_owned(),
        }
    }

    #[test]
    fn a_missing_quote_is_a_note_never_in_quotation_marks() {
        let reason = text();
        let en = said_line(Said::Missing(&reason), Lang::En);
        assert_eq!(en, "No source sentence recorded: partner countries");
        let zh = said_line(Said::Missing(&reason), Lang::Zh);
        assert_eq!(zh, "未记录来源原句：共建国家");
        assert!(!en.contains('“') && !zh.contains('“'));
    }

    #[test]
    fn the_translated_side_is_marked_and_never_called_the_original() {
        let text = text();
        let said = Said::Words {
            text: &text,
            translated: Some(Lang::Zh),
        };
        assert_eq!(said_line(said, Lang::Zh), "“共建国家”（本数据集的译文）");
        assert_eq!(
            said_line(said, Lang::En),
            "“partner countries” (the source's words)"
        );
        assert_eq!(
            said_line(Said::of(Some(&text), None).unwrap(), Lang::En),
            "“partner countries”"
        );
    }
}
