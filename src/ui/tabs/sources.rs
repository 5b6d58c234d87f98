//! The sources: every work the figures cite, with its authors and how many figures cite it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::dataset::{Lang, Source};
use crate::i18n::{cited, strings};
use crate::ui::Screen;
use crate::ui::text::wrapped_lines;
use crate::ui::widgets::list::{self, Entry};

/// The kind, publication and date of a source on one line.
pub fn source_facts(source: &Source, lang: Lang) -> String {
    let mut facts = vec![crate::i18n::source_kind(source.kind, lang).to_owned()];
    if let Some(publication) = &source.publication {
        facts.push(publication.get(lang).to_owned());
    }
    if let Some(date) = &source.date {
        facts.push(crate::i18n::date(date, lang));
    }
    facts.join(" · ")
}

/// One source: title, facts, authors, link, and how often it is cited.
fn entry(app: &Screen, index: usize, width: usize) -> Entry {
    let theme = &app.theme;
    let lang = app.lang;
    let source = &app.dataset.sources[index];
    let mut lines = wrapped_lines(
        app.memory,
        source.title.get(lang),
        width,
        ("", ""),
        theme.title,
        theme.title,
    );
    lines.extend(wrapped_lines(
        app.memory,
        &source_facts(source, lang),
        width,
        ("", ""),
        theme.muted,
        theme.muted,
    ));
    for author in &source.authors {
        let text = match &author.affiliation {
            Some(affiliation) => {
                format!("{} — {}", author.name.get(lang), affiliation.get(lang))
            }
            None => author.name.get(lang).to_owned(),
        };
        lines.extend(wrapped_lines(
            app.memory,
            &text,
            width,
            ("· ", "  "),
            theme.muted,
            theme.text,
        ));
    }
    if let Some(url) = &source.url {
        lines.extend(wrapped_lines(
            app.memory,
            url,
            width,
            ("", ""),
            theme.muted,
            theme.muted,
        ));
    }
    lines.push(Line::styled(
        cited(lang, app.dataset.citations[index].len()),
        theme.muted,
    ));
    lines.push(Line::raw(""));
    Entry {
        item: Some(index),
        lines,
    }
}

/// Draws the sources; returns where each is, by item index.
pub fn render(app: &Screen, frame: &mut Frame, area: Rect) -> Vec<(usize, Rect)> {
    list::render_tab(
        frame,
        area,
        app.dataset.sources.len(),
        app.selected_index(),
        &app.theme,
        strings(app.lang).nothing_here,
        |index, text_width| entry(app, index, text_width),
    )
}
