//! Drawing a widget that has scrolled partly out of view: a chart inside a scrolling popup
//! or list keeps its shape when only some of its rows show.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Draws `widget` as if into an area of `visible.width`×`height`, and shows its rows from
/// `skip` on in `visible` (clipped to the frame). Returns what it drew, whole, so that a
/// caller can find where things are in it (see [`on_screen`]).
pub fn render_rows(
    frame: &mut Frame,
    widget: impl Widget,
    height: u16,
    skip: u16,
    visible: Rect,
) -> Buffer {
    let visible = visible.intersection(frame.area());
    let mut scratch = Buffer::empty(Rect::new(0, 0, visible.width, height));
    if visible.is_empty() {
        return scratch;
    }
    widget.render(scratch.area, &mut scratch);
    let target = frame.buffer_mut();
    for row in 0..visible.height.min(height.saturating_sub(skip)) {
        for column in 0..visible.width {
            target[(visible.x + column, visible.y + row)] = scratch[(column, skip + row)].clone();
        }
    }
    scratch
}

/// Where a cell of what [`render_rows`] drew is on screen, if it shows.
pub fn on_screen((column, row): (u16, u16), skip: u16, visible: Rect) -> Option<Rect> {
    let row = row.checked_sub(skip)?;
    (row < visible.height && column < visible.width)
        .then(|| Rect::new(visible.x + column, visible.y + row, 1, 1))
}
