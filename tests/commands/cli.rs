//! The binary from the outside: commands, exit codes, where messages go.

use crate::common;

use assert_cmd::Command;
use common::bri_dash;

fn repo(path: &str) -> String {
    common::repo(path).display().to_string()
}

fn stdout_of(command: &mut Command) -> String {
    String::from_utf8(command.output().unwrap().stdout).unwrap()
}

#[test]
fn check_accepts_the_shipped_datasets_and_config() {
    bri_dash()
        .args([
            "check",
            &repo("assets/datasets/digital-silk-road-2023.toml"),
            &repo("assets/datasets/bri-connectivity.toml"),
        ])
        .assert()
        .code(0);
    let output = bri_dash()
        .args(["check", "--config", &repo("config.toml")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("builtin:digital-silk-road-2023: ok"),
        "{stdout}"
    );
    assert!(stdout.contains("bri-connectivity.toml: ok"), "{stdout}");
}

#[test]
fn check_reports_invalid_data_with_exit_1_on_stderr() {
    let output = bri_dash()
        .args(["check", &repo("tests/fixtures/invalid/wrong-type.toml")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "errors go to stderr only");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("wrong-type.toml:37:9"), "{stderr}");
    assert!(stderr.contains("expected a number"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour when stderr is not a terminal"
    );
}

#[test]
fn unreadable_files_exit_2() {
    bri_dash()
        .args(["check", &repo("tests/fixtures/nope.toml")])
        .assert()
        .code(2);
    bri_dash()
        .args(["check", &repo("tests/fixtures")])
        .assert()
        .code(2);
}

#[test]
fn the_dashboard_refuses_bad_input_before_touching_the_terminal() {
    let output = bri_dash()
        .args([
            "--dataset",
            &repo("tests/fixtures/invalid/unknown-key.toml"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("unknown-key.toml:5:1"), "{stderr}");
    assert!(stderr.contains("did you mean `as_of`?"), "{stderr}");

    let config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(config.path(), "theme = \"neon\"\n").unwrap();
    let output = bri_dash()
        .arg("--config")
        .arg(config.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(":1:9"), "{stderr}");
}

#[test]
fn the_dashboard_without_a_terminal_says_so_and_writes_nothing() {
    let output = bri_dash().output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        output.stdout.is_empty(),
        "nothing a pipe would receive as garbage"
    );
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("needs a terminal")
    );
}

#[test]
fn render_prints_one_frame_of_the_chosen_tab() {
    let text = stdout_of(bri_dash().args(["render", "--size", "80x24"]));
    assert_eq!(text.lines().count(), 24);
    assert!(
        text.contains("20 countries") && text.contains("130 systems"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
    let timeline = stdout_of(bri_dash().args(["render", "--tab", "timeline", "--lang", "zh"]));
    assert!(timeline.contains("2023年10月18日 · "), "{timeline}");
    assert!(timeline.contains("5 时间线"), "{timeline}");
    let colored = stdout_of(bri_dash().args(["render", "--color"]));
    assert!(colored.contains("\u{1b}["), "--color adds ANSI colours");
    let no_color = stdout_of(bri_dash().args(["render", "--color"]).env("NO_COLOR", "1"));
    assert!(!no_color.contains('\u{1b}'), "NO_COLOR wins");
    bri_dash()
        .args(["render", "--tab", "nope"])
        .assert()
        .code(2);
    bri_dash()
        .args(["render", "--size", "0x0"])
        .assert()
        .code(2);
}

#[test]
fn an_unknown_dataset_name_lists_the_known_ones_and_the_nearest() {
    let output = bri_dash()
        .args(["--dataset", "bri-conectivity", "render"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no dataset is named `bri-conectivity`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("digital-silk-road-2023, bri-connectivity"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `bri-connectivity`?"),
        "{stderr}"
    );
    // A path is the load's to report: it names the file.
    let output = bri_dash()
        .args(["--dataset", "missing/nope.toml", "render"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("nope.toml"), "{stderr}");
    assert!(!stderr.contains("no dataset is named"), "{stderr}");
}

#[test]
fn the_other_dataset_is_reachable_by_name_and_config_paths_resolve_from_anywhere() {
    let text = stdout_of(
        bri_dash()
            .args([
                "render",
                "--config",
                &repo("config.toml"),
                "--dataset",
                "bri-connectivity",
            ])
            .current_dir("/"),
    );
    assert!(text.contains("Rail freight"), "{text}");
}

#[test]
fn list_shows_each_dataset_with_its_status() {
    let text = stdout_of(bri_dash().args(["list", "--config", &repo("config.toml")]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(
        lines[0], "  NAME\tLOCATION\tTITLE\tAS OF\tSTATUS",
        "a header first"
    );
    assert!(lines[1].starts_with("* digital-silk-road-2023"), "{text}");
    assert!(lines[3].starts_with("  silk-road-partners"), "{text}");
    assert!(
        lines[1..].iter().all(|line| line.ends_with("\tok")),
        "{text}"
    );
}

#[test]
fn help_and_version() {
    let help = stdout_of(bri_dash().arg("--help"));
    assert!(
        help.contains("Exit codes:") && help.contains("Examples:"),
        "{help}"
    );
    // The columns of the help are kept (the escaping of what clap prints keeps spaces).
    assert!(
        help.lines().any(|line| line.starts_with("  -h, --help   ")),
        "{help}"
    );
    assert!(
        help.contains("  bri-dash check my-data.toml      "),
        "the examples' columns: {help}"
    );
    bri_dash().arg("--version").assert().success();
    bri_dash().arg("--no-such-flag").assert().code(2);
}

#[test]
fn the_readme_captures_are_what_render_prints() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let mut checked = 0;
    let mut rest = readme.as_str();
    // A capture is a text block followed by the command that prints it.
    while let Some(start) = rest.find("```text\n") {
        let body = &rest[start + "```text\n".len()..];
        let end = body.find("```").expect("a closed block");
        let capture = &body[..end];
        let after = &body[end + 3..];
        let line = after.trim_start().lines().next().unwrap_or_default();
        rest = after;
        // Other text blocks (the folder layout) are not captures.
        let Some(command) = line
            .strip_prefix("(`bri-dash ")
            .and_then(|tail| tail.split_once('`'))
            .map(|(command, _)| command)
        else {
            continue;
        };
        let rendered = stdout_of(bri_dash().args(command.split(' ')));
        assert_eq!(
            capture, rendered,
            "regenerate the README capture with `bri-dash {command}`"
        );
        checked += 1;
    }
    assert_eq!(checked, 2, "the overview and the map");
}

/// clap echoes a bad argument in its message: a file name with an escape sequence, a bidi
/// override or a C1 control must reach the terminal written out, never raw (U+202E and
/// U+0085 passed through, and could reverse or break the line).
#[test]
fn bad_arguments_are_echoed_harmless() {
    let hostile = "a\u{1b}]0;TITLE\u{7}b\u{202e}c\u{85}d\u{9b}31m";
    for args in [
        vec![hostile],
        vec!["check", "--bogus", hostile],
        vec!["--lang", hostile],
        vec!["export", "--format", hostile],
    ] {
        let output = bri_dash().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        for raw in ['\u{1b}', '\u{7}', '\u{202e}', '\u{85}', '\u{9b}'] {
            assert!(
                !stderr.contains(raw) && !String::from_utf8_lossy(&output.stdout).contains(raw),
                "{args:?}: U+{:04X} reached the terminal: {stderr:?}",
                u32::from(raw)
            );
        }
    }
    let output = bri_dash().args([hostile]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("\\u{202e}c\\u{85}d"), "{stderr}");
}

/// A figure no tab shows cannot be reached: `check` warns, at its id, rustc-style, and the
/// dataset still loads (exit 0).
#[test]
fn check_warns_about_an_indicator_no_tab_shows() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("unreachable.toml");
    let text = std::fs::read_to_string(repo("assets/datasets/digital-silk-road-2023.toml"))
        .unwrap()
        .replace(
            "note = { zh = \"按文中列举的五项计数。\", en = \"Counted from the five the article lists.\" }\npanels = [\"ach-initiatives\"]\n",
            "note = { zh = \"按文中列举的五项计数。\", en = \"Counted from the five the article lists.\" }\n",
        );
    std::fs::write(&path, &text).unwrap();
    let output = bri_dash()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "a warning is not an error");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: indicator `named-digital-areas` is shown by no tab"),
        "{stderr}"
    );
    let line = text
        .lines()
        .position(|l| l == "id = \"named-digital-areas\"")
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("unreachable.toml:{line}:6")),
        "located at the id: {stderr}"
    );
    assert!(stderr.contains("help: make it a headline"), "{stderr}");
    // The shipped dataset shows it (in a panel): no warning.
    let output = bri_dash().args(["check"]).output().unwrap();
    assert!(
        !String::from_utf8(output.stderr)
            .unwrap()
            .contains("warning"),
        "the built-in datasets reach every figure"
    );
}
