//! Problems found in a user's file, with where they are and how to show them.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::location::{LineIndex, Location, floor_char_boundary};
pub use super::problem::{ENGLISH, Message, Problem, ReportWords};
use crate::text::sanitize::{sanitize_line, sanitize_source_for_terminal};

/// Longest stretch of a file quoted under an error. Laying out a line costs time in its
/// length, and a 5 MB line (a huge string) would take seconds and fill the screen: past
/// this, the report gives the place without quoting it.
const MAX_QUOTED_BYTES: usize = 8 * 1024;

/// Most problems a report spells out. A generated or damaged file can hold a hundred
/// thousand; nobody reads past the first screens, and laying each out costs time, so the
/// rest are counted ("… and 9 950 more problems").
pub const MAX_REPORTED_PROBLEMS: usize = 50;

/// Why a file could not be used.
#[derive(Debug, Clone)]
pub enum FileError {
    /// The file could not be read at all (missing, a directory, too large, not UTF-8…).
    Unreadable { origin: String, reason: Message },
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
        self.first_line_in(&ENGLISH)
    }

    /// [`FileError::first_line`] in the reader's language.
    pub fn first_line_in(&self, words: &ReportWords) -> String {
        match self {
            FileError::Unreadable { reason, .. } => sanitize_line((words.pick)(reason)),
            FileError::Invalid { text, problems, .. } => problems
                .first()
                .map(|problem| one_line(&LineIndex::new(text), problem, words))
                .unwrap_or_default(),
        }
    }

    /// `file:line:column: message`, one line per problem, with hints indented below, in
    /// the words given.
    pub fn listed_in(&self, words: &ReportWords) -> String {
        let origin = sanitize_line(self.origin());
        match self {
            FileError::Unreadable { reason, .. } => {
                format!(
                    "{origin}{}{}",
                    words.colon,
                    sanitize_line((words.pick)(reason))
                )
            }
            FileError::Invalid { text, problems, .. } => {
                let lines = LineIndex::new(text);
                let mut listed: Vec<String> = problems
                    .iter()
                    .take(MAX_REPORTED_PROBLEMS)
                    .map(|problem| {
                        let mut line = format!("{origin}:{}", one_line(&lines, problem, words));
                        if let Some(hint) = &problem.hint {
                            let hint = sanitize_line((words.pick)(hint));
                            line.push_str(&format!("\n  {}: {hint}", words.help));
                        }
                        line
                    })
                    .collect();
                listed.extend(more_problems(problems.len(), words));
                listed.join("\n")
            }
        }
    }

    /// Every problem, rustc style: the source line with a caret under the fault.
    pub fn render_report(&self, color: bool) -> String {
        self.render_report_in(color, &ENGLISH)
    }

    /// [`FileError::render_report`] with the report's own words in the reader's language.
    pub fn render_report_in(&self, color: bool, words: &ReportWords) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        match self {
            FileError::Unreadable { origin, reason } => {
                let title = format!(
                    "{}{}{}{}",
                    words.cannot_read,
                    sanitize_line(origin),
                    words.colon,
                    sanitize_line((words.pick)(reason))
                );
                let level = Level::ERROR.with_name(words.error);
                renderer.render(&[Group::with_title(level.primary_title(title))])
            }
            FileError::Invalid {
                origin,
                text,
                problems,
            } => render_problems(
                Level::ERROR.with_name(words.error),
                origin,
                text,
                problems,
                &renderer,
                words,
            ),
        }
    }
}

/// The whole lines of a file that a problem's span covers, made safe to print.
struct Excerpt {
    shown: String,
    /// The number of the excerpt's first line in the file.
    first_line: usize,
    /// The span, relative to the excerpt.
    span: Range<usize>,
}

impl Excerpt {
    /// `None` when the lines are longer than [`MAX_QUOTED_BYTES`].
    fn of(lines: &LineIndex, span: Range<usize>) -> Option<Excerpt> {
        let text = lines.text();
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
        let line_start = text[..start].rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = text[end..]
            .find('\n')
            .map_or(text.len(), |newline| end + newline);
        if line_end - line_start > MAX_QUOTED_BYTES {
            return None;
        }
        Some(Excerpt {
            // Byte offsets survive sanitising, so the span still points at the fault.
            shown: sanitize_source_for_terminal(&text[line_start..line_end]),
            first_line: lines.line(line_start),
            span: start - line_start..end - line_start,
        })
    }
}

/// Warnings about a file that loads: each located and quoted as an error is, at the
/// warning level (`check` reports an indicator that no tab shows this way).
pub fn render_warnings(
    origin: &str,
    text: &str,
    problems: &[Problem],
    color: bool,
    words: &ReportWords,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let level = Level::WARNING.with_name(words.warning);
    render_problems(level, origin, text, problems, &renderer, words)
}

