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
