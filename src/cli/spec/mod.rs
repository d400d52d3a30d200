//! The docker client's command tree as data: every command of docker 28.2.2 with its
//! `Use` line, description, aliases, argument rule, flags and the server-dependent gates
//! (API version, OS type, experimental, swarm role) that hide it from `--help`.
//!
//! The tables in the sibling files mirror `cli/command/**` of docker/cli v28.2.2; the help
//! texts are rendered from them ([`crate::cli::help`]), never stored verbatim.
//!
//! Invariant: within one command, flag names and shorthands are unique (including the
//! inherited `--help`), and subcommands are sorted by name as cobra sorts them.

mod builder;
mod container;
mod container_opts;
mod context;
mod image;
mod network;
mod node;
mod other;
mod plugin;
mod root;
mod service;
mod service_opts;
mod stack;
mod swarm;
mod system;
mod volume;

pub use root::{GLOBAL_FLAGS, HELP_COMMAND, HELP_FLAG, ROOT};

/// `flagsHelper.FormatHelp`: the `--format` help of list commands.
const FORMAT_HELP: &str = "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/// `flagsHelper.InspectFormatHelp`: the `--format` help of inspect commands.
const INSPECT_FORMAT_HELP: &str = "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/// How many positional arguments a command accepts (docker's `cli.*Args` rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Args {
    /// Any number (cobra's `ArbitraryArgs`).
    Any,
    /// `cli.NoArgs`.
    None,
    /// `cli.RequiresMinArgs(n)`.
    Min(u8),
    /// `cli.RequiresMaxArgs(n)`.
    Max(u8),
    /// `cli.ExactArgs(n)`.
    Exact(u8),
    /// `cli.RequiresRangeArgs(min, max)`.
    Range(u8, u8),
    /// cobra's own `cobra.ExactArgs(n)` (different wording).
    CobraExact(u8),
    /// `docker service scale`: at least one `SERVICE=REPLICAS`.
    ServiceScale,
}

/// What running the command itself (not `--help`) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A handler runs (see [`crate::cli::dispatch`]).
    Run,
    /// Management command: prints its help on stderr, exit 0.
    ShowHelp,
    /// `docker manifest`: prints a newline and its usage on stderr, exit 0.
    ManifestUsage,
}

/// Annotations that make a command or flag depend on the daemon it talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gate {
    /// Minimum API version ("1.41"), "" for none.
    pub version: &'static str,
    /// Only on a daemon of this OS type ("linux", "windows"), "" for any.
    pub ostype: &'static str,
    /// Only on a daemon with experimental features.
    pub experimental: bool,
    /// Swarm requirement: `Some("manager")`, `Some("active")`, `Some("")` or none.
    pub swarm: Option<&'static str>,
}

impl Gate {
    pub const NONE: Gate = Gate {
        version: "",
        ostype: "",
        experimental: false,
        swarm: None,
    };

    pub fn is_none(&self) -> bool {
        *self == Gate::NONE
    }
}

/// Extra validation a list or map flag applies to each value (docker's `opts.Validate*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    None,
    Attach,
    DeviceCgroupRule,
    IpAddr,
    DnsSearch,
    Env,
    ExtraHost,
    Label,
    Link,
    Sysctl,
    Tag,
    GenericResource,
    /// `--blkio-weight-device` (a list that prints `[]` as its default).
    WeightDevice,
    ThrottleBps,
    ThrottleIops,
}

/// The Go type behind a flag: decides how a value is parsed, its error texts and the type
/// word shown in `--help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Str,
    Int,
    Uint,
    Uint16,
    Uint32,
    Float,
    Duration,
    /// `opts.MemBytes` (`512m`).
    Bytes,
    /// `opts.MemSwapBytes` (`-1` or bytes).
    MemSwap,
    /// `opts.NanoCPUs` (`1.5`).
    NanoCpus,
    List(Check),
    Map(Check),
    /// pflag `stringSlice` (comma separated).
    Strings,
    StringToString,
    Filter,
    Ulimit,
    Mount,
    Network,
    Gpus,
    Port,
    Pref,
    Command,
    ExternalCa,
    Secret,
    Config,
    CredentialSpec,
    PemFile,
    NodeAddr,
    IpNetSlice,
}

