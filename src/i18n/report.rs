//! The words of the exported reports: the HTML report and its charts (`Words`), and the
//! Markdown brief (`BriefWords`). One table per language.

use crate::dataset::{Lang, Qualifier};

pub struct Words {
    /// The `lang` attribute of the document.
    pub html_lang: &'static str,
    pub contents: &'static str,
    pub as_of: &'static str,
    pub dataset: &'static str,
    pub source: &'static str,
    pub all_figures: &'static str,
    pub references: &'static str,
    /// A reference to a source as a whole rather than to a sentence of it.
    pub whole_source: &'static str,
    /// The heading of quotes that name no source.
    pub no_source: &'static str,
    /// Marks a quote that is a translation of the source's words.
    pub translation: &'static str,
    pub note: &'static str,
    pub items: &'static str,
    pub target: &'static str,
    pub series: &'static str,
    pub date: &'static str,
    pub value: &'static str,
    pub countries: &'static str,
    pub country: &'static str,
    pub fact: &'static str,
    /// The x axis's title.
    pub year_axis: &'static str,
    /// Above the list of dates that sources disagree on.
    pub disagree: &'static str,
    /// The legend of a mark of a figure another source contradicts.
    pub conflict_legend: &'static str,
    /// A chart's alternative text: `{label}`, then this, then the first and last dates.
    pub chart_from: &'static str,
    pub chart_to: &'static str,
    pub colon: &'static str,
    pub dash: &'static str,
    pub list_separator: &'static str,
    pub name_separator: &'static str,
    pub comma: &'static str,
    pub full_stop: &'static str,
    /// Between a source's authors and its title.
    pub after_authors: &'static str,
    pub title_open: &'static str,
    pub title_close: &'static str,
}

const EN: Words = Words {
    html_lang: "en",
    contents: "Contents",
    as_of: "As of",
    dataset: "Dataset",
    source: "Source",
    all_figures: "All figures",
    references: "References",
    whole_source: "The source as a whole.",
    no_source: "Quoted without a source",
    translation: "translation",
    note: "Note",
    items: "Named",
    target: "Target",
    series: "Over time",
    date: "Date",
    value: "Value",
    countries: "Countries",
    country: "Country",
    fact: "Fact",
    year_axis: "Year",
    disagree: "Sources disagree on",
    conflict_legend: "sources disagree",
    chart_from: ", from ",
    chart_to: " to ",
    colon: ": ",
    dash: " — ",
    list_separator: "; ",
    name_separator: ", ",
    comma: ", ",
    full_stop: ".",
    after_authors: ". ",
    title_open: "",
    title_close: "",
};

const ZH: Words = Words {
    html_lang: "zh-Hans",
    contents: "目录",
    as_of: "截至",
    dataset: "数据集",
    source: "来源",
    all_figures: "全部数据",
    references: "参考文献",
    whole_source: "全文。",
    no_source: "未注明来源的引文",
    translation: "译文",
    note: "说明",
    items: "列举",
    target: "目标",
    series: "历年数据",
    date: "日期",
    value: "数值",
    countries: "国家",
    country: "国家",
    fact: "事项",
    year_axis: "年份",
    disagree: "来源不一致的日期",
    conflict_legend: "来源不一致",
    chart_from: "，",
    chart_to: "至",
    colon: "：",
    dash: "——",
    list_separator: "；",
    name_separator: "、",
    comma: "，",
    full_stop: "。",
    after_authors: "：",
    title_open: "《",
    title_close: "》",
};

/// The marks around a source's title in a reference (《》 in Chinese, none in English): none
/// for a title that carries its own (《河南社会科学》 is not written 《《河南社会科学》》).
pub fn title_marks(title: &str, lang: Lang) -> (&'static str, &'static str) {
    let w = words(lang);
    if title.starts_with(w.title_open) && title.ends_with(w.title_close) {
        ("", "")
    } else {
        (w.title_open, w.title_close)
    }
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// What the sign before a number means, for readers who do not know `≈` or `≥`; `None`
/// for an exact figure, which has no sign.
pub fn qualifier(qualifier: Qualifier, lang: Lang) -> Option<&'static str> {
    let (en, zh) = match qualifier {
        Qualifier::Exact => return None,
        Qualifier::About => ("about", "约"),
        Qualifier::MoreThan => ("more than", "超过"),
        Qualifier::AtLeast => ("at least", "至少"),
        Qualifier::FewerThan => ("fewer than", "少于"),
    };
    Some(match lang {
        Lang::En => en,
        Lang::Zh => zh,
    })
}

/// How old a figure was on the dataset's as-of date, from [`crate::dataset::FuzzyDate::age`]
/// counted to that date: the report must not change with the day it is written, so the
/// age is not counted to today.
pub fn age_at_as_of(age: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{age}, counted from the as-of date"),
        Lang::Zh => format!("{age}（自截至日期起算）"),
    }
}

/// The brief's own words in one language; dataset text comes from the dataset.
pub struct BriefWords {
    pub as_of: &'static str,
    pub dataset: &'static str,
    pub source: &'static str,
    pub all_figures: &'static str,
    pub references: &'static str,
    /// A reference to a source as a whole rather than to a sentence of it.
    pub whole_source: &'static str,
    /// The heading of quotes that name no source.
    pub no_source: &'static str,
    pub note: &'static str,
    pub items: &'static str,
    pub target: &'static str,
    pub series: &'static str,
    pub colon: &'static str,
    pub dash: &'static str,
    pub list_separator: &'static str,
    pub name_separator: &'static str,
    /// The heading of the country facts, and the columns of their tables.
    pub countries: &'static str,
    pub country: &'static str,
    pub code: &'static str,
    pub date: &'static str,
    pub value: &'static str,
    /// After a quote that is the dataset's translation, not the source's words.
    pub translation: &'static str,
}

const BRIEF_EN: BriefWords = BriefWords {
    as_of: "As of",
    dataset: "Dataset",
    source: "Source",
    all_figures: "All figures",
    references: "References",
    whole_source: "The source as a whole.",
    no_source: "Quoted without a source:",
    note: "Note",
    items: "Named",
    target: "Target",
    series: "Over time",
    colon: ": ",
    dash: " — ",
    list_separator: "; ",
    name_separator: ", ",
    countries: "Countries",
    country: "Country",
    code: "Code",
    date: "Date",
    value: "Value",
    translation: " (translation)",
};

const BRIEF_ZH: BriefWords = BriefWords {
    as_of: "截至",
    dataset: "数据集",
    source: "来源",
    all_figures: "全部数据",
    references: "参考文献",
    whole_source: "全文。",
    no_source: "未注明来源的引文：",
    note: "说明",
    items: "列举",
    target: "目标",
    series: "历年数据",
    colon: "：",
    dash: "——",
    list_separator: "；",
    name_separator: "、",
    countries: "国家",
    country: "国家",
    code: "代码",
    date: "日期",
    value: "数值",
    translation: "（译文）",
};

/// The brief's words in `lang`.
pub fn brief_words(lang: Lang) -> &'static BriefWords {
    match lang {
        Lang::En => &BRIEF_EN,
        Lang::Zh => &BRIEF_ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_in_its_own_book_marks_is_not_marked_again() {
        assert_eq!(title_marks("河南社会科学", Lang::Zh), ("《", "》"));
        assert_eq!(title_marks("《河南社会科学》", Lang::Zh), ("", ""));
        assert_eq!(title_marks("Plain", Lang::En), ("", ""));
    }
}
