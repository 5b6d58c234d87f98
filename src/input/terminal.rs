//! The local terminal's events (crossterm) as [`Event`]s.

use crossterm::event::{
    Event as TermEvent, KeyCode as TermKey, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::Event;
use crate::app::{Key, KeyCode, Modifiers};

/// The input a crossterm event carries; `None` for what the dashboard does not read (key
/// releases, mouse motion, focus, and resizes, which the runtime handles itself).
pub fn from_crossterm(event: &TermEvent) -> Option<Event> {
    match event {
        TermEvent::Key(key) if key.kind == KeyEventKind::Press => {
            let code = key_code(key.code)?;
            let modifiers = Modifiers {
                ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
                alt: key.modifiers.contains(KeyModifiers::ALT),
                shift: key.modifiers.contains(KeyModifiers::SHIFT),
            };
            Some(Event::Key(Key::new(code, modifiers)))
        }
        TermEvent::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Event::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::Drag(MouseButton::Left) => Some(Event::Drag {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollUp => Some(Event::ScrollUp),
            MouseEventKind::ScrollDown => Some(Event::ScrollDown),
            _ => None,
        },
        _ => None,
    }
}

fn key_code(code: TermKey) -> Option<KeyCode> {
    Some(match code {
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Esc => KeyCode::Esc,
        TermKey::Backspace => KeyCode::Backspace,
        TermKey::Tab => KeyCode::Tab,
        TermKey::BackTab => KeyCode::BackTab,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Insert => KeyCode::Insert,
        TermKey::Left => KeyCode::Left,
        TermKey::Right => KeyCode::Right,
        TermKey::Up => KeyCode::Up,
        TermKey::Down => KeyCode::Down,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::F(n) => KeyCode::F(n),
        _ => return None,
    })
}
