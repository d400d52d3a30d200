//! Playback: the feed of commands, time, pause, steps, replay, speed, catch-up, the log.

mod view_support;

use doca::engine::World;
use doca::engine::event::{ClientId, DaemonId};
use doca::engine::model::config::HostConfig;
use doca::engine::model::container::Status;
use doca::view::anim_feed::Feed;
use doca::view::anim_playback::{MAX_BEHIND, Playback};

/// Runs `f` on the world and records it in the feed as `line`.
fn run(w: &mut World, feed: &mut Feed, line: &str, f: impl FnOnce(&mut World)) {
    w.take_events();
    f(w);
    let events = w.take_events();
    feed.record(line, w, &events);
}

fn setup() -> (World, Feed, Playback) {
    let mut w = World::new();
    view_support::pull(&mut w, "alpine");
    w.take_events();
    let feed = Feed::new(&w);
    let pb = Playback::new(&feed);
    (w, feed, pb)
}

fn run_web(w: &mut World, feed: &mut Feed) {
    run(w, feed, "docker run -d --name web alpine sleep 1000", |w| {
        view_support::create(w, "web", "alpine", &["sleep", "1000"], HostConfig::default());
        w.api(ClientId(0)).container_start("web").unwrap();
    });
}

/// Ticks until idle; returns the number of ticks.
fn play_out(pb: &mut Playback) -> u32 {
    let mut n = 0;
    while pb.busy() && n < 10_000 {
        pb.tick(16);
        n += 1;
    }
    n
}

#[test]
fn plays_a_command_to_its_final_scene_and_logs_every_step_once() {
    let (mut w, mut feed, mut pb) = setup();
    assert_eq!(pb.scene().daemon(DaemonId(0)).unwrap().containers.len(), 0);
    run_web(&mut w, &mut feed);
    assert!(pb.sync(&feed));
    assert!(!pb.sync(&feed), "the same clip is not taken twice");
    let f = pb.frame();
    assert_eq!(f.step, 1);
    assert_eq!(f.packet.as_ref().unwrap().label, "POST /containers/create");
    let ticks = play_out(&mut pb);
    // At 1× a typical command takes under 1.5 s: fewer than 100 frames of 16 ms.
    assert!(ticks < 100, "{ticks} ticks");
    assert_eq!(*pb.scene().daemon(DaemonId(0)).unwrap(), *feed.latest().daemon(DaemonId(0)).unwrap());
    let clip = pb.clip().unwrap().clone();
    let log: Vec<&str> = pb.log().iter().map(|e| e.text.as_str()).collect();
    assert_eq!(log[0], "$ docker run -d --name web alpine sleep 1000");
    let captions: Vec<&str> = clip.steps.iter().map(|s| s.caption.as_str()).collect();
    assert_eq!(&log[1..], &captions[..]);
}

#[test]
fn pause_step_back_forward_and_replay() {
    let (mut w, mut feed, mut pb) = setup();
    run_web(&mut w, &mut feed);
    pb.sync(&feed);
    pb.toggle_pause();
    assert!(!pb.tick(1000), "paused: time does not move");
    assert_eq!(pb.frame().step, 1);
    pb.step_forward();
    pb.step_forward();
    assert_eq!(pb.frame().step, 3);
    assert!(pb.paused());
    pb.step_back();
    assert_eq!(pb.frame().step, 2);
    // Stepping parks a packet mid-flight so its label reads.
    let f = pb.frame();
    if f.packet.is_some() {
        assert_eq!(f.progress, 600);
    }
    let len = pb.clip().unwrap().steps.len() as u32;
    for _ in 0..len + 3 {
        pb.step_forward();
    }
    assert!(!pb.busy());
    let log_len = pb.log().len();
    assert_eq!(log_len, 1 + len as usize, "stepping back and forth logs nothing twice");
    let status = |pb: &Playback| pb.scene().daemon(DaemonId(0)).unwrap().containers.first().map(|c| c.status);
    assert_eq!(status(&pb), Some(Status::Running));
    pb.replay();
    assert!(!pb.paused());
    assert_eq!(pb.frame().step, 1);
    assert_eq!(status(&pb), None, "replay starts from the scene before the command");
    play_out(&mut pb);
    assert_eq!(status(&pb), Some(Status::Running));
    assert_eq!(pb.log().len(), log_len);
}

