//! `export --format svg --indicator ID`: one indicator's chart as a standalone SVG for a
//! slide, with its title, its latest figure and unit, the chart, and the sources it cites.
//!
//! ```text
//! Trains per year                                   (the label, large)
//! ≈ 19,000 trains · 2024 [1]                        (the figure, its date, citation)
//! ┌ the chart of chart.rs, nested ─────────────────┐
//! └────────────────────────────────────────────────┘
//! ◯ sources disagree: 2020                           (only when they do)
//! [1] Source description. https://… “quote”          (each reference, wrapped)
//! ```

use std::fmt;

use unicode_width::UnicodeWidthChar;

use super::chart::{self, AXIS_COLOUR, CONFLICT_COLOUR, Placement, Plot};
use super::markup::Markup;
use super::references::{describe, plain, translation_mark};
use crate::dataset::{Dataset, Indicator, Lang, Origin, Said};
use crate::export::common::Citations;
use crate::i18n::report_words as words;
use crate::i18n::{figure_with_unit, no_sentence, quoted};
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::closest;

const WIDTH: f64 = 720.0;
const MARGIN: f64 = 40.0;
const CHART_TOP: f64 = 76.0;
const LINE_HEIGHT: f64 = 16.0;
/// Columns of a line of the source list at its font size (a CJK character is two).
const WRAP_COLUMNS: usize = 116;
const FONTS: &str = "'Helvetica Neue', Arial, 'Liberation Sans', 'PingFang SC', \
    'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', \
    'WenQuanYi Micro Hei', sans-serif";

/// Why no chart can be drawn; each says what to pass instead.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// `--format svg` without `--indicator`.
    NoIndicator {
        charted: Vec<String>,
    },
    Unknown {
        id: String,
        suggestion: Option<String>,
        charted: Vec<String>,
    },
    NoSeries {
        id: String,
        charted: Vec<String>,
    },
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let charted = |f: &mut fmt::Formatter<'_>, charted: &[String]| {
            if charted.is_empty() {
                write!(f, "; this dataset has no indicator with a series")
            } else {
                let ids: Vec<String> = charted.iter().map(|id| format!("`{id}`")).collect();
                write!(f, "; indicators with a series: {}", ids.join(", "))
            }
        };
        match self {
            ChartError::NoIndicator { charted: ids } => {
                write!(
                    f,
                    "--format svg draws one indicator's series: add --indicator ID"
                )?;
                charted(f, ids)
            }
            ChartError::Unknown {
                id,
                suggestion,
                charted: ids,
            } => {
                write!(f, "unknown indicator `{}`", escape_for_message(id))?;
                match suggestion {
                    Some(suggestion) => write!(f, ": did you mean `{suggestion}`?"),
                    None => charted(f, ids),
                }
            }
            ChartError::NoSeries { id, charted: ids } => {
                write!(f, "indicator `{id}` has no series to draw")?;
                charted(f, ids)
            }
        }
    }
}

impl std::error::Error for ChartError {}

/// The standalone SVG of indicator `id`'s series.
pub fn chart_svg(dataset: &Dataset, id: Option<&str>, lang: Lang) -> Result<String, ChartError> {
    let charted: Vec<String> = dataset
        .indicators
        .iter()
        .filter(|i| !i.series.is_empty())
        .map(|i| i.id.clone())
        .collect();
    let Some(id) = id else {
        return Err(ChartError::NoIndicator { charted });
    };
    let Some(indicator) = dataset.indicators.iter().find(|i| i.id == id) else {
        // The closest id, drawable or not: one without a series then says so itself.
        let suggestion =
            closest(id, dataset.indicators.iter().map(|i| i.id.as_str())).map(str::to_owned);
        return Err(ChartError::Unknown {
            id: id.to_owned(),
            suggestion,
            charted,
        });
    };
    let Some(plot) = Plot::new(&indicator.series) else {
        return Err(ChartError::NoSeries {
            id: id.to_owned(),
            charted,
        });
    };
    Ok(document(dataset, indicator, &plot, lang))
}

