//! Hostile inputs: every file of tests/fixtures/hostile/ (each says what it attacks and what
//! must happen in its first lines), and the inputs no repository can hold (a FIFO,
//! /dev/zero, a symlink loop, a directory, a 5 MB note, nesting 10 000 deep…), through the
//! loader and through every command a user can point at them: `check`, `render`, `export`,
//! `list` and the dashboard's start-up. Each case ends in a clear error or a visibly sanitised
//! string, within a deadline, with no ESC — nor any other control or bidi character — from
//! the data in any output, and with nothing written to the inputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use assert_cmd::Command;
use bri_dash::app::{Action, App, update};
use bri_dash::dataset::{Dataset, Lang, load_file};
use bri_dash::files::diagnostic::FileError;
use bri_dash::files::textfile::DEFAULT_MAX_BYTES;
use bri_dash::text::sanitize::{MAX_CHARS, MAX_LABEL_CHARS};
use bri_dash::ui::headless;
use chrono::NaiveDate;
use ratatui::layout::Size;

/// Every run must end well within this, or it counts as hanging. The issue asks for "within
/// a second" from a release build; this leaves room for a debug build on a busy machine.
const DEADLINE: Duration = Duration::from_secs(5);

/// A string of the hostile datasets, and where it can be seen.
#[derive(Debug, Clone, Copy)]
enum Field {
    Title,
    Summary,
    TabTitle,
    PanelTitle,
    Point,
    SubPoint,
    PointQuote,
    Label,
    Unit,
    Quote,
    Note,
    Item,
    EventLabel,
    EventNote,
    Author,
    Affiliation,
    Publication,
    SourceTitle,
}

impl Field {
    fn of(self, d: &Dataset) -> &str {
        let point = || &d.panels[0].points[0];
        let indicator = || &d.indicators[0];
        let source = || &d.sources[0];
        let text = match self {
            Field::Title => &d.meta.title,
            Field::Summary => &d.meta.summary,
            Field::TabTitle => &d.tabs[0].title,
            Field::PanelTitle => &d.panels[0].title,
            Field::Point => &point().text,
            Field::SubPoint => &point().sub[0],
            Field::PointQuote => point().quote.as_ref().unwrap(),
            Field::Label => &indicator().label,
            Field::Unit => &indicator().unit,
            Field::Quote => &indicator().quote,
            Field::Note => indicator().note.as_ref().unwrap(),
            Field::Item => &indicator().items[0],
            Field::EventLabel => &d.events[0].label,
            Field::EventNote => d.events[0].note.as_ref().unwrap(),
            Field::Author => &source().authors[0].name,
            Field::Affiliation => source().authors[0].affiliation.as_ref().unwrap(),
            Field::Publication => source().publication.as_ref().unwrap(),
            Field::SourceTitle => &source().title,
        };
        text.get(Lang::En)
    }

    /// The tab of the hostile datasets whose frame shows the field; `None` for what only
    /// the detail popup shows.
    fn tab(self) -> Option<&'static str> {
        match self {
            Field::Title | Field::Summary | Field::TabTitle | Field::Author => Some("overview"),
            Field::Label | Field::Unit => Some("overview"),
            Field::PanelTitle | Field::Point | Field::SubPoint => Some("areas"),
            Field::EventLabel => Some("timeline"),
            Field::SourceTitle | Field::Publication | Field::Affiliation => Some("sources"),
            Field::PointQuote | Field::Quote | Field::Note | Field::Item | Field::EventNote => None,
        }
    }
}

/// What must happen to a file.
#[derive(Debug)]
enum Expect {
    /// It loads, and each field reads as given once sanitised.
    Shows(&'static [(Field, &'static str)]),
    /// It loads, and the field is cut to this many characters followed by `…`.
    Cut(Field, usize),
    /// It is rejected with this message, located on the first line containing `at`.
    Invalid {
        at: &'static str,
        message: &'static str,
    },
    /// It cannot be read at all; the reason says this.
    Unreadable(&'static str),
}

use Expect::*;
use Field::*;

