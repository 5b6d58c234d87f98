//! The dashboard's side of the file system: the config and the datasets it names, read when
//! the user switches, reloads, compares, or a watched file changes. Every read reports back
//! as an [`Action`]; nothing here touches the screen.

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::{
    Action, CatalogEntry, CatalogStatus, LoadReason, Loaded, problem_line, problem_report,
};
use crate::config::{Config, DatasetEntry, DatasetLocation};
use crate::text::sanitize::sanitize_line;

pub struct Library {
    config: Config,
    /// The dataset on screen.
    shown: DatasetEntry,
    /// Its index in the config's list, if it is there.
    shown_entry: Option<usize>,
    /// Why the shown dataset's file, read again, does not load: kept until a reload works,
    /// so that the error banner lasts exactly as long as the file stays broken.
    shown_problem: Option<String>,
    /// Why the config file, read again, does not load (the one in use is the last good one).
    config_problem: Option<String>,
}

impl Library {
    pub fn new(config: Config, shown: DatasetEntry) -> Library {
        let shown_entry = index_of(&config, &shown);
        Library {
            config,
            shown,
            shown_entry,
            shown_problem: None,
            config_problem: None,
        }
    }

    /// The problem that stands now, if any: the config's first, as the older cause of the
    /// two to fix, else the shown dataset's.
    pub fn problem(&self) -> Option<String> {
        self.config_problem
            .clone()
            .or_else(|| self.shown_problem.clone())
    }

    pub fn shown_entry(&self) -> Option<usize> {
        self.shown_entry
    }

    /// The config's datasets; with `read`, each one is loaded for its title and status.
    pub fn catalog(&self, read: bool) -> Vec<CatalogEntry> {
        self.config
            .datasets
            .iter()
            .map(|entry| CatalogEntry {
                name: sanitize_line(&entry.name),
                location: sanitize_line(&entry.location.describe()),
                status: if read {
                    match entry.load(self.config.max_file_bytes) {
                        Ok(dataset) => CatalogStatus::Ok {
                            title: dataset.meta.title,
                            as_of: dataset.meta.as_of,
                        },
                        Err(error) => CatalogStatus::Invalid(problem_line(&error)),
                    }
                } else {
                    CatalogStatus::Unknown
                },
            })
            .collect()
    }

    pub fn catalog_action(&self) -> Action {
        Action::CatalogChanged {
            entries: self.catalog(true),
            default: self.config.default,
            problem: self.problem(),
        }
    }

    /// Loads a catalog entry; a successful switch makes it the dataset shown. Nothing for
    /// an index the catalog no longer has (a config save shortened it meanwhile).
    pub fn load(&mut self, index: usize, reason: LoadReason) -> Option<Action> {
        let entry = self.config.datasets.get(index).cloned()?;
        let result = entry.load(self.config.max_file_bytes).map(Arc::new);
        if reason == LoadReason::Switch && result.is_ok() {
            self.shown = entry;
            self.shown_entry = Some(index);
            // The broken file is no longer the one shown.
            self.shown_problem = None;
        }
        Some(Action::DatasetLoaded(Box::new(Loaded {
            entry: Some(index),
            reason,
            result,
            problem: self.problem(),
        })))
    }

    pub fn reload_shown(&mut self) -> Action {
        let result = self.shown.load(self.config.max_file_bytes).map(Arc::new);
        self.shown_problem = result.as_ref().err().map(problem_report);
        Action::DatasetLoaded(Box::new(Loaded {
            entry: self.shown_entry,
            reason: LoadReason::Reload,
            result,
            problem: self.problem(),
        }))
    }

    /// Reads the config file again. A broken config keeps the one in use. The second
    /// action is the shown dataset read from its new place, when the new config's entry of
    /// that name points elsewhere: the caller must watch the new file then.
    pub fn reload_config(&mut self) -> (Option<Action>, Option<Action>) {
        let Some(path) = self.config.origin.clone() else {
            return (None, None);
        };
        match Config::load(&path) {
            Ok(config) => {
                self.config = config;
                self.config_problem = None;
                self.shown_entry = index_of(&self.config, &self.shown);
                // The entry is taken from the new config by name: keeping the old one would
                // keep its old path, and even `r` would read the file the config left.
                let moved = match self.shown_entry.map(|index| &self.config.datasets[index]) {
                    Some(entry) if !same_location(&entry.location, &self.shown.location) => {
                        self.shown = entry.clone();
                        Some(self.reload_shown())
                    }
                    _ => None,
                };
                (Some(self.catalog_action()), moved)
            }
            Err(error) => {
                let problem = problem_report(&error);
                self.config_problem = Some(problem.clone());
                (Some(Action::ConfigFailed(problem)), None)
            }
        }
    }

    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.origin.clone()
    }

    pub fn shown_file(&self) -> Option<PathBuf> {
        match &self.shown.location {
            DatasetLocation::File(path) => Some(path.clone()),
            DatasetLocation::Builtin(_) => None,
        }
    }

    /// The files whose changes matter: the config and the dataset shown.
    pub fn watched_files(&self) -> Vec<PathBuf> {
        self.config_file()
            .into_iter()
            .chain(self.shown_file())
            .collect()
    }
}

/// Which config entry a dataset is: by name, as `--dataset NAME` or the picker chose it.
fn index_of(config: &Config, shown: &DatasetEntry) -> Option<usize> {
    config
        .datasets
        .iter()
        .position(|entry| entry.name == shown.name)
}

fn same_location(a: &DatasetLocation, b: &DatasetLocation) -> bool {
    match (a, b) {
        (DatasetLocation::Builtin(a), DatasetLocation::Builtin(b)) => a.name == b.name,
        (DatasetLocation::File(a), DatasetLocation::File(b)) => a == b,
        _ => false,
    }
}