fn document(dataset: &Dataset, indicator: &Indicator, plot: &Plot, lang: Lang) -> String {
    let (figure_citation, reference_lines) = references(dataset, indicator, lang);
    let conflicted = conflicted_dates(indicator, lang);
    let legend_top = CHART_TOP + chart::HEIGHT + 8.0;
    let sources_top = legend_top + if conflicted.is_empty() { 0.0 } else { 22.0 };
    let height = sources_top + LINE_HEIGHT * reference_lines.len() as f64 + 24.0;

    let mut out = Markup::with_capacity(16 * 1024);
    out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let view_box = format!("0 0 {WIDTH} {}", chart::coordinate(height));
    out.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &chart::coordinate(WIDTH)),
            ("height", &chart::coordinate(height)),
            ("viewBox", &view_box),
            ("font-family", FONTS),
            ("role", "img"),
        ],
    );
    out.raw("\n");
    out.element("title", &[], indicator.label.get(lang));
    out.empty(
        "rect",
        &[("width", "100%"), ("height", "100%"), ("fill", "#ffffff")],
    );
    heading(&mut out, 34.0, "20", "bold", indicator.label.get(lang));
    let mut subtitle = format!(
        "{} · {}",
        figure_with_unit(
            &indicator.figure,
            indicator.unit_for(indicator.figure.value, lang),
            lang
        ),
        crate::i18n::date(&indicator.as_of, lang)
    );
    if let Some(number) = figure_citation {
        subtitle.push_str(&format!(" [{number}]"));
    }
    heading(&mut out, 58.0, "14", "normal", &subtitle);
    out.raw("\n");
    chart::write(
        &mut out,
        plot,
        indicator,
        lang,
        Placement::At(MARGIN, CHART_TOP),
    );
    out.raw("\n");
    if !conflicted.is_empty() {
        legend(&mut out, legend_top, &conflicted, lang);
    }
    out.open(
        "g",
        &[
            ("class", "sources"),
            ("font-size", "11"),
            ("fill", AXIS_COLOUR),
        ],
    );
    for (n, line) in reference_lines.iter().enumerate() {
        let y = sources_top + 12.0 + LINE_HEIGHT * n as f64;
        out.element(
            "text",
            &[
                ("x", &chart::coordinate(MARGIN)),
                ("y", &chart::coordinate(y)),
            ],
            line,
        );
    }
    out.close("g");
    out.raw("\n</svg>\n");
    out.into_string()
}

/// The number of the figure's own citation, and every reference of the chart (the figure's,
/// then each observation's) as wrapped lines: `[n] source. url “quote”`.
fn references(
    dataset: &Dataset,
    indicator: &Indicator,
    lang: Lang,
) -> (Option<usize>, Vec<String>) {
    let w = words(lang);
    let mut citations = Citations::default();
    let figure_citation = citations.cite(Some(indicator.source), Some(indicator.said()));
    for observation in &indicator.series {
        citations.cite(observation.source, observation.said());
    }
    let mut lines = Vec::new();
    for (number, reference) in citations.listed() {
        let mut line = format!("[{number}] ");
        match reference.source {
            Some(source) => line.push_str(&plain(&describe(&dataset.sources[source], lang))),
            None => line.push_str(w.no_source),
        }
        match reference.quote {
            Some(said @ Said::Words { text, .. }) => {
                line.push(' ');
                line.push_str(&quoted(text.get(lang)));
                if said.origin(lang) == Origin::Translation {
                    line.push_str(&translation_mark(lang));
                }
            }
            Some(Said::Missing(reason)) => {
                line.push(' ');
                line.push_str(&no_sentence(reason.get(lang), lang));
            }
            None => {}
        }
        lines.extend(wrap(&line, WRAP_COLUMNS));
    }
    (figure_citation, lines)
}

