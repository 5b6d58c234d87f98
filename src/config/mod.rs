//! The config file: which datasets exist, which opens first, language, theme, mouse.

mod bindings;
mod discovery;
mod model;
mod serve;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use discovery::{ConfigSource, discover, user_config_folder};
pub use model::*;
pub use serve::{Access, RawServe, ServeConfig};

use crate::app::Settings;
use crate::dataset::{self, BUILTINS, DEFAULT_BUILTIN, Lang};
use crate::files::diagnostic::{FileError, Problem};
use crate::files::textfile::{DEFAULT_MAX_BYTES, read_text_file};
use crate::files::toml_error::toml_problem;

/// Figures older than this are marked stale unless the config says otherwise.
pub const DEFAULT_STALE_AFTER_MONTHS: u32 = 24;

impl Config {
    /// What of this config a session is shown by; `lang` is the language to switch to, if
    /// any (see [`Settings::lang`]).
    pub fn settings(&self, lang: Option<Lang>) -> Settings {
        Settings {
            theme: self.theme,
            colors: self
                .colors
                .iter()
                .map(|color| (color.role, color.fg, color.bg))
                .collect(),
            keymap: self.keymap.clone(),
            stale_after_months: self.stale_after_months,
            lang,
        }
    }

    /// The language this config names, if it names one (`auto` follows `LANG`).
    pub fn named_language(&self) -> Option<Lang> {
        match self.language {
            LanguageSetting::Zh => Some(Lang::Zh),
            LanguageSetting::En => Some(Lang::En),
            LanguageSetting::Auto => None,
        }
    }

    /// What bri-dash uses when no config file exists: every built-in dataset.
    pub fn builtin_defaults() -> Config {
        Config {
            origin: None,
            language: LanguageSetting::Auto,
            theme: ThemeName::Dark,
            mouse: true,
            watch: true,
            stale_after_months: Some(DEFAULT_STALE_AFTER_MONTHS),
            max_file_bytes: DEFAULT_MAX_BYTES,
            datasets: BUILTINS
                .iter()
                .map(|builtin| DatasetEntry {
                    name: builtin.name.to_owned(),
                    location: DatasetLocation::Builtin(builtin),
                })
                .collect(),
            default: BUILTINS
                .iter()
                .position(|b| b.name == DEFAULT_BUILTIN)
                .unwrap_or(0),
            keymap: crate::app::Keymap::default(),
            colors: Vec::new(),
            serve: ServeConfig::default(),
        }
    }

    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, FileError> {
        let origin = path.display().to_string();
        let text =
            read_text_file(path, DEFAULT_MAX_BYTES).map_err(|reason| FileError::Unreadable {
                origin: origin.clone(),
                reason,
            })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Config::parse(&origin, &text, base).map(|config| Config {
            origin: Some(path.to_owned()),
            ..config
        })
    }

    /// Parses config text; relative dataset paths are resolved against `base`.
    pub fn parse(origin: &str, text: &str, base: &Path) -> Result<Config, FileError> {
        let invalid = |problems| FileError::Invalid {
            origin: origin.to_owned(),
            text: Arc::from(text),
            problems,
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|error| invalid(vec![toml_problem(&error, text)]))?;
        validate(raw, base).map_err(invalid)
    }

    pub fn find(&self, name: &str) -> Option<&DatasetEntry> {
        self.datasets.iter().find(|entry| entry.name == name)
    }

    /// Resolves `--dataset NAME_OR_PATH`: a name in the config, then a built-in name, then
    /// a file path.
    pub fn resolve_dataset(&self, name_or_path: &str) -> DatasetEntry {
        if let Some(entry) = self.find(name_or_path) {
            return entry.clone();
        }
        if let Some(builtin) = dataset::builtin(name_or_path) {
            return DatasetEntry {
                name: builtin.name.to_owned(),
                location: DatasetLocation::Builtin(builtin),
            };
        }
        DatasetEntry {
            name: name_or_path.to_owned(),
            location: DatasetLocation::File(expand_home(name_or_path, Path::new("."))),
        }
    }

    pub fn default_dataset(&self) -> &DatasetEntry {
        &self.datasets[self.default]
    }
}

impl DatasetEntry {
    pub fn load(&self, max_bytes: u64) -> Result<dataset::Dataset, FileError> {
        match &self.location {
            DatasetLocation::Builtin(builtin) => dataset::load_builtin(builtin),
            DatasetLocation::File(path) => dataset::load_file(path, max_bytes),
        }
    }
}

/// Whether two locations are the same built-in dataset.
fn same_builtin(a: &DatasetLocation, b: &DatasetLocation) -> bool {
    matches!((a, b), (DatasetLocation::Builtin(a), DatasetLocation::Builtin(b)) if a.name == b.name)
}

