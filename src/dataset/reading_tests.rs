//! The two readings of a dataset — the whole document's tree at once, or a top-level table
//! at a time — give the same dataset, and the same problems, for every file the tests have.

#[path = "../../benches/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::path::Path;

use super::{BUILTINS, parse_reading, read_by_tables};

/// Both readings of `text`, as their debug output: every field of the model, every
/// problem with its place.
fn both(text: &str) -> (String, String) {
    let whole = format!("{:?}", parse_reading("t", text, false));
    let by_tables = format!("{:?}", parse_reading("t", text, true));
    (whole, by_tables)
}

/// Both readings of a broken `text` refuse it alike, with a report that holds `says`.
fn refused_alike(text: &str, says: &str) {
    let (whole, by_tables) = both(text);
    assert!(whole.contains(says), "{}", &whole[..whole.len().min(400)]);
    assert_eq!(whole, by_tables);
}

fn fixtures(folder: &str) -> Vec<(String, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            // Files that are not UTF-8 are refused before either reading sees them.
            let text = String::from_utf8(std::fs::read(&path).ok()?).ok()?;
            Some((path.display().to_string(), text))
        })
        .collect()
}

#[test]
fn the_built_in_and_generated_datasets_are_read_by_tables_into_the_same_model() {
    let generated = [generate::dataset(300), generate::dataset(1_000)];
    let texts = BUILTINS
        .iter()
        .map(|builtin| builtin.toml)
        .chain(generated.iter().map(String::as_str));
    for text in texts {
        // The table-at-a-time reading is taken, not fallen back from.
        assert!(
            read_by_tables(text).is_some(),
            "not read by tables: {}",
            &text[..200]
        );
        let (whole, by_tables) = both(text);
        assert!(
            whole.starts_with("Ok("),
            "{}",
            &whole[..whole.len().min(400)]
        );
        assert_eq!(whole, by_tables);
    }
}

#[test]
fn every_fixture_gives_the_same_dataset_or_the_same_problems_either_way() {
    let mut read = 0;
    for folder in ["valid", "invalid", "hostile"] {
        for (path, text) in fixtures(folder) {
            let (whole, by_tables) = both(&text);
            assert_eq!(whole, by_tables, "{path}");
            read += 1;
        }
    }
    assert!(read > 60, "only {read} fixtures found");
}

#[test]
fn a_misspelt_key_in_a_large_file_is_reported_as_in_a_small_one() {
    let text = generate::dataset(300).replacen("label = ", "lable = ", 1);
    assert!(read_by_tables(&text).is_none());
    refused_alike(&text, "lable");
}

#[test]
fn a_problem_only_validation_finds_keeps_its_place_in_the_whole_file() {
    // The last indicator names a source that does not exist: serde reads it, validation
    // refuses it, and its line and column must be those of the whole file, not of its piece.
    let text = generate::dataset(300);
    let at = text.rfind("source = \"").expect("a source reference");
    let end = at + text[at..].find('\n').expect("a line's end");
    let text = format!("{}source = \"nowhere\"{}", &text[..at], &text[end..]);
    assert!(matches!(read_by_tables(&text), Some(Err(_))));
    refused_alike(&text, "Err(Invalid");
}

#[test]
fn a_document_serde_reads_has_no_unknown_key_for_the_walk_to_find() {
    // The quick reading skips the walk that finds unknown keys: it rests on every raw
    // table refusing a key it does not know. Whatever serde reads, the walk finds nothing.
    let generated = generate::dataset(300);
    let mut texts: Vec<String> = BUILTINS.iter().map(|b| b.toml.to_owned()).collect();
    texts.push(generated);
    for folder in ["valid", "invalid", "hostile"] {
        texts.extend(fixtures(folder).into_iter().map(|(_, text)| text));
    }
    let mut read = 0;
    let mut refused_for_a_key = 0;
    for text in &texts {
        let Ok(mut root) = toml::de::DeTable::parse(text) else {
            continue;
        };
        let unknown = super::raw::unknown_keys(root.get_mut());
        if super::read_whole(text).is_some() {
            assert!(unknown.is_empty(), "{unknown:?}");
            read += 1;
        } else if !unknown.is_empty() {
            refused_for_a_key += 1;
        }
    }
    assert!(
        read > 40 && refused_for_a_key >= 3,
        "{read} read, {refused_for_a_key} refused"
    );
}

#[test]
fn figures_written_as_a_table_are_refused_as_in_a_small_file() {
    // `[indicators]` where `[[indicators]]` belongs: the figures read apart must not come
    // out as none, and the problem is serde's, at its place.
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml"),
    )
    .expect("the minimal fixture");
    let text = minimal.replacen("[[indicators]]", "[indicators]", 1);
    assert!(read_by_tables(&text).is_none());
    refused_alike(&text, "Err(Invalid");
}
