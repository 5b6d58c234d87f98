//! A dashboard in a real pseudo-terminal, for the tests that drive the binary: spawn it,
//! type, resize, signal, read the vt100 screen, and check what it leaves behind. Every
//! wait has a deadline, so a broken build fails with the screen it got stuck on instead of
//! hanging the test run.
#![allow(dead_code)] // each test crate uses part of it

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

pub const BIN: &str = env!("CARGO_BIN_EXE_bri-dash");
/// Generous: the machine may be compiling something else at the same time.
pub const DEADLINE: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(20);

/// The key bar as drawn at the default size, in English.
pub const KEY_BAR: &str =
    " ←/→ tabs  ↑/↓ move  Enter detail  L 中文  ? help  q quit  / search  d datasets";

/// A running dashboard in its own pseudo-terminal.
pub struct Dash {
    child: Box<dyn Child + Send + Sync>,
    pub pid: libc::pid_t,
    /// Shared with the reader thread, which can resize on cue.
    master: Arc<Mutex<Box<dyn MasterPty + Send>>>,
    /// Our own handle on the terminal side, kept open while the child runs so that the
    /// terminal's modes can still be read after the child exits; closing it is what ends
    /// the reader thread.
    slave: Option<Box<dyn SlavePty + Send>>,
    /// Shared with the reader thread, which answers the program's terminal queries.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    pub parser: Arc<Mutex<vt100::Parser<Replies>>>,
    /// Every byte the program wrote, for the sequences the parser does not keep.
    output: Arc<Mutex<Vec<u8>>>,
    /// Signalled once, when the reader thread has read everything.
    reader_done: Receiver<()>,
    /// Whether that signal has been received: a wait that saw the child exit takes it, and
    /// a later wait must not take it a second time.
    reader_finished: bool,
    _home: TempDir,
}

impl Dash {
    /// Starts `bri-dash` (dashboard, built-in dataset, English) at `cols`×`rows`.
    pub fn spawn(cols: u16, rows: u16) -> Dash {
        Dash::start(BIN, cols, rows, None, &[], &[])
    }

    /// Starts `bri-dash ARGS…` at `cols`×`rows`.
    pub fn spawn_with_args(cols: u16, rows: u16, args: &[&str]) -> Dash {
        Dash::start(BIN, cols, rows, None, args, &[])
    }

