//! `bri-dash --plain`: the dashboard as plain lines, for a screen reader or for pasting.

use crate::common::bri_dash;

fn plain(args: &[&str]) -> String {
    let output = bri_dash().arg("--plain").args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_built_in_dataset_reads_line_by_line_in_both_languages() {
    insta::assert_snapshot!("plain-en", plain(&["--lang", "en"]));
    insta::assert_snapshot!("plain-zh", plain(&["--lang", "zh"]));
}

#[test]
fn every_tab_and_item_of_every_dataset_is_there_without_drawing() {
    for name in [
        "digital-silk-road-2023",
        "bri-connectivity",
        "silk-road-partners",
    ] {
        let text = plain(&["--dataset", name, "--lang", "en"]);
        let drawn: Vec<char> = text
            .chars()
            .filter(|&c| {
                ('\u{2500}'..='\u{259f}').contains(&c) || ('\u{2800}'..='\u{28ff}').contains(&c)
            })
            .collect();
        assert!(drawn.is_empty(), "{name}: {drawn:?}");
        let builtin = bri_dash::dataset::builtin(name).expect("a built-in dataset");
        let dataset = bri_dash::dataset::load_builtin(builtin).unwrap();
        let count = dataset.tabs.len();
        for (index, tab) in dataset.tabs.iter().enumerate() {
            let heading = format!("Tab {} of {count}: {}", index + 1, tab.title.en);
            assert!(
                text.lines().any(|line| line == heading),
                "{name}: no `{heading}`"
            );
        }
        for source in &dataset.sources {
            assert!(
                text.contains(&source.title.en),
                "{name}: source {}",
                source.id
            );
        }
        for indicator in &dataset.indicators {
            // Every figure the dashboard shows, with its observations one a line.
            let label = format!("{}: ", indicator.label.en);
            let lines = text
                .lines()
                .filter(|line| line.trim_start().starts_with(&label))
                .count();
            assert!(
                lines > indicator.series.len(),
                "{name}: {} on {lines} lines",
                indicator.id
            );
        }
    }
}

#[test]
fn plain_text_for_a_terminal_of_ascii_is_transliterated_whole() {
    let output = bri_dash()
        .args(["--plain", "--lang", "zh"])
        .env("LANG", "C")
        .env("LC_ALL", "")
        .env("LC_CTYPE", "")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.is_ascii(), "{text}");
    // 概览, the overview's Chinese title, in pinyin.
    assert!(text.contains("Gai Lan"), "{text}");
}
