//! The `[serve]` table: who may come in to `bri-dash serve`, and the limits that hold
//! under abuse.

use std::path::{Path, PathBuf};
use std::time::Duration;

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "`bri-dash serve`: the dashboard over SSH. See docs/serve.md.")]
pub struct RawServe {
    /// An OpenSSH authorized_keys file of the keys that may log in, relative to the config.
    pub authorized_keys: Option<String>,
    /// Anyone may read, without a key (default false).
    pub open: Option<bool>,
    /// The user names that may log in (`ssh reader@host`); any other is refused, whatever
    /// its key. Not set: any user name, the key alone deciding.
    #[schemars(length(min = 1))]
    pub users: Option<Vec<String>>,
    /// The most sessions at once (default 64).
    #[schemars(range(min = 1))]
    pub max_sessions: Option<u32>,
    /// The most sessions at once from one address (default 8).
    #[schemars(range(min = 1))]
    pub max_sessions_per_address: Option<u32>,
    /// Seconds a connection has to log in (default 30).
    #[schemars(range(min = 1))]
    pub auth_timeout_secs: Option<u32>,
    /// Failed logins before a connection is dropped (default 3).
    #[schemars(range(min = 1))]
    pub max_auth_attempts: Option<u32>,
    /// Seconds without a key or click before a session is closed (default 1800).
    #[schemars(range(min = 1))]
    pub idle_timeout_secs: Option<u32>,
}

/// Who may come in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Nobody: neither `authorized_keys` nor `open` is set.
    Closed,
    /// The keys of this authorized_keys file.
    Keys(PathBuf),
    /// Anyone.
    Open,
}

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub access: Access,
    /// The user names that may log in; `None`: any.
    pub users: Option<Vec<String>>,
    pub max_sessions: usize,
    pub max_sessions_per_address: usize,
    pub auth_timeout: Duration,
    pub max_auth_attempts: usize,
    pub idle_timeout: Duration,
}

impl Default for ServeConfig {
    fn default() -> ServeConfig {
        ServeConfig::from_raw(&RawServe::default(), Path::new("."))
    }
}

impl ServeConfig {
    /// The table read, its paths resolved against `base`; a zero limit counts as one.
    pub fn from_raw(raw: &RawServe, base: &Path) -> ServeConfig {
        let count = |value: Option<u32>, default: u32| value.unwrap_or(default).max(1) as usize;
        let seconds = |value: Option<u32>, default: u32| {
            Duration::from_secs(value.unwrap_or(default).max(1).into())
        };
        let access = match (&raw.authorized_keys, raw.open.unwrap_or(false)) {
            (Some(path), _) => Access::Keys(super::expand_home(path, base)),
            (None, true) => Access::Open,
            (None, false) => Access::Closed,
        };
        ServeConfig {
            access,
            users: raw.users.clone(),
            max_sessions: count(raw.max_sessions, 64),
            max_sessions_per_address: count(raw.max_sessions_per_address, 8),
            auth_timeout: seconds(raw.auth_timeout_secs, 30),
            max_auth_attempts: count(raw.max_auth_attempts, 3),
            idle_timeout: seconds(raw.idle_timeout_secs, 1800),
        }
    }
}
