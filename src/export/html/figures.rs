//! Figures: a headline card, a line in a panel, and the full entry of "All figures" with
//! its chart, the table of its series and the dates sources disagree on.

use super::Report;
use super::chart::{self, Placement, Plot};
use crate::dataset::{Figure, Indicator, Qualifier};
use crate::export::common::date_with_precision;
use crate::i18n;
use crate::i18n::figure_with_unit;

impl<'a> Report<'a> {
    /// A headline figure: the value large, then what it counts, its date and citation.
    pub(super) fn card(&mut self, indicator: &'a Indicator) {
        self.out.open("li", &[("class", "card")]);
        self.value(&indicator.figure, indicator);
        let href = format!("#fig-{}", indicator.id);
        self.out.element(
            "a",
            &[("class", "label"), ("href", &href)],
            self.tr(&indicator.label),
        );
        self.out.open("span", &[("class", "date")]);
        self.out
            .text(&crate::i18n::date(&indicator.as_of, self.lang));
        self.cite(Some(indicator.source), Some(indicator.said()));
        self.out.close("span");
        self.out.raw("</li>\n");
    }

    /// `≈ 19,000 trains — Trains per year · 2024 [1]`, the label linking to the full entry.
    pub(super) fn figure_line(&mut self, indicator: &'a Indicator) {
        self.out.open("li", &[]);
        self.value(&indicator.figure, indicator);
        self.out.element("span", &[("class", "dash")], self.w.dash);
        let href = format!("#fig-{}", indicator.id);
        self.out
            .element("a", &[("href", &href)], self.tr(&indicator.label));
        self.out.raw(" · ");
        self.out.element(
            "span",
            &[("class", "date")],
            &crate::i18n::date(&indicator.as_of, self.lang),
        );
        self.cite(Some(indicator.source), Some(indicator.said()));
        self.out.raw("</li>\n");
    }

    /// The value with its qualifier and unit; the qualifier's words as its title, for a
    /// reader who does not know `≈` or `≥`.
    fn value(&mut self, figure: &Figure, indicator: &Indicator) {
        let unit = indicator.unit_for(figure.value, self.lang);
        let text = figure_with_unit(figure, unit, self.lang);
        match i18n::qualifier_words(figure.qualifier, self.lang) {
            Some(meaning) => {
                self.out
                    .element("span", &[("class", "value"), ("title", meaning)], &text)
            }
            None => self.out.element("span", &[("class", "value")], &text),
        }
    }

    /// Every indicator in full, whether or not a tab shows it.
    pub(super) fn all_figures(&mut self) {
        let dataset = self.dataset;
        if dataset.indicators.is_empty() {
            return;
        }
        self.out
            .raw("<section id=\"all-figures\" class=\"tab all-figures\">\n");
        self.out.element("h2", &[], self.w.all_figures);
        self.out.raw("\n");
        for indicator in &dataset.indicators {
            self.indicator(indicator);
        }
        self.out.raw("</section>\n");
    }

    fn indicator(&mut self, indicator: &'a Indicator) {
        let w = self.w;
        let id = format!("fig-{}", indicator.id);
        self.out
            .open("article", &[("id", &id), ("class", "indicator")]);
        self.out.open("h3", &[]);
        self.out.text(self.tr(&indicator.label));
        self.out.raw(" ");
        self.out.element("code", &[], &indicator.id);
        self.out.close("h3");
        self.out.open("p", &[("class", "figure")]);
        self.value(&indicator.figure, indicator);
        self.out.raw(" · ");
        self.out.element(
            "span",
            &[("class", "date")],
            &date_with_precision(&indicator.as_of, self.lang),
        );
        let as_of = self.dataset.meta.as_of;
        if indicator.as_of < as_of {
            let age = crate::i18n::age(&indicator.as_of, as_of.start(), self.lang);
            self.out.raw(" · ");
            self.out.element(
                "span",
                &[("class", "age")],
                &i18n::age_at_as_of(&age, self.lang),
            );
        }
        self.cite(Some(indicator.source), Some(indicator.said()));
        self.out.raw("</p>\n");
        if !indicator.items.is_empty() {
            let items: Vec<&str> = indicator.items.iter().map(|i| self.tr(i)).collect();
            let line = format!("{}{}{}", w.items, w.colon, items.join(w.list_separator));
            self.out.element("p", &[("class", "items")], &line);
        }
        if let Some(target) = indicator.target {
            let target = Figure {
                value: target,
                qualifier: Qualifier::Exact,
            };
            let line = format!(
                "{}{}{}",
                w.target,
                w.colon,
                figure_with_unit(
                    &target,
                    indicator.unit_for(target.value, self.lang),
                    self.lang
                )
            );
            self.out.element("p", &[("class", "target")], &line);
        }
        self.note(indicator.note.as_ref());
        if let Some(plot) = Plot::new(&indicator.series) {
            self.series(indicator, &plot);
        }
        self.out.raw("</article>\n");
    }

    /// The chart, the table of every observation with its citation, and the dates that
    /// sources disagree on with each source's figure. The table comes before the list so
    /// that citations are first met in series order, numbered as in the Markdown brief.
    fn series(&mut self, indicator: &'a Indicator, plot: &Plot) {
        let w = self.w;
        self.out.raw("<figure class=\"series\">");
        chart::write(&mut self.out, plot, indicator, self.lang, Placement::Inline);
        self.out.element("figcaption", &[], w.series);
        self.out
            .raw("</figure>\n<table class=\"series\"><thead><tr>");
        self.out.element("th", &[], w.date);
        self.out.element("th", &[], w.value);
        self.out.raw("</tr></thead><tbody>\n");
        let conflicts = crate::dataset::series::conflicts(&indicator.series);
        for (observation, &conflict) in indicator.series.iter().zip(&conflicts) {
            self.out.raw(if conflict {
                "<tr class=\"conflict\">"
            } else {
                "<tr>"
            });
            self.out
                .element("td", &[], &crate::i18n::date(&observation.date, self.lang));
            self.out.open("td", &[]);
            let unit = indicator.unit_for(observation.figure.value, self.lang);
            let value = figure_with_unit(&observation.figure, unit, self.lang);
            self.out.element("span", &[("class", "value")], &value);
            self.cite(observation.source, observation.said());
            self.note(observation.note.as_ref());
            self.out.raw("</td></tr>\n");
        }
        self.out.raw("</tbody></table>\n");
        if !conflicts.contains(&true) {
            return;
        }
        self.out.open("div", &[("class", "conflicts")]);
        self.out
            .element("p", &[], &format!("{}{}", w.disagree, w.colon.trim_end()));
        self.out.raw("<ul>");
        let mut start = 0;
        while start < indicator.series.len() {
            let date = indicator.series[start].date;
            let end = start
                + indicator.series[start..]
                    .iter()
                    .take_while(|o| o.date == date)
                    .count();
            if end - start > 1 {
                self.out.open("li", &[]);
                self.out.text(&format!(
                    "{}{}",
                    crate::i18n::date(&date, self.lang),
                    w.colon
                ));
                for (n, observation) in indicator.series[start..end].iter().enumerate() {
                    if n > 0 {
                        self.out.text(w.list_separator);
                    }
                    let unit = indicator.unit_for(observation.figure.value, self.lang);
                    let value = figure_with_unit(&observation.figure, unit, self.lang);
                    self.out.element("span", &[("class", "value")], &value);
                    self.cite(observation.source, observation.said());
                }
                self.out.close("li");
            }
            start = end;
        }
        self.out.raw("</ul></div>\n");
    }
}
