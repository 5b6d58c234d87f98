//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::dataset::Lang;

/// Examples of use, as `--help` and the manual page list them: the command, what it does.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("bri-dash", "the dashboard, on the built-in dataset"),
    (
        "bri-dash --dataset bri-connectivity",
        "another dataset, by name or path",
    ),
    ("bri-dash --config my/config.toml --lang zh", ""),
    (
        "bri-dash --plain | less",
        "every tab as plain lines, for a screen reader",
    ),
    ("bri-dash check my-data.toml", "is my dataset right?"),
    (
        "bri-dash render --tab 2 --size 100x30",
        "one frame as text, for scripts and READMEs",
    ),
    (
        "bri-dash export -o brief.md",
        "the figures with their citations, for a report",
    ),
    (
        "bri-dash diff old.toml new.toml --exit-code",
        "exit 1 when the editions differ",
    ),
    (
        "bri-dash serve --listen 0.0.0.0:2222",
        "the dashboard for a team, over SSH",
    ),
    (
        "bri-dash new my-data.toml",
        "a commented dataset to start from",
    ),
    (
        "bri-dash schema dataset",
        "the JSON Schema of the dataset format",
    ),
    ("bri-dash completions bash", "a shell completion script"),
];

/// The examples in two columns, the commands padded to one width.
pub fn examples_text(indent: &str) -> String {
    let width = EXAMPLES
        .iter()
        .map(|(command, _)| command.len())
        .max()
        .unwrap_or(0);
    EXAMPLES
        .iter()
        .map(|(command, what)| {
            format!("{indent}{command:width$}   {what}")
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn after_help() -> String {
    format!("Examples:\n{}\n\n{AFTER_HELP}", examples_text("  "))
}

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  invalid data (check), editions that differ (diff --exit-code)
  2  unusable invocation, unreadable or invalid file (every command but check), output that
     cannot be written (or a file new would overwrite), or no terminal for the dashboard

Config: --config, else $BRI_DASH_CONFIG, else ~/.config/bri-dash/config.toml, else built-in defaults.";

#[derive(Debug, Parser)]
#[command(name = "bri-dash", version, about = "A terminal dashboard of Belt and Road digital-economy cooperation indicators", after_help = after_help())]
pub struct Cli {
    /// The config file to use.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The dataset to open: a name from the config, a built-in name, or a file path.
    #[arg(long, global = true, value_name = "NAME_OR_PATH")]
    pub dataset: Option<String>,
    /// The language to read in (default: the config's, else from LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Draw in ASCII only (no box drawing, Braille or other marks beyond ASCII); the
    /// default when the locale is not UTF-8.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Print the dashboard as plain text instead of opening it: every tab in order, one item
    /// a line with its figure, date, source and quote (for a screen reader, or to paste).
    #[arg(long)]
    pub plain: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// This process's command line. Without arguments (the dashboard, the common case)
    /// clap is not asked: building its parser of every subcommand takes 0.2 ms, a tenth
    /// of a bare ratatui app's whole start-up. A test holds this equal to clap's reading.
    pub fn from_process() -> Result<Cli, clap::Error> {
        if std::env::args_os().len() <= 1 {
            Ok(Cli::without_arguments())
        } else {
            Cli::try_parse()
        }
    }

    fn without_arguments() -> Cli {
        Cli {
            config: None,
            dataset: None,
            lang: None,
            ascii: false,
            plain: false,
            command: None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files (none given: the config and every dataset it names), reporting
    /// every syntax error, unknown key and invalid value, not only the first.
    #[command(
        after_help = "Examples:\n  bri-dash check my-data.toml\n  bri-dash check --config config.toml\n\nEach problem is reported rustc-style with file:line:column: every syntax error, then\nevery unknown key (with the known key it is closest to), then every invalid value.\nExit codes: 0 valid, 1 invalid data, 2 unreadable file or bad invocation."
    )]
    Check {
        /// Dataset files to check.
        files: Vec<PathBuf>,
    },
    /// Print one frame of the dashboard as text, without touching the terminal.
    #[command(
        after_help = "Examples:\n  bri-dash render\n  bri-dash render --tab timeline --size 120x40 --lang zh\n  bri-dash render --tab 3 --color | less -R"
    )]
    Render {
        /// The tab: its number (from 1) or its id.
        #[arg(long)]
        tab: Option<String>,
        /// Width and height in columns and rows.
        #[arg(long, default_value = "100x30", value_parser = parse_size)]
        size: (u16, u16),
        /// ANSI colours (ignored when NO_COLOR is set).
        #[arg(long)]
        color: bool,
        /// Count ages to this day instead of today, for captures that do not age.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<chrono::NaiveDate>,
    },
    /// List the datasets the config names, with their status.
    #[command(
        after_help = "Examples:\n  bri-dash list --config config.toml\n  bri-dash list --format json | jq -r '.[] | select(.status == \"error\") | .name'\n\nText: a header, then one line per dataset (tab-separated; * marks the default).\nJSON: an array of objects: name, location, default, status (ok or error), error (its\nfirst line, or null), title (in --lang) and as_of (machine form), null for a dataset\nthat does not load."
    )]
    List {
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Write the dataset as a Markdown brief, a CSV of its figures, JSON, an HTML report, or
    /// one indicator's chart as SVG.
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// What to write (`md` is short for markdown); without it, what the --output file's
        /// extension names (.md .csv .json .html .svg), else markdown.
        #[arg(long, value_enum)]
        format: Option<crate::export::Format>,
        /// The indicator whose series `--format svg` draws, by id.
        #[arg(long, value_name = "ID")]
        indicator: Option<String>,
        /// Write to this file instead of standard output; an input file is never overwritten.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema (draft-07) of the dataset or config file format.
    #[command(
        after_help = "Examples:\n  bri-dash schema dataset > dataset.schema.json\n  bri-dash schema config\n\nStart a TOML file with `#:schema PATH` and editors that speak TOML (taplo,\nEven Better TOML) check and complete it as you type."
    )]
    Schema {
        #[arg(value_enum, default_value = "dataset")]
        kind: SchemaKind,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  bri-dash completions bash > ~/.local/share/bash-completion/completions/bri-dash\n  bri-dash completions zsh > ~/.zfunc/_bri-dash\n  bri-dash completions fish > ~/.config/fish/completions/bri-dash.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Compare two editions of a dataset: changed figures, added and removed indicators,
    /// panels and points, and changed labels, units, quotes, notes, sources and titles.
    #[command(
        after_help = "Examples:\n  bri-dash diff old.toml new.toml\n  bri-dash diff bri-connectivity my-edition.toml --format markdown > changes.md\n\nOLD and NEW are config names, built-in names or paths. Indicators and panels are matched\nby id, points by their text; each changed field (label, unit, quote, note, source, title…)\nis a line of its own.\nExit codes: 0 compared (with --exit-code: and they do not differ); 1 with --exit-code,\nthey differ; 2 unreadable or invalid dataset."
    )]
    Diff {
        old: String,
        new: String,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Exit 1 when the editions differ and 0 when they do not, as `git diff --exit-code`.
        #[arg(long)]
        exit_code: bool,
    },
    /// Serve the dashboard over SSH: every reader gets a dashboard of their own, in their
    /// terminal's size and language, over one shared dataset that reloads on every edit.
    #[command(after_help = SERVE_HELP)]
    Serve {
        /// The address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:2222", value_name = "ADDRESS:PORT")]
        listen: std::net::SocketAddr,
    },
    /// Start a dataset: write a commented skeleton (or a built-in dataset) whose `#:schema`
    /// line names the schema in the data folder, so editors check it wherever it is copied.
    #[command(after_help = NEW_HELP)]
    New {
        /// The file to write; it must not exist. Without it, standard output.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Start from this built-in dataset instead of the skeleton.
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  bri-dash man > bri-dash.1 && man ./bri-dash.1")]
    Man,
}

