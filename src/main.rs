use std::io::Write;
use std::process::ExitCode;

use bri_dash::commands;
use bri_dash::commands::cli::{Cli, Command};
use bri_dash::text::sanitize::escape_for_message;

fn main() -> ExitCode {
    let cli = match Cli::from_process() {
        Ok(cli) => cli,
        Err(error) => return print_command_line_error(&error),
    };
    let outcome = match &cli.command {
        None if cli.plain => commands::plain::run(&cli),
        None => commands::dashboard::run(&cli),
        Some(Command::Check { files }) => commands::check::run(&cli, files),
        Some(Command::Render {
            tab,
            size,
            color,
            today,
        }) => commands::render::run(&cli, tab.as_deref(), *size, *color, *today),
        Some(Command::List { format }) => commands::list::run(&cli, *format),
        Some(Command::Export {
            format,
            output,
            indicator,
        }) => commands::export::run(&cli, *format, output.as_deref(), indicator.as_deref()),
        Some(Command::Schema { kind }) => commands::schema::run(*kind),
        Some(Command::Completions { shell }) => commands::completions::run(*shell),
        Some(Command::Man) => commands::man::run(),
        Some(Command::New { file, from }) => {
            commands::new::run(&cli, file.as_deref(), from.as_deref())
        }
        Some(Command::Serve { listen }) => commands::serve::run(&cli, *listen),
        Some(Command::Diff {
            old,
            new,
            format,
            exit_code,
        }) => commands::diff::run(&cli, old, new, *format, *exit_code),
    };
    commands::exit_code_of(outcome)
}

/// clap's message for a bad command line (or its --help and --version), printed as clap
/// would but made safe: clap echoes the user's arguments, and a file name holding
/// `ESC ]0;…BEL` would set the terminal's title, U+202E reverse the line. Each hidden
/// character is written out as an escape (`\u{1b}`), so the user sees what was typed.
fn print_command_line_error(error: &clap::Error) -> ExitCode {
    let text = error.render().to_string();
    let safe: Vec<String> = text.lines().map(escape_for_message).collect();
    let safe = safe.join("\n") + "\n";
    // A closed pipe or a vanished terminal: nothing more to tell anyone.
    let _ = if error.use_stderr() {
        std::io::stderr().write_all(safe.as_bytes())
    } else {
        std::io::stdout().write_all(safe.as_bytes())
    };
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
