//! `GET /images/search`: the daemon asks Docker Hub's search for repositories matching a
//! term (`docker search`).
//!
//! Invariant: results come from the Hub catalog only, best match first, at most `limit`.

use super::{Api, ApiResult, query_escape};

/// One search hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchResult {
    /// `nginx` for official images, `user/app` otherwise.
    pub name: String,
    pub description: String,
    pub stars: u32,
    pub official: bool,
}

impl Api<'_> {
    /// Searches Docker Hub for `term`.
    pub fn image_search(&mut self, term: &str, limit: u32) -> ApiResult<Vec<SearchResult>> {
        let path = format!("/images/search?limit={limit}&term={}", query_escape(term));
        self.serve("GET", &path, 200, |api| {
            let hub = api.reach_registry("docker.io")?;
            let content = api.world.registry(hub).content.clone();
            let t = term.to_lowercase();
            let mut hits: Vec<SearchResult> = content
                .repos
                .iter()
                .filter(|(_, r)| !r.private)
                .map(|(path, r)| SearchResult {
                    name: path.strip_prefix("library/").unwrap_or(path).to_string(),
                    description: r.description.clone(),
                    stars: r.stars,
                    official: r.official,
                })
                .filter(|h| h.name.contains(&t) || h.description.to_lowercase().contains(&t))
                .collect();
            hits.sort_by(|a, b| (b.name == t).cmp(&(a.name == t)).then(b.stars.cmp(&a.stars)).then(a.name.cmp(&b.name)));
            hits.truncate(limit as usize);
            Ok(hits)
        })
    }
}
