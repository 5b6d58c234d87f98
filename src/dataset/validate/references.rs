//! Ids and the references between tables: an id's syntax, each table's ids unique, and
//! a reference resolved to its index (or a problem naming the nearest known id).

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::{IdMap, Validator};
use crate::dataset::raw::*;
use crate::files::diagnostic::Problem;
use crate::text::sanitize::escape_for_message;

impl Validator<'_> {
    pub(super) fn id_syntax(&mut self, id: &Spanned<String>) -> String {
        let value = id.get_ref();
        let valid = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            self.problems.push(Problem::at(
                id.span(),
                format!(
                    "invalid id `{}`: expected lowercase letters, digits and `-`",
                    escape_for_message(value)
                ),
            ));
        }
        value.clone()
    }

    /// Checks the ids of one table and returns them mapped to their index.
    pub(super) fn ids<'r>(
        &mut self,
        ids: impl Iterator<Item = &'r SpannedId>,
        what: &str,
    ) -> IdMap {
        let mut map: IdMap = HashMap::new();
        let mut first_span: Vec<Range<usize>> = Vec::new();
        for (index, id) in ids.enumerate() {
            let value = self.id_syntax(id);
            first_span.push(id.span());
            if let Some(&first) = map.get(&value) {
                let first_line = self.line_of(&first_span[first]);
                self.problems.push(Problem::at(
                    id.span(),
                    format!("duplicate {what} id `{value}` (first defined on line {first_line}): expected ids to be unique"),
                ));
            } else {
                map.insert(value, index);
            }
        }
        map
    }

    pub(super) fn reference(&mut self, id: &SpannedId, known: &IdMap, what: &str) -> Option<usize> {
        if let Some(&index) = known.get(id.get_ref()) {
            return Some(index);
        }
        let mut candidates: Vec<&String> = known.keys().collect();
        candidates.sort();
        let mut problem = Problem::at(
            id.span(),
            format!(
                "unknown {what} `{}`: expected the id of a [[{what}s]] entry",
                escape_for_message(id.get_ref())
            ),
        );
        if let Some(best) = candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(id.get_ref(), c), c))
            .filter(|(score, _)| *score > 0.75)
            .max_by(|a, b| a.0.total_cmp(&b.0))
        {
            problem = problem.with_hint(format!("did you mean `{}`?", best.1));
        } else if !candidates.is_empty() {
            let list: Vec<String> = candidates
                .iter()
                .take(8)
                .map(|c| format!("`{c}`"))
                .collect();
            problem = problem.with_hint(format!("known {what}s: {}", list.join(", ")));
        }
        self.problems.push(problem);
        None
    }
}
