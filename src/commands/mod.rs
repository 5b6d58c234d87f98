//! One file per subcommand.

pub mod check;
pub mod cli;
pub mod completions;
pub mod dashboard;
pub mod diff;
pub mod export;
mod export_format;
pub mod list;
pub mod man;
pub mod new;
pub mod output;
pub mod plain;
pub mod render;
pub mod schema;
pub mod serve;
pub mod startup;

use std::io::IsTerminal;

use crate::commands::cli::Cli;
use crate::commands::startup::{dataset_entry, language, language_without_config, load_config};
use crate::config::{Config, DatasetEntry, DatasetLocation};
use crate::dataset::{Dataset, Lang};
use crate::files::diagnostic::{FileError, Message};
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::closest;

/// Prints a file error to stderr, rustc style, in the reader's language, coloured only on
/// a terminal without NO_COLOR.
pub fn report(error: &FileError, lang: Lang) {
    let words = crate::i18n::report_labels(lang);
    eprintln!("{}", error.render_report_in(stderr_is_colored(), words));
}

/// Says why a command stops, `bri-dash: …`, on stderr in the reader's language.
pub fn say(lang: Lang, message: &Message) {
    let said = match lang {
        Lang::En => &message.en,
        Lang::Zh => &message.zh,
    };
    eprintln!("bri-dash: {said}");
}

/// Whether reports on stderr are coloured: on a terminal, without NO_COLOR.
pub fn stderr_is_colored() -> bool {
    std::io::stderr().is_terminal() && !crate::commands::startup::no_color()
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

/// `--dataset nope`, where `nope` is no dataset's name and no file: the names there are,
/// and the nearest. A path (with a `/` or ending in `.toml`) is left to the load to report.
fn unknown_name(entry: &DatasetEntry, config: &Config) -> Option<FileError> {
    let DatasetLocation::File(path) = &entry.location else {
        return None;
    };
    let looks_like_a_path = entry.name.contains(std::path::MAIN_SEPARATOR)
        || entry.name.contains('/')
        || entry.name.ends_with(".toml");
    if looks_like_a_path || path.exists() {
        return None;
    }
    let mut known: Vec<&str> = config.datasets.iter().map(|d| d.name.as_str()).collect();
    for builtin in crate::dataset::BUILTINS {
        if !known.contains(&builtin.name) {
            known.push(builtin.name);
        }
    }
    let name = escape_for_message(&entry.name);
    let mut reason = Message::new(
        format!(
            "no dataset is named `{name}` and no such file exists; the datasets are: {}",
            known.join(", ")
        ),
        format!(
            "没有名为 `{name}` 的数据集，也没有这个文件；已有的数据集：{}",
            known.join("、")
        ),
    );
    if let Some(best) = closest(&entry.name, known.iter().copied()) {
        reason.en.push_str(&format!("; did you mean `{best}`?"));
        reason.zh.push_str(&format!("；是否想写 `{best}`？"));
    }
    Some(FileError::Unreadable {
        origin: entry.name.clone(),
        reason,
    })
}

/// The config in use, or [`Stop`] with code 2 after reporting why it cannot be used.
pub fn config(cli: &Cli) -> Result<Config, Stop> {
    load_config(cli).map_err(|error| {
        report(&error, language_without_config(cli));
        Stop(2)
    })
}

/// The dataset the invocation names (`--dataset`, else the config's default) with its
/// entry, or [`Stop`] with code 2 after reporting why it cannot be used.
pub fn dataset(cli: &Cli, config: &Config) -> Result<(DatasetEntry, Dataset), Stop> {
    let entry = dataset_entry(cli, config);
    let lang = language(cli, config);
    if let Some(error) = unknown_name(&entry, config) {
        report(&error, lang);
        return Err(Stop(2));
    }
    match entry.load(config.max_file_bytes) {
        Ok(dataset) => Ok((entry, dataset)),
        Err(error) => {
            report(&error, lang);
            Err(Stop(2))
        }
    }
}
