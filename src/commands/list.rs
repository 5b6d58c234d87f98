//! `bri-dash list`: the datasets the config names, with title, as-of date and status, as
//! a table with a header for people or as JSON for scripts.

use std::fmt::Write;

use serde::Serialize;

use crate::commands::cli::{Cli, ListFormat};
use crate::commands::startup::language;
use crate::dataset::Lang;
use crate::text::sanitize::sanitize_line;

/// One dataset as `list` reports it; `title` and `as_of` are `None` when it does not load.
#[derive(Debug, Serialize)]
struct Listed {
    name: String,
    location: String,
    default: bool,
    status: &'static str,
    error: Option<String>,
    title: Option<String>,
    /// The machine form (`2023-10-mid`) in JSON; the text table shows it in the language.
    as_of: Option<String>,
    #[serde(skip)]
    as_of_shown: String,
}

pub fn run(cli: &Cli, format: ListFormat) -> super::Outcome {
    let config = super::config(cli)?;
    let lang = language(cli, &config);
    let listed: Vec<Listed> = config
        .datasets
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let (name, location) = (entry.name.clone(), entry.location.describe());
            let default = index == config.default;
            match entry.load(config.max_file_bytes) {
                Ok(dataset) => Listed {
                    name,
                    location,
                    default,
                    status: "ok",
                    error: None,
                    title: Some(dataset.meta.title.get(lang).to_owned()),
                    as_of: Some(dataset.meta.as_of.canonical()),
                    as_of_shown: crate::i18n::date(&dataset.meta.as_of, lang),
                },
                Err(error) => Listed {
                    name,
                    location,
                    default,
                    status: "error",
                    error: Some(error.first_line_in(crate::i18n::report_labels(lang))),
                    title: None,
                    as_of: None,
                    as_of_shown: String::new(),
                },
            }
        })
        .collect();
    let out = match format {
        ListFormat::Text => table(&listed, lang),
        // serde_json escapes every control character, so a hostile name stays data.
        ListFormat::Json => {
            serde_json::to_string_pretty(&listed).expect("the list serializes") + "\n"
        }
    };
    super::output::to_stdout(out.as_bytes())
}

/// A header, then one tab-separated line per dataset, `*` before the default.
fn table(listed: &[Listed], lang: Lang) -> String {
    let header = match lang {
        Lang::En => "  NAME\tLOCATION\tTITLE\tAS OF\tSTATUS",
        Lang::Zh => "  名称\t位置\t标题\t截至\t状态",
    };
    let mut out = format!("{header}\n");
    for item in listed {
        let status = match &item.error {
            Some(error) => match lang {
                Lang::En => format!("error: {error}"),
                Lang::Zh => format!("错误：{error}"),
            },
            None => match lang {
                Lang::En => item.status.to_owned(),
                Lang::Zh => "正常".to_owned(),
            },
        };
        writeln!(
            out,
            "{} {}\t{}\t{}\t{}\t{}",
            if item.default { "*" } else { " " },
            sanitize_line(&item.name),
            sanitize_line(&item.location),
            item.title.as_deref().unwrap_or_default(),
            item.as_of_shown,
            status
        )
        .expect("writing to a String cannot fail");
    }
    out
}
