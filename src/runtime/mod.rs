//! The dashboard's local front end: the terminal of this process. Terminal input,
//! signals, timers and the worker's results (loads, file changes) arrive on one channel;
//! the loop blocks until something arrives and redraws only when the state changed, so an
//! idle dashboard wakes up for nothing. The one timed wake-up is the end of a passing
//! notice ("reloaded"), and only while one is on screen.
//!
//! ```text
//! stdin ─ input thread ─┐
//! signals ─ thread ─────┼─▶ channel ─▶ loop: event ─▶ input ─▶ action ─▶ Session (update,
//! store worker ─────────┘                 draw) ─▶ command ─▶ store request / suspend / quit
//! (loads, file watch)
//! ```

mod job_control;
mod library;
mod opener;
pub mod session;
mod signals;
mod store;
pub mod terminal;
mod watch;

use std::io::{self, BufWriter, IsTerminal};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent};
use ratatui::layout::Size;
use signal_hook::consts::{SIGCONT, SIGHUP};

use job_control::JobControl;
pub use library::Library;
pub use session::{MAX_SIDE, Session};
use signals::{catch_ending_signals, spawn_signal_thread};
pub use store::{Client, Reply, Store};

use crate::app::{Action, App, Command, LoadReason};
use crate::input;

/// How long a passing notice stays on screen.
const NOTICE_TIME: Duration = Duration::from_secs(2);

enum Event {
    Terminal(TermEvent),
    Signal(i32),
    /// A SIGTSTP is pending: a stop asked for from outside.
    Stop,
    /// From the store's worker: a load's result, or a watched file that changed.
    Store(Action),
    /// The terminal's input ended or failed: the terminal is gone.
    InputClosed,
    /// An action the loop gave itself, to be handled after the input that came before it
    /// (the next slice of a search).
    Later(Action),
}

/// What the loop needs besides the app: where data comes from, and whether to watch it.
pub struct Options {
    pub mouse: bool,
    pub watch: bool,
}

/// How the dashboard ended.
pub enum Exit {
    Quit,
    /// Ended by a signal; the exit code is 128 + the signal.
    Signal(i32),
}

/// Refuses to start without a terminal: escape codes must never end up in a pipe or file.
pub fn require_terminal() -> Result<(), String> {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err("the dashboard needs a terminal (stdin and stdout must both be a terminal).\n\
             Without one, use: bri-dash check, bri-dash render, bri-dash list (see bri-dash --help)."
            .to_owned())
    }
}

pub fn run(mut app: App, library: Library, options: Options) -> io::Result<Exit> {
    let (sender, events) = mpsc::channel();
    // Job control blocked before any other thread starts (they inherit the signal mask);
    // the ending signals caught from the start, so that a SIGTERM during start-up is not
    // lost. The threads that read both, and the store's worker, start after the first
    // frame: what comes before waits for them.
    JobControl::block();
    let ending_signals = catch_ending_signals()?;
    app.catalog = library.catalog(false);
    app.current = library.start_entry();
    let (store, worker) = Store::new(library, options.watch);
    terminal::install_panic_hook();
    terminal::enter(options.mouse)?;
    let result = first_frame(app).and_then(|session| {
        worker.start();
        let job_control = JobControl::start(sender.clone())?;
        spawn_signal_thread(ending_signals, sender.clone());
        // Only now is the session opened on the store's worker: opening builds the search
        // index, which took the CPU from the first frame (0.3–0.4 ms of start-up on two
        // cores). A dataset read again meanwhile comes with the opening.
        let replies = sender.clone();
        let client = store.open(
            Arc::clone(&session.app.dataset),
            Box::new(move |action| {
                let _ = replies.send(Event::Store(action));
            }),
        );
        let mut local = Local {
            session,
            store: client,
            mouse: options.mouse,
            job_control,
            stop_reported: false,
            pending: None,
            later: sender.clone(),
        };
        let result = local.event_loop(sender, events);
        // ratatui's Terminal shows the cursor when dropped and reports a failure with
        // eprintln!, which panics when stderr is a terminal that was closed (exit 101
        // instead of a hang-up's 129). The terminal is given back by `terminal::restore`.
        if local.session.show_cursor().is_err() {
            std::mem::forget(local.session);
        }
        result
    });
    terminal::restore();
    match result {
        // Writing to a terminal that was closed fails with EIO: that is a hang-up, the same
        // end as the SIGHUP that comes with it, whichever of the two is noticed first.
        Err(error) if error.raw_os_error() == Some(libc::EIO) => Ok(Exit::Signal(SIGHUP)),
        result => result,
    }
}

