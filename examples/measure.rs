//! Measures the release binary as a user runs it, in a pseudo-terminal: time from launch to
//! the first complete frame, CPU time used while idle, and peak memory.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example measure                      # built-in and 100 000 indicators
//! cargo run --release --example measure -- --runs 30 --idle 10 --sizes 0,10000,100000
//! cargo run --release --example measure -- generate 100000 big.toml
//! cargo run --release --example measure -- peak toml big.toml      # parsing alone
//! cargo run --release --example measure -- peak dataset big.toml   # parse + validate
//! cargo build --release --examples
//! cargo run --release --example measure -- startup --runs 40         # beside a bare ratatui app
//! ```
//!
//! `startup` launches bri-dash on its built-in dataset and `examples/bare.rs` (the least a
//! ratatui app does before its first frame) alternately, in one run, and prints both medians
//! and their ratio: the host is too noisy for a time alone to mean anything.
//!
//! `--sizes` lists datasets by indicator count; 0 is the built-in dataset. Generated datasets
//! are written to a temporary folder with a config that raises `max_file_bytes`.
//!
//! A frame is complete when the program ends its synchronized update (`ESC [ ? 2026 l`):
//! the terminal shows nothing of it before that. Idle CPU is the growth of utime + stime in
//! `/proc/PID/stat` (10 ms ticks) and, to the nanosecond, of the run time of every thread in
//! `/proc/PID/task/*/schedstat`; wake-ups are the context switches of every thread. Peak
//! memory is `VmHWM` in `/proc/PID/status`, read just before quitting.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const END_OF_FRAME: &[u8] = b"\x1b[?2026l";
/// The cursor-position query; answered as a terminal would, should the program ask.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";
const SIZE: PtySize = PtySize {
    rows: 40,
    cols: 120,
    pixel_width: 0,
    pixel_height: 0,
};
/// Loading 100 000 indicators takes a while; nothing else should come near this.
const DEADLINE: Duration = Duration::from_secs(120);

struct Options {
    bin: PathBuf,
    runs: usize,
    idle: Duration,
    sizes: Vec<usize>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("generate") {
        let (Some(count), Some(path)) = (args.get(1), args.get(2)) else {
            fail("usage: measure generate COUNT FILE");
        };
        let count: usize = count.parse().unwrap_or_else(|_| fail("COUNT: a number"));
        std::fs::write(path, generate::dataset(count)).unwrap_or_else(|e| fail(&e.to_string()));
        return;
    }
    if args.first().map(String::as_str) == Some("peak") {
        let (Some(parser), Some(path)) = (args.get(1), args.get(2)) else {
            fail("usage: measure peak toml|dataset FILE");
        };
        peak_of_parsing(parser, Path::new(path));
        return;
    }
    if args.first().map(String::as_str) == Some("startup") {
        startup_beside_floor(&parse_options(&args[1..]));
        return;
    }
    let options = parse_options(&args);
    if !options.bin.is_file() {
        fail(&format!(
            "{} not found: run `cargo build --release` first, or pass --bin PATH",
            options.bin.display()
        ));
    }
    println!("binary: {}", options.bin.display());
    println!(
        "terminal: {}×{}, {} launches per dataset, {} s idle\n",
        SIZE.cols,
        SIZE.rows,
        options.runs,
        options.idle.as_secs_f64()
    );
    let home = tempfile::tempdir().unwrap_or_else(|e| fail(&e.to_string()));
    for &size in &options.sizes {
        let (label, args) = if size == 0 {
            ("built-in dataset".to_owned(), Vec::new())
        } else {
            let path = home.path().join(format!("generated-{size}.toml"));
            let text = generate::dataset(size);
            std::fs::write(&path, &text).unwrap_or_else(|e| fail(&e.to_string()));
            let config = home.path().join(format!("config-{size}.toml"));
            let config_text = format!(
                "default = \"generated\"\nmax_file_bytes = {}\n\n[[datasets]]\nname = \"generated\"\npath = \"{}\"\n",
                text.len() * 2,
                path.display()
            );
            std::fs::write(&config, config_text).unwrap_or_else(|e| fail(&e.to_string()));
            (
                format!("{size} indicators, {:.1} MB file", text.len() as f64 / 1e6),
                vec!["--config".to_owned(), config.display().to_string()],
            )
        };
        println!("== {label}");
        measure(&options, home.path(), &args);
        println!();
    }
}

