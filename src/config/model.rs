//! The config file as written (raw, with spans) and as used (validated).

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::dataset::Builtin;

/// Which language the dashboard starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LanguageSetting {
    /// Chinese when `LANG` starts with `zh`, otherwise English.
    #[default]
    Auto,
    Zh,
    En,
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
    /// No colour: emphasis by bold, reverse video and symbols only.
    Mono,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "bri-dash config",
    description = "Which datasets bri-dash knows, which one it opens, and how it looks. See the README."
)]
pub struct RawConfig {
    /// The name of the dataset to open when `--dataset` is not given.
    #[schemars(with = "Option<String>")]
    pub default: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(description = "The language the dashboard starts in (default `auto`).")]
    pub language: LanguageSetting,
    #[serde(default)]
    #[schemars(description = "The colour theme (default `dark`).")]
    pub theme: ThemeName,
    /// Mouse clicks and the wheel (default true).
    pub mouse: Option<bool>,
    /// Reload the config and the shown dataset when their files change (default true).
    pub watch: Option<bool>,
    /// A figure older than this many months is marked stale (default 24; 0 turns it off).
    pub stale_after_months: Option<u32>,
    /// The largest dataset file read, in bytes (default 16 MiB).
    #[schemars(with = "Option<u64>", range(min = 1))]
    pub max_file_bytes: Option<Spanned<i64>>,
    #[serde(default)]
    #[schemars(description = "The datasets bri-dash knows (default: every built-in dataset).")]
    pub datasets: Vec<RawDatasetEntry>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "DatasetEntry",
    // Exactly one of the two, as validation requires.
    extend("oneOf" = [{ "required": ["path"] }, { "required": ["builtin"] }])
)]
pub struct RawDatasetEntry {
    /// The name used by `default`, `--dataset` and `list`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// A dataset file; a relative path is resolved against the config file's folder, and
    /// `~/` against the home folder.
    #[schemars(with = "Option<String>")]
    pub path: Option<Spanned<String>>,
    /// The name of a dataset built into bri-dash.
    #[schemars(with = "Option<String>")]
    pub builtin: Option<Spanned<String>>,
}

/// Where a dataset comes from.
#[derive(Debug, Clone)]
pub enum DatasetLocation {
    Builtin(&'static Builtin),
    File(PathBuf),
}

impl DatasetLocation {
    /// How the location is shown to the user.
    pub fn describe(&self) -> String {
        match self {
            DatasetLocation::Builtin(builtin) => format!("builtin:{}", builtin.name),
            DatasetLocation::File(path) => path.display().to_string(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct DatasetEntry {
    pub name: String,
    pub location: DatasetLocation,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from; `None` for the built-in defaults.
    pub origin: Option<PathBuf>,
    pub language: LanguageSetting,
    pub theme: ThemeName,
    pub mouse: bool,
    pub watch: bool,
    /// `None`: figures are never marked stale.
    pub stale_after_months: Option<u32>,
    pub max_file_bytes: u64,
    pub datasets: Vec<DatasetEntry>,
    /// Index into `datasets`.
    pub default: usize,
}
