//! The parser of Go's `text/template`: actions, pipelines, `if`/`range`/`with` with
//! `else`/`else if`, variables, parenthesized pipelines, and Go's parse errors
//! (`function "foo" not defined`, `unexpected EOF`, …).
//!
//! Invariant: recursion depth is bounded by the nesting in the source (itself bounded
//! by [`MAX_DEPTH`]); every loop consumes a token.

use super::funcs::is_func;
use super::lex::{Item, Tok};

/// Deepest nesting accepted (Go's limit is 10000; terminals need far less).
pub const MAX_DEPTH: usize = 100;

/// One argument of a command.
#[derive(Clone, Debug)]
pub enum Arg {
    /// `.A.B` (empty for `.`).
    Field(Vec<String>),
    /// `$x.A.B` (`$` alone is the root data).
    Var(String, Vec<String>),
    Dot,
    Func(String),
    Str(String, String),
    Number(String),
    Bool(bool),
    Nil,
    /// `(pipeline).A.B`.
    Sub(Box<Pipe>, Vec<String>),
}

#[derive(Clone, Debug)]
pub struct Operand {
    pub pos: usize,
    pub arg: Arg,
}

#[derive(Clone, Debug)]
pub struct Command {
    pub pos: usize,
    pub args: Vec<Operand>,
}

#[derive(Clone, Debug)]
pub struct Pipe {
    /// Declared or assigned variables (`$x :=`, `$i, $v :=`).
    pub vars: Vec<String>,
    pub assign: bool,
    pub cmds: Vec<Command>,
}

#[derive(Clone, Debug)]
pub enum Node {
    Text(String),
    Action(Pipe),
    If(Pipe, Vec<Node>, Vec<Node>),
    Range(Pipe, Vec<Node>, Vec<Node>),
    With(Pipe, Vec<Node>, Vec<Node>),
    Break,
    Continue,
}

fn fields_str(fields: &[String]) -> String {
    fields.iter().map(|f| format!(".{f}")).collect()
}

impl Operand {
    /// The node as Go prints it in error contexts.
    pub fn text(&self) -> String {
        match &self.arg {
            Arg::Field(f) if f.is_empty() => ".".into(),
            Arg::Field(f) => fields_str(f),
            Arg::Var(v, f) => format!("{v}{}", fields_str(f)),
            Arg::Dot => ".".into(),
            Arg::Func(n) => n.clone(),
            Arg::Str(_, src) => src.clone(),
            Arg::Number(n) => n.clone(),
            Arg::Bool(b) => b.to_string(),
            Arg::Nil => "nil".into(),
            Arg::Sub(p, f) => format!("({}){}", p.text(), fields_str(f)),
        }
    }
}

