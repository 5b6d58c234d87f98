//! The country table: a row per declared country, a column per thing the tab shows
//! (every fact kind by default), sorted by any column (`s`, `S`, or a click on its
//! header), filtered as you type (`f`), grouped by region (`b`). The rows are the tab's
//! items, in the order `App::refresh_rows` gave them; Enter opens a country's detail.
//!
//! ```text
//!  55 countries · s sort · f filter · b by region
//!  ▲ Country              Region     Signed an e-commerce MoU   E-commerce trade
//! ▶ Chile                 Latin Am…  2016-11                    —
//!   Pakistan              Asia       2017-05                    20 (2021)
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Drawn;
use crate::app::Item;
use crate::app::countries::{Column, columns, region_of};
use crate::dataset::{Dataset, FactClass, Lang, Shown};
use crate::i18n::{aside, date, figure_in, number_in, strings};
use crate::ui::Screen;
use crate::ui::text::{truncate, width};
use crate::ui::widgets::line_chart::CONFLICT;
use crate::ui::widgets::lines::write_line;

/// The name column's width at most; the rest share what is left.
const NAME_WIDTH: usize = 26;
const REGION_WIDTH: usize = 16;
/// The narrowest a column of a shown thing gets before columns are left out.
const MIN_COLUMN_WIDTH: usize = 16;

/// What a cell of `column` says of `country`; `—` for nothing known.
pub fn cell_text(dataset: &Dataset, lang: Lang, column: Column, country: usize) -> String {
    let entry = &dataset.countries[country];
    let none = || "—".to_owned();
    match column {
        Column::Name => entry.name.get(lang).to_owned(),
        Column::Region => {
            region_of(dataset, country).map_or_else(none, |r| r.name(lang).to_owned())
        }
        Column::Shown(Shown::FactKind(kind)) => {
            let Some(fact) = dataset.fact_as_of(country, kind, i32::MAX) else {
                return none();
            };
            // Facts of the same date from other sources: a conflict, marked as in charts.
            let disputed = dataset
                .facts_of(country)
                .filter(|other| other.kind == kind && other.date == fact.date)
                .count()
                > 1;
            let mark = if disputed {
                format!(" {CONFLICT}")
            } else {
                String::new()
            };
            match (dataset.fact_kinds[kind].class, fact.figure) {
                (FactClass::Value, Some(figure)) => format!(
                    "{}{}{mark}",
                    figure_in(&figure, lang),
                    aside(&date(&fact.date, lang), lang)
                ),
                _ => format!("{}{mark}", date(&fact.date, lang)),
            }
        }
        Column::Shown(Shown::Indicator(indicator)) => dataset
            .breakdown(indicator)
            .iter()
            .find(|value| value.country == country)
            .map_or_else(none, |value| number_in(value.value, lang)),
    }
}

/// A column's header text.
fn header_text(dataset: &Dataset, lang: Lang, column: Column) -> String {
    let s = strings(lang);
    match column {
        Column::Name => s.name_column.to_owned(),
        Column::Region => s.region_column.to_owned(),
        Column::Shown(Shown::FactKind(kind)) => dataset.fact_kinds[kind].label.get(lang).to_owned(),
        Column::Shown(Shown::Indicator(indicator)) => {
            dataset.indicators[indicator].label.get(lang).to_owned()
        }
    }
}

/// The columns that fit `room`, with their widths: name and region always, then as many
/// shown things as get at least [`MIN_COLUMN_WIDTH`] each.
fn widths(count: usize, room: usize) -> Vec<usize> {
    let name = NAME_WIDTH.min(room / 3).max(8);
    let region = REGION_WIDTH.min(room / 5).max(6);
    let rest = room.saturating_sub(name + region + 2);
    let shown = count.saturating_sub(2);
    let fitting = shown.min(rest / MIN_COLUMN_WIDTH);
    let mut widths = vec![name, region];
    if let Some(each) = rest.checked_div(fitting) {
        widths.extend(std::iter::repeat_n(each, fitting));
    }
    widths
}

/// One row of cells, each cut to its width and padded after.
/// One text for the whole row, in one style: a row of twenty cells is one span to write,
/// not forty.
fn row_line(texts: &[String], widths: &[usize], style: ratatui::style::Style) -> Line<'static> {
    let mut row = String::with_capacity(widths.iter().sum::<usize>() + 16);
    for (text, &column_width) in texts.iter().zip(widths) {
        let text = truncate(text, column_width.saturating_sub(1));
        let pad = column_width.saturating_sub(width(&text));
        row.push_str(&text);
        row.extend(std::iter::repeat_n(' ', pad));
    }
    Line::styled(row, style)
}

