//! Signals, turned into events of the loop: the ones that end the dashboard, and job
//! control (SIGTSTP, SIGCONT), whose order matters and is not the order they are read in.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};
use signal_hook::iterator::Signals;

use super::Event;

/// The signals that end the dashboard (exit code 128 + the signal), each after giving the
/// terminal back. Any other signal whose default is to end the process would leave the
/// terminal raw, so every such signal that a user or a tool sends is here.
const ENDING_SIGNALS: [i32; 7] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM];

/// Sends every signal the dashboard handles to the loop; returns the count of SIGCONTs
/// (see `Session::continued_at_stop`), counted in the signal handler itself, the moment
/// each arrives: counted by this thread, a SIGCONT that came while it was scheduled out
/// was missed, and a stop already over stopped the process for good.
pub(super) fn spawn_signal_thread(sender: Sender<Event>) -> io::Result<Arc<AtomicUsize>> {
    let mut signals = Signals::new(ENDING_SIGNALS.iter().chain(&[SIGTSTP, SIGCONT]))?;
    let continued = Arc::new(AtomicUsize::new(0));
    let in_handler = Arc::clone(&continued);
    // SAFETY: the action only increments an atomic, which is async-signal-safe.
    unsafe {
        signal_hook::low_level::register(SIGCONT, move || {
            in_handler.fetch_add(1, Ordering::SeqCst);
        })?;
    }
    let count = Arc::clone(&continued);
    thread::spawn(move || {
        loop {
            // The count before this batch: a SIGCONT that comes after a SIGTSTP of the
            // batch, even before this thread reads it, is then seen as ending that stop.
            let before = count.load(Ordering::SeqCst);
            // Signals that arrived together come as one batch, in the order of their
            // numbers, not of their arrival: SIGCONT (18) before SIGTSTP (20) even when the
            // stop came first. A batch with both is a stop that is over already.
            let batch: Vec<i32> = signals.wait().collect();
            let continued_too = batch.contains(&SIGCONT);
            for signal in batch {
                let event = match signal {
                    SIGTSTP if continued_too => continue,
                    SIGTSTP => Event::Stop { continued: before },
                    _ => Event::Signal(signal),
                };
                if sender.send(event).is_err() {
                    return;
                }
            }
        }
    });
    Ok(continued)
}
