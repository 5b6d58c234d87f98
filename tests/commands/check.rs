//! `bri-dash check`'s counts: each in the singular or plural it needs, and a closing line
//! that totals the errors and warnings of every dataset checked.

use crate::common::{bri_dash, repo};

fn fixture(name: &str) -> String {
    repo("tests/fixtures").join(name).display().to_string()
}

#[test]
fn check_counts_in_the_singular_and_closes_with_a_total() {
    let output = bri_dash()
        .args(["check", &fixture("valid/minimal.toml")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(": ok (2 tabs, 1 panel, 1 indicator, 1 event)\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("\nchecked 1 dataset: no errors, no warnings\n"),
        "{stdout}"
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn check_totals_the_errors_and_warnings_of_every_file_on_stderr() {
    let output = bri_dash()
        .args([
            "check",
            &fixture("invalid/dangling-reference.toml"),
            &fixture("invalid/wrong-type.toml"),
            &fixture("valid/countries.toml"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    // Three dangling references, one wrong type, one figure no tab shows.
    assert!(
        stderr.ends_with("\nchecked 3 datasets: 4 errors, 1 warning\n"),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.contains("checked"),
        "the total is beside what it counts: {stdout}"
    );
}

/// `check FILE`'s exit code and stderr, with the file named as the test names it.
fn check_stderr(name: &str) -> (Option<i32>, String) {
    let output = bri_dash().args(["check", &fixture(name)]).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Each `(place, message)` appears in `stderr` as a rustc-style error at `file:place`, in
/// the order given.
fn assert_errors_in_order(stderr: &str, file: &str, expected: &[(&str, &str)]) {
    let mut rest = stderr;
    for (place, message) in expected {
        let at = rest
            .find(&format!("error: {message}"))
            .unwrap_or_else(|| panic!("{message:?} (after the ones before) in\n{stderr}"));
        let location = format!("--> {}:{place}\n", fixture(file));
        let next = &rest[at..];
        assert!(
            next.lines()
                .nth(1)
                .is_some_and(|l| l.trim_start().starts_with(location.trim_end())),
            "{message} at {place} in\n{stderr}"
        );
        rest = &next[1..];
    }
}

#[test]
fn check_reports_every_syntax_error_not_only_the_first() {
    let file = "invalid/several-syntax-errors.toml";
    let (code, stderr) = check_stderr(file);
    assert_eq!(code, Some(1));
    assert_errors_in_order(
        &stderr,
        file,
        &[
            ("3:16", "unexpected key or value"),
            ("12:8", "string values must be quoted"),
            ("38:9", "string values must be quoted"),
        ],
    );
    assert!(
        stderr.ends_with("checked 1 dataset: 3 errors, no warnings\n"),
        "{stderr}"
    );
}

#[test]
fn check_reports_every_unknown_key_then_the_validation_errors_with_suggestions() {
    let file = "invalid/several-unknown-keys.toml";
    let (code, stderr) = check_stderr(file);
    assert_eq!(code, Some(1));
    assert_errors_in_order(
        &stderr,
        file,
        &[
            (
                "7:1",
                "unknown field `as_off`, expected one of `as_of`, `id`",
            ),
            ("15:1", "unknown field `colour`"),
            ("39:1", "unknown field `lable`"),
            (
                "41:13",
                "unknown qualifier \"approx\": expected one of \"exact\", \"about\", \
                 \"more_than\", \"at_least\", \"fewer_than\"; did you mean \"about\"?",
            ),
            ("44:10", "unknown source `sede`"),
        ],
    );
    for hint in ["did you mean `as_of`?", "did you mean `label`?"] {
        assert!(
            stderr.contains(&format!("= help: {hint}")),
            "{hint} in\n{stderr}"
        );
    }
    // A misspelt key is read as the key it is close to: what follows from the misspelling
    // ("missing field `label`", "missing field `as_of`") is not reported as well.
    assert!(!stderr.contains("missing field"), "{stderr}");
    assert!(
        stderr.ends_with("checked 1 dataset: 5 errors, no warnings\n"),
        "{stderr}"
    );
}

#[test]
fn a_string_left_open_is_one_error_and_the_unknown_keys_before_it_are_reported() {
    let minimal = std::fs::read_to_string(fixture("valid/minimal.toml")).unwrap();
    let broken = minimal
        .replacen(
            "as_of = \"2023-10-mid\"\nlanguages",
            "as_off = \"2023-10-mid\"\nlanguages",
            1,
        )
        .replacen("en = \"Article\" }", "en = \"Article }", 1);
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("open.toml");
    std::fs::write(&file, broken).unwrap();
    let output = bri_dash().arg("check").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let at = |place: &str| format!("--> {}:{place}\n", file.display());
    // The parser reads every later line as part of the open inline table; one mistake.
    assert!(stderr.contains("error: invalid basic string"), "{stderr}");
    assert!(stderr.contains(&at("13:37")), "{stderr}");
    assert!(!stderr.contains("missing comma"), "{stderr}");
    // A key before the syntax error is read soundly, and reported too, after it.
    assert!(stderr.contains("unknown field `as_off`"), "{stderr}");
    assert!(stderr.contains(&at("6:1")), "{stderr}");
    assert!(
        stderr.find("invalid basic string") < stderr.find("unknown field"),
        "syntax first: {stderr}"
    );
    assert!(
        stderr.ends_with("checked 1 dataset: 2 errors, no warnings\n"),
        "{stderr}"
    );
}
