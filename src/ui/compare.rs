//! The comparison popup: the dataset chosen in the picker (old) against the one shown (new).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::strings::strings;
use super::text::wrapped_lines;
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::App;

const MAX_WIDTH: u16 = 100;

fn inner_width(screen: Rect) -> usize {
    popup::centered(screen, MAX_WIDTH, screen.height)
        .width
        .saturating_sub(4) as usize
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(diff) = &app.comparison else {
        return Vec::new();
    };
    let text = crate::export::diff::to_text(diff, app.lang);
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let style = if index == 0 || !line.starts_with(' ') {
            theme.title
        } else {
            theme.text
        };
        let indent = " ".repeat(line.len() - line.trim_start().len() + 2);
        lines.extend(wrapped_lines(
            line.trim_start(),
            width,
            (&indent[2..], &indent),
            style,
            style,
        ));
    }
    if diff.is_empty() {
        lines.push(Line::styled(strings(app.lang).no_differences, theme.muted));
    }
    lines
}

pub fn area(app: &App, screen: Rect) -> Rect {
    popup::centered(
        screen,
        MAX_WIDTH,
        lines(app, inner_width(screen)).len() as u16 + 2,
    )
}

pub fn max_scroll(app: &App, screen: Rect) -> u16 {
    let total = lines(app, inner_width(screen)).len() as u16;
    total.saturating_sub(area(app, screen).height.saturating_sub(2))
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect, scroll: u16) {
    let s = strings(app.lang);
    let rect = area(app, screen);
    let footer = format!("{} · {}", s.scroll_hint, s.close_hint);
    let inner = popup::frame(frame, rect, s.compare_title, &footer, &app.theme);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    write_lines(
        frame.buffer_mut(),
        inner,
        &lines(app, inner.width as usize),
        scroll as usize,
    );
}
