//! The dataset as a Markdown brief to quote in a report.
//!
//! ```text
//! # Title
//! summary
//! - As of · Dataset · Source [1]
//! ## each tab, in order     overview: headline figures; panels: ### panel, summary,
//!                           figures, points and sub-points; timeline: events; sources
//! ## Countries              a table per fact kind: country, code, date, value [n]
//! ## All figures            every indicator: value, unit, date and its precision, note…
//! ## References             each source, then its numbered quotes: 1. “quote”
//! ```
//!
//! Every figure and cited point ends in `[n]`, the number of its reference. Dates are
//! written at their true precision and never as an age, so the brief does not go stale.

mod countries;
mod escape;
mod references;

use super::common::{Citations, date_with_precision};
use crate::dataset::{
    Dataset, Figure, FuzzyDate, Indicator, Lang, Panel, Qualifier, Said, Tab, TabKind, Text,
};
use crate::i18n::{BriefWords, brief_words, figure_with_unit};
use escape::escape;

pub fn render(dataset: &Dataset, lang: Lang) -> String {
    // The numbers of references are known once every citation has been seen (see
    // export::common): a first pass collects them, the second writes the brief.
    let mut draft = Brief::new(dataset, lang);
    draft.body();
    let mut brief = Brief::new(dataset, lang);
    brief.citations = Citations::numbered_after(&draft.citations);
    brief.body();
    brief.references();
    brief.out
}

struct Brief<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    words: &'static BriefWords,
    out: String,
    citations: Citations<'a>,
}

