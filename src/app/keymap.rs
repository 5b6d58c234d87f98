//! Which key does what. The help popup and the key bar are drawn from this table, so they
//! always show the bindings in force.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers, as written in help text (`ctrl-c`, `shift-tab`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyBinding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyBinding {
    pub const fn plain(code: KeyCode) -> KeyBinding {
        KeyBinding {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn ctrl(c: char) -> KeyBinding {
        KeyBinding {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Does a key event from the terminal match? Shift is part of a character's identity
    /// (`?`, `L`), so it is ignored for characters.
    fn matches(&self, event: &KeyEvent) -> bool {
        let ignored = match event.code {
            KeyCode::Char(_) | KeyCode::BackTab => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        event.code == self.code && (event.modifiers - ignored) == (self.modifiers - ignored)
    }

    /// How the key is written in the help popup and key bar.
    pub fn label(&self) -> String {
        let key = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", key.to_uppercase())
        } else {
            key
        }
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(KeyBinding, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use KeyCode::*;
        let plain = KeyBinding::plain;
        let mut bindings = vec![
            (plain(Char('q')), Action::Quit),
            (KeyBinding::ctrl('c'), Action::Quit),
            (KeyBinding::ctrl('z'), Action::Suspend),
            (plain(Right), Action::NextTab),
            (plain(Tab), Action::NextTab),
            (plain(Char('l')), Action::NextTab),
            (plain(Left), Action::PrevTab),
            (plain(BackTab), Action::PrevTab),
            (plain(Char('h')), Action::PrevTab),
            (plain(Down), Action::Down),
            (plain(Char('j')), Action::Down),
            (plain(Up), Action::Up),
            (plain(Char('k')), Action::Up),
            (plain(PageDown), Action::PageDown),
            (plain(PageUp), Action::PageUp),
            (plain(Home), Action::Top),
            (plain(Char('g')), Action::Top),
            (plain(End), Action::Bottom),
            (plain(Char('G')), Action::Bottom),
            (plain(Char(']')), Action::NextPanel),
            (plain(Char('[')), Action::PrevPanel),
            (plain(Enter), Action::Open),
            (plain(Esc), Action::Back),
            (plain(Char('L')), Action::ToggleLanguage),
            (plain(Char('d')), Action::OpenPicker),
            (plain(Char('r')), Action::Reload),
            (plain(Char('c')), Action::Compare),
            (plain(Char('/')), Action::Search),
            (plain(Char('n')), Action::NextHit),
            (plain(Char('N')), Action::PrevHit),
            (plain(Char('?')), Action::ToggleHelp),
        ];
        for digit in 1..=9u8 {
            bindings.push((
                plain(Char((b'0' + digit) as char)),
                Action::GoToTab(digit as usize - 1),
            ));
        }
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(binding, _)| binding.matches(event))
            .map(|(_, action)| action.clone())
    }

    /// The keys bound to `action`, in the order they were bound.
    pub fn keys_for(&self, action: &Action) -> Vec<KeyBinding> {
        self.bindings
            .iter()
            .filter(|(_, bound)| bound == action)
            .map(|(binding, _)| *binding)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_characters_and_control_keys_resolve() {
        let keymap = Keymap::default();
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('L'), KeyModifiers::SHIFT)),
            Some(Action::ToggleLanguage)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevTab)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::GoToTab(2))
        );
    }
}
