//! History entries of a built image, as BuildKit's Dockerfile frontend writes them
//! (`RUN /bin/sh -c … # buildkit`, `EXPOSE map[80/tcp:{}]`, `CMD ["a" "b"]`) and the
//! creation times its image exporter fills in.
//!
//! Invariant: texts follow Go's `%q`/`%v` formatting, so they match `docker history
//! --no-trunc` of a real BuildKit build.

use crate::engine::clock::Time;

/// Go's `strconv.Quote` for the characters Dockerfiles use.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `%q` of a `[]string`: `["a" "b"]`.
pub fn go_quoted_list(v: &[String]) -> String {
    format!("[{}]", v.iter().map(|s| go_quote(s)).collect::<Vec<_>>().join(" "))
}

/// Go's `%v` of a `[]string`: `[a b]`.
pub fn go_list(v: &[String]) -> String {
    format!("[{}]", v.join(" "))
}

/// Go's `%v` of a set of ports: `map[443/tcp:{} 80/tcp:{}]` (keys sorted as strings).
pub fn go_port_map<'a>(ports: impl IntoIterator<Item = &'a String>) -> String {
    let mut v: Vec<&String> = ports.into_iter().collect();
    v.sort();
    format!("map[{}]", v.iter().map(|p| format!("{p}:{{}}")).collect::<Vec<_>>().join(" "))
}

/// `RUN …` as history records it: `RUN |1 V=2 /bin/sh -c make # buildkit`.
pub fn run_created_by(argv: &[String], args: &[(String, String)]) -> String {
    let mut s = String::from("RUN ");
    if !args.is_empty() {
        s.push_str(&format!("|{} ", args.len()));
        for (k, v) in args {
            s.push_str(&format!("{k}={v} "));
        }
    }
    s.push_str(&argv.join(" "));
    s.push_str(" # buildkit");
    s
}

/// One history entry while building: `created` is known for layers (when the layer was
/// made) and for inherited entries; metadata steps get theirs from [`fill_times`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub created: Option<Time>,
    pub created_by: String,
    pub comment: String,
    pub empty_layer: bool,
    pub size: u64,
}

/// BuildKit's `normalizeLayersAndHistory`: an entry without a time takes the first new
/// layer's time when it comes before it, the previous entry's time otherwise. Returns the
/// image's `created` (the last entry's time).
pub fn fill_times(h: &mut [Entry], fallback: Time) -> Time {
    let mut created: Option<Time> = None;
    let mut missing = false;
    for e in h.iter() {
        match e.created {
            Some(t) => {
                created = Some(t);
                if missing {
                    break;
                }
            }
            None => missing = true,
        }
    }
    missing = false;
    for e in h.iter_mut() {
        match e.created {
            Some(t) => {
                if missing {
                    created = Some(t);
                }
            }
            None => {
                missing = true;
                e.created = Some(created.unwrap_or(fallback));
            }
        }
    }
    h.iter().rev().find_map(|e| e.created).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(t: Option<u64>) -> Entry {
        Entry { created: t.map(Time), created_by: String::new(), comment: String::new(), empty_layer: t.is_none(), size: 0 }
    }

    #[test]
    fn metadata_steps_take_neighbouring_layer_times() {
        // base(1), ENV, RUN(5), CMD
        let mut h = vec![e(Some(1)), e(None), e(Some(5)), e(None)];
        let created = fill_times(&mut h, Time(99));
        let got: Vec<u64> = h.iter().map(|x| x.created.unwrap().0).collect();
        assert_eq!(got, vec![1, 5, 5, 5]);
        assert_eq!(created, Time(5));
        // Only metadata on top of a base: the base's time.
        let mut h = vec![e(Some(1)), e(None)];
        assert_eq!(fill_times(&mut h, Time(99)), Time(1));
    }

    #[test]
    fn go_formats() {
        assert_eq!(go_quoted_list(&["python".into(), "app.py".into()]), "[\"python\" \"app.py\"]");
        assert_eq!(go_port_map(&["80/tcp".to_string(), "443/tcp".to_string()]), "map[443/tcp:{} 80/tcp:{}]");
        assert_eq!(run_created_by(&["/bin/sh".into(), "-c".into(), "make".into()], &[("V".into(), "2".into())]), "RUN |1 V=2 /bin/sh -c make # buildkit");
    }
}
