//! The built-in `bri-connectivity` dataset checked, figure by figure, against the tables it
//! was built from: `shared/data/connectivity-facts.md`, beside the repository (as in CI).
//!
//! The test reads the tables with a small markdown reader and the dataset through the
//! library, and checks, both ways:
//!
//! - every row with a figure is an observation of the indicator its table feeds, with the
//!   same date at the same precision, value, qualifier and source page; every observation
//!   of those indicators is a row (no figure made up); a row without a figure has no
//!   observation (gaps stay gaps); two rows for one date are both kept, from two sources;
//! - each indicator's headline figure is its latest observation;
//! - every quote the tables give is in the dataset word for word, and an observation whose
//!   row gives no quote carries none;
//! - the remarks of the tables (growth rates, a later page's figure, the 100,000th train's
//!   other date) are carried in the notes, and each source page is one source, with the
//!   date and agency the tables name;
//! - each timeline event is a row of its date and page, with that row's quote and numbers.
//!
//! "reached" in the tables is read as at least, as the dataset reads it. A quote counts in
//! either language (the other is a translation); one in a third language (Japanese) is
//! kept in the observation's note. Another page's figure given in a note without naming
//! the page (2022 cross-border e-commerce, 2.11) cannot be a sourced observation, so it
//! must be told in the note of the row's observation instead.
//!
//! Where the tables give no sentence for a figure (the cross-border e-commerce and forum
//! tables), the dataset's headline must say that no quote is recorded (`quote_missing`,
//! with the one fixed reason [`NO_QUOTE_REASON_EN`]) rather than quote a sentence nobody
//! wrote.
//!
//! Failures name the line of the markdown file, the row, and what differs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bri_dash::dataset::{
    self, Dataset, FuzzyDate, Indicator, Lang, MonthPart, Observation, Precision, Qualifier, Quote,
    Text,
};
use chrono::Datelike;

const FACTS_FILE: &str = "connectivity-facts.md";

/// Why the dataset has no quote where the tables record no sentence (`quote_missing`).
const NO_QUOTE_REASON_EN: &str = "the reference notes record only the page's figure";
const NO_QUOTE_REASON_ZH: &str = "参考资料只记下了该页的数字";

// ---------------------------------------------------------------------------------------
// Which table feeds which indicator.
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum Column {
    /// The date of the row (`2019-03 (end)`, `2023-10-18 (third)`).
    Date,
    /// A figure of `indicator`. `unit`: the unit the table states (in its heading, or in
    /// the cell when `unit_in_cell`: `USD 97.2 bn`), which must be the indicator's.
    Figure {
        indicator: &'static str,
        unit: Option<&'static str>,
        unit_in_cell: bool,
        /// The table's unit in the dataset's: money is recorded in base units (dollars,
        /// yuan), so "USD 97.2 bn" is 97.2e9.
        scale: f64,
    },
    /// exact, rounded, more than, reached, no figure found… with remarks in brackets.
    Qualifier,
    /// One page or several separated by `;`, each with optional remarks in brackets; may
    /// end in `: quote`.
    Source,
    /// The sentence that states the figure, with optional remarks in brackets at the end.
    Quote,
    /// Remarks; `another page: 2.11` gives another page's figure.
    Note,
}

struct TableSpec {
    /// A part of the `## ` heading that names exactly one table.
    heading: &'static str,
    /// The header cells, in order, and what each column is.
    columns: &'static [(&'static str, Column)],
}

const fn figure(indicator: &'static str) -> Column {
    Column::Figure {
        indicator,
        unit: None,
        unit_in_cell: false,
        scale: 1.0,
    }
}

const TABLES: &[TableSpec] = &[
    TableSpec {
        heading: "trains run per year",
        columns: &[
            ("year", Column::Date),
            ("trains", figure("cr-express-trains-per-year")),
            ("qualifier", Column::Qualifier),
            ("source page", Column::Source),
            ("quote", Column::Quote),
        ],
    },
    TableSpec {
        heading: "cumulative trains",
        columns: &[
            ("date", Column::Date),
            ("trains", figure("cr-express-cumulative-trains")),
            ("qualifier", Column::Qualifier),
            ("source page", Column::Source),
            ("quote", Column::Quote),
        ],
    },
    TableSpec {
        heading: "\"Silk Road E-commerce\"",
        columns: &[
            ("date", Column::Date),
            ("countries", figure("silk-road-ecommerce-partners")),
            ("qualifier", Column::Qualifier),
            ("source page", Column::Source),
            ("quote", Column::Quote),
        ],
    },
    TableSpec {
        heading: "\"Digital Silk Road\" MoUs",
        columns: &[
            ("date", Column::Date),
            ("countries", figure("dsr-mou-countries")),
            ("source page", Column::Source),
            ("quote", Column::Quote),
        ],
    },
    TableSpec {
        heading: "cooperation documents",
        columns: &[
            ("date", Column::Date),
            ("documents", figure("cooperation-documents")),
            ("partner countries", figure("cooperation-partner-countries")),
            (
                "international organisations",
                figure("cooperation-international-organisations"),
            ),
            ("source page", Column::Source),
        ],
    },
    TableSpec {
        heading: "cross-border e-commerce imports and exports (RMB trillion)",
        columns: &[
            ("year", Column::Date),
            (
                "value",
                Column::Figure {
                    indicator: "cross-border-ecommerce-value",
                    unit: Some("RMB trillion"),
                    unit_in_cell: false,
                    scale: 1e12,
                },
            ),
            ("note", Column::Note),
            ("source page", Column::Source),
        ],
    },
    TableSpec {
        heading: "Belt and Road Forums",
        columns: &[
            ("forum", Column::Date),
            ("outcomes", figure("forum-outcomes")),
            (
                "deals",
                Column::Figure {
                    indicator: "forum-deals-usd-bn",
                    unit: Some("USD bn"),
                    unit_in_cell: true,
                    scale: 1e9,
                },
            ),
            ("source page", Column::Source),
        ],
    },
];

/// News agencies whose name in a page's remark must be in the source's publication.
const AGENCIES: &[&str] = &["Xinhua", "China Daily", "People's Daily"];

// ---------------------------------------------------------------------------------------
// Reading the files.
// ---------------------------------------------------------------------------------------

/// The copies of what this test reads from `shared/` (beside the repository), kept in the
/// fixtures so that a plain clone passes; `.ci/run`, which has `shared/` beside it, fails
/// when a copy differs from its original.
fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shared")
}

fn facts_text() -> String {
    let path = shared_dir().join("data").join(FACTS_FILE);
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read {}: {error}\n\
             The bri-connectivity dataset is checked against the tables of \
             shared/data/{FACTS_FILE}, copied into tests/fixtures/shared/.",
            path.display()
        )
    })
}

