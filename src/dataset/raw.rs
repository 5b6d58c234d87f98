//! The dataset file exactly as serde reads it: spans kept, nothing checked yet.
//!
//! Dates and numbers are read as [`toml::Value`] so that validation, not serde, decides
//! what is wrong with them and can say so with their location.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// Text in one or more languages, as written: a plain string or `{ zh = "…", en = "…" }`.
#[derive(Debug, Clone)]
pub enum RawText {
    Plain(String),
    PerLanguage {
        zh: Option<Spanned<String>>,
        en: Option<Spanned<String>>,
    },
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a table of languages like { zh = \"…\", en = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawText, E> {
                Ok(RawText::Plain(text.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let (mut zh, mut en) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "zh" => &mut zh,
                        "en" => &mut en,
                        other => return Err(de::Error::unknown_field(other, &["zh", "en"])),
                    };
                    if slot.is_some() {
                        return Err(de::Error::custom(format!("duplicate language `{key}`")));
                    }
                    *slot = Some(map.next_value()?);
                }
                Ok(RawText::PerLanguage { zh, en })
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for RawText {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text: a plain string (the dataset's primary language) or one string per language.",
            "oneOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "zh": { "type": "string" }, "en": { "type": "string" } },
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

/// Schema stand-in for a date field: a TOML date or one of the string forms.
pub struct DateSchema;

impl JsonSchema for DateSchema {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A TOML date (2023-10-18) or a string: \"2023-10-18\", \"2023-10-mid\" (early, mid, late, end), \"2023-10\", \"2023\".",
            "anyOf": [
                { "type": "string", "format": "date" },
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-([0-9]{2}|early|mid|late|end))?)?$" }
            ]
        })
    }
}

pub type SpannedText = Spanned<RawText>;
pub type SpannedId = Spanned<String>;
/// A date or number, checked during validation.
pub type SpannedValue = Spanned<toml::Value>;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "Dataset",
    title = "bri-dash dataset",
    description = "A bri-dash dataset: figures with their sources, in tabs and panels. See docs/dataset.md.",
    // `sources` and `tabs` are read with a serde default so that validation, not serde,
    // reports them missing; the schema still requires them.
    extend("required" = ["dataset", "sources", "tabs"])
)]
pub struct RawDataset {
    #[schemars(description = "Metadata: id, title, summary, as-of date, languages, main source.")]
    pub dataset: RawMeta,
    #[serde(default)]
    #[schemars(
        length(min = 1),
        description = "Where figures come from (at least one)."
    )]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    #[schemars(
        length(min = 1),
        description = "The dashboard's tabs, in order (at least one)."
    )]
    pub tabs: Vec<RawTab>,
    #[serde(default)]
    #[schemars(description = "Titled groups of points, shown on tabs of kind `panels`.")]
    pub panels: Vec<RawPanel>,
    #[serde(default)]
    #[schemars(description = "The figures.")]
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    #[schemars(description = "The timeline.")]
    pub events: Vec<RawEvent>,
    #[serde(default)]
    #[schemars(description = "The countries the dataset has facts or breakdowns about.")]
    pub countries: Vec<RawCountry>,
    #[serde(default)]
    #[schemars(description = "The kinds of fact recorded about countries.")]
    pub fact_kinds: Vec<RawFactKind>,
    #[serde(default)]
    #[schemars(description = "Dated, cited facts about countries.")]
    pub country_facts: Vec<RawCountryFact>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Meta")]
