//! Evaluating a goal on a world: each check counts the objects of its subject that match
//! all its conditions, then compares that count with what the check wants.
//!
//! A condition the engine cannot evaluate yet makes an object a "maybe". A check whose
//! answer is the same however the maybes turn out is still decided; otherwise it is
//! [`Verdict::Unsupported`], naming what is missing.
//!
//! Invariant: pure: the world is only read, and the same world always gives the same verdict.

use super::spec::{self, Subject};
use super::{Check, Goal, Op, Verdict};
use crate::engine::World;
use crate::engine::event::{ClientId, DaemonId};
use crate::engine::model::daemon::Daemon;

/// Evaluates a whole goal: not met if any check is not met; unsupported if some check is
/// unsupported and none fails; met otherwise.
pub fn evaluate(goal: &Goal, world: &World) -> Verdict {
    let mut unsupported = None;
    for check in &goal.checks {
        match evaluate_check(check, world) {
            Verdict::NotMet => return Verdict::NotMet,
            Verdict::Unsupported(what) => {
                unsupported.get_or_insert(what);
            }
            Verdict::Met => {}
        }
    }
    match unsupported {
        Some(what) => Verdict::Unsupported(what),
        None => Verdict::Met,
    }
}

/// How many objects matched for sure, how many might match, and what kept them uncertain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Tally {
    pub definite: u64,
    pub maybe: u64,
    pub missing: Option<&'static str>,
}

impl Tally {
    /// Adds one object whose conditions answered `answers` (`None`: cannot tell).
    pub fn add(&mut self, check: &Check, answers: impl IntoIterator<Item = Option<bool>>) {
        let mut unknown = false;
        for (answer, cond) in answers.into_iter().zip(&check.conds) {
            match answer {
                Some(false) => return,
                Some(true) => {}
                None => {
                    unknown = true;
                    self.missing.get_or_insert(spec::missing(check.subject, cond.key));
                }
            }
        }
        if unknown {
            self.maybe += 1;
        } else {
            self.definite += 1;
        }
    }
}

/// Evaluates one check.
pub fn evaluate_check(check: &Check, world: &World) -> Verdict {
    let tally = match check.subject {
        Subject::Service => {
            let key = check.conds.first().map_or(spec::Key::Name, |c| c.key);
            return Verdict::Unsupported(spec::missing(check.subject, key).to_string());
        }
        Subject::Repository => super::eval_other::repositories(check, world),
        Subject::Registry => super::eval_other::registries(check, world),
        _ => {
            let Some(daemon) = daemon_of(check, world) else {
                return decide(check, &Tally::default());
            };
            let d = world.daemon(daemon);
            match check.subject {
                Subject::Container => super::eval_container::containers(check, d),
                Subject::Image => super::eval_image::images(check, d),
                Subject::Compare => super::eval_image::compare(check, d),
                Subject::Network => super::eval_other::networks(check, d),
                Subject::Daemon => super::eval_other::daemon(check, d),
                Subject::Volume => super::eval_files::volumes(check, d),
                Subject::File => super::eval_files::files(check, world, d),
                _ => Tally::default(),
            }
        }
    };
    decide(check, &tally)
}

/// The daemon a check looks at: the one on `host=`, or the learner's.
fn daemon_of(check: &Check, world: &World) -> Option<DaemonId> {
    match &check.host {
        Some(name) => world.hosts.iter().find(|h| &h.name == name)?.daemon,
        None => {
            let client = world.clients.get(ClientId(0).0 as usize)?;
            let d = client.context().daemon;
            ((d.0 as usize) < world.daemons.len()).then_some(d)
        }
    }
}

/// Whether `n` matching objects satisfy the check.
fn wants(check: &Check, n: u64) -> bool {
    if check.negated {
        return n == 0;
    }
    match check.count {
        None => n >= 1,
        Some((op, v)) => op.numbers(n, v),
    }
}

fn decide(check: &Check, t: &Tally) -> Verdict {
    let range = t.definite..=t.definite.saturating_add(t.maybe);
    // Bounded: the range is at most the number of objects in the world.
    let (mut all, mut any) = (true, false);
    for n in range {
        let w = wants(check, n);
        all &= w;
        any |= w;
    }
    match (all, any) {
        (true, _) => Verdict::Met,
        (false, false) => Verdict::NotMet,
        _ => Verdict::Unsupported(t.missing.unwrap_or("this check").to_string()),
    }
}

/// Text comparison of one value.
pub(super) fn text(op: Op, actual: &str, want: &str) -> bool {
    match op {
        Op::Eq => actual == want,
        Op::Ne => actual != want,
        Op::Contains => actual.contains(want),
        _ => false,
    }
}

/// Text comparison against a set of values: `=` some equals, `!=` none equals, `~=` some
/// contains.
pub(super) fn texts<'a>(op: Op, mut actual: impl Iterator<Item = &'a str>, want: &str) -> bool {
    match op {
        Op::Eq => actual.any(|a| a == want),
        Op::Ne => actual.all(|a| a != want),
        Op::Contains => actual.any(|a| a.contains(want)),
        _ => false,
    }
}

/// Applies `=`/`!=` to a yes/no answer.
pub(super) fn eq(op: Op, yes: bool) -> bool {
    if op == Op::Ne { !yes } else { yes }
}

/// The image ID a normalized reference names in a daemon, if any.
pub(super) fn resolve(d: &Daemon, full_ref: &str) -> Option<String> {
    d.references.get(full_ref).cloned()
}

/// The ID of the container named (or with ID) `name` in a daemon.
pub(super) fn container_id(d: &Daemon, name: &str) -> Option<String> {
    crate::engine::api::lookup::container_id(d, name).ok()
}
