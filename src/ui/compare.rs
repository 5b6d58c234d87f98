//! The comparison popup: the dataset chosen in the picker (old) against the one shown (new).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::PopupLayout;
use super::text::wrapped_lines;
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::export;
use crate::i18n::strings;
use crate::ui::Screen;

const MAX_WIDTH: u16 = 100;

fn inner_width(screen: Rect) -> usize {
    popup::centered(screen, MAX_WIDTH, screen.height)
        .width
        .saturating_sub(4) as usize
}

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
    let s = strings(app.lang);
    let lines = lines(app, inner_width(screen));
    let rect = popup::centered(screen, MAX_WIDTH, lines.len() as u16 + 2);
    let page = rect.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(page);
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
        &lines,
        scroll.min(max_scroll) as usize,
    );
    PopupLayout {
        area: rect,
        max_scroll,
        page,
        entries: Vec::new(),
    }
}
