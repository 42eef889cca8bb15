//! The real binary in a 200×60 pseudo-terminal: how long from spawning `vigie --data DIR`
//! until its first full frame has been written, then how long each key of the script takes
//! to come back as a frame. Keys are spaced like quick typing (the frame and 60 ms), so the
//! runtime's 16 ms frame pacing does not hold them back.

use super::common::Res;
use super::keys::Key;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub struct PtyRun {
    /// Spawn → the full first frame written (ms).
    pub first_frame: f64,
    /// Key written → last byte of its frame (ms), for keys that changed the screen.
    pub keys: Vec<f64>,
    /// Keys after which nothing was redrawn (within 500 ms).
    pub unchanged: usize,
}

type Chunks = Receiver<(Instant, Vec<u8>)>;

/// Reads what arrives until the output stays quiet for `gap`; returns the last arrival.
fn until_quiet(rx: &Chunks, gap: Duration, parser: &mut vt100::Parser) -> Option<Instant> {
    let mut last = None;
    while let Ok((at, bytes)) = rx.recv_timeout(gap) {
        parser.process(&bytes);
        last = Some(at);
    }
    last
}

/// The board's header and its last line are drawn: the frame is whole.
fn full(screen: &vt100::Screen, rows: u16) -> bool {
    let top = screen.contents_between(0, 0, 0, 199);
    let bottom = screen.contents_between(rows - 1, 0, rows - 1, 199);
    top.contains("Vigie") && !bottom.trim().is_empty()
}

pub fn run(bin: &Path, dir: &Path, script: &[Key], rounds: usize) -> Res<PtyRun> {
    // A draft left by an interrupted run would open a form at start.
    let _ = std::fs::remove_file(dir.join("draft.json"));
    let (rows, cols) = (60, 200);
    let pair = native_pty_system().openpty(PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    // portable-pty starts the child in $HOME: give it an absolute directory.
    let dir = &dir.canonicalize()?;
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg("--data");
    cmd.arg(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let size = |n: u16| std::num::NonZeroU16::new(n).ok_or("empty screen");
    let mut parser = vt100::Parser::new(size(rows)?, size(cols)?, 0);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd)?;
    drop(pair.slave);
    let first_frame = loop {
        let (at, bytes) = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(chunk) => chunk,
            Err(_) => {
                let _ = child.kill();
                let seen = parser.screen().contents();
                return Err(format!("no full frame within 20 s; screen: {seen:?}").into());
            }
        };
        parser.process(&bytes);
        if full(parser.screen(), rows) {
            if std::env::var_os("VIGIE_BENCH_SCREEN").is_some() {
                eprintln!("{}", parser.screen().contents());
            }
            // The rest of the same frame follows at once.
            break until_quiet(&rx, Duration::from_millis(20), &mut parser).unwrap_or(at);
        }
    };
    let since = |at: Instant| (at - start).as_secs_f64() * 1e3;
    let mut run = PtyRun {
        first_frame: since(first_frame),
        keys: Vec::new(),
        unchanged: 0,
    };
    // Let the start settle (the draft check, the first tick).
    until_quiet(&rx, Duration::from_millis(300), &mut parser);
    for _ in 0..rounds {
        for key in script {
            let sent = Instant::now();
            writer.write_all(&key.bytes)?;
            writer.flush()?;
            match rx.recv_timeout(Duration::from_millis(500)) {
                Ok((at, bytes)) => {
                    parser.process(&bytes);
                    let end = until_quiet(&rx, Duration::from_millis(30), &mut parser);
                    run.keys
                        .push((end.unwrap_or(at) - sent).as_secs_f64() * 1e3);
                }
                Err(RecvTimeoutError::Timeout) => run.unchanged += 1,
                Err(RecvTimeoutError::Disconnected) => return Err("vigie ended early".into()),
            }
            std::thread::sleep(Duration::from_millis(60));
        }
    }
    writer.write_all(b"q")?;
    writer.flush()?;
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait()?.is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err("vigie did not quit on q".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = std::fs::remove_file(dir.join("draft.json"));
    Ok(run)
}
