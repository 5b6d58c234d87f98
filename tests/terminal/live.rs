//! A running dashboard whose files are edited under it: every way editors and scripts
//! save a file, a broken edit and its fix, a file that vanishes and comes back, and a
//! config edit that changes the default dataset. The real binary, in a pseudo-terminal.

#![cfg(unix)]

use crate::harness;

use std::fs;
use std::path::{Path, PathBuf};

use harness::Dash;
use tempfile::TempDir;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.toml");

/// A folder with a config naming two datasets: `mine` (a copy of the minimal fixture,
/// the default) and the built-in one.
struct Folder {
    dir: TempDir,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("data.toml"), MINIMAL).unwrap();
        fs::write(
            dir.path().join("config.toml"),
            "default = \"mine\"\n\n[[datasets]]\nname = \"mine\"\npath = \"data.toml\"\n\n\
             [[datasets]]\nname = \"dsr\"\nbuiltin = \"digital-silk-road-2023\"\n",
        )
        .unwrap();
        Folder { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn dashboard(&self) -> Dash {
        let config = self.path("config.toml");
        let mut dash = Dash::spawn_with_args(100, 30, &["--config", config.to_str().unwrap()]);
        dash.wait_for("the minimal dataset", |screen| {
            screen.contents().contains("20 countries")
        });
        dash
    }

    /// The dataset with its one figure set to `value` (a number, or anything else to break it).
    fn with_value(value: &str) -> String {
        MINIMAL.replace("value = 20\n", &format!("value = {value}\n"))
    }
}

fn rename_save(path: &Path, text: &str) {
    // What vim and `sed -i` do: write a new file, then rename it over the old one.
    let temporary = path.with_extension("toml.swp");
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, path).unwrap();
}

fn shows(dash: &mut Dash, what: &str) {
    let needle = what.to_owned();
    dash.wait_for(what, move |screen| screen.contents().contains(&needle));
}

#[test]
fn a_rename_save_shows_the_new_value() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    rename_save(&folder.path("data.toml"), &Folder::with_value("21"));
    shows(&mut dash, "21 countries");
    shows(&mut dash, "reloaded");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_truncate_and_write_shows_the_new_value() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    // What most editors without backups do: open with O_TRUNC and write in place.
    fs::write(folder.path("data.toml"), Folder::with_value("22")).unwrap();
    shows(&mut dash, "22 countries");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_deleted_file_keeps_the_last_data_until_it_comes_back() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    fs::remove_file(folder.path("data.toml")).unwrap();
    shows(&mut dash, "data.toml: no such file — still showing mine");
    assert!(
        dash.contents().contains("20 countries"),
        "the last good data stays"
    );
    fs::write(folder.path("data.toml"), Folder::with_value("23")).unwrap();
    shows(&mut dash, "23 countries");
    dash.wait_for("the banner to go", |screen| {
        !screen.contents().contains("no such file")
    });
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_broken_edit_keeps_the_old_value_with_a_banner_until_fixed() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    rename_save(&folder.path("data.toml"), &Folder::with_value("\"x\""));
    shows(&mut dash, "data.toml:38:9: expected a number for the value");
    assert!(
        dash.contents().contains("20 countries"),
        "the old value stays on screen"
    );
    rename_save(&folder.path("data.toml"), &Folder::with_value("24"));
    shows(&mut dash, "24 countries");
    dash.wait_for("the banner to go", |screen| {
        !screen.contents().contains("expected a number")
    });
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn r_reloads_by_hand() {
    let folder = Folder::new();
    let config = folder.path("config.toml");
    fs::write(
        &config,
        format!("watch = false\n{}", fs::read_to_string(&config).unwrap()),
    )
    .unwrap();
    let mut dash = folder.dashboard();
    fs::write(folder.path("data.toml"), Folder::with_value("25")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert!(
        dash.contents().contains("20 countries"),
        "watch = false: no reload by itself"
    );
    dash.send("r");
    shows(&mut dash, "25 countries");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_config_edit_switches_the_default_dataset() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    let config = folder.path("config.toml");
    let edited = fs::read_to_string(&config)
        .unwrap()
        .replace("default = \"mine\"", "default = \"dsr\"");
    rename_save(&config, &edited);
    shows(&mut dash, "130 systems");
    shows(&mut dash, "now showing dsr");
    dash.send("q");
    dash.expect_exit(0);
}

/// A config save applies its language, keys and theme to the dashboard that is open.
#[test]
fn a_config_save_applies_its_language_keys_and_theme_live() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    shows(&mut dash, "Overview");
    let config = folder.path("config.toml");
    let edited = format!(
        "language = \"zh\"\ntheme = \"mono\"\n{}\n[keys]\nquit = \"x\"\n",
        fs::read_to_string(&config).unwrap()
    );
    rename_save(&config, &edited);
    shows(&mut dash, "概览");
    // q is no longer bound to quit: the dashboard is still there to open its help, which
    // lists x as the key that quits; x quits.
    dash.send("q");
    dash.send("?");
    shows(&mut dash, " 按键 ");
    dash.send("\x1b");
    dash.wait_for("the help to close", |screen| {
        !screen.contents().contains(" 按键 ")
    });
    dash.send("x");
    dash.expect_exit(0);
}

