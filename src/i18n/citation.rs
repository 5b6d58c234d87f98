//! A figure or statement with its citation, in one paragraph of the reader's language: what
//! `y` copies to the clipboard, ready to paste into a report. What it is, when, from which
//! source (title, publication, address), and in whose words: the quote, marked when it is
//! the dataset's translation, or why none is recorded.

use crate::dataset::{Citer, Dataset, Figure, FuzzyDate, Indicator, Lang, Origin, Said};

use super::{date, figure_with_unit, quoted};

/// The citation of `citer` in `lang`.
pub fn citation(dataset: &Dataset, citer: Citer, lang: Lang) -> String {
    let (what, when, source, said) = match citer {
        Citer::Indicator(i) => {
            let indicator = &dataset.indicators[i];
            (
                labelled_figure(indicator, &indicator.figure, lang),
                Some(&indicator.as_of),
                Some(indicator.source),
                Some(indicator.said()),
            )
        }
        Citer::Observation(i, o) => {
            let indicator = &dataset.indicators[i];
            let observation = &indicator.series[o];
            (
                labelled_figure(indicator, &observation.figure, lang),
                Some(&observation.date),
                observation.source.or(Some(indicator.source)),
                observation.said(),
            )
        }
        Citer::Panel(p) => {
            let panel = &dataset.panels[p];
            let what = format!(
                "{}{}{}",
                panel.title.get(lang),
                colon(lang),
                panel.summary.get(lang)
            );
            (what, None, None, None)
        }
        Citer::Point(p, q) => {
            let point = &dataset.panels[p].points[q];
            (
                point.text.get(lang).to_owned(),
                None,
                point.source,
                point.said(),
            )
        }
        Citer::Event(e) => {
            let event = &dataset.events[e];
            (
                event.label.get(lang).to_owned(),
                Some(&event.date),
                Some(event.source),
                event.said(),
            )
        }
        Citer::CountryFact(f) => {
            let fact = &dataset.country_facts[f];
            let mut what = format!(
                "{}{}{}",
                dataset.countries[fact.country].name.get(lang),
                colon(lang),
                dataset.fact_kinds[fact.kind].label.get(lang)
            );
            if let Some(figure) = &fact.figure {
                what.push_str(&format!(" {}", super::figure_in(figure, lang)));
            }
            (what, Some(&fact.date), Some(fact.source), fact.said())
        }
    };
    let mut out = what;
    if let Some(when) = when {
        out.push_str(&dated(when, lang));
    }
    end_sentence(&mut out, lang);
    if let Some(source) = source {
        out.push_str(&source_line(dataset, source, lang));
    }
    if let Some(said) = said {
        // No space after a full-width stop.
        if lang == Lang::En {
            out.push(' ');
        }
        out.push_str(&words(said, lang));
    }
    out
}

