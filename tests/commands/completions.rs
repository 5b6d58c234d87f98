//! `bri-dash completions SHELL` and `bri-dash man`: generated from the command line's own
//! definitions, printed on stdout, nothing on stderr.

use assert_cmd::Command;

fn stdout_of(args: &[&str]) -> String {
    let output = Command::cargo_bin("bri-dash")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "bri-dash {args:?}");
    assert!(
        output.stderr.is_empty(),
        "bri-dash {args:?} wrote to stderr"
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn completion_scripts_know_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        for word in [
            "bri-dash",
            "check",
            "render",
            "list",
            "export",
            "schema",
            "completions",
        ] {
            assert!(script.contains(word), "{shell} completion lacks `{word}`");
        }
    }
    let bash = stdout_of(&["completions", "bash"]);
    assert!(bash.contains("complete -F"), "a bash completion function");
    assert!(
        bash.contains("markdown") && bash.contains("csv") && bash.contains("json"),
        "export --format values complete"
    );
}

#[test]
fn an_unknown_shell_is_a_bad_invocation() {
    let output = Command::cargo_bin("bri-dash")
        .unwrap()
        .args(["completions", "cmd.exe"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8(output.stderr).unwrap().contains("bash"));
}

#[test]
fn the_man_page_is_roff_with_the_commands_and_exit_codes() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH bri-dash 1"), "{page}");
    for word in ["export", "schema", "completions", "exit\\-code"] {
        assert!(page.contains(word), "the man page lacks `{word}`");
    }
    for section in [
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "the man page lacks {section}");
    }
    // No page per subcommand exists to point to.
    assert!(!page.contains("bri\\-dash\\-check(1)"), "{page}");
    // The examples keep their columns: unfilled.
    let examples = &page[page.find(".SH EXAMPLES").unwrap()..];
    assert!(examples.contains("\n.nf\n"), "{examples}");
    // Every default key of the help is listed.
    assert!(page.contains("copy the figure with its citation"), "{page}");
}
