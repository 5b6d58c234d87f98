//! The dataset's languages and its texts: each present, non-empty and printable in every
//! declared language, and sanitised once, here.

use std::ops::Range;

use toml::Spanned;

use super::Validator;
use super::words::{language_zh, zh};
use crate::dataset::lang::{Lang, Text};
use crate::dataset::raw::*;
use crate::files::diagnostic::{Message, Problem};
use crate::text::sanitize::{escape_for_message, sanitize_label, sanitize_text};

/// Where a language's text is kept while one text is validated.
fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

impl Validator<'_> {
    pub(super) fn languages(&mut self, raw: &Spanned<Vec<Spanned<String>>>) -> Vec<Lang> {
        let mut languages = Vec::new();
        for code in raw.get_ref() {
            match Lang::from_code(code.get_ref()) {
                Some(lang) if languages.contains(&lang) => self.problems.push(Problem::at(
                    code.span(),
                    Message::new(
                        format!("language `{lang:?}` is listed twice").to_lowercase(),
                        format!("语言 `{}` 列出了两次", lang.code()),
                    ),
                )),
                Some(lang) => languages.push(lang),
                None => {
                    let shown = escape_for_message(code.get_ref());
                    self.problems.push(Problem::at(
                        code.span(),
                        Message::new(
                            format!("unknown language `{shown}`: expected \"zh\" or \"en\""),
                            format!("未知的语言 `{shown}`：应为 \"zh\" 或 \"en\""),
                        ),
                    ))
                }
            }
        }
        if languages.is_empty() {
            if raw.get_ref().is_empty() {
                self.problems.push(Problem::at(
                    raw.span(),
                    Message::new(
                        "expected at least one language, e.g. [\"zh\", \"en\"]",
                        "至少应有一种语言，例如 [\"zh\", \"en\"]",
                    ),
                ));
            }
            languages.push(Lang::Zh);
        }
        languages
    }

    /// A paragraph: a summary, point, quote or note.
    pub(super) fn text(&mut self, raw: &SpannedText, what: &str) -> Text {
        self.localized(raw, what, sanitize_text)
    }

    /// An English singular of a unit: a short text in one language, not empty.
    pub(super) fn singular(&mut self, raw: &Spanned<String>) -> String {
        if raw.get_ref().trim().is_empty() {
            self.problems.push(
                Problem::at(
                    raw.span(),
                    Message::new("unit_singular is empty", "unit_singular 为空"),
                )
                .with_hint(Message::new(
                    "give the English unit of one, e.g. \"country\", or leave it out",
                    "写出单数的英文单位，例如 \"country\"，或删去此项",
                )),
            );
        }
        sanitize_label(raw.get_ref())
    }

    /// A short text: a title, label, unit, item or name (capped shorter).
    pub(super) fn label(&mut self, raw: &SpannedText, what: &str) -> Text {
        self.localized(raw, what, sanitize_label)
    }

    pub(super) fn localized(
        &mut self,
        raw: &SpannedText,
        what: &str,
        sanitize: fn(&str) -> String,
    ) -> Text {
        // What is written in each language (by `slot`), and where.
        let mut found: [Option<(&str, Range<usize>)>; 2] = [None, None];
        match raw.get_ref() {
            RawText::Plain(text) => found[slot(self.languages[0])] = Some((text, raw.span())),
            RawText::PerLanguage { zh, en } => {
                for (lang, value) in [(Lang::Zh, zh), (Lang::En, en)] {
                    found[slot(lang)] = value.as_ref().map(|v| (v.get_ref().as_str(), v.span()));
                }
            }
        }
        // Sanitised once, here: from now on no string of the dataset can reach a terminal raw.
        let safe = found
            .each_ref()
            .map(|found| found.as_ref().map(|(value, _)| sanitize(value)));
        for index in 0..self.languages.len() {
            let lang = self.languages[index];
            match &found[slot(lang)] {
                None => {
                    let problem = Problem::at(
                        raw.span(),
                        Message::new(
                            format!("missing {} text for the {what}", lang.name()),
                            format!("{}缺少{}文本", zh(what), language_zh(lang)),
                        ),
                    );
                    let hint = match raw.get_ref() {
                        RawText::Plain(_) => {
                            let codes: Vec<&str> = self.languages.iter().map(|l| l.code()).collect();
                            let fields: Vec<String> = codes
                                .iter()
                                .map(|code| format!("{code} = \"…\""))
                                .collect();
                            let fields = fields.join(", ");
                            Message::new(
                                format!(
                                    "the dataset declares {}; write {{ {fields} }}",
                                    codes.join(" and ")
                                ),
                                format!("数据集声明了 {}；请写作 {{ {fields} }}", codes.join(" 和 ")),
                            )
                        }
                        RawText::PerLanguage { .. } => Message::new(
                            format!("add {} = \"…\"", lang.code()),
                            format!("请添加 {} = \"…\"", lang.code()),
                        ),
                    };
                    self.problems.push(problem.with_hint(hint));
                }
                Some((value, span)) if value.trim().is_empty() => self.problems.push(Problem::at(
                    span.clone(),
                    Message::new(
                        format!("the {} text of the {what} is empty", lang.name()),
                        format!("{}的{}文本为空", zh(what), language_zh(lang)),
                    ),
                )),
                Some((_, span)) if safe[slot(lang)].as_deref() == Some("") => {
                    self.problems.push(Problem::at(
                        span.clone(),
                        Message::new(
                            format!(
                                "the {} text of the {what} has nothing printable: only control, escape or invisible characters",
                                lang.name()
                            ),
                            format!(
                                "{}的{}文本没有可显示的字符：只有控制字符、转义字符或不可见字符",
                                zh(what),
                                language_zh(lang)
                            ),
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        // A language the text lacks shows the other one (the dataset's primary language,
        // when it declares two: the missing one was reported above).
        match safe {
            [Some(zh), Some(en)] => Text { zh, en },
            [Some(text), None] | [None, Some(text)] => Text {
                zh: text.clone(),
                en: text,
            },
            [None, None] => Text {
                zh: String::new(),
                en: String::new(),
            },
        }
    }
}
