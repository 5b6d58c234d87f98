//! Comparing editions: the diff itself, and `bri-dash diff` against golden files.
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test --test diff`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use bri_dash::dataset::diff::diff;
use bri_dash::dataset::load_file;
use bri_dash::files::textfile::DEFAULT_MAX_BYTES;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn edition(name: &str) -> bri_dash::dataset::Dataset {
    load_file(
        &repo(&format!("tests/fixtures/editions/{name}.toml")),
        DEFAULT_MAX_BYTES,
    )
    .unwrap()
}

#[test]
fn indicators_are_matched_by_id() {
    let comparison = diff(&edition("old"), &edition("new"));
    assert_eq!(comparison.changed.len(), 1);
    let change = &comparison.changed[0];
    assert_eq!(
        (change.id.as_str(), change.old.value, change.new.value),
        ("mou-countries", 17.0, 20.0)
    );
    assert_eq!(change.absolute_change, 3.0);
    assert!((change.percent_change.unwrap() - 17.647).abs() < 0.01);
    assert!(change.date_moved());
    let ids = |named: &[bri_dash::dataset::diff::Named]| {
        named.iter().map(|n| n.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&comparison.added_indicators), ["land-cables"]);
    assert_eq!(ids(&comparison.removed_indicators), ["retired"]);
    assert_eq!(ids(&comparison.added_panels), ["infrastructure"]);
    assert!(comparison.removed_panels.is_empty());
    assert_eq!(comparison.removed_points.len(), 1);
    assert_eq!(comparison.removed_points[0].text.en, "An old point");
}

#[test]
fn an_edition_compared_with_itself_has_no_differences() {
    let comparison = diff(&edition("new"), &edition("new"));
    assert!(comparison.is_empty());
    assert_eq!(comparison.unchanged, ["mou-countries", "land-cables"]);
}

#[test]
fn a_change_from_zero_has_no_percentage() {
    let mut old = edition("new");
    let new = edition("new");
    old.indicators[0].figure.value = 0.0;
    let comparison = diff(&old, &new);
    assert_eq!(comparison.changed[0].percent_change, None);
    assert_eq!(
        bri_dash::export::diff::change_text(&comparison.changed[0], bri_dash::dataset::Lang::En),
        "+20"
    );
}

#[test]
fn a_change_of_qualifier_alone_has_no_change_of_zero() {
    let old = edition("new");
    let mut new = edition("new");
    new.indicators[0].figure.qualifier = bri_dash::dataset::Qualifier::AtLeast;
    let comparison = diff(&old, &new);
    assert_eq!(
        bri_dash::export::diff::change_line(&comparison.changed[0], bri_dash::dataset::Lang::En),
        "Countries: 20 → ≥ 20 countries"
    );
}

#[test]
fn the_command_matches_the_golden_files() {
    for (format, lang, golden) in [
        ("text", "en", "diff-en.txt"),
        ("text", "zh", "diff-zh.txt"),
        ("markdown", "en", "diff-en.md"),
        ("json", "en", "diff.json"),
    ] {
        let output = Command::cargo_bin("bri-dash")
            .unwrap()
            .env_remove("BRI_DASH_CONFIG")
            .env("XDG_CONFIG_HOME", repo("tests/fixtures/no-config"))
            .args(["diff", "--format", format, "--lang", lang])
            .arg(repo("tests/fixtures/editions/old.toml"))
            .arg(repo("tests/fixtures/editions/new.toml"))
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let actual = String::from_utf8(output.stdout).unwrap();
        let path = repo(&format!("tests/golden/{golden}"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            actual, expected,
            "{golden} differs; regenerate with UPDATE_GOLDEN=1"
        );
    }
}

#[test]
fn an_invalid_edition_exits_2_with_its_location() {
    let output = Command::cargo_bin("bri-dash")
        .unwrap()
        .arg("diff")
        .arg(repo("tests/fixtures/editions/old.toml"))
        .arg(repo("tests/fixtures/invalid/wrong-type.toml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("wrong-type.toml:37:9"));
}

fn diff_command(old: &Path, new: &Path, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("bri-dash")
        .unwrap()
        .env_remove("BRI_DASH_CONFIG")
        .env("XDG_CONFIG_HOME", repo("tests/fixtures/no-config"))
        .arg("diff")
        .args(extra)
        .arg(old)
        .arg(new)
        .output()
        .unwrap()
}

#[test]
fn exit_code_says_whether_the_editions_differ() {
    let (old, new) = (
        repo("tests/fixtures/editions/old.toml"),
        repo("tests/fixtures/editions/new.toml"),
    );
    let differ = diff_command(&old, &new, &["--exit-code"]);
    assert_eq!(differ.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&differ.stdout).contains("mou-countries"));
    assert_eq!(
        diff_command(&new, &new, &["--exit-code"]).status.code(),
        Some(0)
    );
    // Without it, comparing succeeds whatever it finds.
    assert_eq!(diff_command(&old, &new, &[]).status.code(), Some(0));
}

#[test]
fn a_figure_whose_date_alone_moved_is_not_written_as_a_change_of_value() {
    let new = repo("tests/fixtures/editions/new.toml");
    let text = std::fs::read_to_string(&new).unwrap();
    let moved = text.replacen(
        "en = \"countries\" }\nas_of = \"2023-10-mid\"",
        "en = \"countries\" }\nas_of = \"2023-11\"",
        1,
    );
    assert_ne!(moved, text, "the fixture has the indicator's date");
    let folder = tempfile::tempdir().unwrap();
    let later = folder.path().join("later.toml");
    std::fs::write(&later, moved).unwrap();
    for (lang, expected) in [
        (
            "en",
            "~ mou-countries  Countries: 20 countries (value unchanged) · 2023-10 (mid) → 2023-11\n",
        ),
        (
            "zh",
            "~ mou-countries  国家: 20 个（数值未变） · 2023年10月中旬 → 2023年11月\n",
        ),
    ] {
        let output = diff_command(&new, &later, &["--exit-code", "--lang", lang]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "a moved date is a difference"
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains(expected), "{stdout}");
        assert!(!stdout.contains("(0.0%)"), "{stdout}");
    }
}

/// `new.toml` with `edits` applied, each `(find, replace)` asserted to apply, in a temp file.
fn edited(edits: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let mut text = std::fs::read_to_string(repo("tests/fixtures/editions/new.toml")).unwrap();
    for (find, replace) in edits {
        assert!(text.contains(find), "the fixture has {find:?}");
        text = text.replacen(find, replace, 1);
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("edited.toml");
    std::fs::write(&path, text).unwrap();
    (folder, path)
}

#[test]
fn changes_of_words_units_quotes_notes_sources_and_panels_are_each_reported() {
    let (_folder, later) = edited(&[
        (
            "label = { zh = \"国家\", en = \"Countries\" }",
            "label = { zh = \"国家\", en = \"Partner countries\" }",
        ),
        (
            "unit = { zh = \"个\", en = \"countries\" }",
            "unit = { zh = \"个\", en = \"partners\" }\nunit_singular = \"partner\"",
        ),
        (
            "quote = { zh = \"20个国家\", en = \"20 countries\" }",
            "quote = { zh = \"20个国家\", en = \"20 countries\" }\nquote_translated = \"en\"\n\
             note = { zh = \"注\", en = \"A note\" }",
        ),
        (
            "quote = { zh = \"130套\", en = \"130 systems\" }",
            "quote_missing = { zh = \"未记录\", en = \"not recorded\" }",
        ),
        (
            "source = \"seed\"\nquote_missing",
            "source = \"other\"\nquote_missing",
        ),
        (
            "[[tabs]]",
            "[[sources]]\nid = \"other\"\nkind = \"news\"\ntitle = { zh = \"新闻\", en = \"News\" }\n\n[[tabs]]",
        ),
        (
            "title = { zh = \"政策\", en = \"Policy\" }",
            "title = { zh = \"政策沟通\", en = \"Policy\" }",
        ),
        (
            "sub = [{ zh = \"子要点\", en = \"A sub-point\" }]",
            "sub = [{ zh = \"子要点\", en = \"A sub-point\" }, { zh = \"二\", en = \"Two\" }]\n\
             quote = { zh = \"原话\", en = \"The words\" }",
        ),
    ]);
    let new = repo("tests/fixtures/editions/new.toml");
    let output = diff_command(&new, &later, &["--exit-code", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    for line in [
        "Changed fields (11)\n",
        "~ mou-countries  label: Countries → Partner countries\n",
        "~ mou-countries  unit: countries → partners\n",
        "~ mou-countries  unit_singular: (none) → partner\n",
        "~ mou-countries  quote_translated: (none) → en\n",
        "~ mou-countries  note: (none) → A note\n",
        "~ land-cables  source: seed → other\n",
        "~ land-cables  quote: “130 systems” → (none)\n",
        "~ land-cables  quote_missing: (none) → not recorded\n",
        // Changed in Chinese alone: shown in Chinese, never `Policy → Policy`.
        "~ policy  title: 政策 → 政策沟通\n",
        "~ policy  “A point” · sub: A sub-point → A sub-point; Two\n",
        "~ policy  “A point” · quote: (none) → “The words”\n",
        "Unchanged indicators: 0\n",
    ] {
        assert!(stdout.contains(line), "{line:?} in\n{stdout}");
    }
    let json = diff_command(&new, &later, &["--format", "json"]);
    let document: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let fields = document["changed_fields"].as_array().unwrap();
    assert_eq!(fields.len(), 11);
    assert_eq!(
        fields[0],
        serde_json::json!({
            "holder": "indicator", "id": "mou-countries", "field": "label",
            "old": { "zh": "国家", "en": "Countries" },
            "new": { "zh": "国家", "en": "Partner countries" },
        })
    );
    assert_eq!(fields[10]["holder"], "point");
    assert_eq!(fields[10]["point"]["en"], "A point");
}

#[test]
fn a_label_changed_alone_is_a_difference() {
    let (_folder, later) = edited(&[(
        "label = { zh = \"陆缆系统\", en = \"Land cable systems\" }",
        "label = { zh = \"陆缆系统\", en = \"Cross-border land cables\" }",
    )]);
    let new = repo("tests/fixtures/editions/new.toml");
    let output = diff_command(&new, &later, &["--exit-code"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("~ land-cables  label: Land cable systems → Cross-border land cables"),
        "{stdout}"
    );
    // The figure whose label changed is no longer counted unchanged.
    assert!(stdout.contains("Unchanged indicators: 1\n"), "{stdout}");
}

#[test]
fn json_diff_and_json_export_write_a_figure_the_same_way() {
    let (_folder, later) = edited(&[("value = 130", "value = 2.5")]);
    let new = repo("tests/fixtures/editions/new.toml");
    let json = diff_command(&later, &new, &["--format", "json"]);
    let diff_text = String::from_utf8(json.stdout).unwrap();
    let export = Command::cargo_bin("bri-dash")
        .unwrap()
        .env_remove("BRI_DASH_CONFIG")
        .env("XDG_CONFIG_HOME", repo("tests/fixtures/no-config"))
        .args(["export", "--format", "json", "--dataset"])
        .arg(&later)
        .output()
        .unwrap();
    let export_text = String::from_utf8(export.stdout).unwrap();
    // 2.5 → 130 in the diff; the export of the old edition has 2.5 and 20.
    for (text, written) in [
        (&diff_text, "\"value\": 2.5,"),
        (&diff_text, "\"value\": 130,"),
        (&diff_text, "\"absolute_change\": 127.5,"),
        (&export_text, "\"value\": 2.5,"),
        (&export_text, "\"value\": 20,"),
    ] {
        assert!(text.contains(written), "{written} in\n{text}");
    }
    assert!(!diff_text.contains(".0,"), "{diff_text}");
}

/// The points of `mou-countries`' series, as the file writes them after its headline.
fn series(points: &[(&str, u32, &str)]) -> String {
    points
        .iter()
        .map(|(date, value, extra)| {
            format!("\n[[indicators.series]]\ndate = \"{date}\"\nvalue = {value}\n{extra}")
        })
        .collect()
}

#[test]
fn revised_series_points_and_events_are_each_reported() {
    let headline = "headline = true\n";
    let (_before_folder, before) = edited(&[(
        headline,
        &format!(
            "{headline}{}",
            series(&[("2019", 16, ""), ("2021", 17, ""), ("2022", 18, "")])
        ),
    )]);
    let (_after_folder, after) = edited(&[
        (
            headline,
            &format!(
                "{headline}{}",
                series(&[
                    ("2019", 16, "note = { zh = \"注\", en = \"A note\" }"),
                    ("2021", 19, ""),
                    ("2023", 20, ""),
                ])
            ),
        ),
        (
            "label = { zh = \"宣布\", en = \"Announced\" }\nsource = \"seed\"",
            "label = { zh = \"宣布\", en = \"Announced\" }\nsource = \"seed\"\n\
             quote = { zh = \"原话\", en = \"The words\" }\n\n\
             [[events]]\ndate = 2023-11-01\nlabel = { zh = \"签署\", en = \"Signed\" }\nsource = \"seed\"",
        ),
    ]);
    let output = diff_command(&before, &after, &["--exit-code", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1), "the editions differ");
    let stdout = String::from_utf8(output.stdout).unwrap();
    for line in [
        "Changed series points (4)",
        "Countries · 2019: 16 countries (value unchanged) · changed: note",
        "Countries · 2021: 17 → 19 countries",
        "Countries · 2022: 18 countries → (none)",
        "Countries · 2023: (none) → 20 countries",
        "Added events (1)",
        "2023-11-01: Signed",
        "Changed events (1)",
        "2023-10-18: Announced · changed: quote",
    ] {
        assert!(stdout.contains(line), "no `{line}` in\n{stdout}");
    }
    let json = diff_command(&before, &after, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        json["series_changes"].as_array().map(Vec::len),
        Some(4),
        "{json}"
    );
    assert_eq!(json["series_changes"][1]["new"]["value"], 19, "{json}");
    assert_eq!(json["added_events"][0]["date"], "2023-11-01", "{json}");
    assert_eq!(json["changed_events"][0]["fields"][0], "quote", "{json}");
    // The same edition against itself: nothing.
    let same = diff_command(&after, &after, &["--exit-code"]);
    assert_eq!(same.status.code(), Some(0));
}
