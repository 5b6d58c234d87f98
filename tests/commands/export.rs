//! `bri-dash export` from the outside: golden files of every format in both languages,
//! exit codes, what goes to stdout and stderr, `--output`, and the bad-input corpus.
//!
//! The golden files in tests/golden/ are the exact bytes export writes for the built-in
//! datasets. After an intended change of the output, regenerate them with
//!
//!     UPDATE_GOLDEN=1 cargo test --test export
//!
//! and review the diff before committing it.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use crate::common;

use common::{bri_dash, repo};

fn run(args: &[&str]) -> Output {
    bri_dash().args(args).output().unwrap()
}

/// Runs a command that must succeed and returns its stdout; stderr must stay empty.
fn stdout_of(args: &[&str]) -> Vec<u8> {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "bri-dash {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "bri-dash {args:?} wrote to stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn assert_golden(name: &str, actual: &[u8]) {
    let path = repo("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; create it with UPDATE_GOLDEN=1 cargo test --test export",
            path.display()
        )
    });
    if expected != actual {
        let (expected, actual) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "export differs from tests/golden/{name} at line {}:\n  golden: {:?}\n  now:    {:?}\n\
             if the change is intended, run UPDATE_GOLDEN=1 cargo test --test export and review the diff",
            line + 1,
            expected.lines().nth(line).unwrap_or("(end of file)"),
            actual.lines().nth(line).unwrap_or("(end of file)"),
        );
    }
}

#[test]
fn markdown_and_csv_match_their_golden_files_in_both_languages() {
    for lang in ["en", "zh"] {
        for (format, extension) in [("markdown", "md"), ("csv", "csv")] {
            let out = stdout_of(&["export", "--format", format, "--lang", lang]);
            assert_golden(&format!("export-{lang}.{extension}"), &out);
        }
    }
    // The second built-in dataset has what the first lacks: qualifiers, series, links and
    // several sources, so that the references are grouped by source.
    let out = stdout_of(&["export", "--dataset", "bri-connectivity", "--lang", "en"]);
    assert_golden("export-connectivity-en.md", &out);
}

#[test]
fn json_matches_its_golden_file_and_does_not_depend_on_the_language() {
    let en = stdout_of(&["export", "--format", "json", "--lang", "en"]);
    let zh = stdout_of(&["export", "--format", "json", "--lang", "zh"]);
    assert_golden("export.json", &en);
    assert!(en == zh, "JSON carries both languages whatever --lang says");
}