/// Every file of tests/fixtures/hostile/ and its outcome.
const CASES: &[(&str, Expect)] = &[
    // Each escape-sequence family, removed whole.
    ("csi-sgr-in-title", Shows(&[(Title, "Red title")])),
    (
        "csi-erase-screen-in-label",
        Shows(&[(Label, "Cleared label")]),
    ),
    ("csi-cursor-moves-in-unit", Shows(&[(Unit, "countries")])),
    (
        "osc0-window-title-in-tab-title",
        Shows(&[(TabTitle, "Overview")]),
    ),
    ("osc52-clipboard-in-quote", Shows(&[(Quote, "Quoted")])),
    ("osc8-hyperlink-in-point", Shows(&[(Point, "Click here")])),
    ("dcs-queries-in-note", Shows(&[(Note, "A note")])),
    (
        "apc-graphics-in-sub-point",
        Shows(&[(SubPoint, "Sub-point")]),
    ),
    ("pm-in-summary", Shows(&[(Summary, "Summary")])),
    ("sos-in-event-label", Shows(&[(EventLabel, "Announced")])),
    ("c1-8bit-csi-in-author", Shows(&[(Author, "Zuo Pengfei")])),
    (
        "c1-8bit-osc-dcs-raw-in-publication",
        Shows(&[(Publication, "Journal")]),
    ),
    (
        "esc-short-sequences-in-item",
        Shows(&[(Item, "Reset lqqk saved")]),
    ),
    (
        "esc-unterminated-osc-in-affiliation",
        Shows(&[(Affiliation, "Academy")]),
    ),
    (
        "esc-doubled-in-panel-title",
        Shows(&[(PanelTitle, "Policy")]),
    ),
    (
        "toml11-escapes-in-source-title",
        Shows(&[(SourceTitle, "Article")]),
    ),
    // Other controls: shown in caret notation, or a space for line breaks and tabs.
    (
        "c0-controls-in-every-string",
        Shows(&[
            (Title, "Title^G"),
            (Label, "Label^H"),
            (Unit, "unit^@"),
            (Quote, "Quote^A"),
            (Note, "Note^Z"),
            (Point, "Point^X"),
            (TabTitle, "Tab^G"),
            (Author, "Author^N"),
        ]),
    ),
    (
        "del-and-c1-in-event-note",
        Shows(&[(EventNote, "a^?b cde")]),
    ),
    (
        "newlines-and-tabs-in-note",
        Shows(&[(Note, "multi-line with tabs and CRLF")]),
    ),
    (
        "backspace-overwrite-in-quote",
        Shows(&[(Quote, "Harmless^H^H^H^H^H^H^H^HEvil")]),
    ),
    (
        "carriage-return-in-label",
        Shows(&[(Label, "Evil text Good text")]),
    ),
    (
        "vertical-tab-form-feed-in-point-quote",
        Shows(&[(PointQuote, "a b c")]),
    ),
    // Bidi and invisible characters, removed.
    (
        "bidi-override-in-tab-title",
        Shows(&[(TabTitle, "weivrevO")]),
    ),
    (
        "bidi-isolates-in-tab-title",
        Shows(&[(TabTitle, "Overview")]),
    ),
    ("bidi-marks-in-unit", Shows(&[(Unit, "countries")])),
    ("zero-width-in-label", Shows(&[(Label, "Zerowidth label")])),
    (
        "line-separators-in-summary",
        Shows(&[(Summary, "one two three four")]),
    ),
    ("tag-characters-in-item", Shows(&[(Item, "item")])),
    (
        "soft-hyphen-and-annotation-in-author",
        Shows(&[(Author, "Zuo Pengfei")]),
    ),
    // Combining marks and lengths, capped.
    (
        "combining-10000-in-label",
        Shows(&[(Label, "Z\u{301}\u{301}\u{301}\u{301}algo")]),
    ),
    ("combining-orphans-in-title", Shows(&[(Title, "Title")])),
    ("long-label", Cut(Label, MAX_LABEL_CHARS)),
    ("long-point", Cut(Point, MAX_CHARS)),
    (
        "only-escapes-in-tab-title",
        Invalid {
            at: r#"title = "\u001b[31m"#,
            message: "the English text of the tab title has nothing printable",
        },
    ),
    // Numbers.
    (
        "huge-integer-value",
        Invalid {
            at: "value = 99999999999999999999",
            message: "the integer 99999999999999999999 is out of range",
        },
    ),
    (
        "huge-negative-integer-target",
        Invalid {
            at: "target = -99999999999999999999",
            message: "the integer -99999999999999999999 is out of range",
        },
    ),
    (
        "huge-hex-integer-value",
        Invalid {
            at: "value = 0xffffffffffffffffff",
            message: "the integer 4722366482869645213695 is out of range",
        },
    ),
    (
        "nan-value",
        Invalid {
            at: "value = nan",
            message: "expected a finite number for the value; found NaN",
        },
    ),
    (
        "inf-target",
        Invalid {
            at: "target = -inf",
            message: "expected a finite number for the target; found -inf",
        },
    ),
    (
        "float-overflow-value",
        Invalid {
            at: "value = 1e400",
            message: "number too large",
        },
    ),
    ("extreme-numbers", Shows(&[(Label, "Countries")])),
    // Beyond 2^53 an integer would lose digits as a figure: refused, with its place.
    (
        "i64-extremes",
        Invalid {
            at: "-9223372036854775808",
            message: "the integer -9223372036854775808 is too large to keep exactly",
        },
    ),
    // Nesting.
    (
        "depth-100-arrays",
        Invalid {
            at: "value = [[[",
            message: "arrays or inline tables are nested too deeply",
        },
    ),
    (
        "depth-100-inline-tables",
        Invalid {
            at: "quote = { a = { a",
            message: "arrays or inline tables are nested too deeply",
        },
    ),
    (
        "depth-100-dotted-key",
        Invalid {
            at: "deep.a.a",
            message: "a dotted key or table header has too many parts",
        },
    ),
    (
        "depth-100-table-header",
        Invalid {
            at: "[deep.a.a",
            message: "a dotted key or table header has too many parts",
        },
    ),
    // Hostile bytes, keys and values in error messages.
    (
        "raw-escape-in-comment",
        Invalid {
            at: "# raw escape",
            message: "invalid comment character",
        },
    ),
    (
        "raw-escape-in-string",
        Invalid {
            at: "[31mRed",
            message: "invalid basic string",
        },
    ),
    (
        "escape-in-unknown-key",
        Invalid {
            at: r#"lable" = "x""#,
            message: r"unknown field `\u{1b}]0;pwned\u{7}lable`",
        },
    ),
    (
        "escape-in-id",
        Invalid {
            at: r#"id = "bad"#,
            message: r"invalid id `bad\u{1b}[31mid`",
        },
    ),
    (
        "escape-in-keyword",
        Invalid {
            at: r#"kind = "\u001b"#,
            message: r#"unknown source kind "\u{1b}]0;x\u{7}article""#,
        },
    ),
    (
        "escape-in-date",
        Invalid {
            at: r#"as_of = "2023\u001b"#,
            message: r#"found the string "2023\u{1b}[31m""#,
        },
    ),
    (
        "invalid-utf8-after-escape",
        Unreadable("is not valid UTF-8: invalid byte at offset 1229 (line 76)"),
    ),
    ("bom-and-crlf", Shows(&[(Title, "Hostile dataset")])),
    (
        "crlf-error-location",
        Invalid {
            at: "value = nan",
            message: "expected a finite number for the value; found NaN",
        },
    ),
];

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn fixture(name: &str) -> PathBuf {
    hostile_dir().join(format!("{name}.toml"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A control or bidi character that must never reach a terminal from the data: every C0
/// control but newline and tab, DEL, every C1 control, bidi embeddings, overrides and
/// isolates.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.contains(&0x1b),
        "{what}: an ESC byte reached the output:\n{}",
        String::from_utf8_lossy(bytes)
    );
    let text = String::from_utf8_lossy(bytes);
    // CSV ends its lines with CRLF (RFC 4180): a carriage return is fine before a newline.
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\r' && chars.peek() == Some(&'\n');
        assert!(
            !is_forbidden(c) || line_end,
            "{what}: {c:?} reached the output:\n{text}"
        );
    }
}

