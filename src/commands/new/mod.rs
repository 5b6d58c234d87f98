//! `bri-dash new [FILE] [--from NAME]`: a dataset to start from, the commented skeleton or a
//! built-in dataset, whose `#:schema` line resolves wherever the file is copied.
//!
//! The shipped datasets point at `../schema/dataset.schema.json`, relative to the
//! repository: copied anywhere else, the editor finds no schema. So the schema (the bytes
//! `bri-dash schema dataset` prints) is kept in the user's data folder, and the new file
//! names it by its absolute path.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::output::{to_file, to_new_file, to_stdout};
use super::schema::schema_json;
use super::{Outcome, Stop};
use crate::commands::cli::SchemaKind;
use crate::dataset::BUILTINS;
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::did_you_mean;

/// Every section a new editor needs, each key with what it is for; it passes `check`.
const SKELETON: &str = include_str!("skeleton.toml");

pub fn run(file: Option<&Path>, from: Option<&str>) -> Outcome {
    if let Some(path) = file
        && fs::symlink_metadata(path).is_ok()
    {
        eprintln!(
            "bri-dash: {} already exists; new never overwrites a file: name another",
            escape_for_message(&path.display().to_string())
        );
        return Err(Stop(2));
    }
    let body = match from {
        None => SKELETON,
        Some(name) => builtin_text(name)?,
    };
    let schema = installed_schema().map_err(|error| {
        eprintln!("bri-dash: cannot write the dataset schema: {error}");
        Stop(2)
    })?;
    let text = with_schema_line(body, &schema);
    match file {
        None => to_stdout(text.as_bytes()),
        Some(path) => match to_new_file(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "bri-dash: wrote {}; its schema is {}",
                    escape_for_message(&path.display().to_string()),
                    escape_for_message(&schema.display().to_string())
                );
                Ok(0)
            }
            Err(error) => {
                eprintln!(
                    "bri-dash: cannot write {}: {error}",
                    escape_for_message(&path.display().to_string())
                );
                Err(Stop(2))
            }
        },
    }
}

/// The text of the built-in dataset `name`, or a stop that lists the names there are.
fn builtin_text(name: &str) -> Result<&'static str, Stop> {
    if let Some(builtin) = crate::dataset::builtin(name) {
        return Ok(builtin.toml);
    }
    let names: Vec<&str> = BUILTINS.iter().map(|b| b.name).collect();
    let mut message = format!(
        "bri-dash: no built-in dataset is named `{}`; they are: {}",
        escape_for_message(name),
        names.join(", ")
    );
    if let Some(hint) = did_you_mean(name, names.iter().copied()) {
        message.push_str(&format!("; {hint}"));
    }
    eprintln!("{message}");
    Err(Stop(2))
}

/// `$XDG_DATA_HOME/bri-dash/dataset.schema.json` (else `~/.local/share/…`).
fn schema_path() -> io::Result<PathBuf> {
    let strategy = etcetera::choose_base_strategy()
        .map_err(|error| io::Error::other(format!("no home folder: {error}")))?;
    Ok(strategy
        .data_dir()
        .join("bri-dash")
        .join("dataset.schema.json"))
}

/// The schema in the data folder, written (atomically) where it is missing or differs
/// from this version's: an older bri-dash may have left another there.
fn installed_schema() -> io::Result<PathBuf> {
    let path = schema_path()?;
    let schema = schema_json(SchemaKind::Dataset);
    if fs::read(&path).ok().as_deref() != Some(schema.as_bytes()) {
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        to_file(&path, schema.as_bytes())?;
    }
    Ok(path)
}

/// `text` with its first line the `#:schema` comment naming `schema`: a `#:schema` line it
/// has (the shipped files' relative one) is replaced, else one is put first.
fn with_schema_line(text: &str, schema: &Path) -> String {
    let rest = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#:schema") => rest,
        _ => text,
    };
    format!("#:schema {}\n{rest}", schema.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_line_is_replaced_or_put_first() {
        let schema = Path::new("/data/bri-dash/dataset.schema.json");
        assert_eq!(
            with_schema_line(
                "#:schema ../schema/dataset.schema.json\n[dataset]\n",
                schema
            ),
            "#:schema /data/bri-dash/dataset.schema.json\n[dataset]\n"
        );
        assert_eq!(
            with_schema_line("# a comment\n[dataset]\n", schema),
            "#:schema /data/bri-dash/dataset.schema.json\n# a comment\n[dataset]\n"
        );
    }
}
