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
use crate::files::diagnostic::{Message, Problem};
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::closest;

/// The keys of every place of a dataset, read once from its schema: a file is checked on
/// every (re)load, and reading the schema at each table of a large file would double the
/// time the walk takes.
static DATASET: LazyLock<Shape> = LazyLock::new(|| {
    let schema = serde_json::to_value(schemars::schema_for!(RawDataset))
        .unwrap_or_else(|error| unreachable!("a schema is plain JSON: {error}"));
    Shape::of(&schema, &schema)
});

/// Reports every unknown key of `root`, and renames (or drops) each so that deserializing
/// the rest goes on.
pub fn unknown_keys(root: &mut DeTable<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    table(root, &DATASET, &mut problems);
    problems.sort_by_key(|p| p.span.as_ref().map_or(0, |s| s.start));
    problems
}

/// What the schema allows at one place: in a table, its named keys with what each holds
/// and, for a map (`by_country`), what any other key holds; in an array, what each entry
/// holds.
#[derive(Default)]
struct Shape {
    named: Vec<(String, Shape)>,
    other: Option<Box<Shape>>,
    items: Option<Box<Shape>>,
    /// Whether the schema says what keys a table here has at all; a place whose schema
    /// takes no table is left for serde to report as a value of the wrong type.
    closed: bool,
}

impl Shape {
    /// The shape of `node`, `$ref`s resolved against `root`. The dataset's schema nests
    /// no type in itself, so this ends.
    fn of(node: &Node, root: &Node) -> Shape {
        let mut found = Vec::new();
        alternatives(node, root, &mut found);
        let mut shape = Shape::default();
        for alternative in found {
            if let Some(properties) = alternative.get("properties").and_then(Node::as_object) {
                shape.closed = true;
                shape.named.extend(
                    properties
                        .iter()
                        .map(|(key, value)| (key.clone(), Shape::of(value, root))),
                );
            }
            match alternative.get("additionalProperties") {
                Some(Node::Bool(false)) => shape.closed = true,
                Some(other @ Node::Object(_)) => {
                    shape.other = Some(Box::new(Shape::of(other, root)));
                }
                _ => {}
            }
            if let Some(items) = alternative.get("items") {
                shape.items = Some(Box::new(Shape::of(items, root)));
            }
        }
        // Sorted, for `of_key`'s binary search (and a stable list in messages).
        shape.named.sort_by(|a, b| a.0.cmp(&b.0));
        shape
    }

    /// What the key `name` holds here, if this place has it.
    fn of_key(&self, name: &str) -> Option<&Shape> {
        self.named
            .binary_search_by(|(known, _)| known.as_str().cmp(name))
            .ok()
            .map(|at| &self.named[at].1)
            .or(self.other.as_deref())
    }
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

fn value(value: &mut DeValue<'_>, shape: &Shape, problems: &mut Vec<Problem>) {
    match value {
        DeValue::Table(inner) => table(inner, shape, problems),
        DeValue::Array(entries) => {
            if let Some(item) = &shape.items {
                for entry in entries.iter_mut() {
                    self::value(entry.get_mut(), item, problems);
                }
            }
        }
        _ => {}
    }
}

fn table(table: &mut DeTable<'_>, shape: &Shape, problems: &mut Vec<Problem>) {
    let mut unknown = Vec::new();
    for (key, entry) in table.iter_mut() {
        match shape.of_key(key.get_ref()) {
            Some(inner) => value(entry.get_mut(), inner, problems),
            None if shape.closed => unknown.push(key.clone()),
            None => {}
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
        let meant = closest(name, shape.named.iter().map(|(known, _)| known.as_str()))
            .filter(|known| !present(known));
        let expected: Vec<String> = shape
            .named
            .iter()
            .map(|(known, _)| format!("`{known}`"))
            .collect();
        let shown = escape_for_message(name);
        let problem = Problem::at(
            key.span(),
            Message::new(
                format!(
                    "unknown field `{shown}`, expected one of {}",
                    expected.join(", ")
                ),
                format!("未知的字段 `{shown}`，应为 {} 之一", expected.join("、")),
            ),
        );
        problems.push(match meant {
            Some(known) => problem.with_hint(Message::new(
                format!("did you mean `{known}`?"),
                format!("是否想写 `{known}`？"),
            )),
            None => problem,
        });
        let Some((key, mut entry)) = table.remove_entry(&key) else {
            continue;
        };
        if let Some(known) = meant {
            // Read as the key meant, its value is checked as that key's.
            if let Some(inner) = shape.of_key(known) {
                value(entry.get_mut(), inner, problems);
            }
            let renamed = Spanned::new(key.span(), Cow::Owned(known.to_owned()));
            table.insert(renamed, entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unknown keys of `text` as (key as written, hint), and the document after.
    fn unknown(text: &str) -> (Vec<(String, Option<String>)>, DeTable<'_>) {
        let (root, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty(), "{errors:?}");
        let mut root = root.into_inner();
        let found = unknown_keys(&mut root)
            .into_iter()
            .map(|p| (text[p.span.unwrap()].to_owned(), p.hint.map(|hint| hint.en)))
            .collect();
        (found, root)
    }

    #[test]
    fn every_unknown_key_is_found_at_every_depth_and_a_misspelt_one_is_read_as_meant() {
        let (found, root) = unknown(
            "[dataset]\nid = \"x\"\ntilte = 1\n\n[[indicators]]\nunti = { zh = \"个\", eng = \"x\" }\n\
             by_country = { CHN = 1, PAK = 2 }\nwhatever = 3\n\n[[indicators.series]]\ndaet = 1\n",
        );
        let hint = |key: &str| Some(format!("did you mean `{key}`?"));
        assert_eq!(
            found,
            [
                ("tilte".to_owned(), hint("title")),
                ("unti".to_owned(), hint("unit")),
                ("eng".to_owned(), hint("en")),
                ("whatever".to_owned(), None),
                ("daet".to_owned(), hint("date")),
            ]
        );
        // Read as the key meant, the unknown one without a match dropped; the codes of a
        // breakdown are any keys at all.
        let indicator = root["indicators"].get_ref().as_array().unwrap()[0].get_ref();
        let indicator = indicator.as_table().unwrap();
        let keys: Vec<&str> = indicator.keys().map(|k| k.get_ref().as_ref()).collect();
        assert_eq!(keys, ["by_country", "series", "unit"]);
        assert!(
            indicator["unit"]
                .get_ref()
                .as_table()
                .unwrap()
                .contains_key("en")
        );
    }

    #[test]
    fn a_misspelling_of_a_key_already_there_is_not_read_as_that_key() {
        let (found, root) = unknown("[dataset]\nid = \"x\"\nidd = \"y\"\n");
        assert_eq!(found, [("idd".to_owned(), None)]);
        let dataset = root["dataset"].get_ref().as_table().unwrap();
        assert_eq!(dataset["id"].get_ref().as_str(), Some("x"));
        assert_eq!(dataset.len(), 1);
    }
}
