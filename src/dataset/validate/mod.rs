//! From the raw serde model to the validated [`Dataset`]: every check of docs/dataset.md,
//! every problem collected (not only the first), each with its location.

use std::collections::HashMap;
use std::ops::Range;

mod countries;

use chrono::NaiveDate;
use toml::Spanned;

use super::date::{DATE_FORMS, FuzzyDate};
use super::lang::{Lang, Text};
use super::model::*;
use super::raw::*;
use crate::files::{diagnostic::Problem, location::LineIndex};
use crate::text::sanitize::{escape_for_message, sanitize_label, sanitize_text};

pub(super) fn validate(raw: RawDataset, text: &str) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator {
        lines: LineIndex::new(text),
        problems: Vec::new(),
        languages: vec![Lang::Zh],
    };
    v.languages = v.languages(&raw.dataset.languages);

    let source_ids = v.ids(raw.sources.iter().map(|s| &s.id), "source");
    let sources: Vec<Source> = raw.sources.iter().map(|s| v.source(s)).collect();
    if sources.is_empty() {
        v.problems.push(
            Problem::at(raw.dataset.id.span(), "the dataset has no sources")
                .with_hint("add a [[sources]] table: every figure must say where it comes from"),
        );
    }

    let tab_ids = v.ids(raw.tabs.iter().map(|t| &t.id), "tab");
    let mut tabs: Vec<Tab> = raw.tabs.iter().map(|t| v.tab(t)).collect();
    if tabs.is_empty() {
        v.problems.push(
            Problem::at(raw.dataset.id.span(), "the dataset has no tabs")
                .with_hint("add at least one [[tabs]] table, e.g. kind = \"overview\""),
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
                format!(
                    "tab `{}` is of kind \"{}\"; panels belong in a tab of kind \"panels\"",
                    raw_panel.tab.get_ref(),
                    kind_name(tabs[tab].kind)
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

    let indicator_ids = v.ids(raw.indicators.iter().map(|i| &i.id), "indicator");
    let mut indicators = Vec::with_capacity(raw.indicators.len());
    for raw_indicator in &raw.indicators {
        let mut indicator = v.indicator(raw_indicator, &source_ids, &panel_ids);
        indicator.by_country = v.by_country(&raw_indicator.by_country, &country_ids);
        for &panel in &indicator.panels {
            panels[panel].indicators.push(indicators.len());
        }
        indicators.push(indicator);
    }

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

/// Where a language's text is kept while one text is validated.
fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
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
    lines: LineIndex<'a>,
    problems: Vec<Problem>,
    languages: Vec<Lang>,
}

/// The most items one indicator may name. The detail lists them all, so a figure with
/// millions (3.5 million fit under the file size cap) made each key take a minute; a
/// figure that counts more things than a reader can scan lists them in a dataset of its own.
pub const MAX_ITEMS: usize = 1_000;

/// The most observations in one series: a chart of more is a blur of dots at any terminal
/// width, and every redraw of the detail reads them all.
pub const MAX_SERIES: usize = 10_000;

/// A placeholder for a value that failed validation; the dataset is discarded anyway.
const INVALID_DATE: FuzzyDate = FuzzyDate::day(NaiveDate::MIN);

impl Validator<'_> {
    /// Two observations of one date are two sources disagreeing, kept side by side; from
    /// one source they are a mistake (a duplicate, or a figure that was corrected), and the
    /// dashboard would call it a disagreement. `series` is `raw` validated, in file order.
    fn one_figure_per_source_and_date(
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
                        format!(
                            "a second observation of {} from the same source (the first is on line {first_line})",
                            date.canonical()
                        ),
                    )
                    .with_hint(
                        "keep one figure per source and date; figures of different sources \
                         for one date are kept side by side",
                    ),
                );
            }
        }
    }

    /// The first `max` entries of a list; past them, one problem at the first entry too many,
    /// and the rest are not looked at (their count could be anything the file size allows).
    fn bounded<'r, T>(
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
                    format!(
                        "too many {what}: {} where at most {max} are allowed",
                        entries.len()
                    ),
                )
                .with_hint("split the list, or keep the full list in a dataset of its own"),
            );
            &entries[..max]
        } else {
            entries
        }
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    fn languages(&mut self, raw: &Spanned<Vec<Spanned<String>>>) -> Vec<Lang> {
        let mut languages = Vec::new();
        for code in raw.get_ref() {
            match Lang::from_code(code.get_ref()) {
                Some(lang) if languages.contains(&lang) => self.problems.push(Problem::at(
                    code.span(),
                    format!("language `{lang:?}` is listed twice").to_lowercase(),
                )),
                Some(lang) => languages.push(lang),
                None => self.problems.push(Problem::at(
                    code.span(),
                    format!(
                        "unknown language `{}`: expected \"zh\" or \"en\"",
                        escape_for_message(code.get_ref())
                    ),
                )),
            }
        }
        if languages.is_empty() {
            if raw.get_ref().is_empty() {
                self.problems.push(Problem::at(
                    raw.span(),
                    "expected at least one language, e.g. [\"zh\", \"en\"]",
                ));
            }
            languages.push(Lang::Zh);
        }
        languages
    }

    /// A paragraph: a summary, point, quote or note.
    fn text(&mut self, raw: &SpannedText, what: &str) -> Text {
        self.localized(raw, what, sanitize_text)
    }

    /// A short text: a title, label, unit, item or name (capped shorter).
    fn label(&mut self, raw: &SpannedText, what: &str) -> Text {
        self.localized(raw, what, sanitize_label)
    }

    fn localized(&mut self, raw: &SpannedText, what: &str, sanitize: fn(&str) -> String) -> Text {
        // What is written in each language (by `slot`), and where.
        let mut found: [Option<(&str, Range<usize>)>; 2] = [None, None];
        match raw.get_ref() {
            RawText::Plain(text) => found[slot(self.languages[0])] = Some((text, raw.span())),
            RawText::PerLanguage { zh, en } => {
                for (lang, value) in [(Lang::Zh, zh), (Lang::En, en)] {
                    found[slot(lang)] = value.as_ref().map(|v| (v.get_ref().as_str(), v.span()));
                }
            }
        }
        // Sanitised once, here: from now on no string of the dataset can reach a terminal raw.
        let safe = found
            .each_ref()
            .map(|found| found.as_ref().map(|(value, _)| sanitize(value)));
        for index in 0..self.languages.len() {
            let lang = self.languages[index];
            match &found[slot(lang)] {
                None => {
                    let problem = Problem::at(
                        raw.span(),
                        format!("missing {} text for the {what}", lang.name()),
                    );
                    let hint = match raw.get_ref() {
                        RawText::Plain(_) => format!(
                            "the dataset declares {}; write {{ {} }}",
                            self.languages
                                .iter()
                                .map(|l| l.code())
                                .collect::<Vec<_>>()
                                .join(" and "),
                            self.languages
                                .iter()
                                .map(|l| format!("{} = \"…\"", l.code()))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        RawText::PerLanguage { .. } => format!("add {} = \"…\"", lang.code()),
                    };
                    self.problems.push(problem.with_hint(hint));
                }
                Some((value, span)) if value.trim().is_empty() => self.problems.push(Problem::at(
                    span.clone(),
                    format!("the {} text of the {what} is empty", lang.name()),
                )),
                Some((_, span)) if safe[slot(lang)].as_deref() == Some("") => {
                    self.problems.push(Problem::at(
                        span.clone(),
                        format!(
                            "the {} text of the {what} has nothing printable: only control, escape or invisible characters",
                            lang.name()
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        // A language the text lacks shows the other one (the dataset's primary language,
        // when it declares two: the missing one was reported above).
        match safe {
            [Some(zh), Some(en)] => Text { zh, en },
            [Some(text), None] | [None, Some(text)] => Text {
                zh: text.clone(),
                en: text,
            },
            [None, None] => Text {
                zh: String::new(),
                en: String::new(),
            },
        }
    }

    fn id_syntax(&mut self, id: &Spanned<String>) -> String {
        let value = id.get_ref();
        let valid = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            self.problems.push(Problem::at(
                id.span(),
                format!(
                    "invalid id `{}`: expected lowercase letters, digits and `-`",
                    escape_for_message(value)
                ),
            ));
        }
        value.clone()
    }

    /// Checks the ids of one table and returns them mapped to their index.
    fn ids<'r>(&mut self, ids: impl Iterator<Item = &'r SpannedId>, what: &str) -> IdMap {
        let mut map: IdMap = HashMap::new();
        let mut first_span: Vec<Range<usize>> = Vec::new();
        for (index, id) in ids.enumerate() {
            let value = self.id_syntax(id);
            first_span.push(id.span());
            if let Some(&first) = map.get(&value) {
                let first_line = self.line_of(&first_span[first]);
                self.problems.push(Problem::at(
                    id.span(),
                    format!("duplicate {what} id `{value}` (first defined on line {first_line}): expected ids to be unique"),
                ));
            } else {
                map.insert(value, index);
            }
        }
        map
    }

    fn reference(&mut self, id: &SpannedId, known: &IdMap, what: &str) -> Option<usize> {
        if let Some(&index) = known.get(id.get_ref()) {
            return Some(index);
        }
        let mut candidates: Vec<&String> = known.keys().collect();
        candidates.sort();
        let mut problem = Problem::at(
            id.span(),
            format!(
                "unknown {what} `{}`: expected the id of a [[{what}s]] entry",
                escape_for_message(id.get_ref())
            ),
        );
        if let Some(best) = candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(id.get_ref(), c), c))
            .filter(|(score, _)| *score > 0.75)
            .max_by(|a, b| a.0.total_cmp(&b.0))
        {
            problem = problem.with_hint(format!("did you mean `{}`?", best.1));
        } else if !candidates.is_empty() {
            let list: Vec<String> = candidates
                .iter()
                .take(8)
                .map(|c| format!("`{c}`"))
                .collect();
            problem = problem.with_hint(format!("known {what}s: {}", list.join(", ")));
        }
        self.problems.push(problem);
        None
    }

    fn date(&mut self, raw: &SpannedValue) -> FuzzyDate {
        let parsed = match raw.get_ref() {
            toml::Value::Datetime(datetime) => {
                match (datetime.date, datetime.time, datetime.offset) {
                    (Some(date), None, None) => NaiveDate::from_ymd_opt(
                        date.year as i32,
                        date.month as u32,
                        date.day as u32,
                    )
                    .map(FuzzyDate::day),
                    _ => None,
                }
            }
            toml::Value::String(text) => FuzzyDate::parse(text),
            _ => None,
        };
        parsed.unwrap_or_else(|| {
            let found = describe_value(raw.get_ref());
            self.problems.push(Problem::at(
                raw.span(),
                format!("expected {DATE_FORMS}; found {found}"),
            ));
            INVALID_DATE
        })
    }

    fn number(&mut self, raw: &SpannedValue, what: &str) -> f64 {
        match raw.get_ref() {
            // Figures are doubles, which hold integers exactly only up to 2^53: a larger
            // integer would lose digits without a word (9007199254740993 read as …992).
            toml::Value::Integer(n) if n.unsigned_abs() <= 1 << 53 => *n as f64,
            toml::Value::Integer(n) => {
                self.problems.push(
                    Problem::at(
                        raw.span(),
                        format!(
                            "the integer {n} is too large to keep exactly: whole numbers must \
                             lie between -9007199254740992 and 9007199254740992 (2^53)"
                        ),
                    )
                    .with_hint(format!(
                        "if an approximation is meant, write it as a float, e.g. {:e}",
                        *n as f64
                    )),
                );
                0.0
            }
            toml::Value::Float(f) if f.is_finite() => *f,
            other => {
                let expected = if matches!(other, toml::Value::Float(_)) {
                    format!(
                        "expected a finite number for the {what}; found {}",
                        describe_value(other)
                    )
                } else {
                    format!(
                        "expected a number for the {what}; found {}",
                        describe_value(other)
                    )
                };
                self.problems.push(Problem::at(raw.span(), expected));
                0.0
            }
        }
    }

    fn keyword<T: serde::de::DeserializeOwned>(
        &mut self,
        raw: &Spanned<String>,
        what: &str,
        allowed: &[&str],
    ) -> Option<T> {
        let parsed = serde_json::from_value(serde_json::Value::String(raw.get_ref().clone())).ok();
        if parsed.is_none() {
            let list: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
            self.problems.push(Problem::at(
                raw.span(),
                format!(
                    "unknown {what} \"{}\": expected one of {}",
                    escape_for_message(raw.get_ref()),
                    list.join(", ")
                ),
            ));
        }
        parsed
    }

    fn qualifier(&mut self, raw: Option<&Spanned<String>>) -> Qualifier {
        raw.and_then(|q| {
            self.keyword(
                q,
                "qualifier",
                &["exact", "about", "more_than", "at_least", "fewer_than"],
            )
        })
        .unwrap_or_default()
    }

    fn source(&mut self, raw: &RawSource) -> Source {
        Source {
            id: raw.id.get_ref().clone(),
            kind: self
                .keyword(
                    &raw.kind,
                    "source kind",
                    &["article", "report", "news", "web", "dataset", "official"],
                )
                .unwrap_or(SourceKind::Web),
            title: self.label(&raw.title, "source title"),
            publication: raw
                .publication
                .as_ref()
                .map(|p| self.label(p, "publication")),
            date: raw.date.as_ref().map(|d| self.date(d)),
            url: raw.url.as_deref().map(sanitize_text),
            authors: raw
                .authors
                .iter()
                .map(|a| Author {
                    name: self.label(&a.name, "author's name"),
                    affiliation: a.affiliation.as_ref().map(|x| self.label(x, "affiliation")),
                })
                .collect(),
        }
    }

    fn tab(&mut self, raw: &RawTab) -> Tab {
        Tab {
            id: raw.id.get_ref().clone(),
            title: self.label(&raw.title, "tab title"),
            kind: self
                .keyword(
                    &raw.kind,
                    "tab kind",
                    &[
                        "overview",
                        "panels",
                        "timeline",
                        "sources",
                        "map",
                        "countries",
                    ],
                )
                .unwrap_or(TabKind::Panels),
            panels: Vec::new(),
            shows: Vec::new(),
        }
    }

    fn point(&mut self, raw: &RawPoint, sources: &IdMap) -> Point {
        Point {
            text: self.text(&raw.text, "point"),
            sub: raw.sub.iter().map(|s| self.text(s, "sub-point")).collect(),
            source: raw
                .source
                .as_ref()
                .and_then(|s| self.reference(s, sources, "source")),
            quote: raw.quote.as_ref().map(|q| self.text(q, "quote")),
        }
    }

    fn indicator(&mut self, raw: &RawIndicator, sources: &IdMap, panels: &IdMap) -> Indicator {
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
                        format!("panel `{}` is listed twice", panel.get_ref()),
                    ));
                } else {
                    panel_indices.push(index);
                }
            }
        }
        Indicator {
            id: raw.id.get_ref().clone(),
            label: self.label(&raw.label, "indicator label"),
            figure: Figure {
                value: self.number(&raw.value, "value"),
                qualifier: self.qualifier(raw.qualifier.as_ref()),
            },
            unit: self.label(&raw.unit, "unit"),
            as_of: self.date(&raw.as_of),
            source: indicator_source.unwrap_or(0),
            quote: self.text(&raw.quote, "quote"),
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

fn describe_value(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("the string \"{}\"", escape_for_message(s)),
        toml::Value::Integer(n) => format!("the integer {n}"),
        toml::Value::Float(f) => format!("{f}"),
        toml::Value::Boolean(b) => format!("the boolean {b}"),
        toml::Value::Datetime(d) => format!("the date-time {d}"),
        toml::Value::Array(_) => "an array".to_owned(),
        toml::Value::Table(_) => "a table".to_owned(),
    }
}
