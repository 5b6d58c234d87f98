//! The brief's reference list: each source described once, the quotes cited from it
//! numbered under it.

use super::Brief;
use super::escape::{escape, link};
use crate::dataset::{Lang, Origin, Said, Source};
use crate::i18n::{no_sentence, quoted};

impl Brief<'_> {
    /// The sources, each followed by the numbered quotes cited from it.
    pub(super) fn references(&mut self) {
        let listed = self.citations.listed();
        if listed.is_empty() {
            return;
        }
        let mut lines = vec![String::new(), format!("## {}", self.words.references)];
        let mut previous = None;
        for (number, reference) in listed {
            if number == 1 || reference.source != previous {
                lines.push(String::new());
                lines.push(match reference.source {
                    Some(source) => self.source_description(&self.dataset.sources[source]),
                    None => self.words.no_source.to_owned(),
                });
                lines.push(String::new());
                previous = reference.source;
            }
            let cited = match reference.quote {
                Some(said @ Said::Words { text, .. }) => {
                    let mut cited = quoted(&self.text(text));
                    if said.origin(self.lang) == Origin::Translation {
                        cited.push_str(self.words.translation);
                    }
                    cited
                }
                // Not a quotation: in italics, and it says so.
                Some(Said::Missing(reason)) => {
                    format!(
                        "*{}*",
                        escape(&no_sentence(reason.get(self.lang), self.lang))
                    )
                }
                None => self.words.whole_source.to_owned(),
            };
            lines.push(format!("{number}. {cited}"));
        }
        for line in lines {
            self.line(&line);
        }
    }

    /// `Zuo Pengfei, Chen Jing. *Title*, Publication, 2023-10-20. <url>` /
    /// `左鹏飞、陈静：《标题》，刊物，2023-10-20。<url>`
    pub(super) fn source_description(&self, source: &Source) -> String {
        let w = self.words;
        let authors: Vec<String> = source
            .authors
            .iter()
            .map(|author| self.text(&author.name))
            .collect();
        let mut text = authors.join(w.name_separator);
        if !text.is_empty() {
            text.push_str(match self.lang {
                Lang::En => ". ",
                Lang::Zh => "：",
            });
        }
        let title = self.text(&source.title);
        let comma = match self.lang {
            Lang::En => ", ",
            Lang::Zh => "，",
        };
        text.push_str(&match self.lang {
            Lang::En => format!("*{title}*"),
            Lang::Zh => {
                let (open, close) = crate::i18n::title_marks(&title, self.lang);
                format!("{open}{title}{close}")
            }
        });
        if let Some(publication) = &source.publication {
            text.push_str(comma);
            text.push_str(&self.text(publication));
        }
        if let Some(date) = &source.date {
            text.push_str(comma);
            text.push_str(&crate::i18n::date(date, self.lang));
        }
        text.push_str(match self.lang {
            Lang::En => ".",
            Lang::Zh => "。",
        });
        if let Some(url) = &source.url {
            text.push(' ');
            text.push_str(&link(url));
        }
        text
    }
}
