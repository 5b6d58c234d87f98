//! The help popup's words: what each group of keys does (the keys themselves come from
//! the keymap).

use crate::dataset::Lang;

/// A line of the help popup: what a group of keys does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpLine {
    Sideways,
    Tabs,
    JumpToTab,
    Items,
    Pages,
    FirstLast,
    Panels,
    Open,
    Copy,
    OpenSource,
    Back,
    Search,
    Hits,
    Datasets,
    Compare,
    Reload,
    Problems,
    Language,
    Help,
    Suspend,
    Quit,
    Interrupt,
}

/// What the keys of a help line do.
pub fn help_line(line: HelpLine, lang: Lang) -> &'static str {
    let (en, zh) = match line {
        HelpLine::Sideways => (
            "previous / next tab; on a grid of cards, the card beside; in a figure's detail, the previous / next point of its series",
            "上一个 / 下一个标签页；在卡片网格中移到旁边的卡片；在数据详情中，序列的上一个 / 下一个数据点",
        ),
        HelpLine::Tabs => ("next / previous tab", "下一个 / 上一个标签页"),
        HelpLine::JumpToTab => ("jump to tab 1–9", "跳到第 1–9 个标签页"),
        HelpLine::Items => ("next / previous item", "下一项 / 上一项"),
        HelpLine::Pages => ("page down / up", "向下 / 向上翻页"),
        HelpLine::FirstLast => ("first / last item", "第一项 / 最后一项"),
        HelpLine::Panels => ("next / previous panel", "下一个 / 上一个板块"),
        HelpLine::Open => ("open detail", "查看详情"),
        HelpLine::OpenSource => (
            "open the source's web page (http and https only)",
            "打开来源网页（仅限 http 与 https）",
        ),
        HelpLine::Copy => (
            "copy the figure with its citation (date, source, quote)",
            "复制数字及其出处（日期、来源、引文）",
        ),
        HelpLine::Back => ("close popup, leave search", "关闭弹窗、退出搜索"),
        HelpLine::Search => (
            "search all; ←/→ Ctrl-W Ctrl-U edit the last query",
            "搜索全部内容（←/→ Ctrl-W Ctrl-U 编辑上次的查询）",
        ),
        HelpLine::Hits => ("next / previous hit", "下一个 / 上一个结果"),
        HelpLine::Datasets => ("datasets: switch, compare", "数据集：切换、比较"),
        HelpLine::Compare => (
            "in datasets: compare with the one shown",
            "在数据集中：与当前数据集比较",
        ),
        HelpLine::Reload => ("reload the dataset", "重新加载数据集"),
        HelpLine::Problems => (
            "every problem of the error banner (or click it)",
            "错误横幅的全部问题（或点击横幅）",
        ),
        HelpLine::Language => ("中文 / English", "中文 / English"),
        HelpLine::Help => ("this help", "本帮助"),
        HelpLine::Suspend => ("suspend (fg resumes)", "挂起（fg 恢复）"),
        HelpLine::Quit => (
            "close the popup; quit when none is open",
            "关闭弹窗；没有弹窗时退出",
        ),
        HelpLine::Interrupt => ("quit, always", "随时退出"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
