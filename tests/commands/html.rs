//! `bri-dash export --format html` and `--format svg`, read back as XML: the report is
//! XHTML-compatible on purpose, so an XML parser sees exactly the elements a browser does.
//!
//! - golden files of the built-in datasets in both languages (tests/fixtures/html/);
//! - every figure's value and citation in the report, every citation leading to a
//!   reference with its quote and its source's link, numbered as the Markdown brief numbers;
//! - every chart's points where the axes say their values and dates are, no line across a
//!   gap, and the figures that sources disagree on marked;
//! - hostile text (tests/fixtures/html/hostile-markup.toml and the whole hostile corpus of
//!   tests/fixtures/hostile/) escaped: no element, attribute or URL scheme from the data;
//! - the errors of `--format svg`, and the report's size.
//!
//! After an intended change of the output, regenerate the golden files with
//!
//!     UPDATE_GOLDEN=1 cargo test --test html
//!
//! and review the diff before committing it. tests/commands/html_browser.rs opens the same reports
//! in a real browser.

use std::collections::{BTreeMap, BTreeSet};

use bri_dash::dataset::{self, Dataset, Indicator, Lang, Quote};
use bri_dash::export::{self, Format};
use bri_dash::i18n::figure_with_unit;
use chrono::Datelike;
use roxmltree::{Document, Node};

use crate::common;

use common::{bri_dash, repo};

fn builtins() -> Vec<(&'static str, Dataset)> {
    dataset::BUILTINS
        .iter()
        .map(|b| (b.name, dataset::load_builtin(b).unwrap()))
        .collect()
}

fn html(dataset: &Dataset, lang: Lang) -> String {
    let mut out = Vec::new();
    export::write(dataset, Format::Html, lang, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn parse(text: &str) -> Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    Document::parse_with_options(text, options)
        .unwrap_or_else(|error| panic!("not well-formed XML: {error}"))
}

fn class_is(node: &Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c == class))
}

/// All the text under a node, as a browser's `textContent`.
fn text(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Node<'a, 'i> {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with id {id}"))
}

/// The number of a citation link: `#ref-3` → 3.
fn cited(link: Node) -> usize {
    let href = link.attribute("href").unwrap();
    let number: usize = href.strip_prefix("#ref-").unwrap().parse().unwrap();
    assert_eq!(text(link), format!("[{number}]"), "{href}");
    number
}

fn run_ok(args: &[&str]) -> Vec<u8> {
    let output = bri_dash().args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "bri-dash {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "bri-dash {args:?} wrote to stderr"
    );
    output.stdout
}

fn assert_golden(name: &str, actual: &[u8]) {
    let path = repo("tests/fixtures/html").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; create it with UPDATE_GOLDEN=1 cargo test --test html",
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
            "export differs from tests/fixtures/html/{name} at line {}:\n  golden: {:?}\n  now:    {:?}\n\
             if the change is intended, run UPDATE_GOLDEN=1 cargo test --test html and review the diff",
            line + 1,
            expected.lines().nth(line).unwrap_or("(end of file)"),
            actual.lines().nth(line).unwrap_or("(end of file)"),
        );
    }
}

#[test]
fn html_and_svg_match_their_golden_files_in_both_languages() {
    for builtin in dataset::BUILTINS {
        for lang in ["en", "zh"] {
            let args = [
                "export",
                "--format",
                "html",
                "--dataset",
                builtin.name,
                "--lang",
                lang,
            ];
            assert_golden(&format!("{}-{lang}.html", builtin.name), &run_ok(&args));
        }
    }
    for lang in ["en", "zh"] {
        let out = run_ok(&[
            "export",
            "--format",
            "svg",
            "--dataset",
            "bri-connectivity",
            "--indicator",
            "cr-express-trains-per-year",
            "--lang",
            lang,
        ]);
        assert_golden(&format!("cr-express-trains-per-year-{lang}.svg"), &out);
    }
}

