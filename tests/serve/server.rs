//! A `bri-dash serve` of its own for each test: a temp folder with the config, the
//! dataset, the keys and the state folder (the host key), on a port the OS picks.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tempfile::TempDir;
use wait_timeout::ChildExt;

use super::harness::{BIN, Dash};
use super::{DEADLINE, MINIMAL};

pub struct Server {
    child: Child,
    pub port: u16,
    pub dir: TempDir,
    log: Arc<Mutex<String>>,
}

/// A port free now (the OS's pick, let go at once).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

impl Server {
    /// Starts the server; `serve` is more of its config's `[serve]` table.
    pub fn start(serve: &str) -> Server {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("data.toml"), MINIMAL).unwrap();
        let key = dir.path().join("reader");
        keygen(&key);
        fs::copy(
            key.with_extension("pub"),
            dir.path().join("authorized_keys"),
        )
        .unwrap();
        fs::write(
            dir.path().join("config.toml"),
            format!(
                "default = \"mine\"\n\n[[datasets]]\nname = \"mine\"\npath = \"data.toml\"\n\n\
                 [serve]\nauthorized_keys = \"authorized_keys\"\n{serve}\n"
            ),
        )
        .unwrap();
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0", "--config"])
            .arg(dir.path().join("config.toml"))
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("HOME", dir.path())
            .env_remove("BRI_DASH_CONFIG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start bri-dash serve");
        let log = Arc::new(Mutex::new(String::new()));
        let (port_found, port) = mpsc::channel();
        let lines = BufReader::new(child.stderr.take().unwrap());
        let thread_log = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on 127.0.0.1:").nth(1) {
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = port_found.send(digits.parse::<u16>().unwrap());
                }
                let mut log = thread_log.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = match port.recv_timeout(DEADLINE) {
            Ok(port) => port,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start: {}", log.lock().unwrap());
            }
        };
        Server {
            child,
            port,
            dir,
            log,
        }
    }

    /// The key that may log in.
    pub fn key(&self) -> PathBuf {
        self.dir.path().join("reader")
    }

    /// A new key, not authorized.
    pub fn new_key(&self, name: &str) -> PathBuf {
        let key = self.dir.path().join(name);
        keygen(&key);
        key
    }

    /// The ssh arguments for this server, as the user `reader`: `options`, the destination,
    /// then `command`.
    pub fn ssh_args(&self, key: &Path, options: &[&str], command: &[&str]) -> Vec<String> {
        self.ssh_args_as("reader", key, options, command)
    }

    /// [`Server::ssh_args`] as another user.
    pub fn ssh_args_as(
        &self,
        user: &str,
        key: &Path,
        options: &[&str],
        command: &[&str],
    ) -> Vec<String> {
        let destination = format!("{user}@127.0.0.1");
        let port = self.port.to_string();
        let key = key.to_str().unwrap();
        let common = [
            "-F",
            "/dev/null",
            "-i",
            key,
            "-p",
            &port,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
        ];
        common
            .iter()
            .chain(options)
            .chain(&[destination.as_str()])
            .chain(command)
            .map(|arg| (*arg).to_owned())
            .collect()
    }

    /// `ssh -tt` with the reader's key, in a pseudo-terminal of `cols`×`rows`.
    pub fn ssh(&self, cols: u16, rows: u16) -> Dash {
        self.ssh_with(cols, rows, &[], &[])
    }

    /// [`Server::ssh`] with more options and environment variables for ssh.
    pub fn ssh_with(&self, cols: u16, rows: u16, options: &[&str], env: &[(&str, &str)]) -> Dash {
        let options: Vec<&str> = ["-tt"].iter().chain(options).copied().collect();
        let args = self.ssh_args(&self.key(), &options, &[]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Dash::spawn_program("ssh", cols, rows, &args, env)
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub fn terminate(&mut self) {
        // SAFETY: kill(2) with our own child's pid, not yet reaped.
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    }

    /// The exit code, once the server has exited; fails past the deadline.
    pub fn wait(&mut self) -> Option<i32> {
        match self.child.wait_timeout(DEADLINE).unwrap() {
            Some(status) => status.code(),
            None => panic!("the server still runs: {}", self.log()),
        }
    }

    /// Fails unless the server is still running.
    pub fn assert_running(&mut self) {
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the server exited: {}",
            self.log()
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait_timeout(Duration::from_secs(5));
    }
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .stdin(Stdio::null())
        .status()
        .expect("run ssh-keygen");
    assert!(status.success(), "ssh-keygen failed");
}
