//! Search on screen: the query line in place of the key bar, and the hits in a popup above
//! it, each with where it is (tab › what), while the query is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use ratatui::style::{Modifier, Style};

use super::layout::PopupLayout;
use super::text::{truncate, width};
use super::widgets::lines::write_lines;
use super::widgets::popup;
use crate::app::search::{Entry, Field, Searched, fields, fold, title};
use crate::app::{Item, Search};
use crate::i18n::{hits, strings};
use crate::ui::Screen;

const MAX_WIDTH: u16 = 100;

/// The most columns a panel's title takes in the place of a point's hit.
const PANEL_IN_PLACE: usize = 24;

/// The hits' popup: as tall as the hits, up to most of the screen.
fn results_area(search: &Search, screen: Rect) -> Rect {
    let rows = search.hits.len().max(1) as u16 + 2;
    let mut area = popup::centered(screen, MAX_WIDTH, rows.min(screen.height.saturating_sub(4)));
    // Sit above the query line.
    area.y = screen
        .bottom()
        .saturating_sub(area.height + 1)
        .max(screen.y);
    area
}

pub fn render(
    app: &Screen,
    frame: &mut Frame,
    screen: Rect,
    search: &Search,
) -> Option<PopupLayout> {
    let s = strings(app.lang);
    let theme = &app.theme;
    let popup = search.editing.then(|| {
        let rect = results_area(search, screen);
        let title = format!("{} · {}", s.search_title, count(app, search));
        let inner = popup::frame(frame, rect, &title, s.search_keys, theme);
        let visible = inner.height.max(1) as usize;
        let first = (search.selected + 1).saturating_sub(visible);
        let room = inner.width.saturating_sub(2) as usize;
        let mut entries = Vec::new();
        let lines: Vec<Line> = match &app.search_index {
            _ if search.hits.is_empty() => {
                let message = if search.query.trim().is_empty() {
                    s.search_prompt
                } else if app.search_index.is_none() {
                    s.search_indexing
                } else {
                    s.no_hits
                };
                vec![Line::styled(format!(" {message}"), theme.muted)]
            }
            None => Vec::new(),
            Some(index) => {
                let words = search.words();
                (first..search.hits.len().min(first + visible))
                    .map(|position| {
                        let row = inner.y + (position - first) as u16;
                        entries.push((position, Rect::new(inner.x, row, inner.width, 1)));
                        let entry = &index.entries[search.hits[position]];
                        hit_line(app, entry, &words, room, position == search.selected)
                    })
                    .collect()
            }
        };
        write_lines(frame.buffer_mut(), inner, &lines, 0);
        PopupLayout {
            area: rect,
            entries,
            ..PopupLayout::default()
        }
    });
    query_line(
        app,
        frame,
        Rect::new(screen.x, screen.bottom().saturating_sub(1), screen.width, 1),
        search,
    );
    popup
}

/// "12 hits", "2 hits · 7 similar".
fn count(app: &Screen, search: &Search) -> String {
    let similar = search.hits.len() - search.similar_from;
    if search.counting {
        // The first hits are on screen; the rest of the index is still being looked at.
        format!("{}…", hits(app.lang, search.similar_from))
    } else if similar == 0 {
        hits(app.lang, search.similar_from)
    } else {
        format!(
            "{} · {}",
            hits(app.lang, search.similar_from),
            crate::i18n::similar(app.lang, similar)
        )
    }
}

