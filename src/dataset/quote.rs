//! What a source said of a figure: its sentence, in whose words, or that none is recorded.
//!
//! A quote is shown between quotation marks as the source's own sentence, so a figure whose
//! sentence the dataset's authors do not have cannot fill the field with a placeholder: it
//! says so (`quote_missing`, with the reason), and every view shows that as a note, never
//! quoted. A quote in two languages is, in one of them, often the authors' translation
//! (`quote_translated`); views mark that side, so a translation is never passed off as the
//! source's words.

use std::ops::Deref;

use serde::{Deserialize, Serialize};

use super::lang::{Lang, Text};

/// An indicator's quote: the format requires one of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quote {
    /// The sentence of the source that states the figure.
    Words(Text),
    /// No sentence of the source is recorded; the text says why.
    Missing(Text),
}

/// The text the field holds, the words or the reason: what a search over every text of a
/// dataset reads. Views match on the variant, since only words are ever quoted.
impl Deref for Quote {
    type Target = Text;
    fn deref(&self) -> &Text {
        match self {
            Quote::Words(text) | Quote::Missing(text) => text,
        }
    }
}

/// A quote as it is shown anywhere: borrowed from the model with what a view needs to mark
/// it. Two citations of the same source and `Said` share a reference number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Said<'a> {
    /// The source's sentence; `translated` is the language in which it is the dataset's
    /// translation rather than the source's words, when the dataset says so.
    Words {
        text: &'a Text,
        translated: Option<Lang>,
    },
    /// No sentence recorded, and why.
    Missing(&'a Text),
}

impl<'a> Said<'a> {
    /// The quote of a field with an optional quote and its `quote_translated`.
    pub fn of(quote: Option<&'a Text>, translated: Option<Lang>) -> Option<Said<'a>> {
        quote.map(|text| Said::Words { text, translated })
    }

    /// Whether the text shown in `lang` is the source's own words, the dataset's
    /// translation, or not known to be either.
    pub fn origin(self, lang: Lang) -> Origin {
        match self {
            Said::Words {
                translated: Some(translated),
                ..
            } if translated == lang => Origin::Translation,
            Said::Words {
                translated: Some(_),
                ..
            } => Origin::Source,
            _ => Origin::Unknown,
        }
    }
}

/// Whose words a quote is, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The source wrote it so.
    Source,
    /// The dataset's authors translated it.
    Translation,
    /// The dataset does not say.
    Unknown,
}

impl super::Indicator {
    pub fn said(&self) -> Said<'_> {
        match &self.quote {
            Quote::Words(text) => Said::Words {
                text,
                translated: self.quote_translated,
            },
            Quote::Missing(reason) => Said::Missing(reason),
        }
    }
}

impl super::Observation {
    pub fn said(&self) -> Option<Said<'_>> {
        Said::of(self.quote.as_ref(), self.quote_translated)
    }
}

impl super::Point {
    pub fn said(&self) -> Option<Said<'_>> {
        Said::of(self.quote.as_ref(), self.quote_translated)
    }
}

impl super::Event {
    pub fn said(&self) -> Option<Said<'_>> {
        Said::of(self.quote.as_ref(), self.quote_translated)
    }
}

impl super::CountryFact {
    pub fn said(&self) -> Option<Said<'_>> {
        Said::of(self.quote.as_ref(), self.quote_translated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> Text {
        Text {
            zh: "中文".to_owned(),
            en: "English".to_owned(),
        }
    }

    #[test]
    fn the_translated_side_is_a_translation_and_the_other_the_source() {
        let text = text();
        let said = Said::Words {
            text: &text,
            translated: Some(Lang::Zh),
        };
        assert_eq!(said.origin(Lang::Zh), Origin::Translation);
        assert_eq!(said.origin(Lang::En), Origin::Source);
        assert_eq!(
            Said::of(Some(&text), None).unwrap().origin(Lang::Zh),
            Origin::Unknown
        );
        assert_eq!(Said::Missing(&text).origin(Lang::En), Origin::Unknown);
    }

    #[test]
    fn a_missing_quote_reads_as_its_reason() {
        let quote = Quote::Missing(text());
        assert_eq!(quote.en, "English");
    }
}
