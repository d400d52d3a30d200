//! Signals: numbers and names as Linux (x86-64) has them, and what delivering one did.
//!
//! Invariant: a fatal signal `n` ends a process with status `128 + n`.

/// A signal number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Signal(pub u32);

const NAMES: &[(u32, &str)] = &[
    (1, "HUP"),
    (2, "INT"),
    (3, "QUIT"),
    (4, "ILL"),
    (5, "TRAP"),
    (6, "ABRT"),
    (7, "BUS"),
    (8, "FPE"),
    (9, "KILL"),
    (10, "USR1"),
    (11, "SEGV"),
    (12, "USR2"),
    (13, "PIPE"),
    (14, "ALRM"),
    (15, "TERM"),
    (17, "CHLD"),
    (18, "CONT"),
    (19, "STOP"),
    (20, "TSTP"),
    (28, "WINCH"),
];

impl Signal {
    pub const HUP: Signal = Signal(1);
    pub const INT: Signal = Signal(2);
    pub const QUIT: Signal = Signal(3);
    pub const KILL: Signal = Signal(9);
    pub const USR1: Signal = Signal(10);
    pub const USR2: Signal = Signal(12);
    pub const PIPE: Signal = Signal(13);
    pub const TERM: Signal = Signal(15);
    pub const CHLD: Signal = Signal(17);
    pub const WINCH: Signal = Signal(28);

    /// Parses `TERM`, `SIGTERM`, `term`, `15`.
    pub fn parse(s: &str) -> Option<Signal> {
        if let Ok(n) = s.parse::<u32>() {
            return (n < 65).then_some(Signal(n));
        }
        let up = s.to_ascii_uppercase();
        let name = up.strip_prefix("SIG").unwrap_or(&up);
        NAMES.iter().find(|(_, n)| *n == name).map(|(k, _)| Signal(*k))
    }

    /// `TERM` (no `SIG` prefix); numbers without a name print as digits.
    pub fn name(self) -> String {
        NAMES.iter().find(|(k, _)| *k == self.0).map_or_else(|| self.0.to_string(), |(_, n)| n.to_string())
    }

    /// Whether the default action is to ignore it (CHLD, WINCH…).
    pub fn ignored_by_default(self) -> bool {
        matches!(self.0, 17 | 18 | 28 | 23)
    }
}

/// What delivering a signal did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalEffect {
    /// Nothing happened (PID 1 without a handler, or an ignored signal).
    Ignored,
    /// A handler runs (a shell `trap`, a server's graceful shutdown); the process goes on
    /// or exits by itself later: keep calling `run`.
    Handled,
    /// The process ended with this status (`128 + n` for a fatal signal).
    Exited(i32),
}