/// The session on this terminal, its first frame drawn.
fn first_frame(app: App) -> io::Result<Session<BufWriter<io::Stdout>>> {
    // crossterm starts listening for SIGWINCH when its event reader is first used; use it
    // before the size is read, so that a resize during start-up is not lost.
    event::poll(Duration::ZERO)?;
    let (width, height) = crossterm::terminal::size()?;
    let (mut session, sized) = Session::new(app, frame_writer(), Size::new(width, height))?;
    // The size is news to the state (built at 0×0), so applying it draws.
    session.apply(sized)?;
    Ok(session)
}

/// The terminal's output, buffered to hold a whole frame: each frame (flushed at its end)
/// is then one write to the terminal, not a write per 1 KiB of the standard output's own
/// line buffer, each of which wakes the terminal to read it.
fn frame_writer() -> BufWriter<io::Stdout> {
    BufWriter::with_capacity(1 << 16, io::stdout())
}

/// The session on this process's terminal, and what the front end keeps besides it.
struct Local {
    session: Session<BufWriter<io::Stdout>>,
    store: Client,
    mouse: bool,
    job_control: JobControl,
    /// The suspend under way was asked for by a SIGTSTP (not Ctrl+Z), which is still
    /// pending unless a SIGCONT has ended the stop before it began.
    stop_reported: bool,
    /// An event read ahead while coalescing resizes, handled next.
    pending: Option<Event>,
    /// The loop's own channel, for the actions it gives itself.
    later: Sender<Event>,
}

impl Local {
    fn event_loop(&mut self, sender: Sender<Event>, events: Receiver<Event>) -> io::Result<Exit> {
        spawn_input_thread(sender);
        #[cfg(debug_assertions)]
        crash_for_tests();
        let mut notice_until: Option<Instant> = None;
        loop {
            let event = match self.pending.take() {
                Some(event) => Some(event),
                None => match notice_until {
                    Some(deadline) => {
                        match events
                            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                        {
                            Ok(event) => Some(event),
                            Err(RecvTimeoutError::Timeout) => None,
                            Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
                        }
                    }
                    None => match events.recv() {
                        Ok(event) => Some(event),
                        Err(_) => return Ok(Exit::Quit),
                    },
                },
            };
            let event = event.map(|event| self.coalesce_resizes(event, &events));
            let action = match event {
                None => Some(Action::NoticeExpired),
                Some(event) => match self.action_for(event)? {
                    Ok(action) => action,
                    Err(exit) => return Ok(exit),
                },
            };
            // Input that means nothing here changes nothing and draws nothing.
            let Some(action) = action else { continue };
            let had_notice = self
                .session
                .app
                .banner
                .as_ref()
                .is_some_and(|b| b.is_notice());
            if let Some(exit) = self.apply(action)? {
                return Ok(exit);
            }
            let has_notice = self
                .session
                .app
                .banner
                .as_ref()
                .is_some_and(|b| b.is_notice());
            notice_until = match (had_notice, has_notice) {
                (_, false) => None,
                (false, true) => Some(Instant::now() + NOTICE_TIME),
                (true, true) => notice_until.or(Some(Instant::now() + NOTICE_TIME)),
            };
        }
    }

