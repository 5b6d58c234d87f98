//! The HTML report and the SVG charts in a real browser: headless Chromium opens the
//! built-in datasets' reports in both languages and dumps the DOM it built (every figure's
//! value and citation, every reference with its link, no script element), prints them to
//! PDF (A4 pages, a CJK font embedded for Chinese), renders every standalone chart, and
//! takes a screenshot of the English report of the default dataset at 1280×800 to compare
//! with the reviewed one in tests/fixtures/html/screenshot-en.png.
//!
//! Chromium is required, never skipped: without it every test here fails and says how to
//! install it (`apt-get install chromium`; .ci/run does, with the fonts the golden
//! screenshot was taken with). `BRI_DASH_CHROMIUM` names another binary. Every browser run
//! has a deadline ([`DEADLINE`]); a run past it is killed with its whole process group and
//! fails the test.
//!
//! The screenshot's tolerance: a pixel differs when one of its channels is more than
//! [`CHANNEL_TOLERANCE`] away from the golden's, and at most [`PIXEL_TOLERANCE`] of the
//! pixels may differ (anti-aliasing and sub-pixel glyph placement vary between builds of
//! the same fonts; a moved or re-wrapped line changes several times as many). After an
//! intended change of the page, take the screenshot again with
//!
//!     UPDATE_GOLDEN=1 cargo test --test html_browser
//!
//! and look at it before committing it. A failing comparison leaves the new screenshot in
//! the target folder (its path is in the message).

use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use bri_dash::dataset::{self, Dataset, Lang};
use bri_dash::export::{self, Format};
use bri_dash::i18n::figure_with_unit;
use wait_timeout::ChildExt;

use crate::common;

use common::repo;

/// A browser run that takes longer is hung: a debug build of the report and a cold start
/// of Chromium take a few seconds on a busy machine of two cores.
const DEADLINE: Duration = Duration::from_secs(60);
const CHANNEL_TOLERANCE: u8 = 40;
const PIXEL_TOLERANCE: f64 = 0.005;
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 800;

fn chromium() -> PathBuf {
    let found = match std::env::var_os("BRI_DASH_CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)).filter(|path| path.is_file()),
        None => {
            let path = std::env::var_os("PATH").unwrap_or_default();
            std::env::split_paths(&path)
                .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
                .find(|candidate| candidate.is_file())
        }
    };
    found.unwrap_or_else(|| {
        panic!(
            "chromium is not installed (or not where BRI_DASH_CHROMIUM says), and the browser \
             tests need it: install it with `sudo apt-get install chromium fonts-liberation \
             fonts-wqy-microhei` (Debian, Ubuntu), or set BRI_DASH_CHROMIUM to a Chromium binary"
        )
    })
}

/// What one browser run left: its standard output and error.
struct Run {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium with `args` on `url`, in its own profile under `dir`, within the
/// deadline. Output goes to files, not pipes: Chromium's helper processes inherit them, and
/// a pipe they keep open would block a reader past the browser's own end.
fn browser(dir: &Path, args: &[&str], url: &str) -> Run {
    let profile = tempfile::tempdir_in(dir).unwrap();
    let (out_path, err_path) = (profile.path().join("stdout"), profile.path().join("stderr"));
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("profile").display()
        ))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start chromium: {error}"));
    let status = child.wait_timeout(DEADLINE).unwrap();
    // The whole group: the browser and its helpers, whether it ended or hung.
    let group = -i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) with a negative pid signals the process group the browser leads.
    unsafe { libc::kill(group, libc::SIGKILL) };
    let _ = child.wait();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    let Some(status) = status else {
        panic!("chromium {args:?} {url} did not finish within {DEADLINE:?}; it said:\n{stderr}");
    };
    assert!(
        status.success(),
        "chromium {args:?} {url}: {status}\n{stderr}"
    );
    Run {
        stdout: std::fs::read_to_string(&out_path).unwrap(),
        stderr,
    }
}

fn url_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn builtins() -> Vec<Dataset> {
    dataset::BUILTINS
        .iter()
        .map(|b| dataset::load_builtin(b).unwrap())
        .collect()
}

fn html(dataset: &Dataset, lang: Lang) -> String {
    let mut out = Vec::new();
    export::write(dataset, Format::Html, lang, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Text as a browser serialises it in an element or a quoted attribute.
fn serialised(text: &str, attribute: bool) -> String {
    let text = text.replace('&', "&amp;").replace('\u{a0}', "&nbsp;");
    if attribute {
        text.replace('"', "&quot;")
    } else {
        text.replace('<', "&lt;").replace('>', "&gt;")
    }
}

/// The part of the DOM from the element with `id` to the end of its `tag`.
fn element<'d>(dom: &'d str, id: &str, tag: &str) -> &'d str {
    let start = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element with id {id} in the DOM"));
    let end = dom[start..].find(&format!("</{tag}>")).unwrap();
    &dom[start..start + end]
}

