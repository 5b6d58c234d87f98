//! The frame around the content: header, tab bar, key bar, and the too-small notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{truncate, width};
use super::widgets::lines::write_line;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{Action, Banner};
use crate::dataset::{Lang, TabKind};
use crate::i18n::strings;
use crate::i18n::{date, date_with_age};
use crate::ui::Screen;
use crate::ui::symbols::PROBLEM;

/// The top row: the app's name and the dataset's title on the left, its date and the
/// language key on the right. On a narrow screen the right side gives up first the age,
/// then the date, and the title is cut with an ellipsis: nothing is drawn over anything.
pub fn header(app: &Screen, frame: &mut Frame, area: Rect) {
    let s = strings(app.lang);
    let theme = &app.theme;
    let meta = &app.dataset.meta;
    let language = format!(
        "[{}] {} ",
        first_key(app, Action::ToggleLanguage),
        s.language_name
    );
    let app_name = format!(" {} │ ", s.app_name);
    // The least of the title worth showing beside the right side.
    const TITLE_ROOM: usize = 12;
    let total = area.width as usize;
    let right = [
        format!(
            "{} {}  {language}",
            s.as_of,
            date_with_age(&meta.as_of, app.today, app.lang)
        ),
        format!("{} {}  {language}", s.as_of, date(&meta.as_of, app.lang)),
        language,
        String::new(),
    ]
    .into_iter()
    .find(|right| width(&app_name) + TITLE_ROOM + width(right) <= total)
    .unwrap_or_default();
    let left_room = total.saturating_sub(width(&right));
    let app_name = truncate(&app_name, left_room);
    let title = truncate(
        meta.title.get(app.lang),
        left_room.saturating_sub(width(&app_name) + 1),
    );
    let left = Line::from(vec![
        Span::styled(app_name, theme.muted),
        Span::styled(title, theme.title),
    ]);
    let buffer = frame.buffer_mut();
    write_line(buffer, area.x, area.y, &left, area.width);
    let right_width = width(&right) as u16;
    if right_width > 0 {
        let right = Line::styled(right, theme.muted);
        write_line(
            buffer,
            area.right() - right_width,
            area.y,
            &right,
            right_width,
        );
    }
}

fn tab_label(app: &Screen, index: usize) -> String {
    format!(
        " {} {} ",
        index + 1,
        app.dataset.tabs[index].title.get(app.lang)
    )
}

/// Where each tab's label is. When the labels are wider than the bar, the bar shows a
/// window of them that contains the current tab.
fn tab_areas(app: &Screen, area: Rect) -> Vec<(usize, Rect)> {
    let widths: Vec<u16> = (0..app.dataset.tabs.len())
        .map(|i| width(&tab_label(app, i)) as u16)
        .collect();
    let mut first = 0;
    let fits =
        |first: usize| widths[first..=app.tab].iter().sum::<u16>() <= area.width.saturating_sub(2);
    while first < app.tab && !fits(first) {
        first += 1;
    }
    let mut x = area.x + 1;
    let mut out = Vec::new();
    for (index, &w) in widths.iter().enumerate().skip(first) {
        // The last column holds the `›` that says tabs are hidden; the last tab needs no
        // arrow after it, so it may take that column.
        let last = index + 1 == widths.len();
        let end = if last {
            area.right()
        } else {
            area.right().saturating_sub(1)
        };
        if x + w > end {
            break;
        }
        out.push((index, Rect::new(x, area.y, w, 1)));
        x += w;
    }
    out
}

/// Draws the tab bar; returns where each tab shown is, by index.
pub fn tab_bar(app: &Screen, frame: &mut Frame, area: Rect) -> Vec<(usize, Rect)> {
    let theme = &app.theme;
    let placed = tab_areas(app, area);
    for &(index, rect) in &placed {
        let style = if index == app.tab {
            theme.tab_selected
        } else {
            theme.tab
        };
        let label = Line::styled(tab_label(app, index), style);
        write_line(frame.buffer_mut(), rect.x, rect.y, &label, rect.width);
    }
    // Arrows say that tabs are hidden to either side.
    if placed.first().is_some_and(|(index, _)| *index > 0) {
        let arrow = Line::styled("‹", theme.key);
        write_line(frame.buffer_mut(), area.x, area.y, &arrow, 1);
    }
    if placed
        .last()
        .is_some_and(|(index, _)| *index + 1 < app.dataset.tabs.len())
    {
        let arrow = Line::styled("›", theme.key);
        write_line(frame.buffer_mut(), area.right() - 1, area.y, &arrow, 1);
    }
    placed
}

