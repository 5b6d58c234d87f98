//! Not a subcommand: how the commands that print data (export, schema, completions, man)
//! hand it to standard output.

use std::io::{ErrorKind, Write};

/// Writes `bytes` to stdout and returns the exit code. A reader that stops early
/// (`bri-dash export | head`) closes the pipe: that is the reader's choice, not an error, so
/// it ends the command quietly with 0. Any other failure (a full disk) is reported, with 2.
pub fn to_stdout(bytes: &[u8]) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => 0,
        Err(error) if error.kind() == ErrorKind::BrokenPipe => 0,
        Err(error) => {
            eprintln!("bri-dash: cannot write to standard output: {error}");
            2
        }
    }
}
