//! One reader's dashboard: a [`Session`] on an SSH channel. Its input (bytes, resizes),
//! the store's replies and its timers arrive in one task, which applies them in order
//! and sends each frame on. The frames go through a queue of [`FRAME_QUEUE`]: a reader
//! too slow to take them has frames dropped, and gets one whole frame once it catches
//! up, so it never holds up another session nor grows the server's memory.

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::layout::Size;
use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::{Notify, mpsc, watch};
use tokio::time::{Instant, sleep_until};

use crate::app::{Action, App, Command, LoadReason};
use crate::input::ByteInput;
use crate::runtime::{Client, Session};

/// How long a passing notice stays on screen.
const NOTICE_TIME: Duration = Duration::from_secs(2);

/// How long after the last byte an unfinished sequence is read as it stands (a lone Esc).
const ESC_WAIT: Duration = Duration::from_millis(30);

/// Frames waiting to be sent, per session.
const FRAME_QUEUE: usize = 2;

/// What the connection hands its dashboard.
#[derive(Debug)]
pub enum Input {
    Bytes(Vec<u8>),
    Resize(Size),
}

/// Why a dashboard ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// The connection went away.
    Gone,
    Idle,
    /// The server is stopping.
    Drain,
    /// A panic in this session's update or drawing: this session ends, the server goes on.
    Crashed,
}

impl Ending {
    /// What the reader is told as the dashboard closes.
    fn farewell(self) -> &'static str {
        match self {
            Ending::Quit | Ending::Gone => "",
            Ending::Idle => "bri-dash: closed after a long time without input.\r\n",
            Ending::Drain => "bri-dash: the server is stopping; come back later.\r\n",
            Ending::Crashed => "bri-dash: this session hit an internal error and was closed.\r\n",
        }
    }
}

/// Where the session's frames are written: memory, taken whole after each frame.
#[derive(Clone, Default)]
struct Frames(Arc<Mutex<Vec<u8>>>);

impl Frames {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut bytes| std::mem::take(&mut *bytes))
            .unwrap_or_default()
    }
}

impl Write for Frames {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub struct Dashboard {
    pub app: App,
    pub size: Size,
    pub mouse: bool,
    pub idle_timeout: Duration,
    pub client: Client,
    pub replies: mpsc::UnboundedReceiver<Action>,
}

/// Runs the dashboard until it ends; the channel is closed by the caller.
pub async fn run(
    dashboard: Dashboard,
    mut inputs: mpsc::Receiver<Input>,
    out: &ChannelWriteHalf<Msg>,
    mut stopping: watch::Receiver<bool>,
) -> Ending {
    let Dashboard {
        app,
        size,
        mouse,
        idle_timeout,
        client,
        mut replies,
    } = dashboard;
    let frames = Frames::default();
    let Ok((session, sized)) = Session::new(app, frames.clone(), size) else {
        return Ending::Crashed;
    };
    let (queue, mut queued) = mpsc::channel::<Vec<u8>>(FRAME_QUEUE);
    let drained = Arc::new(Notify::new());
    let writer_drained = Arc::clone(&drained);
    // The frames go out on their own task: waiting for a slow reader's window holds up
    // nothing but that reader's frames.
    let sending = async {
        while let Some(bytes) = queued.recv().await {
            if out.data_bytes(bytes).await.is_err() {
                return;
            }
            writer_drained.notify_one();
        }
    };
    let mut live = Live {
        session,
        frames,
        queue,
        stale: false,
        client,
        searching: false,
    };
    let dashboard = async {
        if live.start(sized, mouse).is_err() {
            return Ending::Crashed;
        }
        let mut idle_at = Instant::now() + idle_timeout;
        let mut flush_at: Option<Instant> = None;
        let mut notice_at: Option<Instant> = None;
        let mut input = ByteInput::default();
        loop {
            let far = Instant::now() + idle_timeout;
            let actions: Vec<Action> = tokio::select! {
                received = inputs.recv() => match received {
                    None => return Ending::Gone,
                    Some(Input::Bytes(bytes)) => {
                        idle_at = Instant::now() + idle_timeout;
                        flush_at = Some(Instant::now() + ESC_WAIT);
                        let events = input.feed(&bytes);
                        match live.actions_for(events) {
                            Ok(actions) => actions,
                            Err(ending) => return ending,
                        }
                    }
                    Some(Input::Resize(size)) => match live.session.resize(size) {
                        Ok(action) => vec![action],
                        Err(_) => return Ending::Gone,
                    },
                },
                Some(action) = replies.recv() => vec![action],
                () = sleep_until(flush_at.unwrap_or(far)), if flush_at.is_some() => {
                    flush_at = None;
                    let events = input.flush();
                    match live.actions_for(events) {
                        Ok(actions) => actions,
                        Err(ending) => return ending,
                    }
                }
                () = sleep_until(notice_at.unwrap_or(far)), if notice_at.is_some() => {
                    notice_at = None;
                    vec![Action::NoticeExpired]
                }
                () = drained.notified(), if live.stale => {
                    if live.redraw_whole().is_err() {
                        return Ending::Crashed;
                    }
                    Vec::new()
                }
                // After whatever else is ready (select! picks among ready branches at random,
                // so input waiting is read too): the next slice of a running query.
                () = tokio::task::yield_now(), if live.searching => {
                    live.searching = false;
                    vec![Action::SearchContinue]
                }
                () = sleep_until(idle_at) => return Ending::Idle,
                _ = stopping.changed() => return Ending::Drain,
            };
            for action in actions {
                let had_notice = live.has_notice();
                match live.apply(action) {
                    Ok(Some(ending)) => return ending,
                    Ok(None) => {}
                    Err(ending) => return ending,
                }
                notice_at = match (had_notice, live.has_notice()) {
                    (_, false) => None,
                    (false, true) => Some(Instant::now() + NOTICE_TIME),
                    (true, true) => notice_at.or(Some(Instant::now() + NOTICE_TIME)),
                };
            }
        }
    };
    // The dashboard ends first (the sender's loop ends when `live` drops its queue).
    let ending = tokio::select! {
        ending = dashboard => ending,
        () = sending => Ending::Gone,
    };
    // Bounded: a reader that takes nothing must not keep the task.
    let _ = tokio::time::timeout(
        Duration::from_secs(2),
        out.data_bytes(restore_bytes(ending)),
    )
    .await;
    ending
}

/// What gives the reader's terminal back: mouse off, the main screen, the cursor shown.
fn restore_bytes(ending: Ending) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = crossterm::queue!(
        bytes,
        DisableMouseCapture,
        crossterm::terminal::EndSynchronizedUpdate,
        LeaveAlternateScreen,
        Show
    );
    bytes.extend_from_slice(ending.farewell().as_bytes());
    bytes
}