/// The DOM the browser built holds what the report says: the language, every figure with
/// its value and citation, every reference, every source's link, and no script.
fn check_dom(name: &str, dataset: &Dataset, lang: Lang, written: &str, dom: &str) {
    assert!(
        dom.starts_with("<!DOCTYPE html>"),
        "{name}: {}",
        &dom[..dom.len().min(200)]
    );
    let lang_attribute = format!("<html lang=\"{}", lang.code());
    assert!(dom.contains(&lang_attribute), "{name}: no {lang_attribute}");
    assert!(
        !dom.to_ascii_lowercase().contains("<script"),
        "{name}: a script element"
    );
    for indicator in &dataset.indicators {
        let article = element(dom, &format!("fig-{}", indicator.id), "article");
        let value = figure_with_unit(&indicator.figure, indicator.unit.get(lang), lang);
        assert!(
            article.contains(&serialised(&value, false)),
            "{name}: {value}"
        );
        // The citation the report wrote for the figure is in the browser's DOM.
        let cite = &written[written
            .find(&format!("id=\"fig-{}\"", indicator.id))
            .unwrap()..];
        let cite = &cite[cite.find("<a class=\"cite\" href=\"#ref-").unwrap()..];
        let cite = &cite[..cite.find("</a>").unwrap() + 4];
        assert!(
            article.contains(cite),
            "{name}: {} lost {cite}",
            indicator.id
        );
    }
    let references = written.matches("<li id=\"ref-").count();
    assert!(references > 0, "{name}");
    for number in 1..=references {
        let reference = element(dom, &format!("ref-{number}"), "li");
        assert!(
            reference.contains(&format!("{number}.")),
            "{name}: ref-{number}"
        );
    }
    assert!(
        !dom.contains(&format!("id=\"ref-{}\"", references + 1)),
        "{name}"
    );
    for url in dataset.sources.iter().filter_map(|s| s.url.as_deref()) {
        let link = format!("<a href=\"{}\">", serialised(url, true));
        assert!(dom.contains(&link), "{name}: no link {link}");
    }
}

/// A4 pages, and for Chinese a CJK font of the report's stack embedded.
fn check_pdf(name: &str, lang: Lang, pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF"), "{name}: not a PDF");
    assert!(pdf.len() > 10_000, "{name}: {} bytes", pdf.len());
    let text = String::from_utf8_lossy(pdf);
    let boxes: Vec<&str> = text.matches("/MediaBox [0 0 ").collect();
    assert!(!boxes.is_empty(), "{name}: no page");
    for found in text.split("/MediaBox [0 0 ").skip(1) {
        let size: Vec<f64> = found
            .split(']')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        // A4 is 595.28 × 841.89 points; Chromium rounds to its own units.
        assert!(
            (size[0] - 595.28).abs() < 1.5 && (size[1] - 841.89).abs() < 1.5,
            "{name}: a page of {size:?} points is not A4"
        );
    }
    if lang == Lang::Zh {
        let cjk = [
            "WenQuanYi",
            "NotoSansCJK",
            "SourceHanSans",
            "PingFang",
            "MicrosoftYaHei",
        ];
        assert!(
            cjk.iter().any(|font| text.contains(&format!("+{font}"))),
            "{name}: no CJK font embedded (install fonts-wqy-microhei)"
        );
    }
}

fn open_every_report(dataset: &Dataset) {
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let name = format!("{}-{}", dataset.meta.id, lang.code());
        let page = dir.path().join(format!("{name}.html"));
        let written = html(dataset, lang);
        std::fs::write(&page, &written).unwrap();
        let run = browser(dir.path(), &["--dump-dom"], &url_of(&page));
        check_dom(&name, dataset, lang, &written, &run.stdout);
        let pdf = dir.path().join(format!("{name}.pdf"));
        let print = format!("--print-to-pdf={}", pdf.display());
        let run = browser(
            dir.path(),
            &[&print, "--no-pdf-header-footer"],
            &url_of(&page),
        );
        let pdf = std::fs::read(&pdf).unwrap_or_else(|error| {
            panic!("{name}: no PDF ({error}); chromium said {}", run.stderr)
        });
        check_pdf(&name, lang, &pdf);
    }
}

