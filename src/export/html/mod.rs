//! The dataset as one self-contained HTML report: inline CSS, no script, nothing fetched,
//! printable on A4; and one indicator's chart as a standalone SVG for a slide.
//!
//! ```text
//! <header>   title, summary; as of, dataset, source [n]
//! <nav>      the tabs
//! <section>  each tab, in order: overview: headline figures as cards; panels: each panel's
//!            summary, figures, points and sub-points; timeline: events; sources
//! <section>  per-country facts (countries.rs)
//! <section>  all figures: each indicator with value, unit, date at its precision and age,
//!            note, target; its series as a chart, the dates sources disagree on, a table
//! <section>  references: each source (with its link), then its numbered quotes
//! ```
//!
//! The order and the numbering are the Markdown brief's (export/markdown.rs): the same
//! tabs, panels and figures in the same order, and citations numbered in two passes by
//! export/common.rs, so `[3]` is the same reference in both. Every figure's `[n]` links to
//! `#ref-n`. Text of the data is escaped (markup.rs); a URL is a link only when it is
//! `http(s)`. No date relative to today: the same dataset always writes the same bytes.

mod chart;
mod countries;
mod figures;
mod markup;
mod references;
mod scale;
mod standalone;

pub use standalone::{ChartError, chart_svg};

use crate::i18n::{ReportWords as Words, report_words as words};
use markup::Markup;

use super::common::Citations;
use crate::dataset::{Dataset, Lang, Panel, Said, Tab, TabKind, Text};

/// The style sheet, inline in every report.
const STYLE: &str = include_str!("style.css");

/// The whole report. Nothing in it is fetched: a Content-Security-Policy forbids every
/// fetch and every script, should anything of the sort ever slip in.
pub fn render(dataset: &Dataset, lang: Lang) -> String {
    let mut draft = Report::new(dataset, lang);
    draft.body();
    let mut report = Report::new(dataset, lang);
    report.citations = Citations::numbered_after(&draft.citations);
    report.document();
    report.out.into_string()
}

struct Report<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    w: &'static Words,
    out: Markup,
    citations: Citations<'a>,
}