fn seed_text() -> String {
    let dir = shared_dir().join("seed");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|error| {
        panic!(
            "cannot read {}: {error}\nThe seed article is copied from shared/seed into tests/fixtures/shared/seed.",
            dir.display()
        )
    });
    let mut text = String::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_file() {
            text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
    text
}

fn connectivity() -> Dataset {
    let builtin =
        dataset::builtin("bri-connectivity").expect("a built-in bri-connectivity dataset");
    dataset::load_builtin(builtin).unwrap_or_else(|error| panic!("bri-connectivity: {error}"))
}

// ---------------------------------------------------------------------------------------
// A tolerant markdown table reader.
// ---------------------------------------------------------------------------------------

struct MdTable {
    heading: String,
    line: usize,
    header: Vec<String>,
    rows: Vec<MdRow>,
}

struct MdRow {
    line: usize,
    text: String,
    cells: Vec<String>,
}

fn split_row(line: &str) -> Vec<String> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner
        .split('|')
        .map(|cell| cell.trim().to_owned())
        .collect()
}

fn is_separator(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|cell| !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | ':' | ' ')))
}

fn read_tables(text: &str) -> Vec<MdTable> {
    let mut tables: Vec<MdTable> = Vec::new();
    let mut heading = String::new();
    let mut in_table = false;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(title) = trimmed.strip_prefix("## ") {
            heading = title.trim().to_owned();
            in_table = false;
        } else if !trimmed.starts_with('|') {
            in_table = false;
        } else if !in_table {
            tables.push(MdTable {
                heading: heading.clone(),
                line: index + 1,
                header: split_row(trimmed),
                rows: Vec::new(),
            });
            in_table = true;
        } else {
            let table = tables.last_mut().expect("a table was started");
            let cells = split_row(trimmed);
            if !(table.rows.is_empty() && is_separator(&cells)) {
                table.rows.push(MdRow {
                    line: index + 1,
                    text: trimmed.to_owned(),
                    cells,
                });
            }
        }
    }
    tables
}

// ---------------------------------------------------------------------------------------
// Cells.
// ---------------------------------------------------------------------------------------

fn is_gap_mark(text: &str) -> bool {
    matches!(text.trim(), "—" | "–" | "-" | "")
}

/// Splits `main (remark)` into its parts; the remark is the text of the last bracket pair
/// when the text ends with `)`.
fn split_remark(text: &str) -> (&str, Option<&str>) {
    let text = text.trim();
    if text.ends_with(')')
        && let Some(open) = text.rfind(" (")
    {
        return (text[..open].trim(), Some(&text[open + 2..text.len() - 1]));
    }
    if text.starts_with('(') && text.ends_with(')') {
        return ("", Some(&text[1..text.len() - 1]));
    }
    (text, None)
}

/// A number written with thousands separators (`1,702`, `2.63`), or in 万 (`1.5万`); the
/// number must be the whole text.
fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    if let Some(wan) = text.strip_suffix('万') {
        // Exact decimal arithmetic: 1.9万 is 19000, not 18999.999….
        let (whole, fraction) = wan.split_once('.').unwrap_or((wan, ""));
        if whole.is_empty()
            || fraction.len() > 4
            || !whole
                .chars()
                .chain(fraction.chars())
                .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let digits: u64 = format!("{whole}{fraction}").parse().ok()?;
        return Some((digits * 10u64.pow(4 - fraction.len() as u32)) as f64);
    }
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    let well_formed = !plain.is_empty()
        && plain.chars().all(|c| c.is_ascii_digit() || c == '.')
        && plain.starts_with(|c: char| c.is_ascii_digit())
        && text
            .split('.')
            .next()
            .is_some_and(|whole| whole.split(',').skip(1).all(|group| group.len() == 3));
    well_formed.then(|| plain.parse().ok()).flatten()
}

/// The words before a number that qualify it, in the tables' English or Chinese.
const VALUE_PREFIXES: &[(&str, Qualifier)] = &[
    ("more than ", Qualifier::MoreThan),
    ("about ", Qualifier::About),
    ("at least ", Qualifier::AtLeast),
    ("fewer than ", Qualifier::FewerThan),
    ("超", Qualifier::MoreThan),
    ("约", Qualifier::About),
];

struct ValueCell {
    value: f64,
    /// From words in the cell (`more than 200`), if any.
    qualifier: Option<Qualifier>,
    remark: Option<String>,
}

/// `1,702`, `more than 200`, `1 (Chile, the first)`, `more than USD 64 bn`; `None` for "—".
fn parse_value_cell(cell: &str, unit_in_cell: Option<&str>) -> Result<Option<ValueCell>, String> {
    if is_gap_mark(cell) {
        return Ok(None);
    }
    let (main, remark) = split_remark(cell);
    let mut rest = main;
    let mut qualifier = None;
    for (prefix, q) in VALUE_PREFIXES {
        if let Some(after) = rest.strip_prefix(prefix) {
            qualifier = Some(*q);
            rest = after.trim();
            break;
        }
    }
    if let Some(unit) = unit_in_cell {
        let (before, after) = unit.split_once(' ').unwrap_or((unit, ""));
        rest = rest
            .strip_prefix(before)
            .and_then(|r| r.strip_suffix(after))
            .map(str::trim)
            .ok_or_else(|| format!("expected a figure in {unit} (`{before} 12.3 {after}`)"))?;
    }
    let value = parse_number(rest).ok_or_else(|| format!("`{rest}` is not a number"))?;
    Ok(Some(ValueCell {
        value,
        qualifier,
        remark: remark.map(str::to_owned),
    }))
}

enum QualifierCell {
    Figure {
        qualifier: Qualifier,
        conflict: bool,
        /// The figure as the source writes it, in 万 (`rounded (1.5万)`).
        wan: Option<f64>,
        remark: Option<String>,
    },
    NoFigure {
        remark: Option<String>,
    },
}

/// The words of the qualifier column. "reached" is read as at least, as the dataset reads it.
fn parse_qualifier_cell(cell: &str) -> Result<QualifierCell, String> {
    let (main, remark) = split_remark(cell);
    let main = main.to_lowercase();
    if main.starts_with("no ") && main.ends_with("figure found") {
        return Ok(QualifierCell::NoFigure {
            remark: remark.map(str::to_owned),
        });
    }
    let qualifier = match main.as_str() {
        "exact" => Qualifier::Exact,
        "rounded" | "about" => Qualifier::About,
        "more than" => Qualifier::MoreThan,
        "reached" | "at least" => Qualifier::AtLeast,
        "fewer than" => Qualifier::FewerThan,
        other => return Err(format!("unknown qualifier `{other}`")),
    };
    let (mut conflict, mut wan, mut other) = (false, None, None);
    match remark {
        Some("conflict") => conflict = true,
        Some(text) if text.contains('万') => {
            let (number, _) = strip_value_prefix(text);
            wan = Some(parse_number(number).ok_or_else(|| format!("`{text}` is not a number"))?);
        }
        Some(text) => other = Some(text.to_owned()),
        None => {}
    }
    Ok(QualifierCell::Figure {
        qualifier,
        conflict,
        wan,
        remark: other,
    })
}

