//! The country facts as CSV in long form: one row per fact of a country (and per country
//! of an indicator's `by_country`), for a spreadsheet's pivot table or a script's groupby.
//!
//! Texts are in the chosen language; codes, dates, precisions, values and qualifiers in
//! their machine form, the same in both languages. A quote that is the dataset's own
//! translation in this language says so in `quote_translated`: it is never passed off as
//! the source's words. Records end in CRLF, as RFC 4180 says.

use std::io::{self, Write};

use csv::{Terminator, WriterBuilder};

use super::csv::inert;
use crate::dataset::{Dataset, Lang};

/// The header row: stable column names, English in both languages.
const COLUMNS: [&str; 11] = [
    "country",
    "code",
    "fact",
    "fact_id",
    "date",
    "precision",
    "value",
    "qualifier",
    "source",
    "quote",
    "quote_translated",
];

pub fn write(dataset: &Dataset, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(out);
    writer.write_record(COLUMNS)?;
    for fact in &dataset.country_facts {
        let country = &dataset.countries[fact.country];
        let kind = &dataset.fact_kinds[fact.kind];
        let translated = fact.quote.is_some() && fact.quote_translated == Some(lang);
        writer.write_record([
            &*inert(country.name.get(lang)),
            &country.code,
            &inert(kind.label.get(lang)),
            &kind.id,
            &fact.date.canonical(),
            fact.date.precision().name(),
            &fact
                .figure
                .map(|f| super::machine_number(f.value))
                .unwrap_or_default(),
            fact.figure.map_or("", |f| <&str>::from(f.qualifier)),
            &inert(dataset.sources[fact.source].title.get(lang)),
            &inert(fact.quote.as_ref().map_or("", |q| q.get(lang))),
            if translated { "yes" } else { "" },
        ])?;
    }
    for indicator in &dataset.indicators {
        for share in &indicator.by_country {
            let country = &dataset.countries[share.country];
            writer.write_record([
                &*inert(country.name.get(lang)),
                &country.code,
                &inert(indicator.label.get(lang)),
                &indicator.id,
                &indicator.as_of.canonical(),
                indicator.as_of.precision().name(),
                &super::machine_number(share.value),
                "exact",
                &inert(dataset.sources[indicator.source].title.get(lang)),
                "",
                "",
            ])?;
        }
    }
    writer.flush()
}
