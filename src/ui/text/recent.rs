//! The texts wrapped for recent frames. A frame wraps only the entries in view, but the
//! next frame (a key press, a resize back and forth, a file reload) nearly always shows
//! the same ones at the same width; wrapping was a quarter of a list's frame
//! (docs/performance.md). Wrapping is a pure function of its inputs, so a result is
//! found by the text itself, never by where it lives: a reloaded dataset may put other
//! text at the same address.
//!
//! The memory belongs to whoever draws frames one after another (a session) and is
//! handed to the view with each frame; the view keeps nothing of its own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Past this many bytes of text kept, the memory starts over: a few screens' worth.
const MAX_BYTES: usize = 4 << 20;

struct Wrapped {
    text: Box<str>,
    max: usize,
    limit: usize,
    lines: Vec<String>,
}

impl Wrapped {
    /// The bytes of text it keeps.
    fn size(&self) -> usize {
        self.text.len() + self.lines.iter().map(String::len).sum::<usize>()
    }
}

#[derive(Default)]
struct Recent {
    by_hash: HashMap<u64, Wrapped>,
    bytes: usize,
}

/// What the last frames wrapped, at most [`MAX_BYTES`] of text. Drawing takes it by
/// shared reference, as the view takes the state; the cell lets a frame add to it.
#[derive(Default)]
pub struct WrapMemory {
    recent: RefCell<Recent>,
}

impl WrapMemory {
    /// The lines `wrap` makes of `text`, from memory when it wrapped them lately.
    pub fn wrapped(
        &self,
        text: &str,
        max: usize,
        limit: usize,
        wrap: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        let mut hasher = DefaultHasher::new();
        (text, max, limit).hash(&mut hasher);
        let hash = hasher.finish();
        let mut recent = self.recent.borrow_mut();
        if let Some(found) = recent.by_hash.get(&hash)
            && (&*found.text, found.max, found.limit) == (text, max, limit)
        {
            return found.lines.clone();
        }
        let lines = wrap();
        let kept = Wrapped {
            text: text.into(),
            max,
            limit,
            lines: lines.clone(),
        };
        if recent.bytes + kept.size() > MAX_BYTES {
            *recent = Recent::default();
        }
        recent.bytes += kept.size();
        // A text that collides with another on its hash replaces it.
        if let Some(replaced) = recent.by_hash.insert(hash, kept) {
            recent.bytes -= replaced.size();
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_once_and_answers_from_memory_after() {
        let memory = WrapMemory::default();
        let calls = std::cell::Cell::new(0);
        let wrap = || {
            calls.set(calls.get() + 1);
            vec!["a".to_owned()]
        };
        assert_eq!(memory.wrapped("a text", 10, 3, wrap), ["a"]);
        assert_eq!(memory.wrapped("a text", 10, 3, wrap), ["a"]);
        assert_eq!(calls.get(), 1);
        // Another width, another limit or another text is wrapped anew.
        memory.wrapped("a text", 11, 3, wrap);
        memory.wrapped("a text", 10, 4, wrap);
        memory.wrapped("a texts", 10, 3, wrap);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn forgets_everything_past_its_size() {
        let memory = WrapMemory::default();
        let big = "x".repeat(MAX_BYTES / 3);
        let calls = std::cell::Cell::new(0);
        let wrap = || {
            calls.set(calls.get() + 1);
            vec![big.clone()]
        };
        memory.wrapped(&big, 1, 1, wrap);
        memory.wrapped(&big, 2, 1, wrap);
        let kept = memory.recent.borrow().bytes;
        assert!(kept <= MAX_BYTES, "{kept}");
        assert_eq!(calls.get(), 2);
        assert_eq!(memory.recent.borrow().by_hash.len(), 1);
    }
}
