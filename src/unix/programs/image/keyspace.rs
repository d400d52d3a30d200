//! The data of a simulated Redis server and the commands that act on it. A running
//! `redis-server` keeps its dataset in `/dev/shm/.redis-PORT` (JSON): Docker mounts a tmpfs
//! at `/dev/shm` that every process of the container shares, that `docker diff` never
//! shows and that a restart empties, which is what a server's memory is. `redis-cli` in
//! the same container (`docker exec r redis-cli …`) reads and writes it there. A save
//! (`SAVE`, or a shutdown) writes it to `dump.rdb` in the server's directory.
//!
//! Replies and errors are Redis 8's (`src/server.c`, `t_string.c`, `t_list.c`, `db.c`).
//!
//! Invariant: every command either returns a reply and leaves the dataset consistent, or
//! returns an error reply and changes nothing; numbers never overflow (checked ops).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::util;
use crate::unix::fs::Cred;
use crate::unix::process::io::Io;

/// A value stored under a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Str(String),
    List(Vec<String>),
    Hash(BTreeMap<String, String>),
}

/// One key: its value and its expiry (Unix milliseconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub value: Value,
    pub expires: Option<u64>,
}

/// What a running server shares with its clients.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    pub port: u32,
    pub requirepass: Option<String>,
    /// Directory of `dump.rdb`.
    pub dir: String,
    /// Changes since the last save.
    pub dirty: u64,
    pub keys: BTreeMap<String, Entry>,
}

/// A reply of the RESP protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Status(String),
    Error(String),
    Int(i64),
    Bulk(Option<String>),
    Array(Vec<Reply>),
}

/// Where the server of `port` keeps its memory.
pub fn memory_path(port: u32) -> String {
    format!("/dev/shm/.redis-{port}")
}

impl Memory {
    /// The memory of the server on `port`, if one runs.
    pub fn load(io: &mut Io<'_>, port: u32) -> Option<Memory> {
        let text = util::read_text(io, &memory_path(port))?;
        serde_json::from_str(&text).ok()
    }

    pub fn store(&self, io: &mut Io<'_>) {
        util::mkdir_owned(io, "/dev/shm", Cred::ROOT, 0o1777);
        let text = serde_json::to_string(self).unwrap_or_default();
        util::write_file(io, &memory_path(self.port), &text, Cred::ROOT, true);
    }

    pub fn forget(io: &mut Io<'_>, port: u32) {
        util::remove(io, &memory_path(port));
    }

    /// `dump.rdb`: the magic of RDB version 12, then the dataset.
    pub fn save(&mut self, io: &mut Io<'_>, owner: Cred) {
        let body = serde_json::to_string(&self.keys).unwrap_or_default();
        let path = format!("{}/dump.rdb", self.dir.trim_end_matches('/'));
        util::write_file(io, &path, &format!("REDIS0012{body}"), owner, true);
        self.dirty = 0;
    }

    /// The dataset of a `dump.rdb`, if there is a readable one.
    pub fn read_dump(io: &mut Io<'_>, dir: &str) -> Option<BTreeMap<String, Entry>> {
        let text = util::read_text(io, &format!("{}/dump.rdb", dir.trim_end_matches('/')))?;
        serde_json::from_str(text.strip_prefix("REDIS0012")?).ok()
    }

    fn purge(&mut self, now_ms: u64) {
        self.keys.retain(|_, e| e.expires.is_none_or(|t| t > now_ms));
    }
}

fn wrong_args(cmd: &str) -> Reply {
    Reply::Error(format!("ERR wrong number of arguments for '{}' command", cmd.to_ascii_lowercase()))
}

fn wrong_type() -> Reply {
    Reply::Error("WRONGTYPE Operation against a key holding the wrong kind of value".into())
}

fn not_int() -> Reply {
    Reply::Error("ERR value is not an integer or out of range".into())
}

fn ok() -> Reply {
    Reply::Status("OK".into())
}

/// `KEYS` glob: `*`, `?`, `[abc]`, `\x` (bounded: patterns are short).
pub fn glob(pat: &[char], s: &[char]) -> bool {
    match pat.first() {
        None => s.is_empty(),
        Some('*') => (0..=s.len()).any(|i| glob(&pat[1..], &s[i..])),
        Some('?') => !s.is_empty() && glob(&pat[1..], &s[1..]),
        Some('[') => {
            let Some(end) = pat.iter().position(|c| *c == ']') else { return !s.is_empty() && s[0] == '[' && glob(&pat[1..], &s[1..]) };
            !s.is_empty() && pat[1..end].contains(&s[0]) && glob(&pat[end + 1..], &s[1..])
        }
        Some('\\') if pat.len() > 1 => !s.is_empty() && s[0] == pat[1] && glob(&pat[2..], &s[1..]),
        Some(c) => !s.is_empty() && s[0] == *c && glob(&pat[1..], &s[1..]),
    }
}

