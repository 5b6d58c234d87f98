//! Two editions of a dataset compared: indicators matched by id (old → new value, absolute
//! and percent change, date moved), and what was added or removed among indicators, panels
//! and points; the words around them that changed (`fields`); the points of each series and
//! the events of the timeline (`dated`); countries matched by code (added, removed, or with
//! facts added or removed).

use std::collections::HashMap;

mod dated;
mod fields;

pub use dated::{DatedLabel, EventChange, SeriesChange};
pub use fields::{FieldChange, FieldValue, Holder};

use serde::Serialize;

use super::{Dataset, Figure, FuzzyDate, Text};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetDiff {
    pub old: Edition,
    pub new: Edition,
    pub changed: Vec<IndicatorChange>,
    pub unchanged: Vec<String>,
    pub added_indicators: Vec<Named>,
    pub removed_indicators: Vec<Named>,
    pub added_panels: Vec<Named>,
    pub removed_panels: Vec<Named>,
    pub added_points: Vec<PanelPoint>,
    pub removed_points: Vec<PanelPoint>,
    /// Labels, units, quotes, notes and sources of the indicators, titles of the panels,
    /// sub-points and quotes of the points, that differ where both editions have the thing.
    pub changed_fields: Vec<FieldChange>,
    /// The points of the series that differ (revised, added, removed, re-sourced). Left out
    /// of the JSON when empty, as are the events'.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub series_changes: Vec<SeriesChange>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added_events: Vec<DatedLabel>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_events: Vec<DatedLabel>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed_events: Vec<EventChange>,
    /// Countries by code (`id`) and name. Left out of the JSON when empty, so comparing
    /// datasets without countries writes what it did before countries existed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added_countries: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_countries: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed_countries: Vec<CountryChange>,
}

/// A country in both editions whose facts differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryChange {
    pub code: String,
    pub name: Text,
    /// The facts only the new edition has, each as `fact-kind date [value] (source)`.
    pub added_facts: Vec<String>,
    /// The facts only the old edition has, written the same way.
    pub removed_facts: Vec<String>,
}

/// A country fact in a form two editions can compare, and a reader can read: the ids and
/// machine forms the file uses, `ecommerce-mou 2017-05 (mofcom)`, `trade 2019 = 12 (news)`.
fn fact_key(dataset: &Dataset, fact: &super::CountryFact) -> String {
    let kind = &dataset.fact_kinds[fact.kind].id;
    let source = &dataset.sources[fact.source].id;
    let value = fact.figure.map_or_else(String::new, |figure| {
        format!(" = {}{}", figure.qualifier.symbol(), figure.value)
    });
    format!("{kind} {}{value} ({source})", fact.date.canonical())
}

