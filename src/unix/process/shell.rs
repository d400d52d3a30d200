//! The state of one shell: variables (in the order they were defined, so `env` prints
//! them like the real environment), functions, positional parameters, working
//! directory, traps, options, and the dialect-specific wording of its error prefixes.
//!
//! Invariant: a subshell is a clone; nothing it changes reaches its parent.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::unix::fs::Cred;
use crate::unix::sh::ast::Command;
use crate::unix::sh::{Dialect, Origin};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Var {
    pub value: String,
    pub exported: bool,
    pub readonly: bool,
}

/// One shell's state.
#[derive(Clone, Debug)]
pub struct Shell {
    pub vars: Vec<(String, Var)>,
    pub funcs: BTreeMap<String, Rc<Command>>,
    pub positional: Vec<String>,
    /// `$0`: how the shell names itself in messages (`sh`, `bash`, a script path).
    pub argv0: String,
    /// Logical working directory (`$PWD`).
    pub cwd: String,
    /// `$?`
    pub last: i32,
    /// `$?` as it was before the builtin now running (`exit`, `return` use it).
    pub prev: i32,
    /// `$!`
    pub last_bg: Option<u32>,
    /// `$$`
    pub pid: u32,
    pub dialect: Dialect,
    pub origin: Origin,
    pub interactive: bool,
    /// Signal number → action (`""` ignores).
    pub traps: BTreeMap<u32, String>,
    pub errexit: bool,
    pub xtrace: bool,
    pub nounset: bool,
    /// Line of the command being run.
    pub line: u32,
    pub cred: Cred,
    /// Function call depth.
    pub depth: u32,
}

impl Shell {
    pub fn new(
        dialect: Dialect,
        argv0: &str,
        origin: Origin,
        env: &[(String, String)],
        cwd: &str,
        cred: Cred,
        pid: u32,
    ) -> Shell {
        let mut sh = Shell {
            vars: Vec::new(),
            funcs: BTreeMap::new(),
            positional: Vec::new(),
            argv0: argv0.to_string(),
            cwd: cwd.to_string(),
            last: 0,
            prev: 0,
            last_bg: None,
            pid,
            dialect,
            origin,
            interactive: false,
            traps: BTreeMap::new(),
            errexit: false,
            xtrace: false,
            nounset: false,
            line: 1,
            cred,
            depth: 0,
        };
        for (k, v) in env {
            sh.vars.push((k.clone(), Var { value: v.clone(), exported: true, readonly: false }));
        }
        if sh.get("PWD").is_none_or(|p| p != cwd) {
            sh.set_exported("PWD", cwd);
        }
        // ash and bash count nested shells in SHLVL (dash does not).
        if matches!(dialect, Dialect::Ash | Dialect::Bash) {
            let level = sh.get("SHLVL").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0) + 1;
            sh.set_exported("SHLVL", &level.to_string());
        }
        sh
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.value.as_str())
    }

    fn var_mut(&mut self, name: &str) -> Option<&mut Var> {
        self.vars.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Sets a variable; `Err` with the message body if it is read-only.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        if let Some(v) = self.var_mut(name) {
            if v.readonly {
                return Err(name.to_string());
            }
            v.value = value.to_string();
        } else {
            self.vars.push((name.to_string(), Var { value: value.to_string(), exported: false, readonly: false }));
        }
        Ok(())
    }

    pub fn set_exported(&mut self, name: &str, value: &str) {
        let _ = self.set(name, value);
        self.export(name);
    }

    pub fn export(&mut self, name: &str) {
        match self.var_mut(name) {
            Some(v) => v.exported = true,
            None => self.vars.push((name.to_string(), Var { value: String::new(), exported: true, readonly: false })),
        }
    }

    pub fn readonly(&mut self, name: &str) {
        if let Some(v) = self.var_mut(name) {
            v.readonly = true;
        } else {
            self.vars.push((name.to_string(), Var { value: String::new(), exported: false, readonly: true }));
        }
    }

    pub fn unset(&mut self, name: &str) -> Result<(), String> {
        if self.var_mut(name).is_some_and(|v| v.readonly) {
            return Err(name.to_string());
        }
        self.vars.retain(|(k, _)| k != name);
        Ok(())
    }

    /// The environment passed to programs: exported variables in definition order.
    pub fn env(&self) -> Vec<(String, String)> {
        self.vars.iter().filter(|(_, v)| v.exported).map(|(k, v)| (k.clone(), v.value.clone())).collect()
    }

    /// `$HOME`, or `/`.
    pub fn home(&self) -> String {
        self.get("HOME").unwrap_or("/").to_string()
    }

    /// `PATH` or the default one.
    pub fn path(&self) -> String {
        self.get("PATH").unwrap_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").to_string()
    }

    /// Prefix of an error about a command (`sh: `, `sh: 1: `, `bash: line 1: `).
    pub fn prefix(&self) -> String {
        let name = match &self.origin {
            Origin::Script(s) => s.as_str(),
            _ => self.argv0.as_str(),
        };
        match (self.dialect, &self.origin) {
            (Dialect::Ash, Origin::Script(_)) => format!("{name}: line {}: ", self.line),
            (Dialect::Ash, _) => format!("{name}: "),
            (Dialect::Dash, _) => format!("{name}: {}: ", self.line),
            (Dialect::Bash, Origin::Interactive) => format!("{name}: "),
            (Dialect::Bash, _) => format!("{name}: line {}: ", self.line),
        }
    }

    /// Prefix of an error inside a builtin (`sh: cd: line 0: `, `sh: 1: cd: `, `bash: line 1: cd: `).
    pub fn builtin_prefix(&self, builtin: &str) -> String {
        let name = match &self.origin {
            Origin::Script(s) => s.as_str(),
            _ => self.argv0.as_str(),
        };
        match (self.dialect, &self.origin) {
            (Dialect::Ash, Origin::Script(_)) => format!("{name}: {builtin}: line {}: ", self.line),
            (Dialect::Ash, Origin::CommandString) => {
                format!("{name}: {builtin}: line {}: ", self.line.saturating_sub(1))
            }
            (Dialect::Ash, Origin::Interactive) => format!("{name}: {builtin}: "),
            (Dialect::Dash, _) => format!("{name}: {}: {builtin}: ", self.line),
            (Dialect::Bash, Origin::Interactive) => format!("{name}: {builtin}: "),
            (Dialect::Bash, _) => format!("{name}: line {}: {builtin}: ", self.line),
        }
    }
}
