//! Descriptors and the buffers behind them: what a task's fd 0, 1, 2… point to (the
//! process's own stdout/stderr, a file, a pipe between two tasks, a capture buffer for
//! `$(…)`, a here-document), and the [`Io`] handle programs use to read and write.
//!
//! Invariant: buffers are bounded: a pipe holds at most [`PIPE_CAP`] bytes before its
//! writer waits, and a capture at most [`CAPTURE_CAP`] bytes.

use std::collections::BTreeMap;

use super::{Stream, Sys};
use crate::engine::clock::Time;
use crate::unix::fs::{Cred, Fs};

/// Bytes a pipe buffers before its writer must wait.
pub const PIPE_CAP: usize = 64 * 1024;
/// Bytes a command substitution keeps.
pub const CAPTURE_CAP: usize = 1024 * 1024;

/// Where writes to a descriptor go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Out {
    Stdout,
    Stderr,
    Null,
    /// Appends to this file (it was truncated when opened with `>`).
    File(String),
    Pipe(u32),
    Capture(u32),
}

/// Where reads from a descriptor come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum In {
    /// The process's standard input (`docker run -i`, the terminal).
    Stdin,
    Null,
    Pipe(u32),
    /// A file's content or a here-document, read when opened.
    Text(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fd {
    Out(Out),
    In(In),
}

pub type Fds = BTreeMap<u32, Fd>;

/// The standard descriptors of a fresh process.
pub fn std_fds(stdin_open: bool) -> Fds {
    let mut f = Fds::new();
    f.insert(0, Fd::In(if stdin_open { In::Stdin } else { In::Null }));
    f.insert(1, Fd::Out(Out::Stdout));
    f.insert(2, Fd::Out(Out::Stderr));
    f
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pipe {
    pub data: String,
    pub write_closed: bool,
    pub read_closed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextBuf {
    pub data: String,
    pub pos: usize,
}

/// Every buffer of one process.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Buffers {
    pub pipes: BTreeMap<u32, Pipe>,
    pub captures: BTreeMap<u32, String>,
    pub texts: BTreeMap<u32, TextBuf>,
    pub stdin: String,
    pub stdin_closed: bool,
    /// Ctrl+D typed on the terminal: the next read of stdin that finds nothing gets end of
    /// file, once (a terminal stays open after it, unlike a closed pipe).
    pub stdin_eof: bool,
    pub next: u32,
    /// Bytes written to the process's stdout/stderr during the current `run`.
    pub written: u64,
}

impl Buffers {
    pub fn fresh_id(&mut self) -> u32 {
        self.next += 1;
        self.next
    }
    pub fn new_pipe(&mut self) -> u32 {
        let id = self.fresh_id();
        self.pipes.insert(id, Pipe::default());
        id
    }
    pub fn new_capture(&mut self) -> u32 {
        let id = self.fresh_id();
        self.captures.insert(id, String::new());
        id
    }
    pub fn new_text(&mut self, data: String) -> u32 {
        let id = self.fresh_id();
        self.texts.insert(id, TextBuf { data, pos: 0 });
        id
    }
}

/// Result of a read attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    Data(String),
    Eof,
    /// Nothing yet; the writer is still there.
    WouldBlock,
}

/// What a program sees of the system while it runs one step.
pub struct Io<'a> {
    pub fds: &'a Fds,
    pub bufs: &'a mut Buffers,
    pub sys: &'a mut dyn Sys,
    pub now: Time,
    pub cwd: &'a str,
    pub env: &'a [(String, String)],
    pub cred: Cred,
    /// Set when a write hit a pipe nobody reads any more (the program gets SIGPIPE).
    pub broken_pipe: bool,
    /// Set when a write filled a pipe (the program should yield).
    pub pipe_full: bool,
    /// Standard output is a terminal (`ls` prints columns).
    pub tty: bool,
}

impl Io<'_> {
    pub fn out(&mut self, text: &str) {
        self.write_fd(1, text);
    }
    pub fn err(&mut self, text: &str) {
        self.write_fd(2, text);
    }
    pub fn fs(&mut self) -> &mut dyn Fs {
        self.sys.fs()
    }
    /// An environment variable.
    pub fn getenv(&self, name: &str) -> Option<&str> {
        self.env.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    /// Makes `p` absolute against the working directory.
    pub fn abs(&self, p: &str) -> String {
        crate::unix::fs::path::absolute(self.cwd, p)
    }

    pub fn write_fd(&mut self, fd: u32, text: &str) {
        if let Some(Fd::Out(o)) = self.fds.get(&fd) {
            let o = o.clone();
            write_out(&o, text, self.bufs, self.sys, self.now, self.cred, &mut self.broken_pipe, &mut self.pipe_full)
        }
    }

    /// Whether fd 0 is the terminal / process stdin (not a pipe or file).
    pub fn stdin_is_terminal(&self) -> bool {
        matches!(self.fds.get(&0), Some(Fd::In(In::Stdin)))
    }

    /// Reads what is available on fd 0.
    pub fn read(&mut self) -> Read {
        read_in(self.fds.get(&0), self.bufs, usize::MAX)
    }

    /// Reads one line (with its newline) from fd 0, or the rest at end of input.
    pub fn read_line(&mut self) -> Read {
        read_line_in(self.fds.get(&0), self.bufs)
    }

    /// All of fd 0 once its writer is done; `None` while more may come.
    pub fn read_all(&mut self) -> Option<String> {
        if !input_done(self.fds.get(&0), self.bufs) {
            return None;
        }
        match self.read() {
            Read::Data(s) => Some(s),
            _ => Some(String::new()),
        }
    }
}

