//! bri-dash: a terminal dashboard of Belt and Road digital-economy cooperation indicators.
//!
//! Data flows one way: files are loaded and validated into an immutable
//! [`dataset::Dataset`]; input becomes [`app::Action`]s; [`app::update`] changes the
//! [`app::App`]; [`ui::view`] draws it.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dataset;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod headless;
pub mod memory;
pub mod runtime;
pub mod sanitize;
pub mod startup;
pub mod terminal;
pub mod textfile;
pub mod ui;
pub mod unicode;