/// Parses `path` in this process, with bare `toml` or as a dataset, and prints the peak
/// memory: what parsing alone costs, beside what the dashboard's peak is made of.
fn peak_of_parsing(parser: &str, path: &Path) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&e.to_string()));
    let before = status_kib(std::process::id(), "VmHWM:");
    match parser {
        "toml" => {
            let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| fail(&e.to_string()));
            std::hint::black_box(table);
        }
        "dataset" => {
            let dataset = bri_dash::dataset::parse("measured", &text)
                .unwrap_or_else(|_| fail("the dataset is not valid: run bri-dash check on it"));
            std::hint::black_box(dataset);
        }
        other => fail(&format!("unknown parser {other}: toml or dataset")),
    }
    let peak = status_kib(std::process::id(), "VmHWM:");
    println!(
        "{parser}: {:.1} MB file; peak RSS {:.1} MB (the file's text alone: {:.1} MB before parsing)",
        text.len() as f64 / 1e6,
        peak as f64 / 1024.0,
        before as f64 / 1024.0
    );
}

fn parse_options(args: &[String]) -> Options {
    let mut options = Options {
        bin: Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/bri-dash"),
        runs: 20,
        idle: Duration::from_secs(10),
        sizes: vec![0, 100_000],
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .unwrap_or_else(|| fail(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--bin" => options.bin = PathBuf::from(value),
            "--runs" => options.runs = value.parse().unwrap_or_else(|_| fail("--runs: a number")),
            "--idle" => {
                options.idle = Duration::from_secs_f64(
                    value.parse().unwrap_or_else(|_| fail("--idle: seconds")),
                )
            }
            "--sizes" => {
                options.sizes = value
                    .split(',')
                    .map(|s| s.parse().unwrap_or_else(|_| fail("--sizes: numbers")))
                    .collect()
            }
            other => fail(&format!("unknown option {other}")),
        }
    }
    options
}

fn fail(message: &str) -> ! {
    eprintln!("measure: {message}");
    std::process::exit(2);
}

/// A running dashboard whose first frame has been drawn.
struct Running {
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    /// Shared with the reader thread, which answers the program's queries.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    first_frame: Duration,
    /// Closed by the reader thread at end of output.
    done: mpsc::Receiver<()>,
}

fn launch(bin: &Path, home: &Path, args: &[String]) -> Running {
    let pair = native_pty_system()
        .openpty(SIZE)
        .unwrap_or_else(|e| fail(&format!("openpty: {e}")));
    let mut command = CommandBuilder::new(bin);
    command.args(args);
    command.cwd(home);
    command.env("TERM", "xterm-256color");
    command.env("LANG", "en_US.UTF-8");
    command.env("HOME", home);
    command.env("XDG_CONFIG_HOME", home);
    command.env_remove("BRI_DASH_CONFIG");
    command.env_remove("NO_COLOR");

    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
    let replies = Arc::clone(&writer);
    let (frame_sender, first_frame) = mpsc::channel();
    let (done_sender, done) = mpsc::channel::<()>();
    // The reader runs before the child starts, so the first frame is seen as it arrives.
    thread::spawn(move || {
        let mut seen: Vec<u8> = Vec::new();
        let mut buf = [0u8; 65536];
        let mut framed = false;
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            let old = seen.len();
            seen.extend_from_slice(&buf[..n]);
            if !framed && new_matches(&seen, old, END_OF_FRAME) > 0 {
                framed = true;
                let _ = frame_sender.send(Instant::now());
            }
            for _ in 0..new_matches(&seen, old, CURSOR_QUERY) {
                let _ = replies.lock().unwrap().write_all(b"\x1b[1;1R");
            }
        }
        drop(done_sender);
    });
    let start = Instant::now();
    let child = pair
        .slave
        .spawn_command(command)
        .unwrap_or_else(|e| fail(&format!("spawn: {e}")));
    drop(pair.slave);
    let pid = child.process_id().expect("child pid");
    let at = first_frame
        .recv_timeout(DEADLINE)
        .unwrap_or_else(|_| fail("no frame before the deadline"));
    Running {
        child,
        pid,
        writer,
        first_frame: at - start,
        done,
    }
}

fn quit(mut running: Running) {
    {
        let mut writer = running.writer.lock().unwrap();
        let _ = writer.write_all(b"q");
        let _ = writer.flush();
    }
    // The reader sees the end of output once the program has exited.
    if let Err(mpsc::RecvTimeoutError::Timeout) = running.done.recv_timeout(Duration::from_secs(10))
    {
        eprintln!("measure: no exit 10 s after `q`; killing it");
        let _ = running.child.kill();
    }
    let _ = running.child.wait();
}

