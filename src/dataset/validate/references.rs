//! Ids and the references between tables: an id's syntax, each table's ids unique, and
//! a reference resolved to its index (or a problem naming the nearest known id).

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::words::zh;
use super::{IdMap, Validator};
use crate::dataset::raw::*;
use crate::files::diagnostic::{Message, Problem};
use crate::text::sanitize::escape_for_message;

/// The ids of one table, gathered an entry at a time (the figures of a large file are
/// checked as they are read, never all held at once).
pub(super) struct IdTable {
    pub(super) map: IdMap,
    first_spans: Vec<Range<usize>>,
    what: &'static str,
}

impl IdTable {
    pub(super) fn new(what: &'static str) -> IdTable {
        IdTable {
            map: HashMap::new(),
            first_spans: Vec::new(),
            what,
        }
    }
}

impl Validator<'_> {
    pub(super) fn id_syntax(&mut self, id: &Spanned<String>) -> String {
        let value = id.get_ref();
        let valid = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            let shown = escape_for_message(value);
            self.problems.push(Problem::at(
                id.span(),
                Message::new(
                    format!("invalid id `{shown}`: expected lowercase letters, digits and `-`"),
                    format!("无效的 id `{shown}`：只能由小写字母、数字和 `-` 组成"),
                ),
            ));
        }
        value.clone()
    }

    /// Checks the ids of one table and returns them mapped to their index.
    pub(super) fn ids<'r>(
        &mut self,
        ids: impl Iterator<Item = &'r SpannedId>,
        what: &'static str,
    ) -> IdMap {
        let mut table = IdTable::new(what);
        for id in ids {
            self.add_id(&mut table, id);
        }
        table.map
    }

    /// Checks the next id of `table`'s table: its syntax, and that no earlier entry has it.
    pub(super) fn add_id(&mut self, table: &mut IdTable, id: &SpannedId) {
        let value = self.id_syntax(id);
        let index = table.first_spans.len();
        table.first_spans.push(id.span());
        if let Some(&first) = table.map.get(&value) {
            let first_line = self.line_of(&table.first_spans[first]);
            let what = table.what;
            self.problems.push(Problem::at(
                id.span(),
                Message::new(
                    format!("duplicate {what} id `{value}` (first defined on line {first_line}): expected ids to be unique"),
                    format!("{} id `{value}` 重复（首次定义于第 {first_line} 行）：id 必须唯一", zh(what)),
                ),
            ));
        } else {
            table.map.insert(value, index);
        }
    }

    pub(super) fn reference(&mut self, id: &SpannedId, known: &IdMap, what: &str) -> Option<usize> {
        if let Some(&index) = known.get(id.get_ref()) {
            return Some(index);
        }
        let mut candidates: Vec<&String> = known.keys().collect();
        candidates.sort();
        let mut problem = Problem::at(id.span(), {
            let shown = escape_for_message(id.get_ref());
            Message::new(
                format!("unknown {what} `{shown}`: expected the id of a [[{what}s]] entry"),
                format!(
                    "未知的{} `{shown}`：应为某个 [[{what}s]] 条目的 id",
                    zh(what)
                ),
            )
        });
        if let Some(best) = candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(id.get_ref(), c), c))
            .filter(|(score, _)| *score > 0.75)
            .max_by(|a, b| a.0.total_cmp(&b.0))
        {
            problem = problem.with_hint(Message::new(
                format!("did you mean `{}`?", best.1),
                format!("是否想写 `{}`？", best.1),
            ));
        } else if !candidates.is_empty() {
            let list: Vec<String> = candidates
                .iter()
                .take(8)
                .map(|c| format!("`{c}`"))
                .collect();
            problem = problem.with_hint(Message::new(
                format!("known {what}s: {}", list.join(", ")),
                format!("已有的{}：{}", zh(what), list.join("、")),
            ));
        }
        self.problems.push(problem);
        None
    }
}
