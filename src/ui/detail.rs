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

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::PopupLayout;
use super::tabs::sources::source_facts;
use super::text::wrapped_lines;
use super::widgets::clip::render_rows;
use super::widgets::gauge::TargetGauge;
use super::widgets::line_chart::{CONFLICT, SeriesChart, conflict_style};
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::{App, Item};
use crate::dataset::series;
use crate::dataset::{Dataset, Figure, Indicator, Qualifier, Source, Text};
use crate::i18n::{cited, gaps, strings};
use crate::i18n::{date_with_age, figure_in, figure_with_unit, is_stale};

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
/// goes); reports its area and how far it scrolls. The body is laid out once a frame.
pub fn render(app: &App, frame: &mut Frame, screen: Rect, item: Item, scroll: u16) -> PopupLayout {
    let s = strings(app.lang);
    // The popup is as wide as allowed, as tall as its text (up to the screen).
    let body = body(app, item, inner_width(screen), chart_height(screen));
    let rect = popup::centered(screen, MAX_WIDTH, body.lines.len() as u16 + 2);
    let page = rect.height.saturating_sub(2);
    let max_scroll = (body.lines.len() as u16).saturating_sub(page);
    let scroll = scroll.min(max_scroll);
    let footer = format!("{} · {}", s.scroll_hint, s.close_hint);
    let inner = popup::frame(frame, rect, &title(app, item), &footer, &app.theme);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    write_lines(frame.buffer_mut(), inner, &body.lines, scroll as usize);
    let shown = scroll as usize..scroll as usize + inner.height as usize;
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
                let chart = SeriesChart::new(indicator, app.lang, &app.theme);
                render_rows(frame, &chart, placed.height, skip, visible);
            }
            Graphic::Gauge(target) => {
                let theme = &app.theme;
                let gauge = TargetGauge::new(
                    indicator.figure.value,
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
        entries: Vec::new(),
    }
}

/// What is drawn over reserved rows of the text.
#[derive(Debug, Clone, Copy)]
enum Graphic {
    /// The indicator's series as a line chart.
    Chart,
    /// The indicator's progress toward this target.
    Gauge(f64),
}

struct Placed {
    graphic: Graphic,
    indicator: usize,
    /// The first reserved line, and how many.
    row: usize,
    height: u16,
    /// Columns left of it, to line up with indented text.
    indent: u16,
}

/// The popup's text, and the graphics drawn over its reserved lines.
struct Body {
    lines: Vec<Line<'static>>,
    graphics: Vec<Placed>,
}

fn title(app: &App, item: Item) -> String {
    let d = &app.dataset;
    let lang = app.lang;
    match item {
        Item::Indicator(i) => d.indicators[i].label.get(lang).to_owned(),
        Item::Panel(p) | Item::Point { panel: p, .. } => d.panels[p].title.get(lang).to_owned(),
        Item::Event(e) => crate::i18n::date(&d.events[e].date, lang),
        Item::Source(_) => strings(lang).source.to_owned(),
    }
}

/// Builds the popup's lines for a text width.
struct Writer<'a> {
    app: &'a App,
    width: usize,
    lines: Vec<Line<'static>>,
    graphics: Vec<Placed>,
}

