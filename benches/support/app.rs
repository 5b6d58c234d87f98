//! The app as the benches drive it: a loaded dataset at a fixed "today", so that ages and
//! hence the drawn text do not change from one run to the next.

use std::sync::Arc;

use bri_dash::app::App;
use bri_dash::dataset::{self, Dataset, Lang};
use chrono::NaiveDate;
use ratatui::layout::Size;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a valid date")
}

pub fn builtin() -> Arc<Dataset> {
    builtin_named(dataset::DEFAULT_BUILTIN)
}

pub fn builtin_named(name: &str) -> Arc<Dataset> {
    let builtin = dataset::builtin(name).expect("a built-in dataset");
    Arc::new(dataset::load_builtin(builtin).expect("the built-in dataset is valid"))
}

pub fn generated(indicators: usize) -> Arc<Dataset> {
    let text = super::generate::dataset(indicators);
    Arc::new(dataset::parse("generated", &text).expect("the generated dataset is valid"))
}

pub fn app(dataset: &Arc<Dataset>, width: u16, height: u16) -> App {
    App::new(
        Arc::clone(dataset),
        Lang::En,
        today(),
        Size::new(width, height),
    )
    .with_search_index()
}
