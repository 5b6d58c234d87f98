//! The country dimension: declared countries, kinds of fact and the facts themselves.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::text::*;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Country")]
pub struct RawCountry {
    #[schemars(
        with = "String",
        pattern(r"^[A-Z]{3}$"),
        description = "ISO 3166-1 alpha-3 code, e.g. \"PAK\"; the names come from the built-in reference."
    )]
    pub code: SpannedId,
    #[schemars(
        with = "Option<RawText>",
        description = "A name to show instead of the reference's official one."
    )]
    pub name: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "FactKind")]
pub struct RawFactKind {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among fact kinds."
    )]
    pub id: SpannedId,
    #[schemars(
        with = "RawText",
        description = "What the facts say, e.g. \"Signed an e-commerce MoU\"."
    )]
    pub label: SpannedText,
    #[schemars(
        with = "crate::dataset::FactClass",
        description = "`event` (dated, no value) or `value` (a dated figure)."
    )]
    pub kind: Spanned<String>,
    #[schemars(
        with = "Option<RawText>",
        description = "The unit of a `value` kind (required there, not allowed for events)."
    )]
    pub unit: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "CountryFact")]
pub struct RawCountryFact {
    #[schemars(with = "String", description = "The code of a declared country.")]
    pub country: SpannedId,
    #[schemars(with = "String", description = "The id of a fact kind.")]
    pub fact: SpannedId,
    #[schemars(with = "DateSchema", description = "When, at its true precision.")]
    pub date: SpannedValue,
    #[schemars(
        with = "Option<f64>",
        description = "The figure, for a `value` kind only."
    )]
    pub value: Option<SpannedValue>,
    #[schemars(
        with = "Option<crate::dataset::Qualifier>",
        description = "How the figure relates to the number (default `exact`)."
    )]
    pub qualifier: Option<Spanned<String>>,
    #[schemars(with = "String", description = "The id of the source that states it.")]
    pub source: SpannedId,
    #[schemars(
        with = "Option<RawText>",
        description = "The sentence of the source that states it."
    )]
    pub quote: Option<SpannedText>,
    #[schemars(
        with = "Option<crate::dataset::Lang>",
        description = "The language in which the quote is a translation by the dataset's authors, not the source's words."
    )]
    pub quote_translated: Option<Spanned<String>>,
    #[schemars(
        with = "Option<RawText>",
        description = "How the fact was read or derived."
    )]
    pub note: Option<SpannedText>,
}
