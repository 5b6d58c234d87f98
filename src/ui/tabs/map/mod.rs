//! The map tab: the world in Braille dots, each declared country shaded by what the tab
//! shows at the year of the time slider, with a legend that states the classes and the
//! year, and the selected country. Wide screens get the legend beside the map, others
//! under it.
//!
//! ```text
//!  ⠀⠀⢀⣀⣤⣤⣶⣶⣿⣿⣿⣷⣶⣤⡀⠀⠀⠀⠀⢀⣠⣤⣶⣶⣶⣤⣤⣀⠀⠀⠀⠀
//!  ⠀⣰⣿⣿⣿⣿⣿⡿⠿⠛⠉⠉⠛⢿⣿⣦⣤⣴⣾⣿⣿⣿⣿⣿⣿⣿⣿⣿⣷⣄⠀
//!  Signed an e-commerce MoU · by the end of 2019 · World ×1
//!  ⣿ 2016  ⢕ 2017  ⠡ 2018  ⢈ no data  ▶ Pakistan (PAK) · since 2017-05
//! ```
//!
//! Classes differ by the density of their dots as well as by colour, so they stay apart
//! without colour (`NO_COLOR`, the mono theme); a declared country with no data by then
//! shows only its outline, never the shading of a zero; countries the dataset does not
//! name show only their coasts.

pub mod classes;
mod memory;

pub use memory::RasterMemory;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Drawn;
use crate::app::Item;
use crate::app::countries::{MAP_PANEL_FROM, MapView, map_grid, shown};
use crate::countries;
use crate::dataset::{Dataset, FactClass, Lang, Shown};
use crate::i18n::{aside, date, figure_in, strings};
use crate::ui::Screen;
use crate::ui::layout::MapLayout;
use crate::ui::text::{truncate, width};
use crate::ui::widgets::lines::write_lines;
use classes::{Classes, MAX_CLASSES};

/// The dots of each class, sparse to full: told apart without colour.
const DENSITY: [u8; MAX_CLASSES] = [0x21, 0x29, 0x95, 0xBD, 0xFF];

/// The dots a class of `count` classes is drawn with: spread over the whole range, so two
/// classes are the sparsest and the fullest.
fn density(class: usize, count: usize) -> (u8, usize) {
    let level = if count <= 1 {
        MAX_CLASSES - 1
    } else {
        class * (MAX_CLASSES - 1) / (count - 1)
    };
    (DENSITY[level], level)
}

fn braille(dots: u8) -> char {
    char::from_u32(0x2800 + u32::from(dots)).unwrap_or(' ')
}

/// What the map of the tab shows: the first of its `shows`.
fn colour_by(dataset: &Dataset, tab: usize) -> Option<Shown> {
    shown(dataset, tab).first().copied()
}

/// Draws the map tab; reports the map's cells (for clicks) and nothing as list items.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> Drawn {
    let tab = app.tab;
    let view = app.maps[tab];
    let (width, height) = map_grid(app.size);
    let map_area = Rect::new(
        area.x,
        area.y,
        width.min(area.width),
        height.min(area.height),
    );
    let raster = app
        .rasters
        .raster(view.viewport, map_area.width, map_area.height);
    let classes = classes::classes(
        &app.dataset,
        colour_by(&app.dataset, tab),
        view.year,
        app.lang,
    );
    let selected = match app.selected_item() {
        Some(Item::Country(country)) => Some(country),
        _ => None,
    };
    // The reference's countries as the dataset's, and the dataset's as item indices.
    let mut declared: Vec<Option<usize>> = vec![None; countries::all().len()];
    for (index, entry) in app.dataset.countries.iter().enumerate() {
        declared[usize::from(entry.reference.0)] = Some(index);
    }
    let mut item_of: Vec<Option<u32>> = vec![None; app.dataset.countries.len()];
    for (position, item) in app.items().iter().enumerate() {
        if let Item::Country(country) = item {
            item_of[*country] = Some(position as u32);
        }
    }
    let theme = &app.theme;
    let count = classes.labels.len();
    let mut cells = Vec::with_capacity(usize::from(map_area.width) * usize::from(map_area.height));
    let buffer = frame.buffer_mut();
    for row in 0..map_area.height {
        for col in 0..map_area.width {
            let cell = raster.cell(col, row);
            let country = cell
                .country
                .and_then(|id| declared.get(usize::from(id.0)).copied().flatten());
            cells.push(country.and_then(|country| item_of[country]));
            if cell.land == 0 {
                continue;
            }
            let outline = cell.border | cell.coast;
            let (dots, style) = match country {
                // A country the dataset does not name: only the coasts, so the world is
                // there without drawing attention.
                None => (cell.coast, theme.border),
                Some(country) if Some(country) == selected => (cell.land, theme.border_selected),
                Some(country) => match classes.of_country[country] {
                    Some(class) => {
                        let (pattern, level) = density(class, count);
                        ((cell.land & pattern) | outline, theme.scale[level])
                    }
                    None => (outline, theme.muted),
                },
            };
            if dots != 0 {
                buffer[(map_area.x + col, map_area.y + row)]
                    .set_char(braille(dots))
                    .set_style(style);
            }
        }
    }
    let panel = if app.size.width >= MAP_PANEL_FROM {
        Rect::new(
            map_area.right() + 1,
            area.y,
            area.right().saturating_sub(map_area.right() + 1),
            area.height,
        )
    } else {
        Rect::new(
            area.x + 1,
            map_area.bottom(),
            area.width.saturating_sub(1),
            area.bottom().saturating_sub(map_area.bottom()),
        )
    };
    let beside = app.size.width >= MAP_PANEL_FROM;
    write_lines(
        frame.buffer_mut(),
        panel,
        &legend(app, &view, &classes, selected, beside, panel.width as usize),
        0,
    );
    Drawn {
        map: Some(MapLayout {
            area: map_area,
            cells,
        }),
        grid_columns: 1,
        ..Drawn::default()
    }
}

