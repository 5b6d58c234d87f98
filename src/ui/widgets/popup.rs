//! A centred box drawn over the dashboard.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::app::Theme;
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
