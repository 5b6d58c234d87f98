//! The help popup (`?`): every action and the keys bound to it, from the keymap in force,
//! then what each mark on screen means. It wraps to the screen's width and scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::PopupLayout;
use super::symbols;
use super::text::{truncate, width, wrap_at_most};
use super::widgets::popup;
use crate::app::{Action, Keymap};
use crate::dataset::Lang;
use crate::i18n::{HelpLine, help_line, strings};
use crate::ui::Screen;

/// Each line of the help: the actions it covers (their keys joined by ` / `), and what
/// they do (in `i18n`).
const ENTRIES: &[(&[Action], HelpLine)] = &[
    (&[Action::Left, Action::Right], HelpLine::Sideways),
    (&[Action::NextTab, Action::PrevTab], HelpLine::Tabs),
    (&[Action::GoToTab(0)], HelpLine::JumpToTab),
    (&[Action::Down, Action::Up], HelpLine::Items),
    (&[Action::PageDown, Action::PageUp], HelpLine::Pages),
    (&[Action::Top, Action::Bottom], HelpLine::FirstLast),
    (&[Action::NextPanel, Action::PrevPanel], HelpLine::Panels),
    (&[Action::Open], HelpLine::Open),
    (&[Action::Copy], HelpLine::Copy),
    (&[Action::OpenSource], HelpLine::OpenSource),
    (&[Action::Back], HelpLine::Back),
    (&[Action::Search], HelpLine::Search),
    (&[Action::NextHit, Action::PrevHit], HelpLine::Hits),
    (&[Action::OpenPicker], HelpLine::Datasets),
    (&[Action::Compare], HelpLine::Compare),
    (&[Action::Reload], HelpLine::Reload),
    (&[Action::ShowProblems], HelpLine::Problems),
    (&[Action::ToggleLanguage], HelpLine::Language),
    (&[Action::ToggleHelp], HelpLine::Help),
    (&[Action::Suspend], HelpLine::Suspend),
    (&[Action::Quit], HelpLine::Quit),
    (&[Action::Interrupt], HelpLine::Interrupt),
];

/// The widest the help grows, borders included: wider lines are hard to read.
const MAX_WIDTH: u16 = 96;

/// Every line of the help's keys: the keys bound (by `keymap`) and what they do in `lang`.
/// The help popup shows them, and so does the manual page's KEYS section.
pub fn key_lines(keymap: &Keymap, lang: Lang) -> Vec<(String, &'static str)> {
    ENTRIES
        .iter()
        .map(|(actions, line)| (keys_text(keymap, actions), help_line(*line, lang)))
        .collect()
}

fn keys_text(keymap: &Keymap, actions: &[Action]) -> String {
    actions
        .iter()
        .map(|action| match action {
            Action::GoToTab(_) => "1 … 9".to_owned(),
            // Not in the keymap: the input layer answers Ctrl-C whatever the config binds.
            Action::Interrupt => "Ctrl-C".to_owned(),
            _ => keymap
                .keys_for(action)
                .iter()
                .map(|key| key.label())
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A two-column row: `left` in a column of `left_width`, `right` wrapped beside it.
fn row(
    app: &Screen,
    (left, right): (&str, &str),
    left_width: usize,
    inner_width: usize,
) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let left = truncate(left, left_width);
    let room = inner_width.saturating_sub(left_width + 2).max(1);
    wrap_at_most(app.memory, right, room, usize::MAX)
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let lead = if index == 0 {
                left.clone()
            } else {
                String::new()
            };
            let pad = " ".repeat(left_width + 2 - width(&lead));
            Line::from(vec![
                Span::styled(lead, theme.key),
                Span::raw(pad),
                Span::styled(text, theme.text),
            ])
        })
        .collect()
}

fn lines(app: &Screen, inner_width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let s = strings(app.lang);
    let keys = key_lines(&app.keymap, app.lang);
    let legend = symbols::legend(app.lang);
    let left_width = keys
        .iter()
        .chain(&legend)
        .map(|(left, _)| width(left))
        .max()
        .unwrap_or(0)
        .min(inner_width / 2);
    let mut out = Vec::new();
    for (left, right) in &keys {
        out.extend(row(app, (left, right), left_width, inner_width));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(s.legend_title.to_owned(), theme.title));
    for (left, right) in &legend {
        out.extend(row(app, (left, right), left_width, inner_width));
    }
    out.push(Line::raw(""));
    for text in wrap_at_most(app.memory, s.mouse_help, inner_width.max(1), usize::MAX) {
        out.push(Line::styled(text, theme.muted));
    }
    out
}

/// Draws the help at `scroll`; reports its area and how far it scrolls.
pub fn render(app: &Screen, frame: &mut Frame, screen: Rect, scroll: u16) -> PopupLayout {
    let lines = lines(app, popup::inner_width(screen, MAX_WIDTH));
    popup::scrolling_text(
        frame,
        screen,
        MAX_WIDTH,
        strings(app.lang).help_title,
        &lines,
        scroll,
        (&app.theme, app.lang),
    )
}
