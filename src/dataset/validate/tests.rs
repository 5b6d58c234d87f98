//! Checks of the validator that, before these, only the integration tests reached: each
//! cut from the minimal fixture with one mistake, the problem read at its place.

use super::validate;
use crate::files::diagnostic::Problem;

const MINIMAL: &str = include_str!("../../../tests/fixtures/valid/minimal.toml");

/// The minimal fixture with `from` (which must occur once) replaced by `to`, validated.
fn validate_edited(from: &str, to: &str) -> (String, Result<(), Vec<Problem>>) {
    assert_eq!(MINIMAL.matches(from).count(), 1, "`{from}` must occur once");
    let text = MINIMAL.replacen(from, to, 1);
    let raw = toml::from_str(&text).expect("the edit keeps the TOML well-formed");
    let result = validate(raw, &text).map(drop);
    (text, result)
}

/// The only problem of an edit, and the text it points at.
fn only_problem(from: &str, to: &str) -> (Problem, String) {
    let (text, result) = validate_edited(from, to);
    let problems = result.expect_err("the edit is a mistake");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = problems.into_iter().next().unwrap();
    let span = problem.span.clone().expect("the problem has a place");
    (problem, text[span].to_owned())
}

const HEADLINE: &str = "headline = true\n";

fn observation(date: &str, value: &str) -> String {
    format!("\n[[indicators.series]]\ndate = {date}\nvalue = {value}\n")
}

#[test]
fn the_minimal_fixture_is_valid() {
    assert!(validate_edited(HEADLINE, HEADLINE).1.is_ok());
}

#[test]
fn a_misspelt_reference_names_the_nearest_id() {
    let (problem, at) = only_problem(
        "as_of = \"2023-10-mid\"\nsource = \"seed\"\nquote",
        "as_of = \"2023-10-mid\"\nsource = \"sed\"\nquote",
    );
    assert_eq!(at, "\"sed\"");
    assert_eq!(
        problem.message.en,
        "unknown source `sed`: expected the id of a [[sources]] entry"
    );
    assert_eq!(
        problem.hint.map(|hint| hint.en).as_deref(),
        Some("did you mean `seed`?")
    );
}

#[test]
fn a_reference_like_no_id_lists_the_known_ones() {
    let (problem, _) = only_problem("panels = [\"policy\"]", "panels = [\"zzzz\"]");
    assert_eq!(
        problem.hint.map(|hint| hint.en).as_deref(),
        Some("known panels: `policy`")
    );
}

#[test]
fn integers_are_kept_only_where_doubles_hold_them_exactly() {
    let (_, result) = validate_edited("value = 20", "value = 9007199254740992");
    assert!(result.is_ok(), "2^53 itself is exact");
    let (problem, at) = only_problem("value = 20", "value = 9007199254740993");
    assert_eq!(at, "9007199254740993");
    assert!(
        problem
            .message
            .en
            .starts_with("the integer 9007199254740993 is too large"),
        "{}",
        problem.message.en
    );
}

#[test]
fn one_source_may_give_one_figure_a_date() {
    let twice = format!(
        "{HEADLINE}{}{}",
        observation("2022-05-01", "1"),
        observation("2022-05-01", "2")
    );
    let (text, result) = validate_edited(HEADLINE, &twice);
    let problems = result.expect_err("a duplicate observation");
    assert_eq!(problems.len(), 1, "{problems:?}");
    // The second of the two is reported, pointing back at the first's line.
    let dates: Vec<usize> = text
        .match_indices("date = 2022-05-01")
        .map(|(at, _)| at + "date = ".len())
        .collect();
    let first_line = text[..dates[0]].lines().count();
    assert_eq!(
        problems[0].message.en,
        format!(
            "a second observation of 2022-05-01 from the same source (the first is on line {first_line})"
        )
    );
    assert_eq!(problems[0].span.as_ref().map(|s| s.start), Some(dates[1]));
}

#[test]
fn two_sources_may_give_figures_of_one_date() {
    let other_source = "\n[[sources]]\nid = \"other\"\nkind = \"news\"\ntitle = { zh = \"新闻\", en = \"News\" }\n";
    let series = format!(
        "{HEADLINE}{}{}source = \"other\"\n",
        observation("2022-05-01", "1"),
        observation("2022-05-01", "2")
    );
    let text = MINIMAL.replacen(HEADLINE, &series, 1).replacen(
        "\n[[tabs]]",
        &format!("{other_source}\n[[tabs]]"),
        1,
    );
    let raw = toml::from_str(&text).unwrap();
    assert!(validate(raw, &text).is_ok());
}

#[test]
fn a_panel_listed_twice_is_reported_at_the_second() {
    let listed = "panels = [\"policy\", \"policy\"]";
    let (text, result) = validate_edited("panels = [\"policy\"]", listed);
    let problems = result.expect_err("a panel listed twice");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].message.en, "panel `policy` is listed twice");
    let second = text.find(listed).unwrap() + listed.rfind("\"policy\"").unwrap();
    assert_eq!(problems[0].span.as_ref().map(|s| s.start), Some(second));
}

const QUOTE: &str = "quote = { zh = \"20个国家\", en = \"20 countries\" }";
const MISSING: &str = "quote_missing = { zh = \"未记录\", en = \"not recorded\" }";

#[test]
fn a_figure_may_say_why_it_has_no_quote() {
    let (_, result) = validate_edited(QUOTE, MISSING);
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_figure_without_quote_or_reason_is_reported_at_its_id() {
    let (problem, at) = only_problem(QUOTE, "");
    assert_eq!(at, "\"mou-countries\"");
    assert_eq!(problem.message.en, "indicator `mou-countries` has no quote");
    assert!(problem.hint.unwrap().en.contains("`quote_missing`"));
}

#[test]
fn a_figure_with_both_a_quote_and_a_reason_is_reported_at_the_reason() {
    let (problem, at) = only_problem(QUOTE, &format!("{QUOTE}\n{MISSING}"));
    assert!(at.starts_with("{ zh = \"未记录\""), "{at}");
    assert!(
        problem
            .message
            .en
            .starts_with("`quote` and `quote_missing` are both given")
    );
}

#[test]
fn only_words_can_be_a_translation() {
    let (problem, at) = only_problem(QUOTE, &format!("{MISSING}\nquote_translated = \"zh\""));
    assert_eq!(at, "\"zh\"");
    assert_eq!(
        problem.message.en,
        "quote_translated marks a quote, and there is none"
    );
    let (_, result) = validate_edited(QUOTE, &format!("{QUOTE}\nquote_translated = \"zh\""));
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_unit_may_have_an_english_singular_and_it_is_not_empty() {
    const UNIT: &str = "unit = { zh = \"个\", en = \"countries\" }";
    let (_, result) = validate_edited(UNIT, &format!("{UNIT}\nunit_singular = \"country\""));
    assert!(result.is_ok(), "{result:?}");
    let (problem, at) = only_problem(UNIT, &format!("{UNIT}\nunit_singular = \" \""));
    assert_eq!(at, "\" \"");
    assert_eq!(problem.message.en, "unit_singular is empty");
}
