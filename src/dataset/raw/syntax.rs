//! The syntax errors of a file, each worth reading. toml's parser recovers after an error
//! and reads on, so independent mistakes are all found; but where it cannot tell where a
//! broken value ends (a string left open in an inline table, which TOML 1.1 lets span
//! lines) it finds a "missing comma" on every line that follows. Such a run is one mistake:
//! an error is kept only when a line the parser read without complaint lies between it and
//! the error before.

use crate::files::diagnostic::Problem;
use crate::files::location::LineIndex;
use crate::files::toml_error::toml_problem;

/// The problems of `errors`, in the order of the file, each run of errors on lines with
/// nothing but blanks and comments between them cut to its first.
pub fn syntax_problems(errors: &[toml::de::Error], text: &str) -> Vec<Problem> {
    let mut problems: Vec<Problem> = errors.iter().map(|e| toml_problem(e, text)).collect();
    problems.sort_by_key(|p| p.span.as_ref().map_or(0, |s| s.start));
    let index = LineIndex::new(text);
    let lines: Vec<&str> = text.lines().collect();
    // Lines counted from 1, as `LineIndex` counts them.
    let only_blanks_between = |before: usize, after: usize| {
        lines
            .get(before..after.saturating_sub(1))
            .unwrap_or_default()
            .iter()
            .all(|line| {
                let line = line.trim_start();
                line.is_empty() || line.starts_with('#')
            })
    };
    let mut previous: Option<usize> = None;
    let mut kept = Vec::new();
    for problem in problems {
        let line = problem.span.as_ref().map(|span| index.line(span.start));
        let follows = matches!((previous, line), (Some(before), Some(line)) if only_blanks_between(before, line));
        previous = line.or(previous);
        if !follows {
            kept.push(problem);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<usize> {
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        let index = LineIndex::new(text);
        syntax_problems(&errors, text)
            .iter()
            .map(|p| index.line(p.span.as_ref().unwrap().start))
            .collect()
    }

    #[test]
    fn independent_errors_are_all_kept_and_a_run_of_consequences_is_one() {
        assert_eq!(lines_of("a = 1 2\nb = 3\nc = x\n"), [1, 3]);
        // The string left open leaves the inline table open: every later line "lacks a
        // comma", up to the end of the file.
        let open = "t = { a = \"x, b = 1 }\n\nc = 2\n# a comment\nd = 3\n\n[u]\ne = 4\n";
        let (_, errors) = toml::de::DeTable::parse_recoverable(open);
        assert!(errors.len() > 3, "the parser's run of errors: {errors:?}");
        assert_eq!(lines_of(open), [1]);
    }
}
