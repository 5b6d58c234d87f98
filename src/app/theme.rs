//! Colours and emphasis. Every meaning carried by colour is also carried by a symbol or a
//! modifier, so the mono theme (and `NO_COLOR`) loses nothing. The theme is chosen by the
//! config (`theme`, `[colors]`), kept by the state like the language, and drawn by the
//! view; it lives here so that neither the state nor the config import the view.

use ratatui::style::{Color, Modifier, Style};
use schemars::JsonSchema;
use serde::Deserialize;
use strum::{EnumIter, EnumString, IntoStaticStr};

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
    /// No colour: emphasis by bold, reverse video and symbols only.
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub muted: Style,
    pub title: Style,
    /// Figures: the numbers themselves.
    pub figure: Style,
    pub border: Style,
    pub border_selected: Style,
    /// The selected item of a list.
    pub selected: Style,
    pub tab: Style,
    pub tab_selected: Style,
    pub key: Style,
    pub warning: Style,
}

/// The parts of the theme a config can recolour; `[colors]` names them in kebab case
/// (`border-selected`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Role {
    Text,
    Muted,
    Title,
    Figure,
    Border,
    BorderSelected,
    Selected,
    Tab,
    TabSelected,
    Key,
    Warning,
}

impl Role {
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl Theme {
    /// Replaces the foreground and/or background of a role.
    pub fn recolor(&mut self, role: Role, fg: Option<Color>, bg: Option<Color>) {
        let style = match role {
            Role::Text => &mut self.text,
            Role::Muted => &mut self.muted,
            Role::Title => &mut self.title,
            Role::Figure => &mut self.figure,
            Role::Border => &mut self.border,
            Role::BorderSelected => &mut self.border_selected,
            Role::Selected => &mut self.selected,
            Role::Tab => &mut self.tab,
            Role::TabSelected => &mut self.tab_selected,
            Role::Key => &mut self.key,
            Role::Warning => &mut self.warning,
        };
        if let Some(fg) = fg {
            *style = style.fg(fg);
        }
        if let Some(bg) = bg {
            *style = style.bg(bg);
        }
    }

    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let name = if no_color { ThemeName::Mono } else { name };
        let bold = Modifier::BOLD;
        match name {
            ThemeName::Dark => Theme {
                text: Style::new().fg(Color::Gray),
                muted: Style::new().fg(Color::DarkGray),
                title: Style::new().fg(Color::White).add_modifier(bold),
                figure: Style::new().fg(Color::LightYellow).add_modifier(bold),
                border: Style::new().fg(Color::DarkGray),
                border_selected: Style::new().fg(Color::LightCyan).add_modifier(bold),
                selected: Style::new().fg(Color::Black).bg(Color::LightCyan),
                tab: Style::new().fg(Color::Gray),
                tab_selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightCyan)
                    .add_modifier(bold),
                key: Style::new().fg(Color::LightCyan).add_modifier(bold),
                warning: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightRed)
                    .add_modifier(bold),
            },
            ThemeName::Light => Theme {
                text: Style::new().fg(Color::Black),
                muted: Style::new().fg(Color::DarkGray),
                title: Style::new().fg(Color::Black).add_modifier(bold),
                figure: Style::new().fg(Color::Blue).add_modifier(bold),
                border: Style::new().fg(Color::Gray),
                border_selected: Style::new().fg(Color::Blue).add_modifier(bold),
                selected: Style::new().fg(Color::White).bg(Color::Blue),
                tab: Style::new().fg(Color::Black),
                tab_selected: Style::new()
                    .fg(Color::White)
                    .bg(Color::Blue)
                    .add_modifier(bold),
                key: Style::new().fg(Color::Blue).add_modifier(bold),
                warning: Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(bold),
            },
            ThemeName::HighContrast => Theme {
                text: Style::new().fg(Color::White),
                muted: Style::new().fg(Color::White),
                title: Style::new()
                    .fg(Color::White)
                    .add_modifier(bold | Modifier::UNDERLINED),
                figure: Style::new().fg(Color::Yellow).add_modifier(bold),
                border: Style::new().fg(Color::White),
                border_selected: Style::new().fg(Color::Yellow).add_modifier(bold),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
                tab: Style::new().fg(Color::White),
                tab_selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
                key: Style::new().fg(Color::Yellow).add_modifier(bold),
                warning: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
            },
            ThemeName::Mono => Theme {
                text: Style::new(),
                muted: Style::new().add_modifier(Modifier::DIM),
                title: Style::new().add_modifier(bold),
                figure: Style::new().add_modifier(bold),
                border: Style::new(),
                border_selected: Style::new().add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                tab: Style::new(),
                tab_selected: Style::new().add_modifier(Modifier::REVERSED | bold),
                key: Style::new().add_modifier(bold),
                warning: Style::new().add_modifier(Modifier::REVERSED | bold),
            },
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::new(ThemeName::Dark, false)
    }
}
