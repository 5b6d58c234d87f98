//! Clients that do not play by the rules: the server stays within its limits and goes on
//! serving everyone else.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::sees;
use super::server::Server;

#[test]
fn a_thousand_connections_past_the_limit_are_refused_while_a_reader_goes_on() {
    let mut server = Server::start("max_sessions = 8\nmax_sessions_per_address = 4\n");
    let mut dash = server.ssh(100, 30);
    sees(&mut dash, "20 countries");
    let mut held = Vec::new();
    let mut refused = 0;
    for _ in 0..1000 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut banner = [0u8; 8];
        match stream.read(&mut banner) {
            Ok(0) | Err(_) => refused += 1,
            Ok(_) => assert_eq!(&banner[..4], b"SSH-"),
        }
        held.push(stream);
    }
    // Three places were left from this address (4, one of them the reader's).
    assert_eq!(refused, 997, "{}", server.log());
    dash.send("L");
    sees(&mut dash, "L English");
    dash.send("q");
    dash.expect_exit(0);
    assert!(server.log().contains("too many sessions"));
    server.assert_running();
}

#[test]
fn a_reader_that_never_reads_does_not_stall_another() {
    let mut server = Server::start("");
    let mut reader = server.ssh(100, 30);
    sees(&mut reader, "20 countries");
    let args = server.ssh_args(&server.key(), &["-tt"], &[]);
    // Its output is a pipe nobody reads: once it is full, ssh stops reading the socket.
    let mut slow = Command::new("ssh")
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run ssh");
    let mut keys = slow.stdin.take().unwrap();
    // Each `L` redraws the whole screen in the other language: megabytes of frames.
    let flood = std::thread::spawn(move || {
        for _ in 0..400 {
            if keys.write_all(&[b'L'; 10]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    std::thread::sleep(Duration::from_secs(1));
    for language in ["L English", "L 中文", "L English"] {
        reader.send("L");
        sees(&mut reader, language);
    }
    reader.send("q");
    reader.expect_exit(0);
    let _ = slow.kill();
    let _ = slow.wait();
    let _ = flood.join();
    server.assert_running();
}

#[test]
fn a_window_of_65535_by_65535_is_clamped() {
    let mut server = Server::start("");
    let mut dash = server.ssh(100, 30);
    sees(&mut dash, "20 countries");
    // The size ssh reports to the server; the screen the test reads stays 100×30.
    dash.report_size(65535, 65535);
    std::thread::sleep(Duration::from_millis(500));
    dash.resize(100, 30);
    dash.send("L");
    sees(&mut dash, "L English");
    dash.send("q");
    dash.expect_exit(0);
    server.assert_running();
}

#[test]
fn random_bytes_after_login_leave_the_others_served() {
    let mut server = Server::start("");
    let mut other = server.ssh(100, 30);
    sees(&mut other, "20 countries");
    let mut noisy = server.ssh(100, 30);
    sees(&mut noisy, "20 countries");
    // A fixed pseudo-random stream (an LCG), so that a failure can be replayed.
    let mut state: u32 = 0x2545_f491;
    // Without the keys that quit (q, Ctrl-C) and ssh's escape (~): the noisy reader
    // stays, its input read to the end.
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .filter(|byte| !matches!(byte, b'q' | 0x03 | b'~'))
        .collect();
    noisy.send_bytes(&bytes);
    other.send("L");
    sees(&mut other, "L English");
    other.send("q");
    other.expect_exit(0);
    noisy.kill();
    server.assert_running();
}
