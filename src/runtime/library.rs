//! The dashboard's side of the file system: the config and the datasets it names, read when
//! a session switches, reloads, compares, or a watched file changes. Many sessions (the
//! local terminal, or every reader of `bri-dash serve`) share one library: each shows a
//! dataset of its own, and a file is read once for all the sessions that show it, which
//! then hold the same `Arc<Dataset>`. Every read reports back as [`Action`]s addressed to
//! sessions; nothing here touches a screen.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Weak};

use super::watch;
use crate::app::{
    Action, CatalogEntry, CatalogStatus, IndexReady, LoadReason, Loaded, Navigation, SearchIndex,
    problem_line, problem_report,
};
use crate::config::{Config, DatasetEntry, DatasetLocation};
use crate::dataset::{Dataset, Text};
use crate::files::diagnostic::FileError;
use crate::text::sanitize::sanitize_line;

/// Which session an action is for.
pub type SessionId = u64;

/// What one session shows.
struct Shown {
    entry: DatasetEntry,
    /// Its index in the config's list, if it is there.
    index: Option<usize>,
    /// Why its file, read again, does not load: kept until a reload works, so that the
    /// error banner lasts exactly as long as the file stays broken.
    problem: Option<Text>,
}

/// The last reads of one dataset: what a session that opens now must be told.
#[derive(Default)]
struct Latest {
    good: Option<Arc<Dataset>>,
    failure: Option<FileError>,
}

pub struct Library {
    config: Config,
    /// Why the config file, read again, does not load (the one in use is the last good one).
    config_problem: Option<Text>,
    /// The dataset new sessions start on, kept current while no session shows it.
    start: DatasetEntry,
    sessions: BTreeMap<SessionId, Shown>,
    /// By location key: the datasets that a session shows, or that new sessions start on.
    latest: HashMap<String, Latest>,
    /// The search index of each dataset read, by the dataset's identity: built once, here
    /// on the store's worker, and shared by every session that shows that dataset.
    indexes: Vec<(Weak<Dataset>, Arc<SearchIndex>)>,
}

impl Library {
    /// A library whose sessions start on `start`, already read as `dataset`.
    pub fn new(config: Config, start: DatasetEntry, dataset: Arc<Dataset>) -> Library {
        let mut latest = HashMap::new();
        latest.insert(
            key(&start.location),
            Latest {
                good: Some(dataset),
                failure: None,
            },
        );
        Library {
            config,
            config_problem: None,
            start,
            sessions: BTreeMap::new(),
            latest,
            indexes: Vec::new(),
        }
    }

    /// The catalog entry new sessions start on, if the config lists it.
    pub fn start_entry(&self) -> Option<usize> {
        index_of(&self.config, &self.start)
    }

    /// A new session, which starts on the start dataset as `known` (the one it was built
    /// with): the actions that bring it up to date, when that dataset was read again since.
    pub fn open(&mut self, session: SessionId, known: &Arc<Dataset>) -> Vec<Action> {
        let entry = self.start.clone();
        let latest = self.latest.entry(key(&entry.location)).or_default();
        let (good, failure) = (latest.good.clone(), latest.failure.clone());
        let index = index_of(&self.config, &entry);
        self.sessions.insert(
            session,
            Shown {
                entry,
                index,
                problem: failure.as_ref().map(problem_report),
            },
        );
        let mut actions = Vec::new();
        match good {
            Some(good) if !Arc::ptr_eq(&good, known) => {
                let read = self.indexed(Ok(good));
                actions.push(loaded(index, LoadReason::Reload, read, None));
            }
            _ => actions.push(Action::SearchIndexReady(IndexReady {
                dataset: Arc::clone(known),
                index: self.index_of(known),
            })),
        }
        if let Some(failure) = failure {
            let standing = self.problem(session);
            actions.push(loaded(
                index,
                LoadReason::Reload,
                (Err(failure), None),
                standing,
            ));
        }
        actions
    }

    /// The session is gone: what only it showed is forgotten.
    pub fn close(&mut self, session: SessionId) {
        self.sessions.remove(&session);
        self.forget_unshown();
    }

