//! What the detail says about each kind of item, in the order a reader looks for it: the
//! figure or text first, then when, where from and in whose words.

use ratatui::text::{Line, Span};

use super::Body;
use super::figure::indicator;
use super::writer::Writer;
use crate::app::Item;
use crate::dataset::{Citer, Figure, Lang, Qualifier};
use crate::i18n::{cited, date, date_with_age, figure_with_unit, labelled, strings};
use crate::ui::Screen;
use crate::ui::tabs::sources::source_facts;

/// The popup's text for `item` at a text width, with the rows its graphics take; `chosen`
/// the chosen point of a figure's series.
pub fn body<'a>(
    app: &'a Screen<'a>,
    item: Item,
    width: usize,
    chart_height: u16,
    chosen: Option<usize>,
) -> Body<'a> {
    let mut out = Writer::new(app, width);
    match item {
        Item::Indicator(index) => indicator(&mut out, index, chart_height, chosen),
        Item::Panel(index) => panel(&mut out, index),
        Item::Point {
            panel,
            point: index,
        } => point(&mut out, panel, index),
        Item::Event(index) => event(&mut out, index),
        Item::Source(index) => return source(out, index),
        Item::Country(index) => country(&mut out, index),
    }
    out.finish()
}

/// A country: its names and region, where it is on the map, then every fact about it in
/// the dataset, oldest first, each with its date at its precision, source and quote (a
/// translated quote marked so), and its shares of indicators.
fn country(out: &mut Writer, index: usize) {
    let app = out.app;
    let (lang, words) = (app.lang, strings(app.lang));
    let dataset = &app.dataset;
    let entry = &dataset.countries[index];
    let other = lang.other();
    out.field(
        words.name_column,
        &format!("{} · {}", entry.name.get(lang), entry.name.get(other)),
    );
    if let Some(region) = crate::app::countries::region_of(dataset, index) {
        out.field(words.region_column, region.name(lang));
    }
    if let Some(shape) = crate::countries::shape_of(entry.reference) {
        let (lon, lat) = shape.centroid;
        out.field(words.on_the_map, &coordinates(lon, lat, lang));
    }
    out.blank();
    out.heading(words.facts_heading);
    for fact in dataset.facts_of(index) {
        let kind = &dataset.fact_kinds[fact.kind];
        let what = match fact.figure {
            Some(figure) => {
                let unit = kind.unit.as_ref().map(|u| u.get(lang)).unwrap_or_default();
                format!(
                    "{} — {}",
                    kind.label.get(lang),
                    figure_with_unit(&figure, unit, lang)
                )
            }
            None => kind.label.get(lang).to_owned(),
        };
        out.entry(
            &format!("{} · {what}", date(&fact.date, lang)),
            ("• ", "  "),
        );
        let source = &dataset.sources[fact.source];
        out.entry(
            &labelled(words.source, source.title.get(lang), lang),
            ("    ", "    "),
        );
        if let Some(said) = fact.said() {
            for text in out.said_lines(said) {
                out.entry(&text, ("    ", "    "));
            }
        }
        if let Some(note) = &fact.note {
            out.entry(
                &labelled(words.note, note.get(lang), lang),
                ("    ", "    "),
            );
        }
    }
    for (indicator, value) in dataset.indicators.iter().filter_map(|indicator| {
        indicator
            .by_country
            .iter()
            .find(|value| value.country == index)
            .map(|value| (indicator, value.value))
    }) {
        out.entry(
            &format!(
                "{} · {}",
                indicator.label.get(lang),
                figure_with_unit(
                    &Figure {
                        value,
                        qualifier: Qualifier::Exact
                    },
                    indicator.unit_for(value, lang),
                    lang
                )
            ),
            ("• ", "  "),
        );
    }
}

/// `30.4°N 69.3°E`, `北纬30.4° 东经69.3°`.
fn coordinates(lon: f64, lat: f64, lang: Lang) -> String {
    let (ns, ew) = match lang {
        Lang::En => (
            if lat >= 0.0 { "N" } else { "S" },
            if lon >= 0.0 { "E" } else { "W" },
        ),
        Lang::Zh => (
            if lat >= 0.0 { "北纬" } else { "南纬" },
            if lon >= 0.0 { "东经" } else { "西经" },
        ),
    };
    match lang {
        Lang::En => format!("{:.1}°{ns} {:.1}°{ew}", lat.abs(), lon.abs()),
        Lang::Zh => format!("{ns}{:.1}° {ew}{:.1}°", lat.abs(), lon.abs()),
    }
}