/// How many times `needle` occurs in `seen` ending after its first `old` bytes: each
/// occurrence is counted once, even when split across two reads.
fn new_matches(seen: &[u8], old: usize, needle: &[u8]) -> usize {
    let from = old.saturating_sub(needle.len() - 1);
    seen[from..]
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// CPU time (in clock ticks and in nanoseconds) and context switches of every thread.
#[derive(Debug, Clone, Copy)]
struct Cpu {
    ticks: u64,
    nanos: u64,
    switches: u64,
}

fn cpu(pid: u32) -> Cpu {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Fields after the command name, which is in parentheses and may contain spaces.
    let fields: Vec<&str> = stat[stat.rfind(')').expect("stat format") + 2..]
        .split(' ')
        .collect();
    let field = |n: usize| fields[n - 3].parse::<u64>().expect("a number");
    let ticks = field(14) + field(15);
    let mut nanos = 0;
    let mut switches = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("/proc/PID/task") {
        let task = task.expect("task").path();
        if let Ok(schedstat) = std::fs::read_to_string(task.join("schedstat")) {
            nanos += schedstat
                .split(' ')
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
        }
        if let Ok(status) = std::fs::read_to_string(task.join("status")) {
            switches += status
                .lines()
                .filter(|l| l.contains("ctxt_switches"))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .sum::<u64>();
        }
    }
    Cpu {
        ticks,
        nanos,
        switches,
    }
}

fn status_kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/PID/status");
    status
        .lines()
        .find_map(|line| {
            line.strip_prefix(key)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

fn measure(options: &Options, home: &Path, args: &[String]) {
    let mut launches = Vec::new();
    for _ in 0..options.runs {
        let running = launch(&options.bin, home, args);
        launches.push(running.first_frame);
        quit(running);
    }
    launches.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "launch to first frame: median {:.2} ms, min {:.2} ms, max {:.2} ms ({} runs)",
        ms(launches[launches.len() / 2]),
        ms(launches[0]),
        ms(launches[launches.len() - 1]),
        launches.len()
    );

    let running = launch(&options.bin, home, args);
    // Let start-up finish (threads parked, first frame flushed) before counting.
    thread::sleep(Duration::from_millis(500));
    let before = cpu(running.pid);
    thread::sleep(options.idle);
    let after = cpu(running.pid);
    let tick_ms = 1e3 / unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    println!(
        "idle {:.0} s: CPU {:.3} ms (schedstat), {:.0} ms (utime+stime), {} context switches",
        options.idle.as_secs_f64(),
        (after.nanos - before.nanos) as f64 / 1e6,
        (after.ticks - before.ticks) as f64 * tick_ms,
        after.switches - before.switches
    );
    println!(
        "peak RSS (VmHWM): {:.1} MB; RSS now: {:.1} MB",
        status_kib(running.pid, "VmHWM:") as f64 / 1024.0,
        status_kib(running.pid, "VmRSS:") as f64 / 1024.0
    );
    quit(running);
}

/// Launch to first frame of bri-dash (built-in dataset) and of the bare ratatui app, launched
/// alternately so that both see the same moments of a noisy host.
fn startup_beside_floor(options: &Options) {
    let floor = options.bin.with_file_name("examples").join("bare");
    for bin in [&options.bin, &floor] {
        if !bin.is_file() {
            fail(&format!(
                "{} not found: run `cargo build --release --examples` first",
                bin.display()
            ));
        }
    }
    let home = tempfile::tempdir().unwrap_or_else(|e| fail(&e.to_string()));
    let (mut ours, mut bare) = (Vec::new(), Vec::new());
    for _ in 0..options.runs {
        for (bin, times) in [(&options.bin, &mut ours), (&floor, &mut bare)] {
            let running = launch(bin, home.path(), &[]);
            times.push(running.first_frame);
            quit(running);
        }
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times[times.len() / 2].as_secs_f64() * 1e3
    };
    let (ours, bare) = (median(&mut ours), median(&mut bare));
    println!(
        "launch to first frame, median of {} alternate runs: bri-dash {ours:.2} ms, bare ratatui app {bare:.2} ms, ratio {:.2}",
        options.runs,
        ours / bare
    );
}
