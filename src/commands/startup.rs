//! What every command needs first: the config, the dataset to show, the language.

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::layout::Size;

use crate::app::App;
use crate::commands::cli::Cli;
use crate::config::{Config, ConfigSource, DatasetEntry, LanguageSetting, discover};
use crate::dataset::{Dataset, Lang};
use crate::files::diagnostic::FileError;

/// `NO_COLOR` set to anything non-empty turns colour off everywhere.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
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
    if let Some(lang) = cli.lang {
        return lang.into();
    }
    match config.language {
        LanguageSetting::Zh => Lang::Zh,
        LanguageSetting::En => Lang::En,
        LanguageSetting::Auto => Lang::from_locale(std::env::var("LANG").ok().as_deref()),
    }
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The app on `dataset`: a dataset read for it, or one that other sessions share.
pub fn build_app(dataset: impl Into<Arc<Dataset>>, config: &Config, lang: Lang, size: Size) -> App {
    build_app_colored(dataset, config, lang, size, no_color())
}

/// [`build_app`] for a terminal that is not this process's: its own `NO_COLOR`.
pub fn build_app_colored(
    dataset: impl Into<Arc<Dataset>>,
    config: &Config,
    lang: Lang,
    size: Size,
    no_color: bool,
) -> App {
    let mut app = App::new(dataset.into(), lang, today(), size);
    app.no_color = no_color;
    // The language is chosen already (the command line, the config, `LANG`).
    app.apply_settings(&config.settings(None));
    app
}
