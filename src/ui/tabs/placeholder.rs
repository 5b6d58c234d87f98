//! The map and country-table tabs until their views are drawn (issue #14, items 3 and 4):
//! a plain paragraph, so a dataset that asks for them opens instead of failing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::dataset::Lang;
use crate::ui::Screen;

/// Draws the placeholder; a paragraph has no items.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> Vec<(usize, Rect)> {
    let text = match app.lang {
        Lang::Zh => "此视图尚未绘制。",
        Lang::En => "This view is not yet drawn.",
    };
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.muted)
            .wrap(Wrap { trim: true }),
        area,
    );
    Vec::new()
}
