//! The built-in `silk-road-partners` dataset checked against the tables it was built from:
//! the per-country tables (1A e-commerce, 2A Digital Silk Road, 2B the 2017 initiative,
//! 3B Belt and Road documents, 4A other digital cooperation, 4B the railway) and 1B (the
//! number of e-commerce partners over time) of `shared/data/partner-countries.md`, copied
//! into tests/fixtures/shared/data.
//!
//! Both ways: every country row with a date is one fact (or, in 1B, one observation) of the
//! same country, fact kind, date at the same precision, source page and verbatim quote, and
//! every fact or observation is a row; a row without a date the dataset can state ("not
//! stated", "Dec 2021 – Jan 2022", "2011 / 2019") is absent; a "planned" row is a fact of
//! the planned kind, never a signing; where the page's date is looser than the dataset's
//! form ("end of 2016", "by 2019-04-25", "c. 2023"), the note says what the page wrote.
//! "same as the X row" and "(same quote)" are read as the row they name (or the row above).
//!
//! The dates the tables write in words are read by [`expected_date`], the one place that
//! says how the dataset reads them. Failures name the line of the markdown file.

use std::collections::BTreeSet;
use std::path::Path;

use bri_dash::dataset::{self, Dataset, Text};

const FILE: &str = "tests/fixtures/shared/data/partner-countries.md";

fn partners() -> Dataset {
    let builtin = dataset::builtin("silk-road-partners").expect("a built-in silk-road-partners");
    dataset::load_builtin(builtin).unwrap_or_else(|error| panic!("silk-road-partners: {error}"))
}

/// One row of a table: its line in the file and its cells by header.
struct Row {
    line: usize,
    cells: Vec<(String, String)>,
}

impl Row {
    fn get(&self, header: &str) -> &str {
        self.cells
            .iter()
            .find(|(h, _)| h.starts_with(header))
            .map(|(_, c)| c.as_str())
            .unwrap_or_else(|| panic!("line {}: no column {header}", self.line))
    }
}

/// The rows of the table under the `### ` heading that starts with `heading`.
fn table(heading: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE))
        .unwrap_or_else(|error| panic!("{FILE}: {error}; copy it from shared/data"));
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("### ") && l[4..].starts_with(heading))
        .unwrap_or_else(|| panic!("no table {heading} in {FILE}"));
    let mut table = lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .skip_while(|(_, l)| !l.starts_with('|'));
    let cells = |line: &str| -> Vec<String> {
        let line = line.trim();
        let inner = line
            .strip_prefix('|')
            .and_then(|l| l.strip_suffix('|'))
            .unwrap_or(line);
        inner.split(" | ").map(|c| c.trim().to_owned()).collect()
    };
    let header = cells(table.next().unwrap().1);
    table.next(); // |---|
    table
        .take_while(|(_, l)| l.starts_with('|'))
        .map(|(index, line)| {
            let row = cells(line);
            assert_eq!(
                row.len(),
                header.len(),
                "line {}: {} cells",
                index + 1,
                row.len()
            );
            Row {
                line: index + 1,
                cells: header.iter().cloned().zip(row).collect(),
            }
        })
        .collect()
}

/// The page's URL: the first word of the source cell.
fn url(cell: &str) -> &str {
    cell.split_whitespace().next().unwrap()
}

/// The quote between the cell's outer quotation marks; two sentences `"a" / "b"` read as
/// `a / b`, as the dataset keeps them. `None` for a cell that is not one quote.
fn quote(cell: &str) -> Option<String> {
    let inner = cell.strip_prefix('"').and_then(|c| c.strip_suffix('"'))?;
    Some(inner.replace("\" / \"", " / "))
}

/// Whether "the X row" names this row's country ("the UK row": United Kingdom).
fn names(country: &str, x: &str) -> bool {
    let initials: String = country
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    country.starts_with(x) || initials == x
}

/// A row with its page and quote, "same as …" resolved.
struct Resolved<'r> {
    row: &'r Row,
    page: String,
    quote: Option<String>,
}

