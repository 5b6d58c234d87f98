//! A tab of panels: the panels as a list on the left, the current panel on the right with
//! its summary, its figures and its points. Figures that share a unit are also compared
//! in a bar chart above them. ↑/↓ walk through everything; `[` `]` and a click in the
//! list jump between panels.
//!
//! ```text
//!  1 Policy coordination │ Policy coordination
//! ▶2 Initiatives         │ summary, wrapped
//!  3 Infrastructure      │
//!                        │ Compared (countries)
//!                        │ label one…  ████████████  20
//!                        │ label two…  ██████        10
//!                        │
//!                        │ ■ 20 countries — label
//!                        │   as of 2023-10 (mid) · 3 years ago
//!                        │ • point, wrapped with a hanging indent
//!                        │   ◦ sub-point
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::dataset::Point;
use crate::i18n::figure_with_unit;
use crate::i18n::{compared, strings};
use crate::ui::Screen;
use crate::ui::text::{truncate, width, wrapped_lines};
use crate::ui::widgets::bars::{UnitBars, shared_units};
use crate::ui::widgets::card;
use crate::ui::widgets::lines::{write_line, write_lines};
use crate::ui::widgets::list::{self, Entry, Placed};

struct Layout {
    sidebar: Rect,
    /// The first panel the sidebar shows: it scrolls to keep the current one in view.
    first_row: usize,
    content: Rect,
    placed: Vec<Placed>,
    /// Bar charts drawn over the last rows of an entry, by entry index (placed ones only).
    bars: Vec<(usize, UnitBars)>,
}

fn sidebar_width(app: &Screen, area: Rect) -> u16 {
    let tab = &app.dataset.tabs[app.tab];
    let widest = tab
        .panels
        .iter()
        .map(|&p| width(app.dataset.panels[p].title.get(app.lang)))
        .max()
        .unwrap_or(0) as u16;
    // `max` then `min`, not `clamp`: a third of the narrowest screen is less than 14.
    (widest + 6).max(14).min(area.width / 3)
}

fn layout(app: &Screen, area: Rect) -> Layout {
    let side = sidebar_width(app, area);
    let sidebar = Rect::new(area.x, area.y, side, area.height);
    let content = Rect::new(
        area.x + side + 1,
        area.y,
        area.width.saturating_sub(side + 1),
        area.height,
    );
    let current = app.current_panel();
    let current_row = current
        .and_then(|panel| {
            app.dataset.tabs[app.tab]
                .panels
                .iter()
                .position(|&p| p == panel)
        })
        .unwrap_or(0);
    let (placed, bars) = match current {
        Some(panel) => panel_entries(app, panel, content),
        None => (Vec::new(), Vec::new()),
    };
    Layout {
        sidebar,
        first_row: (current_row + 1).saturating_sub(sidebar.height as usize),
        content,
        placed,
        bars,
    }
}

/// The index among the tab's items of a panel's header (each panel of a tab has one).
fn header_index(app: &Screen, panel: usize) -> Option<usize> {
    let row = app.dataset.tabs[app.tab]
        .panels
        .iter()
        .position(|&p| p == panel)?;
    app.navigation.panel_headers[app.tab].get(row).copied()
}

/// The current panel's entries in view: its header, bar charts, figures and points. Only
/// the entries around the selection are built, however many the panel holds.
fn panel_entries(
    app: &Screen,
    panel: usize,
    content: Rect,
) -> (Vec<Placed>, Vec<(usize, UnitBars)>) {
    let theme = &app.theme;
    let lang = app.lang;
    let dataset = &app.dataset;
    let text_width = list::text_width(content);
    let p = &dataset.panels[panel];
    let Some(first) = header_index(app, panel) else {
        return (Vec::new(), Vec::new());
    };
    // Entries: the header and a blank; a chart and a blank per shared unit; the figures;
    // the points. Figures and points are the items after the header, in order.
    let groups = shared_units(dataset, &p.indicators, lang);
    let charts_end = 2 + 2 * groups.len();
    let count = charts_end + p.indicators.len() + p.points.len();
    let selected = match app.selected_index().checked_sub(first) {
        Some(0) => Some(0),
        Some(after) => Some(charts_end + after - 1),
        None => None,
    };
    let blank = || Entry {
        item: None,
        lines: vec![Line::raw("")],
    };
    let mut bars = Vec::new();
    let placed = list::place(count, selected, content, |index| {
        if index == 0 {
            let mut lines = wrapped_lines(
                app.memory,
                p.title.get(lang),
                text_width,
                ("", ""),
                theme.title,
                theme.title,
            );
            lines.extend(wrapped_lines(
                app.memory,
                p.summary.get(lang),
                text_width,
                ("", ""),
                theme.text,
                theme.text,
            ));
            return Entry {
                item: Some(first),
                lines,
            };
        }
        if index < charts_end {
            if index % 2 == 1 {
                return blank();
            }
            // A chart entry is its heading and blank rows the bars are drawn over.
            let group = &groups[(index - 2) / 2];
            let unit = dataset.indicators[group[0]].unit.get(lang);
            let heading = compared(lang, unit);
            let chart = UnitBars::new(dataset, group, lang, theme, text_width);
            let mut lines = wrapped_lines(
                app.memory,
                &heading,
                text_width,
                ("", ""),
                theme.key,
                theme.key,
            );
            lines.extend((0..chart.height()).map(|_| Line::raw("")));
            bars.push((index, chart));
            return Entry { item: None, lines };
        }
        let item = first + 1 + index - charts_end;
        let lines = match p.indicators.get(index - charts_end) {
            Some(&indicator) => indicator_lines(app, indicator, text_width),
            None => point_lines(
                app,
                &p.points[index - charts_end - p.indicators.len()],
                text_width,
            ),
        };
        Entry {
            item: Some(item),
            lines,
        }
    });
    (placed, bars)
}

