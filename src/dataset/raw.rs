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
    title = "bri-dash dataset",
    description = "A bri-dash dataset: figures with their sources, in tabs and panels. See docs/dataset.md."
)]
pub struct RawDataset {
    pub dataset: RawMeta,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub tabs: Vec<RawTab>,
    #[serde(default)]
    pub panels: Vec<RawPanel>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    #[schemars(with = "String")]
    pub id: SpannedId,
    #[schemars(with = "RawText")]
    pub title: SpannedText,
    #[schemars(with = "RawText")]
    pub summary: SpannedText,
    #[schemars(with = "DateSchema")]
    pub as_of: SpannedValue,
    #[schemars(with = "Vec<crate::dataset::Lang>")]
    pub languages: Spanned<Vec<Spanned<String>>>,
    #[schemars(with = "Option<String>")]
    pub source: Option<SpannedId>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[schemars(with = "String")]
    pub id: SpannedId,
    #[schemars(with = "crate::dataset::SourceKind")]
    pub kind: Spanned<String>,
    #[schemars(with = "RawText")]
    pub title: SpannedText,
    #[schemars(with = "Option<RawText>")]
    pub publication: Option<SpannedText>,
    #[schemars(with = "Option<DateSchema>")]
    pub date: Option<SpannedValue>,
    pub url: Option<String>,
    #[serde(default)]
    pub authors: Vec<RawAuthor>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAuthor {
    #[schemars(with = "RawText")]
    pub name: SpannedText,
    #[schemars(with = "Option<RawText>")]
    pub affiliation: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTab {
    #[schemars(with = "String")]
    pub id: SpannedId,
    #[schemars(with = "RawText")]
    pub title: SpannedText,
    #[schemars(with = "crate::dataset::TabKind")]
    pub kind: Spanned<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPanel {
    #[schemars(with = "String")]
    pub id: SpannedId,
    #[schemars(with = "String")]
    pub tab: SpannedId,
    #[schemars(with = "RawText")]
    pub title: SpannedText,
    #[schemars(with = "RawText")]
    pub summary: SpannedText,
    #[schemars(with = "Option<String>")]
    pub source: Option<SpannedId>,
    #[serde(default)]
    pub points: Vec<RawPoint>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPoint {
    #[schemars(with = "RawText")]
    pub text: SpannedText,
    #[serde(default)]
    #[schemars(with = "Vec<RawText>")]
    pub sub: Vec<SpannedText>,
    #[schemars(with = "Option<String>")]
    pub source: Option<SpannedId>,
    #[schemars(with = "Option<RawText>")]
    pub quote: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    #[schemars(with = "String")]
    pub id: SpannedId,
    #[schemars(with = "RawText")]
    pub label: SpannedText,
    #[schemars(with = "f64")]
    pub value: SpannedValue,
    #[schemars(with = "Option<crate::dataset::Qualifier>")]
    pub qualifier: Option<Spanned<String>>,
    #[schemars(with = "RawText")]
    pub unit: SpannedText,
    #[schemars(with = "DateSchema")]
    pub as_of: SpannedValue,
    #[schemars(with = "String")]
    pub source: SpannedId,
    #[schemars(with = "RawText")]
    pub quote: SpannedText,
    #[schemars(with = "Option<RawText>")]
    pub note: Option<SpannedText>,
    #[schemars(with = "Option<f64>")]
    pub target: Option<SpannedValue>,
    #[serde(default)]
    #[schemars(with = "Vec<RawText>")]
    pub items: Vec<SpannedText>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub panels: Vec<SpannedId>,
    #[serde(default)]
    pub headline: bool,
    #[serde(default)]
    pub series: Vec<RawObservation>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    #[schemars(with = "DateSchema")]
    pub date: SpannedValue,
    #[schemars(with = "f64")]
    pub value: SpannedValue,
    #[schemars(with = "Option<crate::dataset::Qualifier>")]
    pub qualifier: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub source: Option<SpannedId>,
    #[schemars(with = "Option<RawText>")]
    pub quote: Option<SpannedText>,
    #[schemars(with = "Option<RawText>")]
    pub note: Option<SpannedText>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    #[schemars(with = "DateSchema")]
    pub date: SpannedValue,
    #[schemars(with = "RawText")]
    pub label: SpannedText,
    #[schemars(with = "String")]
    pub source: SpannedId,
    #[schemars(with = "Option<RawText>")]
    pub quote: Option<SpannedText>,
    #[schemars(with = "Option<RawText>")]
    pub note: Option<SpannedText>,
}
