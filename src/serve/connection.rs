//! One SSH connection: who it is (its login), and its one session channel, which gets a
//! dashboard once it asks for a shell on a pseudo-terminal. Nothing else is served: exec,
//! subsystems, forwarding of ports and of the agent, X11 are refused.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::layout::Size;
use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Handler, Msg, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};
use tokio::sync::mpsc;

use super::dashboard::{self, Dashboard, Input};
use super::environment::ReaderEnv;
use super::{Shared, access, log};

/// Input waiting for a dashboard that is busy: past this, a flood is dropped.
const INPUT_QUEUE: usize = 64;

/// How long a session's last words (exit status, end of file, close) may wait for its
/// reader.
const CLOSE_TIME: Duration = Duration::from_secs(2);

/// The session channel, before and after it has a dashboard.
struct Open {
    id: ChannelId,
    channel: Option<Channel<Msg>>,
    size: Option<Size>,
    env: ReaderEnv,
    inputs: Option<mpsc::Sender<Input>>,
}

pub struct Connection {
    shared: Arc<Shared>,
    peer: SocketAddr,
    started: Instant,
    /// The fingerprint of the key that logged in, or `none` for an open dashboard.
    login: Option<String>,
    pub authenticated: Arc<AtomicBool>,
    open: Option<Open>,
}

impl Connection {
    pub fn new(shared: Arc<Shared>, peer: SocketAddr) -> Connection {
        Connection {
            shared,
            peer,
            started: Instant::now(),
            login: None,
            authenticated: Arc::new(AtomicBool::new(false)),
            open: None,
        }
    }

    fn accept(&mut self, login: String) -> Auth {
        log(format_args!("auth {} accepted {login}", self.peer));
        self.login = Some(login);
        self.authenticated.store(true, Ordering::SeqCst);
        Auth::Accept
    }

    fn reject(&self, what: &str) -> Auth {
        log(format_args!("auth {} refused {what}", self.peer));
        Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::PublicKey][..])),
            partial_success: false,
        }
    }

    fn channel(&mut self, id: ChannelId) -> Option<&mut Open> {
        self.open.as_mut().filter(|open| open.id == id)
    }

    /// The dashboard for the channel, on the pty it asked for.
    fn start(&mut self, id: ChannelId) -> Result<(), &'static str> {
        let shared = Arc::clone(&self.shared);
        let peer = self.peer;
        let login = self.login.clone().unwrap_or_default();
        let Some(open) = self.channel(id) else {
            return Err("no such channel");
        };
        let Some(size) = open.size else {
            return Err("bri-dash needs a terminal: connect with `ssh -t`.\r\n");
        };
        let Some(channel) = open.channel.take() else {
            return Err("the dashboard is running already");
        };
        let (sender, inputs) = mpsc::channel(INPUT_QUEUE);
        open.inputs = Some(sender);
        let lang = open.env.language(shared.lang, shared.config.language);
        let mut app = (shared.new_app)(lang, open.env.display());
        app.catalog = shared.catalog.clone();
        app.current = shared.start_entry;
        app.follow_default = true;
        let (replies_to, replies) = mpsc::unbounded_channel();
        let client = shared.store.open(
            Arc::clone(&shared.start),
            Box::new(move |action| {
                let _ = replies_to.send(action);
            }),
        );
        let dashboard = Dashboard {
            app,
            size,
            mouse: shared.config.mouse,
            idle_timeout: shared.config.serve.idle_timeout,
            client,
            replies,
        };
        let stopping = shared.stopping.subscribe();
        tokio::spawn(async move {
            let started = Instant::now();
            // The read half is not read: input comes through `data`.
            let (_, out) = channel.split();
            let ending = dashboard::run(dashboard, inputs, &out, stopping).await;
            // A reader that takes nothing would hold these for ever.
            let _ = tokio::time::timeout(CLOSE_TIME, async {
                let _ = out.exit_status(0).await;
                let _ = out.eof().await;
                let _ = out.close().await;
            })
            .await;
            log(format_args!(
                "dashboard {peer} {login} ended ({ending:?}) after {:.1}s",
                started.elapsed().as_secs_f64()
            ));
        });
        Ok(())
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        log(format_args!(
            "disconnect {} {} after {:.1}s",
            self.peer,
            self.login.as_deref().unwrap_or("(not logged in)"),
            self.started.elapsed().as_secs_f64()
        ));
    }
}

