//! The brief's country facts: a table per fact kind, one row per fact, oldest first,
//! each cited like any figure; nothing for a dataset without countries.
//!
//! ```text
//! ## Countries
//! ### Signed an e-commerce MoU
//! | Country | Code | Date | Value |
//! |---|---|---|---|
//! | Chile | CHL | 2016 (year) [4] | |
//! ```

use super::Brief;
use super::escape::escape;
use crate::i18n::figure_with_unit;

impl Brief<'_> {
    pub(super) fn countries(&mut self) {
        let dataset = self.dataset;
        if dataset.country_facts.is_empty() {
            return;
        }
        let w = self.words;
        self.blank();
        self.line(&format!("## {}", w.countries));
        for (index, kind) in dataset.fact_kinds.iter().enumerate() {
            if kind.facts.is_empty() {
                continue;
            }
            self.blank();
            self.line(&format!("### {}", self.text(&kind.label)));
            self.blank();
            self.line(&format!(
                "| {} | {} | {} | {} |",
                w.country, w.code, w.date, w.value
            ));
            self.line("|---|---|---|---|");
            for fact in dataset.facts_of_kind(index) {
                let country = &dataset.countries[fact.country];
                let value = match (fact.figure, &kind.unit) {
                    (Some(figure), Some(unit)) => cell(&escape(&figure_with_unit(
                        &figure,
                        unit.get(self.lang),
                        self.lang,
                    ))),
                    _ => String::new(),
                };
                let citation = self.cite(Some(fact.source), fact.said());
                let row = format!(
                    "| {} | {} | {}{citation} | {value} |",
                    cell(&self.text(&country.name)),
                    country.code,
                    self.date_with_precision(&fact.date),
                );
                self.line(&row);
            }
        }
    }
}

/// Text inside a table cell, where a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
