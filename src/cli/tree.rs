//! A command located in the tree: the chain from `docker` down to it. The same
//! [`CommandSpec`] can sit under two parents (`docker attach` and `docker container
//! attach`), so everything that depends on the parent (command path, usage line, name
//! padding, inherited flags) is computed from the chain.
//!
//! Invariant: `chain` is never empty and starts at [`spec::ROOT`].

use super::spec::{self, CommandSpec, FlagSpec};

/// A command and its ancestors.
#[derive(Clone, Debug)]
pub struct Cmd {
    chain: Vec<&'static CommandSpec>,
}

impl Default for Cmd {
    fn default() -> Self {
        Cmd::root()
    }
}

impl Cmd {
    pub fn root() -> Cmd {
        Cmd {
            chain: vec![&spec::ROOT],
        }
    }

    /// Follows names or aliases from the root; `None` if one does not exist.
    pub fn find(path: &[&str]) -> Option<Cmd> {
        let mut cmd = Cmd::root();
        for word in path {
            cmd = cmd.child(word)?;
        }
        Some(cmd)
    }

    /// The subcommand called `word` (name or alias).
    pub fn child(&self, word: &str) -> Option<Cmd> {
        let sub = match self.spec().find_sub(word) {
            Some(sub) => sub,
            None if self.is_root() && word == "help" => &spec::HELP_COMMAND,
            None => return None,
        };
        let mut chain = self.chain.clone();
        chain.push(sub);
        Some(Cmd { chain })
    }

    pub fn spec(&self) -> &'static CommandSpec {
        self.chain[self.chain.len() - 1]
    }

    pub fn chain(&self) -> &[&'static CommandSpec] {
        &self.chain
    }

    pub fn is_root(&self) -> bool {
        self.chain.len() == 1
    }

    pub fn parent(&self) -> Option<Cmd> {
        (!self.is_root()).then(|| Cmd {
            chain: self.chain[..self.chain.len() - 1].to_vec(),
        })
    }

    /// Names below the root: `["container", "ls"]`.
    pub fn path(&self) -> Vec<&'static str> {
        self.chain[1..].iter().map(|c| c.name).collect()
    }

    /// cobra's `CommandPath`: `docker container ls`.
    pub fn command_path(&self) -> String {
        self.chain
            .iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// cobra's `UseLine` (flags disabled in use lines, as docker does).
    pub fn use_line(&self) -> String {
        match self.parent() {
            Some(p) => format!("{} {}", p.command_path(), self.spec().use_line),
            None => self.spec().use_line.to_string(),
        }
    }

    /// cobra's `NamePadding`: the longest sibling name, at least 11.
    pub fn name_padding(&self) -> usize {
        match self.parent() {
            Some(p) => p
                .spec()
                .subcommands
                .iter()
                .map(|c| c.name.len())
                .max()
                .unwrap_or(0)
                .max(11),
            None => 11,
        }
    }

    /// Every flag this command parses: its own, then the persistent flags of its
    /// ancestors (`--help`) that no own flag overrides.
    pub fn flags(&self) -> Vec<&'static FlagSpec> {
        let mut out: Vec<&'static FlagSpec> = self.spec().own_flags().collect();
        let mut inherited: Vec<&'static FlagSpec> = vec![&spec::HELP_FLAG];
        for anc in &self.chain[..self.chain.len() - 1] {
            inherited.extend(anc.own_flags().filter(|f| f.persistent));
        }
        for fl in inherited {
            if !out.iter().any(|o| o.name == fl.name) {
                out.push(fl);
            }
        }
        out
    }

    /// Whether this command or an ancestor carries any annotation (docker wraps such
    /// commands' argument validation with `isSupported`).
    pub fn has_tags(&self) -> bool {
        self.chain.iter().any(|c| {
            !c.gate.is_none()
                || c.category_top != 0
                || !c.aliases_text.is_empty()
                || c.experimental_cli
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_use_lines() {
        let ls = Cmd::find(&["container", "list"]).unwrap();
        assert_eq!(ls.command_path(), "docker container ls");
        assert_eq!(ls.use_line(), "docker container ls [OPTIONS]");
        assert_eq!(Cmd::root().use_line(), "docker [OPTIONS] COMMAND [ARG...]");
        assert!(Cmd::find(&["container", "nope"]).is_none());
        let run = Cmd::find(&["run"]).unwrap();
        assert!(
            run.flags()
                .iter()
                .any(|f| f.name == "help" && f.short.is_empty())
        );
        assert_eq!(run.flags().iter().filter(|f| f.name == "help").count(), 1);
    }
}
