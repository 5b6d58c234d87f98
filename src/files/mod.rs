//! Files from users: read without trusting them, their problems reported with a place.

pub mod diagnostic;
pub mod memory;
pub mod textfile;
