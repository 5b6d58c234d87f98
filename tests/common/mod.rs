//! Shared by the integration tests: the built-in dataset in an app with a fixed "today",
//! and key presses turned into actions the way the runtime does.
#![allow(dead_code)] // each test crate uses a different part

use std::sync::Arc;

use bri_dash::app::{App, Command, Item, Key, KeyCode, Modifiers, Overlay, update};
use bri_dash::dataset::{self, Lang};
use bri_dash::input::{self, Event};
use bri_dash::ui::FrameLayout;
use bri_dash::ui::headless::{draw, draw_with_layout, to_text};
use chrono::NaiveDate;
use ratatui::layout::Size;

/// Snapshots must not age: ages are counted to this day.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

pub fn builtin_app(name: &str, lang: Lang, width: u16, height: u16) -> App {
    let builtin = dataset::builtin(name).expect("a built-in dataset");
    let dataset = dataset::load_builtin(builtin).expect("the built-in dataset is valid");
    // Indexed at once: the tests search without the store's worker that indexes for a session.
    App::new(Arc::new(dataset), lang, today(), Size::new(width, height)).with_search_index()
}

pub fn main_app(lang: Lang, width: u16, height: u16) -> App {
    builtin_app(dataset::DEFAULT_BUILTIN, lang, width, height)
}

/// A key as the terminal reports it: `"q"`, `"Tab"`, `"BackTab"`, `"Down"`, `"C-c"`,
/// `"S-Right"` (Shift-→).
pub fn key(name: &str) -> Key {
    let code = match name {
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "C-c" => return Key::ctrl('c'),
        "C-u" => return Key::ctrl('u'),
        "C-w" => return Key::ctrl('w'),
        "S-Right" => return Key::new(KeyCode::Right, Modifiers::SHIFT),
        "S-Left" => return Key::new(KeyCode::Left, Modifiers::SHIFT),
        "C-z" => return Key::ctrl('z'),
        single if single.chars().count() == 1 => {
            let c = single.chars().next().unwrap();
            let modifiers = if c.is_ascii_uppercase() || c == '?' {
                Modifiers::SHIFT
            } else {
                Modifiers::NONE
            };
            return Key::new(KeyCode::Char(c), modifiers);
        }
        other => panic!("unknown key name {other}"),
    };
    Key::new(code, Modifiers::NONE)
}

/// The layout of the frame the app shows now, as the runtime keeps it after drawing.
pub fn layout(app: &App) -> FrameLayout {
    draw_with_layout(app, app.size.width, app.size.height).1
}

/// Gives `event` to the app the way the runtime does: read against the last frame's
/// layout by the input layer, then applied. `None` when it means nothing now.
pub fn send(app: &mut App, event: Event) -> Option<Command> {
    let action = input::action(app, &layout(app), event)?;
    Some(update(app, action))
}

/// Presses keys in order (space-separated names) and returns the last command.
pub fn press(app: &mut App, keys: &str) -> Command {
    let mut last = Command::None;
    for name in keys.split_whitespace() {
        last = send(app, Event::Key(key(name))).unwrap_or_else(|| panic!("{name} is not bound"));
    }
    last
}

/// The binary, isolated from the machine running the tests: no user config, no
/// `NO_COLOR`, an English locale.
pub fn bri_dash() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("bri-dash").unwrap();
    let home = std::env::temp_dir().join("bri-dash-tests-home");
    command
        .env_remove("BRI_DASH_CONFIG")
        .env_remove("NO_COLOR")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("LANG", "en_US.UTF-8");
    command
}

/// A path in the repository.
pub fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The screen the app shows at its size, as text.
pub fn screen(app: &App) -> String {
    to_text(&draw(app, app.size.width, app.size.height))
}

/// Opens the detail of the indicator with `id`, wherever it is listed.
pub fn open_indicator(app: &mut App, id: &str) {
    let index = app
        .dataset
        .indicators
        .iter()
        .position(|i| i.id == id)
        .expect("the indicator exists");
    app.overlay = Some(Overlay::Detail {
        item: Item::Indicator(index),
        scroll: 0,
        point: None,
    });
}
