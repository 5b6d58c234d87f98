//! A comparison of two editions written out: as text for the terminal, Markdown for a
//! report, JSON for programs. The comparison itself is `dataset::diff`.

use std::fmt::Write;

use crate::dataset::Lang;
use crate::dataset::diff::{
    CountryChange, DatasetDiff, DatedLabel, EventChange, FieldChange, FieldValue, IndicatorChange,
    Named, PanelPoint, SeriesChange,
};
use crate::i18n::{figure_in, number_in, strings};

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

/// One line per change: `label: 17 → 20 countries +3 (+17.6%) · A → B`. What did not change
/// is not written as a change: a figure whose date alone moved reads `label: 8 actions (value
/// unchanged) · A → B`, never `8 → 8 actions 0 (0.0%)`; one whose qualifier alone changed
/// (`12` → `≥ 12`) has no `0 (0.0%)`.
pub fn change_line(change: &IndicatorChange, lang: Lang) -> String {
    let (label, unit) = (change.label.get(lang), change.unit.get(lang));
    let mut line = if change.old == change.new {
        let held = match lang {
            Lang::En => " (value unchanged)",
            Lang::Zh => "（数值未变）",
        };
        format!("{label}: {} {unit}{held}", figure_in(&change.new, lang))
    } else if change.absolute_change == 0.0 {
        format!(
            "{label}: {} → {} {unit}",
            figure_in(&change.old, lang),
            figure_in(&change.new, lang)
        )
    } else {
        format!(
            "{label}: {} → {} {unit} {}",
            figure_in(&change.old, lang),
            figure_in(&change.new, lang),
            change_text(change, lang)
        )
    };
    if change.date_moved() {
        let _ = write!(
            line,
            " · {} → {}",
            crate::i18n::date(&change.old_as_of, lang),
            crate::i18n::date(&change.new_as_of, lang)
        );
    }
    line
}

/// `Pakistan: + trade 2021 = 20 (mofcom); − trade 2019 = 12 (mofcom)`: the facts in the
/// file's own ids and forms, which read the same in both languages.
pub fn country_change_line(change: &CountryChange, lang: Lang) -> String {
    let words = strings(lang);
    let facts = change
        .added_facts
        .iter()
        .map(|f| format!("+ {f}"))
        .chain(change.removed_facts.iter().map(|f| format!("− {f}")));
    format!(
        "{}{}{}",
        change.name.get(lang),
        words.colon,
        facts.collect::<Vec<_>>().join("; ")
    )
}

