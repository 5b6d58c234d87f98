//! A validated dataset written out for other tools: a Markdown brief to cite from, a CSV of
//! the figures for a spreadsheet, JSON of the whole dataset for programs, an HTML report
//! with charts to read or print, or one indicator's chart as SVG for a slide.
//!
//! Every export is a pure function of the dataset and the language (JSON carries both
//! languages and ignores it): no dates relative to today, so the same dataset always exports
//! to the same bytes.

mod common;
mod country_csv;
mod csv;
pub mod diff;
mod html;
mod json;
mod markdown;

use std::io::{self, ErrorKind, Write};

use clap::ValueEnum;

use crate::dataset::{Dataset, Lang};

pub use html::{ChartError, chart_svg};

/// Largest integer a JSON reader using doubles holds exactly (2^53). The loader refuses
/// integers beyond it, so every integer of a dataset is exact.
pub const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// A figure in its machine form, the one text every export writes for it: a whole number
/// as an integer (`20`, not `20.0`), anything else as the shortest text that reads back
/// to the same double (`2.38`, `2.38e-5`, `1e23`: serde_json's, through ryu). CSV and
/// JSON wrote different texts for one figure.
pub fn machine_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() <= MAX_EXACT_INTEGER {
        (value as i64).to_string()
    } else {
        serde_json::Number::from_f64(value).map_or_else(|| value.to_string(), |n| n.to_string())
    }
}

/// What `bri-dash export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable brief with numbered citations.
    #[value(alias = "md")]
    Markdown,
    /// One row per indicator, RFC 4180.
    Csv,
    /// One row per country fact (long form: country, code, fact, date, value, source,
    /// quote), RFC 4180.
    #[value(name = "country-csv")]
    CountryCsv,
    /// The whole dataset, both languages.
    Json,
    /// A self-contained report to read, print or share: charts, citations, no script.
    Html,
    /// One indicator's chart (`--indicator ID`), for a slide.
    Svg,
}

/// Writes `dataset` in `format`; `lang` chooses the language of every format but JSON.
/// SVG draws one indicator, which this cannot name: it is refused here, as `--format svg`
/// without `--indicator` is; [`chart_svg`] draws it.
pub fn write(
    dataset: &Dataset,
    format: Format,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Markdown => out.write_all(markdown::render(dataset, lang).as_bytes()),
        Format::Csv => csv::write(dataset, lang, out),
        Format::CountryCsv => country_csv::write(dataset, lang, out),
        Format::Json => json::write(dataset, out),
        Format::Html => out.write_all(html::render(dataset, lang).as_bytes()),
        Format::Svg => {
            let svg = chart_svg(dataset, None, lang)
                .map_err(|error| io::Error::new(ErrorKind::InvalidInput, error))?;
            out.write_all(svg.as_bytes())
        }
    }
}
