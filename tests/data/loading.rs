//! Loading and validation: every shipped dataset is valid, and every kind of mistake is
//! reported with the line and column where it is.

use std::path::Path;

use bri_dash::dataset::{self, BUILTINS, Lang, Precision, load_file};
use bri_dash::files::diagnostic::FileError;
use bri_dash::files::textfile::DEFAULT_MAX_BYTES;

pub(crate) fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn error_of(name: &str) -> FileError {
    match load_file(&fixture(name), DEFAULT_MAX_BYTES) {
        Ok(_) => panic!("{name} should be rejected"),
        Err(error) => error,
    }
}

#[test]
fn every_builtin_dataset_is_valid() {
    for builtin in BUILTINS {
        let dataset =
            dataset::load_builtin(builtin).unwrap_or_else(|e| panic!("{}: {e}", builtin.name));
        assert!(
            !dataset.indicators.is_empty(),
            "{} has no indicators",
            builtin.name
        );
        for indicator in &dataset.indicators {
            assert!(
                !indicator.quote.zh.is_empty() && !indicator.quote.en.is_empty(),
                "{} lacks a quote",
                indicator.id
            );
        }
    }
}

/// A source is cited by whatever it backs: a figure, a point of a series, a panel, a
/// point, an event or a country fact. Every source of the built-in datasets backs
/// something, and the series points of connectivity count (18 of its sources back only
/// points: they said "cited 0 times").
#[test]
fn every_source_of_the_builtin_datasets_is_cited_by_what_it_backs() {
    for builtin in BUILTINS {
        let dataset = dataset::load_builtin(builtin).unwrap();
        for (index, source) in dataset.sources.iter().enumerate() {
            assert!(
                !dataset.citations[index].is_empty(),
                "{}: source `{}` is cited by nothing",
                builtin.name,
                source.id
            );
        }
    }
    let connectivity =
        dataset::load_builtin(dataset::builtin("bri-connectivity").unwrap()).unwrap();
    let by_points_only = connectivity
        .citations
        .iter()
        .filter(|citers| {
            citers
                .iter()
                .all(|citer| matches!(citer, dataset::Citer::Observation(..)))
        })
        .count();
    assert!(by_points_only >= 10, "{by_points_only}");
}

#[test]
fn the_main_dataset_has_the_figures_of_the_seed() {
    let dataset =
        dataset::load_builtin(dataset::builtin(dataset::DEFAULT_BUILTIN).unwrap()).unwrap();
    let value = |id: &str| {
        dataset
            .indicators
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("no indicator {id}"))
    };
    let mou = value("dsr-mou-countries");
    assert_eq!(mou.figure.value, 20.0);
    assert!(
        matches!(mou.as_of.precision(), Precision::PartOfMonth(_)),
        "mid-October, not a made-up day"
    );
    assert_eq!(value("cross-border-land-cables").figure.value, 130.0);
    assert_eq!(value("cooperation-initiatives").items.len(), 3);
    assert_eq!(value("eight-actions").figure.value, 8.0);
    assert_eq!(value("eight-actions").items.len(), 5);
    assert_eq!(value("years-since-proposal").figure.value, 10.0);

    let panels_of = |tab: &str| {
        dataset
            .tabs
            .iter()
            .find(|t| t.id == tab)
            .unwrap()
            .panels
            .len()
    };
    assert_eq!(
        (
            panels_of("achievements"),
            panels_of("outlook"),
            panels_of("actions")
        ),
        (3, 4, 5)
    );

    // Every Chinese quote is the article's own words.
    // (A copy of shared/seed, checked against it by .ci/run.)
    let seed = std::fs::read_to_string(fixture("shared/seed/000_aeb844f2ba35a293.txt"))
        .expect("the seed article is copied into tests/fixtures/shared/seed");
    for indicator in &dataset.indicators {
        assert!(
            seed.contains(indicator.quote.get(Lang::Zh)),
            "quote of {} is not in the article",
            indicator.id
        );
        // So the English is ours, and says so wherever it is shown.
        assert_eq!(
            indicator.quote_translated,
            Some(Lang::En),
            "quote of {} is the article's in Chinese: its English is our translation",
            indicator.id
        );
        for observation in indicator.series.iter().filter(|o| o.quote.is_some()) {
            assert_eq!(
                observation.quote_translated,
                Some(Lang::En),
                "{}",
                indicator.id
            );
        }
    }
    // And so is the English of every point's and event's quote.
    let points = dataset.panels.iter().flat_map(|panel| &panel.points);
    for (quote, translated) in points.map(|p| (&p.quote, p.quote_translated)).chain(
        dataset
            .events
            .iter()
            .map(|e| (&e.quote, e.quote_translated)),
    ) {
        if let Some(quote) = quote {
            assert!(seed.contains(&quote.zh), "{quote:?} is not in the article");
            assert_eq!(translated, Some(Lang::En), "{quote:?}");
        }
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let dataset = load_file(&fixture("valid/minimal.toml"), DEFAULT_MAX_BYTES).unwrap();
    assert_eq!(dataset.panels[0].indicators, vec![0]);
    assert_eq!(dataset.tabs[1].panels, vec![0]);
}

