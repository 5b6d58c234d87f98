//! `bri-dash list --format json`: the datasets as an array of objects a script can read.

use crate::common::{bri_dash, repo};

#[test]
fn list_as_json_is_an_array_of_datasets_with_their_status() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo("tests/fixtures/valid/minimal.toml"),
        folder.path().join("mine.toml"),
    )
    .unwrap();
    std::fs::write(folder.path().join("broken.toml"), "[dataset\n").unwrap();
    let config = folder.path().join("config.toml");
    std::fs::write(
        &config,
        "default = \"mine\"\n\n[[datasets]]\nname = \"broken\"\npath = \"broken.toml\"\n\n\
         [[datasets]]\nname = \"mine\"\npath = \"mine.toml\"\n",
    )
    .unwrap();
    let output = bri_dash()
        .args([
            "list",
            "--format",
            "json",
            "--config",
            config.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let listed = listed.as_array().expect("an array");
    // The config's datasets first, in its order; the built-in ones after them.
    let (broken, mine) = (&listed[0], &listed[1]);
    assert_eq!(broken["name"], "broken");
    assert_eq!(broken["status"], "error");
    assert_eq!(broken["default"], false);
    assert!(
        broken["error"].as_str().unwrap().starts_with("1:"),
        "{broken}"
    );
    assert!(broken["title"].is_null() && broken["as_of"].is_null());
    assert_eq!(mine["name"], "mine");
    assert_eq!(mine["status"], "ok");
    assert_eq!(mine["default"], true);
    assert!(mine["error"].is_null());
    assert!(
        mine["location"].as_str().unwrap().ends_with("mine.toml"),
        "{mine}"
    );
    assert_eq!(mine["title"], "Minimal dataset");
    assert_eq!(mine["as_of"], "2023-10-mid");
}

#[test]
fn the_list_header_is_in_the_reader_language() {
    let output = bri_dash().args(["list", "--lang", "zh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("  名称\t位置\t标题\t截至\t状态\n"),
        "{stdout}"
    );
}

#[test]
fn a_dataset_that_does_not_load_is_listed_with_its_first_problem_in_chinese() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("config.toml");
    std::fs::write(
        &config,
        "[[datasets]]\nname = \"gone\"\npath = \"gone.toml\"\n",
    )
    .unwrap();
    let output = bri_dash()
        .env("LANG", "zh_CN.UTF-8")
        .args(["list", "--config", &config.display().to_string()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("\t错误：文件不存在\n"), "{stdout}");
    assert!(
        stdout.contains("\t正常\n"),
        "the built-in datasets: {stdout}"
    );
}
