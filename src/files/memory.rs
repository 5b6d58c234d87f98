//! Giving freed memory back to the system.

/// Returns the allocator's free pages to the system. glibc keeps memory that was freed in
/// the middle of its heap, so a large temporary peak (parsing a big file) would otherwise
/// stay in the resident set of a process that runs for hours. Elsewhere a no-op.
pub fn release_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes no pointer
    // and is safe to call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
