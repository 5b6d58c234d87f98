//! Property tests: whatever the input — keys, mouse, resizes down to 0×0, random datasets,
//! random bytes, mangled copies of the shipped datasets, random text — nothing panics,
//! nothing unsafe comes out, and a valid dataset survives the JSON export unchanged.
//!
//! Case counts are kept modest so that `cargo test` stays quick; `PROPTEST_CASES=10000
//! cargo test --test properties` searches harder.

use std::sync::{Arc, LazyLock};

use bri_dash::app::{Action, App, update};
use bri_dash::app::{Key, KeyCode, Modifiers};
use bri_dash::dataset::{self, BUILTINS, Dataset, Lang};
use bri_dash::export::{self, Format};
use bri_dash::files::diagnostic::FileError;
use bri_dash::files::textfile::DEFAULT_MAX_BYTES;
use bri_dash::input::{self, Event};
use bri_dash::text::sanitize::{
    MAX_CHARS, MAX_COMBINING, MAX_LABEL_CHARS, sanitize_label, sanitize_source_for_terminal,
    sanitize_text,
};
use bri_dash::ui::headless;
use chrono::NaiveDate;
use proptest::prelude::*;
use ratatui::layout::Size;
use unicode_segmentation::UnicodeSegmentation;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A control or bidi character that must never come out of the sanitiser or reach a
/// terminal: every C0 control but newline and tab, DEL, every C1 control, bidi embeddings,
/// overrides and isolates.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_error_is_printable(error: &FileError) {
    for shown in [error.to_string(), error.render_report(false)] {
        assert!(!shown.chars().any(is_forbidden), "{shown:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Text fragments that attack a terminal, mixed into random strings.

const HOSTILE_FRAGMENTS: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}[2J\u{1b}[H",
    "\u{1b}]0;title\u{7}",
    "\u{1b}]52;c;Zm9v\u{1b}\\",
    "\u{1b}]8;;http://e.invalid\u{1b}\\",
    "\u{1b}P+q544e\u{1b}\\",
    "\u{1b}_Gf=100\u{1b}\\",
    "\u{1b}^pm\u{1b}\\",
    "\u{1b}Xsos\u{1b}\\",
    "\u{1b}]unterminated",
    "\u{1b}",
    "\u{1b}c",
    "\u{9b}2J",
    "\u{9d}0;t\u{9c}",
    "\u{7}\u{8}\u{0}\u{7f}",
    "\r\n\t\u{b}\u{c}",
    "\u{202e}\u{2066}\u{2069}\u{200f}",
    "\u{200b}\u{200d}\u{feff}\u{2028}\u{2029}",
    "\u{e0041}\u{e0042}",
    "\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    " \u{7a7}",
    "数字丝绸之路\u{3000}",
    "👨\u{200d}👩\u{200d}👧",
];

fn hostile_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(HOSTILE_FRAGMENTS).prop_map(|s: &str| s.to_owned()),
            ".{0,8}",
            "[ -~]{0,8}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_sanitiser_leaves_nothing_unsafe_and_is_idempotent(
        input in prop_oneof![hostile_string(), any::<String>()],
    ) {
        for (safe, max) in [(sanitize_text(&input), MAX_CHARS), (sanitize_label(&input), MAX_LABEL_CHARS)] {
            prop_assert!(!safe.chars().any(|c| is_forbidden(c) || c == '\n' || c == '\t'), "{safe:?}");
            prop_assert!(safe.chars().count() <= max + 1);
            prop_assert!(safe.graphemes(true).all(|g| g.chars().count() <= 1 + MAX_COMBINING));
            prop_assert_eq!(&sanitize_text(&safe), &safe);
        }
        let shown = sanitize_source_for_terminal(&input);
        prop_assert_eq!(shown.len(), input.len());
        prop_assert!(!shown.chars().any(|c| is_forbidden(c) && c != '\r'));
    }
}

// ---------------------------------------------------------------------------------------
// Random valid datasets, written as TOML, loaded, exported to JSON, read back.