/// "Label: 20 countries" / "标签：20个国家".
fn labelled_figure(indicator: &Indicator, figure: &Figure, lang: Lang) -> String {
    let figure = figure_with_unit(figure, indicator.unit_for(figure.value, lang), lang);
    format!("{}{}{figure}", indicator.label.get(lang), colon(lang))
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// Ends the sentence with a full stop, unless its own text ends one already (a summary
/// that ends "together." would read "together..").
fn end_sentence(out: &mut String, lang: Lang) {
    let ended = out
        .trim_end()
        .ends_with(['.', '!', '?', '。', '！', '？', '…']);
    if ended {
        return;
    }
    // A sentence that ends in a colon (the lead-in of a list) takes the stop in its place.
    if let Some(stripped) = out.strip_suffix([':', '：']) {
        out.truncate(stripped.len());
    }
    out.push_str(match lang {
        Lang::En => ".",
        Lang::Zh => "。",
    });
}

/// The date after what it dates: in parentheses, or after a comma when it has
/// parentheses of its own ("2023-10 (mid)"), which are not nested.
fn dated(when: &FuzzyDate, lang: Lang) -> String {
    let when = date(when, lang);
    match lang {
        Lang::En if when.contains('(') => format!(", {when}"),
        Lang::En => format!(" ({when})"),
        Lang::Zh => format!("（{when}）"),
    }
}

/// A source itself, cited: "title, publication, https://…." in the reader's language.
pub fn source_citation(dataset: &Dataset, index: usize, lang: Lang) -> String {
    let source = &dataset.sources[index];
    let mut parts = vec![source.title.get(lang).to_owned()];
    parts.extend(source.publication.iter().map(|p| p.get(lang).to_owned()));
    if let Some(when) = &source.date {
        parts.push(date(when, lang));
    }
    parts.extend(source.url.iter().cloned());
    match lang {
        Lang::En => format!("{}.", parts.join(", ")),
        Lang::Zh => format!("{}。", parts.join("，")),
    }
}

/// "Source: title, publication, https://…." / "来源：标题，出版物，https://…。"
fn source_line(dataset: &Dataset, index: usize, lang: Lang) -> String {
    let source = &dataset.sources[index];
    let mut parts = vec![source.title.get(lang).to_owned()];
    parts.extend(source.publication.iter().map(|p| p.get(lang).to_owned()));
    parts.extend(source.url.iter().cloned());
    match lang {
        Lang::En => format!(" Source: {}.", parts.join(", ")),
        Lang::Zh => format!("来源：{}。", parts.join("，")),
    }
}

/// The quote, marked when it is the dataset's translation; or why no sentence is recorded.
fn words(said: Said, lang: Lang) -> String {
    match said {
        Said::Words { text, .. } => {
            let mark = match (said.origin(lang), lang) {
                (Origin::Translation, Lang::En) => " (our translation)",
                (Origin::Translation, Lang::Zh) => "（本数据集的译文）",
                _ => "",
            };
            format!("{}{mark}", quoted(text.get(lang)))
        }
        Said::Missing(reason) => match lang {
            Lang::En => format!("No source sentence recorded: {}", reason.get(lang)),
            Lang::Zh => format!("未记录来源原句：{}", reason.get(lang)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{builtin, load_builtin};

    #[test]
    fn a_figure_is_cited_with_its_date_source_address_and_words() {
        let dataset = load_builtin(builtin("digital-silk-road-2023").unwrap()).unwrap();
        let index = dataset
            .indicators
            .iter()
            .position(|i| i.id == "cross-border-land-cables")
            .unwrap();
        let en = citation(&dataset, Citer::Indicator(index), Lang::En);
        assert!(
            en.starts_with("Cross-border land cable systems built by China: 130 "),
            "{en}"
        );
        assert!(en.contains(" Source: "), "{en}");
        assert!(
            en.contains('“') && en.ends_with("(our translation)"),
            "{en}"
        );
        let zh = citation(&dataset, Citer::Indicator(index), Lang::Zh);
        assert!(zh.starts_with("中国构建的跨境陆缆系统：130"), "{zh}");
        assert!(zh.contains("来源："), "{zh}");
        assert!(!zh.contains("译文"), "the article's own words: {zh}");
    }

    #[test]
    fn a_sentence_ends_once_and_a_date_in_parentheses_is_not_nested() {
        for (text, lang, ended) in [
            ("together.", Lang::En, "together."),
            ("visible:", Lang::En, "visible."),
            ("plain", Lang::En, "plain."),
            ("合作。", Lang::Zh, "合作。"),
            ("如下：", Lang::Zh, "如下。"),
        ] {
            let mut out = text.to_owned();
            end_sentence(&mut out, lang);
            assert_eq!(out, ended);
        }
        let dataset = load_builtin(builtin("digital-silk-road-2023").unwrap()).unwrap();
        let index = dataset
            .indicators
            .iter()
            .position(|i| i.id == "dsr-mou-countries")
            .unwrap();
        let en = citation(&dataset, Citer::Indicator(index), Lang::En);
        assert!(
            en.starts_with("Countries with a Digital Silk Road MoU: 20 countries, 2023-10 (mid). "),
            "{en}"
        );
        let zh = citation(&dataset, Citer::Indicator(index), Lang::Zh);
        assert!(
            zh.contains("。“截至"),
            "no space after a full-width stop: {zh}"
        );
    }
}
