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
