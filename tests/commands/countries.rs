//! The exports and the comparison know countries: the long-form CSV, the JSON, the
//! Markdown tables, the HTML section, and countries added, removed or changed by `diff`.

use std::path::PathBuf;

use bri_dash::dataset::diff::diff;
use bri_dash::dataset::parse;
use bri_dash::export::diff::to_text;

use crate::common::{bri_dash, repo};

fn fixture() -> PathBuf {
    repo("tests/fixtures/valid/countries.toml")
}

fn export(format: &str, lang: &str) -> String {
    let output = bri_dash()
        .args(["export", "--format", format, "--lang", lang, "--dataset"])
        .arg(fixture())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn country_csv_is_long_form_with_translations_marked() {
    let en = export("country-csv", "en");
    let mut reader = csv::Reader::from_reader(en.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "country",
            "code",
            "fact",
            "fact_id",
            "date",
            "precision",
            "value",
            "qualifier",
            "source",
            "quote",
            "quote_translated"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        5 + 2,
        "five facts, and two countries of a breakdown"
    );
    let chile = &rows[0];
    assert_eq!(
        (&chile[0], &chile[1], &chile[3]),
        ("Chile", "CHL", "ecommerce-mou")
    );
    assert_eq!((&chile[4], &chile[5]), ("2016-11", "month"));
    assert_eq!(
        &chile[10], "yes",
        "the English quote is the dataset's translation"
    );
    let conflict: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| &r[3] == "trade" && &r[4] == "2019")
        .map(|r| (&r[6], &r[7], &r[8]))
        .collect();
    assert_eq!(
        conflict,
        [("12", "exact", "MOFCOM"), ("15", "about", "News")],
        "both kept"
    );
    assert_eq!(
        (&rows[6][1], &rows[6][3], &rows[6][6]),
        ("PAK", "partners", "1")
    );

    let zh = export("country-csv", "zh");
    let chile_zh = zh.lines().nth(1).unwrap();
    assert!(
        chile_zh.starts_with("智利共和国,CHL,签署电子商务合作备忘录,"),
        "{chile_zh}"
    );
    assert!(
        chile_zh.ends_with(",中智签署电子商务合作备忘录,"),
        "the Chinese quote is the original"
    );
}

#[test]
fn json_carries_countries_facts_and_breakdowns_by_code() {
    let json: serde_json::Value = serde_json::from_str(&export("json", "en")).unwrap();
    let codes: Vec<&str> = json["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["PAK", "CHL", "RUS"]);
    assert_eq!(json["countries"][0]["region"], "Asia");
    assert_eq!(json["countries"][0]["subregion"], "Southern Asia");
    assert_eq!(json["fact_kinds"][1]["kind"], "value");
    let facts = json["country_facts"].as_array().unwrap();
    assert_eq!(facts.len(), 5);
    assert_eq!(facts[0]["country"], "CHL");
    assert_eq!(facts[0]["quote_translated"], "en");
    assert_eq!(facts[3]["value"], 15);
    assert_eq!(facts[3]["qualifier"], "about");
    assert_eq!(facts[3]["source"], "news");
    assert_eq!(
        json["indicators"][0]["by_country"],
        serde_json::json!({ "CHL": 1, "PAK": 1 })
    );
    assert_eq!(
        json["tabs"][0]["shows"],
        serde_json::json!(["ecommerce-mou", "trade"])
    );
}

#[test]
fn markdown_has_a_table_per_fact_kind() {
    let md = export("md", "en");
    let countries = &md[md.find("## Countries").expect("a countries section")..];
    assert!(countries.contains("### Signed an e-commerce MoU\n\n| Country | Code | Date | Value |\n|---|---|---|---|\n| Chile | CHL | 2016-11 · month precision [2] |  |\n"), "{countries}");
    assert!(
        countries
            .contains("| Pakistan | PAK | 2019 · year precision [4] | ≈ 15 100 million yuan |"),
        "{countries}"
    );
    assert!(
        md.contains("“China and Chile signed an e-commerce MoU” (translation)"),
        "{md}"
    );
    let zh = export("md", "zh");
    assert!(
        zh.contains("“中智签署电子商务合作备忘录”\n"),
        "the original is not marked"
    );
}

#[test]
fn html_has_the_countries_section() {
    let html = export("html", "en");
    assert!(html.contains("<section id=\"countries\" class=\"tab countries\">"));
    assert!(
        html.contains("<td>Pakistan <code>PAK</code></td>"),
        "{html}"
    );
    assert!(
        html.contains("(translation)"),
        "the translated quote is marked"
    );
}

#[test]
fn exports_of_datasets_without_countries_have_no_country_part() {
    let output = bri_dash()
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json.get("countries").is_none() && json.get("country_facts").is_none());
    let output = bri_dash()
        .args(["export", "--format", "country-csv"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().lines().count(),
        1,
        "the header only"
    );
}

#[test]
fn diff_reports_countries_added_removed_and_changed() {
    let old_text = std::fs::read_to_string(fixture()).unwrap();
    let new_text = old_text
        .replacen("code = \"RUS\"", "code = \"IND\"", 1)
        .replacen(
            "date = \"2021\"\nvalue = 20",
            "date = \"2021\"\nvalue = 25",
            1,
        );
    let old = parse("old.toml", &old_text).unwrap();
    let new = parse("new.toml", &new_text).unwrap();
    let comparison = diff(&old, &new);
    let codes = |named: &[bri_dash::dataset::diff::Named]| {
        named.iter().map(|n| n.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(codes(&comparison.added_countries), ["IND"]);
    assert_eq!(codes(&comparison.removed_countries), ["RUS"]);
    assert_eq!(comparison.changed_countries.len(), 1);
    let pakistan = &comparison.changed_countries[0];
    assert_eq!(pakistan.code, "PAK");
    assert_eq!(pakistan.added_facts, ["trade 2021 = 25 (mofcom)"]);
    assert_eq!(pakistan.removed_facts, ["trade 2021 = 20 (mofcom)"]);
    let text = to_text(&comparison, bri_dash::dataset::Lang::En);
    assert!(
        text.contains("Added countries (1)\n  + IND  India\n"),
        "{text}"
    );
    assert!(
        text.contains("Removed countries (1)\n  - RUS  Russian Federation\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  ~ PAK  Pakistan: + trade 2021 = 25 (mofcom); − trade 2021 = 20 (mofcom)\n"
        ),
        "{text}"
    );
    assert!(diff(&old, &old).is_empty());
}

#[test]
fn check_locates_a_mistyped_code_and_suggests_the_country() {
    let text = std::fs::read_to_string(fixture()).unwrap().replacen(
        "country = \"CHL\"",
        "country = \"CNH\"",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.toml");
    std::fs::write(&path, text).unwrap();
    let output = bri_dash().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "1: the dataset has problems");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: unknown country code `CNH`") && stderr.contains("typo.toml:54:11"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `CHN` (People's Republic of China)?"),
        "{stderr}"
    );
}