impl<'a> Report<'a> {
    fn new(dataset: &'a Dataset, lang: Lang) -> Report<'a> {
        Report {
            dataset,
            lang,
            w: words(lang),
            out: Markup::with_capacity(128 * 1024),
            citations: Citations::default(),
        }
    }

    fn document(&mut self) {
        self.out.raw("<!DOCTYPE html>\n");
        self.out.open("html", &[("lang", self.w.html_lang)]);
        self.out.raw(concat!(
            "\n<head>\n<meta charset=\"utf-8\" />\n",
            "<meta http-equiv=\"Content-Security-Policy\" ",
            "content=\"default-src 'none'; style-src 'unsafe-inline'\" />\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n",
            "<meta name=\"generator\" content=\"bri-dash\" />\n",
        ));
        let title = self.tr(&self.dataset.meta.title);
        self.out.element("title", &[], title);
        self.out.raw("\n<style>\n");
        self.out.raw(STYLE);
        self.out.raw("</style>\n</head>\n<body>\n");
        self.body();
        self.references();
        self.out.raw("</body>\n</html>\n");
    }

    /// Everything that cites, in the order of the Markdown brief.
    fn body(&mut self) {
        self.header();
        self.contents();
        self.out.raw("<main>\n");
        for tab in &self.dataset.tabs {
            self.tab(tab);
        }
        countries::section(self, &countries::facts(self.dataset));
        self.all_figures();
        self.out.raw("</main>\n");
    }

    /// Dataset text in the report's language.
    fn tr(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }

    /// ` [n]` linking to the reference; nothing when there is nothing to cite.
    fn cite(&mut self, source: Option<usize>, quote: Option<Said<'a>>) {
        if let Some(number) = self.citations.cite(source, quote) {
            self.out.raw(" ");
            let href = format!("#ref-{number}");
            self.out.element(
                "a",
                &[("class", "cite"), ("href", &href)],
                &format!("[{number}]"),
            );
        }
    }

    fn header(&mut self) {
        let meta = &self.dataset.meta;
        self.out.raw("<header>\n");
        self.out.element("h1", &[], self.tr(&meta.title));
        self.out.raw("\n");
        self.out
            .element("p", &[("class", "summary")], self.tr(&meta.summary));
        self.out.raw("\n<dl class=\"meta\">");
        self.out.element("dt", &[], self.w.as_of);
        let as_of = super::common::date_with_precision(&meta.as_of, self.lang);
        self.out.element("dd", &[], &as_of);
        self.out.element("dt", &[], self.w.dataset);
        self.out.open("dd", &[]);
        self.out.element("code", &[], &meta.id);
        self.out.close("dd");
        if let Some(source) = meta.source {
            self.out.element("dt", &[], self.w.source);
            self.out.open("dd", &[]);
            self.source_description(&self.dataset.sources[source]);
            self.cite(Some(source), None);
            self.out.close("dd");
        }
        self.out.raw("</dl>\n</header>\n");
    }

    /// The tabs that have something to show, and the sections after them.
    fn contents(&mut self) {
        self.out.raw("<nav>");
        self.out.element("h2", &[], self.w.contents);
        self.out.raw("<ol>");
        let dataset = self.dataset;
        for tab in dataset
            .tabs
            .iter()
            .filter(|tab| !tab_is_empty(dataset, tab))
        {
            self.out.open("li", &[]);
            let href = format!("#tab-{}", tab.id);
            self.out
                .element("a", &[("href", &href)], self.tr(&tab.title));
            self.out.close("li");
        }
        if !dataset.indicators.is_empty() {
            self.out.open("li", &[]);
            self.out
                .element("a", &[("href", "#all-figures")], self.w.all_figures);
            self.out.close("li");
        }
        self.out.raw("</ol></nav>\n");
    }

    fn tab(&mut self, tab: &'a Tab) {
        if tab_is_empty(self.dataset, tab) {
            return;
        }
        let dataset = self.dataset;
        let id = format!("tab-{}", tab.id);
        self.out.open("section", &[("id", &id), ("class", "tab")]);
        self.out.element("h2", &[], self.tr(&tab.title));
        self.out.raw("\n");
        match tab.kind {
            TabKind::Overview => {
                self.out.raw("<ul class=\"cards\">\n");
                for index in dataset.headline_indicators() {
                    self.card(&dataset.indicators[index]);
                }
                self.out.raw("</ul>\n");
            }
            TabKind::Panels => {
                for &panel in &tab.panels {
                    self.panel(&dataset.panels[panel]);
                }
            }
            TabKind::Timeline => self.timeline(),
            TabKind::Sources => self.sources(),
            // The facts these tabs show are the report's countries section.
            TabKind::Map | TabKind::Countries => {}
        }
        self.out.raw("</section>\n");
    }

    fn panel(&mut self, panel: &'a Panel) {
        let dataset = self.dataset;
        let id = format!("panel-{}", panel.id);
        self.out.open("section", &[("id", &id), ("class", "panel")]);
        self.out.element("h3", &[], self.tr(&panel.title));
        self.out.open("p", &[("class", "summary")]);
        self.out.text(self.tr(&panel.summary));
        self.cite(panel.source, None);
        self.out.close("p");
        self.out.raw("\n");
        if !panel.indicators.is_empty() {
            self.out.raw("<ul class=\"figures\">\n");
            for &indicator in &panel.indicators {
                self.figure_line(&dataset.indicators[indicator]);
            }
            self.out.raw("</ul>\n");
        }
        if !panel.points.is_empty() {
            self.out.raw("<ul class=\"points\">\n");
            for point in &panel.points {
                self.out.open("li", &[]);
                self.out.text(self.tr(&point.text));
                self.cite(point.source, point.said());
                if !point.sub.is_empty() {
                    self.out.raw("<ul>");
                    for sub in &point.sub {
                        self.out.element("li", &[], self.tr(sub));
                    }
                    self.out.raw("</ul>");
                }
                self.out.raw("</li>\n");
            }
            self.out.raw("</ul>\n");
        }
        self.out.raw("</section>\n");
    }

    fn timeline(&mut self) {
        let dataset = self.dataset;
        self.out.raw("<ol class=\"timeline\">\n");
        for event in &dataset.events {
            self.out.open("li", &[]);
            self.out.element(
                "span",
                &[("class", "date")],
                &crate::i18n::date(&event.date, self.lang),
            );
            self.out.element("span", &[("class", "dash")], self.w.dash);
            self.out.text(self.tr(&event.label));
            self.cite(Some(event.source), event.said());
            self.note(event.note.as_ref());
            self.out.raw("</li>\n");
        }
        self.out.raw("</ol>\n");
    }

    fn sources(&mut self) {
        let dataset = self.dataset;
        self.out.raw("<ul class=\"sources\">\n");
        for source in &dataset.sources {
            self.out.open("li", &[]);
            self.source_description(source);
            let affiliated: Vec<_> = source
                .authors
                .iter()
                .filter_map(|a| a.affiliation.as_ref().map(|affiliation| (a, affiliation)))
                .collect();
            if !affiliated.is_empty() {
                self.out.raw("<ul>");
                for (author, affiliation) in affiliated {
                    let line = format!(
                        "{}{}{}",
                        self.tr(&author.name),
                        self.w.colon,
                        self.tr(affiliation)
                    );
                    self.out.element("li", &[], &line);
                }
                self.out.raw("</ul>");
            }
            self.out.raw("</li>\n");
        }
        self.out.raw("</ul>\n");
    }

    /// `Note: …` under an item.
    fn note(&mut self, note: Option<&'a Text>) {
        if let Some(note) = note {
            let line = format!("{}{}{}", self.w.note, self.w.colon, self.tr(note));
            self.out.element("p", &[("class", "note")], &line);
        }
    }
}

/// A tab with nothing to show (no headline figures, no panels, no events) gets no section,
/// as in the Markdown brief.
fn tab_is_empty(dataset: &Dataset, tab: &Tab) -> bool {
    match tab.kind {
        TabKind::Overview => dataset.headline_indicators().next().is_none(),
        TabKind::Panels => tab.panels.is_empty(),
        TabKind::Timeline => dataset.events.is_empty(),
        TabKind::Sources => false,
        TabKind::Map | TabKind::Countries => true,
    }
}
