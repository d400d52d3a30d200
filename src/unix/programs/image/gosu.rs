//! `gosu` 1.17: runs a command as another user (`gosu postgres psql`, `gosu nobody id`).
//! The user spec is `user`, `uid`, `user:group` or `uid:gid`; `HOME` becomes the user's
//! home. The command runs as a child with those credentials (see [`super::exec`]).
//!
//! Texts: tianon/gosu `main.go` and `setup-user.go` at tag 1.17 (`log.Fatalf` errors, exit
//! 1; usage on stderr without a command).
//!
//! Invariant: the command is started at most once, with the requested credentials.

use super::exec::{Child, Launch};
use super::util;
use crate::unix::fs::Cred;
use crate::unix::process::{Signal, SpawnError};
use crate::unix::process::io::Io;
use crate::unix::programs::{Program, Step};

const VERSION: &str = "1.17 (go1.18.2 on linux/amd64; gc)";

fn usage(self_name: &str) -> String {
    format!(
        "Usage: {self_name} user-spec command [args]\n   eg: {self_name} tianon bash\n       {self_name} nobody:root bash -c 'whoami && id'\n       {self_name} 1000:1 id\n\n{self_name} version: {VERSION}\n{self_name} license: Apache-2.0 (full text at https://github.com/tianon/gosu)\n"
    )
}

/// `gosu`.
#[derive(Clone, Debug)]
pub struct Gosu {
    argv: Vec<String>,
    child: Option<Child>,
}

impl Gosu {
    pub fn new(argv: &[String]) -> Gosu {
        Gosu { argv: argv.to_vec(), child: None }
    }

    /// Credentials and home for a user spec.
    fn lookup(io: &mut Io<'_>, spec: &str) -> Result<(Cred, String), String> {
        let (u, g) = spec.split_once(':').map_or((spec, None), |(u, g)| (u, Some(g)));
        let user = match u.parse::<u32>() {
            Ok(uid) => util::user_by_uid(io, uid).unwrap_or(util::User { name: u.into(), uid, gid: uid, home: "/".into() }),
            Err(_) => util::user(io, u).ok_or_else(|| format!("unable to find user {u}: no matching entries in passwd file"))?,
        };
        let gid = match g {
            None => user.gid,
            Some(g) => match g.parse::<u32>() {
                Ok(n) => n,
                Err(_) => util::group_gid(io, g).ok_or_else(|| format!("unable to find group {g}: no matching entries in group file"))?,
            },
        };
        Ok((Cred { uid: user.uid, gid }, user.home))
    }
}

impl Program for Gosu {
    fn step(&mut self, io: &mut Io<'_>) -> Step {
        if let Some(child) = &mut self.child {
            return child.step(io);
        }
        let me = util::base(&self.argv).to_string();
        match self.argv.get(1).map(String::as_str) {
            Some("--help" | "-h" | "-?") => {
                io.out(&format!("{}\n", usage(&me)));
                return Step::Exit(0);
            }
            Some("--version" | "-v") => {
                io.out(&format!("{VERSION}\n"));
                return Step::Exit(0);
            }
            _ => {}
        }
        if self.argv.len() <= 2 {
            io.err(&format!("{}\n", usage(&me)));
            return Step::Exit(1);
        }
        let spec = self.argv[1].clone();
        let (cred, home) = match Self::lookup(io, &spec) {
            Ok(x) => x,
            Err(e) => {
                io.err(&format!("error: failed switching to \"{spec}\": {e}\n"));
                return Step::Exit(1);
            }
        };
        let mut env: Vec<(String, String)> = io.env.iter().filter(|(k, _)| k != "HOME").cloned().collect();
        env.push(("HOME".into(), home));
        let cmd: Vec<String> = self.argv[2..].to_vec();
        match Child::spawn(io, &cmd, Launch { env: Some(env), cred: Some(cred) }) {
            Ok(child) => {
                self.child = Some(child);
                Step::Yield
            }
            Err(e) => {
                let msg = match e {
                    SpawnError::NotFound { .. } => format!("error: exec: \"{}\": executable file not found in $PATH\n", cmd[0]),
                    _ => "error: exec failed: permission denied\n".to_string(),
                };
                io.err(&msg);
                Step::Exit(1)
            }
        }
    }

    fn signal(&mut self, sig: Signal, io: &mut Io<'_>) -> Option<Step> {
        self.child.as_mut().and_then(|c| c.signal(sig, io))
    }

    fn clone_box(&self) -> Box<dyn Program> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use crate::unix::fs::{Layer, UnionFs};
    use crate::unix::process::RunStatus;
    use crate::unix::testing::SimpleSys;

    #[test]
    fn runs_the_command_as_the_user() {
        let mut image = debian("postgres:x:999:999::/var/lib/postgresql:/bin/bash\n");
        image.program("/usr/local/bin/gosu", "gosu", T0);
        let lowers = [&image];
        let mut up = Layer::new();
        let mut sys = SimpleSys::new(UnionFs::new(&lowers, &mut up), T0);
        let mut p = spawn(&mut sys, &["gosu", "postgres", "sh", "-c", "id -u; echo $HOME"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(0));
        assert_eq!(sys.stdout(), "999\n/var/lib/postgresql\n");
        let mut p = spawn(&mut sys, &["gosu", "ninguem", "id"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(1));
        assert!(sys.stderr().ends_with("error: failed switching to \"ninguem\": unable to find user ninguem: no matching entries in passwd file\n"));
        let mut p = spawn(&mut sys, &["gosu"], &[], false);
        assert_eq!(p.run(&mut sys, T0), RunStatus::Exited(1));
        assert!(sys.stderr().ends_with("gosu license: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n"));
    }
}
