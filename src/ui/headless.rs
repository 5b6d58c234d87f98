//! The dashboard drawn without a terminal: one frame as plain text (or with ANSI colours),
//! for `bri-dash render`, the README capture and snapshot tests.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::app::App;

use crate::ui::{self, FrameLayout};

/// Draws `app` into a buffer of `width`×`height`.
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    draw_with_layout(app, width, height).0
}

/// Draws `app` into a buffer of `width`×`height`, with the layout the view reported.
pub fn draw_with_layout(app: &App, width: u16, height: u16) -> (Buffer, FrameLayout) {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test backend cannot fail");
    let mut layout = FrameLayout::default();
    terminal
        .draw(|frame| layout = ui::view(app, &ui::Memory::default(), frame))
        .expect("a test backend cannot fail");
    (terminal.backend().buffer().clone(), layout)
}

/// The buffer's text, one line per row, trailing spaces trimmed. A wide character's
/// second cell is skipped, so Chinese lines read as they look.
pub fn to_text(buffer: &Buffer) -> String {
    rows(buffer, |line, cell_symbol, _| line.push_str(cell_symbol))
}

/// The buffer's text with SGR colour and emphasis codes.
pub fn to_ansi(buffer: &Buffer) -> String {
    rows(buffer, |line, symbol, cell| {
        line.push_str(&sgr(cell));
        line.push_str(symbol);
        line.push_str("\u{1b}[0m");
    })
}

fn rows(
    buffer: &Buffer,
    mut push: impl FnMut(&mut String, &str, &ratatui::buffer::Cell),
) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            push(&mut line, symbol, cell);
            x += (symbol.width() as u16).max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn sgr(cell: &ratatui::buffer::Cell) -> String {
    let mut codes: Vec<String> = Vec::new();
    let modifier = cell.modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
    ] {
        if modifier.contains(flag) {
            codes.push(code.to_owned());
        }
    }
    if let Some(code) = color_code(cell.fg, 30) {
        codes.push(code);
    }
    if let Some(code) = color_code(cell.bg, 40) {
        codes.push(code);
    }
    if codes.is_empty() {
        String::new()
    } else {
        format!("\u{1b}[{}m", codes.join(";"))
    }
}

fn color_code(color: Color, base: u8) -> Option<String> {
    let basic = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match color {
        Color::Reset => None,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}
