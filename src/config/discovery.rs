//! Where the config file is: `--config`, then `$BRI_DASH_CONFIG`, then the XDG config
//! folder (`~/.config/bri-dash/config.toml`), then the built-in defaults.

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

/// How the config in use was found, for messages and `list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// Named on the command line or in `$BRI_DASH_CONFIG`: it must exist.
    Explicit(PathBuf),
    /// Found in the user's config folder.
    UserFolder(PathBuf),
    /// No file: the built-in defaults.
    Defaults,
}

/// Decides which config file to read. `env_config` is `$BRI_DASH_CONFIG` and `user_folder`
/// the platform's config folder; both are passed in so tests control them.
pub fn discover(
    flag: Option<&Path>,
    env_config: Option<&str>,
    user_folder: Option<&Path>,
) -> ConfigSource {
    if let Some(path) = flag {
        return ConfigSource::Explicit(path.to_owned());
    }
    if let Some(path) = env_config.filter(|value| !value.is_empty()) {
        return ConfigSource::Explicit(PathBuf::from(path));
    }
    if let Some(folder) = user_folder {
        let candidate = folder.join("bri-dash").join("config.toml");
        if candidate.exists() {
            return ConfigSource::UserFolder(candidate);
        }
    }
    ConfigSource::Defaults
}

/// The platform's config folder (`$XDG_CONFIG_HOME` or `~/.config` on Linux and macOS).
pub fn user_config_folder() -> Option<PathBuf> {
    etcetera::choose_base_strategy()
        .ok()
        .map(|strategy| strategy.config_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_user_folder() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::create_dir(folder.path().join("bri-dash")).unwrap();
        let in_folder = folder.path().join("bri-dash/config.toml");
        std::fs::write(&in_folder, "").unwrap();
        let flag = Path::new("flag.toml");
        assert_eq!(
            discover(Some(flag), Some("env.toml"), Some(folder.path())),
            ConfigSource::Explicit(flag.to_owned())
        );
        assert_eq!(
            discover(None, Some("env.toml"), Some(folder.path())),
            ConfigSource::Explicit(PathBuf::from("env.toml"))
        );
        assert_eq!(
            discover(None, None, Some(folder.path())),
            ConfigSource::UserFolder(in_folder)
        );
        assert_eq!(
            discover(None, Some(""), Some(Path::new("/nonexistent"))),
            ConfigSource::Defaults
        );
    }
}