const LANGUAGES: &[&[&str]] = &[&["en"], &["zh"], &["zh", "en"], &["en", "zh"]];
const SOURCE_KINDS: &[&str] = &["article", "report", "news", "web", "dataset", "official"];
const TAB_KINDS: &[&str] = &["overview", "panels", "timeline", "sources"];
const QUALIFIERS: &[&str] = &["exact", "about", "more_than", "at_least", "fewer_than"];
const MONTH_PARTS: &[&str] = &["early", "mid", "late", "end"];

/// Localized text: never empty once sanitised (it starts with a letter), else anything.
#[derive(Debug, Clone)]
struct TextSpec {
    zh: String,
    en: String,
    /// Written as a plain string when the dataset has one language.
    plain: bool,
}

fn text_spec() -> impl Strategy<Value = TextSpec> {
    let one = || ("[A-Za-z中文]", hostile_string()).prop_map(|(first, rest)| first + &rest);
    (one(), one(), any::<bool>()).prop_map(|(zh, en, plain)| TextSpec { zh, en, plain })
}

#[derive(Debug, Clone)]
enum DateSpec {
    Toml(u16, u8, u8),
    Day(u16, u8, u8),
    Part(u16, u8, &'static str),
    Month(u16, u8),
    Year(u16),
}

fn date_spec() -> impl Strategy<Value = DateSpec> {
    let (year, month, day) = (1900u16..2100, 1u8..=12, 1u8..=28);
    prop_oneof![
        (year.clone(), month.clone(), day.clone()).prop_map(|(y, m, d)| DateSpec::Toml(y, m, d)),
        (year.clone(), month.clone(), day).prop_map(|(y, m, d)| DateSpec::Day(y, m, d)),
        (
            year.clone(),
            month.clone(),
            prop::sample::select(MONTH_PARTS)
        )
            .prop_map(|(y, m, p)| DateSpec::Part(y, m, p)),
        (year.clone(), month).prop_map(|(y, m)| DateSpec::Month(y, m)),
        year.prop_map(DateSpec::Year),
    ]
}

/// A finite number, as TOML writes it: an integer a double holds exactly (the loader
/// refuses larger ones), or a float.
fn number() -> impl Strategy<Value = toml::Value> {
    const EXACT: i64 = 1 << 53;
    prop_oneof![
        (-EXACT..=EXACT).prop_map(toml::Value::Integer),
        (-1000i64..1000).prop_map(toml::Value::Integer),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(toml::Value::Float),
    ]
}

#[derive(Debug, Clone)]
struct SourceSpec {
    kind: &'static str,
    title: TextSpec,
    publication: Option<TextSpec>,
    date: Option<DateSpec>,
    url: Option<String>,
    authors: Vec<(TextSpec, Option<TextSpec>)>,
}

#[derive(Debug, Clone)]
struct PointSpec {
    text: TextSpec,
    sub: Vec<TextSpec>,
    source: Option<usize>,
    quote: Option<TextSpec>,
}

#[derive(Debug, Clone)]
struct PanelSpec {
    tab: usize,
    title: TextSpec,
    summary: TextSpec,
    source: Option<usize>,
    points: Vec<PointSpec>,
}

#[derive(Debug, Clone)]
struct ObservationSpec {
    date: DateSpec,
    value: toml::Value,
    qualifier: Option<&'static str>,
    source: Option<usize>,
    quote: Option<TextSpec>,
    note: Option<TextSpec>,
}

#[derive(Debug, Clone)]
struct IndicatorSpec {
    label: TextSpec,
    value: toml::Value,
    qualifier: Option<&'static str>,
    unit: TextSpec,
    as_of: DateSpec,
    source: usize,
    quote: TextSpec,
    note: Option<TextSpec>,
    target: Option<toml::Value>,
    items: Vec<TextSpec>,
    panels: Vec<usize>,
    headline: bool,
    series: Vec<ObservationSpec>,
}

#[derive(Debug, Clone)]
struct EventSpec {
    date: DateSpec,
    label: TextSpec,
    source: usize,
    quote: Option<TextSpec>,
    note: Option<TextSpec>,
}

/// A whole dataset. References are indices, taken modulo the table they point into when
/// the TOML is written, so every reference resolves.
#[derive(Debug, Clone)]
struct DatasetSpec {
    languages: &'static [&'static str],
    title: TextSpec,
    summary: TextSpec,
    as_of: DateSpec,
    source: Option<usize>,
    sources: Vec<SourceSpec>,
    tabs: Vec<(&'static str, TextSpec)>,
    panels: Vec<PanelSpec>,
    indicators: Vec<IndicatorSpec>,
    events: Vec<EventSpec>,
}

fn source_spec() -> impl Strategy<Value = SourceSpec> {
    (
        prop::sample::select(SOURCE_KINDS),
        text_spec(),
        prop::option::of(text_spec()),
        prop::option::of(date_spec()),
        prop::option::of("https://[a-z]{1,10}\\.invalid/[ -~]{0,10}"),
        prop::collection::vec((text_spec(), prop::option::of(text_spec())), 0..3),
    )
        .prop_map(
            |(kind, title, publication, date, url, authors)| SourceSpec {
                kind,
                title,
                publication,
                date,
                url,
                authors,
            },
        )
}

fn point_spec() -> impl Strategy<Value = PointSpec> {
    (
        text_spec(),
        prop::collection::vec(text_spec(), 0..3),
        prop::option::of(any::<usize>()),
        prop::option::of(text_spec()),
    )
        .prop_map(|(text, sub, source, quote)| PointSpec {
            text,
            sub,
            source,
            quote,
        })
}

fn panel_spec() -> impl Strategy<Value = PanelSpec> {
    (
        any::<usize>(),
        text_spec(),
        text_spec(),
        prop::option::of(any::<usize>()),
        prop::collection::vec(point_spec(), 0..3),
    )
        .prop_map(|(tab, title, summary, source, points)| PanelSpec {
            tab,
            title,
            summary,
            source,
            points,
        })
}

fn observation_spec() -> impl Strategy<Value = ObservationSpec> {
    (
        date_spec(),
        number(),
        prop::option::of(prop::sample::select(QUALIFIERS)),
        prop::option::of(any::<usize>()),
        prop::option::of(text_spec()),
        prop::option::of(text_spec()),
    )
        .prop_map(
            |(date, value, qualifier, source, quote, note)| ObservationSpec {
                date,
                value,
                qualifier,
                source,
                quote,
                note,
            },
        )
}

fn indicator_spec() -> impl Strategy<Value = IndicatorSpec> {
    (
        (
            text_spec(),
            number(),
            prop::option::of(prop::sample::select(QUALIFIERS)),
            text_spec(),
            date_spec(),
            any::<usize>(),
            text_spec(),
        ),
        (
            prop::option::of(text_spec()),
            prop::option::of(number()),
            prop::collection::vec(text_spec(), 0..3),
            prop::collection::vec(any::<usize>(), 0..3),
            any::<bool>(),
            prop::collection::vec(observation_spec(), 0..3),
        ),
    )
        .prop_map(
            |(
                (label, value, qualifier, unit, as_of, source, quote),
                (note, target, items, panels, headline, series),
            )| IndicatorSpec {
                label,
                value,
                qualifier,
                unit,
                as_of,
                source,
                quote,
                note,
                target,
                items,
                panels,
                headline,
                series,
            },
        )
}

fn event_spec() -> impl Strategy<Value = EventSpec> {
    (
        date_spec(),
        text_spec(),
        any::<usize>(),
        prop::option::of(text_spec()),
        prop::option::of(text_spec()),
    )
        .prop_map(|(date, label, source, quote, note)| EventSpec {
            date,
            label,
            source,
            quote,
            note,
        })
}

fn dataset_spec() -> impl Strategy<Value = DatasetSpec> {
    (
        (
            prop::sample::select(LANGUAGES),
            text_spec(),
            text_spec(),
            date_spec(),
            prop::option::of(any::<usize>()),
        ),
        (
            prop::collection::vec(source_spec(), 1..4),
            prop::collection::vec((prop::sample::select(TAB_KINDS), text_spec()), 1..5),
            prop::collection::vec(panel_spec(), 0..4),
            prop::collection::vec(indicator_spec(), 0..5),
            prop::collection::vec(event_spec(), 0..4),
        ),
    )
        .prop_map(
            |(
                (languages, title, summary, as_of, source),
                (sources, tabs, panels, indicators, events),
            )| {
                DatasetSpec {
                    languages,
                    title,
                    summary,
                    as_of,
                    source,
                    sources,
                    tabs,
                    panels,
                    indicators,
                    events,
                }
            },
        )
}

/// Writes a spec as the TOML table of a dataset file.
struct Writer<'a> {
    spec: &'a DatasetSpec,
    /// Indices of the tabs of kind "panels", where panels may go.
    panel_tabs: Vec<usize>,
}

