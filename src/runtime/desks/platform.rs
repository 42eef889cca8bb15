//! The platform's local socket: a Unix socket `<data>/vigie.sock` (mode 0600, the peer's
//! uid checked against ours), or on Windows a named pipe named after the data directory.
//! Everything platform-specific about the desks' link is in this file.

use std::io;
use std::path::{Path, PathBuf};
use tokio::io::{AsyncRead, AsyncWrite};

pub const SOCKET: &str = "vigie.sock";

/// A connection, whichever the platform.
pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}
pub type Conn = Box<dyn Stream>;

pub fn socket_path(dir: &Path) -> PathBuf {
    dir.join(SOCKET)
}

/// Whether a peer of uid `peer` may talk to an owner running as `ours`: only the same user.
pub fn peer_allowed(peer: u32, ours: u32) -> bool {
    peer == ours
}

#[cfg(unix)]
mod imp {
    use super::{Conn, peer_allowed, socket_path};
    use std::io;
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;
    use tokio::net::{UnixListener, UnixStream};

    pub struct Listener {
        inner: UnixListener,
    }

    /// Binds the socket. Called only by the process that holds the store's lock, so a file
    /// left there is a dead owner's: removed first.
    pub fn bind(dir: &Path) -> io::Result<Listener> {
        let path = socket_path(dir);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let inner = UnixListener::bind(&path)?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        Ok(Listener { inner })
    }

    impl Listener {
        /// The next peer of our own uid; another's is refused (`Err` names it, the caller
        /// logs it and goes on).
        pub async fn accept(&self) -> io::Result<Result<Conn, u32>> {
            let (stream, _) = self.inner.accept().await?;
            let peer = stream.peer_cred()?.uid();
            // SAFETY: getuid has no preconditions and cannot fail.
            let ours = unsafe { libc::getuid() };
            if !peer_allowed(peer, ours) {
                return Ok(Err(peer));
            }
            Ok(Ok(Box::new(stream)))
        }
    }

    pub async fn connect(dir: &Path) -> io::Result<Conn> {
        Ok(Box::new(UnixStream::connect(socket_path(dir)).await?))
    }

    pub fn remove(dir: &Path) {
        let _ = std::fs::remove_file(socket_path(dir));
    }
}

#[cfg(windows)]
mod imp {
    use super::Conn;
    use std::io;
    use std::path::Path;
    use tokio::net::windows::named_pipe::{ClientOptions, NamedPipeServer, ServerOptions};
    use tokio::sync::Mutex;

    /// The pipe's name, from the data directory (a pipe has no place in the file system).
    fn pipe_name(dir: &Path) -> String {
        let key: String = dir
            .to_string_lossy()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        format!(r"\\.\pipe\vigie-{key}")
    }

    pub struct Listener {
        name: String,
        next: Mutex<NamedPipeServer>,
    }

    pub fn bind(dir: &Path) -> io::Result<Listener> {
        let name = pipe_name(dir);
        // Remote clients rejected; the pipe's default ACL is the creating user's.
        let first = ServerOptions::new()
            .first_pipe_instance(true)
            .reject_remote_clients(true)
            .create(&name)?;
        Ok(Listener {
            name,
            next: Mutex::new(first),
        })
    }

    impl Listener {
        pub async fn accept(&self) -> io::Result<Result<Conn, u32>> {
            let mut next = self.next.lock().await;
            next.connect().await?;
            let fresh = ServerOptions::new()
                .reject_remote_clients(true)
                .create(&self.name)?;
            let connected = std::mem::replace(&mut *next, fresh);
            Ok(Ok(Box::new(connected)))
        }
    }

    pub async fn connect(dir: &Path) -> io::Result<Conn> {
        Ok(Box::new(ClientOptions::new().open(pipe_name(dir))?))
    }

    pub fn remove(_dir: &Path) {}
}

pub use imp::{Listener, bind, connect, remove};

/// Reads one line (without its newline) onto `buf`, at most `max` bytes. `Ok(false)`: the
/// peer closed. A longer line is an `InvalidData` error (the connection is dropped). Safe to
/// cancel in a `select!`: what was read stays in `buf`, which the caller clears once it
/// has handled the line.
pub async fn read_line<R: tokio::io::AsyncBufRead + Unpin>(
    r: &mut R,
    max: usize,
    buf: &mut Vec<u8>,
) -> io::Result<bool> {
    use tokio::io::AsyncBufReadExt;
    loop {
        let available = r.fill_buf().await?;
        if available.is_empty() {
            return Ok(!buf.is_empty());
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        if buf.len() + take > max {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
        }
        buf.extend_from_slice(&available[..take]);
        r.consume(take + usize::from(done));
        if done {
            return Ok(true);
        }
    }
}
