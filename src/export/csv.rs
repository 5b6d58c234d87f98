//! The figures as CSV: one row per indicator, for a spreadsheet or a script.
//!
//! Texts are in the chosen language; everything a program compares (value, qualifier,
//! date, precision, panel ids) is written in its machine form, the same in both languages.
//! Records end in CRLF, as RFC 4180 says.

use std::io::{self, Write};

use csv::{Terminator, WriterBuilder};

use crate::dataset::{Dataset, Lang, Quote};

/// The header row: stable column names, English in both languages so scripts need not care.
/// Columns are only ever added at the end, so a script that reads them by place keeps
/// working.
const COLUMNS: [&str; 12] = [
    "id",
    "label",
    "value",
    "qualifier",
    "unit",
    "as_of",
    "precision",
    "source",
    "quote",
    "panels",
    "quote_missing",
    "quote_translated",
];

pub fn write(dataset: &Dataset, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(out);
    writer.write_record(COLUMNS)?;
    for indicator in &dataset.indicators {
        let panels: Vec<&str> = indicator
            .panels
            .iter()
            .map(|&panel| dataset.panels[panel].id.as_str())
            .collect();
        let (words, missing) = match &indicator.quote {
            Quote::Words(text) => (Some(text), None),
            Quote::Missing(reason) => (None, Some(reason)),
        };
        writer.write_record([
            indicator.id.as_str(),
            &inert(indicator.label.get(lang)),
            // The machine form JSON writes too: `20`, `2.38`, `1e23`, never a thousands
            // separator. A number, so a spreadsheet reads it as one: never defused.
            &super::machine_number(indicator.figure.value),
            <&str>::from(indicator.figure.qualifier),
            &inert(indicator.unit.get(lang)),
            &indicator.as_of.canonical(),
            indicator.as_of.precision().name(),
            &inert(dataset.sources[indicator.source].title.get(lang)),
            // The sentence, or empty with why there is none in `quote_missing`: a reason
            // is never in the column a reader takes for the source's words.
            &inert(words.map_or("", |w| w.get(lang))),
            &panels.join(";"),
            &inert(missing.map_or("", |m| m.get(lang))),
            // `yes` when the quote in this language is the dataset's translation.
            if words.is_some() && indicator.quote_translated == Some(lang) {
                "yes"
            } else {
                ""
            },
        ])?;
    }
    writer.flush()
}

/// Text that a spreadsheet will not run: a cell beginning with `=`, `+`, `-`, `@`, a tab or
/// a carriage return is a formula in Excel, LibreOffice and Sheets (CSV injection), so it
/// gets a leading `'`, as OWASP advises; the spreadsheet shows the text, the quote mark
/// hidden. Ids, dates and codes are the dataset's own checked forms and never need it.
pub(super) fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Qualifier;

    #[test]
    fn text_that_a_spreadsheet_would_run_is_defused() {
        for formula in [
            "=1+1",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"x\")",
        ] {
            assert_eq!(inert(formula), format!("'{formula}"));
        }
        for text in ["20 countries", "“=” in a quote", "", "1-2", "a=b"] {
            assert_eq!(inert(text), text);
        }
    }

    #[test]
    fn qualifiers_are_spelt_as_in_the_dataset_file() {
        for qualifier in [
            Qualifier::Exact,
            Qualifier::About,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::FewerThan,
        ] {
            assert_eq!(
                serde_json::to_value(qualifier).unwrap(),
                <&str>::from(qualifier),
            );
        }
    }
}