    /// The problem that stands now for a session, if any: the config's first, as the older
    /// cause of the two to fix, else its shown dataset's.
    fn problem(&self, session: SessionId) -> Option<Text> {
        self.config_problem.clone().or_else(|| {
            self.sessions
                .get(&session)
                .and_then(|shown| shown.problem.clone())
        })
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

    pub fn catalog_action(&self, session: SessionId) -> Action {
        self.catalog_action_with(session, self.catalog(true))
    }

    fn catalog_action_with(&self, session: SessionId, entries: Vec<CatalogEntry>) -> Action {
        Action::CatalogChanged {
            entries,
            default: self.config.default,
            problem: self.problem(session),
        }
    }

    /// Loads a catalog entry for a session; a successful switch makes it the dataset that
    /// session shows. Nothing for an index the catalog no longer has (a config save
    /// shortened it meanwhile) or a session that is gone.
    pub fn load(&mut self, session: SessionId, index: usize, reason: LoadReason) -> Option<Action> {
        let entry = self.config.datasets.get(index).cloned()?;
        // A dataset another session shows is read already, and kept current by the watch.
        let cached = self
            .latest
            .get(&key(&entry.location))
            .filter(|latest| latest.failure.is_none() && self.config.watch)
            .and_then(|latest| latest.good.clone());
        let result = match cached {
            Some(dataset) => Ok(dataset),
            None => entry.load(self.config.max_file_bytes).map(Arc::new),
        };
        if reason == LoadReason::Switch
            && let Ok(dataset) = &result
        {
            let location = key(&entry.location);
            let shown = self.sessions.get_mut(&session)?;
            *shown = Shown {
                entry,
                index: Some(index),
                // The broken file is no longer the one shown.
                problem: None,
            };
            let latest = self.latest.entry(location).or_default();
            latest.good = Some(Arc::clone(dataset));
            latest.failure = None;
            self.forget_unshown();
        }
        let read = match reason {
            LoadReason::Compare => (result, None),
            _ => self.indexed(result),
        };
        Some(loaded(Some(index), reason, read, self.problem(session)))
    }

    /// The search index of `dataset`: the one built already, else built now.
    fn index_of(&mut self, dataset: &Arc<Dataset>) -> Arc<SearchIndex> {
        // Indexes of datasets nobody holds any more go.
        self.indexes.retain(|(read, _)| read.strong_count() > 0);
        if let Some((_, index)) = self
            .indexes
            .iter()
            .find(|(read, _)| std::ptr::eq(read.as_ptr(), Arc::as_ptr(dataset)))
        {
            return Arc::clone(index);
        }
        let index = Arc::new(SearchIndex::new(dataset, &Navigation::new(dataset)));
        self.indexes
            .push((Arc::downgrade(dataset), Arc::clone(&index)));
        index
    }

    /// A read with the search index of what it read.
    fn indexed(&mut self, result: Result<Arc<Dataset>, FileError>) -> Read {
        let index = result.as_ref().ok().map(|dataset| self.index_of(dataset));
        (result, index)
    }

    fn forget_unshown(&mut self) {
        let mut kept: BTreeSet<String> = self
            .sessions
            .values()
            .map(|shown| key(&shown.entry.location))
            .collect();
        kept.insert(key(&self.start.location));
        self.latest.retain(|location, _| kept.contains(location));
    }

    /// Reads again the dataset a session shows, for every session that shows it.
    pub fn reload_shown(&mut self, session: SessionId) -> Vec<(SessionId, Action)> {
        match self.sessions.get(&session) {
            Some(shown) => {
                let location = shown.entry.location.clone();
                self.reload(&location)
            }
            None => Vec::new(),
        }
    }

    /// Reads a dataset once and hands the result to every session that shows it.
    fn reload(&mut self, location: &DatasetLocation) -> Vec<(SessionId, Action)> {
        let location_key = key(location);
        let entry = DatasetEntry {
            name: String::new(),
            location: location.clone(),
        };
        let result = entry.load(self.config.max_file_bytes).map(Arc::new);
        let problem = result.as_ref().err().map(problem_report);
        let search_index = result.as_ref().ok().map(|dataset| self.index_of(dataset));
        let latest = self.latest.entry(location_key.clone()).or_default();
        match &result {
            Ok(dataset) => {
                latest.good = Some(Arc::clone(dataset));
                latest.failure = None;
            }
            Err(error) => latest.failure = Some(error.clone()),
        }
        let showing: Vec<SessionId> = self
            .sessions
            .iter_mut()
            .filter(|(_, shown)| key(&shown.entry.location) == location_key)
            .map(|(id, shown)| {
                shown.problem = problem.clone();
                *id
            })
            .collect();
        showing
            .into_iter()
            .map(|id| {
                let index = self.sessions[&id].index;
                let read = (result.clone(), search_index.clone());
                let action = loaded(index, LoadReason::Reload, read, self.problem(id));
                (id, action)
            })
            .collect()
    }

    /// A watched file changed: the config, or a dataset sessions show (or start on).
    pub fn file_changed(&mut self, path: &PathBuf) -> Vec<(SessionId, Action)> {
        let is_config = self.config_file().map(|p| watch::absolute(&p));
        if is_config.as_ref() == Some(path) {
            return self.reload_config();
        }
        let mut locations: Vec<DatasetLocation> = Vec::new();
        let candidates = self
            .sessions
            .values()
            .map(|shown| &shown.entry.location)
            .chain(std::iter::once(&self.start.location));
        for location in candidates {
            let changed =
                matches!(location, DatasetLocation::File(file) if watch::absolute(file) == *path);
            if changed && !locations.iter().any(|seen| key(seen) == key(location)) {
                locations.push(location.clone());
            }
        }
        locations
            .iter()
            .flat_map(|location| self.reload(location))
            .collect()
    }

    /// Reads the config file again. A broken config keeps the one in use. A session whose
    /// dataset the new config puts elsewhere (the entry of that name points to another
    /// file) is told of it read from its new place first, then every session gets the new
    /// catalog: the caller must watch the new files then.
    fn reload_config(&mut self) -> Vec<(SessionId, Action)> {
        let Some(path) = self.config.origin.clone() else {
            return Vec::new();
        };
        match Config::load(&path) {
            Ok(config) => {
                // The language applies live only when the config's own setting changed.
                let lang = (config.language != self.config.language)
                    .then(|| config.named_language())
                    .flatten();
                let settings = config.settings(lang);
                self.config = config;
                self.config_problem = None;
                let mut moved: Vec<DatasetLocation> = Vec::new();
                for shown in self.sessions.values_mut() {
                    shown.index = index_of(&self.config, &shown.entry);
                    // The entry is taken from the new config by name: keeping the old one
                    // would keep its old path, and even `r` would read the file the config
                    // left.
                    if let Some(entry) = shown.index.map(|index| &self.config.datasets[index])
                        && !same_location(&entry.location, &shown.entry.location)
                    {
                        shown.entry = entry.clone();
                        if !moved.iter().any(|seen| key(seen) == key(&entry.location)) {
                            moved.push(entry.location.clone());
                        }
                    }
                }
                if let Some(entry) = index_of(&self.config, &self.start)
                    .map(|index| self.config.datasets[index].clone())
                {
                    self.start = entry;
                }
                let mut actions: Vec<(SessionId, Action)> = self
                    .sessions
                    .keys()
                    .map(|&id| (id, Action::SettingsChanged(Box::new(settings.clone()))))
                    .collect();
                actions.extend(moved.iter().flat_map(|location| self.reload(location)));
                self.forget_unshown();
                let catalog = self.catalog(true);
                actions.extend(
                    self.sessions
                        .keys()
                        .map(|&id| (id, self.catalog_action_with(id, catalog.clone()))),
                );
                actions
            }
            Err(error) => {
                let problem = problem_report(&error);
                self.config_problem = Some(problem.clone());
                self.sessions
                    .keys()
                    .map(|&id| (id, Action::ConfigFailed(problem.clone())))
                    .collect()
            }
        }
    }

    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.origin.clone()
    }