impl Kind {
    /// The type word `--help` prints after the flag name ("" for booleans).
    pub fn type_name(self) -> &'static str {
        match self {
            Kind::Bool => "",
            Kind::Str => "string",
            Kind::Int => "int",
            Kind::Uint => "uint",
            Kind::Uint16 => "uint16",
            Kind::Uint32 => "uint32",
            Kind::Float => "float",
            Kind::Duration => "duration",
            Kind::Bytes | Kind::MemSwap => "bytes",
            Kind::NanoCpus => "decimal",
            Kind::List(_) => "list",
            Kind::Map(_) => "map",
            Kind::Strings => "strings",
            Kind::StringToString => "stringToString",
            Kind::Filter => "filter",
            Kind::Ulimit => "ulimit",
            Kind::Mount => "mount",
            Kind::Network => "network",
            Kind::Gpus => "gpu-request",
            Kind::Port => "port",
            Kind::Pref => "pref",
            Kind::Command => "command",
            Kind::ExternalCa => "external-ca",
            Kind::Secret => "secret",
            Kind::Config => "config",
            Kind::CredentialSpec => "credential-spec",
            Kind::PemFile => "pem-file",
            Kind::NodeAddr => "node-addr",
            Kind::IpNetSlice => "ipNetSlice",
        }
    }

    /// Values accumulate over repeated use (`-e A -e B`).
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Kind::List(_)
                | Kind::Map(_)
                | Kind::Strings
                | Kind::StringToString
                | Kind::Filter
                | Kind::Ulimit
                | Kind::Mount
                | Kind::Gpus
                | Kind::Port
                | Kind::Pref
                | Kind::ExternalCa
                | Kind::Secret
                | Kind::Config
                | Kind::IpNetSlice
                | Kind::Network
        )
    }
}

/// One flag of one command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagSpec {
    pub name: &'static str,
    /// One ASCII letter, or "".
    pub short: &'static str,
    pub kind: Kind,
    pub usage: &'static str,
    /// The default as pflag prints it (`DefValue`); "" means the type's zero value.
    pub def: &'static str,
    pub hidden: bool,
    /// Deprecation message (the flag is then hidden and warns when used).
    pub deprecated: &'static str,
    /// Deprecation message for the shorthand only.
    pub short_deprecated: &'static str,
    /// Value used when the flag is given without one (`NoOptDefVal`); "true" for booleans.
    pub no_opt: &'static str,
    /// Another flag of the same command this one writes to (`--net` → `network`).
    pub shares: &'static str,
    /// Inherited by subcommands (cobra's persistent flags).
    pub persistent: bool,
    pub gate: Gate,
}

/// Starts a flag definition; chain the modifiers below.
pub const fn f(
    name: &'static str,
    short: &'static str,
    kind: Kind,
    usage: &'static str,
) -> FlagSpec {
    let no_opt = if matches!(kind, Kind::Bool) {
        "true"
    } else {
        ""
    };
    FlagSpec {
        name,
        short,
        kind,
        usage,
        def: "",
        hidden: false,
        deprecated: "",
        short_deprecated: "",
        no_opt,
        shares: "",
        persistent: false,
        gate: Gate::NONE,
    }
}

impl FlagSpec {
    pub const fn def(mut self, def: &'static str) -> Self {
        self.def = def;
        self
    }
    pub const fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }
    pub const fn deprecated(mut self, msg: &'static str) -> Self {
        self.deprecated = msg;
        self.hidden = true;
        self
    }
    pub const fn short_deprecated(mut self, msg: &'static str) -> Self {
        self.short_deprecated = msg;
        self
    }
    pub const fn shares(mut self, other: &'static str) -> Self {
        self.shares = other;
        self
    }
    pub const fn persistent(mut self) -> Self {
        self.persistent = true;
        self
    }
    pub const fn version(mut self, v: &'static str) -> Self {
        self.gate.version = v;
        self
    }
    pub const fn ostype(mut self, os: &'static str) -> Self {
        self.gate.ostype = os;
        self
    }
    pub const fn experimental(mut self) -> Self {
        self.gate.experimental = true;
        self
    }
    pub const fn swarm(mut self, s: &'static str) -> Self {
        self.gate.swarm = Some(s);
        self
    }

    /// Where the value is stored: the shared flag's name or this one's.
    pub fn key(&self) -> &'static str {
        if self.shares.is_empty() {
            self.name
        } else {
            self.shares
        }
    }

    /// The default as a typed value would print it, or the type's zero value.
    pub fn default_text(&self) -> &'static str {
        if !self.def.is_empty() {
            return self.def;
        }
        match self.kind {
            Kind::Bool => "false",
            Kind::Int | Kind::Uint | Kind::Uint16 | Kind::Uint32 | Kind::Float => "0",
            Kind::Duration => "0s",
            _ => "",
        }
    }
}

