//! Text safety: what untrusted text may put on a terminal, and how wide it is.

pub mod sanitize;
pub mod unicode;