/// A terminal size as a client sent it, within what a session draws.
fn clamp_size(columns: u32, rows: u32) -> Option<Size> {
    let side = |n: u32| u16::try_from(n.min(u32::from(crate::runtime::MAX_SIDE))).ok();
    match (side(columns)?, side(rows)?) {
        (0, _) | (_, 0) => None,
        (columns, rows) => Some(Size::new(columns, rows)),
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        Ok(if !self.shared.users.admits(user) {
            self.reject(&format!("user {user:?}"))
        } else if self.shared.gate.is_open() {
            self.accept(format!("user {user:?} without a key (open)"))
        } else {
            Auth::Reject {
                proceed_with_methods: Some(MethodSet::from(&[MethodKind::PublicKey][..])),
                partial_success: false,
            }
        })
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(if !self.shared.users.admits(user) {
            self.reject(&format!("user {user:?}"))
        } else if self.shared.gate.admits(offer.public_key) {
            Auth::Accept
        } else {
            self.reject(&format!("key {}", access::fingerprint(offer.public_key)))
        })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let public: &PublicKey = key.public_key;
        let fingerprint = access::fingerprint(public);
        Ok(
            if self.shared.users.admits(user) && self.shared.gate.admits(public) {
                self.accept(format!("user {user:?} key {fingerprint}"))
            } else {
                self.reject(&format!("key {fingerprint}"))
            },
        )
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One dashboard per connection: the session limits count connections.
        if self.open.is_some() {
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.open = Some(Open {
            id: channel.id(),
            channel: Some(channel),
            size: None,
            env: ReaderEnv::default(),
            inputs: None,
        });
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.channel(channel) {
            Some(open) if open.inputs.is_none() => {
                open.size = Some(clamp_size(columns, rows).unwrap_or(Size::new(80, 24)));
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(open) = self.channel(channel) else {
            return session.channel_failure(channel);
        };
        let honoured = open.env.set(name, value);
        if honoured {
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.start(channel) {
            Ok(()) => session.channel_success(channel),
            Err(why) => refuse(channel, session, why),
        }
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        log(format_args!("refused {}: a command", self.peer));
        refuse(
            channel,
            session,
            "bri-dash serves the dashboard only: no commands.\r\n",
        )
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        log(format_args!("refused {}: subsystem {name:?}", self.peer));
        refuse(
            channel,
            session,
            "bri-dash serves the dashboard only: no subsystems.\r\n",
        )
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let (Some(open), Some(size)) = (self.channel(channel), clamp_size(columns, rows)) {
            match &open.inputs {
                Some(inputs) => {
                    let _ = inputs.try_send(Input::Resize(size));
                }
                None => open.size = Some(size),
            }
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(inputs) = self.channel(channel).and_then(|open| open.inputs.as_ref()) {
            // A dashboard that cannot keep up loses keys rather than memory.
            let _ = inputs.try_send(Input::Bytes(data.to_vec()));
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel(channel).is_some() {
            // Dropping the sender ends the dashboard.
            self.open = None;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channel_close(channel, _session).await
    }
}

/// Says no to a channel request, with the reason on the reader's stderr, and closes it.
fn refuse(channel: ChannelId, session: &mut Session, why: &str) -> Result<(), russh::Error> {
    session.channel_failure(channel)?;
    session.extended_data(channel, 1, why.as_bytes().to_vec())?;
    session.exit_status_request(channel, 1)?;
    session.close(channel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_sizes_are_clamped_and_zero_is_none() {
        assert_eq!(clamp_size(65535, 65535), Some(Size::new(1000, 1000)));
        assert_eq!(clamp_size(u32::MAX, 40), Some(Size::new(1000, 40)));
        assert_eq!(clamp_size(120, 40), Some(Size::new(120, 40)));
        assert_eq!(clamp_size(0, 40), None);
    }
}
