//! `bri-dash` with no subcommand: the interactive dashboard.

use ratatui::layout::Size;

use super::report;
use crate::cli::Cli;
use crate::runtime::{self, Exit};
use crate::startup::{build_app, dataset_entry, language, load_config};

pub fn run(cli: &Cli) -> u8 {
    // Everything that can fail on bad input happens before the terminal is touched.
    let config = match load_config(cli) {
        Ok(config) => config,
        Err(error) => {
            report(&error);
            return 2;
        }
    };
    let dataset = match dataset_entry(cli, &config).load(config.max_file_bytes) {
        Ok(dataset) => dataset,
        Err(error) => {
            report(&error);
            return 2;
        }
    };
    if let Err(message) = runtime::require_terminal() {
        eprintln!("bri-dash: {message}");
        return 2;
    }
    let app = build_app(dataset, &config, language(cli, &config), Size::new(0, 0));
    match runtime::run(app, config.mouse) {
        Ok(Exit::Quit) => 0,
        Ok(Exit::Signal(signal)) => (128 + signal) as u8,
        Err(error) => {
            eprintln!("bri-dash: terminal error: {error}");
            2
        }
    }
}
