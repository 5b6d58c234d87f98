//! `bri-dash serve`: the dashboard over SSH.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::sync::Arc;

use ratatui::layout::Size;

use crate::commands::cli::Cli;
use crate::commands::startup::build_app;
use crate::runtime::{Library, Store};
use crate::serve::{self, Options};

pub fn run(cli: &Cli, listen: SocketAddr) -> super::Outcome {
    // Everything that can fail on bad input happens before the port is opened.
    let config = super::config(cli)?;
    let (entry, dataset) = super::dataset(cli, &config)?;
    let dataset = Arc::new(dataset);
    let library = Library::new(config.clone(), entry, Arc::clone(&dataset));
    let catalog = library.catalog(false);
    let start_entry = library.start_entry();
    let store = Store::spawn(library, config.watch);
    let (app_config, app_dataset) = (config.clone(), Arc::clone(&dataset));
    let ascii = cli.ascii;
    let new_app: serve::NewApp = Box::new(move |lang, mut display| {
        display.ascii |= ascii;
        build_app(
            Arc::clone(&app_dataset),
            &app_config,
            lang,
            Size::new(0, 0),
            display,
        )
    });
    match serve::run(
        config,
        store,
        dataset,
        start_entry,
        catalog,
        Options {
            listen,
            lang: cli.lang.map(Into::into),
            new_app,
        },
    ) {
        Ok(()) => Ok(0),
        Err(error) => {
            let _ = writeln!(io::stderr(), "bri-dash serve: {error}");
            Err(super::Stop(2))
        }
    }
}