pub struct RawMeta {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "A short machine name: lowercase letters, digits and `-`."
    )]
    pub id: SpannedId,
    #[schemars(with = "RawText", description = "The title.")]
    pub title: SpannedText,
    #[schemars(with = "RawText", description = "One or two sentences.")]
    pub summary: SpannedText,
    #[schemars(
        with = "DateSchema",
        description = "The date the dataset describes, at its true precision."
    )]
    pub as_of: SpannedValue,
    #[schemars(with = "Vec<crate::dataset::Lang>", length(min = 1), extend("uniqueItems" = true), description = "The languages every text is given in; the first is the primary language.")]
    pub languages: Spanned<Vec<Spanned<String>>>,
    #[schemars(
        with = "Option<String>",
        description = "The id of the dataset's main source, shown on the overview."
    )]
    pub source: Option<SpannedId>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub struct RawSource {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among sources."
    )]
    pub id: SpannedId,
    #[schemars(
        with = "crate::dataset::SourceKind",
        description = "What kind of source it is."
    )]
    pub kind: Spanned<String>,
    #[schemars(with = "RawText", description = "The title.")]
    pub title: SpannedText,
    #[schemars(with = "Option<RawText>", description = "The journal, paper or site.")]
    pub publication: Option<SpannedText>,
    #[schemars(
        with = "Option<DateSchema>",
        description = "The publication date, where known."
    )]
    pub date: Option<SpannedValue>,
    #[schemars(description = "Where to read it.")]
    pub url: Option<String>,
    #[serde(default)]
    #[schemars(description = "The authors, in order.")]
    pub authors: Vec<RawAuthor>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Author")]
pub struct RawAuthor {
    #[schemars(with = "RawText", description = "The name.")]
    pub name: SpannedText,
    #[schemars(with = "Option<RawText>", description = "The institute or position.")]
    pub affiliation: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Tab")]
pub struct RawTab {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among tabs."
    )]
    pub id: SpannedId,
    #[schemars(with = "RawText", description = "A short tab label.")]
    pub title: SpannedText,
    #[schemars(with = "crate::dataset::TabKind", description = "What the tab shows.")]
    pub kind: Spanned<String>,
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        description = "For a `map` or `countries` tab: the ids of the fact kinds or indicators (with `by_country`) it shows; the map colours by the first. Empty: every fact kind."
    )]
    pub shows: Vec<SpannedId>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Panel")]
pub struct RawPanel {
    #[schemars(
        with = "String",
        pattern(r"^[a-z0-9-]+$"),
        description = "Unique among panels."
    )]
    pub id: SpannedId,
    #[schemars(
        with = "String",
        description = "The id of the tab (of kind `panels`) that shows the panel."
    )]
    pub tab: SpannedId,
    #[schemars(with = "RawText", description = "A short title (it is a list entry).")]
    pub title: SpannedText,
    #[schemars(with = "RawText", description = "The panel's heading sentence.")]
    pub summary: SpannedText,
    #[schemars(
        with = "Option<String>",
        description = "The id of the source the panel draws on."
    )]
    pub source: Option<SpannedId>,
    #[serde(default)]
    #[schemars(description = "The panel's points, in order.")]
    pub points: Vec<RawPoint>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Point")]
pub struct RawPoint {
    #[schemars(with = "RawText", description = "The point.")]
    pub text: SpannedText,
    #[serde(default)]
    #[schemars(with = "Vec<RawText>", description = "Its sub-points, in order.")]
    pub sub: Vec<SpannedText>,
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
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Indicator")]
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
        with = "RawText",
        description = "The sentence of the source that states the figure."
    )]
    pub quote: SpannedText,
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
        with = "Option<RawText>",
        description = "How the figure was read or derived."
    )]
    pub note: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Event")]
pub struct RawEvent {
    #[schemars(
        with = "DateSchema",
        description = "When it happened, at its true precision."
    )]
    pub date: SpannedValue,
    #[schemars(with = "RawText", description = "What happened.")]
    pub label: SpannedText,
    #[schemars(with = "String", description = "The id of the source that states it.")]
    pub source: SpannedId,
    #[schemars(
        with = "Option<RawText>",
        description = "The sentence of the source that states it."
    )]
    pub quote: Option<SpannedText>,
    #[schemars(
        with = "Option<RawText>",
        description = "How the date or event was read."
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