    /// The files whose changes matter: the config, the datasets shown and the one new
    /// sessions start on.
    pub fn watched_files(&self) -> Vec<PathBuf> {
        let datasets = self
            .sessions
            .values()
            .map(|shown| &shown.entry.location)
            .chain(std::iter::once(&self.start.location))
            .filter_map(|location| match location {
                DatasetLocation::File(path) => Some(path.clone()),
                DatasetLocation::Builtin(_) => None,
            });
        let files: BTreeSet<PathBuf> = self.config_file().into_iter().chain(datasets).collect();
        files.into_iter().collect()
    }
}

/// What a read gave, and the search index of the dataset when it worked.
type Read = (Result<Arc<Dataset>, FileError>, Option<Arc<SearchIndex>>);

fn loaded(
    entry: Option<usize>,
    reason: LoadReason,
    (result, index): Read,
    problem: Option<Text>,
) -> Action {
    Action::DatasetLoaded(Box::new(Loaded {
        entry,
        reason,
        result,
        index,
        problem,
    }))
}

/// Which config entry a dataset is: by name, as `--dataset NAME` or the picker chose it.
fn index_of(config: &Config, shown: &DatasetEntry) -> Option<usize> {
    config
        .datasets
        .iter()
        .position(|entry| entry.name == shown.name)
}

/// The same dataset, wherever it is named: a built-in by name, a file by its path.
fn key(location: &DatasetLocation) -> String {
    match location {
        DatasetLocation::Builtin(builtin) => format!("builtin:{}", builtin.name),
        DatasetLocation::File(path) => format!("file:{}", watch::absolute(path).display()),
    }
}

fn same_location(a: &DatasetLocation, b: &DatasetLocation) -> bool {
    key(a) == key(b)
}
