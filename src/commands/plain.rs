//! `bri-dash --plain`: the dashboard printed as plain lines instead of opened (see
//! ui::plain), in the language of `--lang`, else the config's, else `LANG`; in ASCII where
//! the terminal shows only that (`--ascii`, a locale that is not UTF-8).

use ratatui::layout::Size;

use crate::app::Display;
use crate::commands::cli::Cli;
use crate::commands::startup::{build_app, display, language};

pub fn run(cli: &Cli) -> super::Outcome {
    let config = super::config(cli)?;
    let (_, dataset) = super::dataset(cli, &config)?;
    let app = build_app(
        dataset,
        &config,
        language(cli, &config),
        Size::new(0, 0),
        Display::default(),
    );
    let mut text = crate::ui::plain::lines(&app).join("\n");
    text.push('\n');
    // For a terminal that shows ASCII only, the lines transliterated whole: no column to
    // keep here, so Chinese reads as pinyin ("Zhong Guo") rather than `??`.
    if display(cli).ascii {
        text = deunicode::deunicode_with_tofu(&text, "?");
    }
    super::output::to_stdout(text.as_bytes())
}
