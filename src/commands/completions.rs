//! `bri-dash completions SHELL`: a completion script, generated from the same clap
//! definitions as the parser, so it cannot fall out of date.

use clap::CommandFactory;
use clap_complete::Shell;

use super::output::to_stdout;
use crate::commands::cli::Cli;

pub fn run(shell: Shell) -> super::Outcome {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "bri-dash", &mut script);
    to_stdout(&script)
}