fn indicator_lines(app: &Screen, indicator: usize, text_width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let lang = app.lang;
    let i = &app.dataset.indicators[indicator];
    let value = figure_with_unit(&i.figure, i.unit_for(i.figure.value, lang), lang);
    let mut lines = wrapped_lines(
        app.memory,
        &format!("{value} — {}", i.label.get(lang)),
        text_width,
        ("■ ", "  "),
        theme.figure,
        theme.text,
    );
    let as_of = format!("  {} ", strings(lang).as_of);
    let mut date = card::date_line(app, i, text_width.saturating_sub(width(&as_of)));
    date.spans.insert(0, Span::styled(as_of, theme.muted));
    lines.push(date);
    lines
}

fn point_lines(app: &Screen, point: &Point, text_width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let lang = app.lang;
    let mut lines = wrapped_lines(
        app.memory,
        point.text.get(lang),
        text_width,
        ("• ", "  "),
        theme.figure,
        theme.text,
    );
    for sub in &point.sub {
        lines.extend(wrapped_lines(
            app.memory,
            sub.get(lang),
            text_width,
            ("  ◦ ", "    "),
            theme.muted,
            theme.text,
        ));
    }
    lines
}

/// Draws the panels tab; returns where each item is (sidebar rows and entries), by index.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> Vec<(usize, Rect)> {
    let theme = &app.theme;
    let layout = layout(app, area);
    let current = app.current_panel();
    let tab = &app.dataset.tabs[app.tab];
    let room = layout.sidebar.width.saturating_sub(1) as usize;
    let sidebar: Vec<Line> = tab
        .panels
        .iter()
        .enumerate()
        .skip(layout.first_row)
        .take(layout.sidebar.height as usize)
        .map(|(n, &panel)| {
            let title = app.dataset.panels[panel].title.get(app.lang);
            let is_current = Some(panel) == current;
            let marker = if is_current { "▶" } else { " " };
            let text = truncate(&format!("{marker}{} {title}", n + 1), room);
            let style = if is_current {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(text, style)
        })
        .collect();
    write_lines(frame.buffer_mut(), layout.sidebar, &sidebar, 0);
    let divider = Line::styled("│", theme.border);
    for y in area.top()..area.bottom() {
        write_line(frame.buffer_mut(), layout.sidebar.right(), y, &divider, 1);
    }
    if layout.placed.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(strings(app.lang).nothing_here, theme.muted)),
            layout.content,
        );
    }
    list::render(frame, &layout.placed, Some(app.selected_index()), theme);
    for (entry, bars) in &layout.bars {
        let Some(placement) = layout.placed.iter().find(|p| p.index == *entry) else {
            continue;
        };
        // The bars are the entry's last rows, after its heading; `list` indents by two.
        let heading = placement.entry.lines.len() - bars.height() as usize;
        let skip = placement.skip.saturating_sub(heading);
        let heading_shown = heading.saturating_sub(placement.skip) as u16;
        let area = placement.area;
        let visible = Rect::new(
            area.x + 2,
            area.y + heading_shown,
            area.width.saturating_sub(2),
            area.height.saturating_sub(heading_shown),
        );
        bars.draw_rows(frame.buffer_mut(), visible, skip);
    }
    let sidebar = app.navigation.panel_headers[app.tab]
        .iter()
        .skip(layout.first_row)
        .take(layout.sidebar.height as usize)
        .enumerate()
        .map(|(row, &index)| {
            let rect = Rect::new(
                layout.sidebar.x,
                layout.sidebar.y + row as u16,
                layout.sidebar.width,
                1,
            );
            (index, rect)
        });
    sidebar.chain(list::item_areas(&layout.placed)).collect()
}
