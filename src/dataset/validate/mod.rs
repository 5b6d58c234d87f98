//! From the raw serde model to the validated [`Dataset`]: every check of docs/dataset.md,
//! every problem collected (not only the first), each with its location.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

mod countries;
mod indicators;
mod quotes;
mod references;
mod tables;
mod text;
mod values;

use references::IdTable;

use super::lang::Lang;
use super::model::*;
use super::raw::*;
use crate::files::diagnostic::{Message, Problem};
use crate::files::location::LineIndex;

/// Validates a raw dataset, its figures among the rest.
pub(super) fn validate(mut raw: RawDataset, text: &str) -> Result<Dataset, Vec<Problem>> {
    let indicators = std::mem::take(&mut raw.indicators);
    validate_figures_apart(raw, indicators.into_iter(), text)
}

/// Validates a raw dataset whose figures come apart, one at a time from `raw_indicators`
/// (`raw.indicators` is not read): a large file's figures are read, checked and dropped
/// one by one, so that its raw figures are never all in memory beside the model's.
pub(super) fn validate_figures_apart(
    raw: RawDataset,
    raw_indicators: impl Iterator<Item = RawIndicator>,
    text: &str,
) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator {
        text,
        lines: OnceCell::new(),
        problems: Vec::new(),
        languages: vec![Lang::Zh],
    };
    v.languages = v.languages(&raw.dataset.languages);

    let source_ids = v.ids(raw.sources.iter().map(|s| &s.id), "source");
    let sources: Vec<Source> = raw.sources.iter().map(|s| v.source(s)).collect();
    if sources.is_empty() {
        v.problems.push(
            Problem::at(
                raw.dataset.id.span(),
                Message::new("the dataset has no sources", "数据集没有来源"),
            )
            .with_hint(Message::new(
                "add a [[sources]] table: every figure must say where it comes from",
                "请添加 [[sources]] 表：每个数值都必须说明出处",
            )),
        );
    }

    let tab_ids = v.ids(raw.tabs.iter().map(|t| &t.id), "tab");
    let mut tabs: Vec<Tab> = raw.tabs.iter().map(|t| v.tab(t)).collect();
    if tabs.is_empty() {
        v.problems.push(
            Problem::at(
                raw.dataset.id.span(),
                Message::new("the dataset has no tabs", "数据集没有标签页"),
            )
            .with_hint(Message::new(
                "add at least one [[tabs]] table, e.g. kind = \"overview\"",
                "请至少添加一个 [[tabs]] 表，例如 kind = \"overview\"",
            )),
        );
    }

    let panel_ids = v.ids(raw.panels.iter().map(|p| &p.id), "panel");
    let mut panels: Vec<Panel> = Vec::with_capacity(raw.panels.len());
    for raw_panel in &raw.panels {
        let tab = v.reference(&raw_panel.tab, &tab_ids, "tab");
        if let Some(tab) = tab
            && tabs[tab].kind != TabKind::Panels
        {
            v.problems.push(Problem::at(
                raw_panel.tab.span(),
                Message::new(
                    format!(
                        "tab `{}` is of kind \"{}\"; panels belong in a tab of kind \"panels\"",
                        raw_panel.tab.get_ref(),
                        kind_name(tabs[tab].kind)
                    ),
                    format!(
                        "标签页 `{}` 的类型是 \"{}\"；面板应放在类型为 \"panels\" 的标签页中",
                        raw_panel.tab.get_ref(),
                        kind_name(tabs[tab].kind)
                    ),
                ),
            ));
        }
        let panel = Panel {
            id: raw_panel.id.get_ref().clone(),
            tab: tab.unwrap_or(0),
            title: v.label(&raw_panel.title, "panel title"),
            summary: v.text(&raw_panel.summary, "panel summary"),
            source: raw_panel
                .source
                .as_ref()
                .and_then(|s| v.reference(s, &source_ids, "source")),
            points: raw_panel
                .points
                .iter()
                .map(|p| v.point(p, &source_ids))
                .collect(),
            indicators: Vec::new(),
        };
        if let Some(tab) = tab {
            tabs[tab].panels.push(panels.len());
        }
        panels.push(panel);
    }

    let (mut countries, country_ids) = v.countries(&raw.countries);
    let (mut fact_kinds, kind_ids) = v.fact_kinds(&raw.fact_kinds);
    let country_facts = v.country_facts(
        &raw.country_facts,
        &mut countries,
        &country_ids,
        &mut fact_kinds,
        &kind_ids,
        &source_ids,
    );

    let mut indicator_ids = IdTable::new("indicator");
    // Sized once: as many as there are, or at most (the figures of a large file come
    // through a channel that knows only how many it may bring).
    let (fewest, most) = raw_indicators.size_hint();
    let mut indicators = Vec::with_capacity(most.unwrap_or(fewest));
    for raw_indicator in raw_indicators {
        v.add_id(&mut indicator_ids, &raw_indicator.id);
        let mut indicator = v.indicator(&raw_indicator, &source_ids, &panel_ids);
        indicator.by_country = v.by_country(&raw_indicator.by_country, &country_ids);
        for &panel in &indicator.panels {
            panels[panel].indicators.push(indicators.len());
        }
        indicators.push(indicator);
    }
    let indicator_ids = indicator_ids.map;

    let broken_down: Vec<bool> = indicators
        .iter()
        .map(|i| !i.by_country.is_empty())
        .collect();
    for (tab, raw_tab) in tabs.iter_mut().zip(&raw.tabs) {
        tab.shows = v.shows(raw_tab, tab.kind, &kind_ids, &indicator_ids, &broken_down);
    }

    let mut events: Vec<Event> = raw
        .events
        .iter()
        .map(|e| Event {
            date: v.date(&e.date),
            label: v.label(&e.label, "event label"),
            source: v.reference(&e.source, &source_ids, "source").unwrap_or(0),
            quote: e.quote.as_ref().map(|q| v.text(q, "quote")),
            quote_translated: v.quote_translated(e.quote_translated.as_ref(), e.quote.is_some()),
            note: e.note.as_ref().map(|n| v.text(n, "note")),
        })
        .collect();
    events.sort_by_key(|event| event.date);

    let meta = Meta {
        id: v.id_syntax(&raw.dataset.id),
        title: v.label(&raw.dataset.title, "dataset title"),
        summary: v.text(&raw.dataset.summary, "dataset summary"),
        as_of: v.date(&raw.dataset.as_of),
        languages: v.languages.clone(),
        source: raw
            .dataset
            .source
            .as_ref()
            .and_then(|s| v.reference(s, &source_ids, "source")),
    };

    if v.problems.is_empty() {
        let mut dataset = Dataset {
            meta,
            sources,
            tabs,
            panels,
            indicators,
            events,
            countries,
            fact_kinds,
            country_facts,
            citations: Vec::new(),
        };
        dataset.citations = dataset.count_citations();
        Ok(dataset)
    } else {
        v.problems
            .sort_by_key(|p| p.span.as_ref().map_or(0, |s| s.start));
        Err(v.problems)
    }
}

fn kind_name(kind: TabKind) -> &'static str {
    match kind {
        TabKind::Overview => "overview",
        TabKind::Panels => "panels",
        TabKind::Timeline => "timeline",
        TabKind::Sources => "sources",
        TabKind::Map => "map",
        TabKind::Countries => "countries",
    }
}

/// Known ids of one table, mapped to their index.
type IdMap = HashMap<String, usize>;

struct Validator<'a> {
    text: &'a str,
    /// Built for the first problem that names a line: a valid file needs none, and a
    /// large one's index is megabytes.
    lines: OnceCell<LineIndex<'a>>,
    problems: Vec<Problem>,
    languages: Vec<Lang>,
}

impl Validator<'_> {
    fn line_of(&self, span: &Range<usize>) -> usize {
        self.lines
            .get_or_init(|| LineIndex::new(self.text))
            .line(span.start)
    }
}

#[cfg(test)]
mod tests;
mod words;