fn countries_diff(old: &Dataset, new: &Dataset) -> (Vec<Named>, Vec<Named>, Vec<CountryChange>) {
    let only_in = |a: &Dataset, b: &Dataset| -> Vec<Named> {
        a.countries
            .iter()
            .filter(|c| b.country_by_code(&c.code).is_none())
            .map(|c| Named {
                id: c.code.clone(),
                label: c.name.clone(),
            })
            .collect()
    };
    let mut changed = Vec::new();
    for (index, country) in new.countries.iter().enumerate() {
        let Some(before) = old.country_by_code(&country.code) else {
            continue;
        };
        let new_facts: Vec<String> = new.facts_of(index).map(|f| fact_key(new, f)).collect();
        let old_facts: Vec<String> = old.facts_of(before).map(|f| fact_key(old, f)).collect();
        let added: Vec<String> = new_facts
            .iter()
            .filter(|f| !old_facts.contains(f))
            .cloned()
            .collect();
        let removed: Vec<String> = old_facts
            .iter()
            .filter(|f| !new_facts.contains(f))
            .cloned()
            .collect();
        if !added.is_empty() || !removed.is_empty() {
            changed.push(CountryChange {
                code: country.code.clone(),
                name: country.name.clone(),
                added_facts: added,
                removed_facts: removed,
            });
        }
    }
    (only_in(new, old), only_in(old, new), changed)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edition {
    pub id: String,
    pub title: Text,
    pub as_of: FuzzyDate,
}

/// Something identified by id, with its label or title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelPoint {
    pub panel: String,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorChange {
    pub id: String,
    pub label: Text,
    pub unit: Text,
    pub old: Figure,
    pub new: Figure,
    pub absolute_change: f64,
    /// `None` when the old value is 0: no percentage of nothing.
    pub percent_change: Option<f64>,
    pub old_as_of: FuzzyDate,
    pub new_as_of: FuzzyDate,
}

impl IndicatorChange {
    pub fn date_moved(&self) -> bool {
        self.old_as_of != self.new_as_of
    }
}

pub fn diff(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let edition = |d: &Dataset| Edition {
        id: d.meta.id.clone(),
        title: d.meta.title.clone(),
        as_of: d.meta.as_of,
    };
    let old_indicators: HashMap<&str, usize> = old
        .indicators
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let new_ids: HashMap<&str, usize> = new
        .indicators
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let changed_fields = fields::field_changes(old, new);
    let mut changed = Vec::new();
    let mut unchanged = Vec::new();
    let mut added_indicators = Vec::new();
    for indicator in &new.indicators {
        let Some(&index) = old_indicators.get(indicator.id.as_str()) else {
            added_indicators.push(Named {
                id: indicator.id.clone(),
                label: indicator.label.clone(),
            });
            continue;
        };
        let before = &old.indicators[index];
        if before.figure == indicator.figure && before.as_of == indicator.as_of {
            // Unchanged means in everything: a figure whose label alone changed is not.
            let words_changed = changed_fields
                .iter()
                .any(|c| c.holder == Holder::Indicator && c.id == indicator.id);
            if !words_changed {
                unchanged.push(indicator.id.clone());
            }
            continue;
        }
        let absolute_change = indicator.figure.value - before.figure.value;
        changed.push(IndicatorChange {
            id: indicator.id.clone(),
            label: indicator.label.clone(),
            unit: indicator.unit.clone(),
            old: before.figure,
            new: indicator.figure,
            absolute_change,
            percent_change: (before.figure.value != 0.0)
                .then(|| absolute_change / before.figure.value.abs() * 100.0),
            old_as_of: before.as_of,
            new_as_of: indicator.as_of,
        });
    }
    let removed_indicators = old
        .indicators
        .iter()
        .filter(|x| !new_ids.contains_key(x.id.as_str()))
        .map(|x| Named {
            id: x.id.clone(),
            label: x.label.clone(),
        })
        .collect();

    let panels_only_in = |a: &Dataset, b: &Dataset| -> Vec<Named> {
        a.panels
            .iter()
            .filter(|p| !b.panels.iter().any(|q| q.id == p.id))
            .map(|p| Named {
                id: p.id.clone(),
                label: p.title.clone(),
            })
            .collect()
    };
    // Points have no ids: within a panel present in both, a point is matched by its text.
    let points_only_in = |a: &Dataset, b: &Dataset| -> Vec<PanelPoint> {
        let mut out = Vec::new();
        for panel in &a.panels {
            let Some(other) = b.panels.iter().find(|q| q.id == panel.id) else {
                continue;
            };
            for point in &panel.points {
                if !other.points.iter().any(|q| q.text == point.text) {
                    out.push(PanelPoint {
                        panel: panel.id.clone(),
                        text: point.text.clone(),
                    });
                }
            }
        }
        out
    };
    let (added_countries, removed_countries, changed_countries) = countries_diff(old, new);
    let (added_events, removed_events, changed_events) = dated::events_diff(old, new);
    DatasetDiff {
        old: edition(old),
        new: edition(new),
        changed,
        unchanged,
        added_indicators,
        removed_indicators,
        added_panels: panels_only_in(new, old),
        removed_panels: panels_only_in(old, new),
        added_points: points_only_in(new, old),
        removed_points: points_only_in(old, new),
        changed_fields,
        series_changes: dated::series_changes(old, new),
        added_events,
        removed_events,
        changed_events,
        added_countries,
        removed_countries,
        changed_countries,
    }
}

impl DatasetDiff {
    /// Whether the editions differ in anything the comparison shows, their titles and
    /// as-of dates included: what `diff --exit-code` exits 1 for.
    pub fn differs(&self) -> bool {
        !self.is_empty() || self.old.title != self.new.title || self.old.as_of != self.new.as_of
    }

    /// Whether no figure, panel, point, field or country differs (the titles and dates may).
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.changed_fields.is_empty()
            && self.series_changes.is_empty()
            && self.added_events.is_empty()
            && self.removed_events.is_empty()
            && self.changed_events.is_empty()
            && self.added_indicators.is_empty()
            && self.removed_indicators.is_empty()
            && self.added_panels.is_empty()
            && self.removed_panels.is_empty()
            && self.added_points.is_empty()
            && self.removed_points.is_empty()
            && self.added_countries.is_empty()
            && self.removed_countries.is_empty()
            && self.changed_countries.is_empty()
    }
}
