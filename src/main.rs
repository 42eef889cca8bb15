//! `vigie`: parse the command line and hand off.

use std::process::ExitCode;

fn main() -> ExitCode {
    // `vigie log | head` must end quietly like any Unix tool: Rust ignores SIGPIPE, which turns
    // a closed pipe into a failed print (a panic) instead of the usual silent exit.
    #[cfg(unix)]
    // SAFETY: restoring a signal's default disposition before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    vigie::cli::main()
}
