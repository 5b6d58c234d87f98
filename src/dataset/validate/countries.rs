//! Validation of the country dimension: `[[countries]]` against the built-in reference,
//! `[[fact_kinds]]`, `[[country_facts]]`, an indicator's `by_country`, and what a map or
//! country-table tab shows.

use std::collections::{BTreeMap, HashMap};

use super::{IdMap, Validator};
use crate::countries;
use crate::dataset::date::FuzzyDate;
use crate::dataset::lang::Text;
use crate::dataset::model::*;
use crate::dataset::raw::*;
use crate::files::diagnostic::Problem;
use crate::text::sanitize::escape_for_message;

impl Validator<'_> {
    /// The declared countries, and their codes mapped to their index.
    pub(super) fn countries(&mut self, raw: &[RawCountry]) -> (Vec<CountryEntry>, IdMap) {
        let mut entries = Vec::with_capacity(raw.len());
        let mut known: IdMap = HashMap::new();
        let mut first_line: HashMap<&str, usize> = HashMap::new();
        for raw_country in raw {
            let code = raw_country.code.get_ref();
            let name = raw_country
                .name
                .as_ref()
                .map(|n| self.label(n, "country name"));
            let Some(reference) = self.reference_country(&raw_country.code) else {
                continue;
            };
            if let Some(&line) = first_line.get(code.as_str()) {
                self.problems.push(Problem::at(
                    raw_country.code.span(),
                    format!("country `{code}` is declared twice (first on line {line})"),
                ));
                continue;
            }
            first_line.insert(code, self.line_of(&raw_country.code.span()));
            known.insert(code.clone(), entries.len());
            entries.push(CountryEntry {
                code: code.clone(),
                reference: reference.id,
                name: name.unwrap_or_else(|| Text {
                    zh: reference.name_zh.to_owned(),
                    en: reference.name_en.to_owned(),
                }),
                region: reference.region,
                middle_east: reference.middle_east,
                facts: Vec::new(),
            });
        }
        (entries, known)
    }

    /// The reference country of a code, or a problem saying what was probably meant.
    fn reference_country(&mut self, code: &SpannedId) -> Option<&'static countries::Country> {
        let written = code.get_ref();
        if let Some(country) = countries::by_code(written) {
            return Some(country);
        }
        let mut problem = Problem::at(
            code.span(),
            format!(
                "unknown country code `{}`: expected an ISO 3166-1 alpha-3 code such as \"CHN\"",
                escape_for_message(written)
            ),
        );
        let hint = match countries::by_code(&written.to_uppercase()) {
            Some(country) => Some(format!("codes are upper case: `{}`", country.code)),
            None => countries::suggest(written)
                .map(|c| format!("did you mean `{}` ({})?", c.code, c.name_en)),
        };
        if let Some(hint) = hint {
            problem = problem.with_hint(hint);
        }
        self.problems.push(problem);
        None
    }

    /// The fact kinds, and their ids mapped to their index.
    pub(super) fn fact_kinds(&mut self, raw: &[RawFactKind]) -> (Vec<FactKind>, IdMap) {
        let ids = self.ids(raw.iter().map(|k| &k.id), "fact kind");
        let kinds = raw
            .iter()
            .map(|kind| {
                let class = self
                    .keyword(&kind.kind, "fact kind", &["event", "value"])
                    .unwrap_or(FactClass::Event);
                let unit = kind.unit.as_ref().map(|u| self.label(u, "unit"));
                match (class, &kind.unit) {
                    (FactClass::Value, None) => self.problems.push(
                        Problem::at(
                            kind.kind.span(),
                            "a fact kind of kind \"value\" needs a unit",
                        )
                        .with_hint("add unit = { zh = \"…\", en = \"…\" }"),
                    ),
                    (FactClass::Event, Some(unit)) => self.problems.push(Problem::at(
                        unit.span(),
                        "an event has no unit: only a fact kind of kind \"value\" has one",
                    )),
                    _ => {}
                }
                FactKind {
                    id: kind.id.get_ref().clone(),
                    label: self.label(&kind.label, "fact kind label"),
                    class,
                    unit,
                    facts: Vec::new(),
                }
            })
            .collect();
        (kinds, ids)
    }

    /// A declared country by its code: an undeclared but real code and a typo are told apart.
    fn declared_country(&mut self, code: &SpannedId, declared: &IdMap) -> Option<usize> {
        if let Some(&index) = declared.get(code.get_ref()) {
            return Some(index);
        }
        if self.reference_country(code).is_some() {
            self.problems.push(
                Problem::at(
                    code.span(),
                    format!(
                        "country `{}` is not declared in [[countries]]",
                        code.get_ref()
                    ),
                )
                .with_hint(format!("add [[countries]] code = \"{}\"", code.get_ref())),
            );
        }
        None
    }

    /// The facts, oldest first; each country's and kind's list of them is filled in.
    pub(super) fn country_facts(
        &mut self,
        raw: &[RawCountryFact],
        countries: &mut [CountryEntry],
        country_ids: &IdMap,
        kinds: &mut [FactKind],
        kind_ids: &IdMap,
        sources: &IdMap,
    ) -> Vec<CountryFact> {
        let mut facts = Vec::with_capacity(raw.len());
        let mut first_of: BTreeMap<(usize, usize, FuzzyDate, usize), usize> = BTreeMap::new();
        for raw_fact in raw {
            let country = self.declared_country(&raw_fact.country, country_ids);
            let kind = self.reference(&raw_fact.fact, kind_ids, "fact_kind");
            let date = self.date(&raw_fact.date);
            let source = self.reference(&raw_fact.source, sources, "source");
            let class = kind.map(|k| kinds[k].class);
            let figure = match (class, &raw_fact.value) {
                (Some(FactClass::Event), Some(value)) => {
                    self.problems.push(
                        Problem::at(
                            value.span(),
                            format!(
                                "fact kind `{}` is an event: an event has no value",
                                raw_fact.fact.get_ref()
                            ),
                        )
                        .with_hint(
                            "remove the value, or make the fact kind kind = \"value\" with a unit",
                        ),
                    );
                    None
                }
                (Some(FactClass::Value), None) => {
                    self.problems.push(Problem::at(
                        raw_fact.fact.span(),
                        format!(
                            "fact kind `{}` is a value: the fact needs a value",
                            raw_fact.fact.get_ref()
                        ),
                    ));
                    None
                }
                (_, Some(value)) => Some(Figure {
                    value: self.number(value, "fact value"),
                    qualifier: self.qualifier(raw_fact.qualifier.as_ref()),
                }),
                (_, None) => None,
            };
            if let (Some(FactClass::Event), Some(qualifier)) = (class, &raw_fact.qualifier) {
                self.problems.push(Problem::at(
                    qualifier.span(),
                    "an event has no qualifier: it qualifies a value",
                ));
            }
            let quote_translated =
                self.quote_translated(raw_fact.quote_translated.as_ref(), raw_fact.quote.is_some());
            let fact = CountryFact {
                country: country.unwrap_or(0),
                kind: kind.unwrap_or(0),
                date,
                figure,
                source: source.unwrap_or(0),
                quote: raw_fact.quote.as_ref().map(|q| self.text(q, "quote")),
                quote_translated,
                note: raw_fact.note.as_ref().map(|n| self.text(n, "note")),
            };
            if let (Some(country), Some(kind), Some(source)) = (country, kind, source) {
                let key = (country, kind, date, source);
                if let Some(&first) = first_of.get(&key) {
                    let line = self.line_of(&raw[first].date.span());
                    self.problems.push(
                        Problem::at(
                            raw_fact.date.span(),
                            format!(
                                "a second `{}` fact for {} of {} from the same source (the first is on line {line})",
                                raw_fact.fact.get_ref(),
                                raw_fact.country.get_ref(),
                                date.canonical()
                            ),
                        )
                        .with_hint(
                            "keep one fact per source; facts of different sources for one date are kept side by side",
                        ),
                    );
                } else {
                    first_of.insert(key, facts.len());
                }
            }
            facts.push(fact);
        }
        // Stable: facts of one date stay in file order, so "the first" means the file's first.
        facts.sort_by_key(|f| f.date);
        if self.problems.is_empty() {
            for (index, fact) in facts.iter().enumerate() {
                countries[fact.country].facts.push(index);
                kinds[fact.kind].facts.push(index);
            }
        }
        facts
    }

    /// An indicator's `by_country`: each key a declared country, each value a number.
    pub(super) fn by_country(
        &mut self,
        raw: &[(SpannedId, SpannedValue)],
        countries: &IdMap,
    ) -> Vec<CountryValue> {
        let mut values: Vec<(&str, CountryValue)> = raw
            .iter()
            .filter_map(|(code, value)| {
                let value = self.number(value, "country's value");
                let country = self.declared_country(code, countries)?;
                Some((code.get_ref().as_str(), CountryValue { country, value }))
            })
            .collect();
        // TOML tables have no order a reader can rely on: code order is stable across edits.
        values.sort_by_key(|(code, _)| *code);
        values.into_iter().map(|(_, value)| value).collect()
    }

    /// What a tab shows: fact kinds or broken-down indicators, for map and table tabs only.
    pub(super) fn shows(
        &mut self,
        raw: &RawTab,
        kind: TabKind,
        kinds: &IdMap,
        indicators: &IdMap,
        by_country: &[bool],
    ) -> Vec<Shown> {
        let for_countries = matches!(kind, TabKind::Map | TabKind::Countries);
        if !for_countries {
            if let Some(first) = raw.shows.first() {
                self.problems.push(Problem::at(
                    first.span(),
                    "only a tab of kind \"map\" or \"countries\" shows fact kinds or indicators",
                ));
            }
            return Vec::new();
        }
        if raw.shows.is_empty() {
            if kinds.is_empty() {
                self.problems.push(
                    Problem::at(
                        raw.kind.span(),
                        "this tab has nothing to show: the dataset has no [[fact_kinds]]",
                    )
                    .with_hint(
                        "add fact kinds, or list indicators with by_country in shows = [\"…\"]",
                    ),
                );
            }
            let mut all: Vec<usize> = kinds.values().copied().collect();
            all.sort_unstable();
            return all.into_iter().map(Shown::FactKind).collect();
        }
        let mut shown = Vec::new();
        for id in &raw.shows {
            if let Some(&kind) = kinds.get(id.get_ref()) {
                shown.push(Shown::FactKind(kind));
            } else if let Some(&indicator) = indicators.get(id.get_ref()) {
                if by_country[indicator] {
                    shown.push(Shown::Indicator(indicator));
                } else {
                    self.problems.push(Problem::at(
                        id.span(),
                        format!(
                            "indicator `{}` has no by_country breakdown to show",
                            id.get_ref()
                        ),
                    ));
                }
            } else {
                let both: IdMap = kinds
                    .iter()
                    .chain(indicators)
                    .map(|(k, &v)| (k.clone(), v))
                    .collect();
                self.reference(id, &both, "fact_kind");
            }
        }
        shown
    }
}
