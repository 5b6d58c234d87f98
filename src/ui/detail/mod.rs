//! The detail popup (Enter): everything known about the selected item — full text, figure
//! and unit, progress toward a target, date with precision and age, source, quote, note,
//! and a series as a chart and as a list.
//!
//! The popup is text that scrolls. A chart or gauge takes rows of that text: blank lines
//! are reserved for it and it is drawn over them, clipped when partly scrolled away, so the
//! scroll range and the popup's height count it like any line.
//!
//! ```text
//! ┏ label ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
//! ┃ ≈ 19,000 trains                                      ┃
//! ┃ label                                                ┃
//! ┃ Target                                               ┃
//! ┃   20,000 trains                                      ┃
//! ┃   95% of the target █████████████████████████████░░  ┃
//! ┃                                                      ┃
//! ┃ line chart, half the screen's height                 ┃
//! ┃ ◆ sources disagree: 2020                             ┃
//! ┃ No figure between 2018 and 2020: not joined.         ┃
//! ┃                                                      ┃
//! ┃ as of, source, quote, note, the series as a list …   ┃
//! ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ ↑/↓ scroll · Esc close ━┛
//! ```

mod body;
mod figure;
mod writer;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::layout::PopupLayout;
use super::widgets::clip::{on_screen, render_rows};
use super::widgets::gauge::TargetGauge;
use super::widgets::line_chart::SeriesChart;
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::Item;
use crate::i18n::strings;
use crate::ui::Screen;
use body::body;

const MAX_WIDTH: u16 = 90;

fn inner_width(screen: Rect) -> usize {
    popup::centered(screen, MAX_WIDTH, screen.height)
        .width
        .saturating_sub(4) as usize
}

/// A line chart's rows: half of what the tallest popup shows, so that at 80×24 the text
/// below it starts on the first page; never so low that it has no room to draw.
fn chart_height(screen: Rect) -> u16 {
    (screen.height.saturating_sub(4) / 2).clamp(6, 14)
}

/// Draws the detail of `item`, its text scrolled by `scroll` lines (at most as far as it
/// goes), `point` of its series chosen; reports its area, how far it scrolls, and where
/// each point of the series is (on the chart and in the list), for clicks. The body is
/// laid out once a frame.
pub fn render(
    app: &Screen,
    frame: &mut Frame,
    screen: Rect,
    item: Item,
    (scroll, point): (u16, Option<usize>),
) -> PopupLayout {
    let s = strings(app.lang);
    // The popup is as wide as allowed, as tall as its text (up to the screen).
    let body = body(app, item, inner_width(screen), chart_height(screen), point);
    let rows = u16::try_from(body.rows()).unwrap_or(u16::MAX);
    let rect = popup::centered(screen, MAX_WIDTH, rows.saturating_add(2));
    let page = rect.height.saturating_sub(2);
    let max_scroll = rows.saturating_sub(page);
    let scroll = scroll.min(max_scroll);
    // The point hint last: on a narrow popup it is the one cut.
    let footer = match body.points.is_empty() {
        true => format!("{} · {}", s.scroll_hint, s.close_hint),
        false => format!("{} · {} · {}", s.scroll_hint, s.close_hint, s.point_hint),
    };
    let inner = popup::frame(frame, rect, &title(app, item), &footer, &app.theme);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    body.write(frame.buffer_mut(), inner, scroll as usize);
    let shown = scroll as usize..scroll as usize + inner.height as usize;
    // Each point's line in the list, where it shows.
    let mut entries: Vec<(usize, Rect)> = body
        .points
        .iter()
        .filter(|(_, row)| shown.contains(row))
        .map(|&(index, row)| {
            let y = inner.y + (row - shown.start) as u16;
            (index, Rect::new(inner.x, y, inner.width, 1))
        })
        .collect();
    for placed in body.graphics {
        let rows = placed.row..placed.row + placed.height as usize;
        let (top, bottom) = (rows.start.max(shown.start), rows.end.min(shown.end));
        if top >= bottom {
            continue;
        }
        let visible = Rect::new(
            inner.x + placed.indent,
            inner.y + (top - shown.start) as u16,
            inner.width.saturating_sub(placed.indent),
            (bottom - top) as u16,
        );
        let skip = (top - rows.start) as u16;
        let indicator = &app.dataset.indicators[placed.indicator];
        match placed.graphic {
            Graphic::Chart => {
                let chart = SeriesChart::new(indicator, app.lang, &app.theme).with_selected(point);
                let drawn = render_rows(frame, &chart, placed.height, skip, visible);
                // Each point's mark on the chart, where it shows: a click there selects it.
                entries.extend(chart.cells(drawn.area, &drawn).into_iter().filter_map(
                    |(index, cell)| on_screen(cell, skip, visible).map(|rect| (index, rect)),
                ));
            }
            Graphic::Gauge(target) => {
                let theme = &app.theme;
                let gauge = TargetGauge::new(
                    indicator.figure,
                    target,
                    app.lang,
                    theme.figure,
                    theme.muted,
                );
                render_rows(frame, &gauge, placed.height, skip, visible);
            }
        }
    }
    PopupLayout {
        area: rect,
        max_scroll,
        page,
        entries,
    }
}

