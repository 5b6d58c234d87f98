//! The dashboard's own words, in each language. Dataset text comes from the dataset.

use crate::dataset::Lang;

pub struct Strings {
    pub app_name: &'static str,
    pub as_of: &'static str,
    pub source: &'static str,
    pub quote: &'static str,
    pub note: &'static str,
    pub target: &'static str,
    pub items: &'static str,
    pub series: &'static str,
    pub authors: &'static str,
    pub link: &'static str,
    pub figures: &'static str,
    pub points: &'static str,
    pub help_title: &'static str,
    pub too_small: &'static str,
    pub need: &'static str,
    pub nothing_here: &'static str,
    pub language_name: &'static str,
    pub close_hint: &'static str,
    pub scroll_hint: &'static str,
    pub picker_title: &'static str,
    pub picker_switch: &'static str,
    pub picker_compare: &'static str,
    pub compare_title: &'static str,
    pub no_differences: &'static str,
    pub reloaded: &'static str,
    pub switched_to: &'static str,
    pub last_good: &'static str,
    pub stale: &'static str,
    pub search_title: &'static str,
    pub search_keys: &'static str,
    pub search_prompt: &'static str,
    pub search_clear: &'static str,
    pub no_hits: &'static str,
    pub hit: &'static str,
    pub no_percentage: &'static str,
    pub sources_disagree: &'static str,
}

const EN: Strings = Strings {
    app_name: "bri-dash",
    as_of: "as of",
    source: "Source",
    quote: "Quote",
    note: "Note",
    target: "Target",
    items: "Named",
    series: "Over time",
    authors: "Authors",
    link: "Link",
    figures: "Figures",
    points: "Points",
    help_title: "Keys",
    too_small: "Terminal too small",
    need: "need at least",
    nothing_here: "Nothing here in this dataset.",
    language_name: "English",
    close_hint: "Esc close",
    scroll_hint: "↑/↓ scroll",
    picker_title: "Datasets",
    picker_switch: "Enter open",
    picker_compare: "c compare with the one shown",
    compare_title: "Compared with the dataset shown",
    no_differences: "No differences.",
    reloaded: "✓ reloaded",
    switched_to: "✓ now showing",
    last_good: "showing the last good data",
    stale: "stale",
    search_title: "Search",
    search_keys: "↑/↓ choose · Enter go · Esc cancel",
    search_prompt: "Type to search every tab, in Chinese and English.",
    search_clear: "clear",
    no_hits: "No hits.",
    hit: "hit",
    no_percentage: "no percentage of the target",
    sources_disagree: "sources disagree",
};

const ZH: Strings = Strings {
    app_name: "bri-dash",
    as_of: "截至",
    source: "来源",
    quote: "原文",
    note: "说明",
    target: "目标",
    items: "列举",
    series: "历年数据",
    authors: "作者",
    link: "链接",
    figures: "数据",
    points: "要点",
    help_title: "按键",
    too_small: "终端窗口太小",
    need: "至少需要",
    nothing_here: "此数据集中没有内容。",
    language_name: "中文",
    close_hint: "Esc 关闭",
    scroll_hint: "↑/↓ 滚动",
    picker_title: "数据集",
    picker_switch: "Enter 打开",
    picker_compare: "c 与当前数据集比较",
    compare_title: "与当前数据集比较",
    no_differences: "没有差异。",
    reloaded: "✓ 已重新加载",
    switched_to: "✓ 当前显示",
    last_good: "仍显示上次有效的数据",
    stale: "已过时",
    search_title: "搜索",
    search_keys: "↑/↓ 选择 · Enter 跳转 · Esc 取消",
    search_prompt: "输入关键词，搜索所有标签页（中英文均可）。",
    search_clear: "清除",
    no_hits: "没有结果。",
    hit: "结果",
    no_percentage: "无法计算占目标的百分比",
    sources_disagree: "来源不一致",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// "cited 3 times" / "被引用 3 次".
pub fn cited(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 1) => "cited once".to_owned(),
        (Lang::En, n) => format!("cited {n} times"),
        (Lang::Zh, n) => format!("被引用 {n} 次"),
    }
}

/// "12 hits" / "12 个结果".
pub fn hits(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 1) => "1 hit".to_owned(),
        (Lang::En, n) => format!("{n} hits"),
        (Lang::Zh, n) => format!("{n} 个结果"),
    }
}

/// "135% of the target" / "达到目标的135%".
pub fn percent_of_target(lang: Lang, percent: &str) -> String {
    match lang {
        Lang::En => format!("{percent}% of the target"),
        Lang::Zh => format!("达到目标的{percent}%"),
    }
}

/// The gaps a chart leaves open: "No figure between 2018 and 2020, 2021 and 2023: not
/// joined." / "2018与2020、2021与2023之间没有数据，未连线。"
pub fn gaps(lang: Lang, between: &[(String, String)]) -> String {
    match lang {
        Lang::En => {
            let pairs: Vec<String> = between
                .iter()
                .map(|(a, b)| format!("{a} and {b}"))
                .collect();
            format!("No figure between {}: not joined.", pairs.join(", "))
        }
        Lang::Zh => {
            let pairs: Vec<String> = between.iter().map(|(a, b)| format!("{a}与{b}")).collect();
            format!("{}之间没有数据，未连线。", pairs.join("、"))
        }
    }
}

/// The heading of a bar chart of figures in one unit: "Compared (trains)" / "对比（列）".
pub fn compared(lang: Lang, unit: &str) -> String {
    match lang {
        Lang::En => format!("Compared ({unit})"),
        Lang::Zh => format!("对比（{unit}）"),
    }
}
