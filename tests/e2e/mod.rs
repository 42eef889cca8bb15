//! A person at a terminal, played by a test: the real `vigie` binary runs in a
//! pseudo-terminal, its output feeds a `vt100` screen on a reader thread, and keys are
//! written into the terminal. Every wait polls the screen against a generous deadline (CI
//! machines are slow); a timeout fails with the screen as it was.

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a screen, an exit or the end of the output may take to come: the whole suite
/// runs test binaries side by side on two cores, and a debug `vigie` starting then can
/// take many seconds.
pub const DEADLINE: Duration = Duration::from_secs(60);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

/// Keys that are not plain text, as a terminal sends them.
#[derive(Debug, Clone, Copy)]
pub enum Key {
    Enter,
    Tab,
    BackTab,
    Esc,
    Up,
    Down,
    Left,
    Right,
    /// F1 to F4 (what the console uses).
    F(u8),
    CtrlC,
}

impl Key {
    fn bytes(self) -> &'static [u8] {
        match self {
            Key::Enter => b"\r",
            Key::Tab => b"\t",
            Key::BackTab => b"\x1b[Z",
            Key::Esc => b"\x1b",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Right => b"\x1b[C",
            Key::Left => b"\x1b[D",
            Key::F(1) => b"\x1bOP",
            Key::F(2) => b"\x1bOQ",
            Key::F(3) => b"\x1bOR",
            Key::F(4) => b"\x1bOS",
            Key::F(n) => panic!("F{n} is not mapped by the test driver"),
            Key::CtrlC => b"\x03",
        }
    }
}

/// The console running in a pseudo-terminal of a given size.
pub struct Console {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Set by the reader thread once the terminal has nothing more to say.
    ended: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    args: Vec<String>,
}

/// Starts `vigie --data DATA ARGS…` at `cols`×`rows`, with no settings file and no
/// `VIGIE_*` variable of whoever runs the tests.
pub fn spawn(data: &Path, (cols, rows): (u16, u16), args: &[&str]) -> Console {
    let pty = native_pty_system()
        .openpty(size(cols, rows))
        .expect("open a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_vigie"));
    cmd.arg("--data");
    cmd.arg(data);
    cmd.args(args);
    cmd.cwd(data.parent().unwrap_or(data));
    cmd.env_remove("VIGIE_LANG");
    cmd.env_remove("VIGIE_DATA");
    cmd.env_remove("NO_COLOR");
    cmd.env("VIGIE_CONFIG", "/nonexistent/config.toml");
    cmd.env("TERM", "xterm-256color");
    let child = pty.slave.spawn_command(cmd).expect("spawn vigie");
    // Only the child holds the terminal's other end: when it dies, reading ends.
    drop(pty.slave);
    let mut output = pty.master.try_clone_reader().expect("terminal reader");
    let writer = pty.master.take_writer().expect("terminal writer");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
    let ended = Arc::new(AtomicBool::new(false));
    let reader = {
        let parser = Arc::clone(&parser);
        let ended = Arc::clone(&ended);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux answers EIO rather than 0 once the child's side is closed.
            while let Ok(n @ 1..) = output.read(&mut buf) {
                parser.lock().expect("screen lock").process(&buf[..n]);
            }
            ended.store(true, Ordering::SeqCst);
        })
    };
    Console {
        child,
        master: pty.master,
        writer,
        parser,
        ended,
        reader: Some(reader),
        args: args.iter().map(|s| s.to_string()).collect(),
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal is at least 1×1")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Console {
    /// Types text as a person would (UTF-8, accents included).
    pub fn keys(&mut self, text: &str) -> &mut Self {
        self.write(text.as_bytes())
    }

    /// Presses one special key. After `Esc`, wait for the screen to change before the next
    /// key: an Esc directly followed by more bytes reads as Alt+key.
    pub fn key(&mut self, key: Key) -> &mut Self {
        self.write(key.bytes())
    }

    fn write(&mut self, bytes: &[u8]) -> &mut Self {
        self.writer.write_all(bytes).expect("write to the terminal");
        self.writer.flush().expect("flush the terminal");
        self
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("screen lock").screen().contents()
    }

    /// Runs `check` on the vt100 screen (cursor, alternate screen, mouse mode…).
    pub fn with_screen<T>(&self, check: impl FnOnce(&vt100::Screen) -> T) -> T {
        check(self.parser.lock().expect("screen lock").screen())
    }

    /// Waits until the screen shows `text`.
    #[track_caller]
    pub fn wait_for(&mut self, text: &str) -> &mut Self {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// Waits until the screen no longer shows `text`.
    #[track_caller]
    pub fn wait_gone(&mut self, text: &str) -> &mut Self {
        self.wait_until(&format!("{text:?} gone from the screen"), |s| {
            !s.contains(text)
        })
    }

    /// Waits until the screen text satisfies `ok`; fails with the screen after `DEADLINE`.
    #[track_caller]
    pub fn wait_until(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> &mut Self {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return self;
            }
            if Instant::now() > deadline {
                let status = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what} (vigie {:?}, exited: {status:?}); screen:\n{}",
                    self.args,
                    frame(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Resizes the terminal (the child gets SIGWINCH) and the screen that mirrors it.
    pub fn resize(&mut self, cols: u16, rows: u16) -> &mut Self {
        // The mirror first, so that what the child draws for the new size lands in it.
        self.parser
            .lock()
            .expect("screen lock")
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(size(cols, rows))
            .expect("resize the terminal");
        self
    }

    /// Kills the child with SIGKILL — no handler, no cleanup, like a power cut — and waits
    /// for it to be gone. (portable-pty's `kill()` sends SIGHUP first, which is not this.)
    pub fn kill9(&mut self) {
        let pid = self.child.process_id().expect("the child has a pid");
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -9 {pid} failed");
        let status = self.wait_status();
        // The signal's name comes from the C library (`strsignal`), in its language.
        assert!(
            status.signal().is_some(),
            "vigie should have died of SIGKILL: {status:?}"
        );
    }

    /// Waits for the child to exit by itself and for its last output; returns the exit code.
    #[track_caller]
    pub fn wait_exit(&mut self) -> u32 {
        let status = self.wait_status();
        assert!(
            status.signal().is_none(),
            "vigie died of a signal: {status:?}; screen:\n{}",
            frame(&self.screen())
        );
        status.exit_code()
    }

    #[track_caller]
    fn wait_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for vigie") {
                break status;
            }
            if Instant::now() > deadline {
                panic!(
                    "vigie did not exit within {DEADLINE:?}; screen:\n{}",
                    frame(&self.screen())
                );
            }
            std::thread::sleep(POLL);
        };
        // Everything the child wrote before dying is read before anyone looks at the screen.
        let deadline = Instant::now() + DEADLINE;
        while !self.ended.load(Ordering::SeqCst) {
            assert!(
                Instant::now() < deadline,
                "the terminal output did not end within {DEADLINE:?} after vigie exited"
            );
            std::thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
        status
    }
}

impl Drop for Console {
    /// A failed test must not leave a console running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            if let Some(pid) = self.child.process_id() {
                let _ = std::process::Command::new("kill")
                    .args(["-9", &pid.to_string()])
                    .status();
            }
            let _ = self.child.wait();
        }
    }
}

