//! The country dimension of the format: a dataset with countries loads into the model the
//! map and the table read, and every mistake in it is reported with its place.

use bri_dash::countries;
use bri_dash::dataset::{FactClass, Lang, Shown, TabKind, load_file, parse};
use bri_dash::files::textfile::DEFAULT_MAX_BYTES;

use crate::loading::fixture;

fn base() -> String {
    std::fs::read_to_string(fixture("valid/countries.toml")).unwrap()
}

#[test]
fn countries_facts_and_breakdowns_load() {
    let dataset = load_file(&fixture("valid/countries.toml"), DEFAULT_MAX_BYTES).unwrap();
    let codes: Vec<&str> = dataset.countries.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["PAK", "CHL", "RUS"]);
    let pak = dataset.country_by_code("PAK").unwrap();
    let chl = dataset.country_by_code("CHL").unwrap();
    assert_eq!(
        dataset.countries[pak].name.zh, "巴基斯坦",
        "the reference's name"
    );
    assert_eq!(
        dataset.countries[chl].name.en, "Chile",
        "the dataset's override"
    );
    assert_eq!(dataset.countries[pak].region, Some(countries::Region::Asia));
    let reference = countries::by_code("PAK").unwrap().id;
    assert_eq!(dataset.country_by_reference(reference), Some(pak));

    let mou = dataset.fact_kind("ecommerce-mou").unwrap();
    let trade = dataset.fact_kind("trade").unwrap();
    assert_eq!(dataset.fact_kinds[trade].class, FactClass::Value);
    assert_eq!(dataset.facts_of(pak).count(), 4);
    let dates: Vec<String> = dataset
        .facts_of_kind(mou)
        .map(|f| f.date.canonical())
        .collect();
    assert_eq!(dates, ["2016-11", "2017-05"], "oldest first");
    let chile_mou = dataset.facts_of(chl).next().unwrap();
    assert_eq!(chile_mou.quote_translated, Some(Lang::En));

    // The conflict of 2019 is kept: two facts, two sources.
    let of_2019: Vec<f64> = dataset
        .facts_of(pak)
        .filter(|f| f.kind == trade && f.date.canonical() == "2019")
        .map(|f| f.figure.unwrap().value)
        .collect();
    assert_eq!(of_2019, [12.0, 15.0]);

    let as_of = |country, kind, year| {
        dataset
            .fact_as_of(country, kind, year)
            .map(|f| f.date.canonical())
    };
    assert_eq!(
        as_of(pak, mou, 2016),
        None,
        "not yet a partner by the end of 2016"
    );
    assert_eq!(as_of(pak, mou, 2020).as_deref(), Some("2017-05"));
    let value_in = |year| {
        dataset
            .fact_as_of(pak, trade, year)
            .map(|f| f.figure.unwrap().value)
    };
    assert_eq!(value_in(2018), None);
    assert_eq!(
        value_in(2020),
        Some(12.0),
        "of a conflict, the file's first"
    );
    assert_eq!(value_in(2030), Some(20.0));
    assert_eq!(dataset.fact_years(trade), [2019, 2021]);

    let partners = dataset
        .indicators
        .iter()
        .position(|i| i.id == "partners")
        .unwrap();
    let breakdown: Vec<(usize, f64)> = dataset
        .breakdown(partners)
        .iter()
        .map(|v| (v.country, v.value))
        .collect();
    assert_eq!(breakdown, [(chl, 1.0), (pak, 1.0)], "in code order");

    assert_eq!(dataset.tabs[0].kind, TabKind::Map);
    assert_eq!(
        dataset.tabs[0].shows,
        [Shown::FactKind(mou), Shown::FactKind(trade)]
    );
    assert_eq!(dataset.tabs[1].kind, TabKind::Countries);
    assert_eq!(
        dataset.tabs[1].shows,
        [Shown::FactKind(mou), Shown::FactKind(trade)],
        "all kinds"
    );
}

/// The dataset with `old` replaced by `new` (once; it must be there), and its first error.
fn first_error(old: &str, new: &str) -> String {
    let text = base();
    assert!(text.contains(old), "{old:?} is not in the fixture");
    let error = parse("countries.toml", &text.replacen(old, new, 1)).unwrap_err();
    error.to_string().lines().next().unwrap().to_owned()
}

