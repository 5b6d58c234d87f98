//! Watching the config and the shown dataset for changes. The parent folders are watched,
//! not the files: editors save by writing a new file and renaming it over the old one,
//! which would silently end a watch on the file itself; and a file deleted and created
//! again is seen too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// Bursts of events (an editor's write, rename and chmod) within this time become one.
const DEBOUNCE: Duration = Duration::from_millis(120);

pub struct FileWatch {
    watcher: RecommendedWatcher,
    files: Arc<Mutex<Vec<PathBuf>>>,
    folders: BTreeSet<PathBuf>,
}

impl FileWatch {
    /// `notify` is called with each watched file that changed, once per burst of changes.
    pub fn new(notify: impl Fn(PathBuf) + Send + 'static) -> notify::Result<FileWatch> {
        let files: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
        let watched = Arc::clone(&files);
        let (changes, bursts) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |result: notify::Result<Event>| {
            let Ok(event) = result else { return };
            // Reading a file is an event too (inotify reports opens): reacting to it would
            // reload forever, since a reload reads the file.
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            let files = watched
                .lock()
                .map(|files| files.clone())
                .unwrap_or_default();
            for path in event.paths.iter().filter(|path| files.contains(path)) {
                let _ = changes.send(path.clone());
            }
        })?;
        thread::spawn(move || debounce(bursts, notify));
        Ok(FileWatch {
            watcher,
            files,
            folders: BTreeSet::new(),
        })
    }

    /// Watches exactly these files from now on.
    pub fn set_files(&mut self, files: &[PathBuf]) {
        let files: Vec<PathBuf> = files.iter().map(|file| absolute(file)).collect();
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|file| file.parent().map(Path::to_path_buf))
            .collect();
        for gone in self.folders.difference(&folders) {
            let _ = self.watcher.unwatch(gone);
        }
        for new in folders.difference(&self.folders) {
            // A folder that does not exist cannot be watched; its file then reloads by `r`.
            let _ = self.watcher.watch(new, RecursiveMode::NonRecursive);
        }
        self.folders = folders;
        if let Ok(mut watched) = self.files.lock() {
            *watched = files;
        }
    }
}

/// Waits (without waking) for a change, gathers the rest of its burst, and reports each
/// file once. Ends when the watcher is dropped.
fn debounce(changes: Receiver<PathBuf>, notify: impl Fn(PathBuf)) {
    while let Ok(first) = changes.recv() {
        let mut burst = BTreeSet::from([first]);
        while let Ok(more) = changes.recv_timeout(DEBOUNCE) {
            burst.insert(more);
        }
        for path in burst {
            notify(path);
        }
    }
}

/// The path as the watcher reports it: absolute, without following symlinks.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Sends each change on the event channel.
pub fn to_channel<T: Send + 'static>(
    sender: Sender<T>,
    wrap: fn(PathBuf) -> T,
) -> impl Fn(PathBuf) + Send + 'static {
    move |path| {
        let _ = sender.send(wrap(path));
    }
}
