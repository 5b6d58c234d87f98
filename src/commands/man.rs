//! `bri-dash man`: the manual page in roff, generated from the clap definitions.

use clap::CommandFactory;

use super::output::to_stdout;
use crate::commands::cli::Cli;

pub fn run() -> super::Outcome {
    let mut page = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut page) {
        Ok(()) => to_stdout(&page),
        Err(error) => {
            eprintln!("bri-dash: cannot render the manual page: {error}");
            Err(super::Stop(2))
        }
    }
}
