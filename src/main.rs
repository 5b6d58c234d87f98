use std::process::ExitCode;

use bri_dash::cli::{Cli, Command};
use bri_dash::commands;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        None => commands::dashboard::run(&cli),
        Some(Command::Check { files }) => commands::check::run(&cli, files),
        Some(Command::Render {
            tab,
            size,
            color,
            today,
        }) => commands::render::run(&cli, tab.as_deref(), *size, *color, *today),
        Some(Command::List) => commands::list::run(&cli),
        Some(Command::Export { format, output }) => {
            commands::export::run(&cli, *format, output.as_deref())
        }
        Some(Command::Schema { kind }) => commands::schema::run(*kind),
        Some(Command::Completions { shell }) => commands::completions::run(*shell),
        Some(Command::Man) => commands::man::run(),
        Some(Command::Diff { old, new, format }) => commands::diff::run(&cli, old, new, *format),
    };
    ExitCode::from(code)
}
