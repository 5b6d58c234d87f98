//! The dashboard driven through a real pseudo-terminal: keys, mouse, resizes, signals and
//! job control, checked on a vt100 screen fed with everything the program writes. Every
//! wait has a deadline, so a broken build fails with the screen it got stuck on instead of
//! hanging the test run.

#![cfg(unix)]

use crate::harness;

use std::process::{Command, Stdio};

use harness::*;
use portable_pty::native_pty_system;

#[test]
fn first_frame_tabs_and_q() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.wait_for("the key bar on the last row", |screen| {
        row(screen, 29).trim_end() == KEY_BAR
    });
    {
        let parser = dash.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(
            screen.alternate_screen(),
            "dashboard not on the alternate screen"
        );
        assert!(
            screen.hide_cursor(),
            "cursor shown while the dashboard runs"
        );
        assert_ne!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting off"
        );
    }
    assert_eq!(
        dash.line_discipline(),
        (false, false),
        "terminal not in raw mode while running"
    );

    dash.send("\t");
    dash.wait_for("the Achievements tab", |screen| {
        let text = screen.contents();
        text.contains("Digital policy coordination")
            && text.contains("Digital infrastructure")
            && !text.contains("130 systems")
    });
    dash.send("q");
    dash.expect_exit(0);
}

/// A wait that finds the program gone reads its last words first; the exit's own checks
/// afterwards must still find the whole output (an SSH client that prints the server's
/// goodbye and exits before the next poll once failed here).
#[test]
fn a_wait_that_sees_the_exit_leaves_the_exit_checks_whole() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.send("q");
    dash.wait_exit();
    // Holds only on its second look: the first finds the program exited and reads the rest.
    let looks = std::cell::Cell::new(0);
    dash.wait_until("a second look", |_| {
        looks.set(looks.get() + 1);
        looks.get() > 1
    });
    assert_eq!(looks.get(), 2);
    dash.expect_exit(0);
}

#[test]
fn ctrl_c_quits() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    // In raw mode Ctrl-C is a key, not a SIGINT from the terminal: exit code 0.
    dash.send("\x03");
    dash.expect_exit(0);
}

fn ends_on_signal(signal: libc::c_int, code: u32) {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.signal(signal);
    dash.expect_exit(code);
}

#[test]
fn sigterm_exits_143() {
    ends_on_signal(libc::SIGTERM, 143);
}

#[test]
fn sighup_exits_129() {
    ends_on_signal(libc::SIGHUP, 129);
}

#[test]
fn sigint_from_outside_exits_130() {
    ends_on_signal(libc::SIGINT, 130);
}

/// Every other signal whose default would end the process ends it through the loop, with
/// the terminal given back (SIGQUIT, SIGUSR1 and SIGALRM left it raw, on the alternate
/// screen): 128 + the signal.
#[test]
fn sigquit_sigusr_and_sigalrm_exit_through_the_loop() {
    for (signal, code) in [
        (libc::SIGQUIT, 131),
        (libc::SIGUSR1, 138),
        (libc::SIGUSR2, 140),
        (libc::SIGALRM, 142),
    ] {
        ends_on_signal(signal, code);
    }
}

/// A terminal closed under the dashboard (the window shut): the kernel hangs up, reads
/// and writes fail, and the dashboard ends as a hang-up, 129 — it exited 101, as a panic.
#[test]
fn a_closed_terminal_exits_129() {
    let pair = native_pty_system()
        .openpty(pty_size(100, 30))
        .expect("open a pty");
    let home = isolated_home();
    let mut command = portable_pty::CommandBuilder::new(BIN);
    set_env(&mut command, &home);
    command.cwd(home.path());
    let mut child = pair.slave.spawn_command(command).expect("spawn bri-dash");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let (frame_drawn, first_frame) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut output = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n @ 1..) = std::io::Read::read(&mut reader, &mut buf) {
            output.extend_from_slice(&buf[..n]);
            if find(&output, b"\x1b[?2026l").is_some() {
                let _ = frame_drawn.send(());
                return; // dropping the reader closes its copy of the terminal's master side
            }
        }
    });
    first_frame
        .recv_timeout(DEADLINE)
        .expect("the first frame was never drawn");
    drop(pair.master);
    let deadline = std::time::Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("bri-dash did not end when its terminal was closed");
        }
        std::thread::sleep(POLL);
    };
    assert_eq!(status.exit_code(), 129, "{status}");
}

