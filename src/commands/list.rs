//! `bri-dash list`: the datasets the config names, with title, as-of date and status.

use std::fmt::Write;

use crate::commands::cli::Cli;
use crate::commands::startup::language;
use crate::text::sanitize::sanitize_line;

pub fn run(cli: &Cli) -> super::Outcome {
    let config = super::config(cli)?;
    let lang = language(cli, &config);
    let mut out = String::new();
    for (index, entry) in config.datasets.iter().enumerate() {
        let marker = if index == config.default { "*" } else { " " };
        let (title, as_of, status) = match entry.load(config.max_file_bytes) {
            Ok(dataset) => (
                dataset.meta.title.get(lang).to_owned(),
                crate::i18n::date(&dataset.meta.as_of, lang),
                "ok".to_owned(),
            ),
            Err(error) => (
                String::new(),
                String::new(),
                format!("error: {}", error.first_line()),
            ),
        };
        writeln!(
            out,
            "{marker} {}\t{}\t{}\t{}\t{}",
            sanitize_line(&entry.name),
            sanitize_line(&entry.location.describe()),
            title,
            as_of,
            status
        )
        .expect("writing to a String cannot fail");
    }
    super::output::to_stdout(out.as_bytes())
}
