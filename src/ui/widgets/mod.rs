//! Small pieces shared by the tabs and popups.

pub mod bars;
pub mod card;
mod chart_scale;
pub mod clip;
pub mod gauge;
pub mod line_chart;
pub mod lines;
pub mod list;
pub mod popup;
pub mod series;
