//! `bri-dash schema [dataset|config]`: the JSON Schema of a file format, for editors.
//!
//! The committed copies in assets/schema/ are what the shipped TOML files' `#:schema`
//! comments point at; tests/commands/schema.rs fails when they drift from this output.

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::{Value, json};

use super::output::to_stdout;
use crate::commands::cli::SchemaKind;
use crate::config::RawConfig;
use crate::dataset::RawDataset;

pub fn run(kind: SchemaKind) -> super::Outcome {
    to_stdout(schema_json(kind).as_bytes())
}

/// The schema as pretty JSON with a final newline, exactly as committed.
pub fn schema_json(kind: SchemaKind) -> String {
    // Draft-07: the newest draft that taplo and Even Better TOML read.
    let generator = SchemaSettings::draft07()
        .with_transform(RecursiveTransform(drop_null))
        .into_generator();
    let schema = match kind {
        SchemaKind::Dataset => generator.into_root_schema_for::<RawDataset>(),
        SchemaKind::Config => generator.into_root_schema_for::<RawConfig>(),
    };
    let mut text = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|error| unreachable!("a schema is plain JSON: {error}"));
    text.push('\n');
    text
}

/// TOML has no null: an optional key is one that may be left out. schemars writes an
/// `Option<T>` as "T or null"; this keeps T alone, so editors do not offer `null`.
fn drop_null(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".to_owned(), only);
        }
    }
    let Some(Value::Array(any_of)) = object.get_mut("anyOf") else {
        return;
    };
    let null = json!({ "type": "null" });
    if !any_of.contains(&null) {
        return;
    }
    any_of.retain(|alternative| *alternative != null);
    if any_of.len() != 1 {
        return;
    }
    let only = any_of.remove(0);
    object.remove("anyOf");
    if only.get("$ref").is_some() && !object.is_empty() {
        // Draft-07 ignores every keyword beside a `$ref`: keep the description by wrapping.
        object.insert("allOf".to_owned(), json!([only]));
    } else if let Value::Object(only) = only {
        for (key, value) in only {
            object.entry(key).or_insert(value);
        }
    }
}
