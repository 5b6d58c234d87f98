//! The real binary in a pseudo-terminal: the terminal always given back, signals, suspend,
//! live reloads of the datasets and the config.
//!
//! One test binary per feature: each links the library again, which costs minutes on
//! two cores, so the tests of one feature share a binary.

#[path = "../../benches/support/generate.rs"]
mod generate;
#[cfg(unix)]
#[path = "../pty/harness.rs"]
mod harness;

mod live;
mod pty;
mod sessions;
