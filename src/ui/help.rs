//! The help popup (`?`): every action and the keys bound to it, from the keymap in force.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::PopupLayout;
use super::strings::strings;
use super::text::{truncate, width};
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::{Action, App};
use crate::dataset::Lang;

/// Each line of the help: the actions it covers (their keys joined by ` / `), and what
/// they do in English and Chinese. Pairs share a line so that the whole help fits 80×24.
const ENTRIES: &[(&[Action], &str, &str)] = &[
    (
        &[Action::NextTab, Action::PrevTab],
        "next / previous tab",
        "下一个 / 上一个标签页",
    ),
    (
        &[Action::GoToTab(0)],
        "jump to tab 1–9",
        "跳到第 1–9 个标签页",
    ),
    (
        &[Action::Down, Action::Up],
        "next / previous item",
        "下一项 / 上一项",
    ),
    (
        &[Action::PageDown, Action::PageUp],
        "page down / up",
        "向下 / 向上翻页",
    ),
    (
        &[Action::Top, Action::Bottom],
        "first / last item",
        "第一项 / 最后一项",
    ),
    (
        &[Action::NextPanel, Action::PrevPanel],
        "next / previous panel",
        "下一个 / 上一个板块",
    ),
    (&[Action::Open], "open detail", "查看详情"),
    (
        &[Action::Back],
        "close popup, leave search",
        "关闭弹窗、退出搜索",
    ),
    (&[Action::Search], "search everything", "搜索全部内容"),
    (
        &[Action::NextHit, Action::PrevHit],
        "next / previous hit",
        "下一个 / 上一个结果",
    ),
    (
        &[Action::OpenPicker],
        "datasets: switch, compare",
        "数据集：切换、比较",
    ),
    (
        &[Action::Compare],
        "in datasets: compare with the one shown",
        "在数据集中：与当前数据集比较",
    ),
    (&[Action::Reload], "reload the dataset", "重新加载数据集"),
    (
        &[Action::ToggleLanguage],
        "中文 / English",
        "中文 / English",
    ),
    (&[Action::ToggleHelp], "this help", "本帮助"),
    (
        &[Action::Suspend],
        "suspend (fg resumes)",
        "挂起（fg 恢复）",
    ),
    (&[Action::Quit], "quit", "退出"),
];

/// The help popup's width, borders included.
const WIDTH: u16 = 64;

fn keys_text(app: &App, actions: &[Action]) -> String {
    actions
        .iter()
        .map(|action| {
            if let Action::GoToTab(_) = action {
                return "1 … 9".to_owned();
            }
            app.keymap
                .keys_for(action)
                .iter()
                .map(|key| key.label())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

fn lines(app: &App, inner_width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let rows: Vec<(String, &str)> = ENTRIES
        .iter()
        .map(|(actions, en, zh)| {
            (
                keys_text(app, actions),
                if app.lang == Lang::Zh { *zh } else { *en },
            )
        })
        .collect();
    let key_column = rows
        .iter()
        .map(|(keys, _)| width(keys))
        .max()
        .unwrap_or(0)
        .min(inner_width / 2);
    let mut out: Vec<Line> = rows
        .into_iter()
        .map(|(keys, what)| {
            let keys = truncate(&keys, key_column);
            let pad = " ".repeat(key_column - width(&keys) + 2);
            let room = inner_width.saturating_sub(key_column + 2);
            Line::from(vec![
                Span::styled(keys, theme.key),
                Span::raw(pad),
                Span::styled(truncate(what, room), theme.text),
            ])
        })
        .collect();
    let mouse = if app.lang == Lang::Zh {
        "鼠标：点击标签页或条目选择，再次点击查看详情，滚轮滚动"
    } else {
        "Mouse: click a tab or item to select it, click again for detail, wheel to scroll"
    };
    out.push(Line::raw(""));
    out.push(Line::styled(truncate(mouse, inner_width), theme.muted));
    out
}

/// Draws the help; reports its area.
pub fn render(app: &App, frame: &mut Frame, screen: Rect) -> PopupLayout {
    let s = strings(app.lang);
    let width = popup::centered(screen, WIDTH, screen.height)
        .width
        .saturating_sub(4);
    let lines = lines(app, width as usize);
    let rect = popup::centered(screen, WIDTH, lines.len() as u16 + 2);
    let inner = popup::frame(frame, rect, s.help_title, s.close_hint, &app.theme);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    write_lines(frame.buffer_mut(), inner, &lines, 0);
    PopupLayout {
        area: rect,
        ..PopupLayout::default()
    }
}
