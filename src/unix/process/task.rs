//! Tasks and frames: the explicit continuation of the interpreter. A task is one flow
//! of control with its own shell state and descriptors (the main shell, a pipeline
//! stage, a subshell, a command substitution, a background job); its frames are the
//! stack of constructs it is inside, top last.
//!
//! Protocol: a frame that finishes leaves its status in `shell.last` and is not pushed
//! back; the frame below it then resumes and reads that status.
//!
//! Invariant: frames only hold `Rc` handles on the syntax tree, so cloning a task (a
//! subshell, or a whole process) is cheap and shares the tree.

use std::rc::Rc;

use super::io::Fds;
use super::shell::{Shell, Var};
use crate::engine::clock::Time;
use crate::unix::programs::Program;
use crate::unix::sh::Parser;
use crate::unix::sh::ast::{Command, List};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TState {
    Ready,
    Sleep(Time),
    /// Waits for fd 0 to have data or reach its end.
    WaitIn,
    /// Waits for a pipe to drain.
    WaitOut(u32),
    /// Waits for these tasks to finish.
    WaitTasks(Vec<u32>),
    /// Waits for nothing that will come (a server): only a signal wakes it.
    Blocked,
    Done(i32),
}

/// What to do when awaited tasks finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterWait {
    /// `$?` = status of the last task.
    Status,
    /// A command substitution: hand the captured text to the expanding frame below.
    Subst(u32),
}

/// One construct being executed.
#[derive(Clone, Debug)]
pub enum Frame {
    /// A shell reading its program one complete command at a time.
    Script(Box<Parser>),
    /// A shell reading commands from fd 0 (a prompt, or `sh` fed by a pipe).
    Interactive {
        pending: String,
    },
    Seq {
        list: Rc<List>,
        idx: usize,
    },
    /// `ran`: 1 + index of the last pipeline that ran (0: none yet).
    AndOr {
        list: Rc<List>,
        idx: usize,
        next: usize,
        ran: usize,
    },
    Bang,
    Cmd {
        cmd: Rc<Command>,
        substs: Vec<(String, i32)>,
        saved: Option<Vec<(String, Var)>>,
    },
    If {
        cmd: Rc<Command>,
        arm: usize,
        phase: u8,
    },
    Loop {
        cmd: Rc<Command>,
        phase: u8,
        status: i32,
    },
    For {
        cmd: Rc<Command>,
        items: Option<Vec<String>>,
        i: usize,
        substs: Vec<(String, i32)>,
    },
    Case {
        cmd: Rc<Command>,
        substs: Vec<(String, i32)>,
    },
    RestoreFds(Fds),
    /// A function call boundary: restores positional parameters.
    Call {
        saved: Vec<String>,
    },
    /// A running program (applet or image program), with its PID and command line.
    Exec {
        prog: Box<dyn Program>,
        pid: u32,
        cmdline: String,
        env: Vec<(String, String)>,
    },
    Wait {
        tasks: Vec<u32>,
        then: AfterWait,
    },
    /// The `wait` builtin: like `Wait`, but a trapped signal interrupts it.
    WaitBuiltin {
        tasks: Vec<u32>,
    },
    /// The `read` builtin waiting for a line.
    Read {
        names: Vec<String>,
        raw: bool,
    },
    /// End of a trap action: restores `$?`.
    TrapEnd {
        status: i32,
    },
    /// `$?` = this when popped.
    SetLast(i32),
    /// Restores variables set only for one command (`IFS=: read a b`): `None` unsets.
    RestoreVars(Vec<(String, Option<String>)>),
}

/// One flow of control.
#[derive(Clone, Debug)]
pub struct Task {
    pub shell: Shell,
    pub frames: Vec<Frame>,
    pub fds: Fds,
    pub state: TState,
    /// PID shown by `ps` and `$!`.
    pub pid: u32,
    /// Whether this task is a shell (signals go to its traps) or a program.
    pub is_shell: bool,
    pub cmdline: String,
    /// Pipes to close when the task ends: (pipe, is the write end).
    pub closes: Vec<(u32, bool)>,
    /// Signals waiting for the shell to run their traps.
    pub pending: Vec<u32>,
    /// Background jobs started by this shell: (PID, task id).
    pub jobs: Vec<(u32, u32)>,
}

impl Task {
    pub fn new(shell: Shell, fds: Fds, pid: u32, is_shell: bool, cmdline: String) -> Task {
        Task {
            shell,
            frames: Vec::new(),
            fds,
            state: TState::Ready,
            pid,
            is_shell,
            cmdline,
            closes: Vec::new(),
            pending: Vec::new(),
            jobs: Vec::new(),
        }
    }

    pub fn done(&self) -> Option<i32> {
        match self.state {
            TState::Done(c) => Some(c),
            _ => None,
        }
    }
}
