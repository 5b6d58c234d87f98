//! An indicator's checks: its figure, series and items (each list bounded), and the
//! panels it is listed in.

use std::ops::Range;

use super::values::INVALID_DATE;
use super::words::zh;
use super::{IdMap, Validator};
use crate::dataset::date::FuzzyDate;
use crate::dataset::model::*;
use crate::dataset::raw::*;
use crate::files::diagnostic::{Message, Problem};

/// The most items one indicator may name. The detail lists them all, so a figure with
/// millions (3.5 million fit under the file size cap) made each key take a minute; a
/// figure that counts more things than a reader can scan lists them in a dataset of its own.
const MAX_ITEMS: usize = 1_000;

/// The most observations in one series: a chart of more is a blur of dots at any terminal
/// width, and every redraw of the detail reads them all.
const MAX_SERIES: usize = 10_000;

impl Validator<'_> {
    /// Two observations of one date are two sources disagreeing, kept side by side; from
    /// one source they are a mistake (a duplicate, or a figure that was corrected), and the
    /// dashboard would call it a disagreement. `series` is `raw` validated, in file order.
    pub(super) fn one_figure_per_source_and_date(
        &mut self,
        series: &[Observation],
        raw: &[RawObservation],
        indicator_source: Option<usize>,
    ) {
        let mut seen: Vec<(FuzzyDate, Option<usize>, usize)> = series
            .iter()
            .enumerate()
            .map(|(index, o)| (o.date, o.source.or(indicator_source), index))
            .collect();
        seen.sort_unstable();
        for pair in seen.windows(2) {
            let ((date, source, first), (_, _, second)) = (pair[0], pair[1]);
            if date == pair[1].0 && source == pair[1].1 && date != INVALID_DATE {
                let first_line = self.line_of(&raw[first].date.span());
                self.problems.push(
                    Problem::at(
                        raw[second].date.span(),
                        Message::new(
                            format!(
                                "a second observation of {} from the same source (the first is on line {first_line})",
                                date.canonical()
                            ),
                            format!(
                                "同一来源对 {} 的第二个观测值（第一个在第 {first_line} 行）",
                                date.canonical()
                            ),
                        ),
                    )
                    .with_hint(Message::new(
                        "keep one figure per source and date; figures of different sources \
                         for one date are kept side by side",
                        "每个来源每个日期只保留一个数值；不同来源对同一日期的数值会并列显示",
                    )),
                );
            }
        }
    }

    /// The first `max` entries of a list; past them, one problem at the first entry too many,
    /// and the rest are not looked at (their count could be anything the file size allows).
    pub(super) fn bounded<'r, T>(
        &mut self,
        entries: &'r [T],
        max: usize,
        what: &str,
        span: impl Fn(&T) -> Range<usize>,
    ) -> &'r [T] {
        if let Some(first_too_many) = entries.get(max) {
            self.problems.push(
                Problem::at(
                    span(first_too_many),
                    Message::new(
                        format!(
                            "too many {what}: {} where at most {max} are allowed",
                            entries.len()
                        ),
                        format!(
                            "{}过多：共 {} 个，最多允许 {max} 个",
                            zh(what),
                            entries.len()
                        ),
                    ),
                )
                .with_hint(Message::new(
                    "split the list, or keep the full list in a dataset of its own",
                    "请拆分列表，或把完整列表放进单独的数据集",
                )),
            );
            &entries[..max]
        } else {
            entries
        }
    }

    pub(super) fn indicator(
        &mut self,
        raw: &RawIndicator,
        sources: &IdMap,
        panels: &IdMap,
    ) -> Indicator {
        let series = self.bounded(&raw.series, MAX_SERIES, "observations in a series", |o| {
            o.date.span()
        });
        let items = self.bounded(&raw.items, MAX_ITEMS, "items of an indicator", |i| i.span());
        let mut series: Vec<Observation> = series
            .iter()
            .map(|o| Observation {
                date: self.date(&o.date),
                figure: Figure {
                    value: self.number(&o.value, "series value"),
                    qualifier: self.qualifier(o.qualifier.as_ref()),
                },
                source: o
                    .source
                    .as_ref()
                    .and_then(|s| self.reference(s, sources, "source")),
                quote: o.quote.as_ref().map(|q| self.text(q, "quote")),
                quote_translated: self
                    .quote_translated(o.quote_translated.as_ref(), o.quote.is_some()),
                note: o.note.as_ref().map(|n| self.text(n, "note")),
            })
            .collect();
        let indicator_source = self.reference(&raw.source, sources, "source");
        self.one_figure_per_source_and_date(&series, &raw.series, indicator_source);
        series.sort_by_key(|o| o.date);
        let mut panel_indices = Vec::new();
        for panel in &raw.panels {
            if let Some(index) = self.reference(panel, panels, "panel") {
                if panel_indices.contains(&index) {
                    self.problems.push(Problem::at(
                        panel.span(),
                        Message::new(
                            format!("panel `{}` is listed twice", panel.get_ref()),
                            format!("面板 `{}` 列出了两次", panel.get_ref()),
                        ),
                    ));
                } else {
                    panel_indices.push(index);
                }
            }
        }
        let (quote, quote_translated) = self.indicator_quote(raw);
        Indicator {
            id: raw.id.get_ref().clone(),
            label: self.label(&raw.label, "indicator label"),
            figure: Figure {
                value: self.number(&raw.value, "value"),
                qualifier: self.qualifier(raw.qualifier.as_ref()),
            },
            unit: self.label(&raw.unit, "unit"),
            unit_singular: raw
                .unit_singular
                .as_ref()
                .map(|singular| self.singular(singular)),
            as_of: self.date(&raw.as_of),
            source: indicator_source.unwrap_or(0),
            quote,
            quote_translated,
            note: raw.note.as_ref().map(|n| self.text(n, "note")),
            target: raw.target.as_ref().map(|t| self.number(t, "target")),
            items: items.iter().map(|i| self.label(i, "item")).collect(),
            panels: panel_indices,
            headline: raw.headline,
            series,
            by_country: Vec::new(),
        }
    }
}
