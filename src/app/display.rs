//! What the terminal a dashboard is drawn on can show: a local terminal's, from this
//! process's environment; an SSH reader's, from what their client sent.

/// Chosen once per terminal, before the first frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Display {
    /// `NO_COLOR`: no theme or `[colors]` brings colour back.
    pub no_color: bool,
    /// A locale that is not UTF-8, or `--ascii`: every frame is drawn in ASCII.
    pub ascii: bool,
    /// Web addresses are drawn as OSC 8 hyperlinks: on a live terminal, never in a frame
    /// printed as text (`render`), whose cells must be the characters alone.
    pub links: bool,
}
