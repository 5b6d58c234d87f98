//! The update function: key sequences in, state out.

use crate::common;

use bri_dash::app::{Action, App, Banner, Command, Item, Overlay, update};
use bri_dash::dataset::Lang;
use bri_dash::input::Event;
use bri_dash::ui::Hit;
use common::{layout, main_app, press, send};

#[test]
fn tabs_cycle_forwards_and_backwards_and_jump_by_number() {
    let mut app = main_app(Lang::En, 100, 30);
    let tabs = app.dataset.tabs.len();
    assert_eq!(press(&mut app, "Tab"), Command::Redraw);
    assert_eq!(app.tab, 1);
    press(&mut app, "l Right");
    assert_eq!(app.tab, 3);
    press(&mut app, "BackTab h Left");
    assert_eq!(app.tab, 0);
    press(&mut app, "Left");
    assert_eq!(
        app.tab,
        tabs - 1,
        "Shift-Tab on the first tab wraps to the last"
    );
    press(&mut app, "5");
    assert_eq!(app.dataset.tabs[app.tab].id, "timeline");
    assert_eq!(
        press(&mut app, "9"),
        Command::None,
        "a tab that does not exist changes nothing"
    );
    assert_eq!(app.dataset.tabs[app.tab].id, "timeline");
}

#[test]
fn each_tab_keeps_its_own_selection() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "j l");
    assert_eq!(
        app.selected_index(),
        3,
        "the overview's grid has two columns"
    );
    press(&mut app, "Tab j Tab BackTab");
    assert_eq!(app.selected_index(), 1);
    press(&mut app, "BackTab");
    assert_eq!(app.selected_index(), 3);
}

#[test]
fn moving_stops_at_the_ends() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "2");
    let last = app.items().len() - 1;
    assert_eq!(press(&mut app, "k"), Command::None);
    press(&mut app, "End");
    assert_eq!(app.selected_index(), last);
    assert_eq!(press(&mut app, "Down"), Command::None);
    press(&mut app, "Home");
    assert_eq!(app.selected_index(), 0);
    press(&mut app, "PageDown");
    assert_eq!(app.selected_index(), 10, "a page is a third of 30 rows");
    press(&mut app, "PageUp");
    assert_eq!(app.selected_index(), 0);
}

#[test]
fn panel_keys_jump_between_panel_headers() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "4");
    let panels = app.dataset.tabs[app.tab].panels.clone();
    assert_eq!(panels.len(), 5, "five action areas");
    for &panel in &panels {
        assert_eq!(app.selected_item(), Some(Item::Panel(panel)));
        assert_eq!(app.current_panel(), Some(panel));
        press(&mut app, "]");
    }
    assert_eq!(
        app.current_panel(),
        panels.last().copied(),
        "] on the last panel stays"
    );
    press(&mut app, "j j [");
    assert_eq!(
        app.selected_item(),
        Some(Item::Panel(panels[4])),
        "[ inside a panel goes to its header"
    );
    press(&mut app, "[");
    assert_eq!(app.selected_item(), Some(Item::Panel(panels[3])));
}

#[test]
fn enter_opens_the_detail_and_esc_closes_it() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "l Enter");
    let second = app.navigation.tabs[0][1];
    assert_eq!(
        app.overlay,
        Some(Overlay::Detail {
            item: second,
            scroll: 0,
            point: None,
        })
    );
    press(&mut app, "j");
    assert_eq!(
        app.selected_index(),
        1,
        "keys scroll the popup, not the list beneath"
    );
    press(&mut app, "Esc");
    assert_eq!(app.overlay, None);
    press(&mut app, "? Esc");
    assert_eq!(app.overlay, None);
    press(&mut app, "?");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
}

#[test]
fn the_detail_scrolls_only_as_far_as_its_text() {
    let mut app = main_app(Lang::Zh, 40, 12);
    press(&mut app, "2 j Enter End");
    let Some(Overlay::Detail { scroll, .. }) = app.overlay else {
        panic!("detail open")
    };
    assert!(scroll > 0, "a long detail on a small screen scrolls");
    assert_eq!(
        press(&mut app, "Down"),
        Command::None,
        "and stops at its end"
    );
}

