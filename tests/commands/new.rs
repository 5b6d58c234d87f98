//! `bri-dash new`: the skeleton passes `check` and the schema, names a schema that exists
//! wherever the file goes, and nothing is ever overwritten.

use std::path::{Path, PathBuf};

use crate::common::{bri_dash, repo};

/// A temporary data folder (`XDG_DATA_HOME`) and a folder to write datasets in.
struct Places {
    data: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Places {
    fn new() -> Places {
        Places {
            data: tempfile::tempdir().unwrap(),
            work: tempfile::tempdir().unwrap(),
        }
    }

    fn schema(&self) -> PathBuf {
        self.data.path().join("bri-dash/dataset.schema.json")
    }

    fn file(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    fn new_command(&self, args: &[&str]) -> std::process::Output {
        bri_dash()
            .env("XDG_DATA_HOME", self.data.path())
            .arg("new")
            .args(args)
            .output()
            .unwrap()
    }
}

fn schema_command() -> Vec<u8> {
    bri_dash()
        .args(["schema", "dataset"])
        .output()
        .unwrap()
        .stdout
}

fn check(path: &Path) -> std::process::Output {
    bri_dash().arg("check").arg(path).output().unwrap()
}

/// The file's first line names the installed schema, which holds what `schema` prints.
fn assert_names_the_installed_schema(places: &Places, text: &str) {
    let schema = places.schema();
    assert!(schema.is_absolute());
    assert_eq!(
        text.lines().next().unwrap(),
        format!("#:schema {}", schema.display())
    );
    assert_eq!(std::fs::read(&schema).unwrap(), schema_command());
}

#[test]
fn the_skeleton_passes_check_and_the_schema_and_names_the_installed_schema() {
    let places = Places::new();
    let file = places.file("my-data.toml");
    let output = places.new_command(&[file.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_names_the_installed_schema(&places, &text);

    let checked = check(&file);
    assert_eq!(checked.status.code(), Some(0));
    assert!(
        String::from_utf8(checked.stdout)
            .unwrap()
            .ends_with("checked 1 dataset: no errors, no warnings\n")
    );
    assert!(checked.stderr.is_empty(), "no warning either");
    let validator = crate::schema::validator("dataset");
    assert_eq!(
        crate::schema::errors(&validator, &file),
        Vec::<String>::new()
    );

    // Every section a new editor needs.
    for header in [
        "[dataset]",
        "[[sources]]",
        "[[sources.authors]]",
        "[[tabs]]",
        "[[panels]]",
        "[[panels.points]]",
        "[[indicators]]",
        "[[indicators.series]]",
        "[[events]]",
    ] {
        assert!(text.lines().any(|l| l == header), "{header}");
    }
}

#[test]
fn every_key_of_the_skeleton_has_a_comment_where_it_first_appears() {
    let places = Places::new();
    let output = places.new_command(&[]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert_names_the_installed_schema(&places, &text);
    let (mut table, mut previous) = ("", "");
    let mut seen = std::collections::HashSet::new();
    for line in text.lines() {
        if line.starts_with('[') {
            table = line;
        } else if let Some((key, _)) = line.split_once(" = ")
            && !line.starts_with('#')
            && seen.insert((table, key))
        {
            assert!(
                previous.starts_with('#'),
                "`{key}` of {table} has no comment above it"
            );
        }
        previous = line;
    }
    assert!(seen.len() > 30, "{seen:?}");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let places = Places::new();
    let file = places.file("mine.toml");
    std::fs::write(&file, "my own work\n").unwrap();
    for args in [vec![], vec!["--from", "bri-connectivity"]] {
        let output = places.new_command(&[&[file.to_str().unwrap()], args.as_slice()].concat());
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("mine.toml already exists"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own work\n");
        assert!(!places.schema().exists(), "nothing is written at all");
    }
    let names: Vec<_> = std::fs::read_dir(places.work.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind");
}

#[test]
fn from_a_builtin_dataset_rewrites_its_relative_schema_line() {
    let places = Places::new();
    let file = places.file("edition.toml");
    let output = places.new_command(&[file.to_str().unwrap(), "--from", "bri-connectivity"]);
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(&file).unwrap();
    assert_names_the_installed_schema(&places, &text);
    let shipped = std::fs::read_to_string(repo("assets/datasets/bri-connectivity.toml")).unwrap();
    let (first, rest) = shipped.split_once('\n').unwrap();
    assert_eq!(first, "#:schema ../schema/dataset.schema.json");
    assert_eq!(
        text.split_once('\n').unwrap().1,
        rest,
        "the rest as shipped"
    );
    assert_eq!(check(&file).status.code(), Some(0));
}

#[test]
fn an_unknown_builtin_name_is_refused_with_the_nearest() {
    let places = Places::new();
    let file = places.file("edition.toml");
    let output = places.new_command(&[file.to_str().unwrap(), "--from", "bri-conectivity"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("did you mean `bri-connectivity`?"),
        "{stderr}"
    );
    assert!(!file.exists());
}

#[test]
fn a_stale_schema_in_the_data_folder_is_rewritten() {
    let places = Places::new();
    std::fs::create_dir_all(places.schema().parent().unwrap()).unwrap();
    std::fs::write(places.schema(), "{ \"an older\": \"schema\" }\n").unwrap();
    let output = places.new_command(&[places.file("a.toml").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read(places.schema()).unwrap(), schema_command());
}

#[test]
fn the_manual_page_and_help_tell_of_new_and_the_schema_it_writes() {
    let page = String::from_utf8(bri_dash().arg("man").output().unwrap().stdout).unwrap();
    for words in [
        "bri\\-dash new",
        "~/.local/share/bri\\-dash/dataset.schema.json",
        "XDG_DATA_HOME",
        "a commented dataset to start from",
    ] {
        assert!(page.contains(words), "the man page lacks {words:?}");
    }
    let help =
        String::from_utf8(bri_dash().args(["help", "new"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("--from <NAME>"), "{help}");
    assert!(help.contains("$XDG_DATA_HOME/bri-dash/"), "{help}");
}

#[test]
fn new_speaks_the_readers_language() {
    let places = Places::new();
    let file = places.file("mine.toml");
    std::fs::write(&file, "taken").unwrap();
    let path = file.to_str().unwrap();
    let refused = places.new_command(&["--lang", "zh", path]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8(refused.stderr).unwrap();
    assert!(
        said.contains("已存在") && said.contains("从不覆盖"),
        "{said}"
    );
    let unknown = places.new_command(&["--lang", "zh", "--from", "bri-conectivity"]);
    let said = String::from_utf8(unknown.stderr).unwrap();
    assert!(said.contains("是否想要“bri-connectivity”"), "{said}");
    let wrote = places.new_command(&["--lang", "zh", places.file("fresh.toml").to_str().unwrap()]);
    assert_eq!(wrote.status.code(), Some(0));
    assert!(String::from_utf8(wrote.stderr).unwrap().contains("已写入"));
}