fn strip_value_prefix(text: &str) -> (&str, Option<Qualifier>) {
    for (prefix, q) in VALUE_PREFIXES {
        if let Some(after) = text.strip_prefix(prefix) {
            return (after.trim(), Some(*q));
        }
    }
    (text, None)
}

/// `2016`, `2018-08-26`, `2019-03 (end)`, `2023-10-18 (third)`: the date, and a label
/// such as `third`.
fn parse_date_cell(cell: &str) -> Result<(FuzzyDate, Option<String>), String> {
    let (main, remark) = split_remark(cell);
    let (text, label) = match remark {
        Some(part @ ("early" | "mid" | "late" | "end")) => (format!("{main}-{part}"), None),
        Some(label) => (main.to_owned(), Some(label.to_owned())),
        None => (main.to_owned(), None),
    };
    let date = FuzzyDate::parse(&text).ok_or_else(|| format!("`{text}` is not a date"))?;
    Ok((date, label))
}

#[derive(Clone, Debug, PartialEq)]
enum Page {
    /// Host and path, no scheme: `bj.crntt.com/doc/7_0_106938238_1.html`.
    Url(String),
    /// "the seed article (shared/seed)".
    Seed,
}

impl Page {
    fn describe(&self) -> String {
        match self {
            Page::Url(url) => url.clone(),
            Page::Seed => "the seed article".to_owned(),
        }
    }
}

struct PageCell {
    page: Page,
    remark: Option<String>,
}

struct SourceCell {
    pages: Vec<PageCell>,
    quote: Option<String>,
}

fn parse_source_cell(cell: &str) -> Result<SourceCell, String> {
    let (pages_text, quote) = match cell.split_once("): ") {
        Some((before, quote)) => (format!("{before})"), Some(quote.trim().to_owned())),
        None => (cell.to_owned(), None),
    };
    let mut pages = Vec::new();
    if pages_text.trim().is_empty() {
        // A row without a figure names no page.
        return Ok(SourceCell { pages, quote });
    }
    for piece in pages_text.split(';').map(str::trim) {
        if piece.starts_with("the seed article") {
            pages.push(PageCell {
                page: Page::Seed,
                remark: None,
            });
            continue;
        }
        let (url, remark) = split_remark(piece);
        let host = url.split('/').next().unwrap_or_default();
        if url.contains(char::is_whitespace) || !host.contains('.') {
            return Err(format!("`{piece}` is not a page (host/path)"));
        }
        pages.push(PageCell {
            page: Page::Url(url.trim_end_matches('/').to_owned()),
            remark: remark.map(str::to_owned),
        });
    }
    Ok(SourceCell { pages, quote })
}

/// `quote (remark)`.
fn parse_quote_cell(cell: &str) -> (Option<String>, Option<String>) {
    let (quote, remark) = split_remark(cell);
    let quote = (!quote.is_empty()).then(|| quote.to_owned());
    (quote, remark.map(str::to_owned))
}

/// The figures another page gives, as a note says it: `(another page: 2.11, +9.8%)`.
fn other_pages_figures(note: &str) -> Result<Vec<f64>, String> {
    let mut figures = Vec::new();
    for (index, _) in note.match_indices("page: ") {
        let after = &note[index + "page: ".len()..];
        let number: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            .collect();
        let number = number.trim_end_matches([',', '.']);
        figures.push(
            parse_number(number).ok_or_else(|| format!("no figure after `page: ` in `{note}`"))?,
        );
    }
    Ok(figures)
}

/// The numbers a remark states (`+31.1%` → `31.1`, `100,000th` → `100,000`,
/// `2024-11-20`).
fn numbers_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '.' | '-')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            numbers.push(chars[start..i].iter().collect());
        } else {
            i += 1;
        }
    }
    numbers
}

// ---------------------------------------------------------------------------------------
// The tables as expectations.
// ---------------------------------------------------------------------------------------

/// Where a row is, for messages: `connectivity-facts.md:17, table "…": | 2020 | … |`.
#[derive(Clone)]
struct At {
    line: usize,
    table: String,
    row: String,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{FACTS_FILE}:{} (table \"{}\")\n      row: {}",
            self.line, self.table, self.row
        )
    }
}

/// A figure a row states, which must be an observation.
struct Expected {
    at: At,
    /// Rows are numbered across the file, to find the rows of one date.
    row_id: usize,
    indicator: &'static str,
    date: FuzzyDate,
    value: f64,
    qualifier: Qualifier,
    /// Any of these pages.
    pages: Vec<Page>,
    quote: Option<String>,
    /// `third` of `2023-10-18 (third)`: must be in the observation's note.
    label: Option<String>,
    conflict: bool,
}

/// A row without a figure: the indicator has no observation at that date.
struct Gap {
    at: At,
    indicator: &'static str,
    date: FuzzyDate,
}

/// Another page's figure given in a note without naming the page: it cannot be an
/// observation with a source, so it must be told in the row's observation's note.
struct Unnamed {
    at: At,
    indicator: &'static str,
    date: FuzzyDate,
    value: f64,
}

/// Remarks of a row, whose numbers must be carried by the dataset.
struct Remark {
    at: At,
    row_id: usize,
    indicators: Vec<&'static str>,
    text: String,
}

/// A page's remark: `(Xinhua, 2019-01-19)`.
struct PageRemark {
    at: At,
    page: Page,
    text: String,
}

#[derive(Default)]
struct Facts {
    expected: Vec<Expected>,
    gaps: Vec<Gap>,
    unnamed: Vec<Unnamed>,
    remarks: Vec<Remark>,
    page_remarks: Vec<PageRemark>,
    /// Every page named, for the sources check.
    pages: Vec<(At, Page)>,
    /// Every indicator some table feeds.
    indicators: BTreeSet<&'static str>,
}

