//! Datasets that change while the dashboard is open: the catalog the picker shows, what a
//! (re)load brings back to `update`, and the banner that reports it.

use std::sync::Arc;

use ratatui::style::Color;

use super::keymap::Keymap;
use super::search::SearchIndex;
use super::theme::{Role, ThemeName};
use crate::dataset::{Dataset, FuzzyDate, Lang, Text};
use crate::files::diagnostic::FileError;
use crate::i18n::report_labels;

/// The first problem of a file in one line, as `file:line:column: message` (or
/// `file: reason` for a file that could not be read): what a banner or a status shows.
pub fn problem_line(error: &FileError) -> String {
    error
        .to_string()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// One dataset the config names, as the picker shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    pub name: String,
    /// Where it comes from (`builtin:NAME` or a path), for display.
    pub location: String,
    pub status: CatalogStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CatalogStatus {
    /// Not read yet.
    Unknown,
    Ok {
        title: Text,
        as_of: FuzzyDate,
    },
    /// The first problem, `file:line:column: message`.
    Invalid(String),
}

/// Why a dataset is being loaded: it decides what a failure does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadReason {
    /// The user picked another dataset.
    Switch,
    /// Its file changed, or the user pressed `r`.
    Reload,
    /// The user asked to compare it with the dataset shown.
    Compare,
}

/// The outcome of loading a dataset, handed to `update` by the runtime.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Its index in the catalog; `None` for a dataset opened by path.
    pub entry: Option<usize>,
    pub reason: LoadReason,
    pub result: Result<Arc<Dataset>, FileError>,
    /// The search index of the dataset read, built with it by the store's worker (none for
    /// a comparison, which is not searched).
    pub index: Option<Arc<SearchIndex>>,
    /// The problem that still stands once this load is done, as the library keeps it: the
    /// config's, else the shown dataset's last reload. A load that works replaces the error
    /// banner with a notice only when this is `None`, so a warning lasts as long as its
    /// cause, not until whatever happens next.
    pub problem: Option<Text>,
}

/// Loads are compared by identity: two loads are the same only if they carry the same
/// dataset (or fail the same way).
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        let same_result = match (&self.result, &other.result) {
            (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
            (Err(a), Err(b)) => a.to_string() == b.to_string(),
            _ => false,
        };
        self.entry == other.entry
            && self.reason == other.reason
            && self.problem == other.problem
            && same_result
    }
}

/// Every problem of a file, one a line with its place and hint, in each language: the
/// banner shows the first line and its detail (`e`) the whole, in the reader's language
/// (a file read once is shown to sessions of either).
pub fn problem_report(error: &FileError) -> Text {
    Text {
        en: error.listed_in(report_labels(Lang::En)),
        zh: error.listed_in(report_labels(Lang::Zh)),
    }
}

/// A line above the content: a passing notice, or an error that stays until it is fixed.
/// It holds facts, not sentences, so that it follows the language switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Banner {
    /// The shown dataset was read again. Goes away by itself after a moment.
    Reloaded,
    /// Another dataset, by catalog name, is shown. Goes away by itself.
    Switched(String),
    /// A citation was put on the clipboard. Goes away by itself.
    Copied,
    /// A source's web address is being opened. Goes away by itself.
    Opening(String),
    /// What is shown has no source with a web address. Goes away by itself.
    NoAddress,
    /// The address of a source, for a reader over SSH to open on their own machine.
    /// Goes away by itself.
    Address(String),
    /// The system's opener could not be run. Goes away by itself.
    OpenFailed,
    /// A dataset or config that cannot be used: every problem, in each language; the
    /// banner shows the first line, `e` the whole. Stays while the problem lasts; the last
    /// good data stays on screen beneath it.
    Error(Text),
}

impl Banner {
    pub fn is_notice(&self) -> bool {
        !matches!(self, Banner::Error(_))
    }
}

/// What of the config a session is shown by: applied at start, and again live whenever the
/// config file is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub theme: ThemeName,
    /// `[colors]`: a role recoloured, foreground and background.
    pub colors: Vec<(Role, Option<Color>, Option<Color>)>,
    pub keymap: Keymap,
    pub stale_after_months: Option<u32>,
    /// The language to switch to: set at start, and live only when the config's language
    /// itself changed (a reader's own choice with `L` stays otherwise).
    pub lang: Option<Lang>,
}
