//! Users and groups of a file system: what `docker run --user` and `docker exec -u`
//! resolve against the container's `/etc/passwd` and `/etc/group`, with runc's errors.
//!
//! Invariant: a numeric user needs no passwd entry (Docker accepts `--user 1234`, with
//! group 0 and `HOME=/`).

use crate::unix::fs::{Cred, Fs};

/// A resolved user: credentials, name (if known) and home directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub cred: Cred,
    pub name: Option<String>,
    /// From passwd, or `/` when unknown (what Docker sets `HOME` to).
    pub home: String,
}

fn read(fs: &dyn Fs, p: &str) -> String {
    fs.read(p, Cred::ROOT).map(|d| String::from_utf8_lossy(&d.bytes()).into_owned()).unwrap_or_default()
}

/// Resolves `spec` (`name`, `uid`, `name:group`, `uid:gid`; empty is root).
/// The error is runc's text: `unable to find user nobody: no matching entries in passwd
/// file`.
pub fn resolve_user(fs: &dyn Fs, spec: &str) -> Result<User, String> {
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let u = if u.is_empty() { "0" } else { u };
    let passwd = read(fs, "/etc/passwd");
    let entry =
        passwd.lines().map(|l| l.split(':').collect::<Vec<_>>()).find(|f| f.len() >= 6 && (f[0] == u || f[2] == u));
    let (uid, mut gid, name, home) = match (entry, u.parse::<u32>()) {
        (Some(f), _) => {
            (f[2].parse().unwrap_or(0), f[3].parse().unwrap_or(0), Some(f[0].to_string()), f[5].to_string())
        }
        (None, Ok(n)) => (n, 0, None, "/".to_string()),
        (None, Err(_)) => return Err(format!("unable to find user {u}: no matching entries in passwd file")),
    };
    if let Some(g) = g {
        let group = read(fs, "/etc/group");
        let found =
            group.lines().map(|l| l.split(':').collect::<Vec<_>>()).find(|f| f.len() >= 3 && (f[0] == g || f[2] == g));
        gid = match (found, g.parse::<u32>()) {
            (Some(f), _) => f[2].parse().unwrap_or(0),
            (None, Ok(n)) => n,
            (None, Err(_)) => return Err(format!("unable to find group {g}: no matching entries in group file")),
        };
    }
    Ok(User { cred: Cred { uid, gid }, name, home })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clock::Time;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::testing::debian_rootfs;

    #[test]
    fn resolves_names_numbers_and_groups() {
        let base = debian_rootfs(Time::START);
        let lowers = [&base];
        let mut up = Layer::new();
        let fs = UnionFs::new(&lowers, &mut up);
        let u = resolve_user(&fs, "www-data").unwrap();
        assert_eq!(
            (u.cred, u.name.as_deref(), u.home.as_str()),
            (Cred { uid: 33, gid: 33 }, Some("www-data"), "/var/www")
        );
        assert_eq!(resolve_user(&fs, "1234").unwrap().cred, Cred { uid: 1234, gid: 0 });
        assert_eq!(resolve_user(&fs, "").unwrap().cred, Cred::ROOT);
        assert_eq!(resolve_user(&fs, "root:nogroup").unwrap().cred, Cred { uid: 0, gid: 65534 });
        assert_eq!(
            resolve_user(&fs, "bob").unwrap_err(),
            "unable to find user bob: no matching entries in passwd file"
        );
        assert_eq!(
            resolve_user(&fs, "root:x").unwrap_err(),
            "unable to find group x: no matching entries in group file"
        );
    }
}