/// The screen framed, so that trailing blanks and empty rows are visible in a failure.
fn frame(screen: &str) -> String {
    screen
        .lines()
        .map(|l| format!("|{l}|\n"))
        .collect::<String>()
}

/// The data directory of one test, inside its own temporary directory.
pub struct Data {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
}

pub fn data() -> Data {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    Data { _tmp: tmp, dir }
}

/// Opens the night with Nadia B. (the first coordinator) and two teams: E1 Samir K. and
/// Gwenaëlle P., E2 Thomas R. and Aïcha D.
pub fn open_night(c: &mut Console) {
    c.keys("O").wait_for("Ouvrir la nuit");
    c.key(Key::Tab).keys("samir gwen");
    c.wait_for("Samir K., Gwenaëlle P.");
    c.key(Key::Tab).key(Key::Tab).keys("thomas aicha");
    c.wait_for("Thomas R., Aïcha D.");
    c.key(Key::Enter)
        .wait_for("Nuit ouverte, 2 équipe(s) composée(s).");
}

/// Fills the new request form — a P1 neighbour conflict at Résidence Les Ajoncs reported by
/// a resident, with `description` — without saving it.
pub fn fill_request(c: &mut Console, description: &str) {
    c.keys("n").wait_for("Nouvelle sollicitation");
    c.keys("ajoncs").wait_for("(1/1) Résidence Les Ajoncs");
    // Source, category, priority: the first choice of each.
    for _ in 0..3 {
        c.key(Key::Tab).key(Key::Right);
    }
    c.wait_for("habitant").wait_for("conflit de voisinage");
    // Past the entrance, the caller and the callback number, to the description.
    for _ in 0..4 {
        c.key(Key::Tab);
    }
    c.keys(description).wait_for(description);
}
