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
    };
    ExitCode::from(code)
}