#[test]
fn the_picker_switches_and_compares() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    dash.send("d");
    shows(&mut dash, " Datasets ");
    shows(&mut dash, "Accelerating the high-quality development");
    // The built-in dataset, second in the list, compared with the one shown.
    dash.send("j");
    dash.send("c");
    shows(&mut dash, "Compared with the dataset shown");
    shows(&mut dash, "Removed indicators");
    dash.send("\x1b");
    // Apart, or the terminal reads ESC d as Alt-d.
    dash.wait_for("the comparison to close", |screen| {
        !screen.contents().contains("Compared with")
    });
    dash.send("d");
    shows(&mut dash, " Datasets ");
    dash.send("j");
    dash.send("\r");
    shows(&mut dash, "130 systems");
    dash.send("q");
    dash.expect_exit(0);
}

/// The picker reads every dataset it lists for its title and status on the store's worker:
/// while a big one (15 000 indicators, about 13.5 MB, under the 16 MB cap; seconds to read in a debug build) is
/// still being read, a key is answered at once.
#[test]
fn keys_are_answered_while_the_picker_reads_a_big_dataset() {
    let folder = Folder::new();
    fs::write(folder.path("big.toml"), crate::generate::dataset(15_000)).unwrap();
    let config = folder.path("config.toml");
    let mut text = fs::read_to_string(&config).unwrap();
    text.push_str("\n[[datasets]]\nname = \"big\"\npath = \"big.toml\"\n");
    fs::write(&config, text).unwrap();
    let mut dash = folder.dashboard();
    dash.send("d");
    shows(&mut dash, " Datasets ");
    dash.send("j");
    dash.wait_for(
        "the selection to move while the datasets are still being read",
        |screen| {
            let contents = screen.contents();
            let moved = contents
                .lines()
                .any(|line| line.contains("▶ ") && line.contains("dsr"));
            moved && unread_entries(&contents) > 0
        },
    );
    // The reading ends, and the picker shows what it found.
    dash.wait_for("every dataset read", |screen| {
        unread_entries(&screen.contents()) == 0
    });
    // Ctrl-C quits from the open picker (q would only close it).
    dash.send("\x03");
    dash.expect_exit(0);
}

/// The picker's entries whose status is still `…` (not read yet): a row with nothing else
/// inside the popup's borders.
fn unread_entries(contents: &str) -> usize {
    contents
        .lines()
        .filter(|line| line.trim_matches(|c: char| c.is_whitespace() || "│┃".contains(c)) == "…")
        .count()
}

/// The banner of a broken dataset while it stays broken.
fn still_broken(dash: &Dash, after: &str) {
    assert!(
        dash.contents()
            .contains("data.toml:38:9: expected a number for the value"),
        "the banner went after {after} though the dataset is still broken; the screen:\n{}",
        dash.contents()
    );
}

