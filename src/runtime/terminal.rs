//! Taking the terminal and giving it back. Restoring is idempotent and safe to call from a
//! panic hook or a signal path: whatever happens, the user gets their shell back in cooked
//! mode, on the main screen, with the cursor shown and mouse reporting off.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor and (if asked) mouse reporting.
pub fn enter(mouse: bool) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen, Hide)?;
    if mouse {
        execute!(stdout, EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes [`enter`]; does nothing if the terminal is not taken.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    // Each step is tried even if an earlier one failed: a half-restored terminal is worse.
    // Always: mouse reporting left on by anything would leave the shell unusable.
    let _ = execute!(stdout, DisableMouseCapture);
    let _ = execute!(
        stdout,
        crossterm::terminal::EndSynchronizedUpdate,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// A panic anywhere restores the terminal first, then reports, then ends the whole
/// process: a dashboard must not keep drawing after a thread of it died.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        std::process::exit(101);
    }));
}
