//! Text safety: what untrusted text may put on a terminal, and how wide it is; and the
//! did-you-mean hint for a misspelt name.

pub mod sanitize;
pub mod suggest;
pub mod unicode;
pub mod url;