impl Command {
    pub fn text(&self) -> String {
        self.args
            .iter()
            .map(Operand::text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Pipe {
    pub fn text(&self) -> String {
        let mut s = String::new();
        if !self.vars.is_empty() {
            s.push_str(&self.vars.join(", "));
            s.push_str(if self.assign { " = " } else { " := " });
        }
        s.push_str(
            &self
                .cmds
                .iter()
                .map(Command::text)
                .collect::<Vec<_>>()
                .join(" | "),
        );
        s
    }
}

/// A parse error: message and byte offset.
pub type PErr = (String, usize);

struct Parser {
    src: String,
    items: Vec<Item>,
    i: usize,
    vars: Vec<String>,
    range_depth: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Item {
        &self.items[self.i.min(self.items.len() - 1)]
    }
    fn next(&mut self) -> Item {
        let it = self.peek().clone();
        if self.i < self.items.len() - 1 {
            self.i += 1;
        }
        it
    }
    fn next_non_space(&mut self) -> Item {
        loop {
            let it = self.next();
            if it.tok != Tok::Space {
                return it;
            }
        }
    }
    fn peek_non_space(&mut self) -> Item {
        let save = self.i;
        let it = self.next_non_space();
        self.i = save;
        it
    }

    /// Parses nodes until `{{end}}`/`{{else}}` (returned) or EOF (only at top level).
    fn list(&mut self, top: bool) -> Result<(Vec<Node>, &'static str), PErr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(("max nesting depth exceeded".into(), self.peek().pos));
        }
        let mut nodes = Vec::new();
        loop {
            let it = self.next();
            match it.tok {
                Tok::Eof if top => break,
                Tok::Eof => return Err(("unexpected EOF".into(), it.pos)),
                Tok::Text(t) => nodes.push(Node::Text(t)),
                Tok::Left => {
                    let kw = self.peek_non_space();
                    match kw.tok {
                        Tok::Keyword("end") if !top => {
                            self.next_non_space();
                            self.expect_right("end")?;
                            self.depth -= 1;
                            return Ok((nodes, "end"));
                        }
                        Tok::Keyword("else") if !top => {
                            self.next_non_space();
                            self.depth -= 1;
                            return Ok((nodes, "else"));
                        }
                        Tok::Keyword(k @ ("end" | "else")) => {
                            return Err((format!("unexpected {{{{{k}}}}}"), kw.pos));
                        }
                        _ => nodes.push(self.action()?),
                    }
                }
                _ => return Err((format!("unexpected {}", it.describe(&self.src)), it.pos)),
            }
        }
        self.depth -= 1;
        Ok((nodes, ""))
    }

    fn expect_right(&mut self, ctx: &str) -> Result<(), PErr> {
        let it = self.next_non_space();
        if it.tok != Tok::Right {
            return Err((
                format!("unexpected {} in {ctx}", it.describe(&self.src)),
                it.pos,
            ));
        }
        Ok(())
    }

    fn action(&mut self) -> Result<Node, PErr> {
        let it = self.peek_non_space();
        match it.tok {
            Tok::Keyword("if") => {
                self.next_non_space();
                self.control("if", Node::If)
            }
            Tok::Keyword("range") => {
                self.next_non_space();
                self.range_depth += 1;
                let r = self.control("range", Node::Range);
                self.range_depth -= 1;
                r
            }
            Tok::Keyword("with") => {
                self.next_non_space();
                self.control("with", Node::With)
            }
            Tok::Keyword(k @ ("break" | "continue")) => {
                self.next_non_space();
                if self.range_depth == 0 {
                    return Err((format!("{{{{{k}}}}} outside {{{{range}}}}"), it.pos));
                }
                self.expect_right(k)?;
                Ok(if k == "break" {
                    Node::Break
                } else {
                    Node::Continue
                })
            }
            Tok::Keyword(k) => Err((format!("unsupported action {{{{{k}}}}}"), it.pos)),
            _ => Ok(Node::Action(self.pipeline("command", true)?)),
        }
    }

    fn control(
        &mut self,
        ctx: &str,
        make: fn(Pipe, Vec<Node>, Vec<Node>) -> Node,
    ) -> Result<Node, PErr> {
        let vars_before = self.vars.len();
        let pipe = self.pipeline(ctx, ctx == "range")?;
        let (body, ended) = self.list(false)?;
        let mut else_list = Vec::new();
        if ended == "else" {
            let next = self.peek_non_space();
            if (ctx == "if" || ctx == "with")
                && next.tok == Tok::Keyword(if ctx == "if" { "if" } else { "with" })
            {
                // {{else if …}} is {{else}}{{if …}}…{{end}} sharing the {{end}}
                self.next_non_space();
                else_list.push(self.control(ctx, make)?);
            } else {
                self.expect_right("else")?;
                let (l, e) = self.list(false)?;
                if e == "else" {
                    return Err(("expected end; found {{else}}".into(), self.peek().pos));
                }
                else_list = l;
            }
        }
        self.vars.truncate(vars_before);
        Ok(make(pipe, body, else_list))
    }

    fn pipeline(&mut self, ctx: &str, multi_decl: bool) -> Result<Pipe, PErr> {
        let start = self.peek_non_space().pos;
        let mut pipe = Pipe {
            vars: Vec::new(),
            assign: false,
            cmds: Vec::new(),
        };
        // declarations
        let save = self.i;
        if let Tok::Variable(v) = self.next_non_space().tok {
            let after = self.next_non_space();
            match after.tok {
                Tok::Declare | Tok::Assign => {
                    pipe.assign = after.tok == Tok::Assign;
                    if pipe.assign && !self.vars.contains(&v) {
                        return Err((format!("undefined variable \"{v}\""), start));
                    }
                    pipe.vars.push(v);
                }
                Tok::Comma if multi_decl => {
                    pipe.vars.push(v);
                    if let Tok::Variable(v2) = self.next_non_space().tok {
                        pipe.vars.push(v2);
                        let d = self.next_non_space();
                        if !matches!(d.tok, Tok::Declare | Tok::Assign) {
                            return Err(("expected := or = in range".into(), d.pos));
                        }
                        pipe.assign = d.tok == Tok::Assign;
                    } else {
                        return Err(("range can only initialize variables".into(), start));
                    }
                }
                _ => self.i = save,
            }
        } else {
            self.i = save;
        }
        let end = if ctx == "parenthesized pipeline" {
            Tok::RParen
        } else {
            Tok::Right
        };
        loop {
            let save = self.i;
            let it = self.next_non_space();
            if it.tok == end {
                if pipe.cmds.is_empty() {
                    return Err((format!("missing value for {ctx}"), it.pos));
                }
                break;
            }
            let starts_command = matches!(
                it.tok,
                Tok::Bool(_)
                    | Tok::Dot
                    | Tok::Field(_)
                    | Tok::Ident(_)
                    | Tok::Number(_)
                    | Tok::Nil
                    | Tok::Str(..)
                    | Tok::Variable(_)
                    | Tok::LParen
            );
            if !starts_command {
                return Err((
                    format!("unexpected {} in {ctx}", it.describe(&self.src)),
                    it.pos,
                ));
            }
            self.i = save;
            let cmd = self.command()?;
            pipe.cmds.push(cmd);
        }
        if !pipe.assign {
            for v in &pipe.vars {
                self.vars.push(v.clone());
            }
        }
        Ok(pipe)
    }

    fn command(&mut self) -> Result<Command, PErr> {
        let pos = self.peek_non_space().pos;
        let mut cmd = Command {
            pos,
            args: Vec::new(),
        };
        loop {
            while self.peek().tok == Tok::Space {
                self.next();
            }
            if let Some(op) = self.operand()? {
                cmd.args.push(op);
            }
            let it = self.next();
            match it.tok {
                Tok::Space => continue,
                Tok::Right | Tok::RParen => self.i -= 1,
                Tok::Pipe => {}
                _ => {
                    return Err((
                        format!("unexpected {} in operand", it.describe(&self.src)),
                        it.pos,
                    ));
                }
            }
            break;
        }
        if cmd.args.is_empty() {
            return Err(("empty command".into(), pos));
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> Result<Option<Operand>, PErr> {
        let save = self.i;
        let it = self.next_non_space();
        let pos = it.pos;
        let mut arg = match it.tok {
            Tok::Ident(name) => {
                if !is_func(&name) {
                    return Err((format!("function \"{name}\" not defined"), pos));
                }
                Arg::Func(name)
            }
            Tok::Dot => Arg::Dot,
            Tok::Nil => Arg::Nil,
            Tok::Variable(v) => {
                if v != "$" && !self.vars.contains(&v) {
                    return Err((format!("undefined variable \"{v}\""), pos));
                }
                Arg::Var(v, Vec::new())
            }
            Tok::Field(f) => Arg::Field(vec![f]),
            Tok::Bool(b) => Arg::Bool(b),
            Tok::Number(n) => Arg::Number(n),
            Tok::Str(v, src) => Arg::Str(v, src),
            Tok::LParen => Arg::Sub(
                Box::new(self.pipeline("parenthesized pipeline", false)?),
                Vec::new(),
            ),
            _ => {
                self.i = save;
                return Ok(None);
            }
        };
        let mut op_pos = pos;
        let mut first_chain = true;
        while let Tok::Field(f) = &self.peek().tok {
            let f = f.clone();
            if first_chain {
                op_pos = self.peek().pos;
                first_chain = false;
            }
            self.next();
            match &mut arg {
                Arg::Field(fs) | Arg::Var(_, fs) | Arg::Sub(_, fs) => fs.push(f),
                Arg::Dot | Arg::Bool(_) | Arg::Number(_) | Arg::Str(..) | Arg::Nil => {
                    let t = Operand {
                        pos,
                        arg: arg.clone(),
                    }
                    .text();
                    return Err((format!("unexpected . after term \"{t}\""), pos));
                }
                Arg::Func(_) => return Err(("function with field chain".into(), pos)),
            }
        }
        Ok(Some(Operand { pos: op_pos, arg }))
    }
}

/// Parses a token list into nodes.
pub fn parse(src: &str, items: Vec<Item>) -> Result<Vec<Node>, PErr> {
    let mut p = Parser {
        src: src.to_string(),
        items,
        i: 0,
        vars: vec!["$".into()],
        range_depth: 0,
        depth: 0,
    };
    let (nodes, _) = p.list(true)?;
    Ok(nodes)
}
