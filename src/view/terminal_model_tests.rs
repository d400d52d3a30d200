//! Tests of the terminal model against the shell's session.

use super::*;

fn typed(t: &mut Terminal, s: &mut Session, line: &str) {
    t.sync(line, line.len());
    t.key(s, Key::Enter);
}

fn setup() -> (Terminal, Session) {
    let s = Session::new();
    (Terminal::new(&s), s)
}

#[test]
fn enter_echoes_prompt_and_line_then_output() {
    let (mut t, mut s) = setup();
    typed(&mut t, &mut s, "dokcer ps");
    assert_eq!(
        t.scrollback.text(),
        "aluno@doca:~$ dokcer ps\nbash: dokcer: command not found\n`dokcer` não é um comando. Você quis dizer `docker`?\n"
    );
    assert_eq!(t.editor.text(), "");
    assert_eq!(t.history(), ["dokcer ps"]);
}

#[test]
fn prompt_is_coloured_like_ubuntu() {
    let spans = prompt_spans("aluno@doca:~$ ");
    let texts: Vec<&str> = spans.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["aluno@doca", ":", "~", "$ "]);
    assert!(spans[0].1.bold);
    assert_eq!(prompt_spans("/ # "), vec![("/ # ".to_string(), Style::default())]);
    assert!(prompt_spans("").is_empty());
}

#[test]
fn up_recalls_and_down_restores_the_draft() {
    let (mut t, mut s) = setup();
    typed(&mut t, &mut s, "one");
    typed(&mut t, &mut s, "two");
    t.sync("dr", 2);
    t.key(&mut s, Key::Up);
    assert_eq!(t.editor.text(), "two");
    assert_eq!(t.editor.cursor(), 3);
    t.key(&mut s, Key::Up);
    t.key(&mut s, Key::Up);
    assert_eq!(t.editor.text(), "one");
    t.key(&mut s, Key::Down);
    t.key(&mut s, Key::Down);
    assert_eq!(t.editor.text(), "dr");
}

#[test]
fn ctrl_l_clears_but_keeps_the_line_being_typed() {
    let (mut t, mut s) = setup();
    typed(&mut t, &mut s, "x");
    t.sync("docker", 6);
    t.key(&mut s, Key::CtrlL);
    assert_eq!(t.scrollback.text(), "");
    assert_eq!(t.editor.text(), "docker");
}

#[test]
fn ctrl_c_prints_caret_c_and_a_fresh_prompt() {
    let (mut t, mut s) = setup();
    t.sync("docker r", 8);
    t.key(&mut s, Key::CtrlC);
    assert_eq!(t.scrollback.text(), "aluno@doca:~$ docker r^C\n");
    assert_eq!(t.editor.text(), "");
    assert!(t.history().is_empty());
}

#[test]
fn tab_completes_a_single_candidate() {
    let (mut t, mut s) = setup();
    t.sync("doc", 3);
    let rev = t.editor_rev;
    t.key(&mut s, Key::Tab);
    assert_eq!(t.editor.text(), "docker ");
    assert_eq!(t.editor.cursor(), 7);
    assert!(t.editor_rev > rev);
}

#[test]
fn double_tab_lists_candidates_and_keeps_the_line() {
    let (mut t, mut s) = setup();
    t.sync("h", 1);
    t.key(&mut s, Key::Tab);
    assert_eq!(t.scrollback.text(), "");
    t.key(&mut s, Key::Tab);
    assert_eq!(t.scrollback.text(), "aluno@doca:~$ h\nhead      help      history   hostname  \n");
    assert_eq!(t.editor.text(), "h");
}

#[test]
fn typing_between_tabs_resets_the_double_tab() {
    let (mut t, mut s) = setup();
    t.sync("h", 1);
    t.key(&mut s, Key::Tab);
    t.sync("he", 2);
    t.sync("h", 1);
    t.key(&mut s, Key::Tab);
    assert_eq!(t.scrollback.text(), "");
}

#[test]
fn multi_line_paste_runs_line_by_line_in_batches() {
    let (mut t, mut s) = setup();
    t.sync("ab", 1);
    let text: String = (0..200).map(|i| format!("c{i}\n")).collect::<String>() + "tail";
    t.paste(&text);
    assert_eq!(t.queued(), 200);
    assert_eq!(t.editor.text(), "tailb");
    assert_eq!(t.editor.cursor(), 4);
    let mut rounds = 0;
    while t.run_queued(&mut s, BATCH_LINES) {
        rounds += 1;
        assert!(rounds < 10);
    }
    assert_eq!(rounds, 3);
    assert_eq!(t.queued(), 0);
    assert_eq!(s.history().len(), 200);
    assert_eq!(s.history()[0], "ac0");
    assert_eq!(s.history()[199], "c199");
}

#[test]
fn enter_during_a_paste_queues_after_it() {
    let (mut t, mut s) = setup();
    t.paste("a\nb\n");
    typed(&mut t, &mut s, "c");
    while t.run_queued(&mut s, BATCH_LINES) {}
    assert_eq!(s.history(), ["a", "b", "c"]);
}

