//! A terminal's raw input bytes (an SSH channel's, where no local terminal driver decodes
//! them) as [`Event`]s, with termwiz's input parser: keys, SGR mouse reports and bracketed
//! paste, split across reads however the network cut them.

use std::sync::Mutex;

use termwiz::input::{
    InputEvent, InputParser, KeyCode as TermKey, KeyEvent, Modifiers as TermModifiers,
    MouseButtons, MouseEvent,
};

use super::Event;
use crate::app::{Key, KeyCode, Modifiers};

/// The most bytes held back without yielding an event: an escape sequence or a paste
/// that never ends must not grow a reader's memory without bound.
pub const MAX_PENDING: usize = 64 * 1024;

/// The most characters of one paste that are typed (a paste is typed, as it is on a local
/// terminal that does not bracket pastes; the dashboard's only text field is the search).
const MAX_PASTE: usize = 256;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Parsers at rest, lent to whichever session has bytes to read. termwiz builds a table of
/// every key sequence into each parser it makes, about 700 kB, which was two thirds of an
/// idle SSH session's memory; a session holds one only while it reads. A parser goes
/// back only when it is proven at rest (see [`at_rest`]), so no byte of one reader's
/// input can reach another's.
static RESTING_PARSERS: Mutex<Vec<InputParser>> = Mutex::new(Vec::new());

/// The most parsers kept at rest: about one per thread that reads at the same time.
const MAX_RESTING_PARSERS: usize = 8;

pub struct ByteInput {
    /// The mouse buttons held at the last report: a press is a report with the left button
    /// held that was not held before (a drag reports it held too).
    held: MouseButtons,
    /// What a read ended in that may still grow into another event (an unfinished
    /// control sequence, a lone Esc, half a character, a paste not closed yet), held for
    /// the next read: the parser is given only what is complete.
    tail: Vec<u8>,
}

impl Default for ByteInput {
    fn default() -> ByteInput {
        ByteInput {
            held: MouseButtons::NONE,
            tail: Vec::new(),
        }
    }
}

