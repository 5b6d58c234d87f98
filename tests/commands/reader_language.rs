//! The command line speaks the reader's language: `--lang`, else the config's `language`,
//! else `LANG`, as the dashboard does.

use crate::common::{bri_dash, repo};

fn fixture(name: &str) -> String {
    repo("tests/fixtures").join(name).display().to_string()
}

/// `check FILE…` run with `args` before the files: its exit code, stdout and stderr.
fn check(args: &[&str], lang_env: &str, files: &[&str]) -> (Option<i32>, String, String) {
    let files: Vec<String> = files.iter().map(|name| fixture(name)).collect();
    let output = bri_dash()
        .env("LANG", lang_env)
        .arg("check")
        .args(args)
        .args(&files)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn check_reports_a_dataset_that_is_ok_in_chinese_with_lang_zh_or_a_chinese_locale() {
    for (args, lang_env) in [
        (&["--lang", "zh"][..], "en_US.UTF-8"),
        (&[][..], "zh_CN.UTF-8"),
    ] {
        let (code, stdout, stderr) = check(args, lang_env, &["valid/minimal.toml"]);
        assert_eq!(code, Some(0));
        assert!(
            stdout.contains("minimal.toml：正常（2 个标签页，1 个面板，1 个指标，1 个事件）\n"),
            "{stdout}"
        );
        assert!(
            stdout.ends_with("\n已检查 1 个数据集：没有错误，没有警告\n"),
            "{stdout}"
        );
        assert!(stderr.is_empty(), "{stderr}");
    }
}

#[test]
fn check_writes_its_report_and_count_in_chinese() {
    let files = [
        "invalid/dangling-reference.toml",
        "invalid/wrong-type.toml",
        "valid/countries.toml",
        "invalid/not-utf8.toml",
    ];
    for (args, lang_env) in [
        (&["--lang", "zh"][..], "en_US.UTF-8"),
        (&[][..], "zh_CN.UTF-8"),
    ] {
        let (code, _, stderr) = check(args, lang_env, &files);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.ends_with("\n已检查 4 个数据集：5 个错误，1 个警告\n"),
            "{stderr}"
        );
        // The level names of the rustc-style report, and the words of `check` itself.
        assert!(stderr.contains("\n错误: "), "{stderr}");
        assert!(
            stderr.contains("警告: 没有标签页显示指标 `partners`：读者在仪表盘中无法看到它\n"),
            "{stderr}"
        );
        assert!(stderr.contains("= 提示: 将它设为头条"), "{stderr}");
        assert!(stderr.contains("错误: 无法读取 "), "{stderr}");
        for english in ["error:", "warning:", "help:", "checked", "cannot read"] {
            assert!(!stderr.contains(english), "{english} in\n{stderr}");
        }
    }
}

#[test]
fn check_follows_the_configs_language_unless_lang_says_otherwise() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("config.toml");
    std::fs::write(&config, "language = \"zh\"\n").unwrap();
    let config = config.display().to_string();
    let (_, stdout, _) = check(
        &["--config", &config],
        "en_US.UTF-8",
        &["valid/minimal.toml"],
    );
    assert!(
        stdout.ends_with("已检查 1 个数据集：没有错误，没有警告\n"),
        "{stdout}"
    );
    let (_, stdout, _) = check(
        &["--config", &config, "--lang", "en"],
        "zh_CN.UTF-8",
        &["valid/minimal.toml"],
    );
    assert!(
        stdout.ends_with("checked 1 dataset: no errors, no warnings\n"),
        "{stdout}"
    );
}

#[test]
fn check_stays_english_for_an_english_reader() {
    let (_, _, stderr) = check(&[], "en_US.UTF-8", &["valid/countries.toml"]);
    assert!(
        stderr.starts_with("warning: indicator `partners` is shown by no tab"),
        "{stderr}"
    );
    assert!(stderr.contains("= help: make it a headline"), "{stderr}");
    assert!(
        stderr.ends_with("\nchecked 1 dataset: no errors, 1 warning\n"),
        "{stderr}"
    );
}

#[test]
fn check_says_each_kind_of_validation_problem_in_chinese() {
    let expected = [
        (
            "invalid/unknown-key.toml",
            "错误: 未知的字段 `as_off`，应为 `as_of`、`id`、",
        ),
        ("invalid/unknown-key.toml", "= 提示: 是否想写 `as_of`？"),
        ("invalid/missing-field.toml", "错误: 缺少字段 `unit`"),
        (
            "invalid/dangling-reference.toml",
            "错误: 未知的来源 `sede`：应为某个 [[sources]] 条目的 id",
        ),
        (
            "invalid/wrong-type.toml",
            "错误: 数值应为数字；实际为字符串 \"twenty\"",
        ),
        (
            "invalid/missing-translation.toml",
            "错误: 指标标签缺少英文文本",
        ),
        (
            "invalid/missing-translation.toml",
            "= 提示: 请添加 en = \"…\"",
        ),
        (
            "invalid/unknown-language.toml",
            "错误: 未知的语言 `fr`：应为 \"zh\" 或 \"en\"",
        ),
        ("invalid/invalid-date.toml", "；实际为字符串 \"2023-02-30\""),
        ("invalid/duplicate-id.toml", "重复（首次定义于第 "),
    ];
    for (args, lang_env) in [
        (&["--lang", "zh"][..], "en_US.UTF-8"),
        (&[][..], "zh_CN.UTF-8"),
    ] {
        for (file, message) in expected {
            let (code, _, stderr) = check(args, lang_env, &[file]);
            assert_eq!(code, Some(1), "{file}: {stderr}");
            assert!(stderr.contains(message), "{message} in {file}:\n{stderr}");
        }
    }
    // toml's own syntax messages stay in the crate's English, under Chinese level names.
    let (_, _, stderr) = check(
        &["--lang", "zh"],
        "en_US.UTF-8",
        &["invalid/syntax-error.toml"],
    );
    assert!(stderr.starts_with("错误: "), "{stderr}");
}

