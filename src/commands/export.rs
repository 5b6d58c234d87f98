//! `bri-dash export`: the dataset as Markdown, CSV, JSON or HTML, or one indicator's chart
//! as SVG, on stdout or in a file.
//!
//! Like `render`, an invalid dataset makes the invocation unusable (exit 2): `check` is the
//! command whose job is to judge data, and the one that exits 1 for it.

use std::path::Path;

use super::export_format::{choose, provisional};
use super::output::{to_file, to_stdout};
use crate::commands::cli::Cli;
use crate::commands::startup::language;
use crate::config::DatasetLocation;
use crate::export::{self, Format};
use crate::text::sanitize::sanitize_line;

pub fn run(
    cli: &Cli,
    format: Option<Format>,
    output: Option<&Path>,
    indicator: Option<&str>,
) -> super::Outcome {
    if indicator.is_some() && provisional(format, output) != Format::Svg {
        eprintln!(
            "bri-dash: --indicator chooses the chart of --format svg; drop it, or add --format svg"
        );
        return Err(super::Stop(2));
    }
    let format = choose(format, output).map_err(|reason| {
        eprintln!("bri-dash: {reason}");
        super::Stop(2)
    })?;
    let config = super::config(cli)?;
    let (entry, dataset) = super::dataset(cli, &config)?;
    // Everything is rendered before anything is written, so a failure never leaves half a
    // file behind.
    let lang = language(cli, &config);
    let mut bytes = Vec::new();
    if format == Format::Svg {
        match export::chart_svg(&dataset, indicator, lang) {
            Ok(svg) => bytes = svg.into_bytes(),
            Err(error) => {
                eprintln!("bri-dash: cannot export: {error}");
                return Err(super::Stop(2));
            }
        }
    } else if let Err(error) = export::write(&dataset, format, lang, &mut bytes) {
        eprintln!("bri-dash: cannot export: {error}");
        return Err(super::Stop(2));
    }
    let Some(path) = output else {
        return to_stdout(&bytes);
    };
    let mut inputs: Vec<(&str, &Path)> = Vec::new();
    if let DatasetLocation::File(dataset_path) = &entry.location {
        inputs.push(("the dataset being exported", dataset_path));
    }
    // Every dataset the config names: exporting one over another loses the other.
    for named in &config.datasets {
        if let DatasetLocation::File(dataset_path) = &named.location {
            inputs.push(("a dataset the config names", dataset_path));
        }
    }
    if let Some(config_path) = &config.origin {
        inputs.push(("the config file", config_path));
    }
    if let Some((what, _)) = inputs.iter().find(|(_, input)| same_file(input, path)) {
        eprintln!(
            "bri-dash: refusing to write to {}: it is {what}; choose another --output",
            sanitize_line(&path.display().to_string())
        );
        return Err(super::Stop(2));
    }
    match to_file(path, &bytes) {
        Ok(()) => Ok(0),
        Err(error) => {
            eprintln!(
                "bri-dash: cannot write {}: {error}",
                sanitize_line(&path.display().to_string())
            );
            Err(super::Stop(2))
        }
    }
}

/// Whether two paths name one file, through symlinks, hard links, `..` and all: the same
/// device and inode. A path that does not exist yet cannot be an input.
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