/// The citation number the Markdown brief gives `indicator` in its "All figures" line.
fn markdown_number(markdown: &str, indicator: &Indicator) -> usize {
    let marker = format!("(`{}`)", indicator.id);
    let line = markdown
        .lines()
        .find(|line| line.contains(&marker))
        .unwrap_or_else(|| panic!("{marker} not in the brief"));
    let open = line.rfind(" [").unwrap();
    line[open + 2..line.len() - 1].parse().unwrap()
}

#[test]
fn every_figure_has_its_value_and_a_citation_that_leads_to_its_quote_and_source() {
    for (name, dataset) in builtins() {
        for lang in Lang::ALL {
            let page = html(&dataset, lang);
            let doc = parse(&page);
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "html");
            let lang_attr = root.attribute("lang").unwrap();
            assert!(
                lang_attr.starts_with(lang.code()),
                "{name}: lang={lang_attr}"
            );
            assert!(
                !doc.descendants().any(|n| n.tag_name().name() == "script"),
                "{name}: a script element"
            );
            let policy = doc
                .descendants()
                .find(|n| n.attribute("http-equiv") == Some("Content-Security-Policy"))
                .and_then(|n| n.attribute("content"));
            assert_eq!(
                policy,
                Some("default-src 'none'; style-src 'unsafe-inline'"),
                "{name}: nothing may be fetched or run"
            );
            let mut markdown = Vec::new();
            export::write(&dataset, Format::Markdown, lang, &mut markdown).unwrap();
            let markdown = String::from_utf8(markdown).unwrap();

            for indicator in &dataset.indicators {
                let article = by_id(&doc, &format!("fig-{}", indicator.id));
                let figure = article
                    .descendants()
                    .find(|n| class_is(n, "figure"))
                    .unwrap();
                let value = figure_with_unit(
                    &indicator.figure,
                    indicator.unit_for(indicator.figure.value, lang),
                    lang,
                );
                assert!(
                    text(figure).contains(&value),
                    "{name}: {value} in {}",
                    text(figure)
                );
                assert!(text(figure).contains(&bri_dash::i18n::date(&indicator.as_of, lang)));
                let link = figure.descendants().find(|n| class_is(n, "cite")).unwrap();
                let number = cited(link);
                assert_eq!(
                    number,
                    markdown_number(&markdown, indicator),
                    "{name}: {} is numbered as in the brief",
                    indicator.id
                );
                // The reference it leads to quotes the indicator, under its source; a
                // figure of which no sentence is recorded says so, and nothing is quoted.
                let reference = by_id(&doc, &format!("ref-{number}"));
                let quote = reference.descendants().find(|n| n.has_tag_name("q"));
                match &indicator.quote {
                    Quote::Words(words) => assert_eq!(
                        quote.map(text).as_deref(),
                        Some(words.get(lang)),
                        "{name}: ref-{number}"
                    ),
                    Quote::Missing(reason) => {
                        assert!(quote.is_none(), "{name}: ref-{number} quotes no sentence");
                        let note = reference
                            .descendants()
                            .find(|n| class_is(n, "no-quote"))
                            .unwrap();
                        assert_eq!(
                            text(note),
                            bri_dash::i18n::no_sentence(reason.get(lang), lang),
                            "{name}: ref-{number}"
                        );
                    }
                }
                let group = reference
                    .ancestors()
                    .find(|n| class_is(n, "source-group"))
                    .unwrap();
                let source = &dataset.sources[indicator.source];
                let described = group.descendants().find(|n| class_is(n, "source")).unwrap();
                assert!(text(described).contains(source.title.get(lang)));
                // Every observation of the series is in the table with its own citation.
                for observation in &indicator.series {
                    let value = figure_with_unit(
                        &observation.figure,
                        indicator.unit_for(observation.figure.value, lang),
                        lang,
                    );
                    let row = article
                        .descendants()
                        .filter(|n| n.has_tag_name("tr"))
                        .find(|row| {
                            text(*row).starts_with(&bri_dash::i18n::date(&observation.date, lang))
                                && text(*row).contains(&value)
                        })
                        .unwrap_or_else(|| panic!("{name}: no row for {value}"));
                    let cites = row.descendants().filter(|n| class_is(n, "cite")).count();
                    let expected =
                        usize::from(observation.source.is_some() || observation.quote.is_some());
                    assert_eq!(cites, expected, "{name}: {value}");
                }
            }
            references_are_whole(name, &dataset, &doc);
        }
    }
}

