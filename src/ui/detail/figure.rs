//! A figure's detail: its value and label, progress toward a target, its series as a chart
//! with what the chart shows without words, the chosen point in full, then when, where
//! from and in whose words, and every point of the series as a list.

use super::Graphic;
use super::writer::Writer;
use crate::dataset::{Figure, Indicator, Qualifier, series};
use crate::i18n::{
    aside, date, date_with_age, figure_in, figure_with_unit, gaps, is_stale, point_of,
    precision_name, strings,
};
use crate::ui::symbols::STALE;
use crate::ui::text::wrapped_lines;
use crate::ui::widgets::line_chart::{CONFLICT, SELECTED_POINT, conflict_style};

pub(super) fn indicator(out: &mut Writer, index: usize, chart_height: u16, point: Option<usize>) {
    let app = out.app;
    let (lang, theme, words) = (app.lang, &app.theme, strings(app.lang));
    let indicator = &app.dataset.indicators[index];
    let unit = |value| indicator.unit_for(value, lang);
    out.paragraph(
        &figure_with_unit(&indicator.figure, unit(indicator.figure.value), lang),
        theme.figure,
    );
    out.paragraph(indicator.label.get(lang), theme.title);
    if let Some(target) = indicator.target {
        let target_figure = Figure {
            value: target,
            qualifier: Qualifier::Exact,
        };
        out.field(
            words.target,
            &figure_with_unit(&target_figure, unit(target), lang),
        );
        out.reserve(Graphic::Gauge(target), index, 1, 2);
    }
    out.blank();
    if !indicator.series.is_empty() {
        out.reserve(Graphic::Chart, index, chart_height, 0);
        series_captions(out, indicator);
        out.blank();
        if let Some(point) = point.filter(|&point| point < indicator.series.len()) {
            chosen_point(out, indicator, point);
            out.blank();
        }
    }
    let precision = precision_name(indicator.as_of.precision(), lang);
    let mut as_of = format!(
        "{}{}",
        date_with_age(&indicator.as_of, app.today, lang),
        aside(precision, lang)
    );
    if is_stale(&indicator.as_of, app.today, app.stale_after_months) {
        as_of.push_str(&format!(" {STALE} {}", words.stale));
    }
    out.field(words.as_of, &as_of);
    out.source(&app.dataset.sources[indicator.source]);
    out.quote(indicator.said());
    if let Some(note) = &indicator.note {
        out.field(words.note, note.get(lang));
    }
    if !indicator.items.is_empty() {
        out.heading(words.items);
        for (number, item) in indicator.items.iter().enumerate() {
            out.entry(
                &format!("{}. {}", number + 1, item.get(lang)),
                ("  ", "     "),
            );
        }
    }
    if !indicator.series.is_empty() {
        series_list(out, indicator, point);
    }
}

/// The chosen point of a series, under its chart, in full: its date at its precision, its
/// figure, its source (the figure's when it names none), its quote and note.
fn chosen_point(out: &mut Writer, indicator: &Indicator, index: usize) {
    let app = out.app;
    let (lang, words) = (app.lang, strings(app.lang));
    let observation = &indicator.series[index];
    let heading = point_of(lang, index + 1, indicator.series.len());
    out.heading(&format!("{SELECTED_POINT} {heading}"));
    let precision = precision_name(observation.date.precision(), lang);
    out.field(
        words.date,
        &format!(
            "{}{}",
            date(&observation.date, lang),
            aside(precision, lang)
        ),
    );
    out.field(
        words.value,
        &figure_with_unit(
            &observation.figure,
            indicator.unit_for(observation.figure.value, lang),
            lang,
        ),
    );
    out.source(&app.dataset.sources[observation.source.unwrap_or(indicator.source)]);
    match observation.said() {
        Some(said) => out.quote(said),
        None => {
            out.heading(words.quote);
            out.paragraph(&format!("  {}", words.no_point_quote), app.theme.muted);
        }
    }
    if let Some(note) = &observation.note {
        out.field(words.note, note.get(lang));
    }
}

/// Every observation of the series, one a line, those sources disagree on marked, the
/// chosen one pointed at; where each line is, for clicks.
fn series_list(out: &mut Writer, indicator: &Indicator, point: Option<usize>) {
    let app = out.app;
    let lang = app.lang;
    out.heading(strings(lang).series);
    let conflicts = series::conflicts(&indicator.series);
    for (index, (observation, conflict)) in indicator.series.iter().zip(conflicts).enumerate() {
        let mark = if conflict { " ◆" } else { "" };
        let source = observation
            .source
            .map(|source| app.dataset.sources[source].title.get(lang).to_owned())
            .unwrap_or_default();
        let text = format!(
            "{}  {}{mark}  {source}",
            date(&observation.date, lang),
            figure_in(&observation.figure, lang)
        );
        let first = out.lines.len();
        match point == Some(index) {
            true => out.entry(&text, ("▶ ", "    ")),
            false => out.entry(&text, ("  ", "    ")),
        }
        let rows = first..out.lines.len();
        out.points.extend(rows.map(|row| (index, row)));
    }
}

/// Under the chart, what it shows without words: the dates sources disagree on, and the
/// gaps no line crosses.
fn series_captions(out: &mut Writer, indicator: &Indicator) {
    let lang = out.app.lang;
    let theme = &out.app.theme;
    let words = strings(lang);
    let series = &indicator.series;
    let mut disputed: Vec<String> = series::conflicts(series)
        .iter()
        .zip(series)
        .filter(|(conflict, _)| **conflict)
        .map(|(_, observation)| date(&observation.date, lang))
        .collect();
    disputed.dedup();
    if !disputed.is_empty() {
        let text = format!(
            "{}{}{}",
            words.sources_disagree,
            words.colon,
            disputed.join(words.list_separator)
        );
        out.lines.extend(wrapped_lines(
            out.app.memory,
            &text,
            out.width,
            (&format!("{CONFLICT} "), "  "),
            conflict_style(theme),
            theme.muted,
        ));
    }
    let runs = series::runs(&series::days(series));
    let between: Vec<(String, String)> = runs
        .windows(2)
        .map(|pair| {
            (
                date(&series[pair[0].end - 1].date, lang),
                date(&series[pair[1].start].date, lang),
            )
        })
        .collect();
    if !between.is_empty() {
        out.paragraph(&gaps(lang, &between), theme.muted);
    }
}