fn facts() -> Facts {
    let text = facts_text();
    let tables = read_tables(&text);
    let mut facts = Facts::default();
    let mut problems = Vec::new();
    let mut row_id = 0;

    for table in &tables {
        let specs: Vec<&TableSpec> = TABLES
            .iter()
            .filter(|spec| table.heading.contains(spec.heading))
            .collect();
        if specs.len() != 1 {
            problems.push(format!(
                "{FACTS_FILE}:{}: the table under \"{}\" is not one this test knows: every table \
                 must be checked against the indicator it feeds (add it to TABLES)",
                table.line, table.heading
            ));
        }
    }

    for spec in TABLES {
        let found: Vec<&MdTable> = tables
            .iter()
            .filter(|table| table.heading.contains(spec.heading))
            .collect();
        let [table] = found.as_slice() else {
            problems.push(format!(
                "{FACTS_FILE}: expected one table under a heading containing \"{}\", found {}",
                spec.heading,
                found.len()
            ));
            continue;
        };
        let header: Vec<&str> = spec.columns.iter().map(|(name, _)| *name).collect();
        if table.header != header {
            problems.push(format!(
                "{FACTS_FILE}:{} (table \"{}\"): columns {:?}, expected {:?}",
                table.line, table.heading, table.header, header
            ));
            continue;
        }
        if table.rows.is_empty() {
            problems.push(format!(
                "{FACTS_FILE}:{} (table \"{}\"): no rows",
                table.line, table.heading
            ));
        }
        for (_, column) in spec.columns {
            if let Column::Figure { indicator, .. } = column {
                facts.indicators.insert(*indicator);
            }
        }
        for row in &table.rows {
            row_id += 1;
            let at = At {
                line: row.line,
                table: table.heading.clone(),
                row: row.text.clone(),
            };
            if let Err(problem) = read_row(spec, row, row_id, &at, &mut facts) {
                problems.push(format!("{at}\n      {problem}"));
            }
        }
    }

    // A row marked as a conflict has a twin: another row of the same date and indicator.
    for expected in facts.expected.iter().filter(|e| e.conflict) {
        let twins = facts
            .expected
            .iter()
            .filter(|other| {
                other.indicator == expected.indicator
                    && other.date.canonical() == expected.date.canonical()
                    && other.row_id != expected.row_id
            })
            .count();
        if twins == 0 {
            problems.push(format!(
                "{}\n      marked as a conflict, but no other row has the date {}",
                expected.at,
                expected.date.canonical()
            ));
        }
    }

    assert!(
        problems.is_empty(),
        "{FACTS_FILE} is not in the form this test reads:\n\n{}",
        problems.join("\n\n")
    );
    facts
}

/// The cell of the first column that `wanted` accepts.
fn column_cell<'r>(
    spec: &TableSpec,
    row: &'r MdRow,
    wanted: fn(&Column) -> bool,
) -> Option<&'r str> {
    spec.columns
        .iter()
        .zip(&row.cells)
        .find(|((_, column), _)| wanted(column))
        .map(|(_, cell)| cell.as_str())
}

fn read_row(
    spec: &TableSpec,
    row: &MdRow,
    row_id: usize,
    at: &At,
    facts: &mut Facts,
) -> Result<(), String> {
    if row.cells.len() != spec.columns.len() {
        return Err(format!(
            "{} cells, expected {}",
            row.cells.len(),
            spec.columns.len()
        ));
    }
    let cell = |wanted: fn(&Column) -> bool| column_cell(spec, row, wanted);
    let (date, label) =
        parse_date_cell(cell(|c| matches!(c, Column::Date)).expect("a date column"))?;
    let source =
        parse_source_cell(cell(|c| matches!(c, Column::Source)).expect("a source column"))?;
    let qualifier_cell = cell(|c| matches!(c, Column::Qualifier))
        .map(parse_qualifier_cell)
        .transpose()?;
    let (quote_column, quote_remark) = cell(|c| matches!(c, Column::Quote))
        .map(parse_quote_cell)
        .unwrap_or_default();
    if quote_column.is_some() && source.quote.is_some() {
        return Err("a quote in both the quote and the source column".to_owned());
    }
    let quote = quote_column.or(source.quote.clone());
    let note = cell(|c| matches!(c, Column::Note)).filter(|note| !is_gap_mark(note));
    let others = note
        .map(other_pages_figures)
        .transpose()?
        .unwrap_or_default();

    let figures: Vec<(&'static str, Option<&'static str>, bool, f64, &str)> = spec
        .columns
        .iter()
        .zip(&row.cells)
        .filter_map(|((_, column), cell)| match *column {
            Column::Figure {
                indicator,
                unit,
                unit_in_cell,
                scale,
            } => Some((indicator, unit, unit_in_cell, scale, cell.as_str())),
            _ => None,
        })
        .collect();
    if !others.is_empty() && figures.len() != 1 {
        return Err("another page's figure in a table of several figures".to_owned());
    }

    let pages: Vec<Page> = source.pages.iter().map(|p| p.page.clone()).collect();
    for page in &source.pages {
        facts.pages.push((at.clone(), page.page.clone()));
        if let Some(remark) = &page.remark {
            facts.page_remarks.push(PageRemark {
                at: at.clone(),
                page: page.page.clone(),
                text: remark.clone(),
            });
        }
    }
    // With figures of other pages, the row's own figure is from its first page and the
    // n-th other figure from page n + 1 ("a later page: 2.71" with two pages).
    let own_pages = if others.is_empty() {
        pages.clone()
    } else {
        pages.iter().take(1).cloned().collect()
    };

    let mut remarks: Vec<String> = Vec::new();
    remarks.extend(quote_remark);
    remarks.extend(note.map(str::to_owned));
    let mut has_figure = false;
    for (indicator, unit, unit_in_cell, scale, text) in &figures {
        let value = parse_value_cell(text, unit.filter(|_| *unit_in_cell))?.map(|mut value| {
            value.value *= scale;
            value
        });
        if let Some(unit) = unit
            && !unit_in_cell
            && !at.table.contains(&format!("({unit})"))
        {
            return Err(format!("the heading does not state the unit ({unit})"));
        }
        let Some(value) = value else {
            if let Some(QualifierCell::Figure { .. }) = qualifier_cell {
                return Err("no figure, but a qualifier".to_owned());
            }
            facts.gaps.push(Gap {
                at: at.clone(),
                indicator,
                date,
            });
            continue;
        };
        has_figure = true;
        remarks.extend(value.remark);
        let (qualifier, conflict) = match &qualifier_cell {
            None => (value.qualifier.unwrap_or(Qualifier::Exact), false),
            Some(QualifierCell::NoFigure { .. }) => {
                return Err("a figure, but the qualifier says there is none".to_owned());
            }
            Some(QualifierCell::Figure {
                qualifier,
                conflict,
                wan,
                remark,
            }) => {
                if value.qualifier.is_some_and(|q| q != *qualifier) {
                    return Err("the figure's words and the qualifier column disagree".to_owned());
                }
                if let Some(wan) = wan
                    && !same_value(*wan, value.value)
                {
                    return Err(format!(
                        "the figure {} and its form in 万 ({wan}) disagree",
                        value.value
                    ));
                }
                remarks.extend(remark.clone());
                (*qualifier, *conflict)
            }
        };
        facts.expected.push(Expected {
            at: at.clone(),
            row_id,
            indicator,
            date,
            value: value.value,
            qualifier,
            pages: own_pages.clone(),
            quote: quote.clone(),
            label: label.clone(),
            conflict,
        });
        for (index, other) in others.iter().enumerate() {
            match pages.get(index + 1) {
                Some(page) => facts.expected.push(Expected {
                    at: at.clone(),
                    row_id,
                    indicator,
                    date,
                    value: *other * scale,
                    qualifier: Qualifier::Exact,
                    pages: vec![page.clone()],
                    quote: None,
                    label: label.clone(),
                    conflict: false,
                }),
                None => facts.unnamed.push(Unnamed {
                    at: at.clone(),
                    indicator,
                    date,
                    // As the table writes it: a note tells it in words.
                    value: *other,
                }),
            }
        }
    }
    if let Some(QualifierCell::NoFigure { remark }) = &qualifier_cell {
        remarks.extend(remark.clone());
    }
    if !has_figure && (quote.is_some() || !others.is_empty()) {
        return Err("a quote or another page's figure, but no figure".to_owned());
    }
    if has_figure && pages.is_empty() {
        return Err("a figure, but no source page".to_owned());
    }
    let indicators: Vec<&'static str> = figures.iter().map(|(indicator, ..)| *indicator).collect();
    for text in remarks {
        facts.remarks.push(Remark {
            at: at.clone(),
            row_id,
            indicators: indicators.clone(),
            text,
        });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Matching rows and observations.
// ---------------------------------------------------------------------------------------

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn qualifier_name(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::FewerThan => "fewer_than",
    }
}

fn strip_scheme(url: &str) -> &str {
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    url.trim_end_matches('/')
}

fn is_page(dataset: &Dataset, source: usize, page: &Page) -> bool {
    let source = &dataset.sources[source];
    match page {
        Page::Url(url) => source.url.as_deref().map(strip_scheme) == Some(url.as_str()),
        Page::Seed => source.id == "seed" && source.url.is_none(),
    }
}

fn describe_source(dataset: &Dataset, source: Option<usize>) -> String {
    match source {
        None => "no source".to_owned(),
        Some(index) => {
            let source = &dataset.sources[index];
            match &source.url {
                Some(url) => format!("source `{}` ({url})", source.id),
                None => format!("source `{}` (no url)", source.id),
            }
        }
    }
}

fn describe(dataset: &Dataset, observation: &Observation) -> String {
    format!(
        "{} = {} {} from {}",
        observation.date.canonical(),
        qualifier_name(observation.figure.qualifier),
        observation.figure.value,
        describe_source(dataset, observation.source)
    )
}

fn describe_expected(expected: &Expected) -> String {
    let pages: Vec<String> = expected.pages.iter().map(Page::describe).collect();
    format!(
        "{} = {} {} from {}",
        expected.date.canonical(),
        qualifier_name(expected.qualifier),
        expected.value,
        pages.join(" or ")
    )
}

fn indicator<'d>(dataset: &'d Dataset, id: &str) -> Option<(usize, &'d Indicator)> {
    dataset
        .indicators
        .iter()
        .enumerate()
        .find(|(_, indicator)| indicator.id == id)
}