const EXPORT_HELP: &str = "\
Examples:
  bri-dash export > brief.md                         a Markdown brief of the default dataset
  bri-dash export --format csv --lang zh -o figures.csv
  bri-dash export --format json --dataset bri-connectivity | jq '.indicators[].id'
  bri-dash export --format html --lang zh -o report.html   a report to read, print or share
  bri-dash export --format svg --dataset bri-connectivity --indicator forum-outcomes -o chart.svg

CSV columns: id, label, value, qualifier, unit, as_of, precision, source, quote, panels, quote_missing, quote_translated
(panel ids joined by `;`). Texts are in the chosen language; value, qualifier, as_of and
precision are machine forms. JSON holds both languages and is described in docs/dataset.md.
HTML is one file with its style inline and no script, printable on A4: every figure with
its citation, each series as a chart. SVG is one indicator's series with its sources.

Without --format, the --output file's extension chooses the format (.md .csv .json .html
.svg; no --output, or a name without an extension: markdown). An extension that names
another format than --format, or one that names none without --format, is refused.

Exit codes: 0 written; 2 bad invocation (--format svg without an --indicator that has a
series, --indicator with another format, an --output extension that contradicts --format
or names no format), unreadable or invalid dataset or config, or output that cannot be
written (an input file as --output is refused).";

const NEW_HELP: &str = "\
Examples:
  bri-dash new my-data.toml                          a commented skeleton that passes check
  bri-dash new my-edition.toml --from bri-connectivity

The file starts with `#:schema` and the absolute path of the dataset schema, which new
writes (the same bytes as `bri-dash schema dataset`) to $XDG_DATA_HOME/bri-dash/, else
~/.local/share/bri-dash/, and rewrites when it differs: editors that speak TOML find it
wherever the file is moved.

Exit codes: 0 written; 2 FILE exists (nothing is written), an unknown --from name, or a
file that cannot be written.";

const SERVE_HELP: &str = "\
Examples:
  bri-dash serve --config team.toml                      then: ssh -p 2222 localhost
  bri-dash serve --listen 0.0.0.0:2222 --config team.toml

Who may come in is the config's [serve] table: `authorized_keys = \"PATH\"` (an OpenSSH
authorized_keys file) or `open = true` (anyone, read-only). The host key is made on first
start in the state folder ($XDG_STATE_HOME/bri-dash, else ~/.local/state/bri-dash) and its
fingerprint printed. Stops on SIGTERM or SIGINT, after telling every reader. See docs/serve.md.

Exit codes: 0 stopped; 2 unusable config, host key or address.";

/// How `bri-dash diff` writes the comparison.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    Text,
    #[value(alias = "md")]
    Markdown,
    Json,
}

/// How `bri-dash list` writes the datasets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Which file format `bri-dash schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A dataset file (assets/datasets/*.toml).
    Dataset,
    /// The config file (config.toml).
    Config,
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, like 100x30; found `{text}`"))?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u16>()
            .map_err(|_| format!("expected WIDTHxHEIGHT, like 100x30; found `{text}`"))
    };
    let size = (parse(w)?, parse(h)?);
    if size.0 == 0 || size.1 == 0 || size.0 > 1000 || size.1 > 1000 {
        return Err(format!(
            "the size must be between 1x1 and 1000x1000; found `{text}`"
        ));
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_arguments_read_without_clap_are_what_clap_reads() {
        let by_clap = Cli::try_parse_from(["bri-dash"]).expect("no arguments parse");
        assert_eq!(
            format!("{:?}", Cli::without_arguments()),
            format!("{by_clap:?}")
        );
    }
}
