//! bri-dash: a terminal dashboard of Belt and Road digital-economy cooperation indicators.
//!
//! Data flows one way: files are loaded and validated into an immutable
//! [`dataset::Dataset`]; input becomes [`app::Action`]s; [`app::update`] changes the
//! [`app::App`]; [`ui::view`] draws it. `docs/architecture.md` maps the folders.
//!
//! From the bottom layer up: [`text`] (making untrusted text safe), [`files`] (reading
//! files, reporting their problems), [`dataset`] and [`config`] (the validated models),
//! [`i18n`] (the words, numbers and dates of both languages), [`export`] (the dataset in other formats), [`app`] (state and update), [`ui`] (drawing),
//! [`runtime`] (the event loop and the terminal), [`serve`] (the dashboard over SSH), [`commands`] (the command line).

pub mod app;
pub mod commands;
pub mod config;
pub mod countries;
pub mod dataset;
pub mod export;
pub mod files;
pub mod i18n;
pub mod input;
pub mod runtime;
pub mod serve;
pub mod text;
pub mod ui;
