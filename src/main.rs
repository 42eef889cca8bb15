//! `vigie`: parse the command line and hand off.

use std::process::ExitCode;

fn main() -> ExitCode {
    vigie::cli::main()
}