#[test]
fn the_picker_does_not_hide_the_banner_of_a_broken_dataset() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    rename_save(&folder.path("data.toml"), &Folder::with_value("\"x\""));
    shows(&mut dash, "data.toml:38:9: expected a number for the value");
    dash.send("d");
    shows(&mut dash, "Accelerating the high-quality development");
    dash.send("\x1b");
    dash.wait_for("the picker to close", |screen| {
        !screen.contents().contains(" Datasets ")
    });
    still_broken(&dash, "d then Esc");
    rename_save(&folder.path("data.toml"), &Folder::with_value("26"));
    shows(&mut dash, "26 countries");
    dash.wait_for("the banner to go", |screen| {
        !screen.contents().contains("expected a number")
    });
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_config_save_does_not_hide_the_banner_of_a_broken_dataset() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    rename_save(&folder.path("data.toml"), &Folder::with_value("\"x\""));
    shows(&mut dash, "data.toml:38:9: expected a number for the value");
    let config = folder.path("config.toml");
    let edited = format!(
        "{}\n[[datasets]]\nname = \"extra\"\nbuiltin = \"digital-silk-road-2023\"\n",
        fs::read_to_string(&config).unwrap()
    );
    rename_save(&config, &edited);
    // Long enough for the watch to report the config and the dashboard to read it.
    std::thread::sleep(std::time::Duration::from_millis(800));
    still_broken(&dash, "a config save");
    // The config was read again: its new entry is in the picker.
    dash.send("d");
    shows(&mut dash, "extra");
    dash.send("\x1b");
    dash.wait_for("the picker to close", |screen| {
        !screen.contents().contains(" Datasets ")
    });
    still_broken(&dash, "a config save and the picker");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_config_that_moves_the_shown_entry_to_another_file_shows_and_watches_that_file() {
    let folder = Folder::new();
    let mut dash = folder.dashboard();
    fs::write(folder.path("other.toml"), Folder::with_value("27")).unwrap();
    let config = folder.path("config.toml");
    let edited = fs::read_to_string(&config)
        .unwrap()
        .replace("path = \"data.toml\"", "path = \"other.toml\"");
    rename_save(&config, &edited);
    shows(&mut dash, "27 countries");
    // The new file is watched…
    rename_save(&folder.path("other.toml"), &Folder::with_value("28"));
    shows(&mut dash, "28 countries");
    // …and `r` reads it, not the old one.
    fs::write(folder.path("data.toml"), Folder::with_value("99")).unwrap();
    dash.send("r");
    shows(&mut dash, "reloaded");
    assert!(
        dash.contents().contains("28 countries"),
        "r read the old file; the screen:\n{}",
        dash.contents()
    );
    dash.send("q");
    dash.expect_exit(0);
}

/// Makes `link` a symlink to `target`, replacing it at once as `ln -sfn` does.
fn relink(target: &Path, link: &Path) {
    let temporary = link.with_extension("link.tmp");
    std::os::unix::fs::symlink(target, &temporary).unwrap();
    fs::rename(&temporary, link).unwrap();
}

#[test]
fn a_symlinked_dataset_follows_its_target_in_another_folder() {
    let folder = Folder::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("real.toml");
    fs::write(&real, MINIMAL).unwrap();
    fs::remove_file(folder.path("data.toml")).unwrap();
    relink(&real, &folder.path("data.toml"));
    let mut dash = folder.dashboard();
    // An edit of the target, in its own folder.
    rename_save(&real, &Folder::with_value("31"));
    shows(&mut dash, "31 countries");
    // A broken target: the banner.
    rename_save(&real, &Folder::with_value("\"x\""));
    shows(&mut dash, "expected a number for the value");
    assert!(
        dash.contents().contains("31 countries"),
        "the last good data stays"
    );
    // The link pointed elsewhere: the new target is shown, then watched.
    let second = elsewhere.path().join("second.toml");
    fs::write(&second, Folder::with_value("32")).unwrap();
    relink(&second, &folder.path("data.toml"));
    shows(&mut dash, "32 countries");
    dash.wait_for("the banner to go", |screen| {
        !screen.contents().contains("expected a number")
    });
    rename_save(&second, &Folder::with_value("33"));
    shows(&mut dash, "33 countries");
    dash.send("q");
    dash.expect_exit(0);
}

#[test]
fn a_folder_deleted_and_created_again_is_watched_again() {
    let folder = Folder::new();
    fs::create_dir(folder.path("sub")).unwrap();
    fs::write(folder.path("sub/data.toml"), MINIMAL).unwrap();
    let config = folder.path("config.toml");
    let edited = fs::read_to_string(&config)
        .unwrap()
        .replace("path = \"data.toml\"", "path = \"sub/data.toml\"");
    fs::write(&config, edited).unwrap();
    let mut dash = folder.dashboard();
    fs::remove_dir_all(folder.path("sub")).unwrap();
    shows(&mut dash, "no such file");
    fs::create_dir(folder.path("sub")).unwrap();
    fs::write(folder.path("sub/data.toml"), Folder::with_value("34")).unwrap();
    shows(&mut dash, "34 countries");
    dash.wait_for("the banner to go", |screen| {
        !screen.contents().contains("no such file")
    });
    // The new folder itself is watched, not only its parent.
    rename_save(&folder.path("sub/data.toml"), &Folder::with_value("35"));
    shows(&mut dash, "35 countries");
    dash.send("q");
    dash.expect_exit(0);
}
