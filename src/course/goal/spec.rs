//! The vocabulary of goal checks: which subjects exist, which keys each accepts, and the
//! kind of value each key takes. The parser reads this table; so does the documentation.
//!
//! | subject | keys |
//! |---|---|
//! | `container` | `name` `image` `state` `exit` `publishes` `env` `network` `volume` `bind` `mount` `restart` `logs` `restarts` `cmd` `changed` |
//! | `image` | `ref` `same-as` `from-container` `built-from` `layers` `history` `env` `cmd` `exposes` `workdir` `label` |
//! | `compare` | `image` `with` `new-layers` `shared-layers` |
//! | `network` | `name` `driver` `has` |
//! | `volume` | `name` `used-by` |
//! | `repository` | `name` `tag` `same-as` |
//! | `registry` | `domain` `online` |
//! | `daemon` | `running` |
//! | `service`* | `name` `replicas` `running-tasks` `nodes` |
//! | `file` | `path` `contains` and one of `container` `volume` `image` (none: a file of the host) |
//!
//! Every subject also takes `count` (a number) and, except `repository` and `registry`,
//! `host`. Starred entries parse but answer "not supported yet" until the engine models them.
//!
//! Invariant: a key appears at most once per subject in [`KEYS`].

/// What a check is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    Container,
    Image,
    Compare,
    Network,
    Volume,
    Repository,
    Registry,
    Daemon,
    Service,
    File,
}

impl Subject {
    pub const ALL: [Subject; 10] = [
        Subject::Container,
        Subject::Image,
        Subject::Compare,
        Subject::Network,
        Subject::Volume,
        Subject::Repository,
        Subject::Registry,
        Subject::Daemon,
        Subject::Service,
        Subject::File,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Subject::Container => "container",
            Subject::Image => "image",
            Subject::Compare => "compare",
            Subject::Network => "network",
            Subject::Volume => "volume",
            Subject::Repository => "repository",
            Subject::Registry => "registry",
            Subject::Daemon => "daemon",
            Subject::Service => "service",
            Subject::File => "file",
        }
    }

    pub fn parse(word: &str) -> Option<Subject> {
        Subject::ALL.into_iter().find(|s| s.word() == word)
    }

    /// Whether `host=` makes sense (the subject lives in a daemon or on a host).
    pub fn per_host(self) -> bool {
        !matches!(self, Subject::Repository | Subject::Registry)
    }
}

/// A condition key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Name,
    Image,
    State,
    Exit,
    Publishes,
    Env,
    Network,
    Volume,
    Bind,
    Mount,
    Restart,
    Logs,
    Restarts,
    Cmd,
    Changed,
    Container,
    Ref,
    SameAs,
    FromContainer,
    BuiltFrom,
    Layers,
    History,
    Exposes,
    Workdir,
    Label,
    With,
    NewLayers,
    SharedLayers,
    Driver,
    Has,
    UsedBy,
    Tag,
    Domain,
    Online,
    Running,
    Replicas,
    RunningTasks,
    Nodes,
    Path,
    Contains,
}

/// The kind of value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text; `=`, `!=`, `~=`.
    Text,
    /// A non-negative number; `=`, `!=`, `<`, `<=`, `>`, `>=`.
    Number,
    /// `true` or `false`; `=`.
    Bool,
    /// An image reference (normalized); `=`, `!=`.
    Ref,
    /// A repository name without tag or digest; `=`.
    Repo,
    /// A container state (`running`, `exited`…); `=`, `!=`.
    State,
    /// A published port (`8080` host port, `8080:80`, `:80` any host port, `53/udp`); `=`.
    Port,
    /// A container port (`80`, `53/udp`); `=`.
    ContainerPort,
    /// A mount (`dados:/data`, `/src:/dst:ro`); `=`.
    Mount,
    /// An absolute path; `=`.
    Path,
}

/// One entry of the vocabulary.
pub struct KeySpec {
    pub subject: Subject,
    pub word: &'static str,
    pub key: Key,
    pub kind: Kind,
    /// The engine can evaluate it today.
    pub supported: bool,
}

const fn k(subject: Subject, word: &'static str, key: Key, kind: Kind, supported: bool) -> KeySpec {
    KeySpec { subject, word, key, kind, supported }
}

use Kind as K;
use Subject as S;

