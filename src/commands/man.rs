//! `bri-dash man`: the manual page in roff. The name, synopsis, description and options
//! come from the clap definitions (clap_mangen); the rest is written here, because
//! clap_mangen would point to a `bri-dash-check(1)` page per subcommand, which does not
//! exist, and run the examples together: COMMANDS (each with its options), KEYS (from the
//! keymap and the help's words), FILES, ENVIRONMENT, EXAMPLES (kept as typed), EXIT STATUS.

use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

use super::output::to_stdout;
use crate::app::Keymap;
use crate::commands::cli::Cli;
use crate::dataset::Lang;

pub fn run() -> super::Outcome {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    let rendered = man
        .render_title(&mut page)
        .and_then(|()| man.render_name_section(&mut page))
        .and_then(|()| man.render_synopsis_section(&mut page))
        .and_then(|()| man.render_description_section(&mut page))
        .and_then(|()| man.render_options_section(&mut page));
    if let Err(error) = rendered {
        eprintln!("bri-dash: cannot render the manual page: {error}");
        return Err(super::Stop(2));
    }
    let mut roff = Roff::new();
    commands(&mut roff, &command);
    keys(&mut roff);
    section(&mut roff, "FILES", FILES);
    section(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    roff.control("SH", ["EXAMPLES"]);
    roff.control("nf", [] as [&str; 0]);
    for line in crate::commands::cli::examples_text("").lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", [] as [&str; 0]);
    section(&mut roff, "EXIT STATUS", EXIT_STATUS);
    page.extend_from_slice(roff.render().as_bytes());
    to_stdout(&page)
}

/// Every subcommand with what it does and its own options.
fn commands(roff: &mut Roff, command: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        roff.control("TP", [] as [&str; 0]);
        roff.text([bold(format!("bri-dash {}", sub.get_name()))]);
        roff.text([roman(
            sub.get_about()
                .map(|about| about.to_string())
                .unwrap_or_default(),
        )]);
        for arg in sub.get_arguments().filter(|arg| !arg.is_global_set()) {
            let name = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(names)) => names
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                (None, None) => arg.get_id().to_string(),
            };
            let help = arg
                .get_help()
                .map(|help| help.to_string())
                .unwrap_or_default();
            roff.control("RS", [] as [&str; 0]);
            match help.as_str() {
                "" => roff.text([italic(name)]),
                help => roff.text([italic(name), roman(format!(" — {help}"))]),
            };
            roff.control("RE", [] as [&str; 0]);
        }
    }
}

/// The default keys, as the help popup lists them (`[keys]` in the config rebinds them).
fn keys(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The default bindings; the config's [keys] table rebinds any action by name, and ? in the dashboard lists the bindings in force.",
    )]);
    for (keys, what) in crate::ui::help::key_lines(&Keymap::default(), Lang::En) {
        roff.control("TP", [] as [&str; 0]);
        roff.text([bold(keys)]);
        roff.text([roman(what)]);
    }
}

/// A section of `term: description` entries.
fn section(roff: &mut Roff, title: &str, entries: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (term, description) in entries {
        roff.control("TP", [] as [&str; 0]);
        roff.text([bold(*term)]);
        roff.text([roman(*description)]);
    }
}

const FILES: &[(&str, &str)] = &[
    (
        "~/.config/bri-dash/config.toml",
        "The config, when neither --config nor BRI_DASH_CONFIG names one ($XDG_CONFIG_HOME/bri-dash/config.toml where that is set). Without any, built-in defaults.",
    ),
    (
        "~/.local/share/bri-dash/dataset.schema.json",
        "The dataset schema (as bri-dash schema dataset prints it), written by bri-dash new and rewritten when it differs; the files new writes name it in their #:schema line ($XDG_DATA_HOME/bri-dash/ where that is set).",
    ),
    (
        "~/.local/state/bri-dash/host_ed25519_key",
        "The SSH host key of bri-dash serve, made on first start, mode 0600 ($XDG_STATE_HOME/bri-dash/ where that is set).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "BRI_DASH_CONFIG",
        "The config file, when --config is not given.",
    ),
    (
        "LANG",
        "With language = \"auto\" (the default), Chinese when it starts with zh, else English.",
    ),
    (
        "LC_ALL, LC_CTYPE",
        "With LANG, the first one set says the character set: a locale that is not UTF-8 (LANG=C) draws every frame in ASCII, as --ascii does.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour at all, whatever the theme and [colors] say.",
    ),
    (
        "BRI_DASH_OPENER",
        "The program that o runs with a source's web address (default: xdg-open, or open on macOS).",
    ),
    (
        "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME",
        "Where the config, the dataset schema and the host key are looked for (see FILES).",
    ),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "Invalid data (check); editions that differ (diff --exit-code).",
    ),
    (
        "2",
        "An unusable invocation, an unreadable or invalid file (every command but check), output that cannot be written (or a file new would overwrite), or no terminal for the dashboard.",
    ),
];