/// Draws the table; reports each row drawn (by item index) and each column header.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> Drawn {
    let lang = app.lang;
    let theme = &app.theme;
    let s = strings(lang);
    let dataset = &app.dataset;
    let tab = app.tab;
    let view = &app.tables[tab];
    let all_columns = columns(dataset, tab);
    let room = area.width.saturating_sub(2) as usize;
    let widths = widths(all_columns.len(), room);
    // Name and region always; of the rest, the window that holds the sorted column, so
    // `s` walks every column into view.
    let fitting = widths.len() - 2;
    let first = if view.sort >= 2 {
        (view.sort - 2 + 1).saturating_sub(fitting)
    } else {
        0
    };
    let shown_columns: Vec<(usize, Column)> = [(0, all_columns[0]), (1, all_columns[1])]
        .into_iter()
        .chain(
            all_columns
                .iter()
                .copied()
                .enumerate()
                .skip(2 + first)
                .take(fitting),
        )
        .collect();
    let buffer = frame.buffer_mut();
    let x = area.x + 2;

    // The line above the header: the filter being typed, or what the keys do.
    let items = app.items();
    let status = if view.filtering || !view.filter.is_empty() {
        let cursor = if view.filtering { "▏" } else { "" };
        Line::from(vec![
            Span::styled(format!("{}: ", s.filter_label), theme.key),
            Span::styled(format!("{}{cursor}", view.filter), theme.text),
            Span::styled(
                format!("  {} / {}", items.len(), dataset.countries.len()),
                theme.muted,
            ),
        ])
    } else {
        Line::styled(
            format!(
                "{} · s {} · f {} · b {}",
                countries_count(dataset.countries.len(), lang),
                s.hint_sort,
                s.hint_filter,
                s.hint_group
            ),
            theme.muted,
        )
    };
    write_line(buffer, x, area.y, &status, area.width.saturating_sub(2));

    // The header, the sorted column marked.
    let mut headers = Vec::new();
    let mut header_x = x;
    let header_y = area.y + 1;
    let mut header_texts = Vec::new();
    for (&(index, column), &column_width) in shown_columns.iter().zip(&widths) {
        let mut text = header_text(dataset, lang, column);
        // The mark first: a long header is cut at its end.
        if index == view.sort {
            text = format!("{} {text}", if view.descending { "▼" } else { "▲" });
        }
        header_texts.push(text);
        headers.push((index, Rect::new(header_x, header_y, column_width as u16, 1)));
        header_x += column_width as u16;
    }
    write_line(
        buffer,
        x,
        header_y,
        &row_line(&header_texts, &widths, theme.title),
        area.width.saturating_sub(2),
    );

    // The rows in view, the selected one among them, with region headings when grouped.
    let body = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    let selected = app.selected_index();
    // The table's lines — region headings when grouped, then rows — as what they are, so
    // that only the lines in view are written out: 250 rows of 20 cells are not formatted
    // to show 30 of them.
    let mut entries: Vec<Entry> = Vec::with_capacity(items.len());
    let mut last_region = None;
    for (index, item) in items.iter().enumerate() {
        let Item::Country(country) = *item else {
            continue;
        };
        if view.grouped {
            let region = region_of(dataset, country);
            if entries.is_empty() || region != last_region {
                entries.push(Entry::Heading(region));
                last_region = region;
            }
        }
        entries.push(Entry::Row { index, country });
    }
    // Keep the selected row in view: scroll so it is on the last visible line at most.
    let at = entries
        .iter()
        .position(|entry| matches!(entry, Entry::Row { index, .. } if *index == selected))
        .unwrap_or(0);
    let rows = body.height as usize;
    let first = (at + 1).saturating_sub(rows);
    let mut drawn = Vec::new();
    for (offset, entry) in entries.iter().skip(first).take(rows).enumerate() {
        let (item, line) = match *entry {
            Entry::Heading(region) => (
                None,
                Line::styled(region.map_or("—", |r| r.name(lang)).to_owned(), theme.key),
            ),
            Entry::Row { index, country } => {
                let texts: Vec<String> = shown_columns
                    .iter()
                    .map(|&(_, column)| cell_text(dataset, lang, column, country))
                    .collect();
                let style = if index == selected {
                    theme.selected
                } else {
                    theme.text
                };
                (Some(index), row_line(&texts, &widths, style))
            }
        };
        let y = body.y + offset as u16;
        let marker = if item == Some(selected) { "▶ " } else { "  " };
        write_line(buffer, area.x, y, &Line::styled(marker, theme.selected), 2);
        write_line(buffer, x, y, &line, area.width.saturating_sub(2));
        if let Some(item) = item {
            drawn.push((item, Rect::new(area.x, y, area.width, 1)));
        }
    }
    if items.is_empty() {
        write_line(
            buffer,
            x,
            body.y,
            &Line::styled(s.nothing_here, theme.muted),
            area.width.saturating_sub(2),
        );
    }
    Drawn {
        items: drawn,
        grid_columns: 1,
        columns: headers,
        ..Drawn::default()
    }
}

/// A line of the table: a region's heading, or a country's row (its item index).
enum Entry {
    Heading(Option<crate::app::countries::MapRegion>),
    Row { index: usize, country: usize },
}

/// `55 countries`, `55个国家`.
fn countries_count(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::En, 1) => "1 country".to_owned(),
        (Lang::En, n) => format!("{n} countries"),
        (Lang::Zh, n) => format!("{n}个国家"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_room_or_are_left_out() {
        assert_eq!(widths(4, 100).len(), 4);
        assert!(widths(22, 120).len() < 22);
        assert_eq!(widths(22, 20).len(), 2, "name and region always");
    }
}
