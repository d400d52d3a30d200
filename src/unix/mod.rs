//! The Unix userland that runs inside simulated containers and on the learner's host:
//! the union file system ([`fs`]), the shell language ([`sh`]), the resumable process
//! interpreter ([`process`]) and the programs it runs ([`programs`]).
//!
//! # Running a container's process (for the engine)
//!
//! 1. Build a [`fs::UnionFs`] from separate borrows: the image's layers (**bottom
//!    first**), the container's writable layer, and its mounts (volumes, bind mounts),
//!    optionally read-only. `docker diff` is [`fs::diff()`] over the same layers.
//! 2. Wrap it in a [`process::Sys`] (see [`testing::SimpleSys`]): time, output sink
//!    (`write(at, stream, text)` — the engine timestamps container logs with `at`),
//!    hostname, kernel, the container's process list (a snapshot taken before `run`),
//!    `kill` to other processes, and `program` for image-specific programs.
//! 3. [`process::Process::spawn`] the command (entrypoint + cmd), with `pid: 1` for the
//!    main process, another PID for `docker exec`; `tty`/`stdin_open` for `-t`/`-i`.
//!    A [`process::SpawnError`] is runc's error (its doc lists the texts). `--user` specs
//!    resolve with [`users::resolve_user`].
//! 4. Call `run(&mut sys, until)` whenever simulated time moves; it returns
//!    `Exited(code)`, `Sleeping { wake }`, `Blocked` (a server), `WaitingInput`, or
//!    `Running` (budget spent: call again).
//! 5. `docker stop`: `signal(TERM)` (or the image's stop signal); PID 1 without a handler
//!    ignores it, so after the timeout send `KILL` (137). Ctrl+C on an attached
//!    terminal is `interrupt()`. Typed lines go through `feed_stdin`, Ctrl+D is
//!    `close_stdin`; while an interactive shell waits, `prompt(hostname)` is its prompt.
//!
//! # Naming the programs of an image
//!
//! A file whose content is `Data::Program(name)` runs the simulated program `name`; see
//! [`programs`] for the convention (`busybox` multi-call, `gnu:ls`, `bash`, `dash`,
//! `hello`, and anything else through `Sys::program`). Text files starting with `#!`
//! run through their interpreter.
//!
//! Invariant: everything here is deterministic and sans-IO; no input panics or hangs.

pub mod fs;
pub mod net;
pub mod process;
pub mod programs;
pub mod sh;
pub mod testing;
pub mod users;
