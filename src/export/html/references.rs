//! Sources as a reader cites them, and the numbered list of references every `[n]` links to.

use super::Report;
use crate::dataset::{Lang, Origin, Said, Source};
use crate::i18n::no_sentence;
use crate::i18n::report_words as words;

/// A source description in pieces, so that the report can mark the title up and link the
/// URL, and the standalone SVG can write it as plain text.
pub enum Piece<'a> {
    Text(String),
    Title(&'a str),
    Url(&'a str),
}

/// `Zuo Pengfei, Chen Jing. Title, Publication, 2023-10-20. https://…` /
/// `左鹏飞、陈静：《标题》，刊物，2023-10-20。https://…`, as the Markdown brief writes it.
pub fn describe(source: &Source, lang: Lang) -> Vec<Piece<'_>> {
    let w = words(lang);
    let authors: Vec<&str> = source.authors.iter().map(|a| a.name.get(lang)).collect();
    let mut lead = authors.join(w.name_separator);
    if !lead.is_empty() {
        lead.push_str(w.after_authors);
    }
    let title = source.title.get(lang);
    let (open, close) = crate::i18n::title_marks(title, lang);
    lead.push_str(open);
    let mut pieces = vec![Piece::Text(lead), Piece::Title(title)];
    let mut tail = close.to_owned();
    if let Some(publication) = &source.publication {
        tail.push_str(w.comma);
        tail.push_str(publication.get(lang));
    }
    if let Some(date) = &source.date {
        tail.push_str(w.comma);
        tail.push_str(&crate::i18n::date(date, lang));
    }
    tail.push_str(w.full_stop);
    pieces.push(Piece::Text(tail));
    if let Some(url) = &source.url {
        pieces.push(Piece::Text(" ".to_owned()));
        pieces.push(Piece::Url(url));
    }
    pieces
}

/// The description as one line of text.
pub fn plain(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.as_str(),
            Piece::Title(text) | Piece::Url(text) => text,
        })
        .collect()
}

/// `(translation)` / `（译文）` after a quote that is one.
pub fn translation_mark(lang: Lang) -> String {
    let word = words(lang).translation;
    match lang {
        Lang::En => format!(" ({word})"),
        Lang::Zh => format!("（{word}）"),
    }
}

impl<'a> Report<'a> {
    pub(super) fn source_description(&mut self, source: &Source) {
        for piece in describe(source, self.lang) {
            match piece {
                Piece::Text(text) => self.out.text(&text),
                Piece::Title(title) => self.out.element("cite", &[], title),
                Piece::Url(url) => self.out.url(url),
            }
        }
    }

    /// Each source once, then the quotes cited from it, numbered; quotes of no source last.
    pub(super) fn references(&mut self) {
        // Listing borrows the citations while the list is written: nothing cites any more.
        let citations = std::mem::take(&mut self.citations);
        let listed = citations.listed();
        if listed.is_empty() {
            return;
        }
        let dataset = self.dataset;
        let w = self.w;
        self.out
            .raw("<section id=\"references\" class=\"references\">\n");
        self.out.element("h2", &[], w.references);
        self.out.raw("\n");
        let mut previous = None;
        for (number, reference) in listed {
            if number == 1 || reference.source != previous {
                if number > 1 {
                    self.out.raw("</ol></div>\n");
                }
                self.out
                    .raw("<div class=\"source-group\"><p class=\"source\">");
                match reference.source {
                    Some(source) => self.source_description(&dataset.sources[source]),
                    None => self.out.text(w.no_source),
                }
                self.out.raw("</p><ol>\n");
                previous = reference.source;
            }
            let id = format!("ref-{number}");
            self.out.open("li", &[("id", &id)]);
            self.out
                .element("span", &[("class", "number")], &format!("{number}."));
            self.out.raw(" ");
            match reference.quote {
                Some(said @ Said::Words { text, .. }) => {
                    self.out.element("q", &[], text.get(self.lang));
                    if said.origin(self.lang) == Origin::Translation {
                        self.out.element(
                            "span",
                            &[("class", "translation")],
                            &translation_mark(self.lang),
                        );
                    }
                }
                // Not a quotation: no <q>, and it says so.
                Some(Said::Missing(reason)) => self.out.element(
                    "span",
                    &[("class", "no-quote")],
                    &no_sentence(reason.get(self.lang), self.lang),
                ),
                None => self.out.text(w.whole_source),
            }
            self.out.raw("</li>\n");
        }
        self.out.raw("</ol></div>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_marked_in_each_language() {
        assert_eq!(translation_mark(Lang::En), " (translation)");
        assert_eq!(translation_mark(Lang::Zh), "（译文）");
    }
}