/// For each expected figure, the observation (indicator index, observation index) that
/// states it, and the failures: rows with no observation, and observations with no row.
struct Matching {
    observation: Vec<Option<(usize, usize)>>,
    failures: Vec<String>,
}

fn match_rows(dataset: &Dataset, facts: &Facts) -> Matching {
    let mut used: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut observation = Vec::new();
    let mut failures = Vec::new();
    for expected in &facts.expected {
        let Some((index, indicator)) = indicator(dataset, expected.indicator) else {
            failures.push(format!(
                "{}\n      the dataset has no indicator `{}`",
                expected.at, expected.indicator
            ));
            observation.push(None);
            continue;
        };
        let found = indicator.series.iter().enumerate().position(|(i, o)| {
            !used.contains(&(index, i))
                && o.date.canonical() == expected.date.canonical()
                && same_value(o.figure.value, expected.value)
                && o.figure.qualifier == expected.qualifier
                && o.source
                    .is_some_and(|s| expected.pages.iter().any(|page| is_page(dataset, s, page)))
        });
        if let Some(i) = found {
            used.insert((index, i));
            observation.push(Some((index, i)));
            continue;
        }
        observation.push(None);
        let at_date: Vec<String> = indicator
            .series
            .iter()
            .filter(|o| o.date.start().year() == expected.date.start().year())
            .map(|o| format!("\n        {}", describe(dataset, o)))
            .collect();
        let twins: Vec<String> = facts
            .expected
            .iter()
            .filter(|other| {
                other.indicator == expected.indicator
                    && other.row_id != expected.row_id
                    && other.date.canonical() == expected.date.canonical()
            })
            .map(|other| format!("line {}", other.at.line))
            .collect();
        failures.push(format!(
            "{}\n      `{}` has no observation {}{}\n      it has, in that year:{}",
            expected.at,
            expected.indicator,
            describe_expected(expected),
            if twins.is_empty() {
                String::new()
            } else {
                format!(
                    "\n      (the row conflicts with {}: both figures must be kept)",
                    twins.join(", ")
                )
            },
            if at_date.is_empty() {
                " nothing".to_owned()
            } else {
                at_date.concat()
            }
        ));
    }

    for id in &facts.indicators {
        let Some((index, indicator)) = indicator(dataset, id) else {
            continue;
        };
        for (i, o) in indicator.series.iter().enumerate() {
            if !used.contains(&(index, i)) {
                let gap = facts
                    .gaps
                    .iter()
                    .find(|gap| gap.indicator == *id && gap.date.canonical() == o.date.canonical());
                failures.push(match gap {
                    Some(gap) => format!(
                        "{}\n      the row has no figure (a gap), but `{id}` has the observation {}",
                        gap.at,
                        describe(dataset, o)
                    ),
                    None => format!(
                        "`{id}`: the observation {} is in no row of {FACTS_FILE} \
                         (or differs from its row: see above)",
                        describe(dataset, o)
                    ),
                });
            }
        }
    }
    Matching {
        observation,
        failures,
    }
}

fn report(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{what}: {} problem(s)\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The text with every fragment of `quote` between ellipses (`...`, `…`) in it, in order,
/// word for word.
fn contains_verbatim(text: &str, quote: &str) -> bool {
    let mut rest = text;
    for fragment in quote
        .split("...")
        .flat_map(|part| part.split('…'))
        .map(str::trim)
        .filter(|fragment| !fragment.is_empty())
    {
        match rest.find(fragment) {
            Some(at) => rest = &rest[at + fragment.len()..],
            None => return false,
        }
    }
    true
}

fn texts(text: Option<&Text>) -> impl Iterator<Item = &str> {
    text.into_iter().flat_map(Text::all)
}

// ---------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------

#[test]
fn the_indicators_are_those_the_tables_feed() {
    let dataset = connectivity();
    let facts = facts();
    let in_dataset: BTreeSet<&str> = dataset.indicators.iter().map(|i| i.id.as_str()).collect();
    let from_tables: BTreeSet<&str> = facts.indicators.iter().copied().collect();
    let missing: Vec<&&str> = from_tables.difference(&in_dataset).collect();
    let unknown: Vec<&&str> = in_dataset.difference(&from_tables).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "indicators fed by a table of {FACTS_FILE} but missing from the dataset: {missing:?}\n\
         indicators of the dataset that no table feeds: {unknown:?}"
    );
}

