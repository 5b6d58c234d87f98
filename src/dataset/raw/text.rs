//! Texts in one or more languages, and the span-keeping types every table is read with.

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