/// What is drawn over reserved rows of the text.
#[derive(Debug, Clone, Copy)]
pub enum Graphic {
    /// The indicator's series as a line chart.
    Chart,
    /// The indicator's progress toward this target.
    Gauge(f64),
}

pub struct Placed {
    graphic: Graphic,
    indicator: usize,
    /// The first reserved line, and how many.
    row: usize,
    height: u16,
    /// Columns left of it, to line up with indented text.
    indent: u16,
}

/// The popup's text, and the graphics drawn over its reserved lines.
pub struct Body<'a> {
    lines: Vec<Line<'static>>,
    /// A list of one-line rows after the text, each made only if it shows.
    list: Option<List<'a>>,
    graphics: Vec<Placed>,
    /// The line of each point of a series in its list: (observation index, row).
    points: Vec<(usize, usize)>,
}

/// Rows made one at a time when they show: a list as long as the dataset (what cites a
/// source that every figure cites) costs a frame only its rows on screen.
pub struct List<'a> {
    count: usize,
    row: Box<dyn Fn(usize) -> Line<'static> + 'a>,
}

impl Body<'_> {
    /// Rows in all, the list's included.
    fn rows(&self) -> usize {
        self.lines.len() + self.list.as_ref().map_or(0, |list| list.count)
    }

    /// Writes the rows from `scroll` on into `area`, making only the list's rows it shows.
    fn write(&self, buffer: &mut ratatui::buffer::Buffer, area: Rect, scroll: usize) {
        write_lines(buffer, area, &self.lines, scroll);
        let Some(list) = &self.list else {
            return;
        };
        let text_rows = self
            .lines
            .len()
            .saturating_sub(scroll)
            .min(area.height as usize);
        let first = scroll.saturating_sub(self.lines.len());
        let shown = (area.height as usize - text_rows).min(list.count.saturating_sub(first));
        let rows: Vec<Line> = (first..first + shown)
            .map(|index| (list.row)(index))
            .collect();
        let below = Rect::new(
            area.x,
            area.y + text_rows as u16,
            area.width,
            area.height - text_rows as u16,
        );
        write_lines(buffer, below, &rows, 0);
    }
}

fn title(app: &Screen, item: Item) -> String {
    let d = &app.dataset;
    let lang = app.lang;
    match item {
        Item::Indicator(i) => d.indicators[i].label.get(lang).to_owned(),
        Item::Panel(p) | Item::Point { panel: p, .. } => d.panels[p].title.get(lang).to_owned(),
        Item::Event(e) => crate::i18n::date(&d.events[e].date, lang),
        Item::Source(_) => strings(lang).source.to_owned(),
        Item::Country(c) => format!(
            "{} ({})",
            d.countries[c].name.get(lang),
            d.countries[c].code
        ),
    }
}
