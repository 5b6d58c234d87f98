//! The JSON Schemas in assets/schema/: they match the code, every shipped TOML file passes
//! them under a real validator, and they reject what they should.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jsonschema::Validator;
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `bri-dash schema KIND`, as the regeneration command runs it.
fn generated(kind: &str) -> String {
    let output = Command::cargo_bin("bri-dash")
        .unwrap()
        .args(["schema", kind])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "bri-dash schema {kind}");
    assert!(output.stderr.is_empty());
    String::from_utf8(output.stdout).unwrap()
}

fn committed(kind: &str) -> String {
    let path = repo(&format!("assets/schema/{kind}.schema.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(super) fn validator(kind: &str) -> Validator {
    let schema: Value = serde_json::from_str(&committed(kind)).unwrap();
    assert_eq!(
        schema["$schema"], "http://json-schema.org/draft-07/schema#",
        "editors read draft-07"
    );
    jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("{kind} schema: {e}"))
}

/// A TOML file as the JSON a schema validator (and an editor) sees. TOML dates become their
/// text ("2023-10-18"). JSON has no NaN or infinity, so a non-finite float becomes a string,
/// which the schema then rejects as not a number, as it should.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(n) => n.into(),
        toml::Value::Float(x) => serde_json::Number::from_f64(x)
            .map_or_else(|| Value::String(x.to_string()), Value::Number),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(date) => Value::String(date.to_string()),
        toml::Value::Array(items) => items.into_iter().map(toml_to_json).collect(),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, toml_to_json(value)))
                .collect(),
        ),
    }
}

fn load_toml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml_to_json(toml::Value::Table(table))
}

/// Every schema error for `path`, as `instance-path: message`.
pub(super) fn errors(validator: &Validator, path: &Path) -> Vec<String> {
    let instance = load_toml(path);
    validator
        .iter_errors(&instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn shipped_datasets() -> Vec<PathBuf> {
    let mut files = vec![
        repo("assets/datasets/digital-silk-road-2023.toml"),
        repo("assets/datasets/bri-connectivity.toml"),
    ];
    let mut valid_fixtures: Vec<PathBuf> = std::fs::read_dir(repo("tests/fixtures/valid"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    valid_fixtures.sort();
    assert!(!valid_fixtures.is_empty());
    files.extend(valid_fixtures);
    files
}

#[test]
fn the_committed_schemas_are_what_the_code_generates() {
    for kind in ["dataset", "config"] {
        assert!(
            generated(kind) == committed(kind),
            "assets/schema/{kind}.schema.json is out of date; regenerate it with\n  \
             cargo run -- schema {kind} > assets/schema/{kind}.schema.json"
        );
    }
}

#[test]
fn an_unknown_kind_is_a_bad_invocation() {
    let output = Command::cargo_bin("bri-dash")
        .unwrap()
        .args(["schema", "theme"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("dataset") && stderr.contains("config"),
        "{stderr}"
    );
}

#[test]
fn every_shipped_dataset_and_the_config_pass_their_schema() {
    let datasets = validator("dataset");
    for path in shipped_datasets() {
        let found = errors(&datasets, &path);
        assert!(
            found.is_empty(),
            "{}:\n{}",
            path.display(),
            found.join("\n")
        );
    }
    let found = errors(&validator("config"), &repo("config.toml"));
    assert!(found.is_empty(), "config.toml:\n{}", found.join("\n"));
}

#[test]
fn the_schema_comments_of_shipped_files_point_at_the_committed_schemas() {
    let mut files: Vec<(PathBuf, &str)> = shipped_datasets()
        .into_iter()
        .filter(|path| path.starts_with(repo("assets")))
        .map(|path| (path, "dataset"))
        .collect();
    files.push((repo("config.toml"), "config"));
    for (path, kind) in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let target = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("#:schema "))
            .unwrap_or_else(|| panic!("{} does not start with `#:schema`", path.display()));
        let resolved = path.parent().unwrap().join(target.trim());
        assert_eq!(
            std::fs::canonicalize(&resolved).ok(),
            std::fs::canonicalize(repo(&format!("assets/schema/{kind}.schema.json"))).ok(),
            "{}: `#:schema {target}` should resolve to the {kind} schema",
            path.display()
        );
    }
}

#[test]
fn the_dataset_schema_rejects_structural_mistakes_where_they_are() {
    let datasets = validator("dataset");
    // (fixture, where the schema must report it)
    let cases = [
        ("unknown-key.toml", "/dataset"),
        ("wrong-type.toml", "/indicators/0/value"),
        ("missing-field.toml", "/indicators/0"),
        ("unknown-language.toml", "/dataset/languages/1"),
        ("non-finite-number.toml", "/indicators/0/value"),
        ("empty.toml", ""),
    ];
    for (fixture, location) in cases {
        let found = errors(&datasets, &repo("tests/fixtures/invalid").join(fixture));
        assert!(
            found
                .iter()
                .any(|error| error.starts_with(&format!("{location}: "))),
            "{fixture}: expected an error at `{location}`, got {found:#?}"
        );
    }
}

#[test]
fn the_config_schema_rejects_what_validation_rejects() {
    let config = validator("config");
    let check = |text: &str| {
        let table: toml::Table = toml::from_str(text).unwrap();
        let instance = toml_to_json(toml::Value::Table(table));
        config.is_valid(&instance)
    };
    assert!(check(
        "theme = \"light\"\n[[datasets]]\nname = \"a\"\nbuiltin = \"x\"\n"
    ));
    assert!(!check("theme = \"neon\"\n"), "an unknown theme");
    assert!(!check("colour = \"dark\"\n"), "an unknown key");
    assert!(!check("max_file_bytes = 0\n"), "a limit of zero bytes");
    assert!(
        !check("[[datasets]]\nname = \"a\"\npath = \"a.toml\"\nbuiltin = \"x\"\n"),
        "a dataset with both a path and a built-in name"
    );
    assert!(
        !check("[[datasets]]\nname = \"a\"\n"),
        "a dataset with neither"
    );
}
