//! TOML's own errors as located problems, reworded where toml's words would puzzle a
//! user, with a "did you mean" for a misspelt key.

use std::ops::Range;

use super::diagnostic::{Message, Problem};
use crate::text::sanitize::escape_for_message;
use crate::text::suggest::closest;

/// Turns a toml parse or type error into a located problem, with a "did you mean" hint
/// for misspelt keys.
pub fn from_toml_error(error: &toml::de::Error) -> Problem {
    // serde echoes the file's keys and values in its messages: write what is hidden in
    // them out as escapes rather than let it vanish (an unknown key `\u{1b}]0;x\u{7}lable`).
    let message = escape_for_message(&clearer_toml_message(error.message().trim()));
    let said = Message {
        zh: chinese(&message).unwrap_or_else(|| message.clone()),
        en: message.clone(),
    };
    let problem = match error.span() {
        Some(span) => Problem::at(span, said),
        None => Problem::whole_file(said),
    };
    match misspelt_key_hint(&message) {
        Some(known) => problem.with_hint(Message::new(
            format!("did you mean `{known}`?"),
            format!("是否想写 `{known}`？"),
        )),
        None => problem,
    }
}

/// [`from_toml_error`], with a place for the one error toml does not locate: a dotted key
/// or table header with more parts than toml nests.
pub fn toml_problem(error: &toml::de::Error, text: &str) -> Problem {
    let problem = from_toml_error(error);
    if problem.span.is_none()
        && error.message() == TOML_KEY_DEPTH_LIMIT
        && let Some(span) = most_dotted_key(text)
    {
        return Problem {
            span: Some(span),
            ..problem
        };
    }
    problem
}

/// toml's message when a dotted key or table header has more parts than it nests.
const TOML_KEY_DEPTH_LIMIT: &str = "recursion limit";

/// toml's messages for the limits it enforces, reworded to say what is wrong in the file.
fn clearer_toml_message(message: &str) -> String {
    const NESTING: &str =
        "bri-dash files need only a few levels; this looks like a generated or damaged file";
    if message == "cannot recurse further; max recursion depth met" {
        return format!("arrays or inline tables are nested too deeply here: {NESTING}");
    }
    if message == TOML_KEY_DEPTH_LIMIT {
        return format!("a dotted key or table header has too many parts: {NESTING}");
    }
    if message == "floating-point number overflowed" {
        return "number too large: expected a finite number, at most about 1.8e308".to_owned();
    }
    // A literal beyond i64: serde reports it as an i128 nothing could take.
    if let Some(number) = message
        .strip_prefix("invalid type: integer `")
        .and_then(|rest| rest.strip_suffix("` as i128, expected any valid TOML value"))
    {
        return format!(
            "the integer {number} is out of range: whole numbers must lie between {} and {}; \
             write a larger figure as a float, e.g. 1.5e20",
            i64::MIN,
            i64::MAX
        );
    }
    message.to_owned()
}

/// The key (before `=`) or table header with the most dots, for a key-depth error toml
/// does not locate. A heuristic for the place only: the error itself is toml's.
fn most_dotted_key(text: &str) -> Option<Range<usize>> {
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let body = &line[indent..];
        let key = if body.starts_with('[') {
            body.split(']').next()
        } else {
            body.split_once('=').map(|(key, _)| key)
        };
        if let Some(key) = key {
            let dots = key.matches('.').count();
            if dots > 0 && best.as_ref().is_none_or(|(most, _)| dots > *most) {
                let start = line_start + indent;
                best = Some((dots, start..start + key.trim_end().len()));
            }
        }
        line_start += line.len();
    }
    best.map(|(_, span)| span)
}

/// For serde's "unknown field `x`, expected one of `a`, `b`", the closest expected key.
fn misspelt_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    closest(unknown, expected.split('`').skip(1).step_by(2)).map(str::to_owned)
}

/// The Chinese of the messages of serde and toml that can be matched whole and reliably
/// (a missing or unknown field, and this file's own rewordings of toml's limits); toml's
/// syntax messages come in many shapes from the crate and stay in its English.
fn chinese(message: &str) -> Option<String> {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
        .filter(|field| !field.contains('`'))
    {
        return Some(format!("缺少字段 `{field}`"));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (unknown, expected) = rest.split_once('`')?;
        let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let listed: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
        return match expected {
            _ if expected.starts_with(", expected one of `") => Some(format!(
                "未知的字段 `{unknown}`，应为 {} 之一",
                listed.join("、")
            )),
            _ if expected.starts_with(", expected `") && names.len() == 1 => {
                Some(format!("未知的字段 `{unknown}`，应为 {}", listed[0]))
            }
            _ if expected == ", there are no fields" => {
                Some(format!("未知的字段 `{unknown}`：这里不接受任何字段"))
            }
            _ => None,
        };
    }
    const NESTING_ZH: &str = "bri-dash 文件只需要几层嵌套；这看起来是生成的或已损坏的文件";
    if message.starts_with("arrays or inline tables are nested too deeply here") {
        return Some(format!("此处数组或内联表嵌套过深：{NESTING_ZH}"));
    }
    if message.starts_with("a dotted key or table header has too many parts") {
        return Some(format!("点号键或表头的部分过多：{NESTING_ZH}"));
    }
    if message.starts_with("number too large") {
        return Some("数字过大：应为有限的数，最大约为 1.8e308".to_owned());
    }
    if let Some(number) = message
        .strip_prefix("the integer ")
        .and_then(|rest| rest.split_once(" is out of range"))
        .map(|(number, _)| number)
    {
        return Some(format!(
            "整数 {number} 超出范围：整数必须在 {} 与 {} 之间；更大的数请写成浮点数，例如 1.5e20",
            i64::MIN,
            i64::MAX
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::location::{Location, locate};

    #[test]
    fn rewords_toml_limits_and_locates_deep_dotted_keys() {
        let huge = "value = 99999999999999999999\n";
        let error = toml::from_str::<toml::Table>(huge).unwrap_err();
        let problem = toml_problem(&error, huge);
        assert!(
            problem
                .message
                .en
                .starts_with("the integer 99999999999999999999 is out of range")
        );
        assert_eq!(problem.span, Some(8..28));

        let nested = format!("value = {}{}\n", "[".repeat(100), "]".repeat(100));
        let error = toml::from_str::<toml::Table>(&nested).unwrap_err();
        let problem = toml_problem(&error, &nested);
        assert!(
            problem
                .message
                .en
                .starts_with("arrays or inline tables are nested too deeply")
        );
        assert!(problem.span.is_some());

        let dotted = format!("ok = 1\n  [a{}]\nb.c = 2\n", ".a".repeat(100));
        let error = toml::from_str::<toml::Table>(&dotted).unwrap_err();
        let problem = toml_problem(&error, &dotted);
        assert!(
            problem
                .message
                .en
                .starts_with("a dotted key or table header has too many parts")
        );
        assert_eq!(
            locate(&dotted, problem.span.unwrap().start),
            Location { line: 2, column: 3 }
        );
    }

    #[test]
    fn suggests_the_closest_known_key() {
        let hint =
            misspelt_key_hint("unknown field `as_off`, expected one of `id`, `title`, `as_of`");
        assert_eq!(hint.as_deref(), Some("as_of"));
        assert_eq!(
            misspelt_key_hint("unknown field `zzz`, expected `id`"),
            None
        );
    }
}
