//! The `negograph` binary: parse the arguments, run the command, print the error chain.
//! Exit codes: 0 done, 1 done but something was not (a file failed, a floor was missed, ASK was
//! false), 2 error; a closed pipe on standard output is no error.

mod cli;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    negograph::store::return_freed_memory();
    let cli = cli::Cli::from_env();
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("negograph: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
