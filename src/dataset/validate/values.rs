//! Scalar values: dates, numbers, keywords and qualifiers, each with the problem of a
//! value of the wrong kind.

use chrono::NaiveDate;
use toml::Spanned;

use super::Validator;
use super::words::zh;
use crate::dataset::date::{DATE_FORMS, FuzzyDate};
use crate::dataset::model::*;
use crate::dataset::raw::*;
use crate::files::diagnostic::{Message, Problem};
use crate::text::sanitize::escape_for_message;

/// [`DATE_FORMS`] in Chinese (dates.rs says it in English for the docs and the schema).
const DATE_FORMS_ZH: &str = "日期：2023-10-18、\"2023-10-18\"、\"2023-10-mid\"（early、mid、late、end）、\"2023-10\" 或 \"2023\"";

/// A placeholder for a value that failed validation; the dataset is discarded anyway.
pub(super) const INVALID_DATE: FuzzyDate = FuzzyDate::day(NaiveDate::MIN);

impl Validator<'_> {
    pub(super) fn date(&mut self, raw: &SpannedValue) -> FuzzyDate {
        let parsed = match raw.get_ref() {
            toml::Value::Datetime(datetime) => {
                match (datetime.date, datetime.time, datetime.offset) {
                    (Some(date), None, None) => NaiveDate::from_ymd_opt(
                        date.year as i32,
                        date.month as u32,
                        date.day as u32,
                    )
                    .map(FuzzyDate::day),
                    _ => None,
                }
            }
            toml::Value::String(text) => FuzzyDate::parse(text),
            _ => None,
        };
        parsed.unwrap_or_else(|| {
            let found = describe_value(raw.get_ref());
            self.problems.push(Problem::at(
                raw.span(),
                Message::new(
                    format!("expected {DATE_FORMS}; found {}", found.en),
                    format!("应为{DATE_FORMS_ZH}；实际为{}", found.zh),
                ),
            ));
            INVALID_DATE
        })
    }

    pub(super) fn number(&mut self, raw: &SpannedValue, what: &str) -> f64 {
        match raw.get_ref() {
            // Figures are doubles, which hold integers exactly only up to 2^53: a larger
            // integer would lose digits without a word (9007199254740993 read as …992).
            toml::Value::Integer(n) if n.unsigned_abs() <= 1 << 53 => *n as f64,
            toml::Value::Integer(n) => {
                self.problems.push(
                    Problem::at(
                        raw.span(),
                        Message::new(
                            format!(
                                "the integer {n} is too large to keep exactly: whole numbers must \
                                 lie between -9007199254740992 and 9007199254740992 (2^53)"
                            ),
                            format!(
                                "整数 {n} 太大，无法精确保存：整数必须在 -9007199254740992 与 \
                                 9007199254740992（2^53）之间"
                            ),
                        ),
                    )
                    .with_hint(Message::new(
                        format!(
                            "if an approximation is meant, write it as a float, e.g. {:e}",
                            *n as f64
                        ),
                        format!("如果是近似值，请写成浮点数，例如 {:e}", *n as f64),
                    )),
                );
                0.0
            }
            toml::Value::Float(f) if f.is_finite() => *f,
            other => {
                let found = describe_value(other);
                let expected = if matches!(other, toml::Value::Float(_)) {
                    Message::new(
                        format!(
                            "expected a finite number for the {what}; found {}",
                            found.en
                        ),
                        format!("{}应为有限的数字；实际为{}", zh(what), found.zh),
                    )
                } else {
                    Message::new(
                        format!("expected a number for the {what}; found {}", found.en),
                        format!("{}应为数字；实际为{}", zh(what), found.zh),
                    )
                };
                self.problems.push(Problem::at(raw.span(), expected));
                0.0
            }
        }
    }

    pub(super) fn keyword<T: serde::de::DeserializeOwned>(
        &mut self,
        raw: &Spanned<String>,
        what: &str,
        allowed: &[&str],
    ) -> Option<T> {
        let parsed = serde_json::from_value(serde_json::Value::String(raw.get_ref().clone())).ok();
        if parsed.is_none() {
            let list: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
            let near = nearest_keyword(raw.get_ref(), allowed);
            let suggestion =
                near.map_or_else(String::new, |near| format!("; did you mean \"{near}\"?"));
            let suggestion_zh =
                near.map_or_else(String::new, |near| format!("；是否想写 \"{near}\"？"));
            let shown = escape_for_message(raw.get_ref());
            self.problems.push(Problem::at(
                raw.span(),
                Message::new(
                    format!(
                        "unknown {what} \"{shown}\": expected one of {}{suggestion}",
                        list.join(", ")
                    ),
                    format!(
                        "未知的{} \"{shown}\"：应为 {} 之一{suggestion_zh}",
                        zh(what),
                        list.join("、")
                    ),
                ),
            ));
        }
        parsed
    }

    pub(super) fn qualifier(&mut self, raw: Option<&Spanned<String>>) -> Qualifier {
        raw.and_then(|q| {
            self.keyword(
                q,
                "qualifier",
                &["exact", "about", "more_than", "at_least", "fewer_than"],
            )
        })
        .unwrap_or_default()
    }
}

/// How alike (Jaro–Winkler, 0 to 1) a keyword must be to one of the allowed ones to be
/// suggested. Lower than for names (`text::suggest`, 0.8): the list is short and closed, so
/// the nearest of five is most likely what was meant, as `about` for `approx` (0.58; the
/// next, `exact`, 0.46), while a word like none of them (`zzz`, 0) still gets no guess.
const KEYWORD_ALIKE_ENOUGH: f64 = 0.55;

/// The allowed keyword nearest to `unknown`, when it is alike enough.
fn nearest_keyword<'a>(unknown: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|&candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(score, _)| *score > KEYWORD_ALIKE_ENOUGH)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, best)| best)
}

/// What a value of the wrong kind is, in each language: "the string \"x\"" / "字符串 \"x\"".
fn describe_value(value: &toml::Value) -> Message {
    match value {
        toml::Value::String(s) => {
            let shown = escape_for_message(s);
            Message::new(
                format!("the string \"{shown}\""),
                format!("字符串 \"{shown}\""),
            )
        }
        toml::Value::Integer(n) => Message::new(format!("the integer {n}"), format!("整数 {n}")),
        toml::Value::Float(f) => Message::from(format!("{f}")),
        toml::Value::Boolean(b) => Message::new(format!("the boolean {b}"), format!("布尔值 {b}")),
        toml::Value::Datetime(d) => {
            Message::new(format!("the date-time {d}"), format!("日期时间 {d}"))
        }
        toml::Value::Array(_) => Message::new("an array", "数组"),
        toml::Value::Table(_) => Message::new("a table", "表"),
    }
}

#[cfg(test)]
mod tests {
    use super::nearest_keyword;

    #[test]
    fn a_misspelt_or_abbreviated_keyword_gets_the_nearest_allowed_one() {
        let qualifiers = ["exact", "about", "more_than", "at_least", "fewer_than"];
        assert_eq!(nearest_keyword("approx", &qualifiers), Some("about"));
        assert_eq!(nearest_keyword("at-least", &qualifiers), Some("at_least"));
        assert_eq!(
            nearest_keyword("artcle", &["article", "report", "news"]),
            Some("article")
        );
        assert_eq!(nearest_keyword("zzz", &qualifiers), None);
    }
}
