//! `bri-dash` with no subcommand: the interactive dashboard.

use ratatui::layout::Size;

use super::report;
use crate::cli::Cli;
use crate::runtime::{self, Exit, Library, Options};
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
    let entry = dataset_entry(cli, &config);
    let dataset = match entry.load(config.max_file_bytes) {
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
    let mut app = build_app(dataset, &config, language(cli, &config), Size::new(0, 0));
    // Without --dataset, the dashboard follows the config's default when it changes.
    app.follow_default = cli.dataset.is_none();
    let options = Options {
        mouse: config.mouse,
        watch: config.watch,
    };
    match runtime::run(app, Library::new(config, entry), options) {
        Ok(Exit::Quit) => 0,
        Ok(Exit::Signal(signal)) => (128 + signal) as u8,
        Err(error) => {
            eprintln!("bri-dash: terminal error: {error}");
            2
        }
    }
}