/// Every citation leads to a reference, the references are numbered 1..=n in order, and
/// every source with a web address links to it.
fn references_are_whole(name: &str, dataset: &Dataset, doc: &Document) {
    let numbers: Vec<usize> = doc
        .descendants()
        .filter_map(|n| n.attribute("id")?.strip_prefix("ref-")?.parse().ok())
        .collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>(), "{name}");
    for link in doc.descendants().filter(|n| class_is(n, "cite")) {
        assert!(
            cited(link) <= numbers.len(),
            "{name}: a citation of nothing"
        );
    }
    let links: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    let references = doc
        .descendants()
        .find(|n| class_is(n, "references"))
        .unwrap();
    let linked_in_references: BTreeSet<&str> = references
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    for (index, source) in dataset.sources.iter().enumerate() {
        let Some(url) = &source.url else { continue };
        assert!(url.starts_with("https://") || url.starts_with("http://"));
        assert!(links.contains(url.as_str()), "{name}: {url} is not a link");
        if !dataset.citations[index].is_empty() {
            assert!(
                linked_in_references.contains(url.as_str()),
                "{name}: the references do not link {url}"
            );
        }
    }
}

/// Where a chart's axes put a value and a year: linear maps fitted through the first and
/// last label of each axis, from what each label says to where its grid line or tick is.
struct Axes {
    y_of: Box<dyn Fn(f64) -> f64>,
    x_of: Box<dyn Fn(f64) -> f64>,
    year_at: Box<dyn Fn(f64) -> f64>,
}

/// A tick's label as a number: `17,000`, `2016年`, and the steps each language counts
/// large numbers in (`2.5 trillion`, `972亿`, `1.9万`).
fn read_number(label: &str) -> f64 {
    let label = label.replace([',', '年'], "");
    let steps = [
        (" trillion", 1e12),
        (" billion", 1e9),
        ("万亿", 1e12),
        ("亿", 1e8),
        ("万", 1e4),
    ];
    for (step, size) in steps {
        if let Some(number) = label.strip_suffix(step) {
            return number.parse::<f64>().unwrap() * size;
        }
    }
    label.parse().unwrap()
}

fn linear(a: (f64, f64), b: (f64, f64)) -> Box<dyn Fn(f64) -> f64> {
    Box::new(move |x| a.1 + (x - a.0) * (b.1 - a.1) / (b.0 - a.0))
}

fn axes(chart: Node) -> Axes {
    let ticks = |class: &str, position: &str| -> Vec<(f64, f64)> {
        chart
            .descendants()
            .filter(|n| class_is(n, class))
            .map(|tick| {
                let line = tick.descendants().find(|n| n.has_tag_name("line")).unwrap();
                let at: f64 = line.attribute(position).unwrap().parse().unwrap();
                (read_number(&text(tick)), at)
            })
            .collect()
    };
    let (values, years) = (ticks("y-tick", "y1"), ticks("x-tick", "x1"));
    assert!(values.len() >= 2 && years.len() >= 2);
    let (first, last) = (years[0], years[years.len() - 1]);
    Axes {
        y_of: linear(values[0], values[values.len() - 1]),
        x_of: linear(first, last),
        year_at: linear((first.1, first.0), (last.1, last.0)),
    }
}

fn year_fraction(date: chrono::NaiveDate) -> f64 {
    let leap = chrono::NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some();
    f64::from(date.year()) + f64::from(date.ordinal0()) / if leap { 366.0 } else { 365.0 }
}

/// Coordinates are written to hundredths: a point and the ticks it is measured against are
/// each off by at most half of one.
const PIXEL: f64 = 0.011;