/// The dates that sources give different figures for, each once.
fn conflicted_dates(indicator: &Indicator, lang: Lang) -> Vec<String> {
    let mut dates: Vec<String> = indicator
        .series
        .iter()
        .zip(crate::dataset::series::conflicts(&indicator.series))
        .filter(|(_, conflict)| *conflict)
        .map(|(o, _)| crate::i18n::date(&o.date, lang))
        .collect();
    dates.dedup();
    dates
}

fn heading(out: &mut Markup, y: f64, size: &str, weight: &str, text: &str) {
    out.element(
        "text",
        &[
            ("x", &chart::coordinate(MARGIN)),
            ("y", &chart::coordinate(y)),
            ("font-size", size),
            ("font-weight", weight),
            ("fill", "#111827"),
        ],
        text,
    );
}

/// `◯ sources disagree: 2020; 2022`, the ring as the chart draws it.
fn legend(out: &mut Markup, top: f64, dates: &[String], lang: Lang) {
    let w = words(lang);
    out.empty(
        "circle",
        &[
            ("cx", &chart::coordinate(MARGIN + 6.0)),
            ("cy", &chart::coordinate(top + 4.0)),
            ("r", "5"),
            ("fill", "#ffffff"),
            ("stroke", CONFLICT_COLOUR),
            ("stroke-width", "2"),
        ],
    );
    let legend = format!(
        "{}{}{}",
        w.conflict_legend,
        w.colon,
        dates.join(w.list_separator)
    );
    out.element(
        "text",
        &[
            ("x", &chart::coordinate(MARGIN + 18.0)),
            ("y", &chart::coordinate(top + 8.0)),
            ("font-size", "12"),
            ("fill", AXIS_COLOUR),
        ],
        &legend,
    );
}

/// Lines of at most `columns` display columns, broken at the last space that fits, or
/// anywhere in a run without one (Chinese has none).
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0;
    // Where in `line` the last space is, and the width up to it.
    let mut last_space: Option<(usize, usize)> = None;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        // A space that does not fit ends the line where it stands.
        if c == ' ' && width + w > columns {
            lines.push(std::mem::take(&mut line));
            width = 0;
            last_space = None;
            continue;
        }
        if width + w > columns && !line.is_empty() {
            match last_space {
                Some((at, before)) if before > 0 => {
                    let rest = line[at + 1..].to_owned();
                    line.truncate(at);
                    lines.push(std::mem::take(&mut line));
                    width -= before + 1;
                    line = rest;
                }
                _ => {
                    lines.push(std::mem::take(&mut line));
                    width = 0;
                }
            }
            last_space = None;
        }
        if c == ' ' {
            last_space = Some((line.len(), width));
        }
        line.push(c);
        width += w;
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wraps_at_spaces_and_inside_chinese() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("aaaaaaaaaa", 4), ["aaaa", "aaaa", "aa"]);
        let chinese = wrap("中欧班列开行量报道中欧班列", 8);
        assert_eq!(chinese, ["中欧班列", "开行量报", "道中欧班", "列"]);
        for line in wrap(&"word ".repeat(60), 30) {
            assert!(line.width() <= 30, "{line}");
        }
    }

    #[test]
    fn errors_say_what_to_pass() {
        let dataset =
            crate::dataset::load_builtin(crate::dataset::builtin("bri-connectivity").unwrap())
                .unwrap();
        let no_id = chart_svg(&dataset, None, Lang::En).unwrap_err().to_string();
        assert!(no_id.starts_with("--format svg draws one indicator's series: add --indicator ID; indicators with a series: `"), "{no_id}");
        let typo = chart_svg(&dataset, Some("cr-express-trains-per-yer"), Lang::En)
            .unwrap_err()
            .to_string();
        assert_eq!(
            typo,
            "unknown indicator `cr-express-trains-per-yer`: did you mean `cr-express-trains-per-year`?"
        );
        let hostile = chart_svg(&dataset, Some("\u{1b}[31mx"), Lang::En)
            .unwrap_err()
            .to_string();
        assert!(!hostile.contains('\u{1b}'), "{hostile}");
    }
}
