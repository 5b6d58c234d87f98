//! The program's own words, in each language.

use crate::dataset::{Lang, Qualifier, SourceKind};

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
    /// A figure's detail: choosing a point of its series, and what the chosen one shows.
    pub point_hint: &'static str,
    pub date: &'static str,
    pub value: &'static str,
    pub no_point_quote: &'static str,
    pub picker_title: &'static str,
    pub picker_switch: &'static str,
    pub picker_compare: &'static str,
    pub compare_title: &'static str,
    pub no_differences: &'static str,
    pub reloaded: &'static str,
    pub switched_to: &'static str,
    pub copied: &'static str,
    pub opening: &'static str,
    pub no_address: &'static str,
    pub address: &'static str,
    pub open_failed: &'static str,
    pub last_good: &'static str,
    /// The title of the popup of every problem, and the banner's hint that opens it.
    pub problems_title: &'static str,
    pub problems_hint: &'static str,
    /// The map and the country table.
    pub map_latest: &'static str,
    pub no_data: &'static str,
    pub since: &'static str,
    pub enter_details: &'static str,
    pub hint_zoom: &'static str,
    pub hint_region: &'static str,
    pub hint_year: &'static str,
    pub hint_sort: &'static str,
    pub hint_filter: &'static str,
    pub hint_group: &'static str,
    pub filter_label: &'static str,
    pub region_column: &'static str,
    pub name_column: &'static str,
    pub on_the_map: &'static str,
    pub facts_heading: &'static str,
    /// After a quote that is the dataset's translation, not the source's own words.
    pub our_translation: &'static str,
    /// After a quote that is the source's own words, when the other language is ours.
    pub source_words: &'static str,
    /// Where a figure's quote would be, when no sentence of the source is recorded.
    pub no_quote: &'static str,
    pub stale: &'static str,
    pub search_title: &'static str,
    pub search_keys: &'static str,
    pub search_prompt: &'static str,
    pub search_clear: &'static str,
    pub no_hits: &'static str,
    pub hit: &'static str,
    /// While the search index is still being built.
    pub search_indexing: &'static str,
    /// Where a hit matched, by `app::search::Field` (title, quote, note, date, name,
    /// author, text).
    pub matched_in: [&'static str; 7],
    pub no_percentage: &'static str,
    pub sources_disagree: &'static str,
    /// The help's last line: what the mouse does.
    pub mouse_help: &'static str,
    /// The heading of the help's list of marks.
    pub legend_title: &'static str,
    /// The key bar: what the keys shown do.
    pub hint_tabs: &'static str,
    pub hint_move: &'static str,
    pub hint_detail: &'static str,
    /// The other language, named in itself.
    pub hint_language: &'static str,
    pub hint_help: &'static str,
    pub hint_quit: &'static str,
    pub hint_search: &'static str,
    pub hint_datasets: &'static str,
    /// Between the items of a list in running text: `a, b` / `a、b`.
    pub list_separator: &'static str,
    /// Between a label and what follows it: `Disputed: …` / `存在分歧：…`.
    pub colon: &'static str,
    /// The comparison of two editions, its sections.
    pub changed_indicators: &'static str,
    pub added_indicators: &'static str,
    pub removed_indicators: &'static str,
    pub added_panels: &'static str,
    pub removed_panels: &'static str,
    pub added_points: &'static str,
    pub removed_points: &'static str,
    pub added_countries: &'static str,
    pub removed_countries: &'static str,
    pub changed_countries: &'static str,
    pub unchanged_indicators: &'static str,
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
    point_hint: "←/→ point",
    date: "Date",
    value: "Value",
    no_point_quote: "No source sentence recorded for this point",
    picker_title: "Datasets",
    picker_switch: "Enter open",
    picker_compare: "c compare with the one shown",
    compare_title: "Compared with the dataset shown",
    no_differences: "No differences.",
    reloaded: "✓ reloaded",
    switched_to: "✓ now showing",
    copied: "✓ copied with its citation (if the terminal takes OSC 52 clipboard writes)",
    opening: "↗ opening",
    no_address: "This has no source with a web address to open.",
    address: "↗ open on your machine:",
    open_failed: "⚠ The system's opener (xdg-open, or $BRI_DASH_OPENER) could not be run.",
    last_good: "still showing",
    problems_title: "Problems",
    problems_hint: "all problems",
    map_latest: "everything known",
    no_data: "no data",
    since: "since",
    enter_details: "Enter: every fact",
    hint_zoom: "zoom",
    hint_region: "region",
    hint_year: "year",
    hint_sort: "sort",
    hint_filter: "filter",
    hint_group: "by region",
    filter_label: "Filter",
    region_column: "Region",
    name_column: "Country",
    on_the_map: "On the map",
    facts_heading: "Facts",
    our_translation: "our translation",
    source_words: "the source's words",
    no_quote: "No source sentence recorded",
    stale: "stale",
    search_title: "Search",
    search_keys: "↑/↓ choose · Enter go · Esc cancel",
    search_prompt: "Type to search every tab, in Chinese and English.",
    search_clear: "clear",
    no_hits: "No hits.",
    hit: "hit",
    search_indexing: "Indexing the dataset…",
    matched_in: ["title", "quote", "note", "date", "name", "author", "text"],
    no_percentage: "no percentage of the target",
    sources_disagree: "sources disagree",
    mouse_help: "Mouse: click a tab or item to select it, click again for detail, wheel to scroll; in a detail, click a point of the chart or the list to show it",
    legend_title: "Marks",
    hint_tabs: "tabs",
    hint_move: "move",
    hint_detail: "detail",
    hint_language: "中文",
    hint_help: "help",
    hint_quit: "quit",
    hint_search: "search",
    hint_datasets: "datasets",
    list_separator: ", ",
    colon: ": ",
    changed_indicators: "Changed indicators",
    added_indicators: "Added indicators",
    removed_indicators: "Removed indicators",
    added_panels: "Added panels",
    removed_panels: "Removed panels",
    added_points: "Added points",
    removed_points: "Removed points",
    added_countries: "Added countries",
    removed_countries: "Removed countries",
    changed_countries: "Countries with changed facts",
    unchanged_indicators: "Unchanged indicators",
};

