//! Not a subcommand: how the commands that print data (export, schema, completions, man)
//! hand it to standard output, and how `export --output` and `new` write their files.

use std::fs;
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to stdout and returns the exit code. A reader that stops early
/// (`bri-dash export | head`) closes the pipe: that is the reader's choice, not an error, so
/// it ends the command quietly with 0. Any other failure (a full disk) is reported, with 2.
pub fn to_stdout(bytes: &[u8]) -> super::Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(0),
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(0),
        Err(error) => {
            eprintln!("bri-dash: cannot write to standard output: {error}");
            Err(super::Stop(2))
        }
    }
}

/// Writes `bytes` as the file at `path`, whole or not at all: into a temporary file in the
/// same folder, flushed to the disk, then renamed over `path` (a rename within one folder is
/// atomic). On any failure — a full disk, a quota, a file size limit — the old file is as it
/// was, and the temporary file is removed. A path through a symlink replaces the file it
/// points to, not the link. The new file keeps the old one's permissions.
///
/// Only a regular file (or nothing) may be at `path`: a FIFO with no reader would block the
/// write forever, and a device or folder is never a report.
pub fn to_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = match fs::canonicalize(path) {
        Ok(resolved) => resolved,
        Err(error) if error.kind() == ErrorKind::NotFound => path.to_owned(),
        Err(error) => return Err(error),
    };
    let existing = match fs::metadata(&target) {
        Ok(metadata) if !metadata.is_file() => {
            return Err(io::Error::new(
                ErrorKind::InvalidInput,
                "it is not a regular file (a folder, a FIFO or a device); \
                 --output writes only regular files",
            ));
        }
        Ok(metadata) => Some(metadata.permissions()),
        Err(error) if error.kind() == ErrorKind::NotFound => None,
        Err(error) => return Err(error),
    };
    let folder = folder_of(&target);
    let temporary = written_beside(
        &folder,
        bytes,
        existing.unwrap_or_else(new_file_permissions),
    )?;
    temporary.persist(&target).map_err(|error| error.error)?;
    // The rename is on disk only once the folder is: without this, a crash could bring
    // back the old file, or neither.
    fs::File::open(&folder)?.sync_all()
}

/// Writes `bytes` as a new file at `path`, whole or not at all, as [`to_file`] does, but
/// never over anything: the file appears by a link that fails when `path` exists, even if
/// something is put there while the bytes are written.
pub fn to_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = folder_of(path);
    let temporary = written_beside(&folder, bytes, new_file_permissions())?;
    temporary
        .persist_noclobber(path)
        .map_err(|error| error.error)?;
    fs::File::open(&folder)?.sync_all()
}

/// A temporary file in `folder` holding `bytes`, on the disk, with `permissions`.
fn written_beside(
    folder: &Path,
    bytes: &[u8],
    permissions: fs::Permissions,
) -> io::Result<tempfile::NamedTempFile> {
    let mut temporary = tempfile::Builder::new()
        .prefix(".bri-dash-")
        .suffix(".partial")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.as_file().set_permissions(permissions)?;
    Ok(temporary)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// What a file created by `open(2)` would get: 0666 less the umask. The temporary file
/// starts at 0600, which would make a shared report unreadable to the rest of a team.
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: umask(2) cannot fail; it is set back at once. The commands are single-threaded,
    // so no other thread creates a file in between.
    let umask = unsafe {
        let mask = libc::umask(0o022);
        libc::umask(mask);
        mask
    };
    fs::Permissions::from_mode(0o666 & !umask)
}
