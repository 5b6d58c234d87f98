//! `bri-dash serve`: the dashboard over SSH. Each connection that logs in and asks for a
//! shell on a pseudo-terminal gets a dashboard of its own (state, size, language,
//! theme); all of them share one store, so a file is read once and an edit reaches every
//! reader. Connections are counted before the SSH handshake: past the limits, a socket is
//! closed at once.
//!
//! ```text
//! TCP accept ─ limits ─▶ russh (handshake, auth) ─▶ connection.rs (channel requests)
//!     bytes, resizes ─▶ dashboard.rs (input ─▶ action ─▶ Session ─▶ frame) ─▶ frame queue
//! store worker (one, shared) ─▶ each session's replies
//! ```

mod access;
mod connection;
mod dashboard;
mod environment;
pub mod hostkey;
mod limits;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use russh::keys::PrivateKey;
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::app::{App, CatalogEntry, Display};
use crate::config::Config;
use crate::dataset::{Dataset, Lang};
use crate::runtime::Store;
use access::{Gate, Users};
use connection::Connection;
use limits::Limits;

/// How long the sessions have to close when the server stops.
const DRAIN_TIME: Duration = Duration::from_secs(5);

/// What every connection reads.
struct Shared {
    config: Config,
    gate: Gate,
    users: Users,
    store: Store,
    /// The dataset sessions start on, as read at start; the store brings a session that
    /// opens after an edit up to date.
    start: Arc<Dataset>,
    start_entry: Option<usize>,
    catalog: Vec<CatalogEntry>,
    /// A reader's app on the start dataset, in a language, with or without colour.
    new_app: NewApp,
    /// `--lang`: every reader starts in it, whatever their `LANG`.
    lang: Option<Lang>,
    stopping: watch::Sender<bool>,
}

/// One line on stderr: connections, logins, refusals, ends. Never dataset text; names a
/// client sent are quoted with their escapes shown.
fn log(line: std::fmt::Arguments) {
    use std::io::Write;
    let _ = writeln!(
        io::stderr(),
        "{} bri-dash serve: {line}",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ")
    );
}

/// How a reader's app is made (by the command, which knows the config's theme and keys).
pub type NewApp = Box<dyn Fn(Lang, Display) -> App + Send + Sync>;

pub struct Options {
    pub listen: SocketAddr,
    pub lang: Option<Lang>,
    pub new_app: NewApp,
}

/// Runs the server until SIGTERM (or SIGINT), then drains: every session is told and
/// closed, then this returns.
pub fn run(
    config: Config,
    store: Store,
    start: Arc<Dataset>,
    start_entry: Option<usize>,
    catalog: Vec<CatalogEntry>,
    options: Options,
) -> io::Result<()> {
    let gate = Gate::new(&config.serve.access)?;
    let users = Users(config.serve.users.clone());
    let key_path = hostkey::path()?;
    let key = hostkey::load_or_create(&key_path)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let (stopping, _) = watch::channel(false);
    let shared = Arc::new(Shared {
        config,
        gate,
        users,
        store,
        start,
        start_entry,
        catalog,
        new_app: options.new_app,
        lang: options.lang,
        stopping,
    });
    runtime.block_on(serve(shared, key, &key_path, options.listen))
}

async fn serve(
    shared: Arc<Shared>,
    key: PrivateKey,
    key_path: &std::path::Path,
    listen: SocketAddr,
) -> io::Result<()> {
    let listener = TcpListener::bind(listen).await?;
    let serve = &shared.config.serve;
    log(format_args!(
        "listening on {}, host key {} ({}), {}",
        listener.local_addr()?,
        hostkey::fingerprint(&key),
        key_path.display(),
        if shared.gate.is_open() {
            "open to anyone"
        } else {
            "for the authorized keys"
        }
    ));
    let ssh = Arc::new(russh::server::Config {
        keys: vec![key],
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: serve.max_auth_attempts,
        // A connection whose dashboard ended by its idle timeout is gone by then; this
        // catches one that never opened a dashboard.
        inactivity_timeout: Some(serve.idle_timeout + Duration::from_secs(60)),
        nodelay: true,
        ..Default::default()
    });
    let limits = Arc::new(Limits::new(
        serve.max_sessions,
        serve.max_sessions_per_address,
    ));
    let auth_timeout = serve.auth_timeout;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((socket, peer)) = accepted else { continue };
                let Some(ticket) = limits.admit(peer.ip()) else {
                    log(format_args!("refused {peer}: too many sessions"));
                    drop(socket);
                    continue;
                };
                log(format_args!("connect {peer}"));
                let (shared, ssh) = (Arc::clone(&shared), Arc::clone(&ssh));
                connections.spawn(async move {
                    let _ticket = ticket;
                    connect(shared, ssh, socket, peer, auth_timeout).await;
                });
            }
            Some(_) = connections.join_next() => {}
            _ = terminate.recv() => break,
            _ = interrupt.recv() => break,
        }
    }
    drop(listener);
    log(format_args!(
        "stopping: closing {} connections",
        connections.len()
    ));
    shared.stopping.send_replace(true);
    let drained = tokio::time::timeout(DRAIN_TIME, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        log(format_args!(
            "stopped with {} connections still open",
            connections.len()
        ));
    }
    Ok(())
}

/// One connection: the handshake and login within the auth timeout, then the session.
async fn connect(
    shared: Arc<Shared>,
    ssh: Arc<russh::server::Config>,
    socket: tokio::net::TcpStream,
    peer: SocketAddr,
    auth_timeout: Duration,
) {
    let connection = Connection::new(Arc::clone(&shared), peer);
    let authenticated = Arc::clone(&connection.authenticated);
    let mut stopping = shared.stopping.subscribe();
    let Ok(Ok(running)) = tokio::time::timeout(
        auth_timeout,
        russh::server::run_stream(ssh, socket, connection),
    )
    .await
    else {
        return;
    };
    let handle = running.handle();
    tokio::pin!(running);
    let deadline = tokio::time::sleep(auth_timeout);
    tokio::pin!(deadline);
    // The conditions are read as each wait begins: a login since is checked again here.
    loop {
        tokio::select! {
            _ = &mut running => return,
            () = &mut deadline, if !authenticated.load(Ordering::SeqCst) => {
                if authenticated.load(Ordering::SeqCst) {
                    continue;
                }
                log(format_args!("refused {peer}: no login within {auth_timeout:?}"));
                break;
            }
            // A session logged in is closed by its dashboard, which tells its reader.
            _ = stopping.changed(), if !authenticated.load(Ordering::SeqCst) => {
                if !authenticated.load(Ordering::SeqCst) {
                    break;
                }
            }
        }
    }
    let _ = handle
        .disconnect(
            russh::Disconnect::ByApplication,
            "bri-dash: goodbye".to_owned(),
            String::new(),
        )
        .await;
    let _ = tokio::time::timeout(Duration::from_secs(1), running).await;
}
