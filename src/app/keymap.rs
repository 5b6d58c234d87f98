//! Which key does what. The help popup and the key bar are drawn from this table, so they
//! always show the bindings in force.

use super::action::Action;
use super::key::{Key, KeyCode, Modifiers};

/// A key as a binding names it, written in help text as `ctrl-c`, `shift-tab`, `?`.
pub type KeyBinding = Key;

impl Key {
    /// Does a key event from the terminal match? Shift is part of a character's identity
    /// (`?`, `L`), so it is ignored for characters.
    fn matches(&self, pressed: &Key) -> bool {
        let shift_counts = !matches!(pressed.code, KeyCode::Char(_) | KeyCode::BackTab);
        pressed.code == self.code
            && pressed.modifiers.ctrl == self.modifiers.ctrl
            && pressed.modifiers.alt == self.modifiers.alt
            && (!shift_counts || pressed.modifiers.shift == self.modifiers.shift)
    }

    /// Reads a key as a config writes it: `q`, `G`, `?`, `ctrl-c`, `alt-x`, `shift-tab`,
    /// `tab`, `enter`, `esc`, `space`, `backspace`, `left`, `pgup`, `home`, `f1`…
    pub fn parse(text: &str) -> Result<KeyBinding, String> {
        let mut modifiers = Modifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (modifier, len) = if lower.starts_with("ctrl-") {
                (&mut modifiers.ctrl, 5)
            } else if lower.starts_with("alt-") {
                (&mut modifiers.alt, 4)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (&mut modifiers.shift, 6)
            } else {
                break;
            };
            *modifier = true;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if modifiers.ctrl {
                c.to_ascii_lowercase()
            } else {
                c
            }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" if modifiers.shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pgdown" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => {
                        return Err(format!(
                            "unknown key `{text}`: expected a character, or a name like tab, enter, esc, space, left, pgup, home, f1, with ctrl-, alt- or shift- before it"
                        ));
                    }
                },
            },
        };
        if code == KeyCode::BackTab {
            modifiers.shift = false;
        }
        Ok(Key { code, modifiers })
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
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::Insert => "Ins".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
        };
        if self.modifiers.ctrl {
            format!("Ctrl-{}", key.to_uppercase())
        } else if self.modifiers.alt {
            format!("Alt-{key}")
        } else if self.modifiers.shift && !matches!(self.code, KeyCode::Char(_) | KeyCode::BackTab)
        {
            format!("Shift-{key}")
        } else {
            key
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<(KeyBinding, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use KeyCode::*;
        let plain = Key::plain;
        let mut bindings = vec![
            (plain(Char('q')), Action::Quit),
            (KeyBinding::ctrl('z'), Action::Suspend),
            (plain(Tab), Action::NextTab),
            (plain(BackTab), Action::PrevTab),
            (plain(Left), Action::Left),
            (plain(Char('h')), Action::Left),
            (plain(Right), Action::Right),
            (plain(Char('l')), Action::Right),
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
            (plain(Char('y')), Action::Copy),
            (plain(Char('o')), Action::OpenSource),
            (plain(Char('/')), Action::Search),
            (plain(Char('n')), Action::NextHit),
            (plain(Char('N')), Action::PrevHit),
            (plain(Char('?')), Action::ToggleHelp),
            (plain(Char('e')), Action::ShowProblems),
            (plain(Char('+')), Action::ZoomIn),
            (plain(Char('=')), Action::ZoomIn),
            (plain(Char('-')), Action::ZoomOut),
            (Key::new(Left, Modifiers::SHIFT), Action::PanWest),
            (Key::new(Right, Modifiers::SHIFT), Action::PanEast),
            (Key::new(Up, Modifiers::SHIFT), Action::PanNorth),
            (Key::new(Down, Modifiers::SHIFT), Action::PanSouth),
            (plain(Char('m')), Action::NextRegion),
            (plain(Char('M')), Action::PrevRegion),
            (plain(Char(',')), Action::PrevYear),
            (plain(Char('<')), Action::PrevYear),
            (plain(Char('.')), Action::NextYear),
            (plain(Char('>')), Action::NextYear),
            (plain(Char('s')), Action::SortNext),
            (plain(Char('S')), Action::SortReverse),
            (plain(Char('f')), Action::Filter),
            (plain(Char('b')), Action::ToggleGroups),
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

/// The name a config uses for an action: `next-tab`, `go-to-tab-3`.
pub fn action_name(action: &Action) -> Option<String> {
    match action {
        Action::GoToTab(index) => Some(format!("go-to-tab-{}", index + 1)),
        other => {
            let name: &'static str = other.into();
            // Only an action a config can name has a name for it.
            name.parse::<Action>().is_ok().then(|| name.to_owned())
        }
    }
}

/// The action a config names, or `None` for a name that is not an action.
pub fn parse_action(name: &str) -> Option<Action> {
    if let Some(n) = name.strip_prefix("go-to-tab-") {
        return match n.parse::<usize>() {
            Ok(n @ 1..=9) => Some(Action::GoToTab(n - 1)),
            _ => None,
        };
    }
    name.parse().ok()
}

/// Every action a key can be bound to, by its config name.
pub fn bindable_actions() -> Vec<String> {
    Keymap::default()
        .bindings
        .iter()
        .filter_map(|(_, action)| action_name(action))
        .fold(Vec::new(), |mut names, name| {
            if !names.contains(&name) {
                names.push(name);
            }
            names
        })
}

impl Keymap {
    /// Binds `action` to exactly `keys`, replacing its default keys.
    pub fn rebind(&mut self, action: &Action, keys: &[KeyBinding]) {
        self.bindings.retain(|(_, bound)| bound != action);
        self.bindings
            .extend(keys.iter().map(|key| (*key, action.clone())));
    }

    /// Keys bound to more than one action: (key, first action, second action).
    pub fn conflicts(&self) -> Vec<(KeyBinding, Action, Action)> {
        let mut found = Vec::new();
        for (index, (key, action)) in self.bindings.iter().enumerate() {
            if let Some((_, other)) = self.bindings[..index]
                .iter()
                .find(|(earlier, other)| earlier == key && other != action)
            {
                found.push((*key, other.clone(), action.clone()));
            }
        }
        found
    }

    pub fn action_for(&self, pressed: &Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(binding, _)| binding.matches(pressed))
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
    fn keys_parse_as_configs_write_them() {
        let parse = |text| KeyBinding::parse(text).unwrap();
        assert_eq!(parse("q"), KeyBinding::plain(KeyCode::Char('q')));
        assert_eq!(parse("G"), KeyBinding::plain(KeyCode::Char('G')));
        assert_eq!(parse("ctrl-c"), KeyBinding::ctrl('c'));
        assert_eq!(parse("Ctrl-C"), KeyBinding::ctrl('c'));
        assert_eq!(parse("shift-tab"), KeyBinding::plain(KeyCode::BackTab));
        assert_eq!(parse("pgdn"), KeyBinding::plain(KeyCode::PageDown));
        assert_eq!(parse("f5"), KeyBinding::plain(KeyCode::F(5)));
        assert_eq!(parse("-"), KeyBinding::plain(KeyCode::Char('-')));
        assert!(KeyBinding::parse("hyper-x").is_err());
        assert!(KeyBinding::parse("f13").is_err());
    }

    #[test]
    fn keys_are_labelled_as_a_keyboard_shows_them() {
        let label = |text| KeyBinding::parse(text).unwrap().label();
        assert_eq!(label("f1"), "F1");
        assert_eq!(label("f12"), "F12");
        assert_eq!(label("ctrl-c"), "Ctrl-C");
        assert_eq!(label("del"), "Del");
        assert_eq!(label("backspace"), "Backspace");
        assert_eq!(label("shift-tab"), "Shift-Tab");
        assert_eq!(label("space"), "Space");
    }

    #[test]
    fn actions_have_config_names_both_ways() {
        for name in bindable_actions() {
            let action = parse_action(&name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(action_name(&action).as_deref(), Some(name.as_str()));
        }
        assert_eq!(parse_action("go-to-tab-3"), Some(Action::GoToTab(2)));
        assert_eq!(parse_action("go-to-tab-0"), None);
        assert_eq!(parse_action("launch-missiles"), None);
        assert_eq!(
            parse_action("resize"),
            None,
            "internal actions cannot be bound"
        );
    }

    #[test]
    fn rebinding_replaces_defaults_and_conflicts_are_found() {
        let mut keymap = Keymap::default();
        assert!(
            keymap.conflicts().is_empty(),
            "the defaults do not conflict"
        );
        keymap.rebind(&Action::Quit, &[KeyBinding::plain(KeyCode::Char('x'))]);
        let press =
            |keymap: &Keymap, c| keymap.action_for(&Key::new(KeyCode::Char(c), Modifiers::NONE));
        assert_eq!(press(&keymap, 'x'), Some(Action::Quit));
        assert_eq!(press(&keymap, 'q'), None);
        keymap.rebind(&Action::Reload, &[KeyBinding::plain(KeyCode::Char('x'))]);
        assert_eq!(keymap.conflicts().len(), 1);
    }

    #[test]
    fn shifted_characters_and_control_keys_resolve() {
        let keymap = Keymap::default();
        let key = |code, modifiers| Key::new(code, modifiers);
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('?'), Modifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('L'), Modifiers::SHIFT)),
            Some(Action::ToggleLanguage)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('c'), Modifiers::CTRL)),
            None,
            "Ctrl-C is not the keymap's: the input layer makes it an interrupt"
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('q'), Modifiers::CTRL)),
            None
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::BackTab, Modifiers::SHIFT)),
            Some(Action::PrevTab)
        );
        assert_eq!(
            keymap.action_for(&key(KeyCode::Char('3'), Modifiers::NONE)),
            Some(Action::GoToTab(2))
        );
    }
}
