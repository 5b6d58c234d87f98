//! The help popup (`?`): every action and the keys bound to it, from the keymap in force.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::PopupLayout;
use super::text::{truncate, width};
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::Action;
use crate::i18n::{HelpLine, help_line, strings};
use crate::ui::Screen;

/// Each line of the help: the actions it covers (their keys joined by ` / `), and what
/// they do (in `i18n`). Pairs share a line so that the whole help fits 80×24.
const ENTRIES: &[(&[Action], HelpLine)] = &[
    (&[Action::NextTab, Action::PrevTab], HelpLine::Tabs),
    (&[Action::GoToTab(0)], HelpLine::JumpToTab),
    (&[Action::Down, Action::Up], HelpLine::Items),
    (&[Action::PageDown, Action::PageUp], HelpLine::Pages),
    (&[Action::Top, Action::Bottom], HelpLine::FirstLast),
    (&[Action::NextPanel, Action::PrevPanel], HelpLine::Panels),
    (&[Action::Open], HelpLine::Open),
    (&[Action::Back], HelpLine::Back),
    (&[Action::Search], HelpLine::Search),
    (&[Action::NextHit, Action::PrevHit], HelpLine::Hits),
    (&[Action::OpenPicker], HelpLine::Datasets),
    (&[Action::Compare], HelpLine::Compare),
    (&[Action::Reload], HelpLine::Reload),
    (&[Action::ToggleLanguage], HelpLine::Language),
    (&[Action::ToggleHelp], HelpLine::Help),
    (&[Action::Suspend], HelpLine::Suspend),
    (&[Action::Quit], HelpLine::Quit),
];

/// The help popup's width, borders included.
const WIDTH: u16 = 64;

fn keys_text(app: &Screen, actions: &[Action]) -> String {
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

fn lines(app: &Screen, inner_width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let rows: Vec<(String, &str)> = ENTRIES
        .iter()
        .map(|(actions, line)| (keys_text(app, actions), help_line(*line, app.lang)))
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
    let mouse = strings(app.lang).mouse_help;
    out.push(Line::raw(""));
    out.push(Line::styled(truncate(mouse, inner_width), theme.muted));
    out
}

/// Draws the help; reports its area.
pub fn render(app: &Screen, frame: &mut Frame, screen: Rect) -> PopupLayout {
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
