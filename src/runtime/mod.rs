//! The dashboard's event loop. Terminal input, signals and file changes arrive on one
//! channel; the loop blocks until something arrives and redraws only when the state
//! changed, so an idle dashboard wakes up for nothing. The one timed wake-up is the end
//! of a passing notice ("reloaded"), and only while one is on screen.

mod library;
mod signals;
pub mod terminal;
mod watch;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyEventKind, MouseEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGCONT, SIGHUP};

pub use library::Library;
use signals::spawn_signal_thread;
use watch::FileWatch;

use crate::app::{Action, App, Command, LoadReason, update};
use crate::ui;

/// How long a passing notice stays on screen.
const NOTICE_TIME: Duration = Duration::from_secs(2);

/// The largest frame drawn, each way. A terminal (or a pty set by a stranger) may report
/// 65535×65535: a frame of that size is 4 billion cells, an allocation that aborts the
/// process past any hook, leaving the terminal raw. Beyond this the dashboard draws in the
/// top-left corner, as it would on a screen that large.
pub const MAX_SIDE: u16 = 1000;

enum Event {
    Terminal(TermEvent),
    Signal(i32),
    /// SIGTSTP, with the count of SIGCONTs that had arrived before it.
    Stop {
        continued: usize,
    },
    FileChanged(PathBuf),
    /// The terminal's input ended or failed: the terminal is gone.
    InputClosed,
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

pub fn run(mut app: App, mut library: Library, options: Options) -> io::Result<Exit> {
    let (sender, events) = mpsc::channel();
    // Signals first, so that a SIGTERM during start-up is not lost.
    let continued = spawn_signal_thread(sender.clone())?;
    let mut file_watch = if options.watch {
        FileWatch::new(watch::to_channel(sender.clone(), Event::FileChanged)).ok()
    } else {
        None
    };
    if let Some(file_watch) = &mut file_watch {
        file_watch.set_files(&library.watched_files());
    }
    app.catalog = library.catalog(false);
    app.current = library.shown_entry();
    terminal::install_panic_hook();
    terminal::enter(options.mouse)?;
    let mut session = Session {
        app: &mut app,
        library: &mut library,
        file_watch,
        mouse: options.mouse,
        continued,
        continued_at_stop: 0,
        pending: None,
        followup: None,
    };
    let result = session.event_loop(sender, events);
    terminal::restore();
    match result {
        // Writing to a terminal that was closed fails with EIO: that is a hang-up, the same
        // end as the SIGHUP that comes with it, whichever of the two is noticed first.
        Err(error) if error.raw_os_error() == Some(libc::EIO) => Ok(Exit::Signal(SIGHUP)),
        result => result,
    }
}

struct Session<'a> {
    app: &'a mut App,
    library: &'a mut Library,
    file_watch: Option<FileWatch>,
    mouse: bool,
    /// How many SIGCONTs have arrived, counted by the signal handler as they come.
    continued: Arc<AtomicUsize>,
    /// That count when the last stop was asked for: a SIGCONT since then means the stop
    /// is over already (SIGTSTP and SIGCONT sent together while the loop was busy), and
    /// stopping now would stop for good, with nobody left to send another SIGCONT.
    continued_at_stop: usize,
    /// An event read ahead while coalescing resizes, handled next.
    pending: Option<Event>,
    /// An action that follows the one just applied: the new catalog, after the shown
    /// dataset was read from the new place a config save gave it.
    followup: Option<Action>,
}

type Term = Terminal<CrosstermBackend<io::Stdout>>;

