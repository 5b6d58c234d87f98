//! Who may come in: the keys of an OpenSSH authorized_keys file, or anyone (a read-only
//! public dashboard). Read once at start.

use std::fs;
use std::io;

use russh::keys::{HashAlg, PublicKey};

use crate::config::Access;

pub enum Gate {
    Keys(Vec<PublicKey>),
    Open,
}

impl Gate {
    pub fn new(access: &Access) -> io::Result<Gate> {
        match access {
            Access::Closed => Err(io::Error::other(
                "nobody could log in: set `authorized_keys = \"PATH\"` (an OpenSSH authorized_keys file) or `open = true` in the config's [serve] table",
            )),
            Access::Open => Ok(Gate::Open),
            Access::Keys(path) => {
                let text = fs::read_to_string(path)
                    .map_err(|error| io::Error::other(format!("{}: {error}", path.display())))?;
                let mut keys = Vec::new();
                for (number, line) in text.lines().enumerate() {
                    let line = line.trim();
                    if line.is_empty() || line.starts_with('#') {
                        continue;
                    }
                    // Options before the key (`from="…" ssh-ed25519 AAAA…`) are not
                    // supported: a line with any is refused rather than half-honoured.
                    let key = PublicKey::from_openssh(line).map_err(|error| {
                        io::Error::other(format!(
                            "{}:{}: not a public key ({error}); expected `TYPE BASE64 [COMMENT]`, without options",
                            path.display(),
                            number + 1
                        ))
                    })?;
                    keys.push(key);
                }
                if keys.is_empty() {
                    return Err(io::Error::other(format!(
                        "{}: no public key in it: nobody could log in",
                        path.display()
                    )));
                }
                Ok(Gate::Keys(keys))
            }
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Gate::Open)
    }

    /// Whether this key may log in; keys are compared by their data, not their comment.
    pub fn admits(&self, key: &PublicKey) -> bool {
        match self {
            Gate::Open => true,
            Gate::Keys(keys) => keys.iter().any(|known| known.key_data() == key.key_data()),
        }
    }
}

/// The user names that may log in: those of `[serve] users`, or any when it is not set.
pub struct Users(pub Option<Vec<String>>);

impl Users {
    pub fn admits(&self, user: &str) -> bool {
        self.0
            .as_ref()
            .is_none_or(|users| users.iter().any(|known| known == user))
    }
}

pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}