/// The session and the way its frames leave.
struct Live {
    session: Session<Frames>,
    frames: Frames,
    queue: mpsc::Sender<Vec<u8>>,
    /// A frame was dropped: the reader's screen is behind until a whole frame is sent.
    stale: bool,
    client: Client,
    /// A query is still running: its next slice comes once the input waiting is read.
    searching: bool,
}

impl Live {
    /// The reader's terminal taken (alternate screen, no cursor, the mouse if the config
    /// wants it) and the first frame, inside the same fence as every later one: `sized`,
    /// the action that tells the state the reader's size, applied.
    fn start(&mut self, sized: Action, mouse: bool) -> io::Result<()> {
        panic::catch_unwind(AssertUnwindSafe(|| self.first_frame(sized, mouse)))
            .unwrap_or_else(|_| Err(io::Error::other("a panic while drawing")))
    }

    fn first_frame(&mut self, sized: Action, mouse: bool) -> io::Result<()> {
        let mut setup = Vec::new();
        crossterm::queue!(setup, EnterAlternateScreen, Hide)?;
        if mouse {
            crossterm::queue!(setup, EnableMouseCapture)?;
        }
        let mut frames = self.frames.clone();
        frames.write_all(&setup)?;
        self.session.apply(sized)?;
        self.send();
        Ok(())
    }

    fn has_notice(&self) -> bool {
        self.session
            .app
            .banner
            .as_ref()
            .is_some_and(|banner| banner.is_notice())
    }

    /// What the input means; a panic there ends this session like one in `apply`.
    fn actions_for(&self, events: Vec<crate::input::Event>) -> Result<Vec<Action>, Ending> {
        panic::catch_unwind(AssertUnwindSafe(|| {
            events
                .into_iter()
                .filter_map(|event| self.session.action_for(event))
                .collect()
        }))
        .map_err(|_| Ending::Crashed)
    }

    /// Applies an action inside a fence: a panic ends this session only.
    fn apply(&mut self, action: Action) -> Result<Option<Ending>, Ending> {
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| self.session.apply(action)));
        let command = match outcome {
            Ok(Ok(command)) => command,
            Ok(Err(_)) => return Err(Ending::Gone),
            Err(_) => return Err(Ending::Crashed),
        };
        self.send();
        match command {
            Command::Quit => return Ok(Some(Ending::Quit)),
            // No job control over SSH: the reader's own shell is not ours to stop.
            Command::None | Command::Redraw | Command::Suspend => {}
            Command::Load(index) => self.client.load(index, LoadReason::Switch),
            Command::Compare(index) => self.client.load(index, LoadReason::Compare),
            Command::Reload => self.client.reload(),
            Command::ScanCatalog => self.client.scan_catalog(),
            Command::ContinueSearch => self.searching = true,
            // A reader's browser is on the reader's machine: nothing a reader does runs a
            // program on the server (update shows the address instead, see App::opener).
            Command::OpenUrl(_) => {}
            Command::Copy(text) => {
                if self.session.copy(&text).is_err() {
                    return Err(Ending::Gone);
                }
                self.send();
            }
        }
        Ok(None)
    }

    /// The reader caught up after frames were dropped: one whole frame, from a clear
    /// screen, puts it right.
    fn redraw_whole(&mut self) -> io::Result<()> {
        self.stale = false;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| self.session.redraw_whole()));
        match outcome {
            Ok(result) => result?,
            Err(_) => return Err(io::Error::other("a panic while drawing")),
        }
        self.send();
        Ok(())
    }

    /// Queues what was written since the last frame; drops it when the queue is full.
    fn send(&mut self) {
        let bytes = self.frames.take();
        if bytes.is_empty() {
            return;
        }
        if self.queue.try_send(bytes).is_err() {
            self.stale = true;
        }
    }
}