#[test]
fn speed_scales_time() {
    let (mut w, mut feed, mut pb) = setup();
    run_web(&mut w, &mut feed);
    let mut slow = pb.clone();
    pb.sync(&feed);
    slow.sync(&feed);
    pb.set_speed(4000);
    slow.set_speed(300);
    assert_eq!(slow.speed(), 250);
    let fast_ticks = play_out(&mut pb);
    let slow_ticks = play_out(&mut slow);
    assert!(slow_ticks > fast_ticks * 10, "{slow_ticks} vs {fast_ticks}");
}

#[test]
fn typing_ahead_catches_up() {
    let (mut w, mut feed, mut pb) = setup();
    run_web(&mut w, &mut feed);
    for i in 0..6 {
        let line = format!("docker ps #{i}");
        run(&mut w, &mut feed, &line, |w| {
            w.api(ClientId(0)).container_list(&Default::default()).unwrap();
        });
    }
    pb.sync(&feed);
    assert!(pb.frame().queued as usize <= MAX_BEHIND);
    let ticks = play_out(&mut pb);
    assert!(ticks < 200, "{ticks} ticks to catch up");
    // Every command and step still reached the log, in order.
    let commands: Vec<&str> = pb.log().iter().filter(|e| e.command).map(|e| e.text.as_str()).collect();
    assert_eq!(commands.len(), 7);
    assert_eq!(commands[6], "$ docker ps #5");
    let keys: std::collections::BTreeSet<&str> = pb.log().iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys.len(), pb.log().len());
}

#[test]
fn reduced_motion_parks_packets_and_reset_starts_over() {
    let (mut w, mut feed, mut pb) = setup();
    pb.set_reduced_motion(true);
    run_web(&mut w, &mut feed);
    pb.sync(&feed);
    pb.tick(10);
    assert_eq!(pb.frame().progress, 500);
    // Commands that change nothing are not animated.
    let before = feed.clone();
    feed.record_scene("echo oi", (**feed.latest()).clone(), &[]);
    assert_eq!(feed, before);
    // A new session: a new generation, the player follows.
    let fresh = World::new();
    feed.reset(&fresh);
    assert!(pb.sync(&feed));
    assert!(pb.clip().is_none());
    assert!(pb.reduced_motion());
    assert!(pb.scene().daemon(DaemonId(0)).unwrap().images.is_empty());
}

#[test]
fn a_replaced_feed_is_followed() {
    let (mut w, mut feed, mut pb) = setup();
    run_web(&mut w, &mut feed);
    pb.sync(&feed);
    play_out(&mut pb);
    // The app swaps in a feed built from another world: the player shows that world.
    let mut other = World::new();
    view_support::pull(&mut other, "hello-world");
    let swapped = Feed::new(&other);
    let epoch = pb.epoch();
    assert!(pb.sync(&swapped));
    assert_ne!(pb.epoch(), epoch, "views keyed on the epoch recompute");
    assert!(pb.clip().is_none());
    assert_eq!(pb.scene().daemon(DaemonId(0)).unwrap().images.len(), 1);
    assert!(pb.scene().daemon(DaemonId(0)).unwrap().containers.is_empty());
    // A reset followed by commands before the pane syncs: those commands still play.
    feed.reset(&World::new());
    let mut fresh = World::new();
    view_support::pull(&mut fresh, "alpine");
    fresh.take_events();
    let mut after_reset = Feed::new(&fresh);
    for _ in 0..feed.generation() {
        after_reset.reset(&fresh);
    }
    run_web(&mut fresh, &mut after_reset);
    assert!(pb.sync(&after_reset));
    assert_eq!(pb.frame().line, "docker run -d --name web alpine sleep 1000");
    assert!(pb.scene().daemon(DaemonId(0)).unwrap().containers.is_empty(), "starts from the scene before it");
}
