//! `[keys]` and `[colors]` in the config: rebinding, conflicts and unknown names reported
//! with their place, and the key bar, help and colours following the config.

use crate::common;

use std::path::Path;

use bri_dash::app::Theme;
use bri_dash::app::{Action, Command, update};
use bri_dash::config::Config;
use bri_dash::dataset::Lang;
use bri_dash::input::Event;
use bri_dash::ui::headless::{draw, to_text};
use common::{key, main_app, send};

fn config(text: &str) -> Result<Config, String> {
    Config::parse("keys.toml", text, Path::new(".")).map_err(|error| error.to_string())
}

#[test]
fn a_rebound_key_does_the_action_and_the_old_one_nothing() {
    let config = config("[keys]\nquit = \"x\"\nsearch = \"z\"\n").unwrap();
    let mut app = main_app(Lang::En, 100, 30);
    app.keymap = config.keymap.clone();
    assert_eq!(send(&mut app, Event::Key(key("q"))), None);
    assert_eq!(send(&mut app, Event::Key(key("x"))), Some(Command::Quit));
    assert_eq!(
        send(&mut app, Event::Key(key("C-c"))),
        Some(Command::Quit),
        "Ctrl-C quits though `quit` is rebound without it"
    );
    assert_eq!(send(&mut app, Event::Key(key("z"))), Some(Command::Redraw));
    assert!(app.search.is_some());
}

#[test]
fn the_key_bar_and_help_show_the_bindings_in_force() {
    let config =
        config("[keys]\nquit = \"x\"\ntoggle-help = \"f1\"\nprev-tab = [\"p\", \"shift-tab\"]\n")
            .unwrap();
    let mut app = main_app(Lang::En, 100, 30);
    app.keymap = config.keymap.clone();
    let screen = to_text(&draw(&app, 100, 30));
    assert!(screen.contains("x quit"), "{screen}");
    assert!(
        screen.contains("F1 help"),
        "a function key is written as on the keyboard: {screen}"
    );
    update(&mut app, Action::ToggleHelp);
    let help = to_text(&draw(&app, 100, 30));
    assert!(help.contains("Tab / p Shift-Tab  "), "{help}");
    assert!(help.contains("x  "), "{help}");
    assert!(help.contains("Ctrl-C  "), "Ctrl-C is listed: {help}");
    assert!(!help.contains("F(1)"), "{help}");
}

#[test]
fn conflicts_unknown_actions_and_bad_keys_are_located() {
    let error = config("[keys]\nnext-tab = [\"tab\", \"n\"]\n").unwrap_err();
    assert!(
        error.starts_with("keys.toml:2:12: `n` is bound to both next-hit and next-tab"),
        "{error}"
    );
    let error = config("[keys]\nqiut = \"x\"\n").unwrap_err();
    assert!(
        error.starts_with("keys.toml:2:1: unknown action `qiut`"),
        "{error}"
    );
    assert!(error.contains("did you mean `quit`?"), "{error}");
    let error = config("[keys]\nquit = \"hyper-q\"\n").unwrap_err();
    assert!(
        error.starts_with("keys.toml:2:8: unknown key `hyper-q`"),
        "{error}"
    );
    let error = config("[keys]\nquit = 3\n").unwrap_err();
    assert!(
        error.starts_with("keys.toml:2:8: expected a key"),
        "{error}"
    );
}

#[test]
fn colours_are_overridden_by_role_and_mistakes_located() {
    let config = config(
        "[colors]\nfigure = \"light-magenta\"\nselected = { fg = \"black\", bg = \"#88c0d0\" }\n",
    )
    .unwrap();
    let mut theme = Theme::default();
    for color in &config.colors {
        theme.recolor(color.role, color.fg, color.bg);
    }
    assert_eq!(theme.figure.fg, Some(ratatui::style::Color::LightMagenta));
    assert_eq!(
        theme.selected.bg,
        Some(ratatui::style::Color::Rgb(0x88, 0xc0, 0xd0))
    );

    let error = Config::parse(
        "c.toml",
        "[colors]\nfgure = \"red\"\nkey = \"blurple\"\n",
        Path::new("."),
    )
    .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("c.toml:2:1: unknown colour role `fgure`"),
        "{text}"
    );
    assert!(text.contains("did you mean `figure`?"), "{text}");
    assert!(
        text.contains("c.toml:3:7: unknown colour `blurple`"),
        "{text}"
    );
}

#[test]
fn the_example_config_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
    let config = Config::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(config.keymap.conflicts().is_empty());
}
