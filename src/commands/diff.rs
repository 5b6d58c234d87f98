//! `bri-dash diff OLD NEW`: two editions of a dataset compared.

use super::report;
use crate::commands::cli::{Cli, DiffFormat};
use crate::commands::startup::language;
use crate::dataset::diff::diff;
use crate::export;

/// With `exit_code`, exits 1 when the editions differ, as `git diff --exit-code` does, so a
/// script can ask "did anything change?" without reading the output.
pub fn run(cli: &Cli, old: &str, new: &str, format: DiffFormat, exit_code: bool) -> super::Outcome {
    let config = super::config(cli)?;
    let lang = language(cli, &config);
    let load = |name: &str| config.resolve_dataset(name).load(config.max_file_bytes);
    let (old, new) = match (load(old), load(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for error in [old.err(), new.err()].into_iter().flatten() {
                report(&error, lang);
            }
            return Err(super::Stop(2));
        }
    };
    let comparison = diff(&old, &new);
    let text = match format {
        DiffFormat::Text => export::diff::to_text(&comparison, lang),
        DiffFormat::Markdown => export::diff::to_markdown(&comparison, lang),
        DiffFormat::Json => export::diff::to_json(&comparison),
    };
    super::output::to_stdout(text.as_bytes())?;
    Ok(u8::from(exit_code && comparison.differs()))
}
