//! The environment a reader's SSH client sends: only what says how to show the dashboard
//! is honoured (the locale, `NO_COLOR`, `TERM`); everything else is refused.

use crate::app::Display;
use crate::config::LanguageSetting;
use crate::dataset::Lang;

/// The most characters of a value kept: locales and flags are short words.
const MAX_VALUE: usize = 64;

#[derive(Default)]
pub struct ReaderEnv {
    lang: Option<String>,
    lc_all: Option<String>,
    lc_messages: Option<String>,
    lc_ctype: Option<String>,
    no_color: bool,
}

impl ReaderEnv {
    /// Keeps a variable the dashboard honours; false for any other (the request is refused).
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        let value = value.chars().take(MAX_VALUE).collect::<String>();
        match name {
            "LANG" => self.lang = Some(value),
            "LC_ALL" => self.lc_all = Some(value),
            "LC_MESSAGES" => self.lc_messages = Some(value),
            "LC_CTYPE" => self.lc_ctype = Some(value),
            "NO_COLOR" => self.no_color = !value.is_empty(),
            // Accepted and without effect: the dashboard writes what every terminal
            // since the VT220 reads, and the pty request names the terminal already.
            "TERM" => {}
            other => return other.starts_with("LC_"),
        }
        true
    }

    /// What the reader's terminal shows: colour unless `NO_COLOR`, ASCII when the locale
    /// the client sent (`LC_ALL`, else `LC_CTYPE`, else `LANG`) is not UTF-8. A client
    /// that sends none is taken to show UTF-8, as every terminal of today does.
    pub fn display(&self) -> Display {
        let locale = [&self.lc_all, &self.lc_ctype, &self.lang]
            .into_iter()
            .find_map(|value| value.as_deref().filter(|value| !value.is_empty()));
        Display {
            no_color: self.no_color,
            ascii: crate::ui::ascii::locale_wants_ascii(locale),
            links: true,
        }
    }

    /// The dashboard's language, as the local dashboard chooses it: `--lang`, else the
    /// config's, else the reader's locale.
    pub fn language(&self, flag: Option<Lang>, setting: LanguageSetting) -> Lang {
        match (flag, setting) {
            (Some(lang), _) => lang,
            (None, LanguageSetting::Zh) => Lang::Zh,
            (None, LanguageSetting::En) => Lang::En,
            (None, LanguageSetting::Auto) => Lang::from_locale(
                self.lc_all
                    .as_deref()
                    .or(self.lc_messages.as_deref())
                    .or(self.lang.as_deref()),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_unless_the_flag_or_the_config_does() {
        let mut env = ReaderEnv::default();
        assert!(env.set("LANG", "en_US.UTF-8"));
        assert!(env.set("LC_ALL", "zh_CN.UTF-8"));
        assert_eq!(env.language(None, LanguageSetting::Auto), Lang::Zh);
        assert_eq!(env.language(None, LanguageSetting::En), Lang::En);
        assert_eq!(env.language(Some(Lang::En), LanguageSetting::Zh), Lang::En);
    }

    #[test]
    fn only_what_shows_the_dashboard_is_honoured() {
        let mut env = ReaderEnv::default();
        assert!(env.set("NO_COLOR", "1") && env.display().no_color);
        assert!(!env.display().ascii);
        assert!(env.set("LC_CTYPE", "C") && env.display().ascii);
        assert!(env.set("TERM", "xterm") && env.set("LC_TIME", "C"));
        assert!(!env.set("LD_PRELOAD", "/tmp/x.so"));
        assert!(!env.set("PATH", "/tmp"));
    }
}