impl ByteInput {
    /// The events these bytes complete. What may still grow is kept for the next read;
    /// [`ByteInput::flush`] decides it once no more bytes come (a lone Esc).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut bytes = [std::mem::take(&mut self.tail).as_slice(), bytes].concat();
        self.tail = bytes.split_off(settled_part(&bytes));
        if self.tail.len() > MAX_PENDING {
            // Nothing a terminal sends is this long: drop it and start afresh.
            self.tail = Vec::new();
        }
        self.parse(&bytes)
    }

    /// The events of what is kept, read as it stands: called when the input went quiet.
    /// A paste not closed yet waits for its end (a slow link may cut it anywhere).
    pub fn flush(&mut self) -> Vec<Event> {
        if self.tail.starts_with(PASTE_START) {
            return Vec::new();
        }
        let tail = std::mem::take(&mut self.tail);
        self.parse(&tail)
    }

    fn parse(&mut self, bytes: &[u8]) -> Vec<Event> {
        if bytes.is_empty() {
            return Vec::new();
        }
        // Bytes that are no UTF-8 would stop termwiz's parser for good (it waits for the
        // rest of a character that never comes); they are read as U+FFFD, then dropped.
        let text = String::from_utf8_lossy(bytes);
        let mut parser = lend_parser();
        let mut raw = Vec::new();
        parser.parse(text.as_bytes(), |event| raw.push(event), false);
        if at_rest(&mut parser) {
            give_back(parser);
        }
        raw.into_iter()
            .flat_map(|event| self.events(event))
            .collect()
    }

    fn events(&mut self, event: InputEvent) -> Vec<Event> {
        match event {
            InputEvent::Key(KeyEvent {
                key: TermKey::Char(char::REPLACEMENT_CHARACTER),
                ..
            }) => Vec::new(),
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

fn lend_parser() -> InputParser {
    RESTING_PARSERS
        .lock()
        .ok()
        .and_then(|mut resting| resting.pop())
        .unwrap_or_default()
}

fn give_back(parser: InputParser) {
    if let Ok(mut resting) = RESTING_PARSERS.lock()
        && resting.len() < MAX_RESTING_PARSERS
    {
        resting.push(parser);
    }
}

/// Whether the parser holds nothing of what it was given: a plain letter then reads as
/// itself alone. Held bytes would join it (or swallow it, in a paste); a pending Esc
/// would make it Alt-x. termwiz does not say what it holds, so this asks it.
fn at_rest(parser: &mut InputParser) -> bool {
    let mut events = Vec::new();
    parser.parse(b"x", |event| events.push(event), false);
    matches!(
        events.as_slice(),
        [InputEvent::Key(KeyEvent { key: TermKey::Char('x'), modifiers })]
            if *modifiers == TermModifiers::NONE
    )
}

/// The most bytes of a control sequence held back for the next read; longer is no
/// sequence a terminal sends.
const MAX_TAIL: usize = 32;

/// How much of `bytes` can be read now, and no later byte would change: it ends before
/// a paste not closed yet, an unfinished control sequence (a lone Esc, Esc `O`, or a CSI,
/// Esc `[`, whose parameter and intermediate bytes, 0x20–0x3F, are not followed by its
/// final byte yet), or the first bytes of a character cut short.
fn settled_part(bytes: &[u8]) -> usize {
    if let Some(start) = unclosed_paste(bytes) {
        return start;
    }
    if let Some(start) = bytes.iter().rposition(|&b| b == 0x1b) {
        let rest = &bytes[start + 1..];
        let unfinished = match rest.split_first() {
            None => true,
            Some((b'O', [])) => true,
            Some((b'[', parameters)) => parameters.iter().all(|b| (0x20..=0x3f).contains(b)),
            Some(_) => false,
        };
        if unfinished && rest.len() < MAX_TAIL {
            return start;
        }
    }
    bytes.len() - cut_character(bytes)
}

/// Where a paste begins that has not ended yet.
fn unclosed_paste(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(start) = memchr::memmem::find(&bytes[from..], PASTE_START) {
        let start = from + start;
        let content = start + PASTE_START.len();
        match memchr::memmem::find(&bytes[content..], PASTE_END) {
            Some(end) => from = content + end + PASTE_END.len(),
            None => return Some(start),
        }
    }
    None
}

/// How many bytes at the end begin a character that the next read completes.
fn cut_character(bytes: &[u8]) -> usize {
    (1..=3.min(bytes.len()))
        .find(|&back| {
            let end = &bytes[bytes.len() - back..];
            // An incomplete character is a lead byte and too few continuation bytes:
            // from_utf8 reports it as ending early, with no invalid byte.
            end[0] >= 0xc0
                && std::str::from_utf8(end).is_err_and(|error| error.error_len().is_none())
        })
        .unwrap_or(0)
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

    #[test]
    fn a_character_split_across_two_reads_is_one_key() {
        let mut input = ByteInput::default();
        let bytes = "中".as_bytes();
        assert_eq!(input.feed(&bytes[..2]), []);
        assert_eq!(input.feed(&bytes[2..]), [key(KeyCode::Char('中'))]);
    }

    #[test]
    fn bytes_that_are_no_utf8_are_dropped_and_the_next_key_reads() {
        let mut input = ByteInput::default();
        assert_eq!(input.feed(b"\xff\xfeq"), [key(KeyCode::Char('q'))]);
        assert_eq!(input.feed(b"j"), [key(KeyCode::Char('j'))]);
    }

    #[test]
    fn a_paste_cut_by_a_quiet_moment_is_still_one_paste() {
        let mut input = ByteInput::default();
        assert_eq!(input.feed(b"\x1b[200~ab"), []);
        assert_eq!(input.flush(), []);
        assert_eq!(
            input.feed(b"q\x1b[201~"),
            [
                key(KeyCode::Char('a')),
                key(KeyCode::Char('b')),
                key(KeyCode::Char('q'))
            ]
        );
    }

    #[test]
    fn readers_share_parsers_and_never_each_others_bytes() {
        let mut first = ByteInput::default();
        let mut second = ByteInput::default();
        // Each holds half of something while the other reads.
        assert_eq!(first.feed(b"\x1b["), []);
        assert_eq!(second.feed(b"\x1b[200~pa"), []);
        assert_eq!(second.feed(b"j"), []);
        assert_eq!(first.feed(b"B"), [key(KeyCode::Down)]);
        assert_eq!(
            second.feed(b"\x1b[201~\x1b[B"),
            [
                key(KeyCode::Char('p')),
                key(KeyCode::Char('a')),
                key(KeyCode::Char('j')),
                key(KeyCode::Down)
            ]
        );
        // A hundred readers, one after another, leave one parser at rest: none is made
        // per reader.
        let mut readers: Vec<ByteInput> = (0..100).map(|_| ByteInput::default()).collect();
        for reader in &mut readers {
            assert_eq!(reader.feed(b"\x1b[A"), [key(KeyCode::Up)]);
        }
        assert_eq!(
            RESTING_PARSERS.lock().map(|resting| resting.len()).ok(),
            Some(1)
        );
    }

    #[test]
    fn a_parser_that_holds_bytes_is_not_at_rest() {
        assert!(at_rest(&mut InputParser::new()));
        for held in [&b"\x1b[200~ab"[..], b"\xe4\xb8", b"\x1b[1;"] {
            let mut parser = InputParser::new();
            parser.parse(held, |_| {}, true);
            assert!(!at_rest(&mut parser), "{held:?}");
        }
    }
}
