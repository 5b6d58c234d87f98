//! A comparison of two editions written out: as text for the terminal, Markdown for a
//! report, JSON for programs. The comparison itself is `dataset::diff`.

use std::fmt::Write;

use crate::dataset::Lang;
use crate::dataset::diff::{DatasetDiff, IndicatorChange, Named, PanelPoint};
use crate::ui::{figure_in, number_in};

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

/// Sections of the comparison as (heading, sign, entries): each entry an id (or panel id)
/// and its text, in the order they are shown; empty sections left out.
pub fn sections(diff: &DatasetDiff, lang: Lang) -> Vec<Section> {
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
            heading("Changed indicators", "变化的指标", diff.changed.len()),
            '~',
            diff.changed
                .iter()
                .map(|c| (c.id.clone(), change_line(c, lang)))
                .collect(),
        ),
        (
            heading("Added indicators", "新增指标", diff.added_indicators.len()),
            '+',
            named(&diff.added_indicators),
        ),
        (
            heading(
                "Removed indicators",
                "删除的指标",
                diff.removed_indicators.len(),
            ),
            '-',
            named(&diff.removed_indicators),
        ),
        (
            heading("Added panels", "新增板块", diff.added_panels.len()),
            '+',
            named(&diff.added_panels),
        ),
        (
            heading("Removed panels", "删除的板块", diff.removed_panels.len()),
            '-',
            named(&diff.removed_panels),
        ),
        (
            heading("Added points", "新增要点", diff.added_points.len()),
            '+',
            points(&diff.added_points),
        ),
        (
            heading("Removed points", "删除的要点", diff.removed_points.len()),
            '-',
            points(&diff.removed_points),
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
        diff.old.as_of.display(lang),
        diff.new.title.get(lang),
        diff.new.as_of.display(lang)
    )
}

/// How many indicators did not change.
pub fn unchanged_line(diff: &DatasetDiff, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Unchanged indicators: {}", diff.unchanged.len()),
        Lang::Zh => format!("未变化的指标：{}", diff.unchanged.len()),
    }
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

pub fn to_json(diff: &DatasetDiff) -> String {
    serde_json::to_string_pretty(diff).expect("the diff serializes") + "\n"
}
