//! Writing markup that the data cannot change: every text and attribute value of the data
//! goes through `html-escape`, and a URL becomes a link only when it is a web address.
//!
//! The markup is XHTML-compatible (every element closed, every attribute quoted, no named
//! entity but XML's five) so that one document is read alike by a browser's HTML parser
//! and by an XML parser, which is how the tests check it and how the SVG must be anyway.

use crate::text::url::is_web_url;
use html_escape::{encode_double_quoted_attribute_to_string, encode_text_to_string};

/// A document being written.
#[derive(Debug, Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    pub fn with_capacity(capacity: usize) -> Markup {
        Markup {
            out: String::with_capacity(capacity),
        }
    }

    pub fn into_string(self) -> String {
        self.out
    }

    /// Markup of our own: a literal, never data.
    pub fn raw(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// Text of the data, escaped for the content of an element.
    pub fn text(&mut self, text: &str) {
        encode_text_to_string(xml_chars(text).as_ref(), &mut self.out);
    }

    /// `<tag a="v" …>`, every value escaped.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attributes(attributes);
        self.out.push('>');
    }

    /// `<tag a="v" … />`.
    pub fn empty(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attributes(attributes);
        self.out.push_str(" />");
    }

    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    fn attributes(&mut self, attributes: &[(&'static str, &str)]) {
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            encode_double_quoted_attribute_to_string(xml_chars(value).as_ref(), &mut self.out);
            self.out.push('"');
        }
    }

    /// A URL as a link when it is a web address, else as text: a `javascript:` or `data:`
    /// URL from the data never becomes something a click runs.
    pub fn url(&mut self, url: &str) {
        if is_web_url(url) {
            self.element("a", &[("href", url)], url);
        } else {
            self.element("span", &[("class", "url")], url);
        }
    }
}

/// The text with every character XML 1.0 forbids or HTML calls a parse error (controls
/// other than tab and newlines, the non-characters U+FFFE and U+FFFF) replaced by U+FFFD. The loader already
/// removes controls; this keeps the document well-formed whatever a dataset holds.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if text.chars().any(forbidden) {
        text.chars()
            .map(|c| if forbidden(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut markup = Markup::default();
        markup.element(
            "p",
            &[("title", "\" onmouseover=\"x")],
            "<script>alert(1)</script> & more",
        );
        assert_eq!(
            markup.into_string(),
            "<p title=\"&quot; onmouseover=&quot;x\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
        );
    }

    #[test]
    fn only_web_addresses_become_links_in_markup() {
        let mut markup = Markup::default();
        markup.url("javascript:alert(1)");
        markup.url("https://example.org/?a=1&b=\"2\"");
        assert_eq!(
            markup.into_string(),
            "<span class=\"url\">javascript:alert(1)</span>\
             <a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">https://example.org/?a=1&amp;b=\"2\"</a>"
        );
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        let mut markup = Markup::default();
        markup.text("a\u{1}b\u{ffff}c\td");
        assert_eq!(markup.into_string(), "a\u{fffd}b\u{fffd}c\td");
    }
}