/// Each invalid fixture, the location and the words its first error must have.
const CASES: &[(&str, &str, &str)] = &[
    (
        "syntax-error.toml",
        "3:24",
        "missing comma between key-value pairs",
    ),
    (
        "wrong-type.toml",
        "37:9",
        "expected a number for the value; found the string \"twenty\"",
    ),
    ("missing-field.toml", "34:1", "missing field `unit`"),
    ("unknown-key.toml", "5:1", "unknown field `as_off`"),
    (
        "duplicate-id.toml",
        "51:6",
        "duplicate source id `seed` (first defined on line 10)",
    ),
    ("dangling-reference.toml", "7:10", "unknown source `sede`"),
    ("invalid-date.toml", "46:8", "expected a date"),
    (
        "non-finite-number.toml",
        "37:9",
        "expected a finite number for the value; found NaN",
    ),
    (
        "missing-translation.toml",
        "36:9",
        "missing English text for the indicator label",
    ),
    (
        "wrong-tab-kind.toml",
        "26:7",
        "tab `overview` is of kind \"overview\"",
    ),
    ("unknown-language.toml", "6:20", "unknown language `fr`"),
    ("empty.toml", "1:1", "missing field `dataset`"),
];

#[test]
fn each_error_kind_names_file_line_and_column() {
    for (name, location, words) in CASES {
        let error = error_of(&format!("invalid/{name}"));
        let first = error.to_string().lines().next().unwrap().to_owned();
        let expected_start = format!(
            "{}:{location}: ",
            fixture(&format!("invalid/{name}")).display()
        );
        assert!(
            first.starts_with(&expected_start),
            "{name}: {first:?} should start with {expected_start:?}"
        );
        assert!(
            first.contains(words),
            "{name}: {first:?} should say {words:?}"
        );
    }
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let error = error_of("invalid/dangling-reference.toml");
    let FileError::Invalid { problems, .. } = &error else {
        panic!("expected invalid data")
    };
    assert_eq!(problems.len(), 3, "{error}");
}

#[test]
fn misspelt_keys_get_a_hint() {
    let error = error_of("invalid/unknown-key.toml");
    assert!(
        error.to_string().contains("help: did you mean `as_of`?"),
        "{error}"
    );
    let error = error_of("invalid/dangling-reference.toml");
    assert!(
        error.to_string().contains("did you mean `seed`?"),
        "{error}"
    );
}

#[test]
fn unreadable_files_say_why() {
    let cases = [
        (
            "invalid/not-utf8.toml",
            "is not valid UTF-8: invalid byte at offset 5 (line 1)",
        ),
        ("does-not-exist.toml", "no such file"),
        ("invalid", "is a directory"),
    ];
    for (name, words) in cases {
        let error = load_file(&fixture(name), DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(error, FileError::Unreadable { .. }), "{name}");
        assert!(error.to_string().contains(words), "{name}: {error}");
    }
}

#[test]
fn a_report_shows_the_line_with_a_caret() {
    let report = error_of("invalid/wrong-type.toml").render_report(false);
    assert!(report.contains("value = \"twenty\""), "{report}");
    assert!(report.contains("^^^^^^^^"), "{report}");
    assert!(report.contains("wrong-type.toml:37:9"), "{report}");
}