#[test]
fn every_row_is_an_observation_and_every_observation_a_row() {
    let dataset = connectivity();
    let facts = facts();
    let matching = match_rows(&dataset, &facts);
    let mut failures = matching.failures;

    for gap in &facts.gaps {
        // Reported by match_rows when the observation is there; also catch a gap filled
        // at another precision of the same period (2019-12 for the year 2019).
        if let Some((_, indicator)) = indicator(&dataset, gap.indicator) {
            for o in &indicator.series {
                let within = o.date.start() >= gap.date.start()
                    && o.date.canonical().starts_with(&gap.date.canonical())
                    && o.date.canonical() != gap.date.canonical();
                if within {
                    failures.push(format!(
                        "{}\n      the row has no figure (a gap), but `{}` has the observation {} within it",
                        gap.at,
                        gap.indicator,
                        describe(&dataset, o)
                    ));
                }
            }
        }
    }

    // The row's label (`third` of the third forum) is in its observation's note.
    for (expected, found) in facts.expected.iter().zip(&matching.observation) {
        let (Some(label), Some((i, o))) = (&expected.label, found) else {
            continue;
        };
        let o = &dataset.indicators[*i].series[*o];
        let note = o
            .note
            .as_ref()
            .map(|n| n.en.to_lowercase())
            .unwrap_or_default();
        if !note.contains(&label.to_lowercase()) {
            failures.push(format!(
                "{}\n      the row says \"{label}\", but the note of {} does not: {:?}",
                expected.at,
                describe(&dataset, o),
                o.note.as_ref().map(|n| &n.en)
            ));
        }
    }

    // Every observation has a source, and two observations of one date are from two.
    for id in &facts.indicators {
        let Some((_, indicator)) = indicator(&dataset, id) else {
            continue;
        };
        for (i, a) in indicator.series.iter().enumerate() {
            if a.source.is_none() {
                failures.push(format!(
                    "`{id}`: the observation {} has no source",
                    describe(&dataset, a)
                ));
            }
            for b in &indicator.series[i + 1..] {
                if a.date.canonical() == b.date.canonical() && a.source == b.source {
                    failures.push(format!(
                        "`{id}`: two observations of {} from one source: {} and {}",
                        a.date.canonical(),
                        describe(&dataset, a),
                        describe(&dataset, b)
                    ));
                }
            }
        }
    }

    // Another page's figure with no page named is told in the note of the row's figure.
    for unnamed in &facts.unnamed {
        let Some((_, indicator)) = indicator(&dataset, unnamed.indicator) else {
            continue;
        };
        let number = unnamed.value.to_string();
        let told = indicator
            .series
            .iter()
            .filter(|o| o.date.canonical() == unnamed.date.canonical())
            .any(|o| texts(o.note.as_ref()).any(|t| t.contains(&number)));
        if !told {
            failures.push(format!(
                "{}\n      another page's figure {number} (no page named) is in no note of `{}` at {}",
                unnamed.at,
                unnamed.indicator,
                unnamed.date.canonical()
            ));
        }
    }

    report(
        &format!("the bri-connectivity series against the tables of {FACTS_FILE}"),
        &failures,
    );
}

#[test]
fn every_headline_is_the_latest_observation() {
    let dataset = connectivity();
    let mut failures = Vec::new();
    let mut latest_of_all: Option<FuzzyDate> = None;
    for indicator in &dataset.indicators {
        let Some(latest) = indicator.series.iter().map(|o| o.date).max() else {
            failures.push(format!("`{}` has no series", indicator.id));
            continue;
        };
        latest_of_all = latest_of_all.max(Some(latest));
        let last: Vec<&Observation> = indicator
            .series
            .iter()
            .filter(|o| o.date.canonical() == latest.canonical())
            .collect();
        let headline = format!(
            "{} = {} {} from {}",
            indicator.as_of.canonical(),
            qualifier_name(indicator.figure.qualifier),
            indicator.figure.value,
            describe_source(&dataset, Some(indicator.source))
        );
        let same = last.iter().find(|o| {
            indicator.as_of.canonical() == o.date.canonical()
                && same_value(indicator.figure.value, o.figure.value)
                && indicator.figure.qualifier == o.figure.qualifier
                && o.source == Some(indicator.source)
        });
        let Some(same) = same else {
            let last: Vec<String> = last.iter().map(|o| describe(&dataset, o)).collect();
            failures.push(format!(
                "`{}`: the headline {headline} is not the latest observation: {}",
                indicator.id,
                last.join("; ")
            ));
            continue;
        };
        let reason = Text {
            zh: NO_QUOTE_REASON_ZH.to_owned(),
            en: NO_QUOTE_REASON_EN.to_owned(),
        };
        match (&same.quote, &indicator.quote) {
            (Some(quote), Quote::Words(words)) if quote != words => failures.push(format!(
                "`{}`: the headline quote {words:?} is not the latest observation's {quote:?}",
                indicator.id
            )),
            (Some(_), Quote::Words(_)) if same.quote_translated != indicator.quote_translated => {
                failures.push(format!(
                    "`{}`: the headline quote is the latest observation's, but marks {:?} as \
                     our translation where the observation marks {:?}",
                    indicator.id, indicator.quote_translated, same.quote_translated
                ))
            }
            (Some(quote), Quote::Missing(_)) => failures.push(format!(
                "`{}`: the headline says no quote is recorded, but the latest observation \
                 quotes {quote:?}",
                indicator.id
            )),
            // The tables give no sentence for this figure: the headline says so, with the
            // one reason, rather than quoting a sentence nobody wrote.
            (None, quote) if *quote != Quote::Missing(reason.clone()) => {
                failures.push(format!(
                    "`{}`: the latest observation has no quote (the tables give none), so the \
                     headline must be `quote_missing` = {NO_QUOTE_REASON_EN:?} / \
                     {NO_QUOTE_REASON_ZH:?}, not {quote:?}",
                    indicator.id
                ));
            }
            _ => {}
        }
    }
    if let Some(latest) = latest_of_all
        && dataset.meta.as_of.canonical() != latest.canonical()
    {
        failures.push(format!(
            "the dataset's as_of is {}, but its latest observation is of {}",
            dataset.meta.as_of.canonical(),
            latest.canonical()
        ));
    }
    report("headline figures of bri-connectivity", &failures);
}

