//! What every command needs first: the config, the dataset to show, the language.

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::layout::Size;

use crate::app::{App, Display};
use crate::commands::cli::Cli;
use crate::config::{Config, ConfigSource, DatasetEntry, LanguageSetting, discover};
use crate::dataset::{Dataset, Lang};
use crate::files::diagnostic::FileError;

/// `NO_COLOR` set to anything non-empty turns colour off everywhere.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// What this process's terminal can show: `NO_COLOR`, ASCII when `--ascii` says so or the
/// locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) is not UTF-8, links but on the Linux
/// console or a dumb terminal.
pub fn display(cli: &Cli) -> Display {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()));
    // The Linux console reads OSC sequences of its own (palette), and a dumb terminal none.
    let term = std::env::var("TERM").unwrap_or_default();
    Display {
        no_color: no_color(),
        ascii: cli.ascii || crate::ui::ascii::locale_wants_ascii(locale.as_deref()),
        links: !matches!(term.as_str(), "" | "dumb" | "linux"),
    }
}

pub fn load_config(cli: &Cli) -> Result<Config, FileError> {
    let env_config = std::env::var("BRI_DASH_CONFIG").ok();
    let user_folder = crate::config::user_config_folder();
    match discover(
        cli.config.as_deref(),
        env_config.as_deref(),
        user_folder.as_deref(),
    ) {
        ConfigSource::Explicit(path) | ConfigSource::UserFolder(path) => Config::load(&path),
        ConfigSource::Defaults => Ok(Config::builtin_defaults()),
    }
}

/// The dataset the command line names, else the config's default.
pub fn dataset_entry(cli: &Cli, config: &Config) -> DatasetEntry {
    match &cli.dataset {
        Some(name_or_path) => config.resolve_dataset(name_or_path),
        None => config.default_dataset().clone(),
    }
}

/// `--lang`, else the config's language, else `LANG`.
pub fn language(cli: &Cli, config: &Config) -> Lang {
    match config.language {
        LanguageSetting::Zh if cli.lang.is_none() => Lang::Zh,
        LanguageSetting::En if cli.lang.is_none() => Lang::En,
        _ => language_without_config(cli),
    }
}

/// `--lang`, else `LANG`: the language of a report that the config cannot be read for.
pub fn language_without_config(cli: &Cli) -> Lang {
    match cli.lang {
        Some(lang) => lang.into(),
        None => Lang::from_locale(std::env::var("LANG").ok().as_deref()),
    }
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The app on `dataset` (a dataset read for it, or one that other sessions share), for a
/// terminal that shows `display`.
pub fn build_app(
    dataset: impl Into<Arc<Dataset>>,
    config: &Config,
    lang: Lang,
    size: Size,
    display: Display,
) -> App {
    let mut app = App::new(dataset.into(), lang, today(), size);
    app.display = display;
    // The language is chosen already (the command line, the config, `LANG`).
    app.apply_settings(&config.settings(None));
    app
}
