//! The server's host key: made on first start, then kept, readable by its owner only, in
//! the XDG state folder, so that readers' `known_hosts` stay right across restarts.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;
use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{HashAlg, PrivateKey};

/// Where the key is kept: `$XDG_STATE_HOME/bri-dash/host_ed25519_key`.
pub fn path() -> io::Result<PathBuf> {
    let strategy = etcetera::choose_base_strategy()
        .map_err(|error| io::Error::other(format!("no home folder: {error}")))?;
    let state = strategy
        .state_dir()
        .ok_or_else(|| io::Error::other("this platform has no state folder"))?;
    Ok(state.join("bri-dash").join("host_ed25519_key"))
}

/// The key at `path`, made there first if there is none.
pub fn load_or_create(path: &Path) -> io::Result<PrivateKey> {
    match fs::read_to_string(path) {
        Ok(text) => {
            let mode = fs::metadata(path)?.permissions().mode();
            if mode & 0o077 != 0 {
                return Err(io::Error::other(format!(
                    "{}: the host key is readable by others (mode {:o}): expected 0600 (chmod 600 it, or delete it for a new one)",
                    path.display(),
                    mode & 0o777
                )));
            }
            PrivateKey::from_openssh(text.trim())
                .map_err(|error| io::Error::other(format!("{}: {error}", path.display())))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => create(path),
        Err(error) => Err(io::Error::other(format!("{}: {error}", path.display()))),
    }
}

fn create(path: &Path) -> io::Result<PrivateKey> {
    let mut seed = [0u8; 32];
    fs::File::open("/dev/urandom")?.read_exact(&mut seed)?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    seed.fill(0);
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|error| io::Error::other(error.to_string()))?;
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
    }
    // Created 0600 at once (not chmod-ed after writing): never readable by others, even
    // for a moment; `create_new`, so that two servers starting together keep one key.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(key)
}

/// The key's SHA-256 fingerprint, as `ssh` shows it (`SHA256:…`).
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}
