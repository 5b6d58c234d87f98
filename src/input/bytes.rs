//! A terminal's raw input bytes (an SSH channel's, where no local terminal driver decodes
//! them) as [`Event`]s, with termwiz's input parser: keys, SGR mouse reports and bracketed
//! paste, split across reads however the network cut them.

use termwiz::input::{
    InputEvent, InputParser, KeyCode as TermKey, KeyEvent, Modifiers as TermModifiers,
    MouseButtons, MouseEvent,
};

use super::Event;
use crate::app::{Key, KeyCode, Modifiers};

/// The most bytes the parser may hold without yielding an event: an escape sequence or a
/// paste that never ends must not grow a reader's memory without bound.
pub const MAX_PENDING: usize = 64 * 1024;

/// The most characters of one paste that are typed (a paste is typed, as it is on a local
/// terminal that does not bracket pastes; the dashboard's only text field is the search).
const MAX_PASTE: usize = 256;

pub struct ByteInput {
    parser: InputParser,
    /// The mouse buttons held at the last report: a press is a report with the left button
    /// held that was not held before (a drag reports it held too).
    held: MouseButtons,
    /// Bytes fed since the last event.
    pending: usize,
    /// The unfinished control sequence a read ended in, held for the next read: termwiz
    /// waits for the rest of a key's sequence, but reads a mouse report cut short as
    /// typed characters.
    tail: Vec<u8>,
}

impl Default for ByteInput {
    fn default() -> ByteInput {
        ByteInput {
            parser: InputParser::new(),
            held: MouseButtons::NONE,
            pending: 0,
            tail: Vec::new(),
        }
    }
}