/// The legend: what is shown and as of when, each class with its swatch, the no-data
/// outline, and the selected country with what it has by then. One entry a line beside the
/// map; under it, as many as fit a row.
fn legend(
    app: &Screen,
    view: &MapView,
    classes: &Classes,
    selected: Option<usize>,
    beside: bool,
    room: usize,
) -> Vec<Line<'static>> {
    let lang = app.lang;
    let theme = &app.theme;
    let s = strings(lang);
    let dataset = &app.dataset;
    let what = match colour_by(dataset, app.tab) {
        Some(Shown::FactKind(kind)) => dataset.fact_kinds[kind].label.get(lang).to_owned(),
        Some(Shown::Indicator(indicator)) => {
            dataset.indicators[indicator].label.get(lang).to_owned()
        }
        None => s.nothing_here.to_owned(),
    };
    let when = match view.year {
        Some(year) => by_the_end_of(year, lang),
        None => s.map_latest.to_owned(),
    };
    let place = format!(
        "{} ×{}",
        view.region.name(lang),
        zoom_text(view.viewport.zoom)
    );
    let mut swatches: Vec<Span> = classes
        .labels
        .iter()
        .enumerate()
        .map(|(class, label)| {
            let (pattern, level) = density(class, classes.labels.len());
            let style: Style = theme.scale[level];
            Span::styled(format!("{} {label}", braille(pattern)), style)
        })
        .collect();
    swatches.push(Span::styled(
        format!("{} {}", braille(0x9C), s.no_data),
        theme.muted,
    ));
    let selection = selected.map(|country| selected_line(app, country, view.year));
    let mut lines = Vec::new();
    if beside {
        lines.push(Line::styled(truncate(&what, room), theme.title));
        lines.push(Line::styled(truncate(&when, room), theme.text));
        lines.push(Line::styled(truncate(&place, room), theme.muted));
        lines.push(Line::raw(""));
        lines.extend(swatches.into_iter().map(Line::from));
        if let Some(selection) = selection {
            lines.push(Line::raw(""));
            for text in selection {
                lines.push(Line::styled(truncate(&text, room), theme.key));
            }
        }
    } else {
        lines.push(Line::from(vec![
            Span::styled(what, theme.title),
            Span::styled(format!(" · {when} · {place}"), theme.text),
        ]));
        let mut row = Vec::new();
        let mut used = 0;
        for swatch in swatches {
            let piece = width(&swatch.content) + 2;
            if used + piece > room {
                break;
            }
            used += piece;
            row.push(swatch);
            row.push(Span::raw("  "));
        }
        lines.push(Line::from(row));
        if let Some(selection) = selection {
            lines.push(Line::styled(
                truncate(&selection.join(" · "), room),
                theme.key,
            ));
        }
    }
    lines
}

/// `by the end of 2019`, `截至2019年底`.
fn by_the_end_of(year: i32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("by the end of {year}"),
        Lang::Zh => format!("截至{year}年底"),
    }
}

/// `1`, `2.3`: the zoom with at most one decimal.
fn zoom_text(zoom: f64) -> String {
    let rounded = (zoom * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// The selected country: its name and code, then what the map shows of it by the year.
fn selected_line(app: &Screen, country: usize, year: Option<i32>) -> Vec<String> {
    let lang = app.lang;
    let dataset = &app.dataset;
    let entry = &dataset.countries[country];
    let mut lines = vec![format!(
        "▶ {}{}",
        entry.name.get(lang),
        aside(&entry.code, lang)
    )];
    let shown = match colour_by(dataset, app.tab) {
        Some(Shown::FactKind(kind)) => dataset
            .fact_as_of(country, kind, year.unwrap_or(i32::MAX))
            .map(|fact| match (dataset.fact_kinds[kind].class, fact.figure) {
                (FactClass::Value, Some(figure)) => {
                    format!("{} · {}", figure_in(&figure, lang), date(&fact.date, lang))
                }
                _ => format!("{} {}", strings(lang).since, date(&fact.date, lang)),
            }),
        Some(Shown::Indicator(indicator)) => dataset
            .breakdown(indicator)
            .iter()
            .find(|value| value.country == country)
            .map(|value| crate::i18n::number_in(value.value, lang)),
        None => None,
    };
    lines.push(shown.unwrap_or_else(|| strings(lang).no_data.to_owned()));
    lines.push(strings(lang).enter_details.to_owned());
    lines
}
