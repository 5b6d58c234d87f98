//! `bri-dash check [FILE…]`: validate datasets and report every problem found.

use std::fmt::Write;
use std::path::PathBuf;

use super::{exit_code, report};
use crate::commands::cli::Cli;
use crate::commands::startup::language;
use crate::config::DatasetLocation;
use crate::dataset::{self, Dataset, Lang};
use crate::files::diagnostic::{FileError, Problem, render_warnings};
use crate::files::textfile::read_text_file;
use crate::i18n::{checked, dataset_ok, report_labels};
use crate::text::sanitize::sanitize_line;

pub fn run(cli: &Cli, files: &[PathBuf]) -> super::Outcome {
    // A config that cannot be used makes the whole invocation unusable; its size limit
    // holds for named files too.
    let config = super::config(cli)?;
    let lang = language(cli, &config);
    let results: Vec<(String, Result<Dataset, FileError>, DatasetLocation)> = if files.is_empty() {
        config
            .datasets
            .iter()
            .map(|entry| {
                (
                    entry.location.describe(),
                    entry.load(config.max_file_bytes),
                    entry.location.clone(),
                )
            })
            .collect()
    } else {
        files
            .iter()
            .map(|path| {
                (
                    path.display().to_string(),
                    dataset::load_file(path, config.max_file_bytes),
                    DatasetLocation::File(path.clone()),
                )
            })
            .collect()
    };
    let mut code = 0;
    let (mut errors, mut warnings) = (0, 0);
    let mut out = String::new();
    for (origin, result, location) in &results {
        if let Ok(dataset) = result {
            warnings += warn_unreachable(origin, location, dataset, config.max_file_bytes, lang);
        }
        match result {
            Ok(dataset) => {
                let contents = (
                    dataset.tabs.len(),
                    dataset.panels.len(),
                    dataset.indicators.len(),
                    dataset.events.len(),
                );
                writeln!(
                    out,
                    "{}",
                    dataset_ok(lang, &sanitize_line(origin), contents)
                )
                .expect("writing to a String cannot fail");
            }
            Err(error) => {
                report(error, lang);
                errors += problems_in(error);
                code = code.max(exit_code(error));
            }
        }
    }
    let closing = checked(lang, results.len(), errors, warnings);
    if errors + warnings > 0 {
        // Beside the reports it counts; stdout stays for the datasets that are ok.
        eprintln!("{closing}");
    } else {
        out.push_str(&closing);
        out.push('\n');
    }
    super::output::to_stdout(out.as_bytes())?;
    Ok(code)
}

/// How many errors a file error reports: each problem of an invalid file, or the one
/// reason a file could not be read.
fn problems_in(error: &FileError) -> usize {
    match error {
        FileError::Unreadable { .. } => 1,
        FileError::Invalid { problems, .. } => problems.len(),
    }
}

/// The text a dataset that loaded was read from, for locating its warnings: read again,
/// within the same size limit, only when there is something to warn about.
fn text_of(location: &DatasetLocation, max_bytes: u64) -> Option<String> {
    match location {
        DatasetLocation::Builtin(builtin) => Some(builtin.toml.to_owned()),
        DatasetLocation::File(path) => read_text_file(path, max_bytes).ok(),
    }
}

/// A figure no tab shows cannot be reached in the dashboard: `check` says so, at the
/// indicator's id, as it reports errors (the dataset still loads). Returns how many
/// warnings it printed.
fn warn_unreachable(
    origin: &str,
    location: &DatasetLocation,
    dataset: &Dataset,
    max_bytes: u64,
    lang: Lang,
) -> usize {
    let unreachable = dataset.unreachable_indicators();
    if unreachable.is_empty() {
        return 0;
    }
    let text = text_of(location, max_bytes).unwrap_or_default();
    let text = text.as_str();
    let problems: Vec<Problem> = unreachable
        .into_iter()
        .map(|index| {
            let id = &dataset.indicators[index].id;
            let needle = format!("\"{id}\"");
            let span = text
                .match_indices(&needle)
                .map(|(at, _)| at)
                .find(|&at| text[..at].trim_end().ends_with("id ="))
                .map(|at| at..at + needle.len());
            let (message, hint) = unreachable_words(lang, id);
            match span {
                Some(span) => Problem::at(span, message),
                None => Problem::whole_file(message),
            }
            .with_hint(hint)
        })
        .collect();
    eprintln!(
        "{}\n",
        render_warnings(
            origin,
            text,
            &problems,
            super::stderr_is_colored(),
            report_labels(lang)
        )
    );
    problems.len()
}

/// The warning about an indicator no tab shows, and how to show it, in `lang`.
fn unreachable_words(lang: Lang, id: &str) -> (String, &'static str) {
    match lang {
        Lang::En => (
            format!("indicator `{id}` is shown by no tab: no reader can reach it in the dashboard"),
            "make it a headline (`headline = true`), list it in a panel (`panels = […]`), or name it in a map's or table's `shows`",
        ),
        Lang::Zh => (
            format!("没有标签页显示指标 `{id}`：读者在仪表盘中无法看到它"),
            "将它设为头条（`headline = true`）、列入某个面板（`panels = […]`），或在地图或表格的 `shows` 中列出它",
        ),
    }
}