fn panel(out: &mut Writer, index: usize) {
    let app = out.app;
    let (lang, theme, words) = (app.lang, &app.theme, strings(app.lang));
    let panel = &app.dataset.panels[index];
    out.paragraph(panel.title.get(lang), theme.title);
    out.paragraph(panel.summary.get(lang), theme.text);
    if let Some(source) = panel.source {
        out.blank();
        out.source(&app.dataset.sources[source]);
    }
    out.blank();
    out.lines.push(Line::styled(
        format!(
            "{}   {}",
            labelled(words.figures, &panel.indicators.len().to_string(), lang),
            labelled(words.points, &panel.points.len().to_string(), lang),
        ),
        theme.muted,
    ));
}

fn point(out: &mut Writer, panel: usize, index: usize) {
    let app = out.app;
    let point = &app.dataset.panels[panel].points[index];
    out.paragraph(point.text.get(app.lang), app.theme.text);
    for sub in &point.sub {
        out.entry(sub.get(app.lang), ("  ◦ ", "    "));
    }
    if point.source.is_some() || point.quote.is_some() {
        out.blank();
    }
    if let Some(source) = point.source {
        out.source(&app.dataset.sources[source]);
    }
    if let Some(said) = point.said() {
        out.quote(said);
    }
}

fn event(out: &mut Writer, index: usize) {
    let app = out.app;
    let (lang, theme) = (app.lang, &app.theme);
    let event = &app.dataset.events[index];
    out.paragraph(&date_with_age(&event.date, app.today, lang), theme.figure);
    out.paragraph(event.label.get(lang), theme.title);
    out.blank();
    out.source(&app.dataset.sources[event.source]);
    if let Some(said) = event.said() {
        out.quote(said);
    }
    if let Some(note) = &event.note {
        out.field(strings(lang).note, note.get(lang));
    }
}

/// A source: its title, facts, authors and link, then the list of what cites it, as long
/// as the dataset (a report every figure cites), of which only the rows in view are made.
fn source<'a>(mut out: Writer<'a>, index: usize) -> Body<'a> {
    let app = out.app;
    let (lang, theme, words) = (app.lang, &app.theme, strings(app.lang));
    let source = &app.dataset.sources[index];
    out.paragraph(source.title.get(lang), theme.title);
    out.paragraph(&source_facts(source, lang), theme.muted);
    if !source.authors.is_empty() {
        out.blank();
        out.heading(words.authors);
        for author in &source.authors {
            let text = match &author.affiliation {
                Some(affiliation) => {
                    format!("{} — {}", author.name.get(lang), affiliation.get(lang))
                }
                None => author.name.get(lang).to_owned(),
            };
            out.entry(&text, ("  ", "    "));
        }
    }
    if let Some(url) = &source.url {
        out.field(words.link, url);
    }
    out.blank();
    let citers = &app.dataset.citations[index];
    out.lines.push(Line::from(Span::styled(
        cited(lang, citers.len()),
        theme.muted,
    )));
    // What cites it, each as the reader finds it elsewhere in the dashboard.
    out.finish_with_list(citers.len(), move |row| citer_text(app, citers[row]))
}

/// A thing that cites a source, in a line: what it is and what it says.
fn citer_text(app: &Screen, citer: Citer) -> String {
    let lang = app.lang;
    let dataset = &app.dataset;
    match citer {
        Citer::Indicator(i) => {
            let indicator = &dataset.indicators[i];
            format!(
                "{} — {}",
                figure_with_unit(
                    &indicator.figure,
                    indicator.unit_for(indicator.figure.value, lang),
                    lang
                ),
                indicator.label.get(lang)
            )
        }
        Citer::Observation(i, o) => {
            let indicator = &dataset.indicators[i];
            let observation = &indicator.series[o];
            format!(
                "{}: {} — {}",
                date(&observation.date, lang),
                figure_with_unit(
                    &observation.figure,
                    indicator.unit_for(observation.figure.value, lang),
                    lang
                ),
                indicator.label.get(lang)
            )
        }
        Citer::Panel(p) => dataset.panels[p].title.get(lang).to_owned(),
        Citer::Point(p, point) => dataset.panels[p].points[point].text.get(lang).to_owned(),
        Citer::Event(e) => {
            let event = &dataset.events[e];
            format!("{} — {}", date(&event.date, lang), event.label.get(lang))
        }
        Citer::CountryFact(f) => {
            let fact = &dataset.country_facts[f];
            format!(
                "{} — {}, {}",
                dataset.countries[fact.country].name.get(lang),
                dataset.fact_kinds[fact.kind].label.get(lang),
                date(&fact.date, lang)
            )
        }
    }
}