/// Whether the input behind `fd` has reached its end (writer closed).
pub fn input_done(fd: Option<&Fd>, bufs: &Buffers) -> bool {
    match fd {
        Some(Fd::In(In::Stdin)) => bufs.stdin_closed || bufs.stdin_eof,
        Some(Fd::In(In::Pipe(id))) => bufs.pipes.get(id).is_none_or(|p| p.write_closed),
        _ => true,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn write_out(
    o: &Out,
    text: &str,
    bufs: &mut Buffers,
    sys: &mut dyn Sys,
    now: Time,
    cred: Cred,
    broken: &mut bool,
    full: &mut bool,
) {
    if text.is_empty() {
        return;
    }
    match o {
        Out::Stdout => {
            bufs.written += text.len() as u64;
            sys.write(now, Stream::Stdout, text)
        }
        Out::Stderr => {
            bufs.written += text.len() as u64;
            sys.write(now, Stream::Stderr, text)
        }
        Out::Null => {}
        Out::File(path) => {
            let _ = sys.fs().write(path, text.as_bytes(), true, cred, now);
        }
        Out::Pipe(id) => match bufs.pipes.get_mut(id) {
            Some(p) if !p.read_closed => {
                p.data.push_str(text);
                if p.data.len() >= PIPE_CAP {
                    *full = true;
                }
            }
            _ => *broken = true,
        },
        Out::Capture(id) => {
            if let Some(c) = bufs.captures.get_mut(id)
                && c.len() < CAPTURE_CAP
            {
                c.push_str(text);
            }
        }
    }
}

fn take(s: &mut String, n: usize) -> String {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n += 1;
    }
    let rest = s.split_off(n);
    std::mem::replace(s, rest)
}

pub fn read_in(fd: Option<&Fd>, bufs: &mut Buffers, max: usize) -> Read {
    match fd {
        Some(Fd::In(In::Stdin)) => {
            if !bufs.stdin.is_empty() {
                Read::Data(take(&mut bufs.stdin, max))
            } else if bufs.stdin_closed {
                Read::Eof
            } else if bufs.stdin_eof {
                bufs.stdin_eof = false;
                Read::Eof
            } else {
                Read::WouldBlock
            }
        }
        Some(Fd::In(In::Pipe(id))) => match bufs.pipes.get_mut(id) {
            Some(p) if !p.data.is_empty() => Read::Data(take(&mut p.data, max)),
            Some(p) if !p.write_closed => Read::WouldBlock,
            _ => Read::Eof,
        },
        Some(Fd::In(In::Text(id))) => match bufs.texts.get_mut(id) {
            Some(t) if t.pos < t.data.len() => {
                let mut end = (t.pos.saturating_add(max)).min(t.data.len());
                while !t.data.is_char_boundary(end) {
                    end += 1;
                }
                let s = t.data[t.pos..end].to_string();
                t.pos = end;
                Read::Data(s)
            }
            _ => Read::Eof,
        },
        _ => Read::Eof,
    }
}

/// Reads up to and including the next newline.
pub fn read_line_in(fd: Option<&Fd>, bufs: &mut Buffers) -> Read {
    let (avail, done): (Option<&str>, bool) = match fd {
        Some(Fd::In(In::Stdin)) => (Some(bufs.stdin.as_str()), bufs.stdin_closed || bufs.stdin_eof),
        Some(Fd::In(In::Pipe(id))) => match bufs.pipes.get(id) {
            Some(p) => (Some(p.data.as_str()), p.write_closed),
            None => (None, true),
        },
        Some(Fd::In(In::Text(id))) => match bufs.texts.get(id) {
            Some(t) => (Some(&t.data[t.pos..]), true),
            None => (None, true),
        },
        _ => (None, true),
    };
    let Some(avail) = avail else { return Read::Eof };
    let terminal = matches!(fd, Some(Fd::In(In::Stdin)));
    match avail.find('\n') {
        Some(i) => read_in(fd, bufs, i + 1),
        None if done && avail.is_empty() => {
            if terminal {
                bufs.stdin_eof = false;
            }
            Read::Eof
        }
        None if done => {
            // Ctrl+D after a partial line hands over that text; the next Ctrl+D ends input
            let text = read_in(fd, bufs, usize::MAX);
            if terminal && !bufs.stdin_closed {
                bufs.stdin_eof = false;
            }
            text
        }
        None => Read::WouldBlock,
    }
}

impl Buffers {
    /// Drops every pipe, capture and text no descriptor in `live` refers to.
    pub fn collect(&mut self, live: &std::collections::BTreeSet<u32>) {
        self.pipes.retain(|k, _| live.contains(k));
        self.captures.retain(|k, _| live.contains(k));
        self.texts.retain(|k, _| live.contains(k));
    }

    /// How many buffers exist.
    pub fn count(&self) -> usize {
        self.pipes.len() + self.captures.len() + self.texts.len()
    }
}

/// Buffer ids a descriptor table refers to.
pub fn ids_in(fds: &Fds, out: &mut std::collections::BTreeSet<u32>) {
    for fd in fds.values() {
        match fd {
            Fd::Out(Out::Pipe(id)) | Fd::Out(Out::Capture(id)) | Fd::In(In::Pipe(id)) | Fd::In(In::Text(id)) => {
                out.insert(*id);
            }
            _ => {}
        }
    }
}