fn resolve(rows: &[Row]) -> Vec<Resolved<'_>> {
    let mut done: Vec<Resolved> = Vec::new();
    for row in rows {
        let named_row = |x: &str| done.iter().find(|d| names(d.row.get("country"), x));
        let source = row.get("source");
        // "same as the Germany row" names a row; "same as the row above", "same as above"
        // and "same" the row above.
        let named = source
            .strip_prefix("same as the ")
            .filter(|c| !c.starts_with("row"))
            .and_then(|c| c.split(" row").next());
        let page = match named {
            Some(x) => named_row(x).expect("the row named").page.clone(),
            None if source.starts_with("same") => done.last().expect("a row above").page.clone(),
            None => url(source).to_owned(),
        };
        let cell = row.get("quote");
        let quote = if let Some(x) = cell
            .strip_prefix("(same quote as the ")
            .and_then(|c| c.strip_suffix(" row)"))
        {
            named_row(x).and_then(|d| d.quote.clone())
        } else if cell == "(same quote)" || cell == "(same quotes)" {
            done.last().and_then(|d| d.quote.clone())
        } else {
            quote(cell)
        };
        done.push(Resolved { row, page, quote });
    }
    done
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// The date the dataset gives a row, in its canonical form; `None` when the table gives
/// none the dataset can state (the row must be absent).
fn expected_date(cell: &str) -> Option<String> {
    // Two dates ("2011 / 2019") are two facts the row does not tell apart.
    if cell.contains(" / ") {
        return None;
    }
    let is_date = |word: &str| {
        let parts: Vec<&str> = word.split('-').collect();
        (1..=3).contains(&parts.len())
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    let first = cell.split_whitespace().next()?;
    if is_date(first) {
        return Some(first.to_owned());
    }
    if let Some((_, rest)) = cell.split_once("(published ") {
        return Some(rest.trim_end_matches(')').to_owned());
    }
    let month = |name: &str| MONTHS.iter().position(|m| *m == name).map(|i| i + 1);
    let words: Vec<&str> = cell.split_whitespace().collect();
    match words[..] {
        ["by" | "c.", date] if is_date(date) => Some(date.to_owned()),
        ["by", name, year] => Some(format!("{year}-{:02}", month(name)?)),
        ["end", "of", year] => Some(format!("{year}-12-end")),
        ["late", name, year] => Some(format!("{year}-{:02}-late", month(name)?)),
        [name, year] if month(name).is_some() => Some(format!("{year}-{:02}", month(name)?)),
        // "end of June (year not stated; context suggests 2019)": the year is the file's
        // inference, which the note must carry.
        ["end", "of", name, ..] if cell.contains("context suggests") => Some(format!(
            "{}-{:02}-end",
            cell.trim_end_matches(')').rsplit(' ').next()?,
            month(name)?
        )),
        _ => None,
    }
}

fn both(text: &Text) -> [&str; 2] {
    [&text.zh, &text.en]
}

fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The per-country tables and the fact kind of their rows (1A's depends on the row).
const COUNTRY_TABLES: [(&str, Option<&str>); 6] = [
    ("1A.", None),
    ("2A.", Some("dsr")),
    ("2B.", Some("wic-initiative")),
    ("3B.", Some("bri-document")),
    ("4A.", Some("digital-cooperation")),
    ("4B.", Some("cr-express")),
];

#[test]
fn every_country_row_is_one_fact_and_every_fact_a_row() {
    let dataset = partners();
    let mut failures = Vec::new();
    let mut matched = BTreeSet::new();
    let mut dated_countries = BTreeSet::new();
    for (heading, table_kind) in COUNTRY_TABLES {
        let rows = table(heading);
        for Resolved { row, page, quote } in resolve(&rows) {
            let (code, date_cell) = (row.get("ISO3"), row.get("date"));
            let expected_kind = table_kind.unwrap_or(if date_cell.contains("planned") {
                "ecommerce-planned"
            } else {
                "ecommerce-mou"
            });
            let of_row: Vec<usize> = (0..dataset.country_facts.len())
                .filter(|&i| {
                    let fact = &dataset.country_facts[i];
                    dataset.countries[fact.country].code == code
                        && dataset.fact_kinds[fact.kind].id == expected_kind
                        && dataset.sources[fact.source].url.as_deref() == Some(page.as_str())
                })
                .collect();
            let date = expected_date(date_cell).filter(|_| code != "—");
            let (Some(date), Some(quote)) = (date, quote) else {
                if !of_row.is_empty() {
                    failures.push(format!(
                        "line {}: {code} ({date_cell}) must be absent",
                        row.line
                    ));
                }
                continue;
            };
            dated_countries.insert(code.to_owned());
            let found: Vec<usize> = of_row
                .into_iter()
                .filter(|&i| dataset.country_facts[i].date.canonical() == date)
                .collect();
            let [index] = found[..] else {
                failures.push(format!(
                    "line {}: {code} {expected_kind} {date} from {page}: {} facts, not one",
                    row.line,
                    found.len()
                ));
                continue;
            };
            matched.insert(index);
            let fact = &dataset.country_facts[index];
            let quote_ok = fact
                .quote
                .as_ref()
                .is_some_and(|q| both(q).iter().all(|t| *t == quote));
            if !quote_ok || fact.quote_translated.is_some() {
                failures.push(format!(
                    "line {}: {code}: the quote is not the page's words, untranslated",
                    row.line
                ));
            }
            let note = fact.note.as_ref().map_or("", |n| n.en.as_str());
            if !row.get("note").is_empty() && !note.contains(row.get("note")) {
                failures.push(format!(
                    "line {}: {code}: the note does not carry the file's note",
                    row.line
                ));
            }
            if date_cell != date && !note.contains(date_cell) {
                failures.push(format!(
                    "line {}: {code}: the note does not say the page wrote {date_cell:?}",
                    row.line
                ));
            }
        }
    }
    for (index, fact) in dataset.country_facts.iter().enumerate() {
        if !matched.contains(&index) {
            failures.push(format!(
                "{} {} {} is a fact of no row",
                dataset.countries[fact.country].code,
                dataset.fact_kinds[fact.kind].id,
                fact.date.canonical()
            ));
        }
    }
    report(failures);
    let declared: BTreeSet<String> = dataset.countries.iter().map(|c| c.code.clone()).collect();
    assert_eq!(
        declared, dated_countries,
        "the declared countries are those with a dated row"
    );
}

#[test]
fn every_total_row_is_one_observation_and_the_headline_is_the_latest() {
    let dataset = partners();
    let mut failures = Vec::new();
    let mut seen = 0;
    let mut previous_source = String::new();
    for row in table("1B.") {
        let value_cell = row.get("value");
        let value: f64 = value_cell
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let indicator_id = if value_cell.contains("sourcing bases") {
            "direct-sourcing-bases"
        } else {
            "sre-partners"
        };
        // "same as above" names the page of the row above.
        if row.get("source") != "same as above" {
            previous_source = row.get("source").to_owned();
        }
        let page = url(&previous_source);
        let Some(date) = expected_date(row.get("date")) else {
            failures.push(format!(
                "line {}: no date read from {:?}",
                row.line,
                row.get("date")
            ));
            continue;
        };
        let indicator = dataset
            .indicators
            .iter()
            .find(|i| i.id == indicator_id)
            .unwrap();
        let found: Vec<_> = indicator
            .series
            .iter()
            .filter(|o| {
                o.date.canonical() == date
                    && o.source.and_then(|s| dataset.sources[s].url.as_deref()) == Some(page)
            })
            .collect();
        let [observation] = found[..] else {
            failures.push(format!(
                "line {}: {indicator_id} {date} from {page}: {} observations",
                row.line,
                found.len()
            ));
            continue;
        };
        seen += 1;
        if observation.figure.value != value {
            failures.push(format!(
                "line {}: {} where the table says {value}",
                row.line, observation.figure.value
            ));
        }
        let quote_text = quote(row.get("quote")).expect("a quoted cell");
        if !observation
            .quote
            .as_ref()
            .is_some_and(|q| both(q).iter().all(|t| *t == quote_text))
        {
            failures.push(format!(
                "line {}: the quote is not the page's words",
                row.line
            ));
        }
        let note = observation.note.as_ref().map_or("", |n| n.en.as_str());
        if row.get("date") != date && !note.contains(row.get("date")) {
            failures.push(format!(
                "line {}: the note does not say the page wrote {:?}",
                row.line,
                row.get("date")
            ));
        }
    }
    report(failures);
    let observations: usize = dataset.indicators.iter().map(|i| i.series.len()).sum();
    assert_eq!(observations, seen, "every observation is a row");
    for indicator in &dataset.indicators {
        let latest = indicator.series.last().unwrap();
        assert_eq!(
            (indicator.figure, indicator.as_of),
            (latest.figure, latest.date),
            "{}",
            indicator.id
        );
    }
}

#[test]
fn conflicts_are_kept_side_by_side() {
    let dataset = partners();
    let partners = dataset
        .indicators
        .iter()
        .find(|i| i.id == "sre-partners")
        .unwrap();
    let at = |date: &str| -> Vec<f64> {
        partners
            .series
            .iter()
            .filter(|o| o.date.canonical() == date)
            .map(|o| o.figure.value)
            .collect()
    };
    assert_eq!(at("2022-11-10"), [24.0], "24 in November 2022");
    assert_eq!(
        at("2022-12-end"),
        [30.0, 30.0],
        "and 30 by the end of 2022, from two pages"
    );
    let chile = dataset.country_by_code("CHL").unwrap();
    let mou = dataset.fact_kind("ecommerce-mou").unwrap();
    let chile_mous = dataset.facts_of(chile).filter(|f| f.kind == mou).count();
    assert_eq!(chile_mous, 3, "three pages on Chile's first MoU, all kept");
    assert!(
        dataset.country_by_code("BRA").is_none(),
        "Brazil's undated signing stays absent"
    );
}

#[test]
fn the_map_can_show_the_partners_of_any_year() {
    let dataset = partners();
    let mou = dataset.fact_kind("ecommerce-mou").unwrap();
    let by = |year| {
        (0..dataset.countries.len())
            .filter(|&c| dataset.fact_as_of(c, mou, year).is_some())
            .count()
    };
    // What the table says: the countries with a dated signing in or before the year.
    let rows = table("1A.");
    let signed_by = |year: i32| -> usize {
        rows.iter()
            .filter(|r| !r.get("date").contains("planned"))
            .filter_map(|r| Some((r.get("ISO3"), expected_date(r.get("date"))?)))
            .filter(|(_, date)| date[..4].parse::<i32>().unwrap() <= year)
            .map(|(code, _)| code)
            .collect::<BTreeSet<_>>()
            .len()
    };
    for year in 2015..=2026 {
        assert_eq!(by(year), signed_by(year), "partners by the end of {year}");
    }
    assert_eq!(by(2015), 0, "none before Chile's first in 2016");
    for country in &dataset.countries {
        assert!(
            bri_dash::countries::shape_of(country.reference).is_some(),
            "{} is on the map",
            country.code
        );
    }
}
