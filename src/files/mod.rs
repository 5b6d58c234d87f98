//! Files from users: read without trusting them, their problems reported with a place.

pub mod diagnostic;
pub mod location;
pub mod memory;
pub mod problem;
pub mod textfile;
pub mod toml_error;
pub mod toml_tables;
