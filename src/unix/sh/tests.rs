//! Parser tests: structure of parsed programs and syntax error texts of each dialect
//! (expected texts copied from busybox 1.35 ash, dash 0.5.12 and bash 5.2).

use super::ast::*;
use super::*;

fn err(src: &str, d: Dialect, argv0: &str) -> String {
    parse(src, d).expect_err("should fail").message(d, argv0, &Origin::CommandString)
}

#[test]
fn simple_commands_assignments_and_redirections() {
    let l = parse("A=1 B=\"x y\" echo hi 2>&1 >/dev/null", Dialect::Ash).unwrap();
    let Command::Simple(s) = &*l[0].first.cmds[0] else { panic!() };
    assert_eq!(s.assigns.len(), 2);
    assert_eq!(s.words.len(), 2);
    assert_eq!(s.redirs[0].fd, Some(2));
    assert_eq!(s.redirs[0].op, RedirOp::DupOut);
    assert_eq!(s.redirs[1].op, RedirOp::Out);
}

#[test]
fn compound_commands() {
    let src = "if a; then b; elif c; then d; else e; fi; while x; do y; done\nfor i in 1 2 3; do echo $i; done\ncase $x in a|b) echo ab;; *) echo other;; esac\nf() { echo f; }\n(cd /; ls) &";
    let l = parse(src, Dialect::Dash).unwrap();
    assert_eq!(l.len(), 6);
    assert!(l[5].background);
    assert!(matches!(&*l[4].first.cmds[0], Command::FuncDef { name, .. } if name == "f"));
}

#[test]
fn words_parts() {
    let l = parse("echo '$a' \"$b ${c:-d}\" $(echo `date`) $((1+2)) ~/x \\$", Dialect::Bash).unwrap();
    let Command::Simple(s) = &*l[0].first.cmds[0] else { panic!() };
    assert_eq!(s.words[1], vec![Part::Quoted("$a".into())]);
    assert!(matches!(&s.words[2][0], Part::Double(p) if p.len() == 3));
    assert!(matches!(&s.words[3][0], Part::Subst(_)));
    assert!(matches!(&s.words[4][0], Part::Arith(_)));
    assert!(matches!(&s.words[5][0], Part::Tilde(u) if u.is_empty()));
    assert_eq!(s.words[6], vec![Part::Quoted("$".into())]);
}

#[test]
fn heredocs() {
    let l = parse("cat <<EOF; echo after\nhello $USER\nEOF\necho next\ncat <<'X'\n$raw\nX\n", Dialect::Ash).unwrap();
    assert_eq!(l.len(), 4);
    let Command::Simple(s) = &*l[0].first.cmds[0] else { panic!() };
    assert_eq!(s.redirs[0].op, RedirOp::HereDoc);
    let Command::Simple(s) = &*l[3].first.cmds[0] else { panic!() };
    assert_eq!(s.redirs[0].target, vec![Part::Quoted("$raw\n".into())]);
}

#[test]
fn incremental_commands() {
    let mut p = Parser::new("echo a\necho b; echo c\nfi\n", Dialect::Dash);
    assert_eq!(p.next_command().unwrap().unwrap().len(), 1);
    assert_eq!(p.next_command().unwrap().unwrap().len(), 2);
    let e = p.next_command().unwrap_err();
    assert_eq!(e.message(Dialect::Dash, "sh", &Origin::CommandString), "sh: 3: Syntax error: \"fi\" unexpected\n");
}

#[test]
fn ash_error_texts() {
    assert_eq!(
        err("while true; do echo", Dialect::Ash, "sh"),
        "sh: syntax error: unexpected end of file (expecting \"done\")\n"
    );
    assert_eq!(err("echo \"abc", Dialect::Ash, "sh"), "sh: syntax error: unterminated quoted string\n");
    assert_eq!(err("echo )", Dialect::Ash, "sh"), "sh: syntax error: unexpected \")\"\n");
    assert_eq!(
        err("for x in 1 2; echo; done", Dialect::Ash, "sh"),
        "sh: syntax error: unexpected word (expecting \"do\")\n"
    );
    assert_eq!(err("echo ${x", Dialect::Ash, "sh"), "sh: syntax error: missing '}'\n");
    assert_eq!(err("echo `ls", Dialect::Ash, "sh"), "sh: syntax error: EOF in backquote substitution\n");
    assert_eq!(err("echo $(ls", Dialect::Ash, "sh"), "sh: syntax error: unexpected end of file (expecting \")\")\n");
    assert_eq!(err("if then fi", Dialect::Ash, "sh"), "sh: syntax error: unexpected \"then\"\n");
    assert_eq!(err("echo &&", Dialect::Ash, "sh"), "sh: syntax error: unexpected end of file\n");
    assert_eq!(err("&& ls", Dialect::Ash, "sh"), "sh: syntax error: unexpected \"&&\"\n");
    assert_eq!(err("{ echo", Dialect::Ash, "sh"), "sh: syntax error: unexpected end of file (expecting \"}\")\n");
    let e = parse("echo a\nif true; then\necho b\n", Dialect::Ash).unwrap_err();
    assert_eq!(
        e.message(Dialect::Ash, "sh", &Origin::Script("t1.sh".into())),
        "t1.sh: line 4: syntax error: unexpected end of file (expecting \"fi\")\n"
    );
}

#[test]
fn dash_error_texts() {
    assert_eq!(
        err("while true; do echo", Dialect::Dash, "sh"),
        "sh: 1: Syntax error: end of file unexpected (expecting \"done\")\n"
    );
    assert_eq!(err("echo 'abc", Dialect::Dash, "sh"), "sh: 1: Syntax error: Unterminated quoted string\n");
    assert_eq!(err("fi", Dialect::Dash, "sh"), "sh: 1: Syntax error: \"fi\" unexpected\n");
    assert_eq!(err("echo ;;", Dialect::Dash, "sh"), "sh: 1: Syntax error: \";;\" unexpected\n");
    assert_eq!(err("echo ${x", Dialect::Dash, "sh"), "sh: 1: Syntax error: Missing '}'\n");
    assert_eq!(err("x=(", Dialect::Dash, "sh"), "sh: 1: Syntax error: \"(\" unexpected\n");
}

#[test]
fn bash_error_texts() {
    assert_eq!(
        err("while true; do echo", Dialect::Bash, "bash"),
        "bash: -c: line 2: syntax error: unexpected end of file\n"
    );
    assert_eq!(
        err("echo \"abc", Dialect::Bash, "bash"),
        "bash: -c: line 1: unexpected EOF while looking for matching `\"'\n"
    );
    assert_eq!(
        err("case x in a) echo;; ;; esac", Dialect::Bash, "bash"),
        "bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `case x in a) echo;; ;; esac'\n"
    );
    assert_eq!(
        err("for x in 1 2; echo; done", Dialect::Bash, "bash"),
        "bash: -c: line 1: syntax error near unexpected token `echo'\nbash: -c: line 1: `for x in 1 2; echo; done'\n"
    );
    let e = parse("if true; then fi", Dialect::Bash).unwrap_err();
    assert_eq!(
        e.message(Dialect::Bash, "bash", &Origin::Interactive),
        "bash: syntax error near unexpected token `fi'\n"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = "$(".repeat(500);
    assert!(parse(&src, Dialect::Ash).is_err());
    let src = "(".repeat(500);
    assert!(parse(&src, Dialect::Ash).is_err());
}