impl Writer<'_> {
    /// Reserves `height` blank lines for a graphic.
    fn reserve(&mut self, graphic: Graphic, indicator: usize, height: u16, indent: u16) {
        self.graphics.push(Placed {
            graphic,
            indicator,
            row: self.lines.len(),
            height,
            indent,
        });
        self.lines
            .extend((0..height).map(|_| Line::raw(String::new())));
    }

    fn paragraph(&mut self, text: &str, style: ratatui::style::Style) {
        self.lines
            .extend(wrapped_lines(text, self.width, ("", ""), style, style));
    }

    fn field(&mut self, label: &str, text: &str) {
        let theme = &self.app.theme;
        self.lines.push(Line::styled(label.to_owned(), theme.key));
        self.lines.extend(wrapped_lines(
            text,
            self.width,
            ("  ", "  "),
            theme.muted,
            theme.text,
        ));
    }

    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    fn text(&self, text: &Text) -> String {
        text.get(self.app.lang).to_owned()
    }

    fn quote(&mut self, quote: &Text) {
        let s = strings(self.app.lang);
        let lang = self.app.lang;
        // The quote in the reader's language, and the original beside it when they differ.
        let mut text = format!("“{}”", quote.get(lang));
        let original = quote.get(self.app.dataset.primary_language());
        if original != quote.get(lang) {
            text.push_str(&format!(
                "  ({}: “{original}”)",
                self.app.dataset.primary_language().code()
            ));
        }
        self.field(s.quote, &text);
    }

    fn source(&mut self, source: &Source) {
        let lang = self.app.lang;
        let authors: Vec<String> = source.authors.iter().map(|a| self.text(&a.name)).collect();
        let mut text = source.title.get(lang).to_owned();
        if !authors.is_empty() {
            text = format!("{} — {text}", authors.join(strings(lang).list_separator));
        }
        text.push_str(&format!(" ({})", source_facts(source, lang)));
        self.field(strings(lang).source, &text);
    }
}

