//! The whole validated dataset as JSON, documented in docs/dataset.md ("JSON export").
//!
//! The domain model points between tables by index, which is fast for the dashboard but
//! meaningless outside it and shifts when an entry is added. This view writes ids instead,
//! the same ids the TOML file uses, so the JSON reads like the file it came from and diffs
//! cleanly between editions. Field names are fixed here, apart from the domain model, so
//! that a refactoring of the model cannot silently change the export.

use std::io::{self, Write};

mod country;
pub(crate) mod number;

use serde::Serialize;

use country::{JsonCountry, JsonCountryFact, JsonFactKind};
use number::{Number, number, optional_number};

use crate::dataset::{
    Dataset, Event, FuzzyDate, Indicator, Lang, Observation, Panel, Point, Qualifier, Quote, Shown,
    Source, SourceKind, Tab, TabKind, Text,
};

/// Bumped when a field is removed or changes meaning; adding a field does not bump it.
const FORMAT_VERSION: u32 = 1;

pub fn write(dataset: &Dataset, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &JsonDataset::new(dataset))?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct JsonDataset<'a> {
    format_version: u32,
    dataset: JsonMeta<'a>,
    sources: Vec<JsonSource<'a>>,
    tabs: Vec<JsonTab<'a>>,
    panels: Vec<JsonPanel<'a>>,
    indicators: Vec<JsonIndicator<'a>>,
    events: Vec<JsonEvent<'a>>,
    // The country dimension: absent from a dataset without countries, so the export of a
    // dataset of figures is what it was before countries existed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    countries: Vec<JsonCountry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fact_kinds: Vec<JsonFactKind<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    country_facts: Vec<JsonCountryFact<'a>>,
}

#[derive(Serialize)]
struct JsonMeta<'a> {
    id: &'a str,
    title: &'a Text,
    summary: &'a Text,
    as_of: FuzzyDate,
    languages: &'a [Lang],
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    kind: SourceKind,
    title: &'a Text,
    publication: Option<&'a Text>,
    date: Option<FuzzyDate>,
    url: Option<&'a str>,
    authors: Vec<JsonAuthor<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a Text,
    affiliation: Option<&'a Text>,
}

#[derive(Serialize)]
struct JsonTab<'a> {
    id: &'a str,
    title: &'a Text,
    kind: TabKind,
    panels: Vec<&'a str>,
    /// What a map or country-table tab shows: fact kind and indicator ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    shows: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonPanel<'a> {
    id: &'a str,
    tab: &'a str,
    title: &'a Text,
    summary: &'a Text,
    source: Option<&'a str>,
    points: Vec<JsonPoint<'a>>,
    indicators: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonPoint<'a> {
    text: &'a Text,
    sub: &'a [Text],
    source: Option<&'a str>,
    quote: Option<&'a Text>,
    quote_translated: Option<Lang>,
}

#[derive(Serialize)]
struct JsonIndicator<'a> {
    id: &'a str,
    label: &'a Text,
    #[serde(serialize_with = "number")]
    value: f64,
    qualifier: Qualifier,
    unit: &'a Text,
    unit_singular: Option<&'a str>,
    as_of: FuzzyDate,
    source: &'a str,
    /// The source's sentence; `null` when `quote_missing` says why none is recorded.
    quote: Option<&'a Text>,
    quote_missing: Option<&'a Text>,
    quote_translated: Option<Lang>,
    note: Option<&'a Text>,
    #[serde(serialize_with = "optional_number")]
    target: Option<f64>,
    items: &'a [Text],
    panels: Vec<&'a str>,
    headline: bool,
    series: Vec<JsonObservation<'a>>,
    /// Country code → value, in code order.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    by_country: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct JsonObservation<'a> {
    date: FuzzyDate,
    #[serde(serialize_with = "number")]
    value: f64,
    qualifier: Qualifier,
    source: Option<&'a str>,
    quote: Option<&'a Text>,
    quote_translated: Option<Lang>,
    note: Option<&'a Text>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    date: FuzzyDate,
    label: &'a Text,
    source: &'a str,
    quote: Option<&'a Text>,
    quote_translated: Option<Lang>,
    note: Option<&'a Text>,
}

impl<'a> JsonDataset<'a> {
    fn new(dataset: &'a Dataset) -> JsonDataset<'a> {
        let ids = Ids(dataset);
        JsonDataset {
            format_version: FORMAT_VERSION,
            dataset: JsonMeta {
                id: &dataset.meta.id,
                title: &dataset.meta.title,
                summary: &dataset.meta.summary,
                as_of: dataset.meta.as_of,
                languages: &dataset.meta.languages,
                source: dataset.meta.source.map(|s| ids.source(s)),
            },
            sources: dataset.sources.iter().map(JsonSource::new).collect(),
            tabs: dataset.tabs.iter().map(|t| JsonTab::new(t, ids)).collect(),
            panels: dataset
                .panels
                .iter()
                .map(|p| JsonPanel::new(p, ids))
                .collect(),
            indicators: dataset
                .indicators
                .iter()
                .map(|i| JsonIndicator::new(i, ids))
                .collect(),
            events: dataset
                .events
                .iter()
                .map(|e| JsonEvent::new(e, ids))
                .collect(),
            countries: dataset.countries.iter().map(JsonCountry::new).collect(),
            fact_kinds: dataset.fact_kinds.iter().map(JsonFactKind::new).collect(),
            country_facts: dataset
                .country_facts
                .iter()
                .map(|f| JsonCountryFact::new(f, dataset, ids))
                .collect(),
        }
    }
}

/// Turns the model's indices back into the ids they stand for.
#[derive(Clone, Copy)]
struct Ids<'a>(&'a Dataset);

