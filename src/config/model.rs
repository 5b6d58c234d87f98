//! The config file as written (raw, with spans) and as used (validated).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;

use ratatui::style::Color;

pub use crate::app::{Role, ThemeName};
use schemars::{Schema, SchemaGenerator, json_schema};

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::app::Keymap;
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
    /// Keys for actions, by action name; they replace that action's default keys:
    /// `quit = ["q", "ctrl-c"]`, `next-tab = "tab"`. See `bri-dash --help` for the names.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, KeysSchema>")]
    pub keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// Colours of the theme, by role: `figure = "yellow"`,
    /// `selected = { fg = "black", bg = "#88c0d0" }`. Ignored under NO_COLOR and `mono`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, ColorSchema>")]
    pub colors: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    pub serve: super::RawServe,
}

/// Schema stand-in for the keys of one action: one key or several.
pub struct KeysSchema;

impl JsonSchema for KeysSchema {
    fn schema_name() -> Cow<'static, str> {
        "Keys".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A key (`q`, `ctrl-c`, `shift-tab`, `pgdn`, `f1`…) or a list of keys.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

/// Schema stand-in for a colour override: a colour, or foreground and background.
pub struct ColorSchema;

impl JsonSchema for ColorSchema {
    fn schema_name() -> Cow<'static, str> {
        "Color".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A colour name (`red`, `light-cyan`), `#rrggbb` or a 256-colour index, or { fg, bg }.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "fg": { "type": "string" }, "bg": { "type": "string" } },
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// A colour of the theme replaced by the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorOverride {
    pub role: Role,
    pub fg: Option<Color>,
    pub bg: Option<Color>,
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
    /// The default keymap with the config's rebindings.
    pub keymap: Keymap,
    pub colors: Vec<ColorOverride>,
    /// Index into `datasets`.
    pub default: usize,
    /// `bri-dash serve`'s access and limits.
    pub serve: super::ServeConfig,
}
