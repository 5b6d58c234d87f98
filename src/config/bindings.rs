//! The `[keys]` and `[colors]` tables of the config: checked against the actions and theme
//! roles that exist, every mistake located.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::Color;
use toml::Spanned;

use strum::IntoEnumIterator;

use super::model::ColorOverride;
use crate::app::Role;
use crate::app::{KeyBinding, Keymap, action_name, bindable_actions, parse_action};
use crate::files::diagnostic::Problem;
use crate::text::sanitize::sanitize_line;
use crate::text::suggest::did_you_mean;

type RawTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The strings of a value that is one string or an array of strings.
fn strings(value: &toml::Value) -> Option<Vec<&str>> {
    match value {
        toml::Value::String(one) => Some(vec![one.as_str()]),
        toml::Value::Array(many) => many.iter().map(toml::Value::as_str).collect(),
        _ => None,
    }
}

/// The default keymap with the config's rebindings, or every problem found.
pub fn keymap(raw: &RawTable, problems: &mut Vec<Problem>) -> Keymap {
    let mut keymap = Keymap::default();
    let mut configured = Vec::new();
    for (name, value) in raw {
        let Some(action) = parse_action(name.get_ref()) else {
            let names = bindable_actions();
            let mut problem = Problem::at(
                name.span(),
                format!(
                    "unknown action `{}`: expected an action name such as quit, next-tab, search",
                    sanitize_line(name.get_ref())
                ),
            );
            problem = match did_you_mean(name.get_ref(), names.iter().map(String::as_str)) {
                Some(hint) => problem.with_hint(hint),
                None => problem.with_hint(format!("actions: {}", names.join(", "))),
            };
            problems.push(problem);
            continue;
        };
        let Some(texts) = strings(value.get_ref()) else {
            problems.push(Problem::at(
                value.span(),
                "expected a key like \"q\" or a list of keys like [\"q\", \"ctrl-c\"]",
            ));
            continue;
        };
        let mut keys = Vec::new();
        for text in texts {
            match KeyBinding::parse(text) {
                Ok(key) => keys.push(key),
                Err(message) => problems.push(Problem::at(value.span(), sanitize_line(&message))),
            }
        }
        keymap.rebind(&action, &keys);
        configured.push((action, value.span()));
    }
    for (key, first, second) in keymap.conflicts() {
        // Point at the config entry that caused it: the one the user wrote.
        let span = configured
            .iter()
            .rev()
            .find(|(action, _)| *action == first || *action == second)
            .map(|(_, span)| span.clone())
            .unwrap_or(0..0);
        let name = |action| action_name(action).unwrap_or_default();
        problems.push(
            Problem::at(
                span,
                format!(
                    "`{}` is bound to both {} and {}: expected each key to do one thing",
                    key.label(),
                    name(&first),
                    name(&second)
                ),
            )
            .with_hint(format!(
                "give {} or {} other keys in [keys]",
                name(&first),
                name(&second)
            )),
        );
    }
    keymap
}

fn color(text: &str, span: std::ops::Range<usize>, problems: &mut Vec<Problem>) -> Option<Color> {
    // ratatui spells light colours without a dash; accept both.
    match Color::from_str(&text.replace('-', "")) {
        Ok(color) => Some(color),
        Err(_) => {
            problems.push(Problem::at(
                span,
                format!(
                    "unknown colour `{}`: expected a name (red, light-cyan…), #rrggbb or 0–255",
                    sanitize_line(text)
                ),
            ));
            None
        }
    }
}

pub fn colors(raw: &RawTable, problems: &mut Vec<Problem>) -> Vec<ColorOverride> {
    let mut overrides = Vec::new();
    for (role, value) in raw {
        let Ok(named_role) = Role::from_str(role.get_ref()) else {
            let names: Vec<&str> = Role::iter().map(Role::name).collect();
            let problem = Problem::at(
                role.span(),
                format!(
                    "unknown colour role `{}`: expected one of {}",
                    sanitize_line(role.get_ref()),
                    names.join(", ")
                ),
            );
            problems.push(match did_you_mean(role.get_ref(), names.iter().copied()) {
                Some(hint) => problem.with_hint(hint),
                None => problem,
            });
            continue;
        };
        let (fg, bg) = match value.get_ref() {
            toml::Value::String(text) => (color(text, value.span(), problems), None),
            toml::Value::Table(table) if table.keys().all(|key| key == "fg" || key == "bg") => {
                let mut pick = |key: &str| match table.get(key) {
                    Some(toml::Value::String(text)) => color(text, value.span(), problems),
                    Some(_) => {
                        problems.push(Problem::at(
                            value.span(),
                            format!("expected `{key}` to be a colour string"),
                        ));
                        None
                    }
                    None => None,
                };
                (pick("fg"), pick("bg"))
            }
            _ => {
                problems.push(Problem::at(
                    value.span(),
                    "expected a colour like \"yellow\" or a table { fg = \"…\", bg = \"…\" }",
                ));
                continue;
            }
        };
        overrides.push(ColorOverride {
            role: named_role,
            fg,
            bg,
        });
    }
    overrides
}