/// The row under the tabs: a rule, or the banner when there is news. An error shows the
/// first line of its problems, the dataset still shown, and (kept whole at the right) the
/// key that opens every problem.
pub fn banner_or_rule(app: &Screen, frame: &mut Frame, area: Rect) {
    let s = strings(app.lang);
    let (text, style) = match &app.banner {
        None => ("─".repeat(area.width as usize), app.theme.border),
        Some(Banner::Reloaded) => (format!(" {}", s.reloaded), app.theme.key),
        Some(Banner::Switched(name)) => (format!(" {} {name}", s.switched_to), app.theme.key),
        Some(Banner::Copied) => (format!(" {}", s.copied), app.theme.key),
        Some(Banner::Opening(url)) => (format!(" {} {url}", s.opening), app.theme.key),
        Some(Banner::NoAddress) => (format!(" {}", s.no_address), app.theme.muted),
        Some(Banner::Address(url)) => (format!(" {} {url}", s.address), app.theme.key),
        Some(Banner::OpenFailed) => (format!(" {}", s.open_failed), app.theme.warning),
        Some(Banner::Error(report)) => {
            let first = file_name_only(report.get(app.lang).lines().next().unwrap_or_default());
            let hint = format!(
                "  {} {} ",
                first_key(app, Action::ShowProblems),
                s.problems_hint
            );
            let left = format!(" {PROBLEM} {first} — {} {}", s.last_good, shown_name(app));
            let room = (area.width as usize).saturating_sub(width(&hint));
            let left = truncate(&left, room);
            let pad = " ".repeat(room.saturating_sub(width(&left)));
            (format!("{left}{pad}{hint}"), app.theme.warning)
        }
    };
    let text = truncate(&text, area.width as usize);
    let padded = format!(
        "{text}{}",
        " ".repeat((area.width as usize).saturating_sub(width(&text)))
    );
    let line = Line::styled(padded, style);
    write_line(frame.buffer_mut(), area.x, area.y, &line, area.width);
}

/// `/a/long/path/data.toml:38:9: message` as `data.toml:38:9: message`: the banner has one
/// row, and the whole path is in the list of problems (`e`).
fn file_name_only(line: &str) -> &str {
    let origin_end = line.find(": ").unwrap_or(line.len());
    match line[..origin_end].rfind('/') {
        Some(slash) => &line[slash + 1..],
        None => line,
    }
}

/// The shown dataset's name in the catalog, else its id.
fn shown_name(app: &Screen) -> String {
    app.current
        .and_then(|entry| app.catalog.get(entry))
        .map(|entry| entry.name.clone())
        .unwrap_or_else(|| app.dataset.meta.id.clone())
}

fn first_key(app: &Screen, action: Action) -> String {
    app.keymap
        .keys_for(&action)
        .first()
        .map(|key| key.label())
        .unwrap_or_default()
}

/// The key bar's entries: key text and what it does, in the current language.
fn key_hints(app: &Screen) -> Vec<(String, &'static str)> {
    let words = strings(app.lang);
    let join = |actions: &[Action]| {
        actions
            .iter()
            .map(|action| first_key(app, action.clone()))
            .collect::<Vec<_>>()
            .join("/")
    };
    // The map's and the table's own keys come first on their tabs.
    let own: Vec<(String, &'static str)> = match app.dataset.tabs[app.tab].kind {
        TabKind::Map => vec![
            (join(&[Action::ZoomIn, Action::ZoomOut]), words.hint_zoom),
            (first_key(app, Action::NextRegion), words.hint_region),
            (join(&[Action::PrevYear, Action::NextYear]), words.hint_year),
        ],
        TabKind::Countries => vec![
            (first_key(app, Action::SortNext), words.hint_sort),
            (first_key(app, Action::Filter), words.hint_filter),
            (first_key(app, Action::ToggleGroups), words.hint_group),
        ],
        _ => Vec::new(),
    };
    own.into_iter()
        .chain([
            (join(&[Action::Left, Action::Right]), words.hint_tabs),
            (join(&[Action::Up, Action::Down]), words.hint_move),
            (first_key(app, Action::Open), words.hint_detail),
            (first_key(app, Action::ToggleLanguage), language_hint(app)),
            (first_key(app, Action::ToggleHelp), words.hint_help),
            (first_key(app, Action::Quit), words.hint_quit),
            (first_key(app, Action::Search), words.hint_search),
            (first_key(app, Action::OpenPicker), words.hint_datasets),
        ])
        .collect()
}

pub fn key_bar(app: &Screen, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (index, (key, description)) in key_hints(app).into_iter().enumerate() {
        // Two spaces before every entry but the first: the last one needs none after it.
        let gap = if index == 0 { 0 } else { 2 };
        let piece = gap + width(&key) + 1 + width(description);
        if used + piece > area.width as usize {
            break;
        }
        used += piece;
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {description}"), theme.muted));
    }
    write_line(
        frame.buffer_mut(),
        area.x,
        area.y,
        &Line::from(spans),
        area.width,
    );
}

/// The notice for a screen too small to draw on: what it is, what is needed, and how to
/// quit, each line cut to the screen. Keys still work (q quits, Ctrl-C too).
pub fn too_small(app: &Screen, frame: &mut Frame, area: Rect) {
    let s = strings(app.lang);
    let room = area.width as usize;
    let lines: Vec<Line> = [
        (s.too_small.to_owned(), app.theme.title),
        (format!("{}×{}", area.width, area.height), app.theme.text),
        (
            format!("{} {MIN_WIDTH}×{MIN_HEIGHT}", s.need),
            app.theme.text,
        ),
        (
            format!("{} {}", first_key(app, Action::Quit), s.hint_quit),
            app.theme.key,
        ),
    ]
    .into_iter()
    .map(|(text, style)| Line::styled(truncate(&text, room), style))
    .collect();
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let centered = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), centered);
}

/// The other language, named in itself; by its code where only ASCII is shown (中文 would
/// be `????`).
fn language_hint(app: &Screen) -> &'static str {
    match (app.display.ascii, app.lang) {
        (false, lang) => strings(lang).hint_language,
        (true, Lang::En) => "zh",
        (true, Lang::Zh) => "en",
    }
}