impl<'a> Brief<'a> {
    fn new(dataset: &'a Dataset, lang: Lang) -> Brief<'a> {
        Brief {
            dataset,
            lang,
            words: brief_words(lang),
            out: String::new(),
            citations: Citations::default(),
        }
    }

    fn body(&mut self) {
        self.header();
        for tab in &self.dataset.tabs {
            self.tab(tab);
        }
        self.countries();
        self.all_figures();
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// Dataset text in the brief's language, escaped for Markdown.
    fn text(&self, text: &Text) -> String {
        escape(text.get(self.lang))
    }

    /// ` [n]` for a source and quote; empty when there is neither.
    fn cite(&mut self, source: Option<usize>, quote: Option<Said<'a>>) -> String {
        self.citations
            .cite(source, quote)
            .map_or_else(String::new, |number| format!(" [{number}]"))
    }

    fn date_with_precision(&self, date: &FuzzyDate) -> String {
        date_with_precision(date, self.lang)
    }

    fn header(&mut self) {
        let meta = &self.dataset.meta;
        let w = self.words;
        self.line(&format!("# {}", self.text(&meta.title)));
        self.blank();
        let summary = self.text(&meta.summary);
        self.line(&summary);
        self.blank();
        let as_of = self.date_with_precision(&meta.as_of);
        self.line(&format!("- {}{}{as_of}", w.as_of, w.colon));
        self.line(&format!("- {}{}`{}`", w.dataset, w.colon, meta.id));
        if let Some(source) = meta.source {
            let description = self.source_description(&self.dataset.sources[source]);
            let citation = self.cite(Some(source), None);
            self.line(&format!("- {}{}{description}{citation}", w.source, w.colon));
        }
    }

    fn tab(&mut self, tab: &'a Tab) {
        let dataset = self.dataset;
        let start = self.out.len();
        self.blank();
        self.line(&format!("## {}", self.text(&tab.title)));
        let heading_end = self.out.len();
        match tab.kind {
            TabKind::Overview => {
                let headlines: Vec<usize> = dataset.headline_indicators().collect();
                if !headlines.is_empty() {
                    self.blank();
                }
                for index in headlines {
                    self.figure_line(&dataset.indicators[index]);
                }
            }
            TabKind::Panels => {
                for &panel in &tab.panels {
                    self.panel(&dataset.panels[panel]);
                }
            }
            TabKind::Timeline => {
                if !dataset.events.is_empty() {
                    self.blank();
                }
                for event in &dataset.events {
                    let citation = self.cite(Some(event.source), event.said());
                    let line = format!(
                        "- **{}**{}{}{citation}",
                        crate::i18n::date(&event.date, self.lang),
                        self.words.dash,
                        self.text(&event.label)
                    );
                    self.line(&line);
                    self.note(event.note.as_ref(), "  ");
                }
            }
            // The facts these tabs show are the brief's countries section.
            TabKind::Map | TabKind::Countries => {}
            TabKind::Sources => {
                self.blank();
                for source in &dataset.sources {
                    let line = format!("- {}", self.source_description(source));
                    self.line(&line);
                    for author in &source.authors {
                        if let Some(affiliation) = &author.affiliation {
                            let line = format!(
                                "  - {}{}{}",
                                self.text(&author.name),
                                self.words.colon,
                                self.text(affiliation)
                            );
                            self.line(&line);
                        }
                    }
                }
            }
        }
        // A tab with nothing to show (no headline figures, no events) gets no heading.
        if self.out.len() == heading_end {
            self.out.truncate(start);
        }
    }

    fn panel(&mut self, panel: &'a Panel) {
        self.blank();
        self.line(&format!("### {}", self.text(&panel.title)));
        self.blank();
        let citation = self.cite(panel.source, None);
        let summary = format!("{}{citation}", self.text(&panel.summary));
        self.line(&summary);
        if !panel.indicators.is_empty() {
            self.blank();
        }
        let dataset = self.dataset;
        for &indicator in &panel.indicators {
            self.figure_line(&dataset.indicators[indicator]);
        }
        if !panel.points.is_empty() {
            self.blank();
        }
        for point in &panel.points {
            let citation = self.cite(point.source, point.said());
            let line = format!("- {}{citation}", self.text(&point.text));
            self.line(&line);
            for sub in &point.sub {
                let line = format!("  - {}", self.text(sub));
                self.line(&line);
            }
        }
    }

    /// `- **20 countries** — Countries with a Digital Silk Road MoU · 2023-10 (mid) [3]`
    fn figure_line(&mut self, indicator: &'a Indicator) {
        let citation = self.cite(Some(indicator.source), Some(indicator.said()));
        let line = format!(
            "- **{}**{}{} · {}{citation}",
            self.value(indicator),
            self.words.dash,
            self.text(&indicator.label),
            crate::i18n::date(&indicator.as_of, self.lang)
        );
        self.line(&line);
    }

    fn value(&self, indicator: &Indicator) -> String {
        escape(&figure_with_unit(
            &indicator.figure,
            indicator.unit_for(indicator.figure.value, self.lang),
            self.lang,
        ))
    }

    /// Every indicator in full, whether or not a tab shows it.
    fn all_figures(&mut self) {
        let dataset = self.dataset;
        if dataset.indicators.is_empty() {
            return;
        }
        let w = self.words;
        self.blank();
        self.line(&format!("## {}", w.all_figures));
        self.blank();
        for indicator in &dataset.indicators {
            let citation = self.cite(Some(indicator.source), Some(indicator.said()));
            let line = format!(
                "- **{}** (`{}`){}{} · {}{citation}",
                self.text(&indicator.label),
                indicator.id,
                w.colon,
                self.value(indicator),
                self.date_with_precision(&indicator.as_of)
            );
            self.line(&line);
            if !indicator.items.is_empty() {
                let items: Vec<String> = indicator.items.iter().map(|i| self.text(i)).collect();
                let line = format!("  - {}{}{}", w.items, w.colon, items.join(w.list_separator));
                self.line(&line);
            }
            if let Some(target) = indicator.target {
                let line = format!(
                    "  - {}{}{}",
                    w.target,
                    w.colon,
                    escape(&figure_with_unit(
                        &Figure {
                            value: target,
                            qualifier: Qualifier::Exact,
                        },
                        indicator.unit_for(target, self.lang),
                        self.lang
                    ))
                );
                self.line(&line);
            }
            self.note(indicator.note.as_ref(), "  ");
            if !indicator.series.is_empty() {
                self.line(&format!("  - {}{}", w.series, w.colon.trim_end()));
            }
            for observation in &indicator.series {
                let citation = self.cite(observation.source, observation.said());
                let line = format!(
                    "    - {}{}{}{citation}",
                    crate::i18n::date(&observation.date, self.lang),
                    w.colon,
                    escape(&figure_with_unit(
                        &observation.figure,
                        indicator.unit_for(observation.figure.value, self.lang),
                        self.lang
                    ))
                );
                self.line(&line);
                self.note(observation.note.as_ref(), "      ");
            }
        }
    }

    fn note(&mut self, note: Option<&Text>, indent: &str) {
        if let Some(note) = note {
            let line = format!(
                "{indent}- {}{}{}",
                self.words.note,
                self.words.colon,
                self.text(note)
            );
            self.line(&line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_and_a_quote_without_a_source_are_written_too() {
        let dataset = crate::dataset::parse(
            "test",
            r#"
[dataset]
id = "t"
title = "T"
summary = "S."
as_of = "2024"
languages = ["en"]

[[sources]]
id = "web"
kind = "web"
title = "A page"
url = "https://example.org/page"

[[tabs]]
id = "areas"
title = "Areas"
kind = "panels"

[[panels]]
id = "p"
tab = "areas"
title = "P"
summary = "Panel."

[[panels.points]]
text = "Said somewhere."
quote = "as it was said"

[[indicators]]
id = "links"
label = "Links"
value = 40
target = 100
unit = "links"
as_of = "2024-05"
source = "web"
quote = "40 links"
"#,
        )
        .unwrap();
        let brief = render(&dataset, Lang::En);
        assert!(brief.contains("- Said somewhere. [2]\n"), "{brief}");
        assert!(brief.contains("  - Target: 100 links\n"), "{brief}");
        assert!(
            brief.contains(
                "*A page*. <https://example.org/page>\n\n1. “40 links”\n\nQuoted without a source:\n\n2. “as it was said”\n"
            ),
            "sources first, unattributed quotes last: {brief}"
        );
    }
}
