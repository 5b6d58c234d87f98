//! What the exports for readers (the Markdown brief, the HTML report and the standalone SVG
//! chart) share, so that they number and date alike: numbered citations, and dates written
//! at their precision.
//!
//! Citations are numbered in two passes. A document is written once to collect every
//! citation in order of first use; the references are then listed grouped by source, so a
//! reference's number is known only after that pass. The second pass writes the document
//! with those numbers, collecting the same citations in the same order.

use crate::dataset::{FuzzyDate, Lang, Precision, Said};

/// What a citation points at; two citations of the same source and quote share a number.
#[derive(Debug, PartialEq)]
pub struct Reference<'a> {
    /// Index into [`crate::dataset::Dataset::sources`].
    pub source: Option<usize>,
    pub quote: Option<Said<'a>>,
}

impl Reference<'_> {
    /// The same source and the same words (whether or not each says which side is a
    /// translation), or the same source and reason.
    fn same(&self, other: &Reference) -> bool {
        let quotes = match (self.quote, other.quote) {
            (Some(Said::Words { text: a, .. }), Some(Said::Words { text: b, .. })) => a == b,
            (a, b) => a == b,
        };
        self.source == other.source && quotes
    }
}

/// The citations of one pass over a document.
#[derive(Debug, Default)]
pub struct Citations<'a> {
    /// Everything cited, in order of first citation.
    references: Vec<Reference<'a>>,
    /// The number printed for each of `references`; empty in the first pass, which then
    /// numbers by first citation.
    numbers: Vec<usize>,
}

impl<'a> Citations<'a> {
    /// The citations of a second pass, numbered as `first` lists them: grouped by source.
    pub fn numbered_after(first: &Citations<'_>) -> Citations<'a> {
        let order = grouped_by_source(&first.references);
        let mut numbers = vec![0; order.len()];
        for (position, &index) in order.iter().enumerate() {
            numbers[index] = position + 1;
        }
        Citations {
            references: Vec::new(),
            numbers,
        }
    }

    /// The number of a source and quote, numbered on first use; `None` when there is
    /// neither, since a citation of nothing would send the reader nowhere.
    pub fn cite(&mut self, source: Option<usize>, quote: Option<Said<'a>>) -> Option<usize> {
        if source.is_none() && quote.is_none() {
            return None;
        }
        let reference = Reference { source, quote };
        let index = match self.references.iter().position(|r| r.same(&reference)) {
            Some(index) => {
                // A panel point may quote a figure's words without saying whose they are;
                // the figure says which side is a translation, and the one reference keeps it.
                if let Some(Said::Words {
                    translated: translated @ None,
                    ..
                }) = &mut self.references[index].quote
                    && let Some(Said::Words {
                        translated: known, ..
                    }) = reference.quote
                {
                    *translated = known;
                }
                index
            }
            None => {
                self.references.push(reference);
                self.references.len() - 1
            }
        };
        Some(self.numbers.get(index).copied().unwrap_or(index + 1))
    }

    /// Every reference with its number, in the order of the numbers: grouped by source
    /// (in order of each source's first citation, quotes without a source last), then by
    /// first citation within a source.
    pub fn listed(&self) -> Vec<(usize, &Reference<'a>)> {
        grouped_by_source(&self.references)
            .into_iter()
            .enumerate()
            .map(|(position, index)| (position + 1, &self.references[index]))
            .collect()
    }
}

/// Reference indices in the order of [`Citations::listed`].
fn grouped_by_source(references: &[Reference]) -> Vec<usize> {
    let first_of_source = |source: Option<usize>| match source {
        Some(_) => references
            .iter()
            .position(|r| r.source == source)
            .unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let mut order: Vec<usize> = (0..references.len()).collect();
    order.sort_by_key(|&index| (first_of_source(references[index].source), index));
    order
}

/// `2023-10 (mid) · part-of-month precision` / `2023年10月中旬（精确到旬）`.
pub fn date_with_precision(date: &FuzzyDate, lang: Lang) -> String {
    let shown = crate::i18n::date(date, lang);
    match lang {
        Lang::En => format!("{shown} · {} precision", date.precision().name()),
        Lang::Zh => {
            let precision = match date.precision() {
                Precision::Day => "日",
                Precision::PartOfMonth(_) => "旬",
                Precision::Month => "月",
                Precision::Year => "年",
            };
            format!("{shown}（精确到{precision}）")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Text;

    fn text(en: &str) -> Text {
        Text {
            zh: en.to_owned(),
            en: en.to_owned(),
        }
    }

    #[test]
    fn numbers_follow_the_sources_in_the_second_pass() {
        let (a, b, c) = (text("a"), text("b"), text("c"));
        let (a, b, c) = (
            Said::of(Some(&a), None).unwrap(),
            Said::of(Some(&b), None).unwrap(),
            Said::of(Some(&c), None).unwrap(),
        );
        let mut first = Citations::default();
        // Source 1, then source 0, then source 1 again, then a quote of no source.
        assert_eq!(first.cite(Some(1), Some(a)), Some(1));
        assert_eq!(first.cite(Some(0), Some(b)), Some(2));
        assert_eq!(first.cite(None, Some(c)), Some(3));
        assert_eq!(first.cite(Some(1), None), Some(4));
        assert_eq!(first.cite(Some(1), Some(a)), Some(1), "cited again");
        assert_eq!(first.cite(None, None), None);

        let mut second = Citations::numbered_after(&first);
        let numbers = [
            second.cite(Some(1), Some(a)),
            second.cite(Some(0), Some(b)),
            second.cite(None, Some(c)),
            second.cite(Some(1), None),
        ];
        assert_eq!(numbers, [Some(1), Some(3), Some(4), Some(2)]);
        let listed: Vec<(usize, Option<usize>)> = second
            .listed()
            .into_iter()
            .map(|(number, reference)| (number, reference.source))
            .collect();
        assert_eq!(
            listed,
            [(1, Some(1)), (2, Some(1)), (3, Some(0)), (4, None)]
        );
    }

    #[test]
    fn words_cited_twice_share_a_number_and_keep_whose_they_are() {
        let words = text("words");
        let mut citations = Citations::default();
        assert_eq!(
            citations.cite(Some(0), Some(Said::of(Some(&words), None).unwrap())),
            Some(1)
        );
        let translated = Said::Words {
            text: &words,
            translated: Some(Lang::En),
        };
        assert_eq!(citations.cite(Some(0), Some(translated)), Some(1));
        assert_eq!(citations.listed()[0].1.quote, Some(translated));
        assert_eq!(
            citations.cite(Some(0), Some(Said::Missing(&words))),
            Some(2)
        );
    }

    #[test]
    fn dates_say_their_precision_in_both_languages() {
        let mid = FuzzyDate::parse("2023-10-mid").unwrap();
        assert_eq!(
            date_with_precision(&mid, Lang::En),
            "2023-10 (mid) · part-of-month precision"
        );
        assert_eq!(
            date_with_precision(&mid, Lang::Zh),
            "2023年10月中旬（精确到旬）"
        );
    }
}
