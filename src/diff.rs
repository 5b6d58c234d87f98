//! Two editions of a dataset compared: indicators matched by id (old → new value, absolute
//! and percent change, date moved), and what was added or removed among indicators, panels
//! and points.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use crate::dataset::{Dataset, Figure, FuzzyDate, Lang, Text};
use crate::ui::{figure_in, number_in};

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

/// A part of the comparison: heading, the sign its entries carry in text form, and the
/// entries as (id, text).
pub type Section = (String, char, Vec<(String, String)>);

fn signed(value: f64, lang: Lang) -> String {
    if value > 0.0 {
        format!("+{}", number_in(value, lang))
    } else {
        number_in(value, lang)
    }
}

/// `+3 (+17.6%)`, the numbers written for `lang`.
pub fn change_text(change: &IndicatorChange, lang: Lang) -> String {
    match change.percent_change {
        Some(percent) => format!(
            "{} ({}{:.1}%)",
            signed(change.absolute_change, lang),
            if percent > 0.0 { "+" } else { "" },
            percent
        ),
        None => signed(change.absolute_change, lang),
    }
}

/// One line per change: `label: 17 → 20 countries (+3, +17.6%) · as of A → B`.
pub fn change_line(change: &IndicatorChange, lang: Lang) -> String {
    let mut line = format!(
        "{}: {} → {} {} {}",
        change.label.get(lang),
        figure_in(&change.old, lang),
        figure_in(&change.new, lang),
        change.unit.get(lang),
        change_text(change, lang)
    );
    if change.date_moved() {
        let _ = write!(
            line,
            " · {} → {}",
            change.old_as_of.display(lang),
            change.new_as_of.display(lang)
        );
    }
    line
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

    /// Sections of the comparison as (heading, sign, entries): each entry an id (or panel id)
    /// and its text, in the order they are shown; empty sections left out.
    pub fn sections(&self, lang: Lang) -> Vec<Section> {
        let zh = lang == Lang::Zh;
        let heading = |en: &str, zh_text: &str, count: usize| {
            format!("{} ({count})", if zh { zh_text } else { en })
        };
        let named = |items: &[Named]| -> Vec<(String, String)> {
            items
                .iter()
                .map(|n| (n.id.clone(), n.label.get(lang).to_owned()))
                .collect()
        };
        let points = |items: &[PanelPoint]| -> Vec<(String, String)> {
            items
                .iter()
                .map(|p| (p.panel.clone(), p.text.get(lang).to_owned()))
                .collect()
        };
        let mut sections = vec![
            (
                heading("Changed indicators", "变化的指标", self.changed.len()),
                '~',
                self.changed
                    .iter()
                    .map(|c| (c.id.clone(), change_line(c, lang)))
                    .collect(),
            ),
            (
                heading("Added indicators", "新增指标", self.added_indicators.len()),
                '+',
                named(&self.added_indicators),
            ),
            (
                heading(
                    "Removed indicators",
                    "删除的指标",
                    self.removed_indicators.len(),
                ),
                '-',
                named(&self.removed_indicators),
            ),
            (
                heading("Added panels", "新增板块", self.added_panels.len()),
                '+',
                named(&self.added_panels),
            ),
            (
                heading("Removed panels", "删除的板块", self.removed_panels.len()),
                '-',
                named(&self.removed_panels),
            ),
            (
                heading("Added points", "新增要点", self.added_points.len()),
                '+',
                points(&self.added_points),
            ),
            (
                heading("Removed points", "删除的要点", self.removed_points.len()),
                '-',
                points(&self.removed_points),
            ),
        ];
        sections.retain(|(_, _, entries)| !entries.is_empty());
        sections
    }

    fn title_line(&self, lang: Lang) -> String {
        format!(
            "{} ({}) → {} ({})",
            self.old.title.get(lang),
            self.old.as_of.display(lang),
            self.new.title.get(lang),
            self.new.as_of.display(lang)
        )
    }

    fn unchanged_line(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Unchanged indicators: {}", self.unchanged.len()),
            Lang::Zh => format!("未变化的指标：{}", self.unchanged.len()),
        }
    }

    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = format!("{}\n", self.title_line(lang));
        for (heading, sign, entries) in self.sections(lang) {
            let _ = writeln!(out, "\n{heading}");
            for (id, text) in entries {
                let _ = writeln!(out, "  {sign} {id}  {text}");
            }
        }
        let _ = writeln!(out, "\n{}", self.unchanged_line(lang));
        out
    }

    pub fn to_markdown(&self, lang: Lang) -> String {
        let mut out = format!("# {}\n", self.title_line(lang));
        for (heading, _, entries) in self.sections(lang) {
            let _ = writeln!(out, "\n## {heading}\n");
            for (id, text) in entries {
                let _ = writeln!(out, "- `{id}` {text}");
            }
        }
        let _ = writeln!(out, "\n{}", self.unchanged_line(lang));
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the diff serializes") + "\n"
    }
}
