//! A validated dataset written out for other tools: a Markdown brief to cite from, a CSV of
//! the figures for a spreadsheet, or JSON of the whole dataset for programs.
//!
//! Every export is a pure function of the dataset and the language (JSON carries both
//! languages and ignores it): no dates relative to today, so the same dataset always exports
//! to the same bytes.

mod csv;
mod json;
mod markdown;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::dataset::{Dataset, Lang};

/// What `bri-dash export --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable brief with numbered citations.
    #[value(alias = "md")]
    Markdown,
    /// One row per indicator, RFC 4180.
    Csv,
    /// The whole dataset, both languages.
    Json,
}

/// Writes `dataset` in `format`; `lang` chooses the language of Markdown and CSV.
pub fn write(
    dataset: &Dataset,
    format: Format,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Markdown => out.write_all(markdown::render(dataset, lang).as_bytes()),
        Format::Csv => csv::write(dataset, lang, out),
        Format::Json => json::write(dataset, out),
    }
}
