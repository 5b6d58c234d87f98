//! A figure's quote: the source's sentence or why there is none (exactly one of the two),
//! and which language of it is the dataset's translation.

use toml::Spanned;

use super::Validator;
use crate::dataset::lang::Lang;
use crate::dataset::quote::Quote;
use crate::dataset::raw::RawIndicator;
use crate::files::diagnostic::Problem;

impl Validator<'_> {
    /// The indicator's quote and the language in which it is a translation.
    pub(super) fn indicator_quote(&mut self, raw: &RawIndicator) -> (Quote, Option<Lang>) {
        let quote = match (&raw.quote, &raw.quote_missing) {
            (Some(quote), None) => Quote::Words(self.text(quote, "quote")),
            (None, Some(reason)) => Quote::Missing(self.text(reason, "quote_missing")),
            (Some(quote), Some(reason)) => {
                self.problems.push(
                    Problem::at(
                        reason.span(),
                        "`quote` and `quote_missing` are both given: a figure quotes its source \
                         or says why it cannot, not both",
                    )
                    .with_hint("keep `quote` if it is the source's sentence, else remove it"),
                );
                Quote::Words(self.text(quote, "quote"))
            }
            (None, None) => {
                self.problems.push(
                    Problem::at(
                        raw.id.span(),
                        format!("indicator `{}` has no quote", raw.id.get_ref()),
                    )
                    .with_hint(
                        "add `quote`, the source's sentence that states the figure, or \
                         `quote_missing`, why no such sentence is recorded",
                    ),
                );
                Quote::Missing(crate::dataset::Text {
                    zh: String::new(),
                    en: String::new(),
                })
            }
        };
        let translated = self.quote_translated(
            raw.quote_translated.as_ref(),
            matches!(quote, Quote::Words(_)),
        );
        (quote, translated)
    }

    /// `quote_translated`: a language, and only beside a quote (of words) to mark.
    pub(super) fn quote_translated(
        &mut self,
        raw: Option<&Spanned<String>>,
        has_quote: bool,
    ) -> Option<Lang> {
        let raw = raw?;
        let parsed: Option<Lang> = self.keyword(raw, "language", &["zh", "en"]);
        if !has_quote && parsed.is_some() {
            self.problems.push(Problem::at(
                raw.span(),
                "quote_translated marks a quote, and there is none",
            ));
        }
        parsed
    }
}