#[test]
fn ctrl_c_drops_the_paste_queue() {
    let (mut t, mut s) = setup();
    t.paste("a\nb\n");
    t.key(&mut s, Key::CtrlC);
    assert_eq!(t.queued(), 0);
    assert!(!t.run_queued(&mut s, BATCH_LINES));
}

#[test]
fn crlf_paste_and_single_line_paste() {
    let (mut t, mut s) = setup();
    t.paste("docker");
    assert_eq!(t.queued(), 0);
    assert_eq!(t.editor.text(), "docker");
    t.paste(" ps\r\n");
    assert_eq!(t.queued(), 1);
    t.run_queued(&mut s, BATCH_LINES);
    assert_eq!(s.history(), ["docker ps"]);
}

#[test]
fn ten_thousand_lines_and_a_megabyte_line_stay_bounded() {
    let (mut t, mut s) = setup();
    let big = "x".repeat(1 << 20);
    t.paste(&format!("{big}\n"));
    assert!(!t.run_queued(&mut s, BATCH_LINES));
    let text: String = (0..10_000).map(|i| format!("l{i}\n")).collect();
    t.paste(&text);
    let mut rounds = 0;
    while t.run_queued(&mut s, BATCH_LINES) {
        rounds += 1;
    }
    assert_eq!(rounds, 10_000 / BATCH_LINES);
    assert!(t.scrollback.lines().len() <= crate::view::terminal::DEFAULT_CAP);
}

#[test]
fn output_without_newline_puts_the_next_prompt_after_it() {
    let (mut t, mut s) = setup();
    t.scrollback.write("abc");
    typed(&mut t, &mut s, "");
    assert_eq!(t.scrollback.text(), "abcaluno@doca:~$ \n");
}

#[test]
fn editing_keys_move_the_cursor() {
    let (mut t, mut s) = setup();
    t.sync("docker ps", 9);
    t.key(&mut s, Key::CtrlA);
    assert_eq!(t.editor.cursor(), 0);
    t.key(&mut s, Key::CtrlE);
    t.key(&mut s, Key::CtrlW);
    assert_eq!(t.editor.text(), "docker ");
    t.key(&mut s, Key::Home);
    t.key(&mut s, Key::Delete);
    t.key(&mut s, Key::Right);
    t.key(&mut s, Key::CtrlK);
    assert_eq!(t.editor.text(), "o");
    t.key(&mut s, Key::CtrlU);
    assert_eq!(t.editor.text(), "");
}

#[test]
fn batch_size_adapts_to_time_taken() {
    assert_eq!(adapt_batch(64, 20.0), 128);
    assert_eq!(adapt_batch(64, 80.0), 32);
    assert_eq!(adapt_batch(64, 10_000.0), 8);
    assert_eq!(adapt_batch(1024, 1.0), 1024);
    assert_eq!(adapt_batch(64, 0.0), 128);
    assert_eq!(adapt_batch(64, f64::NAN), 128);
    assert_eq!(adapt_batch(0, 40.0), 8);
}

#[test]
fn ctrl_c_on_an_attached_server_shows_its_shutdown_after_the_caret() {
    use crate::engine::clock::Span;
    let (mut t, mut s) = setup();
    typed(&mut t, &mut s, "docker run --name web nginx");
    t.tick(&mut s, Span::millis(1000));
    assert!(t.attached().is_some(), "the terminal follows nginx");
    assert_eq!(t.prompt, "");
    t.key(&mut s, Key::CtrlC);
    let text = t.scrollback.text();
    // The CLI forwards SIGINT; nginx's own lines follow `^C` on the same line, as in a
    // real terminal, and the prompt comes back once it exited (status 0).
    assert!(text.contains("start worker process 30\n^C2026/"), "{text}");
    assert!(text.contains("signal 2 (SIGINT) received, exiting\n"), "{text}");
    assert!(t.attached().is_none());
    assert_eq!(t.prompt, "aluno@doca:~$ ");
    typed(&mut t, &mut s, "echo $?");
    assert!(t.scrollback.text().ends_with("aluno@doca:~$ echo $?\n0\n"), "{}", t.scrollback.text());
}

#[test]
fn an_interactive_container_shell_takes_lines_and_ctrl_c_until_exit() {
    let (mut t, mut s) = setup();
    typed(&mut t, &mut s, "docker run -it alpine sh");
    assert_eq!(t.prompt, "/ # ");
    typed(&mut t, &mut s, "ls /");
    assert!(t.scrollback.text().contains("/ # ls /\nbin    etc"), "{}", t.scrollback.text());
    t.sync("ech", 3);
    t.key(&mut s, Key::CtrlC);
    assert!(t.scrollback.text().ends_with("/ # ech^C\n"), "{}", t.scrollback.text());
    assert_eq!(t.prompt, "/ # ");
    typed(&mut t, &mut s, "exit");
    assert_eq!(t.prompt, "aluno@doca:~$ ");
    assert!(t.attached().is_none());
}
