//! A figure's quote: the source's sentence or why there is none (exactly one of the two),
//! and which language of it is the dataset's translation.

use toml::Spanned;

use super::Validator;
use crate::dataset::lang::Lang;
use crate::dataset::quote::Quote;
use crate::dataset::raw::RawIndicator;
use crate::files::diagnostic::{Message, Problem};

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
                        Message::new(
                            "`quote` and `quote_missing` are both given: a figure quotes its source \
                             or says why it cannot, not both",
                            "同时给出了 `quote` 和 `quote_missing`：一个数值要么引用来源，要么说明\
                             为何无法引用，不能两者都有",
                        ),
                    )
                    .with_hint(Message::new(
                        "keep `quote` if it is the source's sentence, else remove it",
                        "如果 `quote` 是来源的原句就保留它，否则删去",
                    )),
                );
                Quote::Words(self.text(quote, "quote"))
            }
            (None, None) => {
                self.problems.push(
                    Problem::at(
                        raw.id.span(),
                        Message::new(
                            format!("indicator `{}` has no quote", raw.id.get_ref()),
                            format!("指标 `{}` 没有引文", raw.id.get_ref()),
                        ),
                    )
                    .with_hint(Message::new(
                        "add `quote`, the source's sentence that states the figure, or \
                         `quote_missing`, why no such sentence is recorded",
                        "请添加 `quote`（来源中给出该数值的原句），或 `quote_missing`（为何没有\
                         记录这样的句子）",
                    )),
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
                Message::new(
                    "quote_translated marks a quote, and there is none",
                    "quote_translated 标记的是引文，但这里没有引文",
                ),
            ));
        }
        parsed
    }
}
