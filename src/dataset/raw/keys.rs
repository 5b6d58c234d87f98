//! Every unknown key of a dataset file, not only the first: serde's `deny_unknown_fields`
//! stops at the first one it meets, and hides the rest (and every other problem) behind it.
//!
//! One pass over the parsed document, beside the dataset's JSON Schema (the same the
//! `schema` command prints, so the keys known here are the keys an editor offers), finds
//! each key no table of that place has, with its place and the closest known key. A key
//! with a close match is then read as that key and one without is dropped, so that serde and
//! validation go on to report the file's other problems rather than one that follows from
//! the misspelling (`lable` would otherwise also be "missing field `label`").

use std::borrow::Cow;
use std::sync::LazyLock;

use serde_json::Value as Node;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::RawDataset;
use crate::files::diagnostic::Problem;
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::closest;

/// The dataset's schema, made once: a file is checked on every (re)load.
static SCHEMA: LazyLock<Node> = LazyLock::new(|| {
    serde_json::to_value(schemars::schema_for!(RawDataset))
        .unwrap_or_else(|error| unreachable!("a schema is plain JSON: {error}"))
});

/// Reports every unknown key of `root`, and renames (or drops) each so that deserializing
/// the rest goes on.
pub fn unknown_keys(root: &mut DeTable<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    table(root, &SCHEMA, &SCHEMA, &mut problems);
    problems.sort_by_key(|p| p.span.as_ref().map_or(0, |s| s.start));
    problems
}

/// What the schema at one place allows in a table: its named keys with their schemas and,
/// for a map (`by_country`), the schema of any other key's value.
#[derive(Default)]
struct Allowed<'s> {
    named: Vec<(&'s str, &'s Node)>,
    other: Option<&'s Node>,
    /// Whether the schema says what keys a table here has at all; a place whose schema
    /// takes no table is left for serde to report as a value of the wrong type.
    closed: bool,
}

/// The alternatives a node stands for, `$ref`s resolved: a text is a string or a table of
/// languages, an optional field a `$ref` wrapped in `allOf`.
fn alternatives<'s>(node: &'s Node, root: &'s Node, out: &mut Vec<&'s Node>) {
    if let Some(target) = node.get("$ref").and_then(Node::as_str) {
        if let Some(resolved) = target.strip_prefix('#').and_then(|p| root.pointer(p)) {
            alternatives(resolved, root, out);
        }
        return;
    }
    out.push(node);
    for keyword in ["allOf", "anyOf", "oneOf"] {
        for alternative in node
            .get(keyword)
            .and_then(Node::as_array)
            .into_iter()
            .flatten()
        {
            alternatives(alternative, root, out);
        }
    }
}

fn allowed<'s>(node: &'s Node, root: &'s Node) -> Allowed<'s> {
    let mut found = Vec::new();
    alternatives(node, root, &mut found);
    let mut allowed = Allowed::default();
    for alternative in found {
        if let Some(properties) = alternative.get("properties").and_then(Node::as_object) {
            allowed.closed = true;
            allowed
                .named
                .extend(properties.iter().map(|(k, v)| (k.as_str(), v)));
        }
        match alternative.get("additionalProperties") {
            Some(Node::Bool(false)) => allowed.closed = true,
            Some(schema @ Node::Object(_)) => allowed.other = Some(schema),
            _ => {}
        }
    }
    allowed
}

/// The schema of an array's entries at `node`, if it is an array.
fn items<'s>(node: &'s Node, root: &'s Node) -> Option<&'s Node> {
    let mut found = Vec::new();
    alternatives(node, root, &mut found);
    found
        .into_iter()
        .find_map(|alternative| alternative.get("items"))
}

fn value(value: &mut DeValue<'_>, node: &Node, root: &Node, problems: &mut Vec<Problem>) {
    match value {
        DeValue::Table(inner) => table(inner, node, root, problems),
        DeValue::Array(entries) => {
            if let Some(item) = items(node, root) {
                for entry in entries.iter_mut() {
                    self::value(entry.get_mut(), item, root, problems);
                }
            }
        }
        _ => {}
    }
}

fn table(table: &mut DeTable<'_>, node: &Node, root: &Node, problems: &mut Vec<Problem>) {
    let allowed = allowed(node, root);
    let mut unknown = Vec::new();
    for (key, entry) in table.iter_mut() {
        let name: &str = key.get_ref();
        match allowed.named.iter().find(|(known, _)| *known == name) {
            Some((_, schema)) => value(entry.get_mut(), schema, root, problems),
            None => match allowed.other {
                Some(schema) => value(entry.get_mut(), schema, root, problems),
                None if allowed.closed => unknown.push(key.clone()),
                None => {}
            },
        }
    }
    for key in unknown {
        let name: &str = key.get_ref();
        let present = |known: &&str| {
            table.keys().any(|k| {
                let k: &str = k.get_ref();
                k == *known
            })
        };
        // A close match the table does not already have is what was meant.
        let meant = closest(name, allowed.named.iter().map(|(known, _)| *known))
            .filter(|known| !present(known));
        let expected: Vec<String> = allowed
            .named
            .iter()
            .map(|(known, _)| format!("`{known}`"))
            .collect();
        let problem = Problem::at(
            key.span(),
            format!(
                "unknown field `{}`, expected one of {}",
                escape_for_message(name),
                expected.join(", ")
            ),
        );
        problems.push(match meant {
            Some(known) => problem.with_hint(format!("did you mean `{known}`?")),
            None => problem,
        });
        let Some((key, entry)) = table.remove_entry(&key) else {
            continue;
        };
        if let Some(known) = meant {
            let renamed = Spanned::new(key.span(), Cow::Owned(known.to_owned()));
            table.insert(renamed, entry);
        }
    }
}