/// A hit: where it is (tab › title), the words it matched highlighted, and, when they are
/// not in its title, the field they are in with the text around them.
fn hit_line(
    app: &Screen,
    entry: &Entry,
    words: &[String],
    room: usize,
    selected: bool,
) -> Line<'static> {
    let theme = &app.theme;
    let (marker, place_style, text_style) = if selected {
        ("▶ ", theme.selected, theme.selected)
    } else {
        ("  ", theme.muted, theme.text)
    };
    let tab = app.dataset.tabs[entry.target.tab].title.get(app.lang);
    // A point is found inside its panel: the place names both.
    let place = match entry.of {
        Searched::Item(Item::Point { panel, .. }) => format!(
            "{tab} › {} › ",
            truncate(
                app.dataset.panels[panel].title.get(app.lang),
                PANEL_IN_PLACE
            )
        ),
        _ => format!("{tab} › "),
    };
    let title = title(&app.dataset, entry.of).get(app.lang);
    let mut spans = vec![
        Span::styled(marker, text_style),
        Span::styled(place.clone(), place_style),
    ];
    let mut room = room.saturating_sub(width(&place) + 2);
    let elsewhere = where_matched(&app.dataset, entry.of, words, app.lang)
        .filter(|(field, _)| *field != Field::Title);
    let title_room = match &elsewhere {
        // Room for the title and for what matched beside it.
        Some(_) => room.min(room / 2 + 4),
        None => room,
    };
    let title = truncate(title, title_room);
    room = room.saturating_sub(width(&title));
    spans.extend(highlighted(&title, words, text_style));
    if let Some((field, text)) = elsewhere {
        let label = format!(" · {}: ", strings(app.lang).matched_in[field as usize]);
        room = room.saturating_sub(width(&label));
        spans.push(Span::styled(label, place_style));
        spans.extend(highlighted(
            &truncate(&around_match(&text, words), room),
            words,
            place_style,
        ));
    }
    Line::from(spans)
}

/// The first field (the reader's language first) that holds a word of the query.
fn where_matched(
    dataset: &crate::dataset::Dataset,
    of: Searched,
    words: &[String],
    lang: crate::dataset::Lang,
) -> Option<(Field, String)> {
    fields(dataset, of).into_iter().find_map(|(field, text)| {
        [text.get(lang), text.get(lang.other())]
            .into_iter()
            .find(|part| first_match(part, words).is_some())
            .map(|part| (field, part.to_owned()))
    })
}

/// Where in `text` the first word of `words` begins and ends, compared folded.
fn first_match(text: &str, words: &[String]) -> Option<(usize, usize)> {
    let folded: String = text.chars().map(fold).collect();
    words
        .iter()
        .filter_map(|word| folded.find(word.as_str()).map(|at| (at, at + word.len())))
        .min()
}

/// The text from a little before its first match, so that the match shows in a short room.
fn around_match(text: &str, words: &[String]) -> String {
    const BEFORE: usize = 12;
    let Some((at, _)) = first_match(text, words) else {
        return text.to_owned();
    };
    let from = text[..at]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    if from == 0 {
        text.to_owned()
    } else {
        format!("…{}", &text[from..])
    }
}

/// `text` in spans, each match of a word (folded; folding keeps offsets) underlined.
fn highlighted(text: &str, words: &[String], style: Style) -> Vec<Span<'static>> {
    let folded: String = text.chars().map(fold).collect();
    let mut marked = vec![false; text.len()];
    for word in words.iter().filter(|word| !word.is_empty()) {
        for (at, _) in folded.match_indices(word.as_str()) {
            marked[at..at + word.len()].fill(true);
        }
    }
    let mut spans = Vec::new();
    let mut from = 0;
    for (at, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
        if at == text.len() || marked[at] != marked[from] {
            let part = text[from..at].to_owned();
            let part_style = if marked[from] {
                style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            } else {
                style
            };
            spans.push(Span::styled(part, part_style));
            from = at;
        }
    }
    spans
}

/// `/ query▏ 12 hits` while typing; `n/N hit 3 of 12: query` after.
fn query_line(app: &Screen, frame: &mut Frame, area: Rect, search: &Search) {
    let s = strings(app.lang);
    let theme = &app.theme;
    let spans = if search.editing {
        vec![
            Span::styled(" / ", theme.key),
            Span::styled(search.query[..search.cursor].to_owned(), theme.title),
            Span::styled("▏", theme.key),
            Span::styled(search.query[search.cursor..].to_owned(), theme.title),
            Span::styled(format!("  {}", count(app, search)), theme.muted),
        ]
    } else if search.hits.is_empty() {
        vec![Span::styled(
            format!(" {} «{}»", s.no_hits, search.query),
            theme.muted,
        )]
    } else {
        vec![
            Span::styled(" n/N ", theme.key),
            Span::styled(
                format!(
                    "{} {}/{} «{}»  ",
                    s.hit,
                    search.selected + 1,
                    search.hits.len(),
                    search.query
                ),
                theme.muted,
            ),
            Span::styled("Esc ", theme.key),
            Span::styled(s.search_clear, theme.muted),
        ]
    };
    // Over the key bar: blank it first.
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
