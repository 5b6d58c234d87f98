//! The comparison popup: the dataset chosen in the picker (old) against the one shown (new).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::PopupLayout;
use super::text::wrapped_lines;
use super::widgets::popup;
use crate::export;
use crate::i18n::strings;
use crate::ui::Screen;

const MAX_WIDTH: u16 = 100;

/// The comparison's lines, laid out from its sections (the same text `bri-dash diff`
/// prints): headings in the title style, entries indented under them.
fn lines(app: &Screen, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(diff) = &app.comparison else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let heading = |lines: &mut Vec<Line<'static>>, text: &str| {
        lines.extend(wrapped_lines(
            app.memory,
            text,
            width,
            ("", "  "),
            theme.title,
            theme.title,
        ))
    };
    heading(&mut lines, &export::diff::title_line(diff, app.lang));
    for (title, sign, entries) in export::diff::sections(diff, app.lang) {
        heading(&mut lines, "");
        heading(&mut lines, &title);
        for (id, text) in entries {
            lines.extend(wrapped_lines(
                app.memory,
                &format!("{sign} {id}  {text}"),
                width,
                ("  ", "    "),
                theme.text,
                theme.text,
            ));
        }
    }
    heading(&mut lines, "");
    heading(&mut lines, &export::diff::unchanged_line(diff, app.lang));
    if diff.is_empty() {
        lines.push(Line::styled(strings(app.lang).no_differences, theme.muted));
    }
    lines
}

/// Draws the comparison scrolled by `scroll` lines (at most as far as it goes); reports
/// its area and how far it scrolls. The text is laid out once a frame.
pub fn render(app: &Screen, frame: &mut Frame, screen: Rect, scroll: u16) -> PopupLayout {
    let lines = lines(app, popup::inner_width(screen, MAX_WIDTH));
    popup::scrolling_text(
        frame,
        screen,
        MAX_WIDTH,
        strings(app.lang).compare_title,
        &lines,
        scroll,
        (&app.theme, app.lang),
    )
}
