//! What each searchable thing says, field by field. The index is built from this, and the
//! results list asks it again for the few hits on screen, to show where a query matched in
//! the original text (the index keeps only the folded text).

use std::borrow::Cow;

use crate::app::navigation::Item;
use crate::dataset::{Dataset, Lang, Quote, Text};

/// A searchable thing: a tab (by its title) or an item of the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Searched {
    Tab(usize),
    Item(Item),
}

/// Which part of a thing a query matched, named in the results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// What the results list shows as the hit: a figure's label, a point's text…
    Title,
    /// The source's sentence, of a figure or of one point of its series.
    Quote,
    Note,
    /// A date of a figure's series.
    Date,
    /// A country's other names and its code.
    Name,
    Author,
    /// Anything else it says: a unit, a summary, sub-points, a publication.
    Text,
}

/// What the results list shows as the hit.
pub fn title(dataset: &Dataset, searched: Searched) -> &Text {
    match searched {
        Searched::Tab(tab) => &dataset.tabs[tab].title,
        Searched::Item(Item::Indicator(index)) => &dataset.indicators[index].label,
        Searched::Item(Item::Panel(index)) => &dataset.panels[index].title,
        Searched::Item(Item::Point { panel, point }) => &dataset.panels[panel].points[point].text,
        Searched::Item(Item::Country(index)) => &dataset.countries[index].name,
        Searched::Item(Item::Event(index)) => &dataset.events[index].label,
        Searched::Item(Item::Source(index)) => &dataset.sources[index].title,
    }
}

/// Every field of `searched`, its title first.
pub fn fields(dataset: &Dataset, searched: Searched) -> Vec<(Field, Cow<'_, Text>)> {
    let mut out: Vec<(Field, Cow<Text>)> =
        vec![(Field::Title, Cow::Borrowed(title(dataset, searched)))];
    match searched {
        Searched::Tab(_) => {}
        Searched::Item(Item::Indicator(index)) => {
            let indicator = &dataset.indicators[index];
            out.push((Field::Text, Cow::Borrowed(&indicator.unit)));
            // Why no sentence is recorded is a note of the dataset's, not a quote.
            out.push(match &indicator.quote {
                Quote::Words(words) => (Field::Quote, Cow::Borrowed(words)),
                Quote::Missing(why) => (Field::Note, Cow::Borrowed(why)),
            });
            indicator
                .note
                .iter()
                .for_each(|note| out.push((Field::Note, Cow::Borrowed(note))));
            indicator
                .items
                .iter()
                .for_each(|item| out.push((Field::Text, Cow::Borrowed(item))));
            // Its history too: a year, a quote or a note of any observation finds it.
            for observation in &indicator.series {
                observation
                    .quote
                    .iter()
                    .for_each(|q| out.push((Field::Quote, Cow::Borrowed(q))));
                observation
                    .note
                    .iter()
                    .for_each(|n| out.push((Field::Note, Cow::Borrowed(n))));
            }
            for observation in &indicator.series {
                out.push((
                    Field::Date,
                    Cow::Owned(Text {
                        zh: crate::i18n::date(&observation.date, Lang::Zh),
                        en: observation.date.canonical(),
                    }),
                ));
            }
        }
        Searched::Item(Item::Panel(index)) => {
            let panel = &dataset.panels[index];
            out.push((Field::Text, Cow::Borrowed(&panel.summary)));
        }
        Searched::Item(Item::Point { panel, point }) => {
            let point = &dataset.panels[panel].points[point];
            point
                .sub
                .iter()
                .for_each(|sub| out.push((Field::Text, Cow::Borrowed(sub))));
            point
                .quote
                .iter()
                .for_each(|quote| out.push((Field::Quote, Cow::Borrowed(quote))));
        }
        Searched::Item(Item::Country(index)) => {
            let country = &dataset.countries[index];
            let reference = crate::countries::country(country.reference);
            // By its names in both languages (the reference's English aliases too) and its code.
            out.push((
                Field::Name,
                Cow::Owned(Text {
                    zh: reference.name_zh.to_owned(),
                    en: std::iter::once(reference.name_en)
                        .chain(reference.aliases_en.iter().copied())
                        .collect::<Vec<_>>()
                        .join("\n"),
                }),
            ));
            out.push((
                Field::Name,
                Cow::Owned(Text {
                    zh: country.code.clone(),
                    en: country.code.clone(),
                }),
            ));
        }
        Searched::Item(Item::Event(index)) => {
            let event = &dataset.events[index];
            event
                .quote
                .iter()
                .for_each(|quote| out.push((Field::Quote, Cow::Borrowed(quote))));
            event
                .note
                .iter()
                .for_each(|note| out.push((Field::Note, Cow::Borrowed(note))));
        }
        Searched::Item(Item::Source(index)) => {
            let source = &dataset.sources[index];
            source
                .publication
                .iter()
                .for_each(|publication| out.push((Field::Text, Cow::Borrowed(publication))));
            for author in &source.authors {
                out.push((Field::Author, Cow::Borrowed(&author.name)));
                author
                    .affiliation
                    .iter()
                    .for_each(|affiliation| out.push((Field::Author, Cow::Borrowed(affiliation))));
            }
        }
    }
    out
}

/// Folds case one character at a time, keeping each character's length in UTF-8, so that
/// an offset in folded text is the same offset in the original: the results list finds a
/// match in folded text and highlights it in the original. The few characters whose
/// lowercase is longer or shorter (`İ`, `ẞ`…) are kept as they are.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(folded), None) if folded.len_utf8() == c.len_utf8() => folded,
        _ => c,
    }
}

/// `text` folded by [`fold`], appended to `out`.
pub fn fold_into(out: &mut String, text: &str) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(text.chars().map(fold));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_every_offset() {
        for text in [
            "Digital Silk Road",
            "İstanbul ẞ Ωmega",
            "数字丝绸之路 MoU",
            "ÀÉÎõü",
        ] {
            let mut folded = String::new();
            fold_into(&mut folded, text);
            assert_eq!(folded.len(), text.len(), "{text}");
            let offsets = |s: &str| s.char_indices().map(|(i, _)| i).collect::<Vec<_>>();
            assert_eq!(offsets(&folded), offsets(text), "{text}");
        }
        let mut folded = String::new();
        fold_into(&mut folded, "Digital ÀÉÎ Ωmega");
        assert_eq!(folded, "digital àéî ωmega");
    }
}
