//! The dashboard as a user drives it: every view drawn (snapshots), keys and clicks through
//! the input layer, search, charts, and random input at any size.
//!
//! One test binary per feature: each links the library again, which costs minutes on
//! two cores, so the tests of one feature share a binary.

#[path = "../common/mod.rs"]
mod common;

mod ascii;
mod charts;
mod countries;
mod keys_and_colors;
mod points;
mod problems_zh;
mod properties;
mod quotes;
mod search;
mod snapshots;
mod sources_detail;
mod update;
mod wrap;
