//! The dated entries of two editions compared: the points of each series (an indicator in
//! both, its points matched by date: a value revised, a point added or removed, its quote,
//! note or source changed) and the timeline's events (matched by date and label: added,
//! removed, or with their quote, note or source changed). An analyst reading a new edition
//! needs the revised history as much as the headline.

use serde::Serialize;

use crate::dataset::{Dataset, Event, Figure, FuzzyDate, Lang, Observation, Text};

/// One point of a series that differs between the editions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesChange {
    /// The indicator's id, label and unit.
    pub id: String,
    pub label: Text,
    pub unit: Text,
    pub date: FuzzyDate,
    /// `None`: the point is new in this edition.
    pub old: Option<Figure>,
    /// `None`: the point was removed.
    pub new: Option<Figure>,
    /// Besides its value, which of the point's fields differ (`quote`, `note`, `source`,
    /// `quote_translated`), for a point in both editions.
    pub fields: Vec<&'static str>,
}

/// An event of one edition's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedLabel {
    pub date: FuzzyDate,
    pub label: Text,
}

/// An event in both editions whose words around it differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventChange {
    pub date: FuzzyDate,
    pub label: Text,
    pub fields: Vec<&'static str>,
}

/// The fields of a point or an event, in a form two editions compare: the source by its id.
struct Words<'a> {
    source: Option<&'a str>,
    quote: Option<&'a Text>,
    note: Option<&'a Text>,
    quote_translated: Option<Lang>,
}

impl Words<'_> {
    fn differing(&self, other: &Words) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.quote != other.quote {
            fields.push("quote");
        }
        if self.quote_translated != other.quote_translated {
            fields.push("quote_translated");
        }
        if self.note != other.note {
            fields.push("note");
        }
        if self.source != other.source {
            fields.push("source");
        }
        fields
    }
}

fn observation_words<'a>(dataset: &'a Dataset, point: &'a Observation) -> Words<'a> {
    Words {
        source: point.source.map(|s| dataset.sources[s].id.as_str()),
        quote: point.quote.as_ref(),
        note: point.note.as_ref(),
        quote_translated: point.quote_translated,
    }
}

fn event_words<'a>(dataset: &'a Dataset, event: &'a Event) -> Words<'a> {
    Words {
        source: Some(dataset.sources[event.source].id.as_str()),
        quote: event.quote.as_ref(),
        note: event.note.as_ref(),
        quote_translated: event.quote_translated,
    }
}

/// Every point of a series that differs, indicator by indicator (in the new edition's
/// order), oldest date first.
pub fn series_changes(old: &Dataset, new: &Dataset) -> Vec<SeriesChange> {
    let mut changes = Vec::new();
    for indicator in &new.indicators {
        let Some(before) = old.indicators.iter().find(|i| i.id == indicator.id) else {
            continue;
        };
        let mut dates: Vec<FuzzyDate> = indicator
            .series
            .iter()
            .chain(&before.series)
            .map(|p| p.date)
            .collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            let was = before.series.iter().find(|p| p.date == date);
            let is = indicator.series.iter().find(|p| p.date == date);
            let fields = match (was, is) {
                (Some(was), Some(is)) => {
                    observation_words(old, was).differing(&observation_words(new, is))
                }
                _ => Vec::new(),
            };
            let (old_figure, new_figure) = (was.map(|p| p.figure), is.map(|p| p.figure));
            if old_figure != new_figure || !fields.is_empty() {
                changes.push(SeriesChange {
                    id: indicator.id.clone(),
                    label: indicator.label.clone(),
                    unit: indicator.unit.clone(),
                    date,
                    old: old_figure,
                    new: new_figure,
                    fields,
                });
            }
        }
    }
    changes
}

/// The events only `a` has, and those of both whose words differ (from `b` to `a`).
pub fn events_diff(
    old: &Dataset,
    new: &Dataset,
) -> (Vec<DatedLabel>, Vec<DatedLabel>, Vec<EventChange>) {
    let same = |a: &Event, b: &Event| a.date == b.date && a.label == b.label;
    let only_in = |a: &Dataset, b: &Dataset| -> Vec<DatedLabel> {
        a.events
            .iter()
            .filter(|e| !b.events.iter().any(|f| same(e, f)))
            .map(|e| DatedLabel {
                date: e.date,
                label: e.label.clone(),
            })
            .collect()
    };
    let changed = new
        .events
        .iter()
        .filter_map(|event| {
            let before = old.events.iter().find(|e| same(e, event))?;
            let fields = event_words(old, before).differing(&event_words(new, event));
            (!fields.is_empty()).then(|| EventChange {
                date: event.date,
                label: event.label.clone(),
                fields,
            })
        })
        .collect();
    (only_in(new, old), only_in(old, new), changed)
}
