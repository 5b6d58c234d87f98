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
