//! Problems found in a user's file, with where they are and how to show them.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::sanitize::sanitize_line;

/// One thing wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the file's text; `None` when the problem is the file as a whole.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn at(span: Range<usize>, message: impl Into<String>) -> Problem {
        Problem {
            span: Some(span),
            message: message.into(),
            hint: None,
        }
    }

    pub fn whole_file(message: impl Into<String>) -> Problem {
        Problem {
            span: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

/// Line and column, both counted from 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

pub fn locate(text: &str, offset: usize) -> Location {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Location {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Why a file could not be used.
#[derive(Debug, Clone)]
pub enum FileError {
    /// The file could not be read at all (missing, a directory, too large, not UTF-8…).
    Unreadable { origin: String, reason: String },
    /// The file was read and is wrong; every problem found is listed.
    Invalid {
        origin: String,
        text: Arc<str>,
        problems: Vec<Problem>,
    },
}

impl FileError {
    pub fn origin(&self) -> &str {
        match self {
            FileError::Unreadable { origin, .. } | FileError::Invalid { origin, .. } => origin,
        }
    }

    /// The first problem as `line:column: message`, for one-line summaries.
    pub fn first_line(&self) -> String {
        match self {
            FileError::Unreadable { reason, .. } => sanitize_line(reason),
            FileError::Invalid { text, problems, .. } => problems
                .first()
                .map(|problem| one_line(text, problem))
                .unwrap_or_default(),
        }
    }

    /// Every problem, rustc style: the source line with a caret under the fault.
    pub fn render_report(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        match self {
            FileError::Unreadable { origin, reason } => {
                let title = format!(
                    "cannot read {}: {}",
                    sanitize_line(origin),
                    sanitize_line(reason)
                );
                renderer.render(&[Group::with_title(Level::ERROR.primary_title(title))])
            }
            FileError::Invalid {
                origin,
                text,
                problems,
            } => {
                let origin = sanitize_line(origin);
                // The snippet shows the user's own lines; make them safe to print first.
                let shown = crate::sanitize::sanitize_source_for_terminal(text);
                let reports: Vec<String> = problems
                    .iter()
                    .map(|problem| {
                        let message = sanitize_line(&problem.message);
                        let mut group =
                            Group::with_title(Level::ERROR.primary_title(message.clone()));
                        match &problem.span {
                            Some(span) => {
                                let span = clamp_span(&shown, span.clone());
                                group = group.element(
                                    Snippet::source(shown.as_str())
                                        .path(origin.as_str())
                                        .fold(true)
                                        .annotation(
                                            AnnotationKind::Primary.span(span).label(message),
                                        ),
                                );
                            }
                            None => {
                                group = group.element(Level::NOTE.message(format!("in {origin}")));
                            }
                        }
                        if let Some(hint) = &problem.hint {
                            group = group.element(Level::HELP.message(sanitize_line(hint)));
                        }
                        renderer.render(&[group])
                    })
                    .collect();
                reports.join("\n\n")
            }
        }
    }
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    start..end
}

fn one_line(text: &str, problem: &Problem) -> String {
    let message = sanitize_line(&problem.message);
    match &problem.span {
        Some(span) => {
            let Location { line, column } = locate(text, span.start);
            format!("{line}:{column}: {message}")
        }
        None => message,
    }
}

/// `file:line:column: message`, one line per problem, with hints indented below.
impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let origin = sanitize_line(self.origin());
        match self {
            FileError::Unreadable { reason, .. } => {
                write!(f, "{origin}: {}", sanitize_line(reason))
            }
            FileError::Invalid { text, problems, .. } => {
                for (index, problem) in problems.iter().enumerate() {
                    if index > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{origin}:{}", one_line(text, problem))?;
                    if let Some(hint) = &problem.hint {
                        write!(f, "\n  help: {}", sanitize_line(hint))?;
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Turns a toml parse or type error into a located problem, with a "did you mean" hint
/// for misspelt keys.
pub fn from_toml_error(error: &toml::de::Error) -> Problem {
    let message = error.message().trim().to_owned();
    let problem = match error.span() {
        Some(span) => Problem::at(span, message.clone()),
        None => Problem::whole_file(message.clone()),
    };
    match misspelt_key_hint(&message) {
        Some(hint) => problem.with_hint(hint),
        None => problem,
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`", the closest expected key.
fn misspelt_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(format!("did you mean `{}`?", best.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let text = "a = 1\n标题 = \"x\"\n";
        assert_eq!(locate(text, 0), Location { line: 1, column: 1 });
        let offset = text.find('=').unwrap();
        assert_eq!(locate(text, offset), Location { line: 1, column: 3 });
        let offset = text.rfind('=').unwrap();
        assert_eq!(locate(text, offset), Location { line: 2, column: 4 });
    }

    #[test]
    fn suggests_the_closest_known_key() {
        let hint =
            misspelt_key_hint("unknown field `as_off`, expected one of `id`, `title`, `as_of`");
        assert_eq!(hint.as_deref(), Some("did you mean `as_of`?"));
        assert_eq!(
            misspelt_key_hint("unknown field `zzz`, expected `id`"),
            None
        );
    }
}