    /// The last of a run of resizes already queued behind `event`: a storm of SIGWINCH
    /// (a window dragged for seconds) is one layout and one frame, not a backlog of them.
    /// The first other event read is kept for the next turn of the loop.
    fn coalesce_resizes(&mut self, mut event: Event, events: &Receiver<Event>) -> Event {
        while matches!(event, Event::Terminal(TermEvent::Resize(..))) {
            match events.try_recv() {
                Ok(next @ Event::Terminal(TermEvent::Resize(..))) => event = next,
                Ok(other) => {
                    self.pending = Some(other);
                    break;
                }
                Err(_) => break,
            }
        }
        event
    }

    /// Turns an event into an action (or none), or into the end of the session.
    fn action_for(&mut self, event: Event) -> io::Result<Result<Option<Action>, Exit>> {
        Ok(Ok(match event {
            Event::Terminal(TermEvent::Resize(width, height)) => {
                Some(self.session.resize(Size::new(width, height))?)
            }
            // With the mouse off, a terminal that reports it anyway is ignored.
            Event::Terminal(TermEvent::Mouse(_)) if !self.mouse => None,
            Event::Terminal(event) => {
                input::from_crossterm(&event).and_then(|input| self.session.action_for(input))
            }
            Event::Stop => {
                self.stop_reported = true;
                Some(Action::Suspend)
            }
            // Resumed by a job-control `fg` without having suspended ourselves.
            Event::Signal(SIGCONT) => Some(take_back(&mut self.session)?),
            Event::Signal(signal) => return Ok(Err(Exit::Signal(signal))),
            Event::Store(action) | Event::Later(action) => Some(action),
            // The terminal is gone (closed, or its session ended): a hang-up.
            Event::InputClosed => return Ok(Err(Exit::Signal(SIGHUP))),
        }))
    }

    /// Applies an action and carries out the command it leads to.
    fn apply(&mut self, action: Action) -> io::Result<Option<Exit>> {
        match self.session.apply(action)? {
            Command::None | Command::Redraw => {}
            Command::Quit => return Ok(Some(Exit::Quit)),
            Command::Suspend => {
                terminal::restore();
                self.job_control
                    .stop(std::mem::take(&mut self.stop_reported));
                terminal::enter(self.mouse)?;
                let resized = take_back(&mut self.session)?;
                self.session.apply(resized)?;
                self.session.draw()?;
            }
            Command::Load(index) => self.store.load(index, LoadReason::Switch),
            Command::Compare(index) => self.store.load(index, LoadReason::Compare),
            Command::Reload => self.store.reload(),
            Command::ScanCatalog => self.store.scan_catalog(),
            Command::Copy(text) => self.session.copy(&text)?,
            Command::OpenUrl(url) => {
                if opener::open(&url).is_err() {
                    self.session.apply(Action::OpenFailed)?;
                }
            }
            Command::ContinueSearch => {
                let _ = self.later.send(Event::Later(Action::SearchContinue));
            }
        }
        Ok(None)
    }
}

/// After a suspend or at start: the frame sized to the terminal, cleared, to be drawn
/// whole. (`Terminal::clear` would ask the terminal for the cursor position, which cannot
/// be answered while the input thread holds the event reader.)
fn take_back(session: &mut Session<BufWriter<io::Stdout>>) -> io::Result<Action> {
    let (width, height) = crossterm::terminal::size()?;
    session.resize(Size::new(width, height))
}

/// The pseudo-terminal tests prove that a panic gives the terminal back, on the main
/// thread and on another one; this is how they cause one, after the first frame. Debug
/// builds only (the tests run the debug binary): a release binary has no such switch.
#[cfg(debug_assertions)]
fn crash_for_tests() {
    match std::env::var("BRI_DASH_TEST_PANIC").as_deref() {
        Ok("main") => panic!("a panic on the main thread, asked for by BRI_DASH_TEST_PANIC"),
        Ok("thread") => {
            let _ = thread::spawn(|| {
                panic!("a panic on another thread, asked for by BRI_DASH_TEST_PANIC")
            })
            .join();
        }
        _ => {}
    }
}

fn spawn_input_thread(sender: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(event) => Event::Terminal(event),
                Err(_) => Event::InputClosed,
            };
            let closed = matches!(message, Event::InputClosed);
            if sender.send(message).is_err() || closed {
                return;
            }
        }
    });
}