/// The chart's points are the series' observations: each where the axes put its value and
/// date, and a ring exactly where two figures share a date.
fn points_match_the_series(chart: Node, indicator: &Indicator) {
    let axes = axes(chart);
    let mut drawn: Vec<(bool, f64, f64)> = chart
        .descendants()
        .filter(|n| n.has_tag_name("circle") && class_is(n, "point"))
        .map(|c| {
            let number = |name| c.attribute(name).unwrap().parse::<f64>().unwrap();
            (class_is(&c, "conflict"), number("cx"), number("cy"))
        })
        .collect();
    assert_eq!(drawn.len(), indicator.series.len(), "{}", indicator.id);
    let mut expected: Vec<(bool, f64, f64)> = indicator
        .series
        .iter()
        .map(|o| {
            let shared = indicator.series.iter().filter(|p| p.date == o.date).count() > 1;
            let x = (axes.x_of)(year_fraction(o.date.start()));
            (shared, x, (axes.y_of)(o.figure.value))
        })
        .collect();
    // Rings are drawn after the dots: compare in one order.
    let order = |a: &(bool, f64, f64), b: &(bool, f64, f64)| {
        (a.0, a.1, a.2).partial_cmp(&(b.0, b.1, b.2)).unwrap()
    };
    drawn.sort_by(order);
    expected.sort_by(order);
    for (point, want) in drawn.iter().zip(&expected) {
        assert_eq!(point.0, want.0, "{}: conflict marks", indicator.id);
        assert!(
            (point.1 - want.1).abs() < PIXEL && (point.2 - want.2).abs() < PIXEL,
            "{}: drawn at {point:?}, its values say {want:?}",
            indicator.id
        );
    }
}

fn chart_of<'a, 'i>(doc: &'a Document<'i>, indicator: &Indicator) -> Node<'a, 'i> {
    by_id(doc, &format!("fig-{}", indicator.id))
        .descendants()
        .find(|n| n.has_tag_name("svg"))
        .unwrap()
}

#[test]
fn chart_points_sit_where_their_values_and_dates_say() {
    let (_, dataset) = builtins()
        .into_iter()
        .find(|(n, _)| *n == "bri-connectivity")
        .unwrap();
    let charted: Vec<&Indicator> = dataset
        .indicators
        .iter()
        .filter(|i| !i.series.is_empty())
        .collect();
    assert!(charted.len() >= 3);
    let page = html(&dataset, Lang::En);
    let doc = parse(&page);
    for indicator in &charted {
        points_match_the_series(chart_of(&doc, indicator), indicator);
        // The standalone chart draws the same series the same way, nested in its SVG.
        let svg = export::chart_svg(&dataset, Some(&indicator.id), Lang::En).unwrap();
        let standalone = parse(&svg);
        let root = standalone.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        let nested = root.children().find(|n| class_is(n, "chart")).unwrap();
        points_match_the_series(nested, indicator);
        assert!(text(root).contains(indicator.label.get(Lang::En)));
        assert!(text(root).contains(&format!(
            "{} · {} [1]",
            figure_with_unit(
                &indicator.figure,
                indicator.unit_for(indicator.figure.value, Lang::En),
                Lang::En,
            ),
            bri_dash::i18n::date(&indicator.as_of, Lang::En)
        )));
        let source = &dataset.sources[indicator.source];
        assert!(
            text(root).contains(&format!("[1] {}", source_start(source))),
            "{}",
            indicator.id
        );
    }
}

/// How a source's description starts: its first author, or its title.
fn source_start(source: &dataset::Source) -> String {
    match source.authors.first() {
        Some(author) => author.name.en.clone(),
        None => source.title.en.clone(),
    }
}

