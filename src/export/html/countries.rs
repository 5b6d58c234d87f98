//! Per-country facts as a table, and later the map.
//!
//! `Report::body` (mod.rs) passes the dataset's country facts, oldest first ([`facts`]);
//! the table, with a citation per fact, is written as every other figure is; a dataset
//! without countries gets no section. The map as SVG belongs after the table; it is not
//! drawn yet (the shapes are in `crate::countries`, the drawing is the map view's work).

use super::Report;
use crate::dataset::{Dataset, Figure, FuzzyDate, Said, Text};
use crate::i18n::figure_with_unit;

/// One fact about one country, with its source like any figure.
pub struct CountryFact<'a> {
    /// ISO 3166-1 alpha-3.
    pub code: &'a str,
    pub name: &'a Text,
    /// What is known about the country ("signed a Digital Silk Road MoU").
    pub fact: &'a Text,
    /// The figure and its unit, for a fact that is a number.
    pub figure: Option<(Figure, &'a Text)>,
    pub date: FuzzyDate,
    pub source: usize,
    pub quote: Option<Said<'a>>,
}

/// Every country fact of the dataset, oldest first, as the table shows it.
pub(super) fn facts(dataset: &Dataset) -> Vec<CountryFact<'_>> {
    dataset
        .country_facts
        .iter()
        .map(|fact| {
            let country = &dataset.countries[fact.country];
            let kind = &dataset.fact_kinds[fact.kind];
            CountryFact {
                code: &country.code,
                name: &country.name,
                fact: &kind.label,
                figure: fact.figure.zip(kind.unit.as_ref()),
                date: fact.date,
                source: fact.source,
                quote: fact.said(),
            }
        })
        .collect()
}

/// The countries' section: a table of every fact; nothing without facts.
pub(super) fn section<'a>(report: &mut Report<'a>, facts: &[CountryFact<'a>]) {
    if facts.is_empty() {
        return;
    }
    let w = report.w;
    report
        .out
        .raw("<section id=\"countries\" class=\"tab countries\">\n");
    report.out.element("h2", &[], w.countries);
    report.out.raw("\n<table class=\"countries\"><thead><tr>");
    for heading in [w.country, w.fact, w.value, w.date] {
        report.out.element("th", &[], heading);
    }
    report.out.raw("</tr></thead><tbody>\n");
    for fact in facts {
        report.out.raw("<tr>");
        report.out.open("td", &[]);
        report.out.text(report.tr(fact.name));
        report.out.raw(" ");
        report.out.element("code", &[], fact.code);
        report.out.close("td");
        report.out.element("td", &[], report.tr(fact.fact));
        let value = fact
            .figure
            .map(|(figure, unit)| figure_with_unit(&figure, report.tr(unit), report.lang));
        report.out.element("td", &[], &value.unwrap_or_default());
        report.out.open("td", &[]);
        report.out.text(&crate::i18n::date(&fact.date, report.lang));
        report.cite(Some(fact.source), fact.quote);
        report.out.close("td");
        report.out.raw("</tr>\n");
    }
    report.out.raw("</tbody></table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Lang, Qualifier};

    #[test]
    fn facts_become_a_cited_table() {
        let dataset =
            crate::dataset::load_builtin(crate::dataset::builtin("bri-connectivity").unwrap())
                .unwrap();
        let text = |s: &str| Text {
            zh: s.to_owned(),
            en: s.to_owned(),
        };
        let (name, fact, unit) = (text("Chile <b>"), text("E-commerce MoU"), text("MoUs"));
        let facts = [CountryFact {
            code: "CHL",
            name: &name,
            fact: &fact,
            figure: Some((
                Figure {
                    value: 1.0,
                    qualifier: Qualifier::Exact,
                },
                &unit,
            )),
            date: FuzzyDate::parse("2016-12-end").unwrap(),
            source: 0,
            quote: None,
        }];
        let mut report = Report::new(&dataset, Lang::En);
        section(&mut report, &facts);
        let html = report.out.into_string();
        assert!(
            html.contains("<td>Chile &lt;b&gt; <code>CHL</code></td>"),
            "{html}"
        );
        assert!(html.contains("<td>1 MoUs</td>"), "{html}");
        assert!(
            html.contains("2016-12 (end) <a class=\"cite\" href=\"#ref-1\">[1]</a>"),
            "{html}"
        );

        let mut empty = Report::new(&dataset, Lang::En);
        section(&mut empty, &[]);
        assert!(empty.out.into_string().is_empty(), "no facts, no section");
    }
}