/// Each problem at `level`, quoted from `text` with its location, at most
/// [`MAX_REPORTED_PROBLEMS`] and a count of the rest.
fn render_problems(
    level: Level<'_>,
    origin: &str,
    text: &str,
    problems: &[Problem],
    renderer: &Renderer,
    words: &ReportWords,
) -> String {
    let origin = sanitize_line(origin);
    let lines = LineIndex::new(text);
    let mut reports: Vec<String> = problems
        .iter()
        .take(MAX_REPORTED_PROBLEMS)
        .map(|problem| {
            let message = sanitize_line((words.pick)(&problem.message));
            let mut group = Group::with_title(level.clone().primary_title(message.clone()));
            match &problem.span {
                Some(span) => match Excerpt::of(&lines, span.clone()) {
                    Some(excerpt) => {
                        group = group.element(
                            Snippet::source(excerpt.shown)
                                .line_start(excerpt.first_line)
                                .path(origin.as_str())
                                .fold(true)
                                .annotation(
                                    AnnotationKind::Primary.span(excerpt.span).label(message),
                                ),
                        );
                    }
                    None => {
                        let Location { line, column } = lines.locate(span.start);
                        group = group
                            .element(Origin::path(origin.as_str()).line(line).char_column(column))
                            .element(
                                Level::NOTE
                                    .with_name(words.note)
                                    .message(words.line_too_long),
                            );
                    }
                },
                None => {
                    let note = format!("{}{origin}", words.in_file);
                    group = group.element(Level::NOTE.with_name(words.note).message(note));
                }
            }
            if let Some(hint) = &problem.hint {
                let help = Level::HELP.with_name(words.help);
                group = group.element(help.message(sanitize_line((words.pick)(hint))));
            }
            renderer.render(&[group])
        })
        .collect();
    if let Some(note) = more_problems(problems.len(), words) {
        reports.push(note);
    }
    reports.join("\n\n")
}

/// "… and 9 950 more problems", when there are more than a report spells out.
fn more_problems(count: usize, words: &ReportWords) -> Option<String> {
    let more = count
        .checked_sub(MAX_REPORTED_PROBLEMS)
        .filter(|&more| more > 0)?;
    Some((words.more_problems)(&group_thousands(more), more == 1))
}

/// `9950` as `9 950`: a count read at a glance, in either language.
fn group_thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    grouped
}

fn one_line(lines: &LineIndex, problem: &Problem, words: &ReportWords) -> String {
    let message = sanitize_line((words.pick)(&problem.message));
    match &problem.span {
        Some(span) => {
            let Location { line, column } = lines.locate(span.start);
            format!("{line}:{column}: {message}")
        }
        None => message,
    }
}

/// `file:line:column: message`, one line per problem, with hints indented below, in
/// English ([`FileError::listed_in`] for the reader's language).
impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.listed_in(&ENGLISH))
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_spells_out_a_bounded_number_of_problems_and_counts_the_rest() {
        let text = "x = 1\n".repeat(10_000);
        let error = FileError::Invalid {
            origin: "f.toml".to_owned(),
            text: Arc::from(text.as_str()),
            problems: (0..10_000)
                .map(|line| Problem::at(line * 6..line * 6 + 1, "bad"))
                .collect(),
        };
        let report = error.render_report(false);
        assert_eq!(report.matches("error: bad").count(), MAX_REPORTED_PROBLEMS);
        assert!(report.ends_with("… and 9 950 more problems"), "{report}");
        let listed = error.to_string();
        assert_eq!(listed.lines().count(), MAX_REPORTED_PROBLEMS + 1);
        assert!(listed.starts_with("f.toml:1:1: bad\nf.toml:2:1: bad\n"));
        assert!(listed.ends_with("\n… and 9 950 more problems"), "{listed}");
        assert_eq!(more_problems(MAX_REPORTED_PROBLEMS, &ENGLISH), None);
        assert_eq!(
            more_problems(MAX_REPORTED_PROBLEMS + 1, &ENGLISH).as_deref(),
            Some("… and 1 more problem")
        );
    }

    fn invalid(text: &str, span: Range<usize>, message: &str) -> FileError {
        FileError::Invalid {
            origin: "f.toml".to_owned(),
            text: Arc::from(text),
            problems: vec![Problem::at(span, message)],
        }
    }

    #[test]
    fn quotes_only_the_lines_of_the_fault_and_never_a_huge_one() {
        let text = "a = 1\nb = \"\u{1b}]0;x\u{7}\"\nc = 3\n";
        let start = text.find('b').unwrap();
        let report = invalid(text, start..start + 1, "bad").render_report(false);
        assert!(report.contains("--> f.toml:2:1"), "{report}");
        assert!(report.contains("2 | b = \"?]0;x?\""), "{report}");
        assert!(
            !report.contains("a = 1") && !report.contains('\u{1b}'),
            "{report}"
        );

        let long = format!("x = \"{}\" oops\n", "y".repeat(MAX_QUOTED_BYTES));
        let at = long.find("oops").unwrap();
        let report = invalid(&long, at..at + 4, "unexpected").render_report(false);
        assert!(
            report.contains(&format!("--> f.toml:1:{}", at + 1)),
            "{report}"
        );
        assert!(report.contains("too long to quote"), "{report}");
        assert!(report.len() < 500, "{report}");
    }
}
