//! The dashboard as plain lines (`bri-dash --plain`), for a screen reader and for pasting:
//! no box drawing, no Braille, no columns side by side; every tab in order, one item a
//! line, each line whole in itself (what it is, its figure, date, source and quote, as `y`
//! copies it), so a reader moving line by line never needs the line before.

use crate::app::{App, Item};
use crate::dataset::Citer;
use crate::i18n::{citation, date, source_citation, strings};

/// The whole dashboard, line by line, in the app's language: the edition, then each tab
/// under a heading that says where it is ("Tab 2 of 6: Achievements").
pub fn lines(app: &App) -> Vec<String> {
    let (dataset, lang) = (&app.dataset, app.lang);
    // The edition's date alone, no age: the same dataset prints the same text any day.
    let mut out = vec![format!(
        "{} — {}",
        dataset.meta.title.get(lang),
        date(&dataset.meta.as_of, lang)
    )];
    out.push(dataset.meta.summary.get(lang).to_owned());
    let count = dataset.tabs.len();
    for (index, tab) in dataset.tabs.iter().enumerate() {
        out.push(String::new());
        out.push(tab_heading(app, index + 1, count, tab.title.get(lang)));
        let items = &app.navigation.tabs[index];
        if items.is_empty() {
            out.push(strings(lang).nothing_here.to_owned());
        }
        for &item in items {
            item_lines(app, item, &mut out);
        }
    }
    out
}

fn tab_heading(app: &App, number: usize, count: usize, title: &str) -> String {
    match app.lang {
        crate::dataset::Lang::Zh => format!("第{number}页（共{count}页）：{title}"),
        crate::dataset::Lang::En => format!("Tab {number} of {count}: {title}"),
    }
}

/// An item's line, and a line for each part it holds that the dashboard shows with it: a
/// series' observations, a country's facts.
fn item_lines(app: &App, item: Item, out: &mut Vec<String>) {
    let (dataset, lang) = (&app.dataset, app.lang);
    match item {
        Item::Indicator(i) => {
            out.push(citation(dataset, Citer::Indicator(i), lang));
            for o in 0..dataset.indicators[i].series.len() {
                out.push(format!(
                    "  {}",
                    citation(dataset, Citer::Observation(i, o), lang)
                ));
            }
        }
        Item::Panel(p) => out.push(citation(dataset, Citer::Panel(p), lang)),
        Item::Point { panel, point } => {
            out.push(format!(
                "  {}",
                citation(dataset, Citer::Point(panel, point), lang)
            ));
        }
        Item::Event(e) => out.push(citation(dataset, Citer::Event(e), lang)),
        Item::Source(s) => out.push(source_citation(dataset, s, lang)),
        Item::Country(c) => {
            let country = &dataset.countries[c];
            out.push(format!("{} ({})", country.name.get(lang), country.code));
            for &fact in &country.facts {
                out.push(format!(
                    "  {}",
                    citation(dataset, Citer::CountryFact(fact), lang)
                ));
            }
        }
    }
}