const ZH: Strings = Strings {
    app_name: "bri-dash",
    as_of: "截至",
    source: "来源",
    quote: "引文",
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
    point_hint: "←/→ 数据点",
    date: "日期",
    value: "数值",
    no_point_quote: "此数据点未记录来源原句",
    picker_title: "数据集",
    picker_switch: "Enter 打开",
    picker_compare: "c 与当前数据集比较",
    compare_title: "与当前数据集比较",
    no_differences: "没有差异。",
    reloaded: "✓ 已重新加载",
    switched_to: "✓ 当前显示",
    copied: "✓ 已连同出处复制（终端须支持 OSC 52 剪贴板写入）",
    opening: "↗ 正在打开",
    no_address: "此项没有可打开网址的来源。",
    address: "↗ 请在本机打开：",
    open_failed: "⚠ 无法运行系统的打开程序（xdg-open 或 $BRI_DASH_OPENER）。",
    last_good: "仍显示",
    problems_title: "问题",
    problems_hint: "全部问题",
    map_latest: "全部已知数据",
    no_data: "无数据",
    since: "始于",
    enter_details: "Enter：全部事实",
    hint_zoom: "缩放",
    hint_region: "区域",
    hint_year: "年份",
    hint_sort: "排序",
    hint_filter: "筛选",
    hint_group: "按区域",
    filter_label: "筛选",
    region_column: "区域",
    name_column: "国家",
    on_the_map: "地图位置",
    facts_heading: "事实",
    our_translation: "本数据集的译文",
    source_words: "原文",
    no_quote: "未记录来源原句",
    stale: "已过时",
    search_title: "搜索",
    search_keys: "↑/↓ 选择 · Enter 跳转 · Esc 取消",
    search_prompt: "输入关键词，搜索所有标签页（中英文均可）。",
    search_clear: "清除",
    no_hits: "没有结果。",
    hit: "结果",
    search_indexing: "正在建立索引……",
    matched_in: ["标题", "引文", "注", "日期", "名称", "作者", "正文"],
    no_percentage: "无法计算占目标的百分比",
    sources_disagree: "来源不一致",
    mouse_help: "鼠标：点击标签页或条目选择，再次点击查看详情，滚轮滚动；在详情中点击图表或列表中的数据点查看该点",
    legend_title: "符号",
    hint_tabs: "切换",
    hint_move: "移动",
    hint_detail: "详情",
    hint_language: "English",
    hint_help: "帮助",
    hint_quit: "退出",
    hint_search: "搜索",
    hint_datasets: "数据集",
    list_separator: "、",
    colon: "：",
    changed_indicators: "变化的指标",
    added_indicators: "新增指标",
    removed_indicators: "删除的指标",
    added_panels: "新增板块",
    removed_panels: "删除的板块",
    added_points: "新增要点",
    removed_points: "删除的要点",
    added_countries: "新增国家",
    removed_countries: "删除的国家",
    changed_countries: "事项有变化的国家",
    unchanged_indicators: "未变化的指标",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The heading of a chosen point: "Point 3 of 8" / "数据点 3/8".
pub fn point_of(lang: Lang, point: usize, count: usize) -> String {
    match lang {
        Lang::En => format!("Point {point} of {count}"),
        Lang::Zh => format!("数据点 {point}/{count}"),
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

/// "7 similar" / "7 个相近结果": titles close to a query that found next to nothing.
pub fn similar(lang: Lang, count: usize) -> String {
    match lang {
        Lang::En => format!("{count} similar"),
        Lang::Zh => format!("{count} 个相近结果"),
    }
}

/// "135% of the target" / "达到目标的135%".
/// How far a figure is toward its target, with the figure's qualifier: `at least 120% of
/// the target`, `至少达到目标的120%`.
pub fn percent_of_target(lang: Lang, qualifier: Qualifier, percent: &str) -> String {
    match (lang, qualifier) {
        (Lang::En, qualifier) => {
            let before = match qualifier {
                Qualifier::Exact => "",
                Qualifier::About => "about ",
                Qualifier::MoreThan => "more than ",
                Qualifier::AtLeast => "at least ",
                Qualifier::FewerThan => "less than ",
            };
            format!("{before}{percent}% of the target")
        }
        (Lang::Zh, Qualifier::Exact) => format!("达到目标的{percent}%"),
        (Lang::Zh, Qualifier::About) => format!("约达到目标的{percent}%"),
        (Lang::Zh, Qualifier::MoreThan) => format!("达到目标的{percent}%以上"),
        (Lang::Zh, Qualifier::AtLeast) => format!("至少达到目标的{percent}%"),
        (Lang::Zh, Qualifier::FewerThan) => format!("不到目标的{percent}%"),
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

/// What kind of work a source is.
pub fn source_kind(kind: SourceKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (SourceKind::Article, Lang::En) => "article",
        (SourceKind::Article, Lang::Zh) => "文章",
        (SourceKind::Report, Lang::En) => "report",
        (SourceKind::Report, Lang::Zh) => "报告",
        (SourceKind::News, Lang::En) => "news",
        (SourceKind::News, Lang::Zh) => "新闻",
        (SourceKind::Web, Lang::En) => "web page",
        (SourceKind::Web, Lang::Zh) => "网页",
        (SourceKind::Dataset, Lang::En) => "dataset",
        (SourceKind::Dataset, Lang::Zh) => "数据集",
        (SourceKind::Official, Lang::En) => "official document",
        (SourceKind::Official, Lang::Zh) => "官方文件",
    }
}

/// A year as an axis labels it: `2019`, `2019年`.
pub fn year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::En => year.to_string(),
        Lang::Zh => format!("{year}年"),
    }
}
