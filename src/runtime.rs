//! The dashboard's event loop. Terminal input and signals arrive on one channel; the loop
//! blocks until something arrives and redraws only when the state changed, so an idle
//! dashboard wakes up for nothing.

use std::io::{self, IsTerminal};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{self, Event as TermEvent, KeyEventKind, MouseEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Command, update};
use crate::terminal;
use crate::ui;

enum Event {
    Terminal(TermEvent),
    Signal(i32),
    InputClosed(String),
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

pub fn run(mut app: App, mouse: bool) -> io::Result<Exit> {
    let (sender, events) = mpsc::channel();
    // Signals first, so that a SIGTERM during start-up is not lost.
    spawn_signal_thread(sender.clone())?;
    terminal::install_panic_hook();
    terminal::enter(mouse)?;
    let result = event_loop(&mut app, mouse, sender, events);
    terminal::restore();
    result
}

fn event_loop(
    app: &mut App,
    mouse: bool,
    sender: Sender<Event>,
    events: Receiver<Event>,
) -> io::Result<Exit> {
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = term.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    draw(&mut term, app)?;
    spawn_input_thread(sender);
    loop {
        let Ok(event) = events.recv() else {
            return Ok(Exit::Quit);
        };
        let action = match event {
            Event::Terminal(event) => match to_action(app, &event) {
                Some(action) => action,
                None => continue,
            },
            Event::Signal(SIGTSTP) => Action::Suspend,
            Event::Signal(SIGCONT) => {
                // Resumed by a job-control `fg` without having suspended ourselves.
                let size = term.size()?;
                term.clear()?;
                Action::Resize {
                    width: size.width,
                    height: size.height,
                }
            }
            Event::Signal(signal) => return Ok(Exit::Signal(signal)),
            Event::InputClosed(reason) => return Err(io::Error::other(reason)),
        };
        match update(app, action) {
            Command::None => {}
            Command::Redraw => draw(&mut term, app)?,
            Command::Quit => return Ok(Exit::Quit),
            Command::Suspend => {
                suspend(mouse)?;
                let size = term.size()?;
                term.clear()?;
                update(
                    app,
                    Action::Resize {
                        width: size.width,
                        height: size.height,
                    },
                );
                draw(&mut term, app)?;
            }
        }
    }
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

fn to_action(app: &App, event: &TermEvent) -> Option<Action> {
    match event {
        TermEvent::Key(key) if key.kind == KeyEventKind::Press => app.keymap.action_for(key),
        TermEvent::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        TermEvent::Mouse(mouse) => {
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
