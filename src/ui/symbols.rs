//! The marks the dashboard draws, and what each means: the help's legend is drawn from
//! this table, so a mark on screen is always explained there. Every mark is one column
//! wide, and each means one thing (a stale figure and sources that disagree have marks of
//! their own).

use crate::dataset::Lang;
use crate::ui::widgets::line_chart::{CONFLICT, POINT, SELECTED_POINT};

/// A figure older than `stale_after_months`.
pub const STALE: char = '◷';
/// Something that did not load or is not valid.
pub const PROBLEM: char = '⚠';

/// Each mark, and what it means in `lang`.
pub fn legend(lang: Lang) -> Vec<(String, &'static str)> {
    let entries: [(String, &str, &str); 11] = [
        ("▶".into(), "the selection", "当前选中项"),
        ("■".into(), "a panel's headline figure", "板块的主要数字"),
        (
            POINT.into(),
            "a point of a panel, an observation of a series",
            "板块要点；序列中的一个观测值",
        ),
        ("◦".into(), "a sub-point", "次级要点"),
        (
            SELECTED_POINT.into(),
            "the point of a series chosen in a detail (←/→, or a click)",
            "详情中选中的序列数据点（←/→ 或点击）",
        ),
        (
            CONFLICT.into(),
            "sources disagree on this date",
            "各来源在此日期的数字不一致",
        ),
        (
            STALE.into(),
            "stale: older than the configured limit",
            "过时：早于设定的期限",
        ),
        (
            PROBLEM.into(),
            "a problem: not loaded or not valid",
            "问题：未能加载或无效",
        ),
        ("≈".into(), "about", "约"),
        ("> ≥".into(), "more than, at least", "多于、至少"),
        ("<".into(), "fewer than", "少于"),
    ];
    entries
        .into_iter()
        .map(|(mark, en, zh)| (mark, if lang == Lang::Zh { zh } else { en }))
        .collect()
}
