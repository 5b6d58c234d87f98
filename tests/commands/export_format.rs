//! `export --output FILE` without `--format`: the file's extension chooses the format, and
//! a name that contradicts `--format` or names no format is refused, writing nothing.

use crate::common::bri_dash;

fn run(args: &[&str]) -> std::process::Output {
    bri_dash().args(args).output().unwrap()
}

#[test]
fn the_output_extension_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, format) in [
        ("brief.csv", "csv"),
        ("all.json", "json"),
        ("brief.md", "markdown"),
        ("report.html", "html"),
    ] {
        let path = dir.path().join(name);
        let output = run(&["export", "--lang", "en", "-o", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{name}");
        let expected = run(&["export", "--lang", "en", "--format", format]).stdout;
        assert_eq!(std::fs::read(&path).unwrap(), expected, "{name}");
    }
    let chart = dir.path().join("chart.svg");
    let output = run(&[
        "export",
        "--dataset",
        "bri-connectivity",
        "--indicator",
        "forum-outcomes",
        "-o",
        chart.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read_to_string(&chart).unwrap().contains("<svg"));
}

#[test]
fn a_contradicting_or_unknown_extension_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("brief.csv");
    let text = dir.path().join("brief.txt");
    let cases = [
        (
            vec!["export", "--format", "json", "-o", csv.to_str().unwrap()],
            "--format json does not fit",
        ),
        (
            vec!["export", "-o", text.to_str().unwrap()],
            "`.txt` names none; add --format",
        ),
    ];
    for (args, message) in cases {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    // An explicit --format goes with any name that does not contradict it.
    let output = run(&["export", "--format", "csv", "-o", text.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let country = dir.path().join("facts.csv");
    let output = run(&[
        "export",
        "--format",
        "country-csv",
        "-o",
        country.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
}