/// A terminal that reports 65535×65535 (a frame of 4 billion cells): the dashboard draws
/// at most 1000×1000 and goes on; it aborted on a 206 GB allocation with the terminal raw.
#[test]
fn a_huge_reported_size_is_clamped() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.report_size(u16::MAX, u16::MAX);
    // A frame of the clamped size reaches row 1000 and no further.
    dash.wait_until("a frame 1000 rows high", |dash| {
        find(&dash.output(), b"\x1b[1000;1H").is_some()
    });
    assert!(find(&dash.output(), b"\x1b[1001;").is_none());
    assert_ne!(process_state(dash.pid), Some('Z'), "it ended");
    // Back to a size the test's screen can show (the 1000-column lines wrapped on it).
    let frames = |dash: &Dash| {
        dash.output()
            .windows(8)
            .filter(|w| w == b"\x1b[?2026l")
            .count()
    };
    let before = frames(&dash);
    dash.report_size(100, 30);
    dash.wait_until("a frame at the real size again", |dash| {
        frames(dash) > before
    });
    dash.send("q");
    dash.expect_exit(0);
}

/// The dashboard, sent `pairs` SIGTSTP–SIGCONT pairs back to back once it shows.
#[cfg(target_os = "linux")]
fn dashboard_after_stop_continue_pairs(pairs: usize) -> Dash {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    for _ in 0..pairs {
        dash.signal(libc::SIGTSTP);
        dash.signal(libc::SIGCONT);
    }
    dash
}