/// The whole vocabulary (`count` and `host` are handled by the parser for every subject).
pub const KEYS: &[KeySpec] = &[
    k(S::Container, "name", Key::Name, K::Text, true),
    k(S::Container, "image", Key::Image, K::Ref, true),
    k(S::Container, "state", Key::State, K::State, true),
    k(S::Container, "exit", Key::Exit, K::Number, true),
    k(S::Container, "publishes", Key::Publishes, K::Port, true),
    k(S::Container, "env", Key::Env, K::Text, true),
    k(S::Container, "network", Key::Network, K::Text, true),
    k(S::Container, "volume", Key::Volume, K::Mount, true),
    k(S::Container, "bind", Key::Bind, K::Mount, true),
    k(S::Container, "mount", Key::Mount, K::Path, true),
    k(S::Container, "restart", Key::Restart, K::Text, true),
    k(S::Container, "logs", Key::Logs, K::Text, true),
    k(S::Container, "restarts", Key::Restarts, K::Number, true),
    k(S::Container, "cmd", Key::Cmd, K::Text, true),
    k(S::Container, "changed", Key::Changed, K::Path, true),
    k(S::Image, "ref", Key::Ref, K::Ref, true),
    k(S::Image, "same-as", Key::SameAs, K::Ref, true),
    k(S::Image, "from-container", Key::FromContainer, K::Text, true),
    k(S::Image, "built-from", Key::BuiltFrom, K::Ref, true),
    k(S::Image, "layers", Key::Layers, K::Number, true),
    k(S::Image, "history", Key::History, K::Text, true),
    k(S::Image, "env", Key::Env, K::Text, true),
    k(S::Image, "cmd", Key::Cmd, K::Text, true),
    k(S::Image, "exposes", Key::Exposes, K::ContainerPort, true),
    k(S::Image, "workdir", Key::Workdir, K::Text, true),
    k(S::Image, "label", Key::Label, K::Text, true),
    k(S::Compare, "image", Key::Image, K::Ref, true),
    k(S::Compare, "with", Key::With, K::Ref, true),
    k(S::Compare, "new-layers", Key::NewLayers, K::Number, true),
    k(S::Compare, "shared-layers", Key::SharedLayers, K::Number, true),
    k(S::Network, "name", Key::Name, K::Text, true),
    k(S::Network, "driver", Key::Driver, K::Text, true),
    k(S::Network, "has", Key::Has, K::Text, true),
    k(S::Volume, "name", Key::Name, K::Text, true),
    k(S::Volume, "used-by", Key::UsedBy, K::Text, true),
    k(S::Repository, "name", Key::Name, K::Repo, true),
    k(S::Repository, "tag", Key::Tag, K::Text, true),
    k(S::Repository, "same-as", Key::SameAs, K::Ref, true),
    k(S::Registry, "domain", Key::Domain, K::Text, true),
    k(S::Registry, "online", Key::Online, K::Bool, true),
    k(S::Daemon, "running", Key::Running, K::Bool, true),
    k(S::Service, "name", Key::Name, K::Text, false),
    k(S::Service, "replicas", Key::Replicas, K::Number, false),
    k(S::Service, "running-tasks", Key::RunningTasks, K::Number, false),
    k(S::Service, "nodes", Key::Nodes, K::Number, false),
    k(S::File, "path", Key::Path, K::Path, true),
    k(S::File, "contains", Key::Contains, K::Text, true),
    k(S::File, "container", Key::Container, K::Text, true),
    k(S::File, "volume", Key::Volume, K::Text, true),
    k(S::File, "image", Key::Image, K::Ref, true),
];

/// The entry for `word` under `subject`.
pub fn lookup(subject: Subject, word: &str) -> Option<&'static KeySpec> {
    KEYS.iter().find(|s| s.subject == subject && s.word == word)
}

/// The keys of a subject, for error messages.
pub fn words(subject: Subject) -> Vec<&'static str> {
    KEYS.iter().filter(|s| s.subject == subject).map(|s| s.word).collect()
}

/// Whether the engine can evaluate the key today.
pub fn supported(subject: Subject, key: Key) -> bool {
    KEYS.iter().any(|s| s.subject == subject && s.key == key && s.supported)
}

/// What the engine lacks for an unsupported key, in the words a report uses.
pub fn missing(subject: Subject, key: Key) -> &'static str {
    match (subject, key) {
        (Subject::Volume, _) => "volumes",
        (Subject::Service, _) => "swarm services",
        (Subject::File, _) => "files",
        (_, Key::Changed) => "writable layer changes",
        _ => "this check",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_per_subject() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                assert!(!(a.subject == b.subject && a.word == b.word), "{} {}", a.subject.word(), a.word);
            }
        }
    }

    #[test]
    fn every_subject_has_keys_and_parses_back() {
        for s in Subject::ALL {
            assert!(!words(s).is_empty(), "{s:?}");
            assert_eq!(Subject::parse(s.word()), Some(s));
        }
    }
}
