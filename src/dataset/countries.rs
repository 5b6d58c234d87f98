//! The country dimension of a dataset: the countries it declares, the kinds of fact it
//! records about them, the facts (dated events and values, each cited), and the queries
//! the map and the country table ask. Validated and immutable like the rest of the model.

use serde::{Deserialize, Serialize};

use super::date::FuzzyDate;
use super::lang::{Lang, Text};
use super::model::{Dataset, Figure};
use crate::countries::{CountryId, Region};

/// A country the dataset declares (`[[countries]]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-3, checked against the reference (`CHN`).
    pub code: String,
    /// The country in the embedded reference ([`crate::countries::country`]): its shape,
    /// its official names, its M49 subregion.
    /// Not written out (an export names a country by its code); a pre-built model has
    /// it resolved from the code again as it is read (`dataset::prebuilt`).
    #[serde(skip, default = "CountryId::unresolved")]
    pub reference: CountryId,
    /// The reference's official names, or the dataset's override.
    pub name: Text,
    /// The UN M49 region (the Americas split in two); `None` for Antarctica, Taiwan, Kosovo.
    #[serde(skip)]
    pub region: Option<Region>,
    /// Western Asia plus Egypt and Iran: the map's Middle East jump.
    pub middle_east: bool,
    /// Indices into [`Dataset::country_facts`] of this country's facts, oldest first.
    pub facts: Vec<usize>,
}

/// Whether the facts of a kind are dated events or dated values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FactClass {
    /// Something that happened on a date ("signed a bilateral e-commerce MoU").
    Event,
    /// A number as of a date ("e-commerce trade, in billion yuan").
    Value,
}

/// A kind of fact (`[[fact_kinds]]`): what the map colours by and a table column shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactKind {
    pub id: String,
    pub label: Text,
    pub class: FactClass,
    /// The unit of a value kind; `None` for an event kind.
    pub unit: Option<Text>,
    /// Indices into [`Dataset::country_facts`] of the facts of this kind, oldest first.
    pub facts: Vec<usize>,
}

/// One dated fact about one country (`[[country_facts]]`), cited like any figure. Two
/// facts of one kind, country and date from different sources are both kept: a conflict
/// shown side by side, never resolved silently.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountryFact {
    /// Index into [`Dataset::countries`].
    pub country: usize,
    /// Index into [`Dataset::fact_kinds`].
    pub kind: usize,
    pub date: FuzzyDate,
    /// The figure of a value kind; `None` for an event.
    pub figure: Option<Figure>,
    /// Index into [`Dataset::sources`].
    pub source: usize,
    pub quote: Option<Text>,
    /// The language in which the quote is our translation, not the source's words: the
    /// view marks it so and never shows it as the original.
    pub quote_translated: Option<Lang>,
    pub note: Option<Text>,
}

/// One country's share of an indicator (`by_country` of an `[[indicators]]`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CountryValue {
    /// Index into [`Dataset::countries`].
    pub country: usize,
    pub value: f64,
}

impl Dataset {
    /// The index of the declared country with this alpha-3 code.
    pub fn country_by_code(&self, code: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.code == code)
    }

    /// The index of the declared country that is this reference country (what a raster
    /// cell of the map holds); `None` for a country the dataset does not declare.
    pub fn country_by_reference(&self, reference: CountryId) -> Option<usize> {
        self.countries.iter().position(|c| c.reference == reference)
    }

    /// The index of the fact kind with this id.
    pub fn fact_kind(&self, id: &str) -> Option<usize> {
        self.fact_kinds.iter().position(|k| k.id == id)
    }

    /// Every fact about a country (index into [`Dataset::countries`]), oldest first.
    pub fn facts_of(&self, country: usize) -> impl Iterator<Item = &CountryFact> + '_ {
        self.countries[country]
            .facts
            .iter()
            .map(|&i| &self.country_facts[i])
    }

    /// Every fact of a kind (index into [`Dataset::fact_kinds`]), oldest first.
    pub fn facts_of_kind(&self, kind: usize) -> impl Iterator<Item = &CountryFact> + '_ {
        self.fact_kinds[kind]
            .facts
            .iter()
            .map(|&i| &self.country_facts[i])
    }

    /// What the map shows for a country at the end of `year` (the time slider: "partners by
    /// the end of 2019"). For an event kind, the first such event dated in or before `year`
    /// (since when); for a value kind, the latest value dated in or before `year`. When
    /// sources disagree on one date the first in the file is returned; [`facts_of`]
    /// (Dataset::facts_of) lists the others. `None`: nothing known by then.
    pub fn fact_as_of(&self, country: usize, kind: usize, year: i32) -> Option<&CountryFact> {
        use chrono::Datelike;
        let by_then = self
            .facts_of(country)
            .filter(|f| f.kind == kind && f.date.start().year() <= year);
        match self.fact_kinds[kind].class {
            FactClass::Event => by_then.min_by_key(|f| f.date),
            // The latest date; of equal dates, the first in the file.
            FactClass::Value => by_then.fold(None, |best, f| match best {
                Some(b) if b.date >= f.date => Some(b),
                _ => Some(f),
            }),
        }
    }

    /// The years any fact of a kind is dated, oldest first: the stops of the time slider.
    pub fn fact_years(&self, kind: usize) -> Vec<i32> {
        use chrono::Datelike;
        let mut years: Vec<i32> = self
            .facts_of_kind(kind)
            .map(|f| f.date.start().year())
            .collect();
        years.dedup();
        years
    }

    /// The breakdown of an indicator by country (index into [`Dataset::indicators`]), in
    /// the order of the countries' codes; empty when it has none.
    pub fn breakdown(&self, indicator: usize) -> &[CountryValue] {
        &self.indicators[indicator].by_country
    }
}