/// SIGTSTP and SIGCONT sent together from outside, as a job-control tool or a busy
/// system delivers them: the stop is over before the loop gets to it, so it must not stop
/// (it stopped for good: nobody sends a second SIGCONT).
#[cfg(target_os = "linux")]
#[test]
fn sigtstp_and_sigcont_together_never_leave_it_stopped() {
    let mut dash = dashboard_after_stop_continue_pairs(5);
    // Whatever the loop made of them, it ends up running and answering keys.
    dash.wait_until("the dashboard to run again", |dash| {
        process_state(dash.pid) != Some('T')
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_ne!(process_state(dash.pid), Some('T'), "stopped for good");
    dash.send("?");
    dash.wait_for("the help", |screen| screen.contents().contains(" Keys "));
    dash.send("\x1b");
    dash.wait_for("the help to close", |screen| {
        !screen.contents().contains(" Keys ")
    });
    dash.send("q");
    dash.expect_exit(0);
}

/// The same burst ending on a SIGTSTP: the stop sent last is the one that holds, however
/// the signals were handed to the process; a SIGCONT then resumes it, redrawn.
#[cfg(target_os = "linux")]
#[test]
fn a_burst_ending_on_sigtstp_leaves_it_stopped_until_sigcont() {
    let mut dash = dashboard_after_stop_continue_pairs(5);
    dash.signal(libc::SIGTSTP);
    dash.wait_until("the child to stop", |dash| {
        process_state(dash.pid) == Some('T')
    });
    dash.wait_for("the main screen", |screen| !screen.alternate_screen());
    resume_and_quit(dash);
}

#[test]
fn help_detail_and_language() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();

    dash.send("?");
    dash.wait_for("the help popup", |screen| {
        let text = screen.contents();
        text.contains(" Keys ") && text.contains("suspend (fg resumes)")
    });
    dash.send("\x1b");
    dash.wait_for("the help popup to close", |screen| {
        !screen.contents().contains(" Keys ")
    });

    // The first headline card is selected at start; its indicator has a quote.
    dash.send("\r");
    dash.wait_for("the detail popup", |screen| {
        let text = screen.contents();
        text.contains("Quote") && text.contains("Esc close")
    });
    dash.send("\x1b");
    dash.wait_for("the detail popup to close", |screen| {
        !screen.contents().contains("Quote")
    });

    dash.send("L");
    dash.wait_for("the Chinese tab bar", |screen| {
        let tabs = row(screen, 1);
        tabs.contains("概览") && tabs.contains("时间线")
    });
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn digit_jumps_to_tab() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.send("5");
    dash.wait_for("the timeline", |screen| {
        is_timeline(screen) && screen.contents().contains("2023-10-18")
    });
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn resize_too_small_and_back() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();

    dash.wait_for_input();

    dash.resize(30, 8);
    dash.wait_for("the too-small notice", |screen| {
        let text = screen.contents();
        text.contains("Terminal too small") && text.contains("30×8")
    });

    dash.resize(100, 30);
    dash.wait_for_overview();
    dash.wait_for("the key bar on the last row", |screen| {
        row(screen, 29).trim_end() == KEY_BAR
    });

    // A window being dragged: only the last size counts. None of these is 90×25, so the
    // first frame at 90×25 is drawn from scratch.
    for step in 0..19u16 {
        dash.resize(50 + step * 3, 14 + step % 9);
    }
    dash.resize(90, 25);
    dash.wait_for("a frame drawn for 90×25", |screen| {
        row(screen, 0).starts_with(" bri-dash │ ")
            && row(screen, 1).contains(" 1 Overview ")
            && row(screen, 2) == "─".repeat(90)
            && !row(screen, 3).starts_with('─')
            && screen.contents().contains("20 countries")
            && row(screen, 24).trim_end() == KEY_BAR
    });
    dash.send("q");
    dash.expect_exit(0);
}

// Known bug, hence ignored: a resize between the first frame and the input thread's first
// `event::read` is lost. crossterm installs its SIGWINCH handler only when its event
// source is first used, which is in the input thread spawned after the first draw; until
// then SIGWINCH is ignored. The dashboard keeps the old layout until another event makes
// it redraw. Each attempt hits that window about half the time, so ten make it certain.
#[test]
fn resize_right_after_first_frame() {
    for _ in 0..10 {
        let mut dash = Dash::spawn_resizing_after_first_frame(100, 30, (30, 8));
        dash.wait_for("the too-small notice", |screen| {
            screen.contents().contains("Terminal too small")
        });
        dash.send("q");
        dash.expect_exit(0);
    }
}

#[test]
fn click_on_tab_label_opens_it() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    let (column, row_number) = {
        let parser = dash.parser.lock().unwrap();
        let (column, row_number) =
            locate(parser.screen(), " 5 Timeline").expect("tab 5 in the tab bar");
        assert_eq!(row_number, 2, "the tab bar is the second row");
        // Past the leading space: on the digit.
        (column + 1, row_number)
    };
    dash.send(&left_click(column, row_number));
    dash.wait_for("the timeline", is_timeline);
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn wheel_and_click_open_details() {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();

    // A click on the selected card opens its detail.
    let (column, row_number) =
        locate(dash.parser.lock().unwrap().screen(), "20 countries").expect("first card");
    dash.send(&left_click(column, row_number));
    dash.wait_for("the first card's detail", |screen| {
        screen.contents().contains("Quote")
    });
    dash.send("\x1b");
    dash.wait_for("the detail popup to close", |screen| {
        !screen.contents().contains("Quote")
    });

    // The wheel moves the selection a row down the grid, to the third card, which Enter
    // then opens; q closes the detail, and then quits.
    dash.send(&wheel_down(column, row_number));
    dash.send("\r");
    dash.wait_for("the third card's detail", |screen| {
        let text = screen.contents();
        text.contains("Quote") && text.contains("┏ Cooperation initiatives named in the article")
    });
    dash.send("q");
    dash.wait_for("q to close the detail", |screen| {
        !screen.contents().contains("Quote")
    });
    dash.send("q");
    dash.expect_exit(0);
}

/// Starts a dashboard, suspends it with `suspend`, and checks that it stopped with the
/// terminal given back to the shell.
#[cfg(target_os = "linux")]
fn suspended(suspend: impl FnOnce(&mut Dash)) -> Dash {
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    suspend(&mut dash);
    dash.wait_until("the child to stop", |dash| {
        process_state(dash.pid) == Some('T')
    });
    dash.wait_for("the main screen", |screen| !screen.alternate_screen());
    dash.assert_screen_restored();
    assert_eq!(
        dash.line_discipline(),
        (true, true),
        "terminal still raw while suspended"
    );
    dash
}

/// Continues a suspended dashboard as the shell's `fg` would, expects it redrawn, and quits.
#[cfg(target_os = "linux")]
fn resume_and_quit(mut dash: Dash) {
    dash.signal(libc::SIGCONT);
    dash.wait_for("the redrawn dashboard", |screen| {
        screen.alternate_screen()
            && screen.hide_cursor()
            && screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && screen.contents().contains("20 countries")
            && row(screen, 29).trim_end() == KEY_BAR
    });
    assert_eq!(
        dash.line_discipline(),
        (false, false),
        "terminal not raw after resuming"
    );
    dash.send("q");
    dash.expect_exit(0);
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_suspends_with_terminal_restored() {
    suspended(|dash| dash.send("\x1a"));
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_suspends_with_terminal_restored() {
    suspended(|dash| dash.signal(libc::SIGTSTP));
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_then_sigcont_redraws() {
    resume_and_quit(suspended(|dash| dash.send("\x1a")));
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_then_sigcont_redraws() {
    resume_and_quit(suspended(|dash| dash.signal(libc::SIGTSTP)));
}

fn run_without_terminal(stdin: Stdio) {
    let home = isolated_home();
    let output = Command::new(BIN)
        .env("TERM", "xterm-256color")
        .env("LANG", "en_US.UTF-8")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("BRI_DASH_CONFIG")
        .env_remove("NO_COLOR")
        .current_dir(home.path())
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run bri-dash");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "wrote to stdout: {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(stderr.contains("needs a terminal"), "stderr: {stderr}");
}

#[test]
fn no_terminal_at_all_exits_2() {
    run_without_terminal(Stdio::null());
}

#[test]
fn stdout_redirected_exits_2() {
    // `bri-dash > file` from a shell: stdin is a terminal, stdout is not.
    let pair = native_pty_system()
        .openpty(pty_size(100, 30))
        .expect("open a pty");
    let path = pair.master.tty_name().expect("terminal side path");
    let terminal = {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NOCTTY: the test process must not adopt this terminal as its own.
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOCTTY)
            .open(&path)
            .expect("open the terminal side")
    };
    run_without_terminal(Stdio::from(terminal));
}

#[test]
fn a_panic_on_the_main_thread_gives_the_terminal_back() {
    let mut dash = Dash::spawn_with_env(100, 30, &[("BRI_DASH_TEST_PANIC", "main")]);
    let status = dash.wait_exit();
    assert_eq!(status.exit_code(), 101, "{status}");
    dash.expect_exit(101);
}

#[test]
fn a_panic_on_another_thread_ends_the_program_and_gives_the_terminal_back() {
    let mut dash = Dash::spawn_with_env(100, 30, &[("BRI_DASH_TEST_PANIC", "thread")]);
    let status = dash.wait_exit();
    assert_eq!(
        status.exit_code(),
        101,
        "not a dashboard drawing on a restored terminal: {status}"
    );
    dash.expect_exit(101);
}

#[test]
fn mouse_false_in_the_config_leaves_the_mouse_alone() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let mut dash = Dash::spawn_with_args(100, 30, &["--config", config.to_str().unwrap()]);
    dash.wait_for_overview();
    assert!(
        !String::from_utf8_lossy(&dash.output()).contains("\x1b[?1000h"),
        "mouse reporting was turned on"
    );
    // A click on tab 5 does nothing.
    let (column, row) =
        locate(&dash.parser.lock().unwrap().screen().clone(), " 5 Timeline").unwrap();
    dash.send(&left_click(column + 1, row));
    dash.send("?");
    dash.wait_for("the help", |screen| screen.contents().contains(" Keys "));
    assert!(!is_timeline(dash.parser.lock().unwrap().screen()));
    dash.send("\x1b");
    // Apart, or the terminal reads ESC q as Alt-q.
    dash.wait_for("the help to close", |screen| {
        !screen.contents().contains(" Keys ")
    });
    dash.send("q");
    dash.expect_exit(0);
}

/// The map in a real terminal: search lands on Pakistan, a click where it is drawn (in
/// the selection's colour) opens its detail with every fact about it.
#[test]
fn a_click_on_a_country_of_the_map_opens_its_detail() {
    let mut dash = Dash::spawn_with_args(120, 40, &["--dataset", "silk-road-partners"]);
    dash.wait_for("the overview", |screen| {
        screen
            .contents()
            .contains("Belt and Road digital-cooperation partners")
    });
    dash.send("2");
    dash.wait_for("the map's legend", |screen| {
        screen.contents().contains("everything known")
    });
    dash.send("/Pakistan\r");
    dash.wait_for("Pakistan selected", |screen| {
        screen.contents().contains("▶ Pakistan (PAK)")
    });
    // The selected country is drawn in the selection's colour, left of the legend.
    let (column, row) = {
        let parser = dash.parser.lock().unwrap();
        let screen = parser.screen();
        (3..36u16)
            .flat_map(|row| (0..86u16).map(move |column| (column, row)))
            .find(|&(column, row)| {
                screen.cell(row, column).is_some_and(|cell| {
                    cell.bold()
                        && cell.fgcolor() == vt100::Color::Idx(14)
                        && cell
                            .contents()
                            .chars()
                            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
                })
            })
            .expect("Pakistan is drawn on the map")
    };
    dash.send(&left_click(column + 1, row + 1));
    dash.wait_for("the country's detail", |screen| {
        let text = screen.contents();
        text.contains("┏ Pakistan (PAK)") && text.contains("On the map") && text.contains("Facts")
    });
    dash.send("q");
    dash.wait_for("the detail to close", |screen| {
        !screen.contents().contains("On the map")
    });
    dash.send("q");
    dash.expect_exit(0);
}

/// `y` puts the selected figure with its citation on the terminal's clipboard by OSC 52: the
/// escape sequence carries the citation in base64, and a notice says so.
#[test]
fn y_copies_the_selected_figure_with_its_citation_by_osc_52() {
    use base64::Engine;
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.send("y");
    dash.wait_for("the notice", |screen| {
        screen.contents().contains("copied with its citation")
    });
    let output = dash.output();
    let start = find(&output, b"\x1b]52;c;").expect("an OSC 52 write") + 7;
    let end = start + find(&output[start..], b"\x07").expect("its end");
    let text = base64::engine::general_purpose::STANDARD
        .decode(&output[start..end])
        .expect("base64");
    let text = String::from_utf8(text).expect("UTF-8");
    assert!(
        text.starts_with("Countries with a Digital Silk Road MoU: 20 countries, 2023-10 (mid). "),
        "{text}"
    );
    assert!(text.contains(" Source: "), "{text}");
    assert!(text.contains('“'), "the quote: {text}");
    dash.send("q");
    dash.expect_exit(0);
}

/// `o` opens the web address of the selected figure's source with the system's opener,
/// here a recorder named by `BRI_DASH_OPENER`, which gets the address as its argument; a
/// figure whose source has no address says so.
#[test]
fn o_opens_the_source_of_the_selected_figure_with_the_system_opener() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let recorded = folder.path().join("opened.txt");
    let opener = folder.path().join("opener.sh");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", recorded.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    // The connectivity dataset: its sources are web pages.
    let mut dash = Dash::spawn_program(
        BIN,
        100,
        30,
        &["--dataset", "bri-connectivity"],
        &[("BRI_DASH_OPENER", opener.to_str().unwrap())],
    );
    dash.wait_for("the connectivity overview", |screen| {
        screen.contents().contains("Rail freight")
    });
    dash.send("o");
    dash.wait_for("the notice", |screen| {
        screen.contents().contains("↗ opening")
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !recorded.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let url = std::fs::read_to_string(&recorded).expect("the opener ran");
    assert!(
        url.starts_with("https://") || url.starts_with("http://"),
        "{url}"
    );
    assert!(dash.contents().contains(&url[..20]), "the notice names it");
    dash.send("q");
    dash.expect_exit(0);
    // The article of the built-in dataset is cited without an address.
    let mut dash = Dash::spawn(100, 30);
    dash.wait_for_overview();
    dash.send("o");
    dash.wait_for("the notice", |screen| {
        screen.contents().contains("no source with a web address")
    });
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_locale_that_is_not_utf8_gets_every_frame_in_ascii() {
    let mut dash =
        Dash::spawn_with_env(100, 30, &[("LANG", "C"), ("LC_ALL", ""), ("LC_CTYPE", "")]);
    dash.wait_for_overview();
    let ascii_only = |screen: &vt100::Screen| screen.contents().is_ascii();
    dash.wait_for("box drawing as + - |, the selection as >", |screen| {
        let text = screen.contents();
        ascii_only(screen) && text.contains("+>---") && text.contains("|20 countries")
    });
    // A popup too, arrows and all.
    dash.send("?");
    dash.wait_for("the help in ASCII", |screen| {
        let text = screen.contents();
        ascii_only(screen) && text.contains("+ Keys ---") && text.contains("< h / > l")
    });
    dash.send("q");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_sources_web_address_is_a_link_and_reads_as_before() {
    let url = "https://bj.crntt.com/doc/7_0_106938238_1.html";
    let mut dash = Dash::spawn_with_args(100, 30, &["--dataset", "bri-connectivity"]);
    dash.wait_for("the connectivity overview", |screen| {
        row(screen, 1).contains(" 6 Sources ")
    });
    dash.send("6");
    dash.wait_for("the address, drawn in its columns", |screen| {
        screen
            .contents()
            .lines()
            .any(|line| line.trim_end() == format!("   {url}"))
    });
    let output = String::from_utf8_lossy(&dash.output()).into_owned();
    // Every character of the address is in the one link, whose target is the address.
    let linked = output.matches(&format!(";{url}\x1b\\")).count();
    assert!(linked >= url.len(), "{linked} cells link to {url}");
    assert!(
        !output.contains("\x1b]8;id=") || output.contains("\x1b]8;;\x1b\\"),
        "every link is closed"
    );
    dash.send("q");
    dash.expect_exit(0);
}
