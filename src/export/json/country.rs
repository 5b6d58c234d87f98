//! The country dimension of the export: countries, kinds of fact, facts.

use serde::Serialize;

use super::Ids;
use super::number::optional_number;
use crate::dataset::{
    CountryEntry, CountryFact, Dataset, FactClass, FactKind, FuzzyDate, Lang, Qualifier, Text,
};

#[derive(Serialize)]
pub(super) struct JsonCountry<'a> {
    code: &'a str,
    name: &'a Text,
    /// The UN M49 region (the Americas split in two), in English; absent where M49 has none.
    region: Option<&'static str>,
    subregion: Option<&'static str>,
}

#[derive(Serialize)]
pub(super) struct JsonFactKind<'a> {
    id: &'a str,
    label: &'a Text,
    kind: FactClass,
    unit: Option<&'a Text>,
}

#[derive(Serialize)]
pub(super) struct JsonCountryFact<'a> {
    country: &'a str,
    fact: &'a str,
    date: FuzzyDate,
    #[serde(serialize_with = "optional_number")]
    value: Option<f64>,
    qualifier: Option<Qualifier>,
    source: &'a str,
    quote: Option<&'a Text>,
    quote_translated: Option<Lang>,
    note: Option<&'a Text>,
}

impl<'a> JsonCountry<'a> {
    pub(super) fn new(c: &'a CountryEntry) -> JsonCountry<'a> {
        let reference = crate::countries::country(c.reference);
        JsonCountry {
            code: &c.code,
            name: &c.name,
            region: c.region.map(|r| r.name_en()),
            subregion: Some(reference.subregion).filter(|s| !s.is_empty()),
        }
    }
}

impl<'a> JsonFactKind<'a> {
    pub(super) fn new(k: &'a FactKind) -> JsonFactKind<'a> {
        JsonFactKind {
            id: &k.id,
            label: &k.label,
            kind: k.class,
            unit: k.unit.as_ref(),
        }
    }
}

impl<'a> JsonCountryFact<'a> {
    pub(super) fn new(
        f: &'a CountryFact,
        dataset: &'a Dataset,
        ids: Ids<'a>,
    ) -> JsonCountryFact<'a> {
        JsonCountryFact {
            country: ids.country(f.country),
            fact: &dataset.fact_kinds[f.kind].id,
            date: f.date,
            value: f.figure.map(|figure| figure.value),
            qualifier: f.figure.map(|figure| figure.qualifier),
            source: ids.source(f.source),
            quote: f.quote.as_ref(),
            quote_translated: f.quote_translated,
            note: f.note.as_ref(),
        }
    }
}