impl Session<'_> {
    fn event_loop(&mut self, sender: Sender<Event>, events: Receiver<Event>) -> io::Result<Exit> {
        // crossterm starts listening for SIGWINCH when its event reader is first used; use it
        // now, so that a resize during start-up is not lost.
        event::poll(Duration::ZERO)?;
        // A fixed viewport, resized only by the loop to a size it has clamped: ratatui's
        // own resizing would allocate whatever size the terminal reports.
        let mut term = Terminal::with_options(
            CrosstermBackend::new(io::stdout()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::ZERO),
            },
        )?;
        let result = self.run_on(&mut term, sender, events);
        // ratatui's Terminal shows the cursor when dropped and reports a failure with
        // eprintln!, which panics when stderr is a terminal that was closed (exit 101 instead
        // of a hang-up's 129). The terminal is given back by `terminal::restore` anyway.
        if term.show_cursor().is_err() {
            std::mem::forget(term);
        }
        result
    }

    fn run_on(
        &mut self,
        term: &mut Term,
        sender: Sender<Event>,
        events: Receiver<Event>,
    ) -> io::Result<Exit> {
        let size = take_back(term)?;
        update(
            self.app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        draw(term, self.app)?;
        spawn_input_thread(sender);
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
                None => Action::DismissNotice,
                Some(event) => match self.action_for(term, event)? {
                    Ok(action) => action,
                    Err(exit) => return Ok(exit),
                },
            };
            let had_notice = self.app.banner.as_ref().is_some_and(|b| b.is_notice());
            if let Some(exit) = self.apply(term, action)? {
                return Ok(exit);
            }
            if let Some(followup) = self.followup.take()
                && let Some(exit) = self.apply(term, followup)?
            {
                return Ok(exit);
            }
            let has_notice = self.app.banner.as_ref().is_some_and(|b| b.is_notice());
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

    /// Turns an event into an action, or into the end of the session.
    fn action_for(&mut self, term: &mut Term, event: Event) -> io::Result<Result<Action, Exit>> {
        Ok(Ok(match event {
            Event::Terminal(TermEvent::Resize(width, height)) => {
                let size = resize(term, Size::new(width, height))?;
                Action::Resize {
                    width: size.width,
                    height: size.height,
                }
            }
            Event::Terminal(event) => match terminal_action(self.app, &event, self.mouse) {
                Some(Action::Suspend) => {
                    self.continued_at_stop = self.continued.load(Ordering::SeqCst);
                    Action::Suspend
                }
                Some(action) => action,
                // An event with no meaning here: a no-op that draws nothing.
                None => Action::DismissNotice,
            },
            Event::Stop { continued } => {
                self.continued_at_stop = continued;
                Action::Suspend
            }
            Event::Signal(SIGCONT) => {
                // Resumed by a job-control `fg` without having suspended ourselves.
                let size = take_back(term)?;
                Action::Resize {
                    width: size.width,
                    height: size.height,
                }
            }
            Event::Signal(signal) => return Ok(Err(Exit::Signal(signal))),
            Event::FileChanged(path) => {
                if Some(&path)
                    == self
                        .library
                        .config_file()
                        .map(|p| watch::absolute(&p))
                        .as_ref()
                {
                    match self.library.reload_config() {
                        (catalog, Some(moved)) => {
                            self.rewatch();
                            // The moved dataset first: the new catalog may then switch to a
                            // new default, which a later reload would undo.
                            self.followup = Some(catalog);
                            moved
                        }
                        (action, None) => action,
                    }
                } else {
                    self.library.reload_shown()
                }
            }
            // The terminal is gone (closed, or its session ended): a hang-up.
            Event::InputClosed => return Ok(Err(Exit::Signal(SIGHUP))),
        }))
    }

    /// Applies an action and carries out the commands it leads to, which may bring more
    /// actions (a load reports back with its result).
    fn apply(&mut self, term: &mut Term, action: Action) -> io::Result<Option<Exit>> {
        let mut next = Some(action);
        while let Some(action) = next.take() {
            match update(self.app, action) {
                Command::None => {}
                Command::Redraw => draw(term, self.app)?,
                Command::Quit => return Ok(Some(Exit::Quit)),
                Command::Suspend => {
                    if self.continued.load(Ordering::SeqCst) == self.continued_at_stop {
                        suspend(self.mouse)?;
                    }
                    let size = take_back(term)?;
                    update(
                        self.app,
                        Action::Resize {
                            width: size.width,
                            height: size.height,
                        },
                    );
                    draw(term, self.app)?;
                }
                Command::Load(index) => {
                    next = Some(self.library.load(index, LoadReason::Switch));
                    self.rewatch();
                }
                Command::Reload => next = Some(self.library.reload_shown()),
                Command::Compare(index) => {
                    next = Some(self.library.load(index, LoadReason::Compare))
                }
                Command::ScanCatalog => {
                    // Show the picker at once; titles and statuses follow.
                    draw(term, self.app)?;
                    next = Some(self.library.catalog_action());
                }
            }
        }
        Ok(None)
    }

    fn rewatch(&mut self) {
        if let Some(file_watch) = &mut self.file_watch {
            file_watch.set_files(&self.library.watched_files());
        }
    }
}

/// After a suspend: clear and redraw everything at the current size. (`Terminal::clear`
/// would ask the terminal for the cursor position, which cannot be answered while the
/// input thread holds the event reader.)
fn take_back(term: &mut Term) -> io::Result<Size> {
    let size = term.size()?;
    resize(term, size)
}

/// Sizes the frame to the terminal's `size`, at most [`MAX_SIDE`] each way; returns the
/// size drawn.
fn resize(term: &mut Term, size: Size) -> io::Result<Size> {
    let size = Size::new(size.width.min(MAX_SIDE), size.height.min(MAX_SIDE));
    term.resize(Rect::from((ratatui::layout::Position::ORIGIN, size)))?;
    Ok(size)
}

fn draw(term: &mut Terminal<CrosstermBackend<io::Stdout>>, app: &App) -> io::Result<()> {
    // Synchronized output: the terminal shows the frame whole, never half-drawn.
    crossterm::queue!(term.backend_mut(), BeginSynchronizedUpdate)?;
    term.draw(|frame| ui::view(app, frame))?;
    crossterm::execute!(term.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

/// Gives the terminal back, stops the process, and takes the terminal again on `fg`.
fn suspend(mouse: bool) -> io::Result<()> {
    terminal::restore();
    // SIGSTOP cannot be caught: the process stops here until SIGCONT.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    terminal::enter(mouse)
}

fn terminal_action(app: &App, event: &TermEvent, mouse_enabled: bool) -> Option<Action> {
    match event {
        // (Resizes are clamped and applied by the loop before this: see `action_for`.)
        TermEvent::Key(key) if key.kind == KeyEventKind::Press => app.key_action(key),
        // With the mouse off, a terminal that reports it anyway is ignored.
        TermEvent::Mouse(mouse) if mouse_enabled => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(event::MouseButton::Left) => {
                    Some(Action::Click { column, row })
                }
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The pseudo-terminal tests prove that a panic gives the terminal back, on the main
/// thread and on another one; this is how they cause one, after the first frame.
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