/// The line number (from 1) of the first line of `path` containing `needle`.
fn line_of(path: &Path, needle: &str) -> usize {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{} has no line with {needle:?}", path.display()))
        + 1
}

/// Draws every tab, and every tab with the detail of its first item open, at a usual size
/// and at the smallest: no panic, and no cell holds a control or bidi character.
fn draw_everything(dataset: Dataset, name: &str) {
    let dataset = Arc::new(dataset);
    for (width, height) in [(100, 30), (80, 24), (1, 1), (0, 0)] {
        for tab in 0..dataset.tabs.len() {
            let mut app = App::new(
                Arc::clone(&dataset),
                Lang::En,
                today(),
                Size::new(width, height),
            );
            update(&mut app, Action::GoToTab(tab));
            for open in [false, true] {
                if open {
                    update(&mut app, Action::Open);
                }
                let buffer = headless::draw(&app, width, height);
                for cell in buffer.content() {
                    assert!(
                        !cell.symbol().chars().any(is_forbidden),
                        "{name}: tab {tab} at {width}x{height} draws {:?}",
                        cell.symbol()
                    );
                }
            }
        }
    }
}

#[test]
fn the_corpus_has_a_case_for_every_file_and_a_file_for_every_case() {
    let mut files: Vec<String> = std::fs::read_dir(hostile_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut cases: Vec<String> = CASES.iter().map(|(name, _)| (*name).to_owned()).collect();
    cases.sort();
    assert_eq!(files, cases);
    assert!(CASES.len() >= 30);
}

/// Loads on another thread and fails if that takes longer than the deadline: a load that
/// blocks (on a FIFO, say) fails the test instead of hanging it.
fn load_within_deadline(path: &Path, max_bytes: u64) -> Result<Dataset, FileError> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let owned = path.to_owned();
    std::thread::spawn(move || {
        // The receiver is gone only when the deadline has already failed the test.
        let _ = sender.send(load_file(&owned, max_bytes));
    });
    receiver
        .recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("loading {} did not finish in time", path.display()))
}

