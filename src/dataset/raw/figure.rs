//! The figures: an indicator, its series of observations and its breakdown by country.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::text::*;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "Indicator",
    // Validation, not serde, reports a figure with neither or both (with its place); the
    // schema says the same to an editor.
    extend("oneOf" = [{ "required": ["quote"] }, { "required": ["quote_missing"] }])
)]
pub struct RawIndicator {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among indicators."
    )]
    pub id: SpannedId,
    #[schemars(with = "RawText", description = "What is counted.")]
    pub label: SpannedText,
    #[schemars(with = "f64", description = "The figure; finite.")]
    pub value: SpannedValue,
    #[schemars(
        with = "Option<crate::dataset::Qualifier>",
        description = "How the figure relates to the number (default `exact`)."
    )]
    pub qualifier: Option<Spanned<String>>,
    #[schemars(
        with = "RawText",
        description = "The unit, e.g. { zh = \"个国家\", en = \"countries\" }."
    )]
    pub unit: SpannedText,
    #[schemars(
        with = "Option<String>",
        description = "The English unit of a figure of exactly 1, where it is not the plural: `unit = { zh = \"个国家\", en = \"countries\" }` takes `unit_singular = \"country\"`."
    )]
    pub unit_singular: Option<Spanned<String>>,
    #[schemars(
        with = "DateSchema",
        description = "The date of the figure, at its true precision."
    )]
    pub as_of: SpannedValue,
    #[schemars(
        with = "String",
        description = "The id of the source that states the figure."
    )]
    pub source: SpannedId,
    #[schemars(
        with = "Option<RawText>",
        description = "The sentence of the source that states the figure (or else `quote_missing`)."
    )]
    pub quote: Option<SpannedText>,
    #[schemars(
        with = "Option<RawText>",
        description = "Instead of `quote`, when no sentence of the source is recorded: why. Shown as such, never as a quotation."
    )]
    pub quote_missing: Option<SpannedText>,
    #[schemars(
        with = "Option<crate::dataset::Lang>",
        description = "The language in which the quote is a translation by the dataset's authors, not the source's words."
    )]
    pub quote_translated: Option<Spanned<String>>,
    #[schemars(
        with = "Option<RawText>",
        description = "How the figure was read or derived."
    )]
    pub note: Option<SpannedText>,
    #[schemars(
        with = "Option<f64>",
        description = "A goal the value is measured against."
    )]
    pub target: Option<SpannedValue>,
    #[serde(default)]
    #[schemars(
        with = "Vec<RawText>",
        length(max = 1000),
        description = "The named things the figure counts (at most 1 000)."
    )]
    pub items: Vec<SpannedText>,
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        description = "The ids of the panels that show it."
    )]
    pub panels: Vec<SpannedId>,
    #[serde(default)]
    #[schemars(description = "Shown on the overview.")]
    pub headline: bool,
    #[serde(default)]
    #[schemars(
        length(max = 10000),
        description = "Observations over time (at most 10 000)."
    )]
    pub series: Vec<RawObservation>,
    #[serde(default, deserialize_with = "by_country")]
    #[schemars(
        with = "std::collections::BTreeMap<String, f64>",
        description = "The figure broken down by country: alpha-3 code of a declared country → value."
    )]
    pub by_country: Vec<(SpannedId, SpannedValue)>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Observation")]
pub struct RawObservation {
    #[schemars(
        with = "DateSchema",
        description = "The date of the observation, at its true precision."
    )]
    pub date: SpannedValue,
    #[schemars(with = "f64", description = "The figure; finite.")]
    pub value: SpannedValue,
    #[schemars(
        with = "Option<crate::dataset::Qualifier>",
        description = "How the figure relates to the number (default `exact`)."
    )]
    pub qualifier: Option<Spanned<String>>,
    #[schemars(
        with = "Option<String>",
        description = "The id of the source that states it."
    )]
    pub source: Option<SpannedId>,
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
        description = "How the figure was read or derived."
    )]
    pub note: Option<SpannedText>,
}

/// Reads `by_country = { CHN = 3, PAK = 1 }` keeping each key's and value's place, in
/// file order.
fn by_country<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(SpannedId, SpannedValue)>, D::Error> {
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(SpannedId, SpannedValue)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a table of country codes and values, like { CHN = 3 }")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(key) = map.next_key()? {
                entries.push((key, map.next_value()?));
            }
            Ok(entries)
        }
    }
    deserializer.deserialize_map(Entries)
}
