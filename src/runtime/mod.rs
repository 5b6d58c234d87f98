//! The dashboard's event loop. Terminal input, signals and file changes arrive on one
//! channel; the loop blocks until something arrives and redraws only when the state
//! changed, so an idle dashboard wakes up for nothing. The one timed wake-up is the end
//! of a passing notice ("reloaded"), and only while one is on screen.

mod library;
mod watch;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyEventKind, MouseEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

pub use library::Library;
use watch::FileWatch;

use crate::app::{Action, App, Command, LoadReason, update};
use crate::terminal;
use crate::ui;

/// How long a passing notice stays on screen.
const NOTICE_TIME: Duration = Duration::from_secs(2);

enum Event {
    Terminal(TermEvent),
    Signal(i32),
    FileChanged(PathBuf),
    InputClosed(String),
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
    spawn_signal_thread(sender.clone())?;
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
    };
    let result = session.event_loop(sender, events);
    terminal::restore();
    result
}

struct Session<'a> {
    app: &'a mut App,
    library: &'a mut Library,
    file_watch: Option<FileWatch>,
    mouse: bool,
}

type Term = Terminal<CrosstermBackend<io::Stdout>>;

impl Session<'_> {
    fn event_loop(&mut self, sender: Sender<Event>, events: Receiver<Event>) -> io::Result<Exit> {
        // crossterm starts listening for SIGWINCH when its event reader is first used; use it
        // now, so that a resize during start-up is not lost.
        event::poll(Duration::ZERO)?;
        let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let size = term.size()?;
        update(
            self.app,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
        );
        draw(&mut term, self.app)?;
        spawn_input_thread(sender);
        crash_for_tests();
        let mut notice_until: Option<Instant> = None;
        loop {
            let event = match notice_until {
                Some(deadline) => {
                    match events.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                        Ok(event) => Some(event),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
                    }
                }
                None => match events.recv() {
                    Ok(event) => Some(event),
                    Err(_) => return Ok(Exit::Quit),
                },
            };
            let action = match event {
                None => Action::DismissNotice,
                Some(event) => match self.action_for(&mut term, event)? {
                    Ok(action) => action,
                    Err(exit) => return Ok(exit),
                },
            };
            let had_notice = self.app.banner.as_ref().is_some_and(|b| b.is_notice());
            if let Some(exit) = self.apply(&mut term, action)? {
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

    /// Turns an event into an action, or into the end of the session.
    fn action_for(&mut self, term: &mut Term, event: Event) -> io::Result<Result<Action, Exit>> {
        Ok(Ok(match event {
            Event::Terminal(event) => match terminal_action(self.app, &event, self.mouse) {
                Some(action) => action,
                // An event with no meaning here: a no-op that draws nothing.
                None => Action::DismissNotice,
            },
            Event::Signal(SIGTSTP) => Action::Suspend,
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
                    self.library.reload_config()
                } else {
                    self.library.reload_shown()
                }
            }
            Event::InputClosed(reason) => return Err(io::Error::other(reason)),
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
                    suspend(self.mouse)?;
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
fn take_back(term: &mut Term) -> io::Result<ratatui::layout::Size> {
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
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
        TermEvent::Key(key) if key.kind == KeyEventKind::Press => app.key_action(key),
        TermEvent::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
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
                Err(error) => Event::InputClosed(error.to_string()),
            };
            let closed = matches!(message, Event::InputClosed(_));
            if sender.send(message).is_err() || closed {
                return;
            }
        }
    });
}

fn spawn_signal_thread(sender: Sender<Event>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(Event::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}
