//! The validated, immutable dataset the dashboard renders. References are resolved to
//! indices, every text exists in both languages, every number is finite.

use serde::{Deserialize, Serialize};

pub use super::countries::{CountryEntry, CountryFact, CountryValue, FactClass, FactKind};
use super::date::FuzzyDate;
use super::lang::{Lang, Text};
use super::quote::Quote;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dataset {
    pub meta: Meta,
    pub sources: Vec<Source>,
    pub tabs: Vec<Tab>,
    pub panels: Vec<Panel>,
    pub indicators: Vec<Indicator>,
    /// Oldest first.
    pub events: Vec<Event>,
    /// The countries the dataset declares, in file order (none in a dataset of figures only).
    pub countries: Vec<CountryEntry>,
    /// The kinds of fact recorded about countries, in file order.
    pub fact_kinds: Vec<FactKind>,
    /// Every fact about a country, oldest first (of one date, in file order).
    pub country_facts: Vec<CountryFact>,
    /// What cites each source, by source index: every figure, point of its series, panel,
    /// point, event and country fact. Derived once at load: the sources tab shows the count
    /// on every frame, a source's detail lists them.
    #[serde(skip)]
    pub citations: Vec<Vec<Citer>>,
}

/// One thing that cites a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citer {
    /// Index into [`Dataset::indicators`].
    Indicator(usize),
    /// An observation of an indicator's series: (indicator, observation).
    Observation(usize, usize),
    /// Index into [`Dataset::panels`].
    Panel(usize),
    /// A point of a panel: (panel, point).
    Point(usize, usize),
    /// Index into [`Dataset::events`].
    Event(usize),
    /// Index into [`Dataset::country_facts`].
    CountryFact(usize),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub as_of: FuzzyDate,
    /// The first is the primary language.
    pub languages: Vec<Lang>,
    /// Index into [`Dataset::sources`].
    pub source: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Article,
    Report,
    News,
    Web,
    Dataset,
    Official,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub title: Text,
    pub publication: Option<Text>,
    pub date: Option<FuzzyDate>,
    pub url: Option<String>,
    pub authors: Vec<Author>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Author {
    pub name: Text,
    pub affiliation: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TabKind {
    Overview,
    Panels,
    Timeline,
    Sources,
    /// The world map, coloured by one fact kind or one indicator's breakdown.
    Map,
    /// The country table: a row per country, a column per fact kind or indicator.
    Countries,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tab {
    pub id: String,
    pub title: Text,
    pub kind: TabKind,
    /// Indices into [`Dataset::panels`], in file order (empty unless `kind` is `Panels`).
    pub panels: Vec<usize>,
    /// What a `Map` or `Countries` tab shows, in the order given: the map colours by the
    /// first and offers the others, the table has a column for each. Empty for other kinds.
    pub shows: Vec<Shown>,
}

/// One thing a map or country table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// Index into [`Dataset::fact_kinds`].
    FactKind(usize),
    /// Index into [`Dataset::indicators`] (one with a `by_country` breakdown).
    Indicator(usize),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Panel {
    pub id: String,
    /// Index into [`Dataset::tabs`].
    pub tab: usize,
    pub title: Text,
    pub summary: Text,
    pub source: Option<usize>,
    pub points: Vec<Point>,
    /// Indices into [`Dataset::indicators`] of the figures shown in this panel.
    pub indicators: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Point {
    pub text: Text,
    pub sub: Vec<Text>,
    pub source: Option<usize>,
    pub quote: Option<Text>,
    /// As for [`Indicator::quote_translated`].
    pub quote_translated: Option<Lang>,
}

/// How a figure relates to the number written down ("more than 17,000").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    MoreThan,
    AtLeast,
    FewerThan,
}

impl Qualifier {
    /// The sign written before the number; empty for an exact figure.
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "≈ ",
            Qualifier::MoreThan => "> ",
            Qualifier::AtLeast => "≥ ",
            Qualifier::FewerThan => "< ",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: f64,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub label: Text,
    pub figure: Figure,
    pub unit: Text,
    /// The English unit of a figure of exactly 1 ("1 country"); see [`Indicator::unit_for`].
    pub unit_singular: Option<String>,
    pub as_of: FuzzyDate,
    pub source: usize,
    /// The source's sentence, or why none is recorded.
    pub quote: Quote,
    /// The language in which the quote is the dataset's translation, not the source's
    /// words (only of words: a missing quote has none).
    pub quote_translated: Option<Lang>,
    pub note: Option<Text>,
    pub target: Option<f64>,
    pub items: Vec<Text>,
    pub panels: Vec<usize>,
    pub headline: bool,
    /// Oldest first; two observations may share a date when sources disagree.
    pub series: Vec<Observation>,
    /// The figure broken down by country, in code order; see [`Dataset::breakdown`].
    pub by_country: Vec<CountryValue>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Observation {
    pub date: FuzzyDate,
    pub figure: Figure,
    pub source: Option<usize>,
    pub quote: Option<Text>,
    /// As for [`Indicator::quote_translated`].
    pub quote_translated: Option<Lang>,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub date: FuzzyDate,
    pub label: Text,
    pub source: usize,
    pub quote: Option<Text>,
    /// As for [`Indicator::quote_translated`].
    pub quote_translated: Option<Lang>,
    pub note: Option<Text>,
}

impl Indicator {
    /// The unit to write after `value` in `lang`: the English singular for exactly 1 where
    /// the dataset gives one ("1 country", never "1 countries"), else the unit. Chinese
    /// units do not change with the number.
    pub fn unit_for(&self, value: f64, lang: Lang) -> &str {
        match (&self.unit_singular, lang) {
            (Some(singular), Lang::En) if value == 1.0 => singular,
            _ => self.unit.get(lang),
        }
    }
}

impl Dataset {
    pub fn primary_language(&self) -> Lang {
        self.meta.languages[0]
    }

    pub fn headline_indicators(&self) -> impl Iterator<Item = usize> + '_ {
        self.indicators
            .iter()
            .enumerate()
            .filter(|(_, indicator)| indicator.headline)
            .map(|(index, _)| index)
    }

    /// The indicators no tab shows: not a headline on an overview tab, in no panel, and
    /// shown by no map or table. `check` warns about them, since a reader cannot reach them.
    pub fn unreachable_indicators(&self) -> Vec<usize> {
        let has_overview = self.tabs.iter().any(|tab| tab.kind == TabKind::Overview);
        (0..self.indicators.len())
            .filter(|&index| {
                let indicator = &self.indicators[index];
                let on_overview = indicator.headline && has_overview;
                let shown = self
                    .tabs
                    .iter()
                    .any(|tab| tab.shows.contains(&Shown::Indicator(index)));
                !on_overview && indicator.panels.is_empty() && !shown
            })
            .collect()
    }

    /// What [`Dataset::citations`] holds: each source's citers, in file order.
    pub(super) fn count_citations(&self) -> Vec<Vec<Citer>> {
        let mut citers = vec![Vec::new(); self.sources.len()];
        let mut cite = |source: Option<usize>, citer: Citer| {
            if let Some(list) = source.and_then(|source| citers.get_mut(source)) {
                list.push(citer);
            }
        };
        for (index, indicator) in self.indicators.iter().enumerate() {
            cite(Some(indicator.source), Citer::Indicator(index));
            for (observation, point) in indicator.series.iter().enumerate() {
                // A point cites its own source, else the figure's; only its own counts.
                if point
                    .source
                    .is_some_and(|source| source != indicator.source)
                {
                    cite(point.source, Citer::Observation(index, observation));
                }
            }
        }
        for (index, panel) in self.panels.iter().enumerate() {
            cite(panel.source, Citer::Panel(index));
            for (point_index, point) in panel.points.iter().enumerate() {
                cite(point.source, Citer::Point(index, point_index));
            }
        }
        for (index, event) in self.events.iter().enumerate() {
            cite(Some(event.source), Citer::Event(index));
        }
        for (index, fact) in self.country_facts.iter().enumerate() {
            cite(Some(fact.source), Citer::CountryFact(index));
        }
        citers
    }
}