/// One command of the tree.
#[derive(Clone, Copy, Debug)]
pub struct CommandSpec {
    /// The first word of `use_line`.
    pub name: &'static str,
    /// cobra's `Use`: `"ls [OPTIONS]"`.
    pub use_line: &'static str,
    pub short: &'static str,
    /// cobra's `Long` ("" when the short description is used).
    pub long: &'static str,
    /// Other names the command answers to (`docker container list`).
    pub aliases: &'static [&'static str],
    /// The `aliases` annotation shown under "Aliases:" ("" to derive it from `aliases`).
    pub aliases_text: &'static str,
    pub args: Args,
    /// Flag groups (concatenated; shared groups avoid duplicating run/create's options).
    pub flags: &'static [&'static [FlagSpec]],
    /// Sorted by name.
    pub subcommands: &'static [&'static CommandSpec],
    pub gate: Gate,
    /// Position under "Common Commands" in `docker --help` (0: not there).
    pub category_top: u8,
    /// Marked experimental in its help (`experimentalCLI`).
    pub experimental_cli: bool,
    pub hidden: bool,
    /// Flags may follow positional arguments (false: parsing stops at the first one).
    pub interspersed: bool,
    pub action: Action,
}

impl CommandSpec {
    /// A leaf command run by a handler.
    pub const LEAF: CommandSpec = CommandSpec {
        name: "",
        use_line: "",
        short: "",
        long: "",
        aliases: &[],
        aliases_text: "",
        args: Args::Any,
        flags: &[],
        subcommands: &[],
        gate: Gate::NONE,
        category_top: 0,
        experimental_cli: false,
        hidden: false,
        interspersed: true,
        action: Action::Run,
    };

    /// A management command (`docker image`): no arguments, shows its help.
    pub const GROUP: CommandSpec = CommandSpec {
        args: Args::None,
        action: Action::ShowHelp,
        ..CommandSpec::LEAF
    };

    /// Own flags, in definition order.
    pub fn own_flags(&self) -> impl Iterator<Item = &'static FlagSpec> + use<> {
        self.flags.iter().flat_map(|group| group.iter())
    }

    pub fn has_subcommands(&self) -> bool {
        !self.subcommands.is_empty()
    }

    /// The subcommand called `word` (by name or alias).
    pub fn find_sub(&self, word: &str) -> Option<&'static CommandSpec> {
        self.subcommands
            .iter()
            .copied()
            .find(|c| c.name == word || c.aliases.contains(&word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(c: &'static CommandSpec, path: &mut Vec<&'static str>, out: &mut Vec<String>) {
        let mut names: Vec<&str> = Vec::new();
        let mut shorts: Vec<&str> = Vec::new();
        for fl in c.own_flags() {
            assert!(
                !names.contains(&fl.name),
                "{path:?}: duplicate flag {}",
                fl.name
            );
            names.push(fl.name);
            if !fl.short.is_empty() {
                assert!(
                    !shorts.contains(&fl.short),
                    "{path:?}: duplicate -{}",
                    fl.short
                );
                shorts.push(fl.short);
            }
            if !fl.shares.is_empty() {
                assert!(
                    c.own_flags().any(|o| o.name == fl.shares),
                    "{path:?}: {} shares nothing",
                    fl.name
                );
            }
        }
        assert_eq!(c.use_line.split(' ').next(), Some(c.name), "{path:?}");
        let mut prev = "";
        for sub in c.subcommands {
            assert!(sub.name > prev, "{path:?}: {} not sorted", sub.name);
            prev = sub.name;
            path.push(sub.name);
            out.push(path.join(" "));
            walk(sub, path, out);
            path.pop();
        }
    }

    #[test]
    fn tree_is_well_formed() {
        let mut all = Vec::new();
        walk(&ROOT, &mut Vec::new(), &mut all);
        assert!(all.len() > 180, "{}", all.len());
    }
}
