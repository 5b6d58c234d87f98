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
    /// The map's classes, lowest first. Without colour (mono) they are all plain: the map
    /// tells classes apart by the density of their dots as well, never by colour alone.
    pub scale: [Style; 5],
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
            // Dates, ages and sources are in `muted`: the very facts the tool exists to show.
            // ANSI colour 8 is faint on many dark palettes, so muted text takes a grey of
            // the 256-colour ramp, which every palette draws alike, at WCAG AA contrast
            // (4.5:1) on the usual backgrounds (tested below). Borders are not text and
            // stay faint.
            ThemeName::Dark => Theme {
                text: Style::new().fg(Color::Indexed(252)),
                muted: Style::new().fg(Color::Indexed(246)),
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
                // Blue to yellow, light enough on black from the first class up.
                scale: [67, 73, 79, 149, 220].map(|c| Style::new().fg(Color::Indexed(c))),
            },
            ThemeName::Light => Theme {
                text: Style::new().fg(Color::Black),
                muted: Style::new().fg(Color::Indexed(240)),
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
                // Light to dark blue-green, dark enough on white from the first class up.
                scale: [74, 31, 30, 28, 22].map(|c| Style::new().fg(Color::Indexed(c))),
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
                scale: [
                    Color::Cyan,
                    Color::LightCyan,
                    Color::LightGreen,
                    Color::Yellow,
                    Color::White,
                ]
                .map(|c| Style::new().fg(c).add_modifier(bold)),
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
                scale: [Style::new(); 5],
            },
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::new(ThemeName::Dark, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A colour as xterm's default palette draws it: the 16 system colours, the 6×6×6
    /// cube and the grey ramp of the 256-colour palette.
    fn xterm_rgb(color: Color) -> (u8, u8, u8) {
        const SYSTEM: [(u8, u8, u8); 16] = [
            (0, 0, 0),
            (205, 0, 0),
            (0, 205, 0),
            (205, 205, 0),
            (0, 0, 238),
            (205, 0, 205),
            (0, 205, 205),
            (229, 229, 229),
            (127, 127, 127),
            (255, 0, 0),
            (0, 255, 0),
            (255, 255, 0),
            (92, 92, 255),
            (255, 0, 255),
            (0, 255, 255),
            (255, 255, 255),
        ];
        let index = match color {
            Color::Black => 0,
            Color::Red => 1,
            Color::Green => 2,
            Color::Yellow => 3,
            Color::Blue => 4,
            Color::Magenta => 5,
            Color::Cyan => 6,
            Color::Gray => 7,
            Color::DarkGray => 8,
            Color::LightRed => 9,
            Color::LightGreen => 10,
            Color::LightYellow => 11,
            Color::LightBlue => 12,
            Color::LightMagenta => 13,
            Color::LightCyan => 14,
            Color::White => 15,
            Color::Indexed(index) => index,
            Color::Rgb(r, g, b) => return (r, g, b),
            Color::Reset => panic!("text needs a colour of its own"),
        };
        match index {
            0..=15 => SYSTEM[index as usize],
            16..=231 => {
                let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
                let n = index - 16;
                (level(n / 36), level(n / 6 % 6), level(n % 6))
            }
            232..=255 => {
                let grey = 8 + 10 * (index - 232);
                (grey, grey, grey)
            }
        }
    }

    /// WCAG 2's relative luminance and contrast ratio.
    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let luminance = |(r, g, b): (u8, u8, u8)| {
            let channel = |c: u8| {
                let c = c as f64 / 255.0;
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_meets_wcag_aa_contrast_on_the_usual_backgrounds() {
        let cases = [
            // Black, and the dark greys of common editor and terminal themes.
            (ThemeName::Dark, [(0, 0, 0), (30, 30, 30), (40, 42, 54)]),
            (
                ThemeName::Light,
                [(255, 255, 255), (250, 250, 250), (238, 238, 238)],
            ),
        ];
        for (name, backgrounds) in cases {
            let theme = Theme::new(name, false);
            let roles = [
                ("text", theme.text),
                ("muted", theme.muted),
                ("title", theme.title),
                ("figure", theme.figure),
                ("key", theme.key),
                ("tab", theme.tab),
            ];
            for (role, style) in roles {
                let fg = xterm_rgb(style.fg.expect("a colour"));
                for background in backgrounds {
                    let ratio = contrast(fg, background);
                    assert!(
                        ratio >= 4.5,
                        "{name:?} {role} on {background:?}: {ratio:.2}:1"
                    );
                }
            }
        }
    }
}