impl ByteInput {
    /// The events these bytes complete. A sequence cut short is kept for the next read;
    /// [`ByteInput::flush`] decides it once no more bytes come (a lone Esc).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut bytes = [std::mem::take(&mut self.tail).as_slice(), bytes].concat();
        let complete = complete_part(&bytes);
        self.tail = bytes.split_off(complete);
        self.parse(&bytes, true)
    }

    /// The events of what is kept, read as complete: called when the input went quiet.
    pub fn flush(&mut self) -> Vec<Event> {
        let tail = std::mem::take(&mut self.tail);
        self.parse(&tail, false)
    }

    fn parse(&mut self, bytes: &[u8], maybe_more: bool) -> Vec<Event> {
        let mut raw = Vec::new();
        self.parser
            .parse(bytes, |event| raw.push(event), maybe_more);
        if raw.is_empty() {
            self.pending = self.pending.saturating_add(bytes.len());
            if self.pending > MAX_PENDING {
                // Nothing a terminal sends is this long: drop it and start afresh.
                *self = ByteInput::default();
            }
        } else {
            self.pending = 0;
        }
        raw.into_iter()
            .flat_map(|event| self.events(event))
            .collect()
    }

    fn events(&mut self, event: InputEvent) -> Vec<Event> {
        match event {
            InputEvent::Key(key) => key_event(&key).into_iter().collect(),
            InputEvent::Mouse(mouse) => self.mouse(mouse).into_iter().collect(),
            InputEvent::Paste(text) => text
                .chars()
                .filter(|c| !c.is_control())
                .take(MAX_PASTE)
                .map(|c| Event::Key(Key::plain(KeyCode::Char(c))))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn mouse(&mut self, mouse: MouseEvent) -> Option<Event> {
        let buttons = mouse.mouse_buttons;
        let before = std::mem::replace(&mut self.held, buttons.clone());
        // Reports count cells from 1.
        let (column, row) = (mouse.x.saturating_sub(1), mouse.y.saturating_sub(1));
        if buttons.contains(MouseButtons::VERT_WHEEL) {
            return Some(if buttons.contains(MouseButtons::WHEEL_POSITIVE) {
                Event::ScrollUp
            } else {
                Event::ScrollDown
            });
        }
        match (
            before.contains(MouseButtons::LEFT),
            buttons.contains(MouseButtons::LEFT),
        ) {
            (false, true) => Some(Event::Click { column, row }),
            // Held down and moved: a drag (the map follows it).
            (true, true) => Some(Event::Drag { column, row }),
            _ => None,
        }
    }
}

/// The most bytes of a control sequence held back for the next read; longer is no
/// sequence a terminal sends.
const MAX_TAIL: usize = 32;

/// How much of `bytes` ends in no unfinished control sequence: a CSI (Esc `[`) whose
/// parameter and intermediate bytes (0x20–0x3F) are not followed by its final byte yet.
fn complete_part(bytes: &[u8]) -> usize {
    let Some(start) = bytes.iter().rposition(|&b| b == 0x1b) else {
        return bytes.len();
    };
    let rest = &bytes[start + 1..];
    let unfinished = rest.first() == Some(&b'[')
        && rest[1..].iter().all(|b| (0x20..=0x3f).contains(b))
        && bytes.len() - start <= MAX_TAIL;
    if unfinished { start } else { bytes.len() }
}

fn key_event(key: &KeyEvent) -> Option<Event> {
    let shift = key.modifiers.contains(TermModifiers::SHIFT);
    let code = match key.key {
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Escape => KeyCode::Esc,
        TermKey::Backspace => KeyCode::Backspace,
        // Terminals send Shift-Tab as a sequence of its own, which termwiz reads as Tab
        // with Shift; crossterm calls it BackTab, and so does the keymap.
        TermKey::Tab if shift => KeyCode::BackTab,
        TermKey::Tab => KeyCode::Tab,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Insert => KeyCode::Insert,
        TermKey::LeftArrow | TermKey::ApplicationLeftArrow => KeyCode::Left,
        TermKey::RightArrow | TermKey::ApplicationRightArrow => KeyCode::Right,
        TermKey::UpArrow | TermKey::ApplicationUpArrow => KeyCode::Up,
        TermKey::DownArrow | TermKey::ApplicationDownArrow => KeyCode::Down,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::Function(n) => KeyCode::F(n),
        _ => return None,
    };
    let modifiers = Modifiers {
        ctrl: key.modifiers.contains(TermModifiers::CTRL),
        alt: key.modifiers.contains(TermModifiers::ALT),
        shift,
    };
    Some(Event::Key(Key::new(code, modifiers)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Event {
        Event::Key(Key::plain(code))
    }

    #[test]
    fn arrow_keys() {
        let mut input = ByteInput::default();
        let events = input.feed(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA");
        assert_eq!(
            events,
            [
                key(KeyCode::Up),
                key(KeyCode::Down),
                key(KeyCode::Right),
                key(KeyCode::Left),
                key(KeyCode::Up),
            ]
        );
    }

    #[test]
    fn ctrl_c_and_letters() {
        let mut input = ByteInput::default();
        let events = input.feed(b"\x03qL");
        assert_eq!(
            events,
            [
                Event::Key(Key::ctrl('c')),
                key(KeyCode::Char('q')),
                key(KeyCode::Char('L')),
            ]
        );
    }

    #[test]
    fn a_click_is_a_press_of_the_left_button_at_its_cell() {
        let mut input = ByteInput::default();
        // Press at column 5, row 3 (counted from 1), a drag, the release, a wheel turn.
        let events = input.feed(b"\x1b[<0;5;3M\x1b[<32;6;3M\x1b[<0;6;3m\x1b[<64;1;1M");
        assert_eq!(
            events,
            [
                Event::Click { column: 4, row: 2 },
                Event::Drag { column: 5, row: 2 },
                Event::ScrollUp
            ]
        );
        // Pressed again after the release: a second click.
        assert_eq!(
            input.feed(b"\x1b[<0;1;1M"),
            [Event::Click { column: 0, row: 0 }]
        );
    }

    #[test]
    fn a_sequence_split_across_two_reads_is_one_key() {
        let mut input = ByteInput::default();
        assert_eq!(input.feed(b"\x1b["), []);
        assert_eq!(input.feed(b"B"), [key(KeyCode::Down)]);
        assert_eq!(input.feed(b"\x1b[<0;2"), []);
        assert_eq!(input.feed(b";2M"), [Event::Click { column: 1, row: 1 }]);
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_once_the_input_is_quiet() {
        let mut input = ByteInput::default();
        assert_eq!(input.feed(b"\x1b"), []);
        assert_eq!(input.flush(), [key(KeyCode::Esc)]);
    }

    #[test]
    fn a_paste_is_typed_without_its_control_characters() {
        let mut input = ByteInput::default();
        let events = input.feed(b"\x1b[200~ab\x1b[Ac\r\n\x1b[201~");
        assert_eq!(
            events,
            [
                key(KeyCode::Char('a')),
                key(KeyCode::Char('b')),
                key(KeyCode::Char('[')),
                key(KeyCode::Char('A')),
                key(KeyCode::Char('c')),
            ]
        );
    }

    #[test]
    fn a_paste_that_never_ends_is_dropped_past_the_bound() {
        let mut input = ByteInput::default();
        assert_eq!(input.feed(b"\x1b[200~"), []);
        let chunk = vec![b'x'; 16 * 1024];
        for _ in 0..4 {
            assert_eq!(input.feed(&chunk), []);
        }
        // The parser started afresh: the next key is a key again.
        assert_eq!(input.feed(b"q"), [key(KeyCode::Char('q'))]);
    }
}
