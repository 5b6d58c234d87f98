//! Opens a web address with the system's opener: `$BRI_DASH_OPENER` when set (a browser of
//! one's own choosing, or a test's recorder), else `xdg-open` (`open` on macOS). The opener
//! runs apart from the dashboard: its input and output go nowhere, so it cannot draw over
//! the screen or read keys, and a thread waits for it so that it leaves no zombie behind.
//! Only `http` and `https` addresses come here (`text::url::is_web_url`, checked in update).

use std::io;
use std::process::{Command, Stdio};
use std::thread;

pub fn open(url: &str) -> io::Result<()> {
    let opener = std::env::var_os("BRI_DASH_OPENER").unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open".into()
        } else {
            "xdg-open".into()
        }
    });
    let mut child = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    thread::spawn(move || child.wait());
    Ok(())
}
