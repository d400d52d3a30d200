//! The learner's files as the file editor pane sees them: the files under the home
//! directory, one file's text, and saving a file. Saving runs a shell line (`mkdir -p … &&
//! printf '…' > …`) in the learner's shell, so a saved file is exactly what the shell would
//! have written, and that line is what a replay runs again.
//!
//! Invariant: reading never changes the world; saving changes it only through the shell.

use super::Session;
use super::host_fs;
use crate::unix::fs::{Cred, Fs, Kind, UnionFs};

/// At most this many files are listed (a learner's build contexts are small).
const MAX_FILES: usize = 200;
/// How deep below the home directory the list goes.
const MAX_DEPTH: usize = 4;
/// The largest file the editor opens or saves.
pub const MAX_TEXT: usize = 64 * 1024;

/// `'text'` for bash, whatever the text holds.
fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A `printf` format that prints `text` as it is (`\`, `%` and newlines escaped).
fn printf_format(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "%%").replace('\n', "\\n").replace('\t', "\\t").replace('\r', "\\r");
    single_quoted(&escaped)
}

/// Whether `path` names a file under the home directory (relative, no `..`, no odd bytes).
pub fn valid_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && !path.starts_with('/')
        && !path.ends_with('/')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && path.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ' '))
}

/// The shell line that saves `text` as `path` (relative to the home directory, whatever
/// the shell's working directory is).
pub fn save_line(path: &str, text: &str) -> String {
    let abs = format!("{}/{path}", host_fs::HOME);
    let write = format!("printf {} > {}", printf_format(text), single_quoted(&abs));
    match abs.rsplit_once('/') {
        Some((dir, _)) if dir != host_fs::HOME => format!("mkdir -p {} && {write}", single_quoted(dir)),
        _ => write,
    }
}

impl Session {
    fn with_host_fs<R>(&self, f: impl FnOnce(&UnionFs<'_>) -> R) -> R {
        let mut upper = self.world().hosts[self.host.0 as usize].fs.clone();
        let lowers = [host_fs::base()];
        let u = UnionFs::new(&lowers, &mut upper);
        f(&u)
    }

    /// The files under the home directory, relative to it, sorted (hidden ones only when
    /// they matter to Docker: `.dockerignore`).
    pub fn list_files(&self) -> Vec<String> {
        let cred = Cred { uid: host_fs::UID, gid: host_fs::UID };
        self.with_host_fs(|u| {
            let mut out = Vec::new();
            let mut dirs = vec![(String::new(), 0usize)];
            while let Some((dir, depth)) = dirs.pop() {
                let abs = if dir.is_empty() { host_fs::HOME.to_string() } else { format!("{}/{dir}", host_fs::HOME) };
                let Ok(names) = u.readdir(&abs, cred) else { continue };
                for name in names {
                    if name.starts_with('.') && name != ".dockerignore" {
                        continue;
                    }
                    let rel = if dir.is_empty() { name.clone() } else { format!("{dir}/{name}") };
                    match u.stat(&format!("{abs}/{name}")).map(|s| s.kind) {
                        Ok(Kind::Dir) if depth + 1 < MAX_DEPTH => dirs.push((rel, depth + 1)),
                        Ok(Kind::File) => out.push(rel),
                        _ => {}
                    }
                    if out.len() >= MAX_FILES {
                        break;
                    }
                }
            }
            out.sort();
            out
        })
    }

    /// The text of file `path` (relative to the home directory), if it is a readable file.
    pub fn read_file(&self, path: &str) -> Option<String> {
        if !valid_path(path) {
            return None;
        }
        let cred = Cred { uid: host_fs::UID, gid: host_fs::UID };
        self.with_host_fs(|u| {
            let data = u.read(&format!("{}/{path}", host_fs::HOME), cred).ok()?;
            let bytes = data.bytes();
            (bytes.len() <= MAX_TEXT).then(|| String::from_utf8_lossy(&bytes).into_owned())
        })
    }

    /// Saves `text` as `path` (relative to the home directory) through the shell; returns
    /// the shell line that did it (to replay), or why it could not (pt-BR, for the pane).
    pub fn write_file(&mut self, path: &str, text: &str) -> Result<String, String> {
        if !valid_path(path) {
            return Err("Nome de arquivo inválido: use letras, números, ., -, _ e / para pastas.".into());
        }
        if text.len() > MAX_TEXT {
            return Err("O arquivo é grande demais para o editor (máximo de 64 KB).".into());
        }
        if self.is_busy() {
            return Err("O terminal está ocupado: termine o comando em execução antes de salvar.".into());
        }
        let line = save_line(path, text);
        // A leading space keeps the line out of the shell's history, as in bash.
        let out = self.submit(&format!(" {line}"));
        let err: String = out.stderr();
        if !err.is_empty() {
            return Err(err.trim_end().to_string());
        }
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_files_read_back_exactly_and_stay_out_of_history() {
        let mut s = Session::new();
        let text = "FROM alpine:3.22\n# comentário com 'aspas' e %s e \\n\nRUN echo \"oi\" > /f\n";
        let line = s.write_file("app/Dockerfile", text).unwrap();
        assert_eq!(s.read_file("app/Dockerfile").as_deref(), Some(text));
        assert!(s.history().is_empty());
        assert_eq!(s.list_files(), vec!["app/Dockerfile"]);
        // Wherever the shell is, the file lands under the home directory.
        s.submit("cd app");
        s.write_file("app/index.html", "<h1>oi</h1>\n").unwrap();
        assert_eq!(s.list_files(), vec!["app/Dockerfile", "app/index.html"]);
        // The same line, replayed on a fresh session, makes the same file.
        let mut again = Session::new();
        again.submit(&line);
        assert_eq!(again.read_file("app/Dockerfile").as_deref(), Some(text));
    }

    #[test]
    fn bad_names_are_refused() {
        let mut s = Session::new();
        for bad in ["", "/etc/passwd", "../x", "a//b", "a/", "x;rm -rf", "a/../b"] {
            assert!(s.write_file(bad, "x").is_err(), "{bad:?}");
        }
        assert!(s.read_file("../../etc/passwd").is_none());
    }
}