fn validate(raw: RawConfig, base: &Path) -> Result<Config, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut datasets: Vec<DatasetEntry> = Vec::new();
    for entry in &raw.datasets {
        let name = entry.name.get_ref();
        if datasets.iter().any(|known| &known.name == name) {
            problems.push(Problem::at(
                entry.name.span(),
                format!("duplicate dataset name `{name}`: expected names to be unique"),
            ));
            continue;
        }
        let location = match (&entry.path, &entry.builtin) {
            (Some(path), None) => DatasetLocation::File(expand_home(path.get_ref(), base)),
            (None, Some(builtin)) => match dataset::builtin(builtin.get_ref()) {
                Some(found) => DatasetLocation::Builtin(found),
                None => {
                    let known: Vec<String> =
                        BUILTINS.iter().map(|b| format!("`{}`", b.name)).collect();
                    problems.push(
                        Problem::at(
                            builtin.span(),
                            format!("unknown built-in dataset `{}`", builtin.get_ref()),
                        )
                        .with_hint(format!("built-in datasets: {}", known.join(", "))),
                    );
                    continue;
                }
            },
            _ => {
                problems.push(Problem::at(
                    entry.name.span(),
                    format!("dataset `{name}`: expected exactly one of `path` or `builtin`"),
                ));
                continue;
            }
        };
        datasets.push(DatasetEntry {
            name: name.clone(),
            location,
        });
    }
    // The built-in datasets stay reachable whatever the config names: after its own
    // entries (so its order and default hold), each one it does not already name.
    for builtin in Config::builtin_defaults().datasets {
        let named = datasets.iter().any(|entry| {
            entry.name == builtin.name || same_builtin(&entry.location, &builtin.location)
        });
        if !named {
            datasets.push(builtin);
        }
    }
    let default = match &raw.default {
        Some(name) => match datasets
            .iter()
            .position(|entry| &entry.name == name.get_ref())
        {
            Some(index) => index,
            None => {
                let known: Vec<String> = datasets.iter().map(|d| format!("`{}`", d.name)).collect();
                problems.push(
                    Problem::at(
                        name.span(),
                        format!(
                            "unknown dataset `{}`: expected the name of a [[datasets]] entry",
                            name.get_ref()
                        ),
                    )
                    .with_hint(format!("known datasets: {}", known.join(", "))),
                );
                0
            }
        },
        None => 0,
    };
    let max_file_bytes = match &raw.max_file_bytes {
        Some(limit) if *limit.get_ref() <= 0 => {
            problems.push(Problem::at(
                limit.span(),
                "expected a positive number of bytes",
            ));
            DEFAULT_MAX_BYTES
        }
        Some(limit) => *limit.get_ref() as u64,
        None => DEFAULT_MAX_BYTES,
    };
    let keymap = bindings::keymap(&raw.keys, &mut problems);
    let colors = bindings::colors(&raw.colors, &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|problem| problem.span.as_ref().map_or(0, |span| span.start));
        return Err(problems);
    }
    Ok(Config {
        origin: None,
        language: raw.language,
        theme: raw.theme,
        mouse: raw.mouse.unwrap_or(true),
        watch: raw.watch.unwrap_or(true),
        stale_after_months: match raw.stale_after_months {
            Some(0) => None,
            Some(months) => Some(months),
            None => Some(DEFAULT_STALE_AFTER_MONTHS),
        },
        max_file_bytes,
        datasets,
        default,
        keymap,
        colors,
        serve: ServeConfig::from_raw(&raw.serve, base),
    })
}

/// `~/x` → the home folder's `x`; a relative path → under `base`.
fn expand_home(path: &str, base: &Path) -> PathBuf {
    expand_home_in(path, base, std::env::var_os("HOME").as_deref())
}

/// [`expand_home`] with the home folder given, so tests need not change the environment.
/// Without a home folder, `~/x` is left as a relative path and fails with a clear "no such
/// file" naming it; `~user/` is not expanded.
fn expand_home_in(path: &str, base: &Path, home: Option<&std::ffi::OsStr>) -> PathBuf {
    if let Some(home) = home {
        if path == "~" {
            return PathBuf::from(home);
        }
        if let Some(rest) = path.strip_prefix("~/") {
            return PathBuf::from(home).join(rest);
        }
    }
    base.join(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_the_home_folder_only_at_the_start() {
        let home = Some(std::ffi::OsStr::new("/home/ada"));
        let base = Path::new("/etc/bri");
        let expand = |path| expand_home_in(path, base, home);
        assert_eq!(expand("~/data/x.toml"), Path::new("/home/ada/data/x.toml"));
        assert_eq!(expand("~"), Path::new("/home/ada"));
        assert_eq!(expand("/abs/x.toml"), Path::new("/abs/x.toml"));
        assert_eq!(expand("data/~/x.toml"), Path::new("/etc/bri/data/~/x.toml"));
        assert_eq!(expand("~ada/x.toml"), Path::new("/etc/bri/~ada/x.toml"));
        assert_eq!(
            expand_home_in("~/x.toml", base, None),
            Path::new("/etc/bri/~/x.toml")
        );
    }

    #[test]
    fn resolves_relative_paths_against_the_config_folder() {
        let config = Config::parse(
            "config.toml",
            "[[datasets]]\nname = \"mine\"\npath = \"data/mine.toml\"\n",
            Path::new("/etc/bri"),
        )
        .unwrap();
        match &config.default_dataset().location {
            DatasetLocation::File(path) => assert_eq!(path, Path::new("/etc/bri/data/mine.toml")),
            other => panic!("expected a file, got {other:?}"),
        }
    }

    #[test]
    fn the_builtin_datasets_are_offered_after_the_configs_own() {
        let config = Config::parse(
            "config.toml",
            "[[datasets]]\nname = \"mine\"\npath = \"mine.toml\"\n\n[[datasets]]\nname = \"partners\"\nbuiltin = \"silk-road-partners\"\n",
            Path::new("/etc/bri"),
        )
        .unwrap();
        let names: Vec<&str> = config.datasets.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "mine",
                "partners",
                "digital-silk-road-2023",
                "bri-connectivity"
            ],
            "each built-in once, the config's own first"
        );
        assert_eq!(config.default_dataset().name, "mine");
    }

    #[test]
    fn reports_an_unknown_default_with_its_location() {
        let error = Config::parse("c.toml", "default = \"nope\"\n", Path::new(".")).unwrap_err();
        assert_eq!(
            error.to_string().lines().next().unwrap(),
            "c.toml:1:11: unknown dataset `nope`: expected the name of a [[datasets]] entry"
        );
    }
}
