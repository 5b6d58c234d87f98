//! One thing wrong with a file, said in both languages, and the words a report of problems
//! is written in.
//!
//! A file is read once and its problems may be shown to readers of either language (each
//! session of `bri-dash serve` has its own), so a problem carries both, chosen where it is
//! shown. This layer knows no language type: the words of a report pick the side.

use std::ops::Range;

/// A message in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub en: String,
    pub zh: String,
}

impl Message {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Message {
        Message {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// Words that have no Chinese rendering (toml's own messages, which the crate writes in
/// English and which cannot all be matched reliably) read the same for every reader.
impl From<String> for Message {
    fn from(same: String) -> Message {
        Message {
            zh: same.clone(),
            en: same,
        }
    }
}

impl From<&str> for Message {
    fn from(same: &str) -> Message {
        Message::from(same.to_owned())
    }
}

/// The report's own words, in the reader's language: the commands and the app pass the
/// words `crate::i18n::report_labels` gives them.
#[derive(Debug, Clone, Copy)]
pub struct ReportWords {
    /// The side of a [`Message`] this reader reads.
    pub pick: fn(&Message) -> &str,
    /// The level names annotate-snippets writes before each title (`error`, `warning`…).
    pub error: &'static str,
    pub warning: &'static str,
    pub note: &'static str,
    pub help: &'static str,
    /// A title's `cannot read FILE: REASON`, as `{cannot_read}FILE{colon}REASON`.
    pub cannot_read: &'static str,
    pub colon: &'static str,
    /// The note of a problem of the whole file: `{in_file}FILE`.
    pub in_file: &'static str,
    pub line_too_long: &'static str,
    /// "… and 9 950 more problems", given the count already grouped and whether it is one.
    pub more_problems: fn(grouped: &str, one: bool) -> String,
}

/// English, the words annotate-snippets writes by itself.
pub const ENGLISH: ReportWords = ReportWords {
    pick: |message| &message.en,
    error: "error",
    warning: "warning",
    note: "note",
    help: "help",
    cannot_read: "cannot read ",
    colon: ": ",
    in_file: "in ",
    line_too_long: "the line is too long to quote here",
    more_problems: |grouped, one| {
        let noun = if one { "problem" } else { "problems" };
        format!("… and {grouped} more {noun}")
    },
};

/// One thing wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the file's text; `None` when the problem is the file as a whole.
    pub span: Option<Range<usize>>,
    pub message: Message,
    pub hint: Option<Message>,
}

impl Problem {
    pub fn at(span: Range<usize>, message: impl Into<Message>) -> Problem {
        Problem {
            span: Some(span),
            message: message.into(),
            hint: None,
        }
    }

    pub fn whole_file(message: impl Into<Message>) -> Problem {
        Problem {
            span: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<Message>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}
