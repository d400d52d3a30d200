//! Legacy links (`--link name[:alias]`) on the default bridge network.
//!
//! Invariant: pure parsing.

/// `name:alias` → (`name`, `alias`); without an alias the alias is the name.
pub fn parse(link: &str) -> (String, String) {
    let link = link.strip_prefix('/').unwrap_or(link);
    match link.split_once(':') {
        Some((n, a)) if !a.is_empty() => (n.to_string(), a.to_string()),
        Some((n, _)) => (n.to_string(), n.to_string()),
        None => (link.to_string(), link.to_string()),
    }
}

/// Every link of a container, parsed.
pub fn parse_all(links: &[String]) -> Vec<(String, String)> {
    links.iter().map(|l| parse(l)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn forms() {
        assert_eq!(super::parse("db:database"), ("db".into(), "database".into()));
        assert_eq!(super::parse("db"), ("db".into(), "db".into()));
    }
}
