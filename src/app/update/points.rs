//! Choosing a point of a figure's series in its detail: ←/→ step through the points in
//! date order, a click on one selects it. The first step picks an end: → the oldest point,
//! ← the latest; past an end the selection stays.

use crate::app::action::Action;
use crate::app::navigation::Item;
use crate::app::state::{App, Overlay};

pub(super) fn choose(app: &mut App, action: Action) {
    let Some(Overlay::Detail {
        item: item @ Item::Indicator(index),
        scroll,
        point,
    }) = app.overlay
    else {
        return;
    };
    let count = app.dataset.indicators[index].series.len();
    if count == 0 {
        return;
    }
    let last = count - 1;
    let chosen = match (action, point) {
        (Action::SelectPoint(point), _) => point.min(last),
        (Action::NextPoint, None) => 0,
        (Action::NextPoint, Some(point)) => (point + 1).min(last),
        (Action::PrevPoint, None) => last,
        (Action::PrevPoint, Some(point)) => point.saturating_sub(1),
        _ => return,
    };
    app.overlay = Some(Overlay::Detail {
        item,
        scroll,
        point: Some(chosen),
    });
}