impl Writer<'_> {
    fn text(&self, text: &TextSpec) -> toml::Value {
        if self.spec.languages.len() == 1 && text.plain {
            let primary = if self.spec.languages[0] == "zh" {
                &text.zh
            } else {
                &text.en
            };
            return toml::Value::String(primary.clone());
        }
        let mut table = toml::Table::new();
        table.insert("zh".into(), text.zh.clone().into());
        table.insert("en".into(), text.en.clone().into());
        toml::Value::Table(table)
    }

    fn date(date: &DateSpec) -> toml::Value {
        match *date {
            DateSpec::Toml(year, month, day) => toml::Value::Datetime(toml::value::Datetime {
                date: Some(toml::value::Date { year, month, day }),
                time: None,
                offset: None,
            }),
            DateSpec::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}").into(),
            DateSpec::Part(y, m, part) => format!("{y:04}-{m:02}-{part}").into(),
            DateSpec::Month(y, m) => format!("{y:04}-{m:02}").into(),
            DateSpec::Year(y) => format!("{y:04}").into(),
        }
    }

    fn source_id(&self, index: usize) -> toml::Value {
        format!("source-{}", index % self.spec.sources.len()).into()
    }

    fn table(entries: Vec<(&str, Option<toml::Value>)>) -> toml::Value {
        toml::Value::Table(
            entries
                .into_iter()
                .filter_map(|(key, value)| Some((key.to_owned(), value?)))
                .collect(),
        )
    }

    fn write(&self) -> String {
        let spec = self.spec;
        let texts =
            |texts: &[TextSpec]| toml::Value::Array(texts.iter().map(|t| self.text(t)).collect());
        let mut file = toml::Table::new();
        file.insert(
            "dataset".into(),
            Self::table(vec![
                ("id", Some("random".into())),
                ("title", Some(self.text(&spec.title))),
                ("summary", Some(self.text(&spec.summary))),
                ("as_of", Some(Self::date(&spec.as_of))),
                (
                    "languages",
                    Some(toml::Value::Array(
                        spec.languages.iter().map(|&l| l.into()).collect(),
                    )),
                ),
                ("source", spec.source.map(|s| self.source_id(s))),
            ]),
        );
        let sources = spec.sources.iter().enumerate().map(|(index, source)| {
            Self::table(vec![
                ("id", Some(format!("source-{index}").into())),
                ("kind", Some(source.kind.into())),
                ("title", Some(self.text(&source.title))),
                (
                    "publication",
                    source.publication.as_ref().map(|p| self.text(p)),
                ),
                ("date", source.date.as_ref().map(Self::date)),
                ("url", source.url.clone().map(Into::into)),
                (
                    "authors",
                    Some(toml::Value::Array(
                        source
                            .authors
                            .iter()
                            .map(|(name, affiliation)| {
                                Self::table(vec![
                                    ("name", Some(self.text(name))),
                                    ("affiliation", affiliation.as_ref().map(|a| self.text(a))),
                                ])
                            })
                            .collect(),
                    )),
                ),
            ])
        });
        file.insert("sources".into(), toml::Value::Array(sources.collect()));
        let tabs = spec.tabs.iter().enumerate().map(|(index, (_, title))| {
            Self::table(vec![
                ("id", Some(format!("tab-{index}").into())),
                ("title", Some(self.text(title))),
                ("kind", Some(self.tab_kind(index).into())),
            ])
        });
        file.insert("tabs".into(), toml::Value::Array(tabs.collect()));
        let panels = spec.panels.iter().enumerate().map(|(index, panel)| {
            let tab = self.panel_tabs[panel.tab % self.panel_tabs.len()];
            let points = panel.points.iter().map(|point| {
                Self::table(vec![
                    ("text", Some(self.text(&point.text))),
                    ("sub", Some(texts(&point.sub))),
                    ("source", point.source.map(|s| self.source_id(s))),
                    ("quote", point.quote.as_ref().map(|q| self.text(q))),
                ])
            });
            Self::table(vec![
                ("id", Some(format!("panel-{index}").into())),
                ("tab", Some(format!("tab-{tab}").into())),
                ("title", Some(self.text(&panel.title))),
                ("summary", Some(self.text(&panel.summary))),
                ("source", panel.source.map(|s| self.source_id(s))),
                ("points", Some(toml::Value::Array(points.collect()))),
            ])
        });
        file.insert("panels".into(), toml::Value::Array(panels.collect()));
        let indicators = spec
            .indicators
            .iter()
            .enumerate()
            .map(|(index, indicator)| {
                // Each panel at most once.
                let mut panels: Vec<usize> = if spec.panels.is_empty() {
                    Vec::new()
                } else {
                    indicator
                        .panels
                        .iter()
                        .map(|p| p % spec.panels.len())
                        .collect()
                };
                panels.sort_unstable();
                panels.dedup();
                let series = indicator.series.iter().map(|observation| {
                    Self::table(vec![
                        ("date", Some(Self::date(&observation.date))),
                        ("value", Some(observation.value.clone())),
                        ("qualifier", observation.qualifier.map(Into::into)),
                        ("source", observation.source.map(|s| self.source_id(s))),
                        ("quote", observation.quote.as_ref().map(|q| self.text(q))),
                        ("note", observation.note.as_ref().map(|n| self.text(n))),
                    ])
                });
                Self::table(vec![
                    ("id", Some(format!("indicator-{index}").into())),
                    ("label", Some(self.text(&indicator.label))),
                    ("value", Some(indicator.value.clone())),
                    ("qualifier", indicator.qualifier.map(Into::into)),
                    ("unit", Some(self.text(&indicator.unit))),
                    ("as_of", Some(Self::date(&indicator.as_of))),
                    ("source", Some(self.source_id(indicator.source))),
                    ("quote", Some(self.text(&indicator.quote))),
                    ("note", indicator.note.as_ref().map(|n| self.text(n))),
                    ("target", indicator.target.clone()),
                    ("items", Some(texts(&indicator.items))),
                    (
                        "panels",
                        Some(toml::Value::Array(
                            panels.iter().map(|p| format!("panel-{p}").into()).collect(),
                        )),
                    ),
                    ("headline", Some(indicator.headline.into())),
                    ("series", Some(toml::Value::Array(series.collect()))),
                ])
            });
        file.insert(
            "indicators".into(),
            toml::Value::Array(indicators.collect()),
        );
        let events = spec.events.iter().map(|event| {
            Self::table(vec![
                ("date", Some(Self::date(&event.date))),
                ("label", Some(self.text(&event.label))),
                ("source", Some(self.source_id(event.source))),
                ("quote", event.quote.as_ref().map(|q| self.text(q))),
                ("note", event.note.as_ref().map(|n| self.text(n))),
            ])
        });
        file.insert("events".into(), toml::Value::Array(events.collect()));
        toml::to_string(&file).expect("a table always serialises")
    }

    /// The kind of a tab; when there are panels, the last tab is of kind "panels" if no
    /// other is, so that the panels have somewhere to go.
    fn tab_kind(&self, index: usize) -> &'static str {
        if self.forced_panel_tab() == Some(index) {
            "panels"
        } else {
            self.spec.tabs[index].0
        }
    }

    fn forced_panel_tab(&self) -> Option<usize> {
        let none = !self.spec.tabs.iter().any(|(kind, _)| *kind == "panels");
        (none && !self.spec.panels.is_empty()).then(|| self.spec.tabs.len() - 1)
    }
}

