//! The punctuation each language writes around words: colons, parentheses, quotation
//! marks.

use crate::dataset::Lang;

/// `label: text` in English, `label：text` in Chinese, which takes the full-width colon.
pub fn labelled(label: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{label}: {text}"),
        Lang::Zh => format!("{label}：{text}"),
    }
}

/// ` (text)` in English, `（text）` in Chinese, which takes full-width parentheses (and no
/// space before them).
pub fn aside(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" ({text})"),
        Lang::Zh => format!("（{text}）"),
    }
}

/// `text` in double quotation marks, its own double quotation marks made single, as both
/// languages nest quotes: “截至……签署‘数字丝绸之路’合作谅解备忘录。”
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push('“');
    let mut open = true;
    for c in text.chars() {
        out.push(match c {
            '“' => '‘',
            '”' => '’',
            // A straight quote opens and closes in turn.
            '"' => {
                open = !open;
                if open { '’' } else { '‘' }
            }
            other => other,
        });
    }
    out.push('”');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_quotes_become_single() {
        assert_eq!(quoted("签署“数字丝绸之路”合作"), "“签署‘数字丝绸之路’合作”");
        assert_eq!(
            quoted(r#"the "Digital Silk Road" MoU"#),
            "“the ‘Digital Silk Road’ MoU”"
        );
        assert_eq!(quoted("plain"), "“plain”");
    }

    #[test]
    fn chinese_takes_full_width_colons_and_parentheses() {
        assert_eq!(labelled("来源", "文章", Lang::Zh), "来源：文章");
        assert_eq!(labelled("Source", "article", Lang::En), "Source: article");
        assert_eq!(aside("精确到月", Lang::Zh), "（精确到月）");
        assert_eq!(aside("to the month", Lang::En), " (to the month)");
    }
}
