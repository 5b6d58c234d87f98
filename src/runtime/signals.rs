//! The signals that end the dashboard, turned into events of the loop. Job control
//! (SIGTSTP, SIGCONT) is `job_control`'s.

use std::io;
use std::sync::mpsc::Sender;
use std::thread;

use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::Signals;

use super::Event;

/// The signals that end the dashboard (exit code 128 + the signal), each after giving the
/// terminal back. Any other signal whose default is to end the process would leave the
/// terminal raw, so every such signal that a user or a tool sends is here.
const ENDING_SIGNALS: [i32; 7] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM];

/// Catches every ending signal from now on; they wait for [`spawn_signal_thread`].
pub(super) fn catch_ending_signals() -> io::Result<Signals> {
    Signals::new(ENDING_SIGNALS)
}

/// Sends every ending signal caught, since [`catch_ending_signals`], to the loop.
pub(super) fn spawn_signal_thread(mut signals: Signals, sender: Sender<Event>) {
    thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(Event::Signal(signal)).is_err() {
                return;
            }
        }
    });
}