/// Loads `path` in process and checks the outcome, sanitised strings and drawing included.
fn assert_outcome(name: &str, path: &Path, max_bytes: u64, expect: &Expect) {
    match (expect, load_within_deadline(path, max_bytes)) {
        (Shows(fields), Ok(dataset)) => {
            for (field, shown) in *fields {
                assert_eq!(field.of(&dataset), *shown, "{name}: {field:?}");
            }
            draw_everything(dataset, name);
        }
        (Cut(field, max), Ok(dataset)) => {
            let text = field.of(&dataset);
            // `max` characters and the marker, less a space trimmed before the marker.
            let count = text.chars().count();
            assert!((*max..=max + 1).contains(&count), "{name}: {count}");
            assert!(text.ends_with('…'), "{name}: {text}");
            draw_everything(dataset, name);
        }
        (Invalid { at, message }, Err(error @ FileError::Invalid { .. })) => {
            let first = error.to_string().lines().next().unwrap().to_owned();
            let origin = path.display().to_string();
            let line = line_of(path, at);
            assert!(
                first.starts_with(&format!("{origin}:{line}:")),
                "{name}: expected line {line}: {first}"
            );
            assert!(first.contains(message), "{name}: {first}");
            assert_clean(name, error.to_string().as_bytes());
            assert_clean(name, error.render_report(false).as_bytes());
        }
        (Unreadable(reason), Err(error @ FileError::Unreadable { .. })) => {
            assert!(error.to_string().contains(reason), "{name}: {error}");
        }
        (expect, Ok(_)) => panic!("{name}: expected {expect:?}, but it loads"),
        (expect, Err(error)) => panic!("{name}: expected {expect:?}, got {error}"),
    }
}

#[test]
fn each_file_loads_to_its_expected_outcome() {
    for (name, expect) in CASES {
        assert_outcome(name, &fixture(name), DEFAULT_MAX_BYTES, expect);
    }
}

/// The uid and gid of `nobody`, for a test that must not run with root's powers.
const NOBODY: u32 = 65534;

