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
use crate::files::diagnostic::{Message, Problem};
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
                    Message::new(
                        format!("country `{code}` is declared twice (first on line {line})"),
                        format!("国家 `{code}` 声明了两次（首次在第 {line} 行）"),
                    ),
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
        let mut problem = Problem::at(code.span(), {
            let shown = escape_for_message(written);
            Message::new(
                format!(
                    "unknown country code `{shown}`: expected an ISO 3166-1 alpha-3 code such as \"CHN\""
                ),
                format!("未知的国家代码 `{shown}`：应为 ISO 3166-1 三字母代码，例如 \"CHN\""),
            )
        });
        let hint = match countries::by_code(&written.to_uppercase()) {
            Some(country) => Some(Message::new(
                format!("codes are upper case: `{}`", country.code),
                format!("代码须大写：`{}`", country.code),
            )),
            None => countries::suggest(written).map(|c| {
                Message::new(
                    format!("did you mean `{}` ({})?", c.code, c.name_en),
                    format!("是否想写 `{}`（{}）？", c.code, c.name_zh),
                )
            }),
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
                            Message::new(
                                "a fact kind of kind \"value\" needs a unit",
                                "类型为 \"value\" 的事实类型需要单位",
                            ),
                        )
                        .with_hint(Message::new(
                            "add unit = { zh = \"…\", en = \"…\" }",
                            "请添加 unit = { zh = \"…\", en = \"…\" }",
                        )),
                    ),
                    (FactClass::Event, Some(unit)) => self.problems.push(Problem::at(
                        unit.span(),
                        Message::new(
                            "an event has no unit: only a fact kind of kind \"value\" has one",
                            "事件没有单位：只有类型为 \"value\" 的事实类型才有单位",
                        ),
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
                    Message::new(
                        format!(
                            "country `{}` is not declared in [[countries]]",
                            code.get_ref()
                        ),
                        format!("国家 `{}` 未在 [[countries]] 中声明", code.get_ref()),
                    ),
                )
                .with_hint(Message::new(
                    format!("add [[countries]] code = \"{}\"", code.get_ref()),
                    format!("请添加 [[countries]] code = \"{}\"", code.get_ref()),
                )),
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
                            Message::new(
                                format!(
                                    "fact kind `{}` is an event: an event has no value",
                                    raw_fact.fact.get_ref()
                                ),
                                format!(
                                    "事实类型 `{}` 是事件：事件没有数值",
                                    raw_fact.fact.get_ref()
                                ),
                            ),
                        )
                        .with_hint(Message::new(
                            "remove the value, or make the fact kind kind = \"value\" with a unit",
                            "请删去数值，或把该事实类型改为 kind = \"value\" 并给出单位",
                        )),
                    );
                    None
                }
                (Some(FactClass::Value), None) => {
                    self.problems.push(Problem::at(
                        raw_fact.fact.span(),
                        Message::new(
                            format!(
                                "fact kind `{}` is a value: the fact needs a value",
                                raw_fact.fact.get_ref()
                            ),
                            format!(
                                "事实类型 `{}` 是数值：该事实需要数值",
                                raw_fact.fact.get_ref()
                            ),
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
                    Message::new(
                        "an event has no qualifier: it qualifies a value",
                        "事件没有限定词：限定词用于数值",
                    ),
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
                            Message::new(
                                format!(
                                    "a second `{}` fact for {} of {} from the same source (the first is on line {line})",
                                    raw_fact.fact.get_ref(),
                                    raw_fact.country.get_ref(),
                                    date.canonical()
                                ),
                                format!(
                                    "同一来源对 {} 在 {} 的第二个 `{}` 事实（第一个在第 {line} 行）",
                                    raw_fact.country.get_ref(),
                                    date.canonical(),
                                    raw_fact.fact.get_ref()
                                ),
                            ),
                        )
                        .with_hint(Message::new(
                            "keep one fact per source; facts of different sources for one date are kept side by side",
                            "每个来源只保留一个事实；不同来源对同一日期的事实会并列显示",
                        )),
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
                    Message::new(
                        "only a tab of kind \"map\" or \"countries\" shows fact kinds or indicators",
                        "只有类型为 \"map\" 或 \"countries\" 的标签页才显示事实类型或指标",
                    ),
                ));
            }
            return Vec::new();
        }
        if raw.shows.is_empty() {
            if kinds.is_empty() {
                self.problems.push(
                    Problem::at(
                        raw.kind.span(),
                        Message::new(
                            "this tab has nothing to show: the dataset has no [[fact_kinds]]",
                            "该标签页没有可显示的内容：数据集没有 [[fact_kinds]]",
                        ),
                    )
                    .with_hint(Message::new(
                        "add fact kinds, or list indicators with by_country in shows = [\"…\"]",
                        "请添加事实类型，或在 shows = [\"…\"] 中列出带 by_country 的指标",
                    )),
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
                        Message::new(
                            format!(
                                "indicator `{}` has no by_country breakdown to show",
                                id.get_ref()
                            ),
                            format!("指标 `{}` 没有可显示的 by_country 分项", id.get_ref()),
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