/// Runs one command; `now_ms` is the server clock. Returns the reply and whether the
/// dataset changed.
pub fn execute(mem: &mut Memory, args: &[String], now_ms: u64) -> (Reply, bool) {
    mem.purge(now_ms);
    let Some(name) = args.first() else { return (Reply::Error("ERR empty command".into()), false) };
    let cmd = name.to_ascii_uppercase();
    let a = &args[1..];
    let arity_ok = |min: usize, max: Option<usize>| a.len() >= min && max.is_none_or(|m| a.len() <= m);
    macro_rules! need {
        ($min:expr, $max:expr) => {
            if !arity_ok($min, $max) {
                return (wrong_args(&cmd), false);
            }
        };
    }
    match cmd.as_str() {
        "PING" => {
            need!(0, Some(1));
            (a.first().map_or(Reply::Status("PONG".into()), |m| Reply::Bulk(Some(m.clone()))), false)
        }
        "ECHO" => {
            need!(1, Some(1));
            (Reply::Bulk(Some(a[0].clone())), false)
        }
        "SET" => {
            need!(2, None);
            let mut expires = None;
            let mut i = 2;
            while i < a.len() {
                let opt = a[i].to_ascii_uppercase();
                let unit = match opt.as_str() {
                    "EX" => 1000,
                    "PX" => 1,
                    _ => return (Reply::Error("ERR syntax error".into()), false),
                };
                let Some(n) = a.get(i + 1).and_then(|v| v.parse::<u64>().ok()) else { return (not_int(), false) };
                expires = Some(now_ms.saturating_add(n.saturating_mul(unit)));
                i += 2;
            }
            mem.keys.insert(a[0].clone(), Entry { value: Value::Str(a[1].clone()), expires });
            (ok(), true)
        }
        "GET" => {
            need!(1, Some(1));
            match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => (Reply::Bulk(None), false),
                Some(Value::Str(s)) => (Reply::Bulk(Some(s.clone())), false),
                Some(_) => (wrong_type(), false),
            }
        }
        "MSET" => {
            if a.is_empty() || !a.len().is_multiple_of(2) {
                return (wrong_args(&cmd), false);
            }
            for kv in a.chunks(2) {
                mem.keys.insert(kv[0].clone(), Entry { value: Value::Str(kv[1].clone()), expires: None });
            }
            (ok(), true)
        }
        "MGET" => {
            need!(1, None);
            let vals = a
                .iter()
                .map(|k| match mem.keys.get(k).map(|e| &e.value) {
                    Some(Value::Str(s)) => Reply::Bulk(Some(s.clone())),
                    _ => Reply::Bulk(None),
                })
                .collect();
            (Reply::Array(vals), false)
        }
        "APPEND" => {
            need!(2, Some(2));
            let e = mem.keys.entry(a[0].clone()).or_insert(Entry { value: Value::Str(String::new()), expires: None });
            let Value::Str(s) = &mut e.value else { return (wrong_type(), false) };
            s.push_str(&a[1]);
            (Reply::Int(s.len() as i64), true)
        }
        "STRLEN" => {
            need!(1, Some(1));
            match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => (Reply::Int(0), false),
                Some(Value::Str(s)) => (Reply::Int(s.len() as i64), false),
                Some(_) => (wrong_type(), false),
            }
        }
        "INCR" | "DECR" | "INCRBY" | "DECRBY" => {
            let by = match cmd.as_str() {
                "INCR" | "DECR" => {
                    need!(1, Some(1));
                    1
                }
                _ => {
                    need!(2, Some(2));
                    match a[1].parse::<i64>() {
                        Ok(n) => n,
                        Err(_) => return (not_int(), false),
                    }
                }
            };
            let by = if cmd.starts_with('D') { by.checked_neg() } else { Some(by) };
            let current = match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => 0,
                Some(Value::Str(s)) => match s.parse::<i64>() {
                    Ok(n) => n,
                    Err(_) => return (not_int(), false),
                },
                Some(_) => return (wrong_type(), false),
            };
            let Some(n) = by.and_then(|b| current.checked_add(b)) else {
                return (Reply::Error("ERR increment or decrement would overflow".into()), false);
            };
            let expires = mem.keys.get(&a[0]).and_then(|e| e.expires);
            mem.keys.insert(a[0].clone(), Entry { value: Value::Str(n.to_string()), expires });
            (Reply::Int(n), true)
        }
        "DEL" | "UNLINK" => {
            need!(1, None);
            let n = a.iter().filter(|k| mem.keys.remove(*k).is_some()).count();
            (Reply::Int(n as i64), n > 0)
        }
        "EXISTS" => {
            need!(1, None);
            (Reply::Int(a.iter().filter(|k| mem.keys.contains_key(*k)).count() as i64), false)
        }
        "KEYS" => {
            need!(1, Some(1));
            let pat: Vec<char> = a[0].chars().collect();
            let keys = mem
                .keys
                .keys()
                .filter(|k| glob(&pat, &k.chars().collect::<Vec<_>>()))
                .map(|k| Reply::Bulk(Some(k.clone())))
                .collect();
            (Reply::Array(keys), false)
        }
        "DBSIZE" => {
            need!(0, Some(0));
            (Reply::Int(mem.keys.len() as i64), false)
        }
        "FLUSHALL" | "FLUSHDB" => {
            let changed = !mem.keys.is_empty();
            mem.keys.clear();
            (ok(), changed)
        }
        "TYPE" => {
            need!(1, Some(1));
            let t = match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => "none",
                Some(Value::Str(_)) => "string",
                Some(Value::List(_)) => "list",
                Some(Value::Hash(_)) => "hash",
            };
            (Reply::Status(t.into()), false)
        }
        "EXPIRE" => {
            need!(2, Some(2));
            let Ok(secs) = a[1].parse::<i64>() else { return (not_int(), false) };
            match mem.keys.get_mut(&a[0]) {
                None => (Reply::Int(0), false),
                Some(_) if secs <= 0 => {
                    mem.keys.remove(&a[0]);
                    (Reply::Int(1), true)
                }
                Some(e) => {
                    e.expires = Some(now_ms.saturating_add((secs as u64).saturating_mul(1000)));
                    (Reply::Int(1), true)
                }
            }
        }
        "TTL" | "PTTL" => {
            need!(1, Some(1));
            let div = if cmd == "TTL" { 1000 } else { 1 };
            match mem.keys.get(&a[0]) {
                None => (Reply::Int(-2), false),
                Some(Entry { expires: None, .. }) => (Reply::Int(-1), false),
                Some(Entry { expires: Some(t), .. }) => {
                    let left = t.saturating_sub(now_ms);
                    (Reply::Int((left.saturating_add(div / 2) / div).min(i64::MAX as u64) as i64), false)
                }
            }
        }
        "PERSIST" => {
            need!(1, Some(1));
            match mem.keys.get_mut(&a[0]) {
                Some(e) if e.expires.is_some() => {
                    e.expires = None;
                    (Reply::Int(1), true)
                }
                _ => (Reply::Int(0), false),
            }
        }
        "LPUSH" | "RPUSH" => {
            need!(2, None);
            let e = mem.keys.entry(a[0].clone()).or_insert(Entry { value: Value::List(Vec::new()), expires: None });
            let Value::List(l) = &mut e.value else { return (wrong_type(), false) };
            for v in &a[1..] {
                if cmd == "LPUSH" {
                    l.insert(0, v.clone());
                } else {
                    l.push(v.clone());
                }
            }
            (Reply::Int(l.len() as i64), true)
        }
        "LPOP" | "RPOP" => {
            need!(1, Some(1));
            let Some(e) = mem.keys.get_mut(&a[0]) else { return (Reply::Bulk(None), false) };
            let Value::List(l) = &mut e.value else { return (wrong_type(), false) };
            let v = if cmd == "LPOP" { (!l.is_empty()).then(|| l.remove(0)) } else { l.pop() };
            if l.is_empty() {
                mem.keys.remove(&a[0]);
            }
            (Reply::Bulk(v), true)
        }
        "LLEN" => {
            need!(1, Some(1));
            match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => (Reply::Int(0), false),
                Some(Value::List(l)) => (Reply::Int(l.len() as i64), false),
                Some(_) => (wrong_type(), false),
            }
        }
        "LRANGE" => {
            need!(3, Some(3));
            let (Ok(start), Ok(stop)) = (a[1].parse::<i64>(), a[2].parse::<i64>()) else { return (not_int(), false) };
            match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => (Reply::Array(Vec::new()), false),
                Some(Value::List(l)) => {
                    let len = l.len() as i64;
                    let norm = |i: i64| if i < 0 { (len + i).max(0) } else { i };
                    let (s, e) = (norm(start), norm(stop).min(len - 1));
                    let items = if s > e || s >= len { Vec::new() } else { l[s as usize..=e as usize].to_vec() };
                    (Reply::Array(items.into_iter().map(|v| Reply::Bulk(Some(v))).collect()), false)
                }
                Some(_) => (wrong_type(), false),
            }
        }
        "HSET" => {
            if a.len() < 3 || a.len().is_multiple_of(2) {
                return (wrong_args(&cmd), false);
            }
            let e = mem.keys.entry(a[0].clone()).or_insert(Entry { value: Value::Hash(BTreeMap::new()), expires: None });
            let Value::Hash(h) = &mut e.value else { return (wrong_type(), false) };
            let added = a[1..].chunks(2).filter(|kv| h.insert(kv[0].clone(), kv[1].clone()).is_none()).count();
            (Reply::Int(added as i64), true)
        }
        "HGET" => {
            need!(2, Some(2));
            match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => (Reply::Bulk(None), false),
                Some(Value::Hash(h)) => (Reply::Bulk(h.get(&a[1]).cloned()), false),
                Some(_) => (wrong_type(), false),
            }
        }
        "HGETALL" => {
            need!(1, Some(1));
            match mem.keys.get(&a[0]).map(|e| &e.value) {
                None => (Reply::Array(Vec::new()), false),
                Some(Value::Hash(h)) => {
                    let items = h.iter().flat_map(|(k, v)| [Reply::Bulk(Some(k.clone())), Reply::Bulk(Some(v.clone()))]).collect();
                    (Reply::Array(items), false)
                }
                Some(_) => (wrong_type(), false),
            }
        }
        "SELECT" => {
            need!(1, Some(1));
            match a[0].parse::<u32>() {
                Ok(0) => (ok(), false),
                Ok(n) if n < 16 => (ok(), false),
                Ok(_) => (Reply::Error("ERR DB index is out of range".into()), false),
                Err(_) => (not_int(), false),
            }
        }
        _ => {
            let shown: String = a.iter().take(20).map(|x| format!("'{x}' ")).collect();
            (Reply::Error(format!("ERR unknown command '{name}', with args beginning with: {shown}")), false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(mem: &mut Memory, line: &str) -> Reply {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        execute(mem, &args, 1_000_000).0
    }

    #[test]
    fn strings_counters_and_errors() {
        let mut m = Memory::default();
        assert_eq!(run(&mut m, "PING"), Reply::Status("PONG".into()));
        assert_eq!(run(&mut m, "set a 1"), Reply::Status("OK".into()));
        assert_eq!(run(&mut m, "incr a"), Reply::Int(2));
        assert_eq!(run(&mut m, "get a"), Reply::Bulk(Some("2".into())));
        assert_eq!(run(&mut m, "get nope"), Reply::Bulk(None));
        assert_eq!(run(&mut m, "set s x"), Reply::Status("OK".into()));
        assert_eq!(run(&mut m, "incr s"), Reply::Error("ERR value is not an integer or out of range".into()));
        assert_eq!(run(&mut m, "get"), Reply::Error("ERR wrong number of arguments for 'get' command".into()));
        assert_eq!(run(&mut m, "foo bar"), Reply::Error("ERR unknown command 'foo', with args beginning with: 'bar' ".into()));
        assert_eq!(run(&mut m, "keys *"), Reply::Array(vec![Reply::Bulk(Some("a".into())), Reply::Bulk(Some("s".into()))]));
        assert_eq!(run(&mut m, "del a s x"), Reply::Int(2));
        assert_eq!(run(&mut m, "rpush l a b c"), Reply::Int(3));
        assert_eq!(run(&mut m, "get l"), Reply::Error("WRONGTYPE Operation against a key holding the wrong kind of value".into()));
        assert_eq!(run(&mut m, "lrange l 0 -1").clone(), Reply::Array(["a", "b", "c"].iter().map(|s| Reply::Bulk(Some(s.to_string()))).collect()));
    }

    #[test]
    fn expiry_follows_the_clock() {
        let mut m = Memory::default();
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        execute(&mut m, &args("set k v EX 10"), 0);
        assert_eq!(execute(&mut m, &args("ttl k"), 4_000).0, Reply::Int(6));
        assert_eq!(execute(&mut m, &args("get k"), 10_000).0, Reply::Bulk(None));
        assert!(glob(&"us*:[12]".chars().collect::<Vec<_>>(), &"user:1".chars().collect::<Vec<_>>()));
    }
}