thread_local! {
    /// Set by a test (each test runs on a thread of its own) whose runs of the binary must
    /// be unprivileged: as root, a file without read permission is read all the same.
    static AS_NOBODY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn bri_dash(home: &Path) -> Command {
    let mut command = if AS_NOBODY.get() {
        use std::os::unix::process::CommandExt;
        let mut unprivileged = std::process::Command::new(env!("CARGO_BIN_EXE_bri-dash"));
        unprivileged.uid(NOBODY).gid(NOBODY);
        Command::from_std(unprivileged)
    } else {
        Command::cargo_bin("bri-dash").unwrap()
    };
    command
        .env_remove("BRI_DASH_CONFIG")
        .env_remove("NO_COLOR")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("LANG", "en_US.UTF-8")
        .timeout(DEADLINE);
    command
}

/// One run of the binary, finished in time, with clean output.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Run {
    let what = format!("bri-dash {}", args.join(" "));
    let started = Instant::now();
    let output = bri_dash(home).args(args).output().unwrap();
    let took = started.elapsed();
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("{what}: killed after {took:?} (deadline {DEADLINE:?})"));
    assert!(took < DEADLINE, "{what}: took {took:?}");
    assert_clean(&format!("{what} (stdout)"), &output.stdout);
    assert_clean(&format!("{what} (stderr)"), &output.stderr);
    Run {
        code,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Every file's bytes and modification time, to prove that nothing was written to them.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else if path.is_file() {
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            files.insert(path.clone(), (std::fs::read(&path).unwrap(), modified));
        }
    }
    files
}

/// Runs `job` on every item from a few threads: the runs are processes, so this is what
/// keeps a corpus of this size quick.
fn in_parallel<T: Sync>(items: &[T], job: impl Fn(&T) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
                    job(item);
                }
            });
        }
    });
}

/// Which formats `run_commands` exports to: all of them, or none for an input whose every
/// run costs seconds in a debug build (the 5 MB note: the loader is what it tests, and
/// `check`, `render` and the dashboard all load).
const ALL_FORMATS: &[&str] = &["markdown", "csv", "json"];

/// `check`, `render`, `export` in each of `formats` and the dashboard's start-up on one
/// file.
fn run_commands(home: &Path, name: &str, path: &str, expect: &Expect, formats: &[&str]) {
    let check = run(home, &["check", path]);
    let render_tab = match expect {
        Shows(fields) => fields[0].0.tab().unwrap_or("overview"),
        Cut(field, _) => field.tab().unwrap_or("overview"),
        Invalid { .. } | Unreadable(_) => "overview",
    };
    let render = run(
        home,
        &[
            "render",
            "--dataset",
            path,
            "--tab",
            render_tab,
            "--today",
            "2026-11-28",
        ],
    );
    let dashboard = run(home, &["--dataset", path]);
    assert_eq!(
        dashboard.code, 2,
        "{name}: the dashboard without a terminal"
    );
    let exports: Vec<(&str, Run)> = formats
        .iter()
        .map(|&format| {
            (
                format,
                run(home, &["export", "--dataset", path, "--format", format]),
            )
        })
        .collect();
    match expect {
        Shows(_) | Cut(..) => {
            assert_eq!(check.code, 0, "{name}: {}", check.stderr);
            assert!(check.stdout.contains(": ok ("), "{name}: {}", check.stdout);
            assert_eq!(render.code, 0, "{name}: {}", render.stderr);
            if let Shows(fields) = expect {
                for (field, shown) in *fields {
                    if field.tab() == Some(render_tab) {
                        assert!(render.stdout.contains(shown), "{name}: {}", render.stdout);
                    }
                }
            }
            assert!(
                dashboard.stderr.contains("the dashboard needs a terminal"),
                "{name}: {}",
                dashboard.stderr
            );
            for (format, export) in &exports {
                assert_eq!(export.code, 0, "{name}: export {format}: {}", export.stderr);
            }
        }
        Invalid { message, .. } | Unreadable(message) => {
            let code = if matches!(expect, Invalid { .. }) {
                1
            } else {
                2
            };
            assert_eq!(check.code, code, "{name}: {}", check.stderr);
            assert_eq!(render.code, 2, "{name}");
            let mut outputs = vec![
                ("check", &check),
                ("render", &render),
                ("dashboard", &dashboard),
            ];
            for (format, export) in &exports {
                assert_eq!(export.code, 2, "{name}: export {format}");
                outputs.push((format, export));
            }
            for (command, output) in outputs {
                assert!(
                    output.stderr.contains(message),
                    "{name}: {command} says {}",
                    output.stderr
                );
                // The file is named, so the user knows which one.
                assert!(
                    output.stderr.contains(path),
                    "{name}: {command} says {}",
                    output.stderr
                );
            }
        }
    }
}