/// A field's value in `lang`; `shown_in` is the language of texts, which may differ from
/// `lang` when the change is in the other language only.
fn field_value(value: Option<&FieldValue>, field: &str, shown_in: Lang, lang: Lang) -> String {
    let quoted = |text: &str| match field {
        "quote" => format!("“{text}”"),
        _ => text.to_owned(),
    };
    match value {
        None => match lang {
            Lang::En => "(none)".to_owned(),
            Lang::Zh => "（无）".to_owned(),
        },
        Some(FieldValue::Text(text)) => quoted(text.get(shown_in)),
        Some(FieldValue::Plain(text)) => text.clone(),
        Some(FieldValue::Texts(texts)) => texts
            .iter()
            .map(|t| t.get(shown_in))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// `label: Countries → Partner countries`, or for a point `“A point” · quote: (none) →
/// “…”`. A text changed in the other language alone is shown in that language, so the line
/// never reads `A → A`.
pub fn field_change_line(change: &FieldChange, lang: Lang) -> String {
    let texts = |lang| {
        let side = |value| field_value(value, change.field, lang, lang);
        (side(change.old.as_ref()), side(change.new.as_ref()))
    };
    let (mut old, mut new) = texts(lang);
    if old == new {
        (old, new) = texts(lang.other());
    }
    let point = change
        .point
        .as_ref()
        .map_or_else(String::new, |text| format!("“{}” · ", text.get(lang)));
    format!("{point}{}: {old} → {new}", change.field)
}

/// ` · changed: quote, note`: the fields the file uses, which read the same in both languages.
fn changed_fields(fields: &[&str], lang: Lang) -> String {
    if fields.is_empty() {
        return String::new();
    }
    match lang {
        Lang::En => format!(" · changed: {}", fields.join(", ")),
        Lang::Zh => format!(" · 改动：{}", fields.join("、")),
    }
}

/// `Trains per year · 2019: 8,225 → 8,300 trains`; `(none) → 20 countries` for a point
/// added, `18 countries → (none)` for one removed.
pub fn series_change_line(change: &SeriesChange, lang: Lang) -> String {
    let unit = change.unit.get(lang);
    let none = match lang {
        Lang::En => "(none)",
        Lang::Zh => "（无）",
    };
    let values = match (&change.old, &change.new) {
        (Some(old), Some(new)) if old == new => format!(
            "{} {unit}{}",
            figure_in(new, lang),
            match lang {
                Lang::En => " (value unchanged)",
                Lang::Zh => "（数值未变）",
            }
        ),
        (Some(old), Some(new)) => {
            format!("{} → {} {unit}", figure_in(old, lang), figure_in(new, lang))
        }
        (None, Some(new)) => format!("{none} → {} {unit}", figure_in(new, lang)),
        (Some(old), None) => format!("{} {unit} → {none}", figure_in(old, lang)),
        (None, None) => none.to_owned(),
    };
    format!(
        "{} · {}: {values}{}",
        change.label.get(lang),
        crate::i18n::date(&change.date, lang),
        changed_fields(&change.fields, lang)
    )
}

/// `2023-10-18: Third Belt and Road Forum` (and what changed of it).
fn event_line(
    date: &crate::dataset::FuzzyDate,
    label: &str,
    fields: &[&str],
    lang: Lang,
) -> String {
    format!(
        "{}: {label}{}",
        crate::i18n::date(date, lang),
        changed_fields(fields, lang)
    )
}

/// Sections of the comparison as (heading, sign, entries): each entry an id (or panel id)
/// and its text, in the order they are shown; empty sections left out.
pub fn sections(diff: &DatasetDiff, lang: Lang) -> Vec<Section> {
    let words = strings(lang);
    let heading = |title: &str, count: usize| format!("{title} ({count})");
    let in_lang = |en: &'static str, zh: &'static str| match lang {
        Lang::En => en,
        Lang::Zh => zh,
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
    let events = |items: &[DatedLabel]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|e| {
                (
                    e.date.canonical(),
                    event_line(&e.date, e.label.get(lang), &[], lang),
                )
            })
            .collect()
    };
    let mut sections = vec![
        (
            heading(words.changed_indicators, diff.changed.len()),
            '~',
            diff.changed
                .iter()
                .map(|c| (c.id.clone(), change_line(c, lang)))
                .collect(),
        ),
        (
            heading(words.added_indicators, diff.added_indicators.len()),
            '+',
            named(&diff.added_indicators),
        ),
        (
            heading(words.removed_indicators, diff.removed_indicators.len()),
            '-',
            named(&diff.removed_indicators),
        ),
        (
            heading(words.added_panels, diff.added_panels.len()),
            '+',
            named(&diff.added_panels),
        ),
        (
            heading(words.removed_panels, diff.removed_panels.len()),
            '-',
            named(&diff.removed_panels),
        ),
        (
            heading(words.added_points, diff.added_points.len()),
            '+',
            points(&diff.added_points),
        ),
        (
            heading(words.removed_points, diff.removed_points.len()),
            '-',
            points(&diff.removed_points),
        ),
        (
            heading(
                in_lang("Changed fields", "变化的字段"),
                diff.changed_fields.len(),
            ),
            '~',
            diff.changed_fields
                .iter()
                .map(|c| (c.id.clone(), field_change_line(c, lang)))
                .collect(),
        ),
        (
            heading(
                in_lang("Changed series points", "变化的序列数据点"),
                diff.series_changes.len(),
            ),
            '~',
            diff.series_changes
                .iter()
                .map(|c| (c.id.clone(), series_change_line(c, lang)))
                .collect(),
        ),
        (
            heading(in_lang("Added events", "新增事件"), diff.added_events.len()),
            '+',
            events(&diff.added_events),
        ),
        (
            heading(
                in_lang("Removed events", "删除的事件"),
                diff.removed_events.len(),
            ),
            '-',
            events(&diff.removed_events),
        ),
        (
            heading(
                in_lang("Changed events", "变化的事件"),
                diff.changed_events.len(),
            ),
            '~',
            diff.changed_events
                .iter()
                .map(|e: &EventChange| {
                    (
                        e.date.canonical(),
                        event_line(&e.date, e.label.get(lang), &e.fields, lang),
                    )
                })
                .collect(),
        ),
        (
            heading(words.added_countries, diff.added_countries.len()),
            '+',
            named(&diff.added_countries),
        ),
        (
            heading(words.removed_countries, diff.removed_countries.len()),
            '-',
            named(&diff.removed_countries),
        ),
        (
            heading(words.changed_countries, diff.changed_countries.len()),
            '~',
            diff.changed_countries
                .iter()
                .map(|c| (c.code.clone(), country_change_line(c, lang)))
                .collect(),
        ),
    ];
    sections.retain(|(_, _, entries)| !entries.is_empty());
    sections
}

/// `old title (as of) → new title (as of)`.
pub fn title_line(diff: &DatasetDiff, lang: Lang) -> String {
    format!(
        "{} ({}) → {} ({})",
        diff.old.title.get(lang),
        crate::i18n::date(&diff.old.as_of, lang),
        diff.new.title.get(lang),
        crate::i18n::date(&diff.new.as_of, lang)
    )
}

/// How many indicators did not change.
pub fn unchanged_line(diff: &DatasetDiff, lang: Lang) -> String {
    let words = strings(lang);
    format!(
        "{}{}{}",
        words.unchanged_indicators,
        words.colon,
        diff.unchanged.len()
    )
}

pub fn to_text(diff: &DatasetDiff, lang: Lang) -> String {
    let mut out = format!("{}\n", title_line(diff, lang));
    for (heading, sign, entries) in sections(diff, lang) {
        let _ = writeln!(out, "\n{heading}");
        for (id, text) in entries {
            let _ = writeln!(out, "  {sign} {id}  {text}");
        }
    }
    let _ = writeln!(out, "\n{}", unchanged_line(diff, lang));
    out
}

pub fn to_markdown(diff: &DatasetDiff, lang: Lang) -> String {
    let mut out = format!("# {}\n", title_line(diff, lang));
    for (heading, _, entries) in sections(diff, lang) {
        let _ = writeln!(out, "\n## {heading}\n");
        for (id, text) in entries {
            let _ = writeln!(out, "- `{id}` {text}");
        }
    }
    let _ = writeln!(out, "\n{}", unchanged_line(diff, lang));
    out
}

/// The comparison as JSON, its numbers written as the JSON export writes them (`20`, not
/// `20.0`), so the two agree on every figure.
pub fn to_json(diff: &DatasetDiff) -> String {
    use super::json::number::WholeNumbers;
    let mut out = Vec::new();
    let formatter = WholeNumbers(serde_json::ser::PrettyFormatter::new());
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(diff, &mut serializer).expect("the diff serializes");
    String::from_utf8(out).expect("JSON is UTF-8") + "\n"
}