impl<'a> Ids<'a> {
    fn source(self, index: usize) -> &'a str {
        &self.0.sources[index].id
    }
    fn country(self, index: usize) -> &'a str {
        &self.0.countries[index].code
    }
    fn shown(self, shown: Shown) -> &'a str {
        match shown {
            Shown::FactKind(kind) => &self.0.fact_kinds[kind].id,
            Shown::Indicator(indicator) => &self.0.indicators[indicator].id,
        }
    }
    fn tab(self, index: usize) -> &'a str {
        &self.0.tabs[index].id
    }
    fn panels(self, indices: &[usize]) -> Vec<&'a str> {
        indices
            .iter()
            .map(|&i| self.0.panels[i].id.as_str())
            .collect()
    }
    fn indicators(self, indices: &[usize]) -> Vec<&'a str> {
        indices
            .iter()
            .map(|&i| self.0.indicators[i].id.as_str())
            .collect()
    }
}

impl<'a> JsonSource<'a> {
    fn new(source: &'a Source) -> JsonSource<'a> {
        JsonSource {
            id: &source.id,
            kind: source.kind,
            title: &source.title,
            publication: source.publication.as_ref(),
            date: source.date,
            url: source.url.as_deref(),
            authors: source
                .authors
                .iter()
                .map(|author| JsonAuthor {
                    name: &author.name,
                    affiliation: author.affiliation.as_ref(),
                })
                .collect(),
        }
    }
}

impl<'a> JsonTab<'a> {
    fn new(tab: &'a Tab, ids: Ids<'a>) -> JsonTab<'a> {
        JsonTab {
            id: &tab.id,
            title: &tab.title,
            kind: tab.kind,
            panels: ids.panels(&tab.panels),
            shows: tab.shows.iter().map(|&s| ids.shown(s)).collect(),
        }
    }
}

impl<'a> JsonPanel<'a> {
    fn new(panel: &'a Panel, ids: Ids<'a>) -> JsonPanel<'a> {
        JsonPanel {
            id: &panel.id,
            tab: ids.tab(panel.tab),
            title: &panel.title,
            summary: &panel.summary,
            source: panel.source.map(|s| ids.source(s)),
            points: panel
                .points
                .iter()
                .map(|point| JsonPoint::new(point, ids))
                .collect(),
            indicators: ids.indicators(&panel.indicators),
        }
    }
}

impl<'a> JsonPoint<'a> {
    fn new(point: &'a Point, ids: Ids<'a>) -> JsonPoint<'a> {
        JsonPoint {
            text: &point.text,
            sub: &point.sub,
            source: point.source.map(|s| ids.source(s)),
            quote: point.quote.as_ref(),
            quote_translated: point.quote_translated,
        }
    }
}

impl<'a> JsonIndicator<'a> {
    fn new(indicator: &'a Indicator, ids: Ids<'a>) -> JsonIndicator<'a> {
        JsonIndicator {
            id: &indicator.id,
            label: &indicator.label,
            value: indicator.figure.value,
            qualifier: indicator.figure.qualifier,
            unit: &indicator.unit,
            unit_singular: indicator.unit_singular.as_deref(),
            as_of: indicator.as_of,
            source: ids.source(indicator.source),
            quote: match &indicator.quote {
                Quote::Words(text) => Some(text),
                Quote::Missing(_) => None,
            },
            quote_missing: match &indicator.quote {
                Quote::Words(_) => None,
                Quote::Missing(reason) => Some(reason),
            },
            quote_translated: indicator.quote_translated,
            note: indicator.note.as_ref(),
            target: indicator.target,
            items: &indicator.items,
            panels: ids.panels(&indicator.panels),
            headline: indicator.headline,
            series: indicator
                .series
                .iter()
                .map(|observation| JsonObservation::new(observation, ids))
                .collect(),
            by_country: indicator
                .by_country
                .iter()
                .map(|share| {
                    let value = serde_json::to_value(Number(share.value)).unwrap_or_default();
                    (ids.country(share.country).to_owned(), value)
                })
                .collect(),
        }
    }
}

impl<'a> JsonObservation<'a> {
    fn new(observation: &'a Observation, ids: Ids<'a>) -> JsonObservation<'a> {
        JsonObservation {
            date: observation.date,
            value: observation.figure.value,
            qualifier: observation.figure.qualifier,
            source: observation.source.map(|s| ids.source(s)),
            quote: observation.quote.as_ref(),
            quote_translated: observation.quote_translated,
            note: observation.note.as_ref(),
        }
    }
}

impl<'a> JsonEvent<'a> {
    fn new(event: &'a Event, ids: Ids<'a>) -> JsonEvent<'a> {
        JsonEvent {
            date: event.date,
            label: &event.label,
            source: ids.source(event.source),
            quote: event.quote.as_ref(),
            quote_translated: event.quote_translated,
            note: event.note.as_ref(),
        }
    }
}
