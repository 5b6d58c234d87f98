//! The words around the figures compared: an indicator's label, unit, quote, note and source,
//! a panel's title, summary and source, a point's sub-points, quote and source. Each change
//! is one entry, named by the field the file uses, so a reader (or a script) sees exactly
//! what an editor touched.

use serde::Serialize;

use crate::dataset::{Dataset, Indicator, Lang, Panel, Point, Quote, Text};

/// What holds a changed field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Holder {
    Indicator,
    Panel,
    /// A point of a panel, matched by its text within the panel.
    Point,
}

/// A field's value in one edition.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Text in both languages.
    Text(Text),
    /// An id, a language code or the English singular of a unit: the same in every language.
    Plain(String),
    /// A list of texts (a point's sub-points).
    Texts(Vec<Text>),
}

/// One field of one indicator, panel or point that differs between the editions; `None`
/// where an edition has no value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub holder: Holder,
    /// The indicator's or panel's id (a point's panel).
    pub id: String,
    /// The point's text, for a point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<Text>,
    /// The key the dataset file uses: `label`, `quote_missing`, `unit_singular`…
    pub field: &'static str,
    pub old: Option<FieldValue>,
    pub new: Option<FieldValue>,
}

type Fields = Vec<(&'static str, Option<FieldValue>)>;

fn text(value: &Text) -> Option<FieldValue> {
    Some(FieldValue::Text(value.clone()))
}

fn optional_text(value: Option<&Text>) -> Option<FieldValue> {
    value.map(|t| FieldValue::Text(t.clone()))
}

fn plain(value: Option<&str>) -> Option<FieldValue> {
    value.map(|s| FieldValue::Plain(s.to_owned()))
}

fn lang(value: Option<Lang>) -> Option<FieldValue> {
    plain(value.map(Lang::code))
}

fn source(dataset: &Dataset, index: Option<usize>) -> Option<FieldValue> {
    plain(index.map(|i| dataset.sources[i].id.as_str()))
}

/// The compared fields of an indicator, as the file writes them: a quote is either words
/// (`quote`) or the reason none is recorded (`quote_missing`).
fn indicator_fields(dataset: &Dataset, indicator: &Indicator) -> Fields {
    let (words, missing) = match &indicator.quote {
        Quote::Words(t) => (text(t), None),
        Quote::Missing(t) => (None, text(t)),
    };
    vec![
        ("label", text(&indicator.label)),
        ("unit", text(&indicator.unit)),
        ("unit_singular", plain(indicator.unit_singular.as_deref())),
        ("source", source(dataset, Some(indicator.source))),
        ("quote", words),
        ("quote_missing", missing),
        ("quote_translated", lang(indicator.quote_translated)),
        ("note", optional_text(indicator.note.as_ref())),
    ]
}

fn panel_fields(dataset: &Dataset, panel: &Panel) -> Fields {
    vec![
        ("title", text(&panel.title)),
        ("summary", text(&panel.summary)),
        ("source", source(dataset, panel.source)),
    ]
}

fn point_fields(dataset: &Dataset, point: &Point) -> Fields {
    vec![
        (
            "sub",
            Some(FieldValue::Texts(point.sub.clone())).filter(|_| !point.sub.is_empty()),
        ),
        ("source", source(dataset, point.source)),
        ("quote", optional_text(point.quote.as_ref())),
        ("quote_translated", lang(point.quote_translated)),
    ]
}

/// The fields of the same thing in two editions that differ, as changes of `holder` `id`.
fn compare(
    (holder, id, point): (Holder, &str, Option<&Text>),
    old: Fields,
    new: Fields,
) -> impl Iterator<Item = FieldChange> {
    let id = id.to_owned();
    let point = point.cloned();
    old.into_iter()
        .zip(new)
        .filter(|((_, before), (_, after))| before != after)
        .map(move |((field, before), (_, after))| FieldChange {
            holder,
            id: id.clone(),
            point: point.clone(),
            field,
            old: before,
            new: after,
        })
}

/// Every field change of the indicators, panels and points both editions have, in the new
/// edition's order: indicators, then panels each followed by its points.
pub fn field_changes(old: &Dataset, new: &Dataset) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for indicator in &new.indicators {
        if let Some(before) = old.indicators.iter().find(|x| x.id == indicator.id) {
            changes.extend(compare(
                (Holder::Indicator, &indicator.id, None),
                indicator_fields(old, before),
                indicator_fields(new, indicator),
            ));
        }
    }
    for panel in &new.panels {
        let Some(before) = old.panels.iter().find(|p| p.id == panel.id) else {
            continue;
        };
        changes.extend(compare(
            (Holder::Panel, &panel.id, None),
            panel_fields(old, before),
            panel_fields(new, panel),
        ));
        for point in &panel.points {
            if let Some(was) = before.points.iter().find(|p| p.text == point.text) {
                changes.extend(compare(
                    (Holder::Point, &panel.id, Some(&point.text)),
                    point_fields(old, was),
                    point_fields(new, point),
                ));
            }
        }
    }
    changes
}