/// A generated file with tens of thousands of mistakes: validation and the report are linear
/// in the file (a scan of the file per problem made 30 000 of them take two minutes), and the
/// report spells out the first problems and counts the rest. Under the test runner's
/// timeout, the quadratic version fails this test instead of stalling the suite.
#[test]
fn many_problems_are_found_in_linear_time_and_reported_within_a_bound() {
    let mut text = std::fs::read_to_string(fixture("valid/minimal.toml")).unwrap();
    let bad = 30_000;
    for index in 0..bad {
        text.push_str(&format!(
            "\n[[indicators]]\nid = \"x{index}\"\nlabel = {{ zh = \"标\", en = \"L\" }}\nvalue = 1\nunit = {{ zh = \"个\", en = \"u\" }}\n\
             as_of = \"2023\"\nsource = \"nowhere\"\nquote = {{ zh = \"句\", en = \"q\" }}\n"
        ));
    }
    let error = match dataset::parse("many.toml", &text) {
        Ok(_) => panic!("an unknown source must be rejected"),
        Err(error) => error,
    };
    let FileError::Invalid { problems, .. } = &error else {
        panic!("expected problems, got {error}");
    };
    assert_eq!(problems.len(), bad, "one unknown source per indicator");
    let shown = bri_dash::files::diagnostic::MAX_REPORTED_PROBLEMS;
    let report = error.render_report(false);
    assert_eq!(
        report.matches("error: unknown source").count(),
        shown,
        "{report}"
    );
    assert!(
        report.ends_with("… and 29 950 more problems"),
        "{}",
        &report[report.len().saturating_sub(200)..]
    );
    let listed = error.to_string();
    let located = listed.lines().filter(|line| line.starts_with("many.toml:"));
    assert_eq!(located.count(), shown, "{listed}");
    assert!(
        listed
            .lines()
            .last()
            .unwrap()
            .starts_with("… and 29 950 more")
    );
}

/// 200 000 items made every key in the detail take a second (3.5 million, under the size
/// cap, a minute): the format caps what one indicator lists, with the place of the first
/// one too many, and reads no further.
#[test]
fn an_indicator_with_too_many_items_or_observations_is_refused_where_the_cap_is_passed() {
    let minimal = std::fs::read_to_string(fixture("valid/minimal.toml")).unwrap();
    let item = "{ zh = \"项\", en = \"i\" }";
    let items = vec![item; 200_000].join(", ");
    let text = minimal.replace(
        "headline = true\n",
        &format!("headline = true\nitems = [{items}]\n"),
    );
    let error = match dataset::parse("items.toml", &text) {
        Ok(_) => panic!("200 000 items must be refused"),
        Err(error) => error,
    };
    let listed = error.to_string();
    let line = text[..text.find("items = [").unwrap()].lines().count() + 1;
    // The 1 001st item: after `items = [` and 1 000 items and their commas, in characters.
    let column = "items = [".len() + 1000 * (item.chars().count() + ", ".len()) + 1;
    assert_eq!(
        listed.lines().next().unwrap(),
        format!(
            "items.toml:{line}:{column}: too many items of an indicator: 200000 where at most 1000 are allowed"
        )
    );

    let mut text = minimal.clone();
    for month in 0..10_001 {
        text.push_str(&format!(
            "[[indicators.series]]\ndate = \"{}-{:02}\"\nvalue = 1\n",
            1000 + month / 12,
            month % 12 + 1
        ));
    }
    let error = match dataset::parse("series.toml", &text) {
        Ok(_) => panic!("10 001 observations must be refused"),
        Err(error) => error,
    };
    assert!(
        error
            .to_string()
            .contains("too many observations in a series: 10001 where at most 10000"),
        "{error}"
    );
}

/// Two figures for one date are sources disagreeing only when they are two sources; from
/// one source it is a mistake, located (the dashboard called it "sources disagree").
#[test]
fn one_source_gives_one_figure_per_date() {
    let minimal = std::fs::read_to_string(fixture("valid/minimal.toml")).unwrap();
    let with_series = |series: &str| format!("{minimal}{series}");
    let twice = with_series(
        "[[indicators.series]]\ndate = \"2022\"\nvalue = 1\n\
         [[indicators.series]]\ndate = \"2022\"\nvalue = 2\nsource = \"seed\"\n",
    );
    let error = match dataset::parse("twice.toml", &twice) {
        Ok(_) => panic!("one source, one date, two figures must be refused"),
        Err(error) => error.to_string(),
    };
    let first_line = twice.lines().position(|l| l == "date = \"2022\"").unwrap() + 1;
    assert!(
        error.contains(&format!(
            "a second observation of 2022 from the same source (the first is on line {first_line})"
        )),
        "{error}"
    );

    let two_sources = with_series(
        "[[sources]]\nid = \"other\"\nkind = \"article\"\ntitle = { zh = \"另一\", en = \"Other\" }\n\n\
         [[indicators]]\nid = \"b\"\nlabel = { zh = \"乙\", en = \"B\" }\nvalue = 1\n\
         unit = { zh = \"个\", en = \"u\" }\nas_of = \"2023\"\nsource = \"seed\"\n\
         quote = { zh = \"句\", en = \"q\" }\n\
         [[indicators.series]]\ndate = \"2022\"\nvalue = 1\n\
         [[indicators.series]]\ndate = \"2022\"\nvalue = 2\nsource = \"other\"\n",
    );
    let dataset = dataset::parse("two.toml", &two_sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        dataset.indicators[1].series.len(),
        2,
        "both kept, side by side"
    );
}