#[test]
fn every_quote_of_the_tables_is_in_the_dataset_word_for_word() {
    let dataset = connectivity();
    let facts = facts();
    let matching = match_rows(&dataset, &facts);
    let mut failures = Vec::new();
    for (expected, found) in facts.expected.iter().zip(&matching.observation) {
        let Some((i, o)) = *found else {
            if expected.quote.is_some() {
                failures.push(format!(
                    "{}\n      the row's quote has no observation to be in (see \
                     every_row_is_an_observation_and_every_observation_a_row)",
                    expected.at
                ));
            }
            continue;
        };
        let indicator = &dataset.indicators[i];
        let o = &indicator.series[o];
        let Some(quote) = &expected.quote else {
            if let Some(invented) = &o.quote {
                failures.push(format!(
                    "{}\n      the row gives no quote, but the observation {} quotes {:?}",
                    expected.at,
                    describe(&dataset, o),
                    invented
                ));
            }
            continue;
        };
        // The observation's quote (in either language) or note (a quote in a third
        // language, Japanese, is kept in a note), or, for the headline observation, the
        // indicator's quote or note.
        let headline = o.date.canonical() == indicator.as_of.canonical();
        let mut places = texts(o.quote.as_ref())
            .chain(texts(o.note.as_ref()))
            .chain(texts(match &indicator.quote {
                Quote::Words(words) if headline => Some(words),
                _ => None,
            }))
            .chain(texts(headline.then_some(indicator.note.as_ref()).flatten()));
        if !places.any(|text| contains_verbatim(text, quote)) {
            failures.push(format!(
                "{}\n      the quote {quote:?} is not, word for word, in the observation {}\n      \
                 its quote: {:?}\n      its note: {:?}",
                expected.at,
                describe(&dataset, o),
                o.quote,
                o.note
            ));
        }
        // The language whose text holds the row's words is the page's; the other is our
        // translation and must be marked so (a page in a third language, quoted in a note,
        // leaves both ours and nothing marked).
        let original = o.quote.as_ref().and_then(|text| {
            Lang::ALL
                .into_iter()
                .find(|&lang| contains_verbatim(text.get(lang), quote))
        });
        if o.quote_translated != original.map(Lang::other) {
            failures.push(format!(
                "{}\n      the observation {} quotes the page in {:?}, so its quote_translated \
                 must be {:?}, not {:?}",
                expected.at,
                describe(&dataset, o),
                original,
                original.map(Lang::other),
                o.quote_translated
            ));
        }
    }
    report(
        &format!("quotes of {FACTS_FILE} in bri-connectivity"),
        &failures,
    );
}

#[test]
fn every_remark_of_the_tables_is_carried() {
    let dataset = connectivity();
    let facts = facts();
    let matching = match_rows(&dataset, &facts);
    let mut failures = Vec::new();
    for remark in &facts.remarks {
        // The row's observations (their notes and values), the indicators' notes, and the
        // points of the panels that show them.
        let observations: Vec<&Observation> = facts
            .expected
            .iter()
            .zip(&matching.observation)
            .filter(|(expected, _)| expected.row_id == remark.row_id)
            .filter_map(|(_, found)| *found)
            .map(|(i, o)| &dataset.indicators[i].series[o])
            .collect();
        let indicators: Vec<&Indicator> = remark
            .indicators
            .iter()
            .filter_map(|id| indicator(&dataset, id).map(|(_, i)| i))
            .collect();
        let mut places: Vec<&str> = observations
            .iter()
            .flat_map(|o| texts(o.note.as_ref()))
            .collect();
        for indicator in &indicators {
            places.extend(texts(indicator.note.as_ref()));
            for &panel in &indicator.panels {
                for point in &dataset.panels[panel].points {
                    places.extend(point.text.all());
                    places.extend(point.sub.iter().flat_map(Text::all));
                }
            }
        }
        for number in numbers_in(&remark.text) {
            let as_value = parse_number(&number);
            let carried = places.iter().any(|place| place.contains(&number))
                || as_value
                    .is_some_and(|v| observations.iter().any(|o| same_value(o.figure.value, v)));
            if !carried {
                failures.push(format!(
                    "{}\n      the remark \"{}\" states {number}, which is in no note of the row's \
                     observations, of {:?}, nor in a point of their panels",
                    remark.at, remark.text, remark.indicators
                ));
            }
        }
    }
    report(
        &format!("remarks of {FACTS_FILE} in bri-connectivity"),
        &failures,
    );
}

#[test]
fn every_page_is_one_source_with_its_date_and_agency() {
    let dataset = connectivity();
    let facts = facts();
    let mut failures = Vec::new();
    for (at, page) in &facts.pages {
        let sources: Vec<usize> = (0..dataset.sources.len())
            .filter(|&s| is_page(&dataset, s, page))
            .collect();
        if sources.len() != 1 {
            failures.push(format!(
                "{at}\n      the page {} is {} sources of the dataset, expected one",
                page.describe(),
                sources.len()
            ));
        }
    }
    for remark in &facts.page_remarks {
        let Some(source) = (0..dataset.sources.len())
            .find(|&s| is_page(&dataset, s, &remark.page))
            .map(|s| &dataset.sources[s])
        else {
            continue;
        };
        for date in numbers_in(&remark.text)
            .into_iter()
            .filter(|n| FuzzyDate::parse(n).is_some_and(|d| d.precision() == Precision::Day))
        {
            let actual = source.date.map(|d| d.canonical());
            if actual.as_deref() != Some(date.as_str()) {
                failures.push(format!(
                    "{}\n      the page {} is dated {date}, but the source `{}` has the date {:?}",
                    remark.at,
                    remark.page.describe(),
                    source.id,
                    actual
                ));
            }
        }
        for agency in AGENCIES.iter().filter(|a| remark.text.contains(**a)) {
            let publication = source.publication.as_ref().map(|p| p.en.as_str());
            if !publication.is_some_and(|p| p.contains(agency)) {
                failures.push(format!(
                    "{}\n      the page {} is {agency}'s text, but the source `{}` has the publication {:?}",
                    remark.at,
                    remark.page.describe(),
                    source.id,
                    publication
                ));
            }
        }
    }
    // The seed article is the one in shared/seed.
    if facts.pages.iter().any(|(_, page)| *page == Page::Seed) {
        let seed = seed_text();
        if let Some(source) = dataset.sources.iter().find(|s| s.id == "seed")
            && !seed.contains(&source.title.zh)
        {
            failures.push(format!(
                "the source `seed` is titled {:?}, which is not the title of the article in shared/seed",
                source.title.zh
            ));
        }
    }
    // No source the tables do not name (a page may be named in a remark).
    let text = facts_text();
    for source in &dataset.sources {
        if let Some(url) = &source.url
            && !text.contains(strip_scheme(url))
        {
            failures.push(format!(
                "the source `{}` ({url}) is a page {FACTS_FILE} does not name",
                source.id
            ));
        }
    }
    report(
        &format!("source pages of {FACTS_FILE} in bri-connectivity"),
        &failures,
    );
}

