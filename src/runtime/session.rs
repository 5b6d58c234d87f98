//! One dashboard on one terminal: the state, the terminal it draws on (any `Write`: the
//! local stdout, a test's buffer, later an SSH channel), and the geometry of the last frame,
//! which the input layer reads. The front end that owns the session feeds it input and
//! carries out the commands its updates return.

use std::io::{self, Write};

use crossterm::cursor::Hide;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, App, Command, update};
use crate::input;
use crate::ui::{self, FrameLayout};

/// The largest frame drawn, each way. A terminal (or a pty set by a stranger) may report
/// 65535×65535: a frame of that size is 4 billion cells, an allocation that aborts the
/// process past any hook, leaving the terminal raw. Beyond this the dashboard draws in the
/// top-left corner, as it would on a screen that large.
pub const MAX_SIDE: u16 = 1000;

pub struct Session<W: Write> {
    pub app: App,
    terminal: Terminal<CrosstermBackend<W>>,
    /// Where things were on the last frame drawn.
    layout: FrameLayout,
    /// What recent frames wrapped, bounded in size: most frames show the texts the last
    /// one did.
    memory: ui::Memory,
}

impl<W: Write> Session<W> {
    /// A session drawing on `out`, a terminal of `size`, with the action that tells the
    /// state that size: applying it draws the first frame. The frame is made at its size
    /// from the start, so nothing is cleared: a screen just entered is blank already.
    pub fn new(app: App, out: W, size: Size) -> io::Result<(Session<W>, Action)> {
        let size = clamped(size);
        // A fixed viewport, resized only to a size clamped here: ratatui's own resizing
        // would allocate whatever size the terminal reports.
        let terminal = Terminal::with_options(
            CrosstermBackend::new(out),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::from((Position::ORIGIN, size))),
            },
        )?;
        let session = Session {
            app,
            terminal,
            layout: FrameLayout::default(),
            memory: ui::Memory::default(),
        };
        Ok((session, resize_action(size)))
    }

    /// The terminal is now `size`: the frame is sized to it (at most [`MAX_SIDE`] each
    /// way) and cleared; returns the action that tells the state.
    pub fn resize(&mut self, size: Size) -> io::Result<Action> {
        let size = clamped(size);
        self.terminal.resize(Rect::from((Position::ORIGIN, size)))?;
        Ok(resize_action(size))
    }

    /// What an input event means now, on the last frame drawn.
    pub fn action_for(&self, event: input::Event) -> Option<Action> {
        input::action(&self.app, &self.layout, event)
    }

    /// Applies an action; draws when the state changed. Returns what is left for the
    /// front end to do (anything but a redraw).
    pub fn apply(&mut self, action: Action) -> io::Result<Command> {
        let command = update(&mut self.app, action);
        // The picker is shown at once; its titles and statuses follow from the scan.
        if matches!(
            command,
            Command::Redraw
                | Command::ScanCatalog
                | Command::ContinueSearch
                | Command::Copy(_)
                | Command::OpenUrl(_)
        ) {
            self.draw()?;
        }
        Ok(match command {
            Command::Redraw => Command::None,
            other => other,
        })
    }

    /// Draws the state whole, as one synchronized update: the terminal shows the frame
    /// whole, never half-drawn. The frame goes out in one write, its fence included:
    /// ratatui's own `draw` flushes when it hides the cursor, which made every frame two
    /// writes, each a wake-up of the terminal. So the steps of `draw` are taken here (its
    /// resizing is a no-op for a fixed viewport, and no view places the cursor).
    pub fn draw(&mut self) -> io::Result<()> {
        let mut frame = self.terminal.get_frame();
        self.layout = ui::view(&self.app, &self.memory, &mut frame);
        crossterm::queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.flush()?;
        self.terminal.swap_buffers();
        let backend = self.terminal.backend_mut();
        crossterm::queue!(backend, Hide, EndSynchronizedUpdate)?;
        backend.flush()
    }

    /// Puts `text` on the clipboard of the terminal drawn on, by OSC 52 (base64, so no byte
    /// of the text reaches the terminal as itself; the text is sanitised at load anyway).
    /// Terminals that do not take OSC 52 ignore it.
    pub fn copy(&mut self, text: &str) -> io::Result<()> {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(text);
        let backend = self.terminal.backend_mut();
        write!(backend, "\x1b]52;c;{encoded}\x07")?;
        backend.flush()
    }

    /// Draws the whole frame again on a cleared screen: what a terminal that missed
    /// frames (dropped for a reader too slow to take them) needs to be right again.
    pub fn redraw_whole(&mut self) -> io::Result<()> {
        let area = self.terminal.get_frame().area();
        self.terminal.resize(area)?;
        self.draw()
    }

    /// Shows the cursor again, at the end.
    pub fn show_cursor(&mut self) -> io::Result<()> {
        self.terminal.show_cursor()
    }
}

fn clamped(size: Size) -> Size {
    Size::new(size.width.min(MAX_SIDE), size.height.min(MAX_SIDE))
}

fn resize_action(size: Size) -> Action {
    Action::Resize {
        width: size.width,
        height: size.height,
    }
}