fn dataset_toml(spec: &DatasetSpec) -> String {
    let mut writer = Writer {
        spec,
        panel_tabs: Vec::new(),
    };
    writer.panel_tabs = (0..spec.tabs.len())
        .filter(|&index| writer.tab_kind(index) == "panels")
        .collect();
    writer.write()
}

fn json_of(dataset: &Dataset) -> String {
    let mut out = Vec::new();
    export::write(dataset, Format::Json, Lang::En, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// JSON back to a dataset file: the same tables and keys, less what the export derives
/// (the format version, each tab's panels, each panel's indicators) and the nulls.
fn json_to_toml(value: serde_json::Value) -> Option<toml::Value> {
    use serde_json::Value;
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => toml::Value::Boolean(b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap()),
        },
        Value::String(s) => toml::Value::String(s),
        Value::Array(items) => {
            toml::Value::Array(items.into_iter().filter_map(json_to_toml).collect())
        }
        Value::Object(map) => toml::Value::Table(
            map.into_iter()
                .filter_map(|(key, value)| Some((key, json_to_toml(value)?)))
                .collect(),
        ),
    })
}

fn reimport(json: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    let file = value.as_object_mut().unwrap();
    file.remove("format_version");
    for (table, derived) in [("tabs", "panels"), ("panels", "indicators")] {
        for entry in file[table].as_array_mut().unwrap() {
            entry.as_object_mut().unwrap().remove(derived);
        }
    }
    toml::to_string(&json_to_toml(value).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_valid_datasets_round_trip_through_the_json_export(spec in dataset_spec()) {
        let text = dataset_toml(&spec);
        let dataset = dataset::parse("random.toml", &text)
            .unwrap_or_else(|error| panic!("{}\n{text}", error.render_report(false)));
        prop_assert_eq!(dataset.indicators.len(), spec.indicators.len());
        prop_assert_eq!(dataset.events.len(), spec.events.len());
        for (indicator, expected) in dataset.indicators.iter().zip(&spec.indicators) {
            let expected = match &expected.value {
                toml::Value::Integer(i) => *i as f64,
                toml::Value::Float(f) => *f,
                other => unreachable!("{other}"),
            };
            prop_assert_eq!(indicator.figure.value.to_bits(), expected.to_bits());
        }
        let json = json_of(&dataset);
        prop_assert!(!json.chars().any(is_forbidden), "{json}");
        let again = dataset::parse("reimported.toml", &reimport(&json))
            .unwrap_or_else(|error| panic!("{}", error.render_report(false)));
        prop_assert_eq!(json_of(&again), json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random figures — zero and negative targets, values far past their target, one
    /// observation or none, equal ones, the largest floats — in every view at any size.
    #[test]
    fn random_valid_datasets_draw_at_any_size(
        spec in dataset_spec(),
        lang in prop::sample::select(vec![Lang::Zh, Lang::En]),
        (width, height) in size(),
    ) {
        let dataset = Arc::new(dataset::parse("random.toml", &dataset_toml(&spec)).unwrap());
        let mut app = App::new(dataset, lang, today(), Size::new(width, height));
        for tab in 0..app.dataset.tabs.len() {
            update(&mut app, Action::GoToTab(tab));
            headless::draw(&app, width, height);
            update(&mut app, Action::Open);
            headless::draw(&app, width, height);
            update(&mut app, Action::Back);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The loader on anything.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(error) = dataset::parse("random", &String::from_utf8_lossy(&bytes)) {
            assert_error_is_printable(&error);
        }
    }

    #[test]
    fn random_toml_like_text_never_panics_the_loader(
        text in "([\\[\\]{}=\".,a-z0-9 \\n#'\\\\]|\u{1b}|\u{202e}){0,200}",
    ) {
        if let Err(error) = dataset::parse("random", &text) {
            assert_error_is_printable(&error);
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    DuplicateLine { at: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            prop_oneof![hostile_string(), "[\\[\\]{}=\",.#\\n]{1,4}"]
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        any::<usize>().prop_map(|at| Mutation::DuplicateLine { at }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &mut String, mutation: &Mutation) {
    match mutation {
        Mutation::Delete { at, len } => {
            let start = floor_boundary(text, *at);
            let end = floor_boundary(text, (start + len).min(text.len()));
            text.replace_range(start..end, "");
        }
        Mutation::Insert { at, text: inserted } => {
            let at = floor_boundary(text, *at);
            text.insert_str(at, inserted);
        }
        Mutation::DuplicateLine { at } => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            if !lines.is_empty() {
                let line = lines[at % lines.len()];
                lines.insert(at % lines.len(), line);
            }
            *text = lines.concat();
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            if !lines.is_empty() {
                let count = lines.len();
                lines.swap(a % count, b % count);
            }
            *text = lines.concat();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn mangled_shipped_datasets_never_panic_the_loader_or_the_view(
        builtin in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let mut text = builtin.get(BUILTINS).toml.to_owned();
        for mutation in &mutations {
            mutate(&mut text, mutation);
        }
        match dataset::parse("mangled", &text) {
            Ok(dataset) => {
                let app = App::new(Arc::new(dataset), Lang::Zh, today(), Size::new(80, 24));
                headless::draw(&app, 80, 24);
            }
            Err(error) => assert_error_is_printable(&error),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Keys, mouse and resizes on the dashboard.

#[derive(Debug, Clone)]
enum Input {
    Event(Event),
    Resize(u16, u16),
}

fn key() -> impl Strategy<Value = Key> {
    let code = prop_oneof![
        prop::char::range(' ', '~').prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ]),
    ];
    let modifiers = prop::sample::select(vec![Modifiers::NONE, Modifiers::SHIFT, Modifiers::CTRL]);
    (code, modifiers).prop_map(|(code, modifiers)| Key::new(code, modifiers))
}

/// Sizes, with extra weight on the edges: nothing at all, one cell, and around the
/// smallest size the dashboard lays out (ui::MIN_WIDTH × ui::MIN_HEIGHT), where the
/// layouts are tightest.
fn size() -> impl Strategy<Value = (u16, u16)> {
    let (min_width, min_height) = (bri_dash::ui::MIN_WIDTH, bri_dash::ui::MIN_HEIGHT);
    prop_oneof![
        Just((0, 0)),
        Just((1, 1)),
        (0u16..=3, 0u16..=3),
        (
            min_width - 2..=min_width + 4,
            min_height - 2..=min_height + 4
        ),
        (20u16..=300, 5u16..=100),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    let point = || (0u16..320, 0u16..110);
    prop_oneof![
        6 => key().prop_map(|key| Input::Event(Event::Key(key))),
        2 => point().prop_map(|(column, row)| Input::Event(Event::Click { column, row })),
        1 => Just(Input::Event(Event::ScrollUp)),
        1 => Just(Input::Event(Event::ScrollDown)),
        1 => size().prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

/// The shipped datasets and the hostile ones that stretch the view most, loaded once.
static DATASETS: LazyLock<Vec<Arc<Dataset>>> = LazyLock::new(|| {
    let mut all: Vec<Arc<Dataset>> = BUILTINS
        .iter()
        .map(|builtin| Arc::new(dataset::load_builtin(builtin).unwrap()))
        .collect();
    for name in [
        "combining-10000-in-label",
        "long-label",
        "extreme-numbers",
        "c0-controls-in-every-string",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/hostile/{name}.toml"));
        all.push(Arc::new(
            dataset::load_file(&path, DEFAULT_MAX_BYTES).unwrap(),
        ));
    }
    all
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_keys_clicks_and_resizes_never_panic_update_or_draw(
        which in any::<prop::sample::Index>(),
        lang in prop::sample::select(vec![Lang::Zh, Lang::En]),
        (width, height) in size(),
        inputs in prop::collection::vec(input(), 1..30),
    ) {
        let dataset = Arc::clone(which.get(&DATASETS));
        let mut app = App::new(dataset, lang, today(), Size::new(width, height));
        let (mut width, mut height) = (width, height);
        let mut layout = headless::draw_with_layout(&app, width, height).1;
        for input in inputs {
            let action = match input {
                Input::Event(event) => input::action(&app, &layout, event),
                Input::Resize(w, h) => {
                    (width, height) = (w, h);
                    Some(Action::Resize { width: w, height: h })
                }
            };
            if let Some(action) = action {
                update(&mut app, action);
            }
            layout = headless::draw_with_layout(&app, width, height).1;
        }
        // Whatever state the inputs left, every tab is drawn in it at the final size.
        for tab in 0..app.dataset.tabs.len() {
            update(&mut app, Action::GoToTab(tab));
            headless::draw(&app, width, height);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Country datasets: any countries of the reference, any facts, drawn at any size, zoom and
// year, with any keys of the map and the table.

/// A valid dataset of `countries` (indices into the reference) with facts of an event kind
/// and a value kind at `facts` (country, year, value), and a map and a table tab.
fn country_toml(countries: &[usize], facts: &[(usize, u16, f64)]) -> String {
    let reference = bri_dash::countries::all();
    let mut codes: Vec<&str> = countries
        .iter()
        .map(|&i| reference[i % reference.len()].code)
        .collect();
    codes.sort();
    codes.dedup();
    let mut text = String::from(
        "[dataset]\nid = \"random\"\ntitle = { zh = \"随机\", en = \"Random\" }\nsummary = { zh = \"测试\", en = \"Test\" }\nas_of = \"2024\"\nlanguages = [\"zh\", \"en\"]\nsource = \"s\"\n\n[[sources]]\nid = \"s\"\nkind = \"official\"\ntitle = { zh = \"来源\", en = \"Source\" }\n\n[[tabs]]\nid = \"map\"\ntitle = { zh = \"地图\", en = \"Map\" }\nkind = \"map\"\n\n[[tabs]]\nid = \"table\"\ntitle = { zh = \"表\", en = \"Table\" }\nkind = \"countries\"\n\n[[fact_kinds]]\nid = \"signed\"\nlabel = { zh = \"签署\", en = \"Signed\" }\nkind = \"event\"\n\n[[fact_kinds]]\nid = \"trade\"\nlabel = { zh = \"贸易\", en = \"Trade\" }\nkind = \"value\"\nunit = { zh = \"元\", en = \"yuan\" }\n",
    );
    for code in &codes {
        text.push_str(&format!("\n[[countries]]\ncode = \"{code}\"\n"));
    }
    let mut seen = std::collections::HashSet::new();
    for &(country, year, value) in facts {
        let Some(code) = codes.get(country % codes.len().max(1)) else {
            continue;
        };
        let year = 1990 + year % 40;
        if !seen.insert((code, year)) {
            continue;
        }
        text.push_str(&format!(
            "\n[[country_facts]]\ncountry = \"{code}\"\nfact = \"signed\"\ndate = \"{year}\"\nsource = \"s\"\n\n[[country_facts]]\ncountry = \"{code}\"\nfact = \"trade\"\ndate = \"{year}\"\nvalue = {value:e}\nsource = \"s\"\n"
        ));
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_country_dataset_draws_at_any_size_zoom_and_year(
        countries in prop::collection::vec(0usize..400, 0..40),
        facts in prop::collection::vec((0usize..40, any::<u16>(), prop_oneof![
            Just(0.0), Just(-1.0), Just(1e300), Just(-1e300), Just(5e-324), -1e9f64..1e9,
        ]), 0..60),
        lang in prop::sample::select(vec![Lang::Zh, Lang::En]),
        (width, height) in size(),
        keys in prop::collection::vec(prop::sample::select(vec![
            "+", "+", "-", "m", "M", ",", ".", "s", "S", "b", "f", "x", "Enter", "Esc", "j", "k",
        ]), 0..12),
    ) {
        let text = country_toml(&countries, &facts);
        let dataset = Arc::new(dataset::parse("random.toml", &text).unwrap());
        let mut app = App::new(dataset, lang, today(), Size::new(width, height));
        for tab in 0..app.dataset.tabs.len() {
            update(&mut app, Action::GoToTab(tab));
            headless::draw(&app, width, height);
            for key in &keys {
                let event = Event::Key(crate::common::key(key));
                if let Some(action) = input::action(&app, &crate::common::layout(&app), event) {
                    update(&mut app, action);
                }
                headless::draw(&app, width, height);
            }
        }
    }
}