#[test]
fn json_refers_by_id_and_every_reference_resolves() {
    let out = stdout_of(&[
        "export",
        "--format",
        "json",
        "--dataset",
        "bri-connectivity",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["format_version"], 1);
    let ids = |table: &str| -> Vec<String> {
        json[table]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (sources, panels, tabs) = (ids("sources"), ids("panels"), ids("tabs"));
    let indicators = json["indicators"].as_array().unwrap();
    assert!(!indicators.is_empty());
    for indicator in indicators {
        assert!(sources.contains(&indicator["source"].as_str().unwrap().to_owned()));
        for panel in indicator["panels"].as_array().unwrap() {
            assert!(panels.contains(&panel.as_str().unwrap().to_owned()));
        }
        assert!(indicator["label"]["zh"].is_string() && indicator["label"]["en"].is_string());
        assert!(indicator["value"].is_number());
    }
    for panel in json["panels"].as_array().unwrap() {
        assert!(tabs.contains(&panel["tab"].as_str().unwrap().to_owned()));
    }
    let trains = indicators
        .iter()
        .find(|i| i["id"] == "cr-express-cumulative-trains")
        .expect("an indicator with a qualifier");
    assert_eq!(trains["qualifier"], "more_than");
    assert_eq!(trains["value"], 120000, "a whole number is a JSON integer");
}

#[test]
fn csv_has_one_row_per_indicator_with_machine_readable_columns() {
    let out = stdout_of(&["export", "--format", "csv", "--lang", "zh"]);
    assert!(out.ends_with(b"\r\n"), "RFC 4180 records end in CRLF");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "id",
            "label",
            "value",
            "qualifier",
            "unit",
            "as_of",
            "precision",
            "source",
            "quote",
            "panels",
            "quote_missing",
            "quote_translated"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mou = rows
        .iter()
        .find(|row| &row[0] == "dsr-mou-countries")
        .unwrap();
    assert_eq!(&mou[1], "签署“数字丝绸之路”合作谅解备忘录的国家");
    assert_eq!(&mou[2], "20");
    assert_eq!(&mou[3], "exact");
    assert_eq!(&mou[4], "个国家");
    assert_eq!((&mou[5], &mou[6]), ("2023-10-mid", "part-of-month"));
    assert_eq!(&mou[9], "ach-policy");
    let dataset = bri_dash::dataset::load_builtin(
        bri_dash::dataset::builtin(bri_dash::dataset::DEFAULT_BUILTIN).unwrap(),
    )
    .unwrap();
    assert_eq!(rows.len(), dataset.indicators.len());
}

/// A figure of which no source sentence is recorded leaves every quote column empty and
/// says why in its own field, in each machine format; a quote of the dataset's
/// translation says so.
#[test]
fn a_missing_quote_is_a_field_of_its_own_in_csv_and_json() {
    let args = ["export", "--dataset", "bri-connectivity", "--format"];
    let csv = stdout_of(&[&args[..], &["csv", "--lang", "en"]].concat());
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |id: &str| rows.iter().find(|row| &row[0] == id).unwrap().clone();
    let value = row("cross-border-ecommerce-value");
    assert_eq!(&value[8], "", "no sentence in the quote column");
    assert!(value[10].starts_with("the reference notes"), "{value:?}");
    let json = stdout_of(&[&args[..], &["json"]].concat());
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let indicators = json["indicators"].as_array().unwrap();
    let value = indicators
        .iter()
        .find(|i| i["id"] == "cross-border-ecommerce-value")
        .unwrap();
    assert!(value["quote"].is_null());
    assert!(value["quote_missing"]["zh"].is_string());
    assert!(value["quote_translated"].is_null());
}

#[test]
fn markdown_cites_every_figure_with_its_date_and_precision() {
    let text = String::from_utf8(stdout_of(&["export", "--format", "md", "--lang", "en"])).unwrap();
    assert!(text.starts_with(
        "# Accelerating the high-quality development of the Belt and Road digital economy\n"
    ));
    assert!(
        text.contains("- As of: 2023-10 · month precision\n"),
        "{text}"
    );
    let figure = "**Countries with a Digital Silk Road MoU** (`dsr-mou-countries`): 20 countries · 2023-10 (mid) · part-of-month precision [";
    let start = text.find(figure).expect("the MoU figure in full") + figure.len();
    let number: usize = text[start..start + text[start..].find(']').unwrap()]
        .parse()
        .unwrap();
    let references = &text[text.find("\n## References\n").expect("a references list")..];
    assert!(
        references.contains(&format!(
            "\n{number}. “As of mid-October 2023, China has signed Digital Silk Road"
        )),
        "[{number}] should quote the MoU sentence:\n{references}"
    );
    assert!(
        !text.contains("years ago"),
        "no ages: a brief must not go stale"
    );
}

#[test]
fn nothing_but_data_on_stdout_and_never_a_colour() {
    for format in ["markdown", "csv", "json"] {
        let out = stdout_of(&["export", "--format", format]);
        assert!(!out.contains(&0x1b), "{format}: no escape sequences");
        assert!(std::str::from_utf8(&out).is_ok(), "{format}: UTF-8");
    }
}

#[test]
fn hostile_dataset_text_is_printed_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string(repo("tests/fixtures/valid/minimal.toml")).unwrap();
    let hostile = minimal.replace(
        "label = { zh = \"国家\", en = \"Countries\" }",
        "label = { zh = \"国家\", en = \"\\u001b]0;pwned\\u0007Countries \\u001b[31m*red*\\u202e\" }",
    );
    assert_ne!(hostile, minimal, "the fixture changed: update this test");
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, hostile).unwrap();
    for format in ["markdown", "csv", "json"] {
        let out = stdout_of(&[
            "export",
            "--format",
            format,
            "--dataset",
            path.to_str().unwrap(),
        ]);
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}']) && !text.contains("\\u001b"),
            "{format}: {text}"
        );
        assert!(text.contains("Countries"), "{format}: {text}");
        if format == "markdown" {
            assert!(
                text.contains(r"\*red\*"),
                "markup in data is escaped: {text}"
            );
        }
    }
}