    /// Starts another program (an SSH client of `bri-dash serve`) at `cols`×`rows`, with
    /// these environment variables added.
    pub fn spawn_program(
        program: &str,
        cols: u16,
        rows: u16,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Dash {
        Dash::start(program, cols, rows, None, args, env)
    }

    /// Starts `bri-dash` with these environment variables added.
    pub fn spawn_with_env(cols: u16, rows: u16, env: &[(&str, &str)]) -> Dash {
        Dash::start(BIN, cols, rows, None, &[], env)
    }

    /// Like [`Dash::spawn`], and resizes to `to` (cols, rows) the moment the first frame
    /// has been read: sooner than a test's polling could.
    pub fn spawn_resizing_after_first_frame(cols: u16, rows: u16, to: (u16, u16)) -> Dash {
        Dash::start(BIN, cols, rows, Some(to), &[], &[])
    }

    fn start(
        program: &str,
        cols: u16,
        rows: u16,
        mut resize_after_first_frame: Option<(u16, u16)>,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Dash {
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open a pty");
        let home = isolated_home();
        let mut command = CommandBuilder::new(program);
        command.args(args);
        set_env(&mut command, &home);
        // After the defaults, which they may override (LANG, NO_COLOR).
        for (name, value) in env {
            command.env(name, value);
        }
        command.cwd(home.path());
        let child = pair.slave.spawn_command(command).expect("spawn bri-dash");
        let pid =
            libc::pid_t::try_from(child.process_id().expect("child pid")).expect("pid fits pid_t");

        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            0,
            Replies::default(),
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let (done, reader_done) = mpsc::channel();
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let master = Arc::new(Mutex::new(pair.master));
        let (thread_parser, thread_output, thread_writer, thread_master) = (
            Arc::clone(&parser),
            Arc::clone(&output),
            Arc::clone(&writer),
            Arc::clone(&master),
        );
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends with EOF or EIO once every handle on the terminal side is closed.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let first_frame_done = {
                    let mut output = thread_output.lock().unwrap();
                    output.extend_from_slice(&buf[..n]);
                    resize_after_first_frame.is_some() && find(&output, b"\x1b[?2026l").is_some()
                };
                let replies = {
                    let mut parser = thread_parser.lock().unwrap();
                    parser.process(&buf[..n]);
                    std::mem::take(&mut parser.callbacks_mut().0)
                };
                if !replies.is_empty() {
                    let mut writer = thread_writer.lock().unwrap();
                    let _ = writer.write_all(&replies).and_then(|()| writer.flush());
                }
                if first_frame_done && let Some((cols, rows)) = resize_after_first_frame.take() {
                    resize_pty(&thread_parser, &thread_master, cols, rows);
                }
            }
            let _ = done.send(());
        });
        Dash {
            child,
            pid,
            master,
            slave: Some(pair.slave),
            writer,
            parser,
            output,
            reader_done,
            reader_finished: false,
            _home: home,
        }
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes).expect("write to the pty");
        writer.flush().expect("flush the pty");
    }

    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer
            .write_all(bytes.as_bytes())
            .expect("write to the pty");
        writer.flush().expect("flush the pty");
    }

    /// Resizes the terminal like a window manager would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        resize_pty(&self.parser, &self.master, cols, rows);
    }

    /// Sets the size the terminal reports, leaving the screen the test reads as it is: for
    /// sizes no screen could hold (65535×65535).
    pub fn report_size(&mut self, cols: u16, rows: u16) {
        self.master
            .lock()
            .unwrap()
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
    }

    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill(2) with our own child's pid.
        let result = unsafe { libc::kill(self.pid, signal) };
        assert_eq!(result, 0, "kill({}, {signal}) failed", self.pid);
    }

    pub fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Polls `check` until it holds. Fails if the child exits meanwhile without it holding
    /// (once the reader has read all the child wrote: its last words may be what was
    /// awaited), and past the deadline kills it and fails; either way with the screen as it is.
    pub fn wait_until(&mut self, what: &str, check: impl Fn(&Dash) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        while !check(self) {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.slave = None;
                self.wait_for_reader(Duration::from_secs(1));
                if check(self) {
                    return;
                }
                self.fail(&format!(
                    "bri-dash exited ({status}) while waiting for {what}"
                ));
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out waiting for {what}"));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits up to `timeout` for the reader thread to have read everything the child wrote
    /// (the terminal side must be closed first); true once it has.
    fn wait_for_reader(&mut self, timeout: Duration) -> bool {
        if !self.reader_finished {
            self.reader_finished = self.reader_done.recv_timeout(timeout).is_ok();
        }
        self.reader_finished
    }

    /// Ends the child and panics with `message` and everything the child drew.
    pub fn fail(&mut self, message: &str) -> ! {
        self.kill();
        // Let the reader catch up, so that the screen shows the child's last words.
        self.slave = None;
        self.wait_for_reader(Duration::from_secs(1));
        panic!("{message}; the screen:\n{}", self.contents());
    }

    pub fn wait_for(&mut self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until(what, |dash| check(dash.parser.lock().unwrap().screen()));
    }

    /// Waits for the first full frame: the overview's headline figures and the tab bar.
    pub fn wait_for_overview(&mut self) {
        self.wait_for("the overview", |screen| {
            let text = screen.contents();
            text.contains("20 countries")
                && text.contains("130 systems")
                && row(screen, 1).contains(" 1 Overview ")
                && row(screen, 1).contains(" 6 Sources ")
        });
    }

    /// Waits until the dashboard has handled a key, which proves it reads input and (the
    /// same event source) hears about resizes; see `resize_right_after_first_frame`.
    pub fn wait_for_input(&mut self) {
        self.send("?");
        self.wait_for("the help popup", |screen| {
            screen.contents().contains(" Keys ")
        });
        self.send("\x1b");
        self.wait_for("the help popup to close", |screen| {
            !screen.contents().contains(" Keys ")
        });
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            if Instant::now() > deadline {
                self.fail("bri-dash did not exit");
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the child to exit with `code` (not killed by a signal), then checks that
    /// it gave the terminal back as it found it.
    /// Everything the program wrote so far.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    pub fn expect_exit(mut self, code: u32) {
        let status = self.wait_exit();
        assert_eq!(status.signal(), None, "bri-dash was killed: {status}");
        assert_eq!(status.exit_code(), code, "exit status: {status}");

        let (echo, canonical) = self.line_discipline();
        assert!(
            echo && canonical,
            "terminal left in raw mode (ECHO {echo}, ICANON {canonical})"
        );

        // Everything the child wrote is read once no one holds the terminal side open.
        self.slave = None;
        assert!(
            self.wait_for_reader(DEADLINE),
            "the pty reader did not reach the end of the output"
        );
        self.assert_screen_restored();
        let output = self.output.lock().unwrap();
        assert!(
            find(&output, b"\x1b[?1049l").is_some(),
            "alternate screen never left"
        );
        assert!(
            find(&output, b"\x1b[?1000l").is_some(),
            "mouse reporting never turned off"
        );
        // A terminal left inside a synchronized update would stop showing anything.
        let began = rfind(&output, b"\x1b[?2026h").expect("frames use synchronized output");
        let ended = rfind(&output, b"\x1b[?2026l").expect("synchronized output ended");
        assert!(
            ended > began,
            "the last synchronized update was never ended"
        );
    }

    /// The main screen, a visible cursor and no mouse reporting, as the shell expects.
    pub fn assert_screen_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
    }

    /// (ECHO, ICANON) of the terminal; the master reports the terminal side's settings.
    pub fn line_discipline(&self) -> (bool, bool) {
        let fd = self.master.lock().unwrap().as_raw_fd().expect("master fd");
        // SAFETY: termios is plain data, filled in by tcgetattr on an fd we own.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let result = unsafe { libc::tcgetattr(fd, &mut termios) };
        assert_eq!(result, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        (
            termios.c_lflag & libc::ECHO != 0,
            termios.c_lflag & libc::ICANON != 0,
        )
    }

    pub fn kill(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            // SIGKILL: works on a stopped child too, and cannot be caught.
            // SAFETY: kill(2) with our own child's pid, not yet reaped.
            unsafe { libc::kill(self.pid, libc::SIGKILL) };
            let _ = self.child.wait();
        }
    }
}

impl Drop for Dash {
    /// A failed assertion must not leave a dashboard running.
    fn drop(&mut self) {
        self.kill();
    }
}

/// Answers the one query a real terminal answers that the dashboard makes: the cursor
/// position report (CSI 6n), which ratatui's `Terminal::clear` asks for when the
/// dashboard redraws after a suspend. Without it only the program's own bugs would show.
#[derive(Default)]
pub struct Replies(Vec<u8>);

impl vt100::Callbacks for Replies {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        first_intermediate: Option<u8>,
        _second_intermediate: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if first_intermediate.is_none() && c == 'n' && params == [&[6][..]] {
            let (row, column) = screen.cursor_position();
            self.0
                .extend_from_slice(format!("\x1b[{};{}R", row + 1, column + 1).as_bytes());
        }
    }
}

