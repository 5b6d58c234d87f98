//! Two editions of a dataset compared: indicators matched by id (old → new value, absolute
//! and percent change, date moved), and what was added or removed among indicators, panels
//! and points.

use std::collections::HashMap;

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
            unchanged.push(indicator.id.clone());
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
    }
}

impl DatasetDiff {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.added_indicators.is_empty()
            && self.removed_indicators.is_empty()
            && self.added_panels.is_empty()
            && self.removed_panels.is_empty()
            && self.added_points.is_empty()
            && self.removed_points.is_empty()
    }
}