#[test]
fn every_file_of_the_bad_input_corpus_exits_2_with_its_location_on_stderr() {
    let corpus = repo("tests/fixtures/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the corpus is in {}", corpus.display());
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let output = run(&["export", "--dataset", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(&name),
            "{name}: stderr names the file: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    let unknown_key = String::from_utf8(
        run(&[
            "export",
            "--dataset",
            corpus.join("unknown-key.toml").to_str().unwrap(),
        ])
        .stderr,
    )
    .unwrap();
    assert!(
        unknown_key.contains("unknown-key.toml:5:1"),
        "{unknown_key}"
    );
    for unreadable in [
        repo("tests/fixtures/no-such-file.toml"),
        repo("tests/fixtures"),
    ] {
        let output = run(&["export", "--dataset", unreadable.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        assert!(!output.stderr.is_empty());
    }
}

#[test]
fn bad_invocations_exit_2() {
    for args in [
        &["export", "--format", "pdf"][..],
        &["export", "--lang", "fr"],
        &["export", "--output"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let broken_config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(broken_config.path(), "theme = \"neon\"\n").unwrap();
    let output = bri_dash()
        .arg("export")
        .arg("--config")
        .arg(broken_config.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.csv");
    let output = run(&[
        "export",
        "--format",
        "csv",
        "--lang",
        "en",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty() && output.stderr.is_empty());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        stdout_of(&["export", "--format", "csv", "--lang", "en"])
    );
}

#[test]
fn output_never_overwrites_an_input_file() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("data.toml");
    std::fs::copy(repo("tests/fixtures/valid/minimal.toml"), &dataset).unwrap();
    let original = std::fs::read(&dataset).unwrap();
    let symlink = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&dataset, &symlink).unwrap();
    let hard_link = dir.path().join("hard.toml");
    std::fs::hard_link(&dataset, &hard_link).unwrap();
    let dotted = dir.path().join("sub/../data.toml");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for target in [&dataset, &symlink, &hard_link, &dotted] {
        // `--format`, as a `.toml` name alone is refused before the inputs are looked at.
        let output = run(&[
            "export",
            "--format",
            "markdown",
            "--dataset",
            dataset.to_str().unwrap(),
            "--output",
            target.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(2), "{}", target.display());
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("refusing") && stderr.contains("the dataset being exported"),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(&dataset).unwrap(),
            original,
            "the dataset is untouched"
        );
    }

    let config = dir.path().join("config.toml");
    let config_text = "[[datasets]]\nname = \"mine\"\npath = \"data.toml\"\n";
    std::fs::write(&config, config_text).unwrap();
    let output = run(&[
        "export",
        "--format",
        "markdown",
        "--config",
        config.to_str().unwrap(),
        "--output",
        config.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("the config file")
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), config_text);
}

#[test]
fn an_output_that_cannot_be_written_exits_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let missing_folder = dir.path().join("no/such/folder/brief.md");
    let output = run(&["export", "--output", missing_folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("bri-dash: cannot write"), "{stderr}");
    // A device, a folder and a FIFO with no reader (whose open blocked for ever) are
    // refused at once; the test runner's deadline fails a hang.
    let fifo = dir.path().join("pipe");
    let fifo_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo(3) with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo_path.as_ptr(), 0o600) }, 0);
    for target in [Path::new("/dev/full"), dir.path(), fifo.as_path()] {
        let output = run(&["export", "--output", target.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", target.display());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
}

/// Runs `bri-dash ARGS` with its file size limit at `bytes`, as a full disk or a quota
/// would stop it: past the limit, a write fails (SIGXFSZ ignored, so it fails with EFBIG).
fn run_with_file_size_limit(bytes: u64, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_bri-dash"));
    command.args(args).env("NO_COLOR", "1");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.output().unwrap()
}

/// The files in a folder, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A write that fails halfway (the disk full) leaves the old report as it was and no new
/// or temporary file; it replaced the old report by a truncated one, or left a 0-byte file.
#[test]
fn a_failed_write_leaves_the_old_file_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("brief.md");
    std::fs::write(&report, "the old report\n").unwrap();
    let fresh = dir.path().join("fresh.md");
    for target in [&report, &fresh] {
        let output =
            run_with_file_size_limit(100, &["export", "--output", target.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", target.display());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("bri-dash: cannot write"), "{stderr}");
    }
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "the old report\n"
    );
    assert_eq!(files_in(dir.path()), ["brief.md"]);

    // And a write that succeeds replaces the file whole, keeping its permissions.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = run(&["export", "--output", report.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read(&report).unwrap(), stdout_of(&["export"]));
    let mode = std::fs::metadata(&report).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert_eq!(files_in(dir.path()), ["brief.md"]);
}

/// Every dataset the config names is an input, not only the one exported: writing the
/// export of one over another lost the other.
#[test]
fn output_never_overwrites_a_dataset_the_config_names() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.toml", "b.toml"] {
        std::fs::copy(
            repo("tests/fixtures/valid/minimal.toml"),
            dir.path().join(name),
        )
        .unwrap();
    }
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[[datasets]]\nname = \"a\"\npath = \"a.toml\"\n\n\
         [[datasets]]\nname = \"b\"\npath = \"b.toml\"\n",
    )
    .unwrap();
    let other = dir.path().join("b.toml");
    let before = std::fs::read(&other).unwrap();
    let output = run(&[
        "export",
        "--config",
        config.to_str().unwrap(),
        "--dataset",
        "a",
        "--format",
        "markdown",
        "--output",
        other.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("refusing") && stderr.contains("a dataset the config names"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `bri-dash export | head -1`: the pipe closes while export writes.
    // Spawned by hand, as assert_cmd cannot close a pipe early; isolated like `bri_dash()`.
    let home = std::env::temp_dir().join("bri-dash-export-tests-home");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("bri-dash"))
        .args(["export", "--format", "json"])
        .env_remove("BRI_DASH_CONFIG")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A dataset from a stranger, exported: a label that a spreadsheet would run as a formula
/// is written as text (the value column stays a bare number), and a `javascript:` URL is
/// never a Markdown link.
#[test]
fn exports_defuse_formulas_and_link_only_the_web() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("stranger.toml");
    let text = std::fs::read_to_string(repo("tests/fixtures/valid/minimal.toml"))
        .unwrap()
        .replace(
            "label = { zh = \"国家\", en = \"Countries\" }",
            "label = { zh = \"国家\", en = \"=HYPERLINK(\\\"https://evil.example\\\")\" }",
        )
        .replace(
            "title = { zh = \"文章\", en = \"Article\" }",
            "title = { zh = \"文章\", en = \"Article\" }\nurl = \"javascript:alert(1)\"",
        );
    assert!(text.contains("=HYPERLINK") && text.contains("javascript:"));
    std::fs::write(&dataset, &text).unwrap();
    let path = dataset.to_str().unwrap();

    let csv = String::from_utf8(stdout_of(&[
        "export",
        "--dataset",
        path,
        "--format",
        "csv",
        "--lang",
        "en",
    ]))
    .unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("mou-countries,\"'=HYPERLINK(\"\"https://evil.example\"\")\",20,exact,"),
        "{row}"
    );

    let markdown = String::from_utf8(stdout_of(&[
        "export",
        "--dataset",
        path,
        "--format",
        "markdown",
        "--lang",
        "en",
    ]))
    .unwrap();
    assert!(markdown.contains("javascript:alert"), "{markdown}");
    assert!(!markdown.contains("<javascript:"), "{markdown}");
}
