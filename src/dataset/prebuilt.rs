//! The built-in datasets' models, parsed and validated when they were committed and
//! embedded beside their TOML, so that the dashboard's first frame does not wait for a
//! parse (reading the built-in dataset cold was two thirds of the time to the first frame;
//! reading its model is a tenth of that).
//!
//! Each `assets/datasets/NAME.model` is the postcard encoding of `parse(NAME.toml)`. A test
//! (`the_prebuilt_models_are_those_of_the_toml`) fails when one drifts from its TOML or
//! from the model's types, and `UPDATE_GOLDEN=1` makes it write them anew. Should one
//! not read at all, the built-in is parsed from its TOML as any file would be.

use super::Dataset;
use crate::countries;

/// The model of `bytes`, or `None` if they are not a model of this build's types.
pub(super) fn read(bytes: &[u8]) -> Option<Dataset> {
    let mut dataset: Dataset = postcard::from_bytes(bytes).ok()?;
    // What the encoding leaves out, derived again as validation derives it.
    for entry in &mut dataset.countries {
        let reference = countries::by_code(&entry.code)?;
        entry.reference = reference.id;
        entry.region = reference.region;
    }
    dataset.citations = dataset.count_citations();
    Some(dataset)
}

/// The bytes [`read`] reads.
#[cfg(test)]
fn write(dataset: &Dataset) -> Vec<u8> {
    postcard::to_stdvec(dataset).expect("a model is plain data")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::dataset::{BUILTINS, parse};

    #[test]
    fn the_prebuilt_models_are_those_of_the_toml() {
        let update = std::env::var_os("UPDATE_GOLDEN").is_some();
        for builtin in BUILTINS {
            let parsed = parse("builtin", builtin.toml).expect("the built-in datasets are valid");
            let bytes = write(&parsed);
            if update {
                let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(format!("assets/datasets/{}.model", builtin.name));
                std::fs::write(&path, &bytes).expect("the assets folder is writable");
                continue;
            }
            assert!(
                bytes == builtin.model,
                "assets/datasets/{}.model is not the model of its TOML (or of the model's \
                 types) any more: run `UPDATE_GOLDEN=1 cargo nextest run prebuilt` and commit it",
                builtin.name
            );
            let read = read(builtin.model).expect("a model of this build");
            assert_eq!(
                format!("{read:?}"),
                format!("{parsed:?}"),
                "{}",
                builtin.name
            );
        }
    }

    #[test]
    fn bytes_that_are_not_a_model_read_as_none() {
        assert!(read(b"").is_none());
        assert!(read(b"\xff\xff\xff\xff").is_none());
        let model = BUILTINS[0].model;
        assert!(read(&model[..model.len() / 2]).is_none());
    }
}
