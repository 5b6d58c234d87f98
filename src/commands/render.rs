//! `bri-dash render`: one frame of the dashboard, printed as text.

use chrono::NaiveDate;
use ratatui::layout::Size;

use crate::app::{Action, Display, update};
use crate::commands::cli::Cli;
use crate::commands::startup::{build_app, display, language, no_color};
use crate::ui::headless;

pub fn run(
    cli: &Cli,
    tab: Option<&str>,
    (width, height): (u16, u16),
    color: bool,
    today: Option<NaiveDate>,
) -> super::Outcome {
    let config = super::config(cli)?;
    let (_, dataset) = super::dataset(cli, &config)?;
    let mut app = build_app(
        dataset,
        &config,
        language(cli, &config),
        Size::new(width, height),
        // A frame printed as text: its cells hold the characters alone.
        Display {
            links: false,
            ..display(cli)
        },
    );
    if let Some(today) = today {
        app.today = today;
    }
    if let Some(tab) = tab {
        let index = tab
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&n| n < app.dataset.tabs.len())
            .or_else(|| app.dataset.tabs.iter().position(|t| t.id == tab));
        match index {
            Some(index) => {
                update(&mut app, Action::GoToTab(index));
            }
            None => {
                let ids: Vec<&str> = app.dataset.tabs.iter().map(|t| t.id.as_str()).collect();
                let tab = crate::text::sanitize::sanitize_line(tab);
                let message = crate::files::diagnostic::Message::new(
                    format!(
                        "no tab `{tab}`: expected a number from 1 to {} or one of: {}",
                        ids.len(),
                        ids.join(", ")
                    ),
                    format!(
                        "没有标签页 `{tab}`：应为 1 到 {} 的数字，或以下之一：{}",
                        ids.len(),
                        ids.join("、")
                    ),
                );
                super::say(app.lang, &message);
                return Err(super::Stop(2));
            }
        }
    }
    let buffer = headless::draw(&app, width, height);
    let text = if color && !no_color() {
        headless::to_ansi(&buffer)
    } else {
        headless::to_text(&buffer)
    };
    super::output::to_stdout(text.as_bytes())
}
