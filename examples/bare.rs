//! The floor of start-up: the least a ratatui dashboard does before its first frame. It
//! enters the alternate screen in raw mode, draws one bordered paragraph inside a
//! synchronized update (so `examples/measure` sees the end of its frame the way it sees
//! bri-dash's), and waits for `q`.
//!
//! ```sh
//! cargo build --release --examples
//! cargo run --release --example measure -- startup   # bri-dash beside this, in one run
//! ```

use std::io::{self, Write};

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use crossterm::terminal::{self, BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::widgets::{Block, Paragraph};

fn main() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), terminal::EnterAlternateScreen)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let result = draw_and_wait(&mut terminal);
    execute!(io::stdout(), terminal::LeaveAlternateScreen)?;
    terminal::disable_raw_mode()?;
    result
}

fn draw_and_wait(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| {
        let paragraph = Paragraph::new("A bare ratatui app: one bordered paragraph; q quits.")
            .block(Block::bordered().title("bare"));
        frame.render_widget(paragraph, frame.area());
    })?;
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    loop {
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
            && key.code == KeyCode::Char('q')
        {
            return Ok(());
        }
    }
}
