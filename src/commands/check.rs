//! `bri-dash check [FILE…]`: validate datasets and report every problem found.

use std::fmt::Write;
use std::path::PathBuf;

use super::{exit_code, report};
use crate::commands::cli::Cli;
use crate::dataset::{self, Dataset};
use crate::files::diagnostic::FileError;
use crate::text::sanitize::sanitize_line;

pub fn run(cli: &Cli, files: &[PathBuf]) -> super::Outcome {
    // A config that cannot be used makes the whole invocation unusable; its size limit
    // holds for named files too.
    let config = super::config(cli)?;
    let results: Vec<(String, Result<Dataset, FileError>)> = if files.is_empty() {
        config
            .datasets
            .iter()
            .map(|entry| (entry.location.describe(), entry.load(config.max_file_bytes)))
            .collect()
    } else {
        files
            .iter()
            .map(|path| {
                (
                    path.display().to_string(),
                    dataset::load_file(path, config.max_file_bytes),
                )
            })
            .collect()
    };
    let mut code = 0;
    let mut out = String::new();
    for (origin, result) in &results {
        match result {
            Ok(dataset) => writeln!(
                out,
                "{}: ok ({} tabs, {} panels, {} indicators, {} events)",
                sanitize_line(origin),
                dataset.tabs.len(),
                dataset.panels.len(),
                dataset.indicators.len(),
                dataset.events.len()
            )
            .expect("writing to a String cannot fail"),
            Err(error) => {
                report(error);
                code = code.max(exit_code(error));
            }
        }
    }
    super::output::to_stdout(out.as_bytes())?;
    Ok(code)
}
