//! Watching the config and the shown dataset for changes. The parent folders are watched,
//! not the files: editors save by writing a new file and renaming it over the old one,
//! which would silently end a watch on the file itself; and a file deleted and created
//! again is seen too. A symlinked file is watched along its whole chain (the link's folder,
//! for a retargeted link; the target's, for edits), and a folder that is gone is waited for
//! from its nearest existing ancestor; both are worked out again after every burst.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, Weak};
use std::thread;
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// Bursts of events (an editor's write, rename and chmod) within this time become one.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// How many links deep a chain is followed (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;

pub struct FileWatch {
    state: Arc<Mutex<Watched>>,
}

/// What is watched, shared by `set_files` and the thread that handles bursts; both call
/// `watch()` only while holding this lock. notify's callback never takes it: `watch()`
/// waits on notify's event thread, which may be inside the callback at that moment.
struct Watched {
    watcher: RecommendedWatcher,
    /// The files as registered: absolute, links not followed. Changes are reported as these.
    files: Vec<PathBuf>,
    /// Every path whose change matters, with the registered file it stands for: the file,
    /// each link on its chain, and where the chain ends.
    paths: Vec<(PathBuf, PathBuf)>,
    /// The folders watched, with the identity (device, inode) of each when it was watched,
    /// or `None` if the watch failed; a folder deleted and created again is a new inode,
    /// whose watch must be added again.
    folders: BTreeMap<PathBuf, Option<(u64, u64)>>,
}

impl FileWatch {
    /// `notify` is called with each watched file that changed, once per burst of changes.
    pub fn new(notify: impl Fn(PathBuf) + Send + 'static) -> notify::Result<FileWatch> {
        let (changes, bursts) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |result: notify::Result<Event>| {
            let Ok(event) = result else { return };
            // Reading a file is an event too (inotify reports opens): reacting to it would
            // reload forever, since a reload reads the file.
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            // Only a send, which never blocks: no lock here (see `Watched`).
            let _ = changes.send(event.paths);
        })?;
        let state = Arc::new(Mutex::new(Watched {
            watcher,
            files: Vec::new(),
            paths: Vec::new(),
            folders: BTreeMap::new(),
        }));
        // A weak handle: the watcher (and with it the channel, which ends the thread) goes
        // when the FileWatch is dropped.
        let weak = Arc::downgrade(&state);
        thread::spawn(move || debounce(bursts, weak, notify));
        Ok(FileWatch { state })
    }

    /// Watches exactly these files from now on.
    pub fn set_files(&mut self, files: &[PathBuf]) {
        if let Ok(mut state) = self.state.lock() {
            state.files = files.iter().map(|file| absolute(file)).collect();
            state.refresh();
        }
    }
}

impl Watched {
    /// Resolves every file's chain again and watches the folders it needs now: the folder
    /// of each path on it, or while that folder is gone, its nearest existing ancestor, so
    /// that the folder's return is seen.
    fn refresh(&mut self) {
        self.paths = self
            .files
            .iter()
            .flat_map(|file| chain(file).into_iter().map(|path| (path, file.clone())))
            .collect();
        let wanted: BTreeSet<PathBuf> = self
            .paths
            .iter()
            .filter_map(|(path, _)| path.parent().map(nearest_existing))
            .collect();
        let old = std::mem::take(&mut self.folders);
        for gone in old.keys().filter(|folder| !wanted.contains(*folder)) {
            let _ = self.watcher.unwatch(gone);
        }
        for folder in wanted {
            let now = identity(&folder);
            let watched = match old.get(&folder) {
                Some(Some(before)) if Some(*before) == now => true,
                Some(_) => {
                    // Gone and back, or never watched: the old watch, if any, is dead.
                    let _ = self.watcher.unwatch(&folder);
                    self.watcher
                        .watch(&folder, RecursiveMode::NonRecursive)
                        .is_ok()
                }
                None => self
                    .watcher
                    .watch(&folder, RecursiveMode::NonRecursive)
                    .is_ok(),
            };
            self.folders
                .insert(folder, if watched { now } else { None });
        }
    }

    /// The registered files that a change of these paths concerns: a path on a file's
    /// chain, or a folder on the way to one (created, deleted, renamed).
    fn affected(&self, changed: &BTreeSet<PathBuf>, into: &mut BTreeSet<PathBuf>) {
        for (path, file) in &self.paths {
            if changed.iter().any(|change| path.starts_with(change)) {
                into.insert(file.clone());
            }
        }
    }
}

/// Waits (without waking) for a change, gathers the rest of its burst, watches what the
/// files need now (a link retargeted, a folder back), and reports each file once. Ends
/// when the watcher is dropped.
fn debounce(
    changes: Receiver<Vec<PathBuf>>,
    state: Weak<Mutex<Watched>>,
    notify: impl Fn(PathBuf),
) {
    while let Ok(first) = changes.recv() {
        let mut burst: BTreeSet<PathBuf> = first.into_iter().collect();
        while let Ok(more) = changes.recv_timeout(DEBOUNCE) {
            burst.extend(more);
        }
        let Some(state) = state.upgrade() else { return };
        let mut files = BTreeSet::new();
        if let Ok(mut state) = state.lock() {
            // Matched against the chains before and after: the old target's change, and a
            // file in a folder that just came back.
            state.affected(&burst, &mut files);
            state.refresh();
            state.affected(&burst, &mut files);
        }
        drop(state);
        // Reported once the watches stand, so that a change after the reload is seen.
        for path in files {
            notify(path);
        }
    }
}

/// The file, each link its chain goes through, and where it ends up (canonical, so that
/// a linked folder on the way counts too).
fn chain(file: &Path) -> Vec<PathBuf> {
    let mut chain = vec![file.to_owned()];
    let mut current = file.to_owned();
    for _ in 0..MAX_LINKS {
        let Ok(target) = fs::read_link(&current) else {
            break;
        };
        let next = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
        if chain.contains(&next) {
            break;
        }
        chain.push(next.clone());
        current = next;
    }
    if let Ok(canonical) = fs::canonicalize(file)
        && !chain.contains(&canonical)
    {
        chain.push(canonical);
    }
    chain
}

/// The folder, or while it does not exist, the closest ancestor that does.
fn nearest_existing(folder: &Path) -> PathBuf {
    folder
        .ancestors()
        .find(|ancestor| ancestor.is_dir())
        .unwrap_or(folder)
        .to_owned()
}

fn identity(folder: &Path) -> Option<(u64, u64)> {
    fs::metadata(folder)
        .ok()
        .map(|metadata| (metadata.dev(), metadata.ino()))
}

/// The path as the watcher reports it: absolute, without following symlinks.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