#[test]
fn language_switches_and_quit_is_a_command() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "L");
    assert_eq!(app.lang, Lang::Zh);
    press(&mut app, "L");
    assert_eq!(app.lang, Lang::En);
    assert_eq!(press(&mut app, "q"), Command::Quit);
    assert_eq!(press(&mut app, "C-c"), Command::Quit);
    assert_eq!(press(&mut app, "C-z"), Command::Suspend);
}

/// A cell where the last frame drew `wanted`.
fn cell_of(app: &App, wanted: Hit) -> (u16, u16) {
    let layout = layout(app);
    (0..app.size.width)
        .flat_map(|x| (0..app.size.height).map(move |y| (x, y)))
        .find(|&(x, y)| layout.hit(x, y) == Some(wanted))
        .unwrap_or_else(|| panic!("{wanted:?} is on screen"))
}

fn click(app: &mut App, (column, row): (u16, u16)) -> Option<Command> {
    send(app, Event::Click { column, row })
}

#[test]
fn clicks_select_tabs_and_items_and_open_the_selected_one() {
    let mut app = main_app(Lang::En, 100, 30);
    let tab = cell_of(&app, Hit::Tab(4));
    assert_eq!(tab.1, 1, "tab labels are on row 1");
    click(&mut app, tab);
    assert_eq!(app.tab, 4);
    update(&mut app, Action::GoToTab(0));
    let card = cell_of(&app, Hit::Item(2));
    click(&mut app, card);
    assert_eq!(app.selected_index(), 2);
    assert_eq!(app.overlay, None);
    click(&mut app, card);
    assert!(
        matches!(app.overlay, Some(Overlay::Detail { .. })),
        "a click on the selected item opens it"
    );
    let inside = cell_of(&app, Hit::Popup);
    assert_eq!(
        click(&mut app, inside),
        None,
        "a click inside the popup means nothing"
    );
    assert!(matches!(app.overlay, Some(Overlay::Detail { .. })));
    click(&mut app, (0, 0));
    assert_eq!(app.overlay, None, "a click outside the popup closes it");
    send(&mut app, Event::ScrollDown);
    assert_eq!(
        app.selected_index(),
        4,
        "the wheel moves a row down the overview's grid"
    );
}

#[test]
fn the_overview_grid_moves_in_two_dimensions() {
    let mut app = main_app(Lang::En, 100, 30);
    let tabs = app.dataset.tabs.len();
    press(&mut app, "l");
    assert_eq!(app.selected_index(), 1, "→ goes to the card beside");
    press(&mut app, "j");
    assert_eq!(app.selected_index(), 3, "↓ goes to the card below");
    press(&mut app, "h");
    assert_eq!(app.selected_index(), 2);
    press(&mut app, "k");
    assert_eq!(app.selected_index(), 0, "↑ goes to the card above");
    press(&mut app, "k");
    assert_eq!(app.selected_index(), 0, "the first row goes no higher");
    press(&mut app, "G");
    let last = app.selected_index();
    press(&mut app, "j");
    assert_eq!(app.selected_index(), last, "the last row goes no lower");
    press(&mut app, "g h");
    assert_eq!(
        app.tab,
        tabs - 1,
        "← past the first column is the tab before"
    );
    press(&mut app, "l");
    assert_eq!(app.tab, 0, "→ on a list is the next tab");
    press(&mut app, "l l");
    assert_eq!(app.tab, 1, "→ past the last column is the next tab");
}

#[test]
fn q_closes_a_popup_and_quits_from_the_dashboard_and_ctrl_c_always_quits() {
    let mut app = main_app(Lang::En, 100, 30);
    for popup in ["Enter", "?", "d"] {
        press(&mut app, popup);
        assert!(app.overlay.is_some(), "{popup} opens a popup");
        assert_eq!(
            press(&mut app, "q"),
            Command::Redraw,
            "q closes {popup}'s popup"
        );
        assert_eq!(app.overlay, None);
    }
    press(&mut app, "Enter");
    assert_eq!(
        press(&mut app, "C-c"),
        Command::Quit,
        "Ctrl-C quits from a popup"
    );
    app.overlay = None;
    assert_eq!(press(&mut app, "q"), Command::Quit);
}