/// Resizes the parser first, so that every frame drawn for the new size is parsed at
/// that size, then the terminal, which sends the program SIGWINCH.
pub fn resize_pty(
    parser: &Mutex<vt100::Parser<Replies>>,
    master: &Mutex<Box<dyn MasterPty + Send>>,
    cols: u16,
    rows: u16,
) {
    parser.lock().unwrap().set_size(
        rows.try_into().expect("rows > 0"),
        cols.try_into().expect("cols > 0"),
    );
    master
        .lock()
        .unwrap()
        .resize(pty_size(cols, rows))
        .expect("resize the pty");
}

pub fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// A fresh home, so that no user config is picked up.
pub fn isolated_home() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn set_env(command: &mut CommandBuilder, home: &TempDir) {
    command.env("TERM", "xterm-256color");
    command.env("LANG", "en_US.UTF-8");
    command.env("HOME", home.path());
    command.env("XDG_CONFIG_HOME", home.path());
    command.env_remove("BRI_DASH_CONFIG");
    command.env_remove("NO_COLOR");
}

/// Row `index` of the screen, as text (blanks the program wrote are kept).
pub fn row(screen: &vt100::Screen, index: u16) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .nth(index.into())
        .unwrap_or_default()
}

/// The 1-based (column, row) of the first character of `needle` on screen, as mouse
/// reports count them.
pub fn locate(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, _) = screen.size();
    (0..rows.get()).find_map(|index| {
        let text = row(screen, index);
        let start = text.find(needle)?;
        // Wide characters take two columns but one char in the row's text.
        let column = u16::try_from(text[..start].width()).expect("column fits u16");
        Some((column + 1, index + 1))
    })
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

pub fn left_click(column: u16, row: u16) -> String {
    format!("\x1b[<0;{column};{row}M\x1b[<0;{column};{row}m")
}

pub fn wheel_down(column: u16, row: u16) -> String {
    format!("\x1b[<65;{column};{row}M")
}

/// The process state letter from /proc (`T` when stopped).
#[cfg(target_os = "linux")]
pub fn process_state(pid: libc::pid_t) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) S …": the command name may contain spaces and parentheses.
    stat[stat.rfind(')')? + 1..].trim_start().chars().next()
}

pub fn is_timeline(screen: &vt100::Screen) -> bool {
    let text = screen.contents();
    text.contains("Belt and Road Initiative proposed")
        && text.contains("Eight major steps announced at the Third Belt and Road Forum")
        && !text.contains("130 systems")
}
