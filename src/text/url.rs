//! Which addresses the dashboard and the reports treat as links: web addresses only.

/// Whether `url` is an `http` or `https` address a link may point to: the scheme in any
/// case, then `//`, and no whitespace or control character (which a browser would strip
/// or reinterpret, so that what is shown is not where the link goes).
pub fn is_web_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    web && rest.starts_with("//")
        && rest.len() > 2
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links() {
        for url in ["https://example.org/a?b=1&c=2", "HTTP://example.org/"] {
            assert!(is_web_url(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "file:///etc/passwd",
            "https:example.org",
            "https://",
            "https://example.org/\nx",
            "//example.org",
            "mailto:a@example.org",
        ] {
            assert!(!is_web_url(url), "{url:?} is not a web address");
        }
    }
}