/// Each timeline event is a row: a row of its date from its source page, whose quote it
/// quotes (and none if the row gives none), and whose text holds every number the
/// event's English label and note state.
#[test]
fn every_event_is_a_row() {
    let dataset = connectivity();
    let facts = facts();
    let mut failures = Vec::new();
    for event in &dataset.events {
        let what = format!(
            "the event {} \"{}\" from {}",
            event.date.canonical(),
            event.label.en,
            describe_source(&dataset, Some(event.source))
        );
        let rows: Vec<&Expected> = facts
            .expected
            .iter()
            .filter(|row| {
                row.date.canonical() == event.date.canonical()
                    && row
                        .pages
                        .iter()
                        .any(|page| is_page(&dataset, event.source, page))
            })
            .collect();
        if rows.is_empty() {
            failures.push(format!(
                "{what} is in no row of {FACTS_FILE} (no row of that date from that page)"
            ));
            continue;
        }
        let lines: Vec<String> = rows.iter().map(|row| row.at.line.to_string()).collect();
        let lines = lines.join(", ");
        if let Some(quote) = &event.quote {
            let row_quotes: Vec<&String> =
                rows.iter().filter_map(|row| row.quote.as_ref()).collect();
            if row_quotes.is_empty() {
                failures.push(format!(
                    "{what} quotes {quote:?}, but its row ({FACTS_FILE}:{lines}) gives no quote"
                ));
            } else if let Some(original) = Lang::ALL.into_iter().find(|&lang| {
                row_quotes
                    .iter()
                    .any(|q| contains_verbatim(quote.get(lang), q))
            }) {
                // The page's language is the source's; the other is our translation.
                if event.quote_translated != Some(original.other()) {
                    failures.push(format!(
                        "{what} quotes the page in {original:?}, so its quote_translated must \
                         be {:?}, not {:?}",
                        original.other(),
                        event.quote_translated
                    ));
                }
            } else {
                failures.push(format!(
                    "{what} quotes {quote:?}, which is not, word for word, its row's quote {row_quotes:?} \
                     ({FACTS_FILE}:{lines})"
                ));
            }
        }
        let stated = numbers_in(&event.label.en)
            .into_iter()
            .chain(event.note.iter().flat_map(|note| numbers_in(&note.en)));
        for number in stated {
            if !rows.iter().any(|row| row.at.row.contains(&number)) {
                failures.push(format!(
                    "{what} states {number}, which is not in its row ({FACTS_FILE}:{lines})"
                ));
            }
        }
    }
    report(
        &format!("timeline events of bri-connectivity against {FACTS_FILE}"),
        &failures,
    );
}

/// The reader itself, on the forms the tables use.
#[test]
fn the_table_reader_reads_the_forms_of_the_tables() {
    assert_eq!(parse_number("1,702"), Some(1702.0));
    assert_eq!(parse_number("2.63"), Some(2.63));
    assert_eq!(parse_number("1.9万"), Some(19000.0));
    assert_eq!(parse_number("17,00"), None);
    assert_eq!(parse_number("12 406"), None);
    let (date, label) = parse_date_cell("2019-03 (end)").unwrap();
    assert_eq!((date.canonical().as_str(), label), ("2019-03-end", None));
    assert_eq!(date.precision(), Precision::PartOfMonth(MonthPart::End));
    let (date, label) = parse_date_cell("2023-10-18 (third)").unwrap();
    assert_eq!(date.canonical(), "2023-10-18");
    assert_eq!(label.as_deref(), Some("third"));
    assert!(parse_date_cell("2023-13").is_err());

    let value = parse_value_cell("more than USD 64 bn", Some("USD bn"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (value.value, value.qualifier),
        (64.0, Some(Qualifier::MoreThan))
    );
    let value = parse_value_cell("1 (Chile, the first)", None)
        .unwrap()
        .unwrap();
    assert_eq!(
        (value.value, value.remark.as_deref()),
        (1.0, Some("Chile, the first"))
    );
    assert!(parse_value_cell("—", None).unwrap().is_none());
    let value = parse_value_cell("超1.7万", None).unwrap().unwrap();
    assert_eq!(
        (value.value, value.qualifier),
        (17000.0, Some(Qualifier::MoreThan))
    );

    match parse_qualifier_cell("rounded (1.5万)").unwrap() {
        QualifierCell::Figure { qualifier, wan, .. } => {
            assert_eq!((qualifier, wan), (Qualifier::About, Some(15000.0)));
        }
        QualifierCell::NoFigure { .. } => panic!("a figure"),
    }
    assert!(matches!(
        parse_qualifier_cell("no full-year figure found (Jan–Nov 2022: 15,162, x.com)").unwrap(),
        QualifierCell::NoFigure { remark: Some(_) }
    ));
    assert!(matches!(
        parse_qualifier_cell("reached").unwrap(),
        QualifierCell::Figure {
            qualifier: Qualifier::AtLeast,
            ..
        }
    ));
    assert!(parse_qualifier_cell("roughly").is_err());

    let source = parse_source_cell("a.com/x (Xinhua, 2019-01-19) ; b.cn/y/").unwrap();
    assert_eq!(source.pages.len(), 2);
    assert_eq!(source.pages[1].page, Page::Url("b.cn/y".to_owned()));
    let source = parse_source_cell("m.a.com//p.html (Xinhua on a paper): 签署了200多份").unwrap();
    assert_eq!(source.quote.as_deref(), Some("签署了200多份"));
    assert_eq!(
        parse_source_cell("the seed article (shared/seed)")
            .unwrap()
            .pages[0]
            .page,
        Page::Seed
    );

    assert_eq!(
        parse_quote_cell("A record 12,400 ... trips (1.14 million TEU)"),
        (
            Some("A record 12,400 ... trips".to_owned()),
            Some("1.14 million TEU".to_owned())
        )
    );
    assert!(contains_verbatim(
        "xx A record 12,400 new trips",
        "A record 12,400 ... trips"
    ));
    assert!(contains_verbatim(
        "由1702列增加到超1.7万列",
        "…增加到超1.7万列"
    ));
    assert!(!contains_verbatim(
        "trips A record 12,400",
        "A record 12,400 ... trips"
    ));
    assert_eq!(
        other_pages_figures("+7.1% (another page: 2.11, +9.8%)").unwrap(),
        vec![2.11]
    );
    assert_eq!(
        numbers_in("+10.8%, dates the 100,000th train 2024-11-20."),
        vec!["10.8", "100,000", "2024-11-20"]
    );
}
