//! Datasets: reading a TOML file, validating it, and the model the dashboard renders.

mod countries;
mod date;
pub mod diff;
mod lang;
mod model;
mod prebuilt;
mod quote;
mod raw;
pub mod series;
mod validate;

#[cfg(test)]
mod reading_tests;

use std::cell::Cell;
use std::path::Path;
use std::sync::{Arc, mpsc};

pub use date::{Elapsed, FuzzyDate, MonthPart, Precision, TimeUnit};
pub use lang::{Lang, Text};
pub use model::*;
pub use quote::{Origin, Quote, Said};
pub use raw::RawDataset;

use serde::Deserialize;

use raw::RawIndicator;

use crate::files::diagnostic::{FileError, Problem};
use crate::files::textfile::read_text_file;
use crate::files::toml_error::toml_problem;
use crate::files::toml_tables::Tables;

/// A dataset shipped inside the binary, so bri-dash runs from any folder.
#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub toml: &'static str,
    /// `toml` parsed and validated when it was committed (see `prebuilt`).
    model: &'static [u8],
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "digital-silk-road-2023",
        toml: include_str!("../../assets/datasets/digital-silk-road-2023.toml"),
        model: include_bytes!("../../assets/datasets/digital-silk-road-2023.model"),
    },
    Builtin {
        name: "bri-connectivity",
        toml: include_str!("../../assets/datasets/bri-connectivity.toml"),
        model: include_bytes!("../../assets/datasets/bri-connectivity.model"),
    },
    Builtin {
        name: "silk-road-partners",
        toml: include_str!("../../assets/datasets/silk-road-partners.toml"),
        model: include_bytes!("../../assets/datasets/silk-road-partners.model"),
    },
];

/// The dataset shown when neither the command line nor a config names one.
pub const DEFAULT_BUILTIN: &str = "digital-silk-road-2023";

pub fn builtin(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|builtin| builtin.name == name)
}

/// Parses and validates dataset text; `origin` names it in errors (a path or `builtin:NAME`).
///
/// Every problem that does not follow from another is reported, each group in the order of
/// the file (see [`read_reporting_every_problem`]).
pub fn parse(origin: &str, text: &str) -> Result<Dataset, FileError> {
    parse_reading(origin, text, text.len() >= READ_BY_TABLES_FROM_BYTES)
}

/// [`parse`], reading a top-level table at a time if `by_tables` (and the document allows).
///
/// A document is first read as quickly as it can be, on the chance that it is sound (as
/// nearly every file opened is); only one that serde refuses is read again, slowly, to
/// report every problem. Every raw table refuses a key it does not know, so a document
/// serde reads has no unknown key: the walk that finds them all (and the schema it reads,
/// a millisecond at start-up) is for a document that has one.
fn parse_reading(origin: &str, text: &str, by_tables: bool) -> Result<Dataset, FileError> {
    let quick = if by_tables {
        read_by_tables(text)
    } else {
        read_whole(text)
    };
    quick
        .unwrap_or_else(|| read_reporting_every_problem(text))
        .map_err(|problems| FileError::Invalid {
            origin: origin.to_owned(),
            text: Arc::from(text),
            problems,
        })
}

/// The validated dataset, or validation's problems, of a document that parses and that
/// serde reads; `None` for one with a problem either would report.
fn read_whole(text: &str) -> Option<Result<Dataset, Vec<Problem>>> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let raw = RawDataset::deserialize(toml::de::Deserializer::from(root)).ok()?;
    Some(validate::validate(raw, text))
}

/// Reads `text` to find every problem that does not follow from another: each syntax
/// error (the parser recovers and reads on), then each unknown key, then what serde and
/// validation find in the rest. Syntax comes first because it is what to fix first, and
/// validation waits for a file whose syntax is sound.
fn read_reporting_every_problem(text: &str) -> Result<Dataset, Vec<Problem>> {
    let (mut root, errors) = toml::de::DeTable::parse_recoverable(text);
    let mut problems = raw::unknown_keys(root.get_mut());
    if !errors.is_empty() {
        // After a syntax error the parser's reading is a guess (a line may have become a
        // key of the broken value): only the unknown keys before it are sure.
        let syntax = raw::syntax_problems(&errors, text);
        let first = syntax[0].span.as_ref().map_or(0, |span| span.start);
        problems.retain(|p| p.span.as_ref().is_some_and(|span| span.start < first));
        return Err([syntax, problems].concat());
    }
    let raw = match RawDataset::deserialize(toml::de::Deserializer::from(root)) {
        Ok(raw) => raw,
        Err(error) => {
            problems.push(toml_problem(&error, text));
            return Err(problems);
        }
    };
    match validate::validate(raw, text) {
        Ok(dataset) if problems.is_empty() => Ok(dataset),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// From this size on, a file is read a top-level table at a time: its parse tree would cost
/// about fifteen times its size (see `files::toml_tables`). Below it, reading the whole
/// tree at once is the quicker (one lexing pass, not two) and costs little.
const READ_BY_TABLES_FROM_BYTES: usize = 1 << 20;

/// The validated dataset, or validation's problems, of a document read a top-level table
/// at a time, its figures validated as they are read; `None` for a document that cannot be
/// read so, or that has a problem the parser or serde would report.
fn read_by_tables(text: &str) -> Option<Result<Dataset, Vec<Problem>>> {
    let tables = Tables::split(text)?;
    let raw: RawDataset = tables.deserialize(RawDataset::INDICATORS).ok()?;
    let entries = tables.entries::<RawIndicator>(RawDataset::INDICATORS)?;
    let count = entries.len();
    // The figures are parsed on a thread of their own and validated on this one: the
    // pieces' trees and raw figures, freed as soon as they are read, then live in that
    // thread's allocator arena, and the model that stays is allocated here in one run,
    // not scattered through their holes (which slowed every frame after a large load;
    // docs/performance.md). The channel's bound keeps few raw figures in flight.
    let (sender, received) = mpsc::sync_channel(256);
    let unread = Cell::new(false);
    let validated = std::thread::scope(|scope| {
        scope.spawn(move || {
            for entry in entries {
                let failed = entry.is_err();
                if sender.send(entry).is_err() || failed {
                    return;
                }
            }
        });
        let indicators = received
            .into_iter()
            .take(count)
            .map_while(|entry| entry.inspect_err(|_| unread.set(true)).ok());
        validate::validate_figures_apart(raw, indicators, text)
    });
    // A figure that did not read ended the figures early: what validation made of the rest
    // is not the file's, and the whole-document reading says what is wrong.
    // (A panic on the reading thread is this thread's again when the scope ends.)
    (!unread.get()).then_some(validated)
}

/// Reads, parses and validates a dataset file.
pub fn load_file(path: &Path, max_bytes: u64) -> Result<Dataset, FileError> {
    let origin = path.display().to_string();
    let text = read_text_file(path, max_bytes).map_err(|reason| FileError::Unreadable {
        origin: origin.clone(),
        reason,
    })?;
    let dataset = parse(&origin, &text);
    drop(text);
    // The parser's tree, the raw model and the file's text are gone now; their pages go
    // back to the system rather than sit in the allocator for as long as the dashboard
    // stays open (hundreds of megabytes for a large file).
    crate::files::memory::release_free_pages();
    dataset
}

/// Loads a built-in dataset; they are checked by the test suite, so this cannot fail at
/// run time short of a broken build.
pub fn load_builtin(builtin: &Builtin) -> Result<Dataset, FileError> {
    match prebuilt::read(builtin.model) {
        Some(dataset) => Ok(dataset),
        None => parse(&format!("builtin:{}", builtin.name), builtin.toml),
    }
}