#[test]
fn each_country_mistake_is_located() {
    let cases = [
        (
            "code = \"PAK\"",
            "code = \"PKA\"",
            "countries.toml:33:8: unknown country code `PKA`",
        ),
        (
            "country = \"CHL\"",
            "country = \"CNH\"",
            "countries.toml:54:11: unknown country code `CNH`",
        ),
        (
            "country = \"CHL\"",
            "country = \"CHN\"",
            "countries.toml:54:11: country `CHN` is not declared in [[countries]]",
        ),
        (
            "fact = \"ecommerce-mou\"\ndate = \"2017-05\"",
            "fact = \"ecommerce-mu\"\ndate = \"2017-05\"",
            "countries.toml:63:8: unknown fact_kind `ecommerce-mu`",
        ),
        (
            "date = \"2017-05\"\nsource = \"mofcom\"",
            "date = \"2017-05\"\nvalue = 3\nsource = \"mofcom\"",
            "countries.toml:65:9: fact kind `ecommerce-mou` is an event: an event has no value",
        ),
        (
            "date = \"2019\"\nvalue = 15\nqualifier = \"about\"\nsource = \"news\"",
            "date = \"2019\"\nvalue = 15\nqualifier = \"about\"\nsource = \"mofcom\"",
            "countries.toml:77:8: a second `trade` fact for PAK of 2019 from the same source (the first is on line 70)",
        ),
        (
            "source = \"news\"",
            "source = \"newz\"",
            "countries.toml:80:10: unknown source `newz`",
        ),
        (
            "by_country = { PAK = 1, CHL = 1 }",
            "by_country = { PAK = 1, IND = 1 }",
            "countries.toml:98:25: country `IND` is not declared in [[countries]]",
        ),
        (
            "code = \"RUS\"",
            "code = \"PAK\"",
            "countries.toml:40:8: country `PAK` is declared twice (first on line 33)",
        ),
        (
            "shows = [\"ecommerce-mou\", \"trade\"]",
            "shows = [\"ecommerce-mou\", \"partners\", \"trades\"]",
            "countries.toml:25:39: unknown fact_kind `trades`",
        ),
        (
            "kind = \"value\"\nunit = { zh = \"亿元\", en = \"100 million yuan\" }",
            "kind = \"value\"",
            "countries.toml:50:8: a fact kind of kind \"value\" needs a unit",
        ),
    ];
    for (old, new, expected) in cases {
        let first = first_error(old, new);
        assert!(
            first.starts_with(expected),
            "{first:?} should start with {expected:?}"
        );
    }
}

#[test]
fn a_typo_of_a_code_suggests_the_country() {
    let text = base().replacen("country = \"CHL\"", "country = \"CNH\"", 1);
    let report = parse("countries.toml", &text)
        .unwrap_err()
        .render_report(false);
    assert!(
        report.contains("did you mean `CHN` (People's Republic of China)?"),
        "{report}"
    );
    let text = base().replacen(
        "shows = [\"ecommerce-mou\", \"trade\"]",
        "shows = [\"partners\"]",
        1,
    );
    let dataset = parse("countries.toml", &text).unwrap();
    let partners = dataset
        .indicators
        .iter()
        .position(|i| i.id == "partners")
        .unwrap();
    assert_eq!(dataset.tabs[0].shows, [Shown::Indicator(partners)]);
    let text = base().replacen("code = \"PAK\"", "code = \"pak\"", 1);
    let report = parse("countries.toml", &text)
        .unwrap_err()
        .render_report(false);
    assert!(report.contains("codes are upper case: `PAK`"), "{report}");
}

#[test]
fn datasets_without_countries_have_none() {
    let dataset = load_file(&fixture("valid/minimal.toml"), DEFAULT_MAX_BYTES).unwrap();
    assert!(dataset.countries.is_empty() && dataset.fact_kinds.is_empty());
    assert!(dataset.indicators.iter().all(|i| i.by_country.is_empty()));
}
