//! Writing the detail's lines: paragraphs, labelled fields, quotes and sources, wrapped
//! to the popup's width, and rows kept free for the graphics drawn over them.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Body, Graphic, List, Placed};
use crate::dataset::{Origin, Said, Source, Text};
use crate::i18n::{aside, labelled, origin_mark, quoted, said_line, strings};
use crate::ui::Screen;
use crate::ui::tabs::sources::source_facts;
use crate::ui::text::{truncate, wrapped_lines};

/// Builds the popup's lines for a text width.
pub struct Writer<'a> {
    pub app: &'a Screen<'a>,
    pub width: usize,
    pub lines: Vec<Line<'static>>,
    graphics: Vec<Placed>,
    /// The first line of each point of a series in its list: (observation index, row).
    pub points: Vec<(usize, usize)>,
}

impl<'a> Writer<'a> {
    pub fn new(app: &'a Screen<'a>, width: usize) -> Writer<'a> {
        Writer {
            app,
            width: width.max(1),
            lines: Vec::new(),
            graphics: Vec::new(),
            points: Vec::new(),
        }
    }

    pub fn finish(self) -> Body<'a> {
        Body {
            lines: self.lines,
            list: None,
            graphics: self.graphics,
            points: self.points,
        }
    }

    /// Ends the text with a list of `count` one-line entries, `entry(i)` the text of the
    /// i-th, each cut to the width with an ellipsis and made only when it shows.
    pub fn finish_with_list(self, count: usize, entry: impl Fn(usize) -> String + 'a) -> Body<'a> {
        let (muted, text) = (self.app.theme.muted, self.app.theme.text);
        let room = self.width.saturating_sub(2);
        let row = move |index| {
            Line::from(vec![
                Span::styled("• ", muted),
                Span::styled(truncate(&entry(index), room), text),
            ])
        };
        Body {
            list: Some(List {
                count,
                row: Box::new(row),
            }),
            ..self.finish()
        }
    }

    /// Reserves `height` blank lines for a graphic.
    pub fn reserve(&mut self, graphic: Graphic, indicator: usize, height: u16, indent: u16) {
        self.graphics.push(Placed {
            graphic,
            indicator,
            row: self.lines.len(),
            height,
            indent,
        });
        self.lines
            .extend((0..height).map(|_| Line::raw(String::new())));
    }

    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.lines.extend(wrapped_lines(
            self.app.memory,
            text,
            self.width,
            ("", ""),
            style,
            style,
        ));
    }

    pub fn field(&mut self, label: &str, text: &str) {
        let theme = &self.app.theme;
        self.lines.push(Line::styled(label.to_owned(), theme.key));
        self.lines.extend(wrapped_lines(
            self.app.memory,
            text,
            self.width,
            ("  ", "  "),
            theme.muted,
            theme.text,
        ));
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    pub fn text(&self, text: &Text) -> String {
        text.get(self.app.lang).to_owned()
    }

    /// A quote under its label; one of which no sentence is recorded is a muted note.
    pub fn quote(&mut self, said: Said) {
        let lang = self.app.lang;
        let theme = &self.app.theme;
        self.lines
            .push(Line::styled(strings(lang).quote.to_owned(), theme.key));
        let style = match said {
            Said::Words { .. } => theme.text,
            Said::Missing(_) => theme.muted,
        };
        for text in self.said_lines(said) {
            self.lines.extend(wrapped_lines(
                self.app.memory,
                &text,
                self.width,
                ("  ", "  "),
                theme.muted,
                style,
            ));
        }
    }

    /// A quote in the reader's language with whose words it is; when that is our
    /// translation, the source's own words under it. When the dataset does not say, the
    /// primary language's text beside it where they differ.
    pub fn said_lines(&self, said: Said) -> Vec<String> {
        let lang = self.app.lang;
        let Said::Words { text: quote, .. } = said else {
            return vec![said_line(said, lang)];
        };
        let mut lines = vec![said_line(said, lang)];
        let other = match said.origin(lang) {
            Origin::Source => None,
            Origin::Translation => Some(lang.other()),
            Origin::Unknown => Some(self.app.dataset.primary_language()),
        };
        if let Some(other) = other.filter(|&other| quote.get(other) != quote.get(lang)) {
            // The other language's words, marked in the reader's language.
            let words = format!(
                "{}{}",
                quoted(quote.get(other)),
                origin_mark(said.origin(other), lang)
            );
            let shown = labelled(other.code(), &words, lang);
            match said.origin(lang) {
                Origin::Unknown => {
                    lines[0].push_str("  ");
                    lines[0].push_str(aside(&shown, lang).trim_start());
                }
                _ => lines.push(shown),
            }
        }
        lines
    }

    pub fn source(&mut self, source: &Source) {
        let lang = self.app.lang;
        let authors: Vec<String> = source.authors.iter().map(|a| self.text(&a.name)).collect();
        let mut text = source.title.get(lang).to_owned();
        if !authors.is_empty() {
            text = format!("{} — {text}", authors.join(strings(lang).list_separator));
        }
        text.push_str(&aside(&source_facts(source, lang), lang));
        self.field(strings(lang).source, &text);
    }

    /// A heading in the key style, as over a list.
    pub fn heading(&mut self, text: &str) {
        self.lines
            .push(Line::styled(text.to_owned(), self.app.theme.key));
    }

    /// An entry of a list: `first` before its first line, `rest` before the others.
    pub fn entry(&mut self, text: &str, (first, rest): (&str, &str)) {
        let theme = &self.app.theme;
        self.lines.extend(wrapped_lines(
            self.app.memory,
            text,
            self.width,
            (first, rest),
            theme.muted,
            theme.text,
        ));
    }
}
