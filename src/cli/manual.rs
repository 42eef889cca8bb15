//! `vigie completions SHELL` and `vigie man`: generated from the clap definitions, so they
//! never drift from the real command line.

use super::{Cli, Failure};
use clap::CommandFactory;
use std::process::ExitCode;

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "vigie", &mut std::io::stdout());
    ExitCode::SUCCESS
}

pub fn man() -> Result<ExitCode, Failure> {
    let cmd = Cli::command().after_long_help(super::EXIT_CODES_HELP);
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| e.to_string())?;
    use std::io::Write;
    match std::io::stdout().write_all(&out) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string().into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