/// The yearly trains have no figure for 2019 and 2022: no line crosses either year, and
/// 2020, which two sources give differently, is marked twice and listed.
#[test]
fn no_line_crosses_a_gap_and_disagreements_are_listed() {
    let (_, dataset) = builtins()
        .into_iter()
        .find(|(n, _)| *n == "bri-connectivity")
        .unwrap();
    let trains = dataset
        .indicators
        .iter()
        .find(|i| i.id == "cr-express-trains-per-year")
        .unwrap();
    let page = html(&dataset, Lang::En);
    let doc = parse(&page);
    let chart = chart_of(&doc, trains);
    let axes = axes(chart);
    let spans: Vec<(f64, f64)> = chart
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .map(|line| {
            let xs: Vec<f64> = line
                .attribute("points")
                .unwrap()
                .split(' ')
                .map(|p| (axes.year_at)(p.split(',').next().unwrap().parse().unwrap()))
                .collect();
            (xs[0], xs[xs.len() - 1])
        })
        .collect();
    assert!(spans.len() >= 2, "{spans:?}");
    for missing in [2019.0, 2022.0] {
        for (from, to) in &spans {
            assert!(
                !(*from < missing && missing < *to),
                "a line crosses {missing}: {spans:?}"
            );
        }
    }
    let rings = chart
        .descendants()
        .filter(|n| class_is(n, "conflict"))
        .count();
    assert_eq!(rings, 2);
    let article = by_id(&doc, "fig-cr-express-trains-per-year");
    let listed = article
        .descendants()
        .find(|n| class_is(n, "conflicts"))
        .unwrap();
    let listed = text(listed);
    assert!(listed.starts_with("Sources disagree on:2020: "), "{listed}");
    assert!(
        listed.contains("12,400 trains") && listed.contains("12,406 trains"),
        "{listed}"
    );
    assert_eq!(
        listed.matches('[').count(),
        2,
        "each figure cited: {listed}"
    );
}

const ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "dl",
    "dt",
    "dd",
    "code",
    "cite",
    "a",
    "span",
    "nav",
    "ol",
    "ul",
    "li",
    "main",
    "section",
    "article",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "q",
    "div",
    "svg",
    "text",
    "g",
    "line",
    "polyline",
    "circle",
    "rect",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "id",
    "class",
    "href",
    "title",
    "viewBox",
    "role",
    "aria-labelledby",
    "x",
    "y",
    "width",
    "height",
    "x1",
    "x2",
    "y1",
    "y2",
    "text-anchor",
    "font-size",
    "font-weight",
    "font-family",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-linejoin",
    "points",
    "cx",
    "cy",
    "r",
];

/// Only our elements and attributes, no comment or processing instruction, links only to
/// the page itself or to `allowed` web addresses, and no control character.
fn nothing_active(what: &str, text_of_page: &str, allowed: &[&str]) {
    let doc = parse(text_of_page);
    for node in doc.descendants() {
        assert!(!node.is_comment() && !node.is_pi(), "{what}: {node:?}");
        if !node.is_element() {
            continue;
        }
        let tag = node.tag_name().name();
        assert!(ELEMENTS.contains(&tag), "{what}: element <{tag}>");
        for attribute in node.attributes() {
            assert!(attribute.namespace().is_none(), "{what}: {attribute:?}");
            assert!(
                ATTRIBUTES.contains(&attribute.name()),
                "{what}: <{tag} {}>",
                attribute.name()
            );
        }
        if let Some(href) = node.attribute("href") {
            assert!(
                href.starts_with('#') || allowed.contains(&href),
                "{what}: a link to {href}"
            );
        }
    }
    assert!(
        !text_of_page
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t')),
        "{what}: a control character"
    );
}

#[test]
fn markup_in_the_data_stays_text_and_only_web_links_survive() {
    let path = repo("tests/fixtures/html/hostile-markup.toml");
    let dataset = dataset::load_file(&path, 1 << 20).unwrap();
    let page_url = "https://example.org/page?a=1&b=\"2\"<x>";
    for lang in Lang::ALL {
        let page = html(&dataset, lang);
        nothing_active("hostile-markup", &page, &[page_url]);
        let doc = parse(&page);
        let all = text(doc.root_element());
        for written in [
            "<script>alert('title')</script>Title",
            "</style><style>*{display:none}</style>",
            "<img src=x onerror=alert(1)>",
            "<b onclick=\"alert(1)\">",
            "Areas]]><x/>",
            "<!-- comment -->Policy",
            "<meta http-equiv=\"refresh\"",
            "javascript:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>",
            "<?xml-stylesheet href=",
        ] {
            let written = if lang == Lang::Zh {
                written
                    .replace("Title", "标题")
                    .replace("alert('title')", "alert('zh')")
                    .replace("Areas", "领域")
                    .replace(" comment ", " 注释 ")
                    .replace("Policy", "政策")
            } else {
                written.to_owned()
            };
            assert!(
                all.contains(&written),
                "{lang:?}: {written} is not shown as text"
            );
        }
        if lang == Lang::En {
            assert!(
                all.contains("&lt;script&gt;40 & <script>"),
                "entities stay literal"
            );
        }
        let svg = export::chart_svg(&dataset, Some("links"), lang).unwrap();
        nothing_active("hostile-markup.svg", &svg, &[]);
        assert!(
            text(parse(&svg).root_element()).contains("<u>"),
            "the unit as text"
        );
    }
}

