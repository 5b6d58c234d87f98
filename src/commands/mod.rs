//! One file per subcommand.

pub mod check;
pub mod completions;
pub mod dashboard;
pub mod diff;
pub mod export;
pub mod list;
pub mod man;
pub mod output;
pub mod render;
pub mod schema;

use std::io::IsTerminal;

use crate::diagnostic::FileError;

/// Prints a file error to stderr, rustc style, coloured only on a terminal without NO_COLOR.
pub fn report(error: &FileError) {
    let color = std::io::stderr().is_terminal() && !crate::startup::no_color();
    eprintln!("{}", error.render_report(color));
}

/// The exit code of a file error: 1 for invalid data, 2 for a file that could not be read.
pub fn exit_code(error: &FileError) -> u8 {
    match error {
        FileError::Unreadable { .. } => 2,
        FileError::Invalid { .. } => 1,
    }
}
