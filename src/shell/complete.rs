//! Tab completion for the learner's terminal: the first word completes to commands; after
//! `docker`, to subcommands, then to flags (`--`) or to the names the command takes
//! (containers, images, networks); other words complete to file names on the host.
//!
//! Invariant: completion only reads the session; every candidate starts with the word
//! being completed.

use super::Session;
use super::host_fs;
use crate::cli::Cmd;
use crate::engine::reference;

/// Commands the host shell knows, for the first word.
const COMMANDS: &[&str] = &[
    "basename", "cat", "cd", "chmod", "clear", "cp", "cut", "date", "dirname", "docker", "echo",
    "env", "exit", "export", "false", "grep", "head", "help", "history", "hostname", "id", "kill",
    "ln", "ls", "mkdir", "mv", "printf", "ps", "pwd", "rm", "rmdir", "seq", "sleep", "sort",
    "tail", "tee", "test", "touch", "tr", "true", "uname", "uniq", "unset", "wc", "which",
    "whoami", "xargs",
];

/// What a docker command's operands are.
enum Operand {
    Container { running_only: bool, stopped_only: bool },
    Image,
    Network,
    None,
}

fn operand_of(path: &[&str]) -> Operand {
    let canonical = crate::cli::dispatch::canonical_path(path);
    match canonical.as_str() {
        "container start" => Operand::Container { running_only: false, stopped_only: true },
        "container stop" | "container kill" | "container pause" | "container exec" | "container top"
        | "container attach" | "container stats" | "container restart" => {
            Operand::Container { running_only: true, stopped_only: false }
        }
        "container unpause" | "container rm" | "container logs" | "container inspect"
        | "container rename" | "container wait" | "container diff" | "container commit"
        | "container port" | "inspect" => Operand::Container { running_only: false, stopped_only: false },
        "container run" | "container create" | "image rm" | "image history" | "image inspect"
        | "image tag" | "image push" | "image pull" | "image save" => Operand::Image,
        "network rm" | "network inspect" | "network connect" | "network disconnect" => Operand::Network,
        _ => Operand::None,
    }
}

/// Candidates for the word ending at `cursor`.
pub fn complete(s: &Session, line: &str, cursor: usize) -> Vec<String> {
    let Some(before) = line.get(..cursor.min(line.len())) else { return Vec::new() };
    let start = before.rfind([' ', '\t']).map_or(0, |i| i + 1);
    let word = &before[start..];
    let words: Vec<&str> = before[..start].split_whitespace().collect();
    // The words of the current simple command (after ; | && ||).
    let cmd_start = words.iter().rposition(|w| matches!(*w, ";" | "|" | "&&" | "||")).map_or(0, |i| i + 1);
    let words = &words[cmd_start..];
    let mut out: Vec<String> = if words.is_empty() {
        COMMANDS.iter().filter(|c| c.starts_with(word)).map(|c| c.to_string()).collect()
    } else if words[0] == "docker" {
        docker_words(s, &words[1..], word)
    } else {
        files(s, word)
    };
    out.sort();
    out.dedup();
    out
}

fn docker_words(s: &Session, args: &[&str], word: &str) -> Vec<String> {
    let mut cmd = Cmd::root();
    let mut positional = 0;
    for a in args {
        if a.starts_with('-') {
            continue;
        }
        match cmd.child(a) {
            Some(c) if positional == 0 => cmd = c,
            _ => positional += 1,
        }
    }
    if word.starts_with('-') {
        let mut v: Vec<String> = Vec::new();
        for f in cmd.flags() {
            if f.hidden || !f.deprecated.is_empty() {
                continue;
            }
            v.push(format!("--{}", f.name));
            if !f.short.is_empty() {
                v.push(format!("-{}", f.short));
            }
        }
        return v.into_iter().filter(|f| f.starts_with(word)).collect();
    }
    let subs = cmd.spec().subcommands;
    if !subs.is_empty() && positional == 0 {
        return subs
            .iter()
            .filter(|c| !c.hidden && c.name.starts_with(word))
            .map(|c| c.name.to_string())
            .collect();
    }
    let path = cmd.path();
    let world = s.world();
    let daemon = world.daemon(world.client(crate::engine::event::ClientId(0)).context().daemon);
    let mut names: Vec<String> = Vec::new();
    match operand_of(&path) {
        Operand::Container { running_only, stopped_only } => {
            for c in daemon.containers.values() {
                let running = c.state.running;
                if (running_only && !running) || (stopped_only && running) {
                    continue;
                }
                names.push(c.name.clone());
            }
        }
        Operand::Image => {
            // `run`/`create` take one image, then a command.
            let takes_image = !(matches!(path.as_slice(), ["container", "run" | "create"]) && positional > 0);
            if takes_image {
                for r in daemon.references.keys().filter(|r| !r.contains('@')) {
                    if let Ok(p) = reference::parse_normalized(r) {
                        names.push(p.familiar());
                        if p.tag.as_deref() == Some("latest") {
                            names.push(p.familiar_name());
                        }
                    }
                }
                if path.as_slice() == ["image", "pull"] || path.as_slice() == ["container", "run"] {
                    for repo in crate::engine::hub::catalog::CATALOG {
                        let name = repo.path.strip_prefix("library/").unwrap_or(repo.path);
                        names.push(name.to_string());
                    }
                }
            }
        }
        Operand::Network => names.extend(daemon.networks.values().map(|n| n.name.clone())),
        Operand::None => return files(s, word),
    }
    names.into_iter().filter(|n| n.starts_with(word)).collect()
}

/// File names on the host, relative to the home directory (the shell's usual place).
fn files(s: &Session, word: &str) -> Vec<String> {
    let (dir, prefix) = match word.rfind('/') {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let abs = crate::unix::fs::path::absolute(host_fs::HOME, if dir.is_empty() { "." } else { dir });
    let world = s.world();
    let mut upper = world.hosts[0].fs.clone();
    let lowers = [host_fs::base()];
    let u = crate::unix::fs::UnionFs::new(&lowers, &mut upper);
    use crate::unix::fs::Fs;
    let cred = crate::unix::fs::Cred { uid: host_fs::UID, gid: host_fs::UID };
    let Ok(names) = u.readdir(&abs, cred) else { return Vec::new() };
    names
        .into_iter()
        .filter(|n| n.starts_with(prefix) && (!n.starts_with('.') || prefix.starts_with('.')))
        .map(|n| {
            let full = format!("{dir}{n}");
            let is_dir = u.stat(&format!("{abs}/{n}")).is_ok_and(|st| st.kind == crate::unix::fs::Kind::Dir);
            if is_dir { format!("{full}/") } else { full }
        })
        .collect()
}