/// Every file of the hostile corpus that loads goes through both exports well-formed and
/// inert. The corpus attacks terminals (escape sequences, bidi controls, huge numbers):
/// here it must neither break the XML nor bring a control character into it.
#[test]
fn the_hostile_corpus_goes_through_html_and_svg() {
    let mut loaded = 0;
    let mut entries: Vec<_> = std::fs::read_dir(repo("tests/fixtures/hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(dataset) = dataset::load_file(&path, 1 << 20) else {
            continue;
        };
        loaded += 1;
        let urls: Vec<&str> = dataset
            .sources
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        for lang in Lang::ALL {
            nothing_active(&name, &html(&dataset, lang), &urls);
            for indicator in dataset.indicators.iter().filter(|i| !i.series.is_empty()) {
                let svg = export::chart_svg(&dataset, Some(&indicator.id), lang).unwrap();
                nothing_active(&name, &svg, &[]);
                let doc = parse(&svg);
                for circle in doc.descendants().filter(|n| n.has_tag_name("circle")) {
                    for name in ["cx", "cy"] {
                        let at: f64 = circle.attribute(name).unwrap().parse().unwrap();
                        assert!((0.0..=720.0).contains(&at), "{name}={at}");
                    }
                }
            }
        }
    }
    assert!(loaded > 30, "only {loaded} hostile files loaded");
}

fn run_failing(args: &[&str]) -> String {
    let output = bri_dash().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "bri-dash {args:?}");
    assert!(
        output.stdout.is_empty(),
        "bri-dash {args:?} wrote to stdout"
    );
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn svg_needs_an_indicator_with_a_series_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.svg");
    let out = out.to_str().unwrap();
    let connectivity = [
        "export",
        "--format",
        "svg",
        "--dataset",
        "bri-connectivity",
        "-o",
        out,
    ];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            connectivity.to_vec(),
            "add --indicator ID; indicators with a series: `cr-express-trains-per-year`",
        ),
        (
            [&connectivity[..], &["--indicator", "forum-outcome"]].concat(),
            "unknown indicator `forum-outcome`: did you mean `forum-outcomes`?",
        ),
        (
            [&connectivity[..], &["--indicator", "zzz"]].concat(),
            "unknown indicator `zzz`; indicators with a series: `",
        ),
        (
            vec![
                "export",
                "--format",
                "svg",
                "--indicator",
                "dsr-mou-countries",
                "-o",
                out,
            ],
            "indicator `dsr-mou-countries` has no series to draw; this dataset has no indicator with a series",
        ),
        (
            vec![
                "export",
                "--format",
                "html",
                "--indicator",
                "dsr-mou-countries",
                "-o",
                out,
            ],
            "--indicator chooses the chart of --format svg",
        ),
    ];
    for (args, message) in cases {
        let stderr = run_failing(&args);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!std::path::Path::new(out).exists(), "{args:?} wrote a file");
    }
}

#[test]
fn the_builtin_reports_are_small_and_the_same_every_time() {
    let mut sizes = BTreeMap::new();
    for (name, dataset) in builtins() {
        for lang in Lang::ALL {
            let page = html(&dataset, lang);
            assert!(
                page.len() < 200_000,
                "{name} {lang:?}: {} bytes",
                page.len()
            );
            assert_eq!(page, html(&dataset, lang), "{name}: deterministic");
            sizes.insert((name, lang.code()), page.len());
        }
    }
    assert_eq!(sizes.len(), 2 * dataset::BUILTINS.len());
}
