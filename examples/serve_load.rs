//! A load benchmark of `bri-dash serve`, not a test: N concurrent SSH sessions on
//! loopback (an in-process russh client), each pressing ↓ or ↑ every 100 ms for a while;
//! then all idle. Prints the median and 99th percentile key-to-frame latency, the
//! sessions lost, the server's resident memory per idle session, and its CPU time while
//! every session is idle.
//!
//! ```text
//! cargo build --release --bin bri-dash --example serve_load
//! target/release/examples/serve_load [SESSIONS=100] [SECONDS=30]
//! ```
//! The server is `target/release/bri-dash` (or `$BRI_DASH_BIN`), started here on a free
//! port with an open config in a temp folder. Figures are recorded in docs/serve.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use russh::client::{self, Handle};
use russh::keys::PublicKeyOrCertificate;
use russh::{ChannelMsg, Disconnect};

/// Where a frame ends: the end of its synchronized update.
const FRAME_END: &[u8] = b"\x1b[?2026l";

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

struct Reader {
    handle: Handle<Client>,
    channel: russh::Channel<client::Msg>,
}

impl Reader {
    async fn open(port: u16) -> Result<Reader, russh::Error> {
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect(config, ("127.0.0.1", port), Client).await?;
        handle.authenticate_none("bench").await?;
        let channel = handle.channel_open_session().await?;
        channel
            .request_pty(false, "xterm-256color", 100, 30, 0, 0, &[])
            .await?;
        channel.request_shell(false).await?;
        let mut reader = Reader { handle, channel };
        reader.frame(Duration::from_secs(30)).await;
        Ok(reader)
    }

    /// Takes whatever output has already arrived (a frame drawn for something other than
    /// the next key, such as the search index coming in after the first frame), so that
    /// the next frame waited for is the one a key caused.
    async fn drain(&mut self) {
        while let Ok(Some(_)) = tokio::time::timeout(Duration::ZERO, self.channel.wait()).await {}
    }

    /// Waits for the end of the next frame; false past `limit`.
    async fn frame(&mut self, limit: Duration) -> bool {
        let mut seen: Vec<u8> = Vec::new();
        let wait = async {
            while let Some(message) = self.channel.wait().await {
                if let ChannelMsg::Data { data } = message {
                    seen.extend_from_slice(&data);
                    if seen.windows(FRAME_END.len()).any(|w| w == FRAME_END) {
                        return true;
                    }
                    // Only the tail can still hold the start of a frame's end.
                    let keep = seen.len().saturating_sub(FRAME_END.len());
                    seen.drain(..keep);
                }
            }
            false
        };
        tokio::time::timeout(limit, wait).await.unwrap_or(false)
    }
}

/// The server's resident memory in kB and its CPU time in clock ticks, from /proc.
fn usage(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // After the command name in parentheses: utime and stime are fields 14 and 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |index: usize| fields.get(index).and_then(|f| f.parse::<u64>().ok());
    (rss, ticks(11).unwrap_or(0) + ticks(12).unwrap_or(0))
}

/// The server, killed however the benchmark ends (a panic too).
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let sessions: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let binary =
        std::env::var("BRI_DASH_BIN").unwrap_or_else(|_| "target/release/bri-dash".to_owned());
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[serve]\nopen = true\nmax_sessions = {0}\nmax_sessions_per_address = {0}\n",
            sessions + 1
        ),
    )
    .expect("write the config");
    let port = free_port();
    let server = std::process::Command::new(&binary)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--config",
        ])
        .arg(&config)
        .env("XDG_STATE_HOME", dir.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("start {binary}: {error}"));
    let server = Server(server);
    let pid = server.0.id();
    // Up when it accepts.
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (rss_before, _) = usage(pid);

    let mut tasks = Vec::new();
    for index in 0..sessions {
        tasks.push(tokio::spawn(async move {
            let mut reader = Reader::open(port).await.expect("a session");
            let mut latencies = Vec::new();
            let mut lost = false;
            let end = Instant::now() + Duration::from_secs(seconds);
            // Spread over the first tick, so that the keys do not all come at once.
            tokio::time::sleep(Duration::from_millis((index as u64 * 7) % 100)).await;
            let mut tick = tokio::time::interval(Duration::from_millis(100));
            let mut down = true;
            while Instant::now() < end {
                tick.tick().await;
                let key: &[u8] = if down { b"\x1b[B" } else { b"\x1b[A" };
                down = !down;
                reader.drain().await;
                let pressed = Instant::now();
                if reader.channel.data_bytes(key.to_vec()).await.is_err()
                    || !reader.frame(Duration::from_secs(5)).await
                {
                    lost = true;
                    break;
                }
                latencies.push(pressed.elapsed());
            }
            (reader, latencies, lost)
        }));
    }
    let mut readers = Vec::new();
    let mut latencies = Vec::new();
    let mut lost = 0;
    for task in tasks {
        let (reader, mine, was_lost) = task.await.expect("a session task");
        latencies.extend(mine);
        lost += usize::from(was_lost);
        readers.push(reader);
    }
    latencies.sort();
    let at = |q: f64| {
        let last = latencies.len().saturating_sub(1);
        latencies
            .get((last as f64 * q) as usize)
            .copied()
            .unwrap_or_default()
    };

    // All idle now: memory, and CPU time over a quiet stretch.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (rss_idle, ticks_before) = usage(pid);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (_, ticks_after) = usage(pid);

    println!("sessions: {sessions}, {seconds} s of a key every 100 ms each");
    println!("sessions lost: {lost}");
    println!(
        "key-to-frame latency: median {:.2} ms, p99 {:.2} ms ({} keys)",
        at(0.5).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
        latencies.len()
    );
    println!(
        "resident memory: {rss_before} kB with no session, {rss_idle} kB with {sessions} idle: {:.0} kB per session",
        (rss_idle.saturating_sub(rss_before)) as f64 / sessions as f64
    );
    println!(
        "CPU while all are idle: {} clock ticks in 5 s",
        ticks_after - ticks_before
    );
    for reader in readers {
        let _ = reader
            .handle
            .disconnect(Disconnect::ByApplication, "done", "")
            .await;
    }
    drop(server);
}
