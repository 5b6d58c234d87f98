//! `bri-dash serve` with the real OpenSSH client: the real binary on a free port, a test
//! key made by ssh-keygen, `ssh -tt` in a pseudo-terminal. Every wait has a deadline.

#![cfg(unix)]

#[path = "../pty/harness.rs"]
mod harness;
mod hostile;
mod server;

use std::fs;
use std::io::Read;
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use harness::Dash;
use server::Server;
use wait_timeout::ChildExt;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.toml");
const DEADLINE: Duration = Duration::from_secs(15);

fn sees(dash: &mut Dash, what: &str) {
    let needle = what.to_owned();
    dash.wait_for(what, move |screen| screen.contents().contains(&needle));
}

/// `ssh ARGS` without a terminal; its exit code and stderr, killed past the deadline.
fn ssh_batch(args: &[String]) -> (Option<i32>, String, String) {
    let mut child = Command::new("ssh")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ssh");
    let status = match child.wait_timeout(DEADLINE).expect("wait for ssh") {
        Some(status) => status,
        None => {
            let _ = child.kill();
            panic!("ssh {args:?} still running after {DEADLINE:?}");
        }
    };
    let (mut out, mut err) = (String::new(), String::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), out, err)
}

#[test]
fn a_reader_sees_the_dashboard_presses_keys_resizes_switches_language_and_quits() {
    let server = Server::start("");
    let mut dash = server.ssh(100, 30);
    sees(&mut dash, "20 countries");
    dash.send("L");
    sees(&mut dash, "L English");
    dash.resize(120, 40);
    dash.wait_for("the key bar on the last row of 40", |screen| {
        harness::row(screen, 39).contains("L English")
    });
    dash.send("L");
    sees(&mut dash, "L 中文");
    dash.send("q");
    dash.expect_exit(0);
    let log = server.log();
    assert!(log.contains("auth 127.0.0.1:"), "{log}");
    assert!(log.contains("key SHA256:"), "{log}");
    assert!(!log.contains("countries"), "dataset text in the log: {log}");
}

#[test]
fn the_readers_locale_chooses_the_language_the_characters_and_no_color_the_colours() {
    let server = Server::start("");
    let mut zh = server.ssh_with(
        100,
        30,
        &["-o", "SendEnv=LANG", "-o", "SendEnv=NO_COLOR"],
        &[("LANG", "zh_CN.UTF-8"), ("NO_COLOR", "1")],
    );
    sees(&mut zh, "L English");
    zh.wait_for("no colour", |screen| {
        let (rows, cols) = screen.size();
        (0..rows.get()).all(|row| {
            (0..cols.get()).all(|col| {
                screen.cell(row, col).is_none_or(|cell| {
                    cell.fgcolor() == vt100::Color::Default
                        && cell.bgcolor() == vt100::Color::Default
                })
            })
        })
    });
    let mut en = server.ssh(100, 30);
    sees(&mut en, "L 中文");
    // A client whose locale is not UTF-8 gets its frames in ASCII.
    let mut plain = server.ssh_with(100, 30, &["-o", "SendEnv=LC_CTYPE"], &[("LC_CTYPE", "C")]);
    plain.wait_for("the dashboard in ASCII", |screen| {
        let text = screen.contents();
        text.is_ascii() && text.contains("+>---") && text.contains("L zh")
    });
    for dash in [zh, en, plain] {
        let mut dash = dash;
        dash.send("q");
        dash.expect_exit(0);
    }
}

#[test]
fn a_wrong_key_is_refused_and_the_server_keeps_running() {
    let server = Server::start("");
    let stranger = server.new_key("stranger");
    let (code, _, err) = ssh_batch(&server.ssh_args(&stranger, &["-T"], &[]));
    assert_eq!(code, Some(255), "{err}");
    assert!(err.contains("Permission denied"), "{err}");
    let mut dash = server.ssh(100, 30);
    sees(&mut dash, "20 countries");
    dash.send("q");
    dash.expect_exit(0);
}

/// With `users` set, a user name not in it is refused even with an authorized key; one in
/// it comes in.
#[test]
fn a_user_not_named_in_the_config_is_refused_whatever_its_key() {
    let server = Server::start("users = [\"reader\"]");
    let key = server.key();
    let (code, _, err) = ssh_batch(&server.ssh_args_as("mallory", &key, &["-T"], &[]));
    assert_eq!(code, Some(255), "{err}");
    assert!(err.contains("Permission denied"), "{err}");
    let mut dash = server.ssh(100, 30);
    sees(&mut dash, "20 countries");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn commands_subsystems_and_forwarding_are_refused() {
    let server = Server::start("");
    let key = server.key();
    let (code, out, err) = ssh_batch(&server.ssh_args(&key, &[], &["echo", "hello"]));
    assert_ne!(code, Some(0), "a command ran: {out} {err}");
    assert!(!out.contains("hello"), "{out}");
    // The refusal reaches the client before the reason written beside it.
    assert!(err.contains("exec request failed"), "{err}");

    let (code, _, err) = ssh_batch(&server.ssh_args(&key, &["-s"], &["sftp"]));
    assert_ne!(code, Some(0), "{err}");

    // A local forward: ssh listens, and each connection to it is a channel the server
    // must refuse.
    let local = server::free_port();
    let spec = format!("{local}:127.0.0.1:{}", server.port);
    let args = server.ssh_args(&key, &["-N", "-L", &spec], &[]);
    let mut forward = Command::new("ssh")
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run ssh -N -L");
    let start = Instant::now();
    let mut through = loop {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", local)) {
            break stream;
        }
        assert!(start.elapsed() < DEADLINE, "ssh -L never listened");
        std::thread::sleep(Duration::from_millis(50));
    };
    through.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut buffer = [0u8; 64];
    // Refused: closed without a byte of the server's SSH banner coming through.
    let read = through.read(&mut buffer).unwrap_or(0);
    assert_eq!(read, 0, "the forward went through: {:?}", &buffer[..read]);
    let _ = forward.kill();
    let _ = forward.wait();

    let mut dash = server.ssh(100, 30);
    sees(&mut dash, "20 countries");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn an_edit_reaches_three_readers() {
    let server = Server::start("");
    let mut readers: Vec<Dash> = (0..3).map(|_| server.ssh(100, 30)).collect();
    for dash in &mut readers {
        sees(dash, "20 countries");
    }
    let data = server.dir.path().join("data.toml");
    let temporary = data.with_extension("toml.swp");
    fs::write(&temporary, MINIMAL.replace("value = 20\n", "value = 21\n")).unwrap();
    fs::rename(&temporary, &data).unwrap();
    for dash in &mut readers {
        sees(dash, "21 countries");
    }
    for mut dash in readers {
        dash.send("q");
        dash.expect_exit(0);
    }
}

#[test]
fn sigterm_tells_every_reader_and_the_server_exits() {
    let mut server = Server::start("");
    let mut readers: Vec<Dash> = (0..2).map(|_| server.ssh(100, 30)).collect();
    for dash in &mut readers {
        sees(dash, "20 countries");
    }
    server.terminate();
    for mut dash in readers {
        sees(&mut dash, "the server is stopping");
        dash.expect_exit(0);
    }
    assert_eq!(server.wait(), Some(0));
}