#[test]
fn every_command_handles_every_file_in_time_without_leaking_controls() {
    let home = tempfile::tempdir().unwrap();
    let before = snapshot(&hostile_dir());
    in_parallel(CASES, |(name, expect)| {
        let path = fixture(name).display().to_string();
        run_commands(home.path(), name, &path, expect, ALL_FORMATS);
    });
    assert!(
        before == snapshot(&hostile_dir()),
        "an input file was written to"
    );
}

#[test]
fn a_config_with_hostile_names_is_listed_checked_and_rendered_safely() {
    let home = tempfile::tempdir().unwrap();
    let config = hostile_dir().join("config/hostile-names.toml");
    let config = config.to_str().unwrap();
    let before = snapshot(&hostile_dir());

    let list = run(home.path(), &["list", "--config", config]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("* mine\t"), "{}", list.stdout);
    assert!(list.stdout.contains("Red title"), "{}", list.stdout);
    assert!(list.stdout.contains("  evil\t"), "{}", list.stdout);
    assert!(list.stdout.contains("error: "), "{}", list.stdout);

    let check = run(home.path(), &["check", "--config", config]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check.stderr.contains("expected a finite number"),
        "{}",
        check.stderr
    );

    let render = run(home.path(), &["render", "--config", config]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert!(render.stdout.contains("Red title"), "{}", render.stdout);

    assert!(
        before == snapshot(&hostile_dir()),
        "an input file was written to"
    );
}

/// Makes a FIFO at `path`.
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

/// The inputs no repository can hold: special files, links, and files too big to commit.
#[test]
fn special_files_links_and_huge_inputs() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let template = std::fs::read_to_string(fixture("csi-sgr-in-title")).unwrap();
    let with = |from: &str, to: &str| {
        assert!(template.contains(from));
        template.replacen(from, to, 1)
    };

    mkfifo(&at("fifo.toml"));
    std::os::unix::fs::symlink(at("loop-b.toml"), at("loop-a.toml")).unwrap();
    std::os::unix::fs::symlink(at("loop-a.toml"), at("loop-b.toml")).unwrap();
    std::os::unix::fs::symlink(fixture("csi-sgr-in-title"), at("link.toml")).unwrap();
    std::os::unix::fs::symlink(at("gone.toml"), at("dangling.toml")).unwrap();
    std::fs::create_dir(at("folder.toml")).unwrap();
    let note = format!("note = \"{}\"", "five megabytes ".repeat(350_000));
    std::fs::write(
        at("5mb-note.toml"),
        with("note = \"Read from the article\"", &note),
    )
    .unwrap();
    let arrays = format!("value = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(at("depth-10000-arrays.toml"), with("value = 20", &arrays)).unwrap();
    let tables = format!(
        "quote = {}1{}",
        "{ a = ".repeat(10_000),
        " }".repeat(10_000)
    );
    std::fs::write(
        at("depth-10000-inline-tables.toml"),
        with("quote = \"20 countries\"", &tables),
    )
    .unwrap();
    let dotted = format!("{}deep{} = 1\n", template, ".a".repeat(10_000));
    std::fs::write(at("depth-10000-dotted-key.toml"), dotted).unwrap();

    let cases: Vec<(PathBuf, Expect)> = vec![
        (at("fifo.toml"), Unreadable("is not a regular file")),
        (
            PathBuf::from("/dev/zero"),
            Unreadable("is not a regular file"),
        ),
        (
            at("loop-a.toml"),
            Unreadable("too many levels of symbolic links"),
        ),
        (at("folder.toml"), Unreadable("is a directory")),
        (
            at("dangling.toml"),
            Unreadable("is a symbolic link to a file that does not exist"),
        ),
        (at("link.toml"), Shows(&[(Title, "Red title")])),
        (at("5mb-note.toml"), Cut(Note, MAX_CHARS)),
        (
            at("depth-10000-arrays.toml"),
            Invalid {
                at: "value = [[[",
                message: "arrays or inline tables are nested too deeply",
            },
        ),
        (
            at("depth-10000-inline-tables.toml"),
            Invalid {
                at: "quote = { a = { a",
                message: "arrays or inline tables are nested too deeply",
            },
        ),
        (
            at("depth-10000-dotted-key.toml"),
            Invalid {
                at: "deep.a.a",
                message: "a dotted key or table header has too many parts",
            },
        ),
    ];
    let before = snapshot(dir.path());
    for (path, expect) in &cases {
        assert_outcome(&path.display().to_string(), path, DEFAULT_MAX_BYTES, expect);
    }
    in_parallel(&cases, |(path, expect)| {
        let formats = if matches!(expect, Cut(..)) {
            &[]
        } else {
            ALL_FORMATS
        };
        let path = path.display().to_string();
        run_commands(home.path(), &path, &path, expect, formats);
    });
    assert!(
        before == snapshot(dir.path()),
        "an input file was written to"
    );
}

#[test]
fn the_size_cap_from_the_config_is_checked_before_reading() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let data = fixture("csi-sgr-in-title");
    std::fs::write(
        &config,
        format!(
            "max_file_bytes = 1000\n\n[[datasets]]\nname = \"big\"\npath = {:?}\n",
            data
        ),
    )
    .unwrap();
    let expect = Unreadable("more than the limit of 1000 bytes");
    assert_outcome("over the cap", &data, 1000, &expect);
    let render = run(
        home.path(),
        &["render", "--config", config.to_str().unwrap()],
    );
    assert_eq!(render.code, 2);
    assert!(
        render.stderr.contains("more than the limit of 1000 bytes"),
        "{}",
        render.stderr
    );
    // A file named to `check` is held to the config's limit too, not to the default.
    let check = run(
        home.path(),
        &[
            "check",
            "--config",
            config.to_str().unwrap(),
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert!(
        check.stderr.contains("more than the limit of 1000 bytes"),
        "{}",
        check.stderr
    );
    let without_config = run(home.path(), &["check", data.to_str().unwrap()]);
    assert_eq!(without_config.code, 0, "{}", without_config.stderr);
}

#[test]
fn a_dataset_path_under_the_home_folder_is_expanded() {
    let home = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("csi-sgr-in-title"), home.path().join("mine.toml")).unwrap();
    let render = run(home.path(), &["render", "--dataset", "~/mine.toml"]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert!(render.stdout.contains("Red title"), "{}", render.stdout);
    // And in a config, where the shell never expands it.
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        "[[datasets]]\nname = \"mine\"\npath = \"~/mine.toml\"\n",
    )
    .unwrap();
    let render = run(
        home.path(),
        &["render", "--config", config.to_str().unwrap()],
    );
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert!(render.stdout.contains("Red title"), "{}", render.stdout);
}

#[test]
fn permission_denied_names_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // Root reads any file (CI runs as root): run the binary as nobody, who can reach
        // the folders but not the file.
        AS_NOBODY.set(true);
        for folder in [home.path(), dir.path()] {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let path = dir.path().join("secret.toml");
    std::fs::copy(fixture("csi-sgr-in-title"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let path = path.display().to_string();
    run_commands(
        home.path(),
        &path,
        &path,
        &Unreadable("permission denied"),
        ALL_FORMATS,
    );
}

/// toml stops nesting at about 80 levels; parsing right up to that limit, the deepest any
/// file can make the loader go, fits a 1 MiB stack (in a debug build, the hungriest), so
/// loading is safe on any thread, not only on the main thread's 8 MiB.
#[test]
fn the_deepest_nesting_toml_accepts_fits_a_small_stack() {
    let template = std::fs::read_to_string(fixture("csi-sgr-in-title")).unwrap();
    let arrays = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let tables = |depth: usize| format!("{}1{}", "{ a = ".repeat(depth), " }".repeat(depth));
    let with_value =
        |value: String| template.replacen("value = 20", &format!("value = {value}"), 1);
    let too_deep = |text: &str| toml::from_str::<toml::Table>(text).is_err();
    let deepest = (1..200)
        .take_while(|&depth| !too_deep(&with_value(arrays(depth))))
        .last()
        .unwrap();
    assert!(
        (50..100).contains(&deepest),
        "toml's limit moved: {deepest}"
    );
    for text in [with_value(arrays(deepest)), with_value(tables(deepest))] {
        let parsed = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || bri_dash::dataset::parse("deep.toml", &text).map(|_| ()))
            .unwrap()
            .join()
            .expect("no stack overflow");
        // Valid TOML, but not a number: rejected by validation, after the deepest parse.
        let error = parsed.unwrap_err().to_string();
        assert!(error.contains("expected a number for the value"), "{error}");
    }
}
