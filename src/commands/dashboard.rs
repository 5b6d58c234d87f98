//! `bri-dash` with no subcommand: the interactive dashboard.

use std::io::{self, Write};
use std::sync::Arc;

use ratatui::layout::Size;

use crate::commands::cli::Cli;
use crate::commands::startup::{build_app, display, language};
use crate::dataset::Lang;
use crate::files::diagnostic::Message;
use crate::runtime::{self, Exit, Library, Options};

pub fn run(cli: &Cli) -> super::Outcome {
    // Everything that can fail on bad input happens before the terminal is touched.
    let config = super::config(cli)?;
    let (entry, dataset) = super::dataset(cli, &config)?;
    let lang = language(cli, &config);
    if let Err(message) = runtime::require_terminal() {
        let zh = "仪表盘需要终端（标准输入和标准输出都必须是终端）。\n\
                  没有终端时，请使用：bri-dash check、bri-dash render、bri-dash list（见 bri-dash --help）。";
        super::say(
            lang,
            &Message {
                en: message,
                zh: zh.to_owned(),
            },
        );
        return Err(super::Stop(2));
    }
    let mut app = build_app(dataset, &config, lang, Size::new(0, 0), display(cli));
    let library = Library::new(config.clone(), entry, Arc::clone(&app.dataset));
    // Without --dataset, the dashboard follows the config's default when it changes.
    app.follow_default = cli.dataset.is_none();
    // This process's terminal is the reader's: `o` opens their browser.
    app.opener = true;
    let options = Options {
        mouse: config.mouse,
        watch: config.watch,
    };
    match runtime::run(app, library, options) {
        Ok(Exit::Quit) => Ok(0),
        Ok(Exit::Signal(signal)) => Ok((128 + signal) as u8),
        Err(error) => {
            // Not eprintln!, which panics when stderr is a terminal that is gone.
            let said = match lang {
                Lang::En => format!("terminal error: {error}"),
                Lang::Zh => format!("终端出错：{error}"),
            };
            let _ = writeln!(io::stderr(), "bri-dash: {said}");
            Err(super::Stop(2))
        }
    }
}