fn body(app: &App, item: Item, width: usize, chart_height: u16) -> Body {
    let d: &Dataset = &app.dataset;
    let lang = app.lang;
    let s = strings(lang);
    let theme = &app.theme;
    let mut w = Writer {
        app,
        width: width.max(1),
        lines: Vec::new(),
        graphics: Vec::new(),
    };
    match item {
        Item::Indicator(i) => {
            let indicator = &d.indicators[i];
            w.paragraph(
                &figure_with_unit(&indicator.figure, indicator.unit.get(lang), lang),
                theme.figure,
            );
            w.paragraph(indicator.label.get(lang), theme.title);
            if let Some(target) = indicator.target {
                let target_figure = Figure {
                    value: target,
                    qualifier: Qualifier::Exact,
                };
                w.field(
                    s.target,
                    &figure_with_unit(&target_figure, indicator.unit.get(lang), lang),
                );
                w.reserve(Graphic::Gauge(target), i, 1, 2);
            }
            w.blank();
            if !indicator.series.is_empty() {
                w.reserve(Graphic::Chart, i, chart_height, 0);
                series_captions(&mut w, indicator);
                w.blank();
            }
            let precision = crate::i18n::precision_name(indicator.as_of.precision(), lang);
            let mut as_of = format!(
                "{} ({precision})",
                date_with_age(&indicator.as_of, app.today, lang)
            );
            if is_stale(&indicator.as_of, app.today, app.stale_after_months) {
                as_of.push_str(&format!(" ⚠ {}", s.stale));
            }
            w.field(s.as_of, &as_of);
            w.source(&d.sources[indicator.source]);
            w.quote(&indicator.quote);
            if let Some(note) = &indicator.note {
                w.field(s.note, note.get(lang));
            }
            if !indicator.items.is_empty() {
                let named: Vec<String> = indicator
                    .items
                    .iter()
                    .enumerate()
                    .map(|(n, item)| format!("{}. {}", n + 1, item.get(lang)))
                    .collect();
                w.lines.push(Line::styled(s.items.to_owned(), theme.key));
                for entry in named {
                    w.lines.extend(wrapped_lines(
                        &entry,
                        w.width,
                        ("  ", "     "),
                        theme.muted,
                        theme.text,
                    ));
                }
            }
            if !indicator.series.is_empty() {
                w.lines.push(Line::styled(s.series.to_owned(), theme.key));
                for (n, observation) in indicator.series.iter().enumerate() {
                    let shares_date = |other: usize| {
                        indicator
                            .series
                            .get(other)
                            .is_some_and(|o| o.date == observation.date)
                    };
                    let conflict = shares_date(n + 1) || (n > 0 && shares_date(n - 1));
                    let mark = if conflict { " ⚠" } else { "" };
                    let source = observation
                        .source
                        .map(|s| d.sources[s].title.get(lang).to_owned())
                        .unwrap_or_default();
                    let text = format!(
                        "{}  {}{mark}  {source}",
                        crate::i18n::date(&observation.date, lang),
                        figure_in(&observation.figure, lang)
                    );
                    w.lines.extend(wrapped_lines(
                        &text,
                        w.width,
                        ("  ", "    "),
                        theme.muted,
                        theme.text,
                    ));
                }
            }
        }
        Item::Panel(p) => {
            let panel = &d.panels[p];
            w.paragraph(panel.title.get(lang), theme.title);
            w.paragraph(panel.summary.get(lang), theme.text);
            if let Some(source) = panel.source {
                w.blank();
                w.source(&d.sources[source]);
            }
            w.blank();
            w.lines.push(Line::styled(
                format!(
                    "{}: {}   {}: {}",
                    s.figures,
                    panel.indicators.len(),
                    s.points,
                    panel.points.len()
                ),
                theme.muted,
            ));
        }
        Item::Point { panel, point } => {
            let point = &d.panels[panel].points[point];
            w.paragraph(point.text.get(lang), theme.text);
            for sub in &point.sub {
                w.lines.extend(wrapped_lines(
                    sub.get(lang),
                    w.width,
                    ("  ◦ ", "    "),
                    theme.muted,
                    theme.text,
                ));
            }
            if point.source.is_some() || point.quote.is_some() {
                w.blank();
            }
            if let Some(source) = point.source {
                w.source(&d.sources[source]);
            }
            if let Some(quote) = &point.quote {
                w.quote(quote);
            }
        }
        Item::Event(e) => {
            let event = &d.events[e];
            w.paragraph(&date_with_age(&event.date, app.today, lang), theme.figure);
            w.paragraph(event.label.get(lang), theme.title);
            w.blank();
            w.source(&d.sources[event.source]);
            if let Some(quote) = &event.quote {
                w.quote(quote);
            }
            if let Some(note) = &event.note {
                w.field(s.note, note.get(lang));
            }
        }
        Item::Source(index) => {
            let source = &d.sources[index];
            w.paragraph(source.title.get(lang), theme.title);
            w.paragraph(&source_facts(source, lang), theme.muted);
            if !source.authors.is_empty() {
                w.blank();
                w.lines.push(Line::styled(s.authors.to_owned(), theme.key));
                for author in &source.authors {
                    let text = match &author.affiliation {
                        Some(affiliation) => {
                            format!("{} — {}", author.name.get(lang), affiliation.get(lang))
                        }
                        None => author.name.get(lang).to_owned(),
                    };
                    w.lines.extend(wrapped_lines(
                        &text,
                        w.width,
                        ("  ", "    "),
                        theme.muted,
                        theme.text,
                    ));
                }
            }
            if let Some(url) = &source.url {
                w.field(s.link, url);
            }
            w.blank();
            w.lines.push(Line::from(Span::styled(
                cited(lang, d.citations[index]),
                theme.muted,
            )));
        }
    }
    Body {
        lines: w.lines,
        graphics: w.graphics,
    }
}

/// Under the chart, what it shows without words: the dates sources disagree on, and the
/// gaps no line crosses.
fn series_captions(w: &mut Writer, indicator: &Indicator) {
    let lang = w.app.lang;
    let theme = &w.app.theme;
    let series = &indicator.series;
    let mut disputed: Vec<String> = series::conflicts(series)
        .iter()
        .zip(series)
        .filter(|(conflict, _)| **conflict)
        .map(|(_, o)| crate::i18n::date(&o.date, lang))
        .collect();
    disputed.dedup();
    if !disputed.is_empty() {
        let words = strings(lang);
        let (colon, separator) = (words.colon, words.list_separator);
        let text = format!(
            "{}{colon}{}",
            strings(lang).sources_disagree,
            disputed.join(separator)
        );
        w.lines.extend(wrapped_lines(
            &text,
            w.width,
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
                crate::i18n::date(&series[pair[0].end - 1].date, lang),
                crate::i18n::date(&series[pair[1].start].date, lang),
            )
        })
        .collect();
    if !between.is_empty() {
        w.paragraph(&gaps(lang, &between), theme.muted);
    }
}
