//! The command line: every subcommand run as a user runs it, the exports and their goldens,
//! the schema, and the HTML report in a real browser.
//!
//! One test binary per feature: each links the library again, which costs minutes on
//! two cores, so the tests of one feature share a binary.

#[path = "../common/mod.rs"]
mod common;

mod check;
mod cli;
mod completions;
mod countries;
mod diff;
mod export;
mod export_format;
mod html;
mod html_browser;
mod list;
mod new;
mod plain;
mod reader_language;
mod schema;
