//! The error banner's detail (`e`, or a click on the banner): every problem of the file
//! that did not load, located and with its snippet as `check` prints them, scrolling.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::PopupLayout;
use super::text::wrap_at_most;
use super::widgets::popup;
use crate::app::Banner;
use crate::i18n::strings;
use crate::ui::Screen;

const MAX_WIDTH: u16 = 110;

/// The report's lines, each wrapped to the popup; the last good data is named at the end.
fn lines(app: &Screen, width: usize) -> Vec<Line<'static>> {
    let Some(Banner::Error(report)) = &app.banner else {
        return Vec::new();
    };
    let mut lines: Vec<Line> = report
        .get(app.lang)
        .lines()
        .flat_map(|line| wrap_at_most(app.memory, line, width.max(1), usize::MAX))
        .map(|line| Line::styled(line, app.theme.text))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} {}", strings(app.lang).last_good, app.dataset.meta.id),
        app.theme.muted,
    ));
    lines
}

/// Draws the problems scrolled by `scroll`; reports the popup's area and scroll range.
pub fn render(app: &Screen, frame: &mut Frame, screen: Rect, scroll: u16) -> PopupLayout {
    let lines = lines(app, popup::inner_width(screen, MAX_WIDTH));
    popup::scrolling_text(
        frame,
        screen,
        MAX_WIDTH,
        strings(app.lang).problems_title,
        &lines,
        scroll,
        (&app.theme, app.lang),
    )
}