#[test]
fn the_default_dataset_reads_and_prints_in_chromium() {
    open_every_report(&builtins()[0]);
}

#[test]
fn the_connectivity_dataset_reads_and_prints_in_chromium() {
    open_every_report(&builtins()[1]);
}

/// A decoded screenshot: width, height and RGBA pixels.
struct Picture {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

fn decode(path: &Path) -> Picture {
    let file = File::open(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let rgba = buffer[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| match p {
            [r, g, b, a] => [*r, *g, *b, *a],
            [r, g, b] => [*r, *g, *b, 255],
            [v, a] => [*v, *v, *v, *a],
            [v] => [*v, *v, *v, 255],
            _ => unreachable!("{channels} channels"),
        })
        .collect();
    Picture {
        width: info.width,
        height: info.height,
        rgba,
    }
}

/// How many pixels are within `tolerance` of `colour` in every channel.
fn pixels_near(picture: &Picture, colour: [u8; 3], tolerance: u8) -> usize {
    picture
        .rgba
        .chunks(4)
        .filter(|p| (0..3).all(|c| p[c].abs_diff(colour[c]) <= tolerance))
        .count()
}

fn hex(colour: &str) -> [u8; 3] {
    let byte = |at: usize| u8::from_str_radix(&colour[at..at + 2], 16).unwrap();
    [byte(1), byte(3), byte(5)]
}

/// Every standalone chart of the connectivity dataset renders: the line and dots in the
/// line colour, and rings in the warning colour where sources disagree.
#[test]
fn every_standalone_chart_renders_in_chromium() {
    let dataset = &builtins()[1];
    let dir = tempfile::tempdir().unwrap();
    let charted: Vec<_> = dataset
        .indicators
        .iter()
        .filter(|i| !i.series.is_empty())
        .collect();
    assert!(!charted.is_empty());
    for indicator in charted {
        let svg = export::chart_svg(dataset, Some(&indicator.id), Lang::En).unwrap();
        let path = dir.path().join(format!("{}.svg", indicator.id));
        std::fs::write(&path, &svg).unwrap();
        let shot = dir.path().join(format!("{}.png", indicator.id));
        let screenshot = format!("--screenshot={}", shot.display());
        browser(
            dir.path(),
            &[&screenshot, "--window-size=720,700"],
            &url_of(&path),
        );
        let picture = decode(&shot);
        let line = pixels_near(&picture, hex("#1f5fa8"), 30);
        assert!(
            line > 100,
            "{}: {line} pixels of the line colour",
            indicator.id
        );
        let disagree = svg.contains("point conflict");
        let rings = pixels_near(&picture, hex("#c2410c"), 30);
        assert_eq!(
            rings > 20,
            disagree,
            "{}: {rings} pixels of the rings' colour",
            indicator.id
        );
    }
}

#[test]
fn the_english_overview_looks_as_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, html(&builtins()[0], Lang::En)).unwrap();
    let shot = dir.path().join("screenshot.png");
    let screenshot = format!("--screenshot={}", shot.display());
    let size = format!("--window-size={WIDTH},{HEIGHT}");
    browser(dir.path(), &[&screenshot, &size], &url_of(&page));
    let golden = repo("tests/fixtures/html/screenshot-en.png");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::copy(&shot, &golden).unwrap();
        return;
    }
    let (now, then) = (decode(&shot), decode(&golden));
    assert_eq!(
        (now.width, now.height),
        (WIDTH, HEIGHT),
        "the screenshot's size"
    );
    assert_eq!(
        (then.width, then.height),
        (WIDTH, HEIGHT),
        "the golden's size"
    );
    let differing = now
        .rgba
        .chunks(4)
        .zip(then.rgba.chunks(4))
        .filter(|(a, b)| (0..3).any(|c| a[c].abs_diff(b[c]) > CHANNEL_TOLERANCE))
        .count();
    let share = differing as f64 / f64::from(WIDTH * HEIGHT);
    if share > PIXEL_TOLERANCE {
        let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshot-en.actual.png");
        std::fs::copy(&shot, &kept).unwrap();
        panic!(
            "the screenshot differs from tests/fixtures/html/screenshot-en.png in {differing} \
             pixels ({:.2}%, at most {:.2}% may): see {}; if the change is intended, run \
             UPDATE_GOLDEN=1 cargo test --test html_browser and look at the new picture",
            share * 100.0,
            PIXEL_TOLERANCE * 100.0,
            kept.display()
        );
    }
}
