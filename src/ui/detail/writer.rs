//! Writing the detail's lines: paragraphs, labelled fields, quotes and sources, wrapped
//! to the popup's width, and rows kept free for the graphics drawn over them.

use ratatui::style::Style;
use ratatui::text::Line;

use super::{Body, Graphic, Placed};
use crate::dataset::{Source, Text};
use crate::i18n::{aside, labelled, quoted, strings};
use crate::ui::Screen;
use crate::ui::tabs::sources::source_facts;
use crate::ui::text::wrapped_lines;

/// Builds the popup's lines for a text width.
pub struct Writer<'a> {
    pub app: &'a Screen<'a>,
    pub width: usize,
    pub lines: Vec<Line<'static>>,
    graphics: Vec<Placed>,
}

impl<'a> Writer<'a> {
    pub fn new(app: &'a Screen<'a>, width: usize) -> Writer<'a> {
        Writer {
            app,
            width: width.max(1),
            lines: Vec::new(),
            graphics: Vec::new(),
        }
    }

    pub fn finish(self) -> Body {
        Body {
            lines: self.lines,
            graphics: self.graphics,
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

    pub fn quote(&mut self, quote: &Text) {
        let s = strings(self.app.lang);
        let lang = self.app.lang;
        // The quote in the reader's language, and the original beside it when they differ.
        let mut text = quoted(quote.get(lang));
        let original = quote.get(self.app.dataset.primary_language());
        if original != quote.get(lang) {
            let code = self.app.dataset.primary_language().code();
            text.push_str("  ");
            text.push_str(aside(&labelled(code, &quoted(original), lang), lang).trim_start());
        }
        self.field(s.quote, &text);
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
