//! The tutor driven as the lesson pane drives it, on worlds built through the engine API.

use super::*;
use crate::course::catalog::lessons;
use crate::course::progress::Progress;
use crate::course::setup::INTERRUPT;
use crate::engine::api::containers::CreateRequest;
use crate::engine::event::ClientId;
use crate::engine::model::config::Config;
use crate::engine::reference::parse_docker_ref;

fn lesson(id: &str) -> usize {
    lessons().iter().position(|l| l.id == id).unwrap()
}

/// The world after `docker run --name NAME hello-world`.
fn ran_hello(name: &str) -> World {
    let mut w = World::new();
    let mut api = w.api(ClientId(0));
    api.image_pull(&parse_docker_ref("hello-world").unwrap()).unwrap();
    let config = Config { image: "hello-world".into(), ..Config::default() };
    let id = api.container_create(CreateRequest { name: Some(name.into()), config, ..Default::default() }).unwrap().id;
    api.container_start(&id).unwrap();
    w
}

#[test]
fn free_mode_has_no_goal() {
    let mut t = Tutor::new(lessons(), Progress::default());
    assert_eq!(t.lesson_index(), None);
    assert!(t.step().is_none());
    let s = t.open(None);
    assert!(!t.observe(s.world()));
    assert_eq!(t.verdict(), &Verdict::NotMet);
}

#[test]
fn a_met_goal_marks_the_step_done_and_it_stays_done() {
    let mut t = Tutor::new(lessons(), Progress::default());
    let two = lesson("02-primeiro-conteiner");
    let s = t.open(Some(two));
    assert_eq!(t.verdict(), &Verdict::NotMet);
    assert!(!t.is_done(two, 0));
    assert!(t.observe(&ran_hello("primeiro")));
    assert_eq!(t.verdict(), &Verdict::Met);
    assert!(t.is_done(two, 0));
    // The world changes back: the check mark goes, the step stays done.
    assert!(t.observe(s.world()));
    assert_eq!(t.verdict(), &Verdict::NotMet);
    assert!(t.is_done(two, 0));
    assert_eq!(t.done_count(two), 1);
    assert!(!t.lesson_complete(two));
}

#[test]
fn steps_hints_and_solution() {
    let mut t = Tutor::new(lessons(), Progress::default());
    let two = lesson("02-primeiro-conteiner");
    let s = t.open(Some(two));
    t.show_hint();
    t.show_hint();
    t.show_hint();
    assert_eq!(t.hints_shown(), 2, "never more hints than the step has");
    t.show_solution();
    assert!(t.solution_shown());
    let w = ran_hello("ola");
    t.goto_step(1, &w);
    assert_eq!(t.step_index(), 1);
    assert_eq!((t.hints_shown(), t.solution_shown()), (0, false), "a new step starts without hints");
    assert_eq!(t.verdict(), &Verdict::Met, "step 2 wants a container named ola");
    t.goto_step(99, s.world());
    assert_eq!(t.step_index(), lessons()[two].steps.len() - 1, "clamped to the last step");
}

#[test]
fn progress_is_kept_per_lesson_and_restored() {
    let mut t = Tutor::new(lessons(), Progress::default());
    let two = lesson("02-primeiro-conteiner");
    let three = lesson("03-imagens-e-camadas");
    t.open(Some(two));
    t.record(&["docker run hello-world".into(), INTERRUPT.into()]);
    t.observe(&ran_hello("primeiro"));
    t.goto_step(1, &World::new());
    t.open(Some(three));
    t.record(&["docker pull nginx".into()]);
    t.open(None);
    t.record(&["docker ps".into()]);
    t.open(Some(two));

    let saved = t.progress().to_json();
    let back = Tutor::new(lessons(), Progress::from_json(&saved));
    assert_eq!(back.lesson_index(), Some(two), "the open lesson comes back");
    assert_eq!(back.step_index(), 1);
    assert!(back.is_done(two, 0));
    let p = back.progress();
    assert_eq!(p.lessons["02-primeiro-conteiner"].lines, ["docker run hello-world", INTERRUPT]);
    assert_eq!(p.lessons["03-imagens-e-camadas"].lines, ["docker pull nginx"]);
    assert_eq!(p.sandbox, ["docker ps"]);
}

#[test]
fn reset_forgets_only_the_open_lesson() {
    let mut t = Tutor::new(lessons(), Progress::default());
    let (two, three) = (lesson("02-primeiro-conteiner"), lesson("03-imagens-e-camadas"));
    t.open(Some(three));
    t.record(&["docker pull nginx".into()]);
    t.open(Some(two));
    t.record(&["docker run hello-world".into()]);
    t.observe(&ran_hello("primeiro"));
    t.reset();
    assert_eq!(t.done_count(two), 0);
    assert_eq!(t.step_index(), 0);
    assert!(t.progress().lessons.get("02-primeiro-conteiner").is_none_or(|p| p.lines.is_empty()));
    assert_eq!(t.progress().lessons["03-imagens-e-camadas"].lines, ["docker pull nginx"]);
}

#[test]
fn an_unknown_saved_lesson_opens_free_mode_and_unsupported_goals_can_be_marked() {
    let p = Progress { current: Some("99-nao-existe".into()), ..Progress::default() };
    let mut t = Tutor::new(lessons(), p);
    assert_eq!(t.lesson_index(), None);
    let six = lesson("06-volumes");
    let s = t.open(Some(six));
    t.goto_step(1, s.world());
    assert_eq!(t.verdict(), &Verdict::NotMet, "volumes are checked on the world");
    // Only a goal the engine cannot check may be marked done by hand.
    t.mark_done();
    assert!(!t.is_done(six, 1));
}
