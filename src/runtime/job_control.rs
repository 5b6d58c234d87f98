//! Job control (SIGTSTP, SIGCONT), with the order of the two as they were sent.
//!
//! Handlers see them in an order that is not the order they were sent: the kernel can
//! hand a thread both at once and run the later one's handler first, so a stop already
//! ended by a SIGCONT looked wanted, and the process stopped for good. Both are therefore
//! blocked in every thread and only looked at while pending. Sending either discards a
//! pending one of the other, so at most one of them is ever pending: the one sent last. A
//! pending SIGTSTP is a stop still wanted; a pending SIGCONT, a stop over (or none).
//!
//! The stop itself is a SIGSTOP, raised only after the dashboard has given the terminal
//! back and looked once more that the SIGTSTP is still the one pending. (Unblocking the
//! SIGTSTP and letting its default action stop the process would leave no gap at all, but
//! the kernel discards that action in an orphaned process group, as a dashboard started
//! straight from a terminal emulator or a pseudo-terminal is.)

use std::io;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread;

use super::Event;

/// SIGTSTP and SIGCONT as a signal set.
fn job_signals() -> libc::sigset_t {
    only(&[libc::SIGTSTP, libc::SIGCONT])
}

fn only(signals: &[libc::c_int]) -> libc::sigset_t {
    // SAFETY: sigemptyset initialises the set before sigaddset adds to it; both write only
    // to the set passed in.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for &signal in signals {
            libc::sigaddset(&mut set, signal);
        }
        set
    }
}

fn mask(how: libc::c_int, set: &libc::sigset_t) {
    // SAFETY: changes this thread's signal mask only.
    unsafe { libc::pthread_sigmask(how, set, std::ptr::null_mut()) };
}

/// The loop's side of job control.
pub(super) struct JobControl {
    /// Told when a stop the watcher reported has been dealt with: until then the SIGTSTP
    /// stays pending, and the watcher waits rather than report it again.
    stop_handled: SyncSender<()>,
}

impl JobControl {
    /// Blocks SIGTSTP and SIGCONT on this thread: to be called before any other thread of
    /// the dashboard starts, so that all of them inherit the block. Until [`Self::start`],
    /// they wait, pending. (A blocked SIGCONT still continues a stopped process; a child
    /// process starts with an empty mask, `std::process::Command` clears it.)
    pub(super) fn block() {
        mask(libc::SIG_BLOCK, &job_signals());
    }

    /// Starts the thread that reports SIGTSTP and SIGCONT to the loop (blocked already).
    pub(super) fn start(sender: Sender<Event>) -> io::Result<JobControl> {
        let pending = Pending::open()?;
        let (handled, stops_handled) = mpsc::sync_channel(1);
        thread::spawn(move || report(pending, sender, stops_handled));
        Ok(JobControl {
            stop_handled: handled,
        })
    }

    /// Stops the process: asked for here (Ctrl+Z), or, for a stop the watcher `reported`,
    /// if its SIGTSTP is still the signal pending, and the watcher is then told the stop
    /// is dealt with. Returns once the process has been continued, or at once when a
    /// SIGCONT has ended the stop already. (The SIGCONT that continues the process
    /// discards the pending SIGTSTP.)
    pub(super) fn stop(&self, reported: bool) {
        if !reported || pending_job_signal() == Some(libc::SIGTSTP) {
            // SAFETY: raise with a valid signal. SIGSTOP cannot be caught: the process
            // stops here until a SIGCONT.
            unsafe { libc::raise(libc::SIGSTOP) };
        }
        if reported {
            // The watcher waits for this alone; it is gone only if the process is ending.
            let _ = self.stop_handled.try_send(());
        }
    }
}

/// Reports the pending job-control signal to the loop: a SIGCONT is taken (the process
/// has been continued, or was not stopped); a SIGTSTP is left pending for
/// [`JobControl::stop`] to look at, and reported once.
fn report(pending: Pending, sender: Sender<Event>, stops_handled: Receiver<()>) {
    loop {
        let event = match pending.wait() {
            Some(libc::SIGCONT) => {
                pending.take_continue();
                Event::Signal(libc::SIGCONT)
            }
            Some(_) => Event::Stop,
            None => return,
        };
        let is_stop = matches!(event, Event::Stop);
        if sender.send(event).is_err() || (is_stop && stops_handled.recv().is_err()) {
            return;
        }
    }
}

/// Waits for SIGTSTP or SIGCONT to be pending, without taking it.
struct Pending {
    #[cfg(target_os = "linux")]
    signal_fd: std::os::fd::OwnedFd,
}

impl Pending {
    #[cfg(target_os = "linux")]
    fn open() -> io::Result<Pending> {
        use std::os::fd::FromRawFd;
        // SAFETY: signalfd with a valid set; the new descriptor is owned from here on.
        let fd = unsafe { libc::signalfd(-1, &job_signals(), libc::SFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Pending {
            signal_fd: unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) },
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn open() -> io::Result<Pending> {
        Ok(Pending {})
    }

    /// The job-control signal pending (only ever one), once there is one; `None` if
    /// waiting failed.
    fn wait(&self) -> Option<libc::c_int> {
        loop {
            if let Some(signal) = pending_job_signal() {
                return Some(signal);
            }
            if !self.sleep() {
                return None;
            }
        }
    }

    /// Sleeps until a job-control signal may be pending: a signalfd is readable while one
    /// is, and reading nothing from it leaves the signal pending.
    #[cfg(target_os = "linux")]
    fn sleep(&self) -> bool {
        use std::os::fd::AsRawFd;
        let mut poll = libc::pollfd {
            fd: self.signal_fd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut poll, 1, -1) };
        ready > 0 || io::Error::last_os_error().kind() == io::ErrorKind::Interrupted
    }

    /// Without signalfd, a look every 20 ms.
    #[cfg(not(target_os = "linux"))]
    fn sleep(&self) -> bool {
        thread::sleep(std::time::Duration::from_millis(20));
        true
    }

    /// Takes the pending SIGCONT (it has done its work: the process runs). Without
    /// waiting: a SIGTSTP sent since has discarded it, and is then what is pending.
    #[cfg(target_os = "linux")]
    fn take_continue(&self) {
        let no_wait = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: a set of one blocked signal, no siginfo wanted, a zero timeout.
        unsafe { libc::sigtimedwait(&only(&[libc::SIGCONT]), std::ptr::null_mut(), &no_wait) };
    }

    /// Without sigtimedwait, sigwait, which waits if a SIGTSTP discarded the SIGCONT in the
    /// meantime (the stop is then reported once a SIGCONT ends it).
    #[cfg(not(target_os = "linux"))]
    fn take_continue(&self) {
        let mut taken = 0;
        // SAFETY: waits on a set of one blocked signal.
        unsafe { libc::sigwait(&only(&[libc::SIGCONT]), &mut taken) };
    }
}

/// SIGCONT or SIGTSTP if either is pending for this process (blocked, as both are).
fn pending_job_signal() -> Option<libc::c_int> {
    // SAFETY: sigpending fills the set it is given.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        if libc::sigpending(&mut set) != 0 {
            return None;
        }
        [libc::SIGCONT, libc::SIGTSTP]
            .into_iter()
            .find(|&signal| libc::sigismember(&set, signal) == 1)
    }
}