#[test]
fn check_says_the_validation_problems_in_english_to_an_english_reader() {
    let (_, _, stderr) = check(&[], "en_US.UTF-8", &["invalid/wrong-type.toml"]);
    assert!(
        stderr.contains("error: expected a number for the value; found the string \"twenty\""),
        "{stderr}"
    );
    let (_, _, stderr) = check(
        &["--lang", "en"],
        "zh_CN.UTF-8",
        &["invalid/unknown-key.toml"],
    );
    assert!(stderr.contains("= help: did you mean `as_of`?"), "{stderr}");
}

/// `bri-dash ARGS…` with `LANG=lang_env`: its exit code and stderr.
fn run(args: &[&str], lang_env: &str) -> (Option<i32>, String) {
    let output = bri_dash()
        .env("LANG", lang_env)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_commands_say_why_they_stop_in_chinese() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("config.toml");
    std::fs::write(&config, "language = \"auto\"\n").unwrap();
    let config = config.display().to_string();
    let not_utf8 = fixture("invalid/not-utf8.toml");
    let missing = folder.path().join("missing.toml").display().to_string();
    let cases: [(Vec<&str>, &str); 7] = [
        (
            vec!["--dataset", "digital-silk-rode-2023", "render"],
            "没有名为 `digital-silk-rode-2023` 的数据集，也没有这个文件；已有的数据集：",
        ),
        (
            vec!["--dataset", "digital-silk-rode-2023", "render"],
            "；是否想写 `digital-silk-road-2023`？",
        ),
        (
            vec!["render", "--tab", "nope"],
            "bri-dash: 没有标签页 `nope`：应为 1 到 ",
        ),
        (vec!["--dataset", &not_utf8, "render"], "错误: 无法读取 "),
        (vec!["--dataset", &missing, "render"], "：文件不存在"),
        (
            vec!["export", "-o", "brief.txt"],
            "bri-dash: 无法判断要以哪种格式写入 brief.txt：`.txt` 不对应任何格式",
        ),
        (
            vec![
                "--config", &config, "export", "--format", "markdown", "-o", &config,
            ],
            "：它是配置文件；请换一个 --output",
        ),
    ];
    for lang_args in [&["--lang", "zh"][..], &[][..]] {
        let lang_env = if lang_args.is_empty() {
            "zh_CN.UTF-8"
        } else {
            "en_US.UTF-8"
        };
        for (args, message) in &cases {
            let mut all: Vec<&str> = lang_args.to_vec();
            all.extend(args);
            let (code, stderr) = run(&all, lang_env);
            assert_eq!(code, Some(2), "{all:?}: {stderr}");
            assert!(stderr.contains(message), "{message} for {all:?}:\n{stderr}");
        }
    }
    let (_, stderr) = run(&["export", "--indicator", "x"], "zh_CN.UTF-8");
    assert!(
        stderr.contains("--indicator 用于选择 --format svg 的图表"),
        "{stderr}"
    );
}

#[test]
fn the_commands_say_why_they_stop_in_english_to_an_english_reader() {
    let (_, stderr) = run(
        &["--dataset", "digital-silk-rode-2023", "render"],
        "en_US.UTF-8",
    );
    assert!(
        stderr.contains("no dataset is named `digital-silk-rode-2023` and no such file exists"),
        "{stderr}"
    );
    assert!(
        stderr.contains("; did you mean `digital-silk-road-2023`?"),
        "{stderr}"
    );
    let (_, stderr) = run(&["--lang", "en", "render", "--tab", "nope"], "zh_CN.UTF-8");
    assert!(stderr.starts_with("bri-dash: no tab `nope`"), "{stderr}");
}

#[test]
fn the_dashboard_without_a_terminal_says_so_in_the_readers_language() {
    let (code, stderr) = run(&["--lang", "zh"], "en_US.UTF-8");
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("bri-dash: 仪表盘需要终端（标准输入和标准输出都必须是终端）。\n"),
        "{stderr}"
    );
    let (_, stderr) = run(&[], "en_US.UTF-8");
    assert!(
        stderr.starts_with("bri-dash: the dashboard needs a terminal"),
        "{stderr}"
    );
}
