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
                    Message::new(
                        format!("duplicate {what} id `{value}` (first defined on line {first_line}): expected ids to be unique"),
                        format!("{} id `{value}` 重复（首次定义于第 {first_line} 行）：id 必须唯一", zh(what)),
                    ),
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
