//! A centred box drawn over the dashboard.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::lines::write_lines;
use crate::app::Theme;
use crate::dataset::Lang;
use crate::i18n::strings;
use crate::ui::layout::PopupLayout;
use crate::ui::text::truncate;

/// A centred rectangle of at most `max_width`×`max_height`, leaving a margin when it can.
pub fn centered(area: Rect, max_width: u16, max_height: u16) -> Rect {
    let width = max_width
        .min(area.width.saturating_sub(4))
        .max(area.width.min(10));
    let height = max_height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(5));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// A wide (CJK) character that starts just left of the popup would have its right half
/// under the border; terminals then erase or shift the border. Blank such characters.
fn split_wide_characters_at(frame: &mut Frame, x: u16, area: Rect) {
    if x == 0 {
        return;
    }
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Clears the popup's area, draws its frame and title, and returns the inner area.
/// Title and footer are cut to fit between the corners, never drawn over them.
pub fn frame(frame: &mut Frame, area: Rect, title: &str, footer: &str, theme: &Theme) -> Rect {
    let room = (area.width as usize).saturating_sub(4);
    let label = |text: &str| {
        if text.is_empty() || room == 0 {
            String::new()
        } else {
            format!(" {} ", truncate(text, room))
        }
    };
    let block = Block::bordered()
        .border_set(border::THICK)
        .border_style(theme.border_selected)
        .title(Line::from(Span::styled(label(title), theme.title)))
        .title_bottom(Line::from(Span::styled(label(footer), theme.muted)).right_aligned());
    let inner = block.inner(area);
    split_wide_characters_at(frame, area.x, area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    inner
}

/// A centred popup of text lines that scrolls: as tall as its lines (up to the screen),
/// scrolled by `scroll` (at most as far as they go), the scroll hint in its footer when
/// there is more than fits. Reports its area and how far it scrolls.
pub fn scrolling_text(
    frame: &mut Frame,
    screen: Rect,
    max_width: u16,
    title: &str,
    lines: &[Line<'_>],
    scroll: u16,
    (theme, lang): (&Theme, Lang),
) -> PopupLayout {
    let s = strings(lang);
    let rect = centered(screen, max_width, lines.len() as u16 + 2);
    let page = rect.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(page);
    let footer = if max_scroll > 0 {
        format!("{} · {}", s.scroll_hint, s.close_hint)
    } else {
        s.close_hint.to_owned()
    };
    let inner = self::frame(frame, rect, title, &footer, theme);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    write_lines(
        frame.buffer_mut(),
        inner,
        lines,
        scroll.min(max_scroll) as usize,
    );
    PopupLayout {
        area: rect,
        max_scroll,
        page,
        entries: Vec::new(),
    }
}

/// The width of the text inside a popup of at most `max_width` on `screen`.
pub fn inner_width(screen: Rect, max_width: u16) -> usize {
    centered(screen, max_width, screen.height)
        .width
        .saturating_sub(4) as usize
}