#[test]
fn a_click_on_nothing_and_mouse_motion_change_nothing_not_even_a_notice() {
    let mut app = main_app(Lang::En, 100, 30);
    app.banner = Some(Banner::Reloaded);
    // The rule under the tab bar answers no click.
    assert_eq!(click(&mut app, (50, 2)), None);
    let motion = crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Moved,
        column: 10,
        row: 10,
        modifiers: crossterm::event::KeyModifiers::NONE,
    });
    assert_eq!(bri_dash::input::from_crossterm(&motion), None);
    assert_eq!(
        app.banner,
        Some(Banner::Reloaded),
        "the notice stays its time"
    );
    assert_eq!(update(&mut app, Action::NoticeExpired), Command::Redraw);
    assert_eq!(app.banner, None);
}

#[test]
fn scroll_keys_in_the_detail_go_no_further_than_the_frame_shows() {
    let mut app = main_app(Lang::Zh, 40, 12);
    press(&mut app, "2 j Enter");
    let max = layout(&app).popup.expect("the detail is open").max_scroll;
    assert!(max > 1, "the detail of this point scrolls at 40×12");
    press(&mut app, "End");
    assert!(matches!(app.overlay, Some(Overlay::Detail { scroll, .. }) if scroll == max));
    press(&mut app, "PageDown");
    assert!(matches!(app.overlay, Some(Overlay::Detail { scroll, .. }) if scroll == max));
    press(&mut app, "Home Down");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Detail { scroll: 1, .. })
    ));
}

#[test]
fn resizing_to_nothing_and_back_never_panics() {
    let mut app = main_app(Lang::Zh, 100, 30);
    press(&mut app, "2 End Enter");
    for (width, height) in [(0, 0), (1, 1), (3, 2), (1, 100), (20, 5), (80, 24)] {
        update(&mut app, Action::Resize { width, height });
        let text =
            bri_dash::ui::headless::to_text(&bri_dash::ui::headless::draw(&app, width, height));
        if (width, height) == (20, 5) {
            assert!(text.contains("终端窗口太小"), "{text}");
        }
        if (width, height) == (80, 24) {
            assert!(text.contains("2 发展成就"), "the dashboard is back: {text}");
        }
    }
}

#[test]
fn a_reload_keeps_the_open_detail_and_its_scroll_when_the_item_is_still_there() {
    let mut app = main_app(Lang::En, 80, 24);
    press(&mut app, "l Enter");
    update(&mut app, Action::ScrollTo(3));
    let open = app.overlay;
    assert!(
        matches!(open, Some(Overlay::Detail { scroll, .. }) if scroll > 0),
        "{open:?}"
    );
    let same = app.dataset.clone();
    app.replace_dataset(same);
    assert_eq!(app.overlay, open, "the same item, at the same scroll");
    let mut without_indicators = (*app.dataset).clone();
    let gone = match app.overlay {
        Some(Overlay::Detail {
            item: Item::Indicator(index),
            ..
        }) => index,
        other => panic!("{other:?}"),
    };
    without_indicators.indicators[gone].id = "renamed".to_owned();
    app.replace_dataset(std::sync::Arc::new(without_indicators));
    assert_eq!(app.overlay, None, "the item went away: its detail closes");
}

#[test]
fn a_screen_too_small_to_draw_on_takes_no_key_but_quitting() {
    let mut app = main_app(Lang::En, 30, 8);
    assert_eq!(send(&mut app, Event::Key(common::key("Enter"))), None);
    assert_eq!(send(&mut app, Event::Key(common::key("Tab"))), None);
    assert_eq!(app.overlay, None);
    assert_eq!(app.tab, 0);
    assert_eq!(press(&mut app, "q"), Command::Quit);
}

/// Over SSH (no opener: `App::opener` is false) `o` shows the source's address for the
/// reader to open on their own machine, and runs nothing.
#[test]
fn o_without_an_opener_shows_the_address_and_runs_nothing() {
    let mut app = common::builtin_app("bri-connectivity", Lang::En, 100, 30);
    assert!(!app.opener);
    let command = common::press(&mut app, "o");
    assert_eq!(command, bri_dash::app::Command::Redraw);
    match &app.banner {
        Some(bri_dash::app::Banner::Address(url)) => assert!(url.starts_with("http"), "{url}"),
        other => panic!("the address, not {other:?}"),
    }
    app.opener = true;
    match common::press(&mut app, "o") {
        bri_dash::app::Command::OpenUrl(url) => assert!(url.starts_with("http"), "{url}"),
        other => panic!("the opener, not {other:?}"),
    }
}
