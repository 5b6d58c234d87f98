//! The datasets on disk, read on a worker thread: the input loop asks for a load and goes
//! on answering keys; the result comes back as an action, like any other input. The worker
//! owns the library (the config and the shown dataset) and the one file watch over them,
//! which it moves when a switch or a config save moves the files that matter.

use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread;

use super::library::Library;
use super::watch::{self, FileWatch};
use crate::app::{Action, LoadReason};

/// What the worker is asked to do.
#[derive(Debug)]
pub enum Request {
    /// Load the catalog entry with this index, to show it or to compare it.
    Load(usize, LoadReason),
    /// Read the shown dataset again.
    Reload,
    /// A watched file changed: the config, or the shown dataset.
    FileChanged(PathBuf),
    /// Read every catalog entry for the picker's titles and statuses.
    ScanCatalog,
}

/// The handle of the worker: dropping it ends the worker, once it has finished its request.
pub struct Store {
    requests: Sender<Request>,
}

impl Store {
    /// Starts the worker over `library`. Every result, and every change the watch sees
    /// (when `watch_files`), is handed to `reply`, on the worker's thread.
    pub fn spawn(
        library: Library,
        watch_files: bool,
        reply: impl Fn(Action) + Send + Clone + 'static,
    ) -> Store {
        let (requests, inbox) = mpsc::channel::<Request>();
        let changes = reply.clone();
        let mut worker = Worker {
            library,
            file_watch: watch_files
                .then(|| FileWatch::new(move |path| changes(Action::FileChanged(path))).ok())
                .flatten(),
        };
        // The watch is in place before this returns, so before the first frame: a file
        // saved the moment the dashboard shows is seen.
        worker.rewatch();
        thread::spawn(move || {
            for request in inbox {
                for action in worker.handle(request) {
                    reply(action);
                }
            }
        });
        Store { requests }
    }

    pub fn request(&self, request: Request) {
        // The worker ends only when this handle is dropped: a send cannot fail before.
        let _ = self.requests.send(request);
    }
}

struct Worker {
    library: Library,
    file_watch: Option<FileWatch>,
}

impl Worker {
    /// Carries out a request; the actions that report it, in the order they apply.
    fn handle(&mut self, request: Request) -> Vec<Action> {
        match request {
            Request::Load(index, reason) => {
                let loaded = self.library.load(index, reason);
                self.rewatch();
                loaded.into_iter().collect()
            }
            Request::Reload => vec![self.library.reload_shown()],
            Request::ScanCatalog => vec![self.library.catalog_action()],
            Request::FileChanged(path) => {
                let is_config = self.library.config_file().map(|p| watch::absolute(&p));
                if is_config.as_ref() != Some(&path) {
                    return vec![self.library.reload_shown()];
                }
                match self.library.reload_config() {
                    (catalog, Some(moved)) => {
                        self.rewatch();
                        // The moved dataset first: the new catalog may then switch to a new
                        // default, which applying the reload after it would undo.
                        std::iter::once(moved).chain(catalog).collect()
                    }
                    (action, None) => action.into_iter().collect(),
                }
            }
        }
    }

    fn rewatch(&mut self) {
        if let Some(file_watch) = &mut self.file_watch {
            file_watch.set_files(&self.library.watched_files());
        }
    }
}
