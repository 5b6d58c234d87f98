//! The datasets on disk, read on a worker thread: a session's input loop asks for a load
//! and goes on answering keys; the result comes back as an action, like any other input.
//! The worker owns the library (the config and what each session shows) and the one file
//! watch over them, which it moves when a switch or a config save moves the files that
//! matter. Any number of sessions use one store, each through its own [`Client`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::library::{Library, SessionId};
use super::watch::{self, FileWatch};
use crate::app::{Action, LoadReason};
use crate::dataset::Dataset;

/// Where a session's actions go: called on the worker's thread.
pub type Reply = Box<dyn Fn(Action) + Send>;

/// What the worker is asked to do.
enum Request {
    Open {
        session: SessionId,
        known: Arc<Dataset>,
        reply: Reply,
    },
    Close(SessionId),
    /// Load the catalog entry with this index, to show it or to compare it.
    Load(SessionId, usize, LoadReason),
    /// Read the session's shown dataset again.
    Reload(SessionId),
    /// Read every catalog entry for the session's picker.
    ScanCatalog(SessionId),
    /// A watched file changed: the config, or a dataset shown.
    FileChanged(PathBuf),
    Shutdown,
}

/// The owner of the worker: dropping it ends the worker, once it has finished its request.
pub struct Store {
    requests: Sender<Request>,
    next_session: Arc<AtomicU64>,
}

impl Store {
    /// Starts the worker over `library`, watching its files for changes when `watch_files`.
    pub fn spawn(library: Library, watch_files: bool) -> Store {
        let (store, worker) = Store::new(library, watch_files);
        worker.start();
        store
    }

    /// The store over `library` with its worker made but not yet started: requests wait
    /// for [`Worker::start`]. The watch on the library's files (when `watch_files`) is in
    /// place when this returns, so a file saved the moment the first frame shows is seen;
    /// with no file to watch (a built-in dataset, no config file) there is none to make.
    pub fn new(library: Library, watch_files: bool) -> (Store, Worker) {
        let (requests, inbox) = mpsc::channel::<Request>();
        let mut worker = Worker {
            library,
            watch_files,
            changes: requests.clone(),
            file_watch: None,
            replies: HashMap::new(),
            inbox,
        };
        worker.rewatch();
        let store = Store {
            requests,
            next_session: Arc::new(AtomicU64::new(0)),
        };
        (store, worker)
    }

    /// A new session, built with `known` as its dataset; its actions go to `reply`. If the
    /// start dataset was read again since `known`, the first actions bring it up to date.
    pub fn open(&self, known: Arc<Dataset>, reply: Reply) -> Client {
        let session = self.next_session.fetch_add(1, Ordering::Relaxed);
        let _ = self.requests.send(Request::Open {
            session,
            known,
            reply,
        });
        Client {
            session,
            requests: self.requests.clone(),
        }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.requests.send(Request::Shutdown);
    }
}

/// One session's handle on the store; dropping it closes the session there.
pub struct Client {
    session: SessionId,
    requests: Sender<Request>,
}

impl Client {
    pub fn load(&self, index: usize, reason: LoadReason) {
        self.send(Request::Load(self.session, index, reason));
    }

    pub fn reload(&self) {
        self.send(Request::Reload(self.session));
    }

    pub fn scan_catalog(&self) {
        self.send(Request::ScanCatalog(self.session));
    }

    fn send(&self, request: Request) {
        // The worker ends only when the store is dropped, after its sessions: a send that
        // fails has nobody left to answer it anyway.
        let _ = self.requests.send(request);
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.send(Request::Close(self.session));
    }
}

/// The owner of the library and the file watch, answering requests in order.
pub struct Worker {
    library: Library,
    watch_files: bool,
    /// Where the file watch reports changes: the worker's own inbox.
    changes: Sender<Request>,
    /// Made when there is first a file to watch.
    file_watch: Option<FileWatch>,
    replies: HashMap<SessionId, Reply>,
    inbox: Receiver<Request>,
}

impl Worker {
    /// Answers requests on a thread of its own, until the store is dropped.
    pub fn start(mut self) {
        thread::spawn(move || {
            while let Ok(request) = self.inbox.recv() {
                if matches!(request, Request::Shutdown) {
                    return;
                }
                self.handle(request);
            }
        });
    }

    /// Carries out a request and hands each action that reports it to its session, in the
    /// order they apply.
    fn handle(&mut self, request: Request) {
        let actions = match request {
            Request::Open {
                session,
                known,
                reply,
            } => {
                for action in self.library.open(session, &known) {
                    reply(action);
                }
                self.replies.insert(session, reply);
                self.rewatch();
                Vec::new()
            }
            Request::Close(session) => {
                self.replies.remove(&session);
                self.library.close(session);
                self.rewatch();
                Vec::new()
            }
            Request::Load(session, index, reason) => {
                let loaded = self.library.load(session, index, reason);
                self.rewatch();
                loaded.into_iter().map(|action| (session, action)).collect()
            }
            Request::Reload(session) => self.library.reload_shown(session),
            Request::ScanCatalog(session) => vec![(session, self.library.catalog_action(session))],
            Request::FileChanged(path) => {
                let actions = self.library.file_changed(&watch::absolute(&path));
                self.rewatch();
                actions
            }
            Request::Shutdown => Vec::new(),
        };
        for (session, action) in actions {
            if let Some(reply) = self.replies.get(&session) {
                reply(action);
            }
        }
    }

    fn rewatch(&mut self) {
        let files = self.library.watched_files();
        if self.file_watch.is_none() && self.watch_files && !files.is_empty() {
            let changes = self.changes.clone();
            // A watch that cannot be made (no inotify left) is tried again at the next
            // change of files; the dashboard works without one meanwhile.
            self.file_watch = FileWatch::new(move |path| {
                let _ = changes.send(Request::FileChanged(path));
            })
            .ok();
        }
        if let Some(file_watch) = &mut self.file_watch {
            file_watch.set_files(&files);
        }
    }
}
