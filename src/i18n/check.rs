//! `bri-dash check`'s own words: the line of a dataset that is ok, the closing count, and
//! the words of the rustc-style report (its level names and notes), in each language.
//! Counts keep a space between the digits and 个, as the dashboard's counts do (`12 个结果`).

use crate::dataset::Lang;
use crate::files::diagnostic::{ENGLISH, ReportWords};

/// annotate-snippets writes `: ` after a level's name itself, so a Chinese report reads
/// `错误: …`, as rustc's own reports do, rather than with a full-width colon.
const CHINESE: ReportWords = ReportWords {
    pick: |message| &message.zh,
    error: "错误",
    warning: "警告",
    note: "说明",
    help: "提示",
    cannot_read: "无法读取 ",
    colon: "：",
    in_file: "位于 ",
    line_too_long: "该行太长，此处不予引用",
    more_problems: |grouped, _| format!("……另有 {grouped} 个问题"),
};

/// The words of a report of problems, for the reader's language.
pub fn report_labels(lang: Lang) -> &'static ReportWords {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Zh => &CHINESE,
    }
}

/// What a dataset holds, counted: `(tabs, panels, indicators, events)`.
pub type Contents = (usize, usize, usize, usize);

/// `FILE: ok (2 tabs, 1 panel, 1 indicator, 1 event)` /
/// `FILE：正常（2 个标签页，1 个面板，1 个指标，1 个事件）`.
pub fn dataset_ok(
    lang: Lang,
    origin: &str,
    (tabs, panels, indicators, events): Contents,
) -> String {
    match lang {
        Lang::En => format!(
            "{origin}: ok ({}, {}, {}, {})",
            counted(tabs, "tab", "tabs"),
            counted(panels, "panel", "panels"),
            counted(indicators, "indicator", "indicators"),
            counted(events, "event", "events")
        ),
        Lang::Zh => format!(
            "{origin}：正常（{tabs} 个标签页，{panels} 个面板，{indicators} 个指标，{events} 个事件）"
        ),
    }
}

/// The count a reader looks for at the end, as after `cargo build`:
/// `checked 2 datasets: 2 errors, 1 warning` / `已检查 2 个数据集：2 个错误，1 个警告`.
pub fn checked(lang: Lang, datasets: usize, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::En => {
            let tally = |count: usize, singular: &str, plural: &str| match count {
                0 => format!("no {plural}"),
                _ => counted(count, singular, plural),
            };
            format!(
                "checked {}: {}, {}",
                counted(datasets, "dataset", "datasets"),
                tally(errors, "error", "errors"),
                tally(warnings, "warning", "warnings")
            )
        }
        Lang::Zh => {
            let tally = |count: usize, noun: &str| match count {
                0 => format!("没有{noun}"),
                _ => format!("{count} 个{noun}"),
            };
            format!(
                "已检查 {datasets} 个数据集：{}，{}",
                tally(errors, "错误"),
                tally(warnings, "警告")
            )
        }
    }
}

/// `1 panel`, `2 panels`, `0 panels`.
fn counted(count: usize, singular: &str, plural: &str) -> String {
    let noun = if count == 1 { singular } else { plural };
    format!("{count} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_in_each_language() {
        assert_eq!(
            dataset_ok(Lang::En, "a.toml", (2, 1, 0, 1)),
            "a.toml: ok (2 tabs, 1 panel, 0 indicators, 1 event)"
        );
        assert_eq!(
            dataset_ok(Lang::Zh, "a.toml", (2, 1, 0, 1)),
            "a.toml：正常（2 个标签页，1 个面板，0 个指标，1 个事件）"
        );
        assert_eq!(
            checked(Lang::En, 1, 0, 0),
            "checked 1 dataset: no errors, no warnings"
        );
        assert_eq!(
            checked(Lang::Zh, 3, 4, 1),
            "已检查 3 个数据集：4 个错误，1 个警告"
        );
        assert_eq!(
            checked(Lang::Zh, 1, 0, 0),
            "已检查 1 个数据集：没有错误，没有警告"
        );
    }

    #[test]
    fn a_chinese_report_names_its_levels_and_counts_the_problems_it_leaves_out_in_chinese() {
        use crate::files::diagnostic::{FileError, MAX_REPORTED_PROBLEMS, Problem};
        let text = "x = 1\n".repeat(MAX_REPORTED_PROBLEMS + 2);
        let error = FileError::Invalid {
            origin: "f.toml".to_owned(),
            text: text.as_str().into(),
            problems: [Problem::whole_file("empty")]
                .into_iter()
                .chain(
                    (0..MAX_REPORTED_PROBLEMS + 2)
                        .map(|line| Problem::at(line * 6..line * 6 + 1, "bad").with_hint("fix")),
                )
                .collect(),
        };
        let report = error.render_report_in(false, report_labels(Lang::Zh));
        assert!(report.starts_with("错误: empty\n"), "{report}");
        assert!(report.contains("= 说明: 位于 f.toml\n"), "{report}");
        assert!(report.contains("\n错误: bad\n"), "{report}");
        assert!(report.contains("= 提示: fix"), "{report}");
        assert!(report.ends_with("\n……另有 3 个问题"), "{report}");
        let unreadable = FileError::Unreadable {
            origin: "g.toml".to_owned(),
            reason: "gone".into(),
        };
        assert_eq!(
            unreadable.render_report_in(false, report_labels(Lang::Zh)),
            "错误: 无法读取 g.toml：gone"
        );
    }
}
