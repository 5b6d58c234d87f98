//! One file per subcommand.

pub mod check;
pub mod cli;
pub mod completions;
pub mod dashboard;
pub mod diff;
pub mod export;
pub mod list;
pub mod man;
pub mod output;
pub mod render;
pub mod schema;
pub mod serve;
pub mod startup;

use std::io::IsTerminal;

use crate::commands::cli::Cli;
use crate::commands::startup::{dataset_entry, load_config};
use crate::config::{Config, DatasetEntry};
use crate::dataset::Dataset;
use crate::files::diagnostic::FileError;

/// Prints a file error to stderr, rustc style, coloured only on a terminal without NO_COLOR.
pub fn report(error: &FileError) {
    let color = std::io::stderr().is_terminal() && !crate::commands::startup::no_color();
    eprintln!("{}", error.render_report(color));
}

/// The exit code of a file error: 1 for invalid data, 2 for a file that could not be read.
pub fn exit_code(error: &FileError) -> u8 {
    match error {
        FileError::Unreadable { .. } => 2,
        FileError::Invalid { .. } => 1,
    }
}

/// Why a command stopped early: the exit code, after the reason went to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop(pub u8);

/// How a command ended: the exit code it chose (`check` exits 1 for invalid data), or a
/// stop with the code of what went wrong.
pub type Outcome = Result<u8, Stop>;

/// The process's exit code for an outcome.
pub fn exit_code_of(outcome: Outcome) -> std::process::ExitCode {
    let (Ok(code) | Err(Stop(code))) = outcome;
    std::process::ExitCode::from(code)
}

/// The config in use, or [`Stop`] with code 2 after reporting why it cannot be used.
pub fn config(cli: &Cli) -> Result<Config, Stop> {
    load_config(cli).map_err(|error| {
        report(&error);
        Stop(2)
    })
}

/// The dataset the invocation names (`--dataset`, else the config's default) with its
/// entry, or [`Stop`] with code 2 after reporting why it cannot be used.
pub fn dataset(cli: &Cli, config: &Config) -> Result<(DatasetEntry, Dataset), Stop> {
    let entry = dataset_entry(cli, config);
    match entry.load(config.max_file_bytes) {
        Ok(dataset) => Ok((entry, dataset)),
        Err(error) => {
            report(&error);
            Err(Stop(2))
        }
    }
}
