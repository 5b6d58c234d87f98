//! Reading a user's text file without trusting it: only regular files, opened without
//! blocking (a FIFO never hangs us), size capped before reading, UTF-8 checked with the
//! place of the first bad byte. A BOM is dropped; CRLF line ends are accepted as they are.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::problem::Message;

/// Default cap on the size of a dataset or config file.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Reads `path` as UTF-8 text. The error is a sentence for the user, in each language
/// (without the path, which the caller puts in front).
pub fn read_text_file(path: &Path, max_bytes: u64) -> Result<String, Message> {
    let file = open_regular(path)?;
    let size = file
        .metadata()
        .map_err(|error| describe_io_error(&error))?
        .len();
    if size > max_bytes {
        return Err(Message::new(
            format!("the file is {size} bytes, more than the limit of {max_bytes} bytes"),
            format!("文件有 {size} 字节，超过了 {max_bytes} 字节的上限"),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while we read it.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| describe_io_error(&error))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Message::new(
            format!("the file grew past the limit of {max_bytes} bytes while being read"),
            format!("文件在读取期间增长，超过了 {max_bytes} 字节的上限"),
        ));
    }
    decode_utf8(bytes)
}

fn open_regular(path: &Path) -> Result<File, Message> {
    // Type check first: opening a FIFO for reading would block until a writer appears.
    // `metadata` follows symlinks, so a link to a dataset is read like the dataset.
    let metadata = std::fs::metadata(path).map_err(|error| {
        let dangling = error.kind() == std::io::ErrorKind::NotFound
            && std::fs::symlink_metadata(path).is_ok_and(|link| link.is_symlink());
        if dangling {
            Message::new(
                "is a symbolic link to a file that does not exist",
                "是指向不存在文件的符号链接",
            )
        } else {
            describe_io_error(&error)
        }
    })?;
    if metadata.is_dir() {
        return Err(Message::new(
            "is a directory, not a file",
            "是文件夹，不是文件",
        ));
    }
    if !metadata.is_file() {
        return Err(Message::new(
            "is not a regular file (a FIFO, socket or device cannot be read as data)",
            "不是普通文件（FIFO、套接字或设备不能作为数据读取）",
        ));
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|error| describe_io_error(&error))?;
    // The path could have been swapped between the check and the open.
    let opened = file.metadata().map_err(|error| describe_io_error(&error))?;
    if !opened.is_file() {
        return Err(Message::new("is not a regular file", "不是普通文件"));
    }
    Ok(file)
}

/// The common failures in words of each language; any other keeps the system's English.
fn describe_io_error(error: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => Message::new("no such file", "文件不存在"),
        ErrorKind::PermissionDenied => Message::new("permission denied", "没有读取权限"),
        _ if error.raw_os_error() == Some(libc::ELOOP) => Message::new(
            "too many levels of symbolic links (a symlink loop?)",
            "符号链接层数过多（是否形成了循环？）",
        ),
        _ => Message::from(error.to_string()),
    }
}

fn decode_utf8(mut bytes: Vec<u8>) -> Result<String, Message> {
    if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Message::new(
            format!("is not valid UTF-8: invalid byte at offset {offset} (line {line})"),
            format!("不是有效的 UTF-8：第 {offset} 字节处有无效字节（第 {line} 行）"),
        )
    })
}

#[cfg(test)]
mod tests {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    /// Runs `read_text_file` on another thread and fails if it has not answered in time:
    /// a read that blocks must fail the test, not hang it.
    fn read_within_deadline(path: &Path) -> Result<String, String> {
        let (sender, receiver) = mpsc::channel();
        let path = path.to_owned();
        std::thread::spawn(move || sender.send(read_text_file(&path, DEFAULT_MAX_BYTES)));
        receiver
            .recv_timeout(Duration::from_secs(5))
            .expect("reading must not block")
            .map_err(|error| error.en)
    }

    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("data.toml");
        let name = CString::new(fifo.as_os_str().as_bytes()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = read_within_deadline(&fifo).unwrap_err();
        assert!(error.contains("not a regular file"), "{error}");
        // Behind a symlink too.
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert!(
            read_within_deadline(&link)
                .unwrap_err()
                .contains("not a regular file")
        );
    }

    #[test]
    fn follows_symlinks_and_reports_loops_and_dangling_links() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.toml");
        std::fs::write(&target, "a = 1\r\nb = 2\r\n").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        // CRLF is kept as written: toml accepts it.
        assert_eq!(read_within_deadline(&link).unwrap(), "a = 1\r\nb = 2\r\n");

        let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert_eq!(
            read_within_deadline(&a).unwrap_err(),
            "too many levels of symbolic links (a symlink loop?)"
        );

        let dangling = dir.path().join("dangling.toml");
        std::os::unix::fs::symlink(dir.path().join("gone.toml"), &dangling).unwrap();
        assert_eq!(
            read_within_deadline(&dangling).unwrap_err(),
            "is a symbolic link to a file that does not exist"
        );
    }

    #[test]
    fn says_permission_denied() {
        let denied = std::io::Error::from_raw_os_error(libc::EACCES);
        assert_eq!(describe_io_error(&denied).en, "permission denied");
        assert_eq!(describe_io_error(&denied).zh, "没有读取权限");
        // As root the file is readable anyway: the mapping above is what can be checked.
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            use std::os::unix::fs::PermissionsExt;
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("secret.toml");
            std::fs::write(&file, "a = 1").unwrap();
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
            assert_eq!(
                read_within_deadline(&file).unwrap_err(),
                "permission denied"
            );
        }
    }

    #[test]
    fn drops_bom_and_reports_bad_utf8_position() {
        assert_eq!(decode_utf8(b"\xef\xbb\xbfa = 1".to_vec()).unwrap(), "a = 1");
        let error = decode_utf8(b"a = 1\nb = \"\xff\"".to_vec()).unwrap_err();
        assert_eq!(
            error.en,
            "is not valid UTF-8: invalid byte at offset 11 (line 2)"
        );
        assert_eq!(
            error.zh,
            "不是有效的 UTF-8：第 11 字节处有无效字节（第 2 行）"
        );
    }

    #[test]
    fn refuses_directories_devices_and_oversized_files() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_text_file(dir.path(), DEFAULT_MAX_BYTES)
                .unwrap_err()
                .en,
            "is a directory, not a file"
        );
        assert!(
            read_text_file(Path::new("/dev/zero"), DEFAULT_MAX_BYTES)
                .unwrap_err()
                .en
                .contains("not a regular file")
        );
        let file = dir.path().join("big.toml");
        std::fs::write(&file, "x".repeat(100)).unwrap();
        assert!(
            read_text_file(&file, 10)
                .unwrap_err()
                .en
                .contains("more than the limit")
        );
        assert_eq!(
            read_text_file(&dir.path().join("missing"), 10)
                .unwrap_err()
                .en,
            "no such file"
        );
        // No limit at all is a limit too.
        assert_eq!(read_text_file(&file, u64::MAX).unwrap().len(), 100);
    }
}
