//! `bri-dash export`: the dataset as Markdown, CSV, JSON or HTML, or one indicator's chart
//! as SVG, on stdout or in a file.
//!
//! Like `render`, an invalid dataset makes the invocation unusable (exit 2): `check` is the
//! command whose job is to judge data, and the one that exits 1 for it.

use std::path::Path;

use super::export_format::{choose, provisional};
use super::output::{to_file, to_stdout};
use super::say;
use crate::commands::cli::Cli;
use crate::commands::startup::language;
use crate::config::DatasetLocation;
use crate::export::{self, Format};
use crate::files::diagnostic::Message;
use crate::text::sanitize::sanitize_line;

pub fn run(
    cli: &Cli,
    format: Option<Format>,
    output: Option<&Path>,
    indicator: Option<&str>,
) -> super::Outcome {
    // The config first: its language is the language of every refusal below.
    let config = super::config(cli)?;
    let lang = language(cli, &config);
    if indicator.is_some() && provisional(format, output) != Format::Svg {
        let message = Message::new(
            "--indicator chooses the chart of --format svg; drop it, or add --format svg",
            "--indicator 用于选择 --format svg 的图表；请去掉它，或加上 --format svg",
        );
        say(lang, &message);
        return Err(super::Stop(2));
    }
    let format = choose(format, output).map_err(|reason| {
        say(lang, &reason);
        super::Stop(2)
    })?;
    let (entry, dataset) = super::dataset(cli, &config)?;
    // Everything is rendered before anything is written, so a failure never leaves half a
    // file behind.
    let mut bytes = Vec::new();
    if format == Format::Svg {
        match export::chart_svg(&dataset, indicator, lang) {
            Ok(svg) => bytes = svg.into_bytes(),
            Err(error) => {
                say(lang, &cannot_export(&error));
                return Err(super::Stop(2));
            }
        }
    } else if let Err(error) = export::write(&dataset, format, lang, &mut bytes) {
        say(lang, &cannot_export(&error));
        return Err(super::Stop(2));
    }
    let Some(path) = output else {
        return to_stdout(&bytes);
    };
    // What each input is, in English and Chinese.
    let mut inputs: Vec<((&str, &str), &Path)> = Vec::new();
    if let DatasetLocation::File(dataset_path) = &entry.location {
        inputs.push((
            ("the dataset being exported", "正在导出的数据集"),
            dataset_path,
        ));
    }
    // Every dataset the config names: exporting one over another loses the other.
    for named in &config.datasets {
        if let DatasetLocation::File(dataset_path) = &named.location {
            inputs.push((
                ("a dataset the config names", "配置中列出的数据集"),
                dataset_path,
            ));
        }
    }
    if let Some(config_path) = &config.origin {
        inputs.push((("the config file", "配置文件"), config_path));
    }
    let shown = sanitize_line(&path.display().to_string());
    if let Some(((en, zh), _)) = inputs.iter().find(|(_, input)| same_file(input, path)) {
        let message = Message::new(
            format!("refusing to write to {shown}: it is {en}; choose another --output"),
            format!("拒绝写入 {shown}：它是{zh}；请换一个 --output"),
        );
        say(lang, &message);
        return Err(super::Stop(2));
    }
    match to_file(path, &bytes) {
        Ok(()) => Ok(0),
        Err(error) => {
            let message = Message::new(
                format!("cannot write {shown}: {error}"),
                format!("无法写入 {shown}：{error}"),
            );
            say(lang, &message);
            Err(super::Stop(2))
        }
    }
}

/// Whether two paths name one file, through symlinks, hard links, `..` and all: the same
/// device and inode. A path that does not exist yet cannot be an input.
/// Why the export could not be made; the reason is the exporter's own (in English).
fn cannot_export(error: &impl std::fmt::Display) -> Message {
    Message::new(
        format!("cannot export: {error}"),
        format!("无法导出：{error}"),
    )
}

fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}
