//! Executing a parsed template against a [`Value`], with Go's semantics for fields,
//! methods, maps, variables, `if`/`range`/`with`, pipelines and its error messages
//! (`template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type …`).
//!
//! Invariant: execution is bounded ([`MAX_STEPS`] node visits, [`MAX_OUTPUT`] bytes), so
//! no template hangs or exhausts memory.

use super::funcs::{self, Param};
use super::lex::{col_of, line_of};
use super::parse::{Arg, Command, Node, Operand, Pipe};
use super::value::Value;
use crate::cli::gostr::{parse_float, parse_int};

pub const MAX_STEPS: usize = 200_000;
pub const MAX_OUTPUT: usize = 1 << 20;

/// Execution options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// docker's header functions (`json`, `upper`, … return the column name).
    pub header: bool,
    /// `missingkey=error` (inspect's raw JSON fallback).
    pub missing_key_error: bool,
}

enum Flow {
    Normal,
    Break,
    Continue,
}

pub struct Exec<'a> {
    name: &'a str,
    src: &'a str,
    opts: Options,
    out: String,
    vars: Vec<(String, Value)>,
    at: (usize, String),
    steps: usize,
}

type R<T> = Result<T, String>;

impl<'a> Exec<'a> {
    pub fn new(name: &'a str, src: &'a str, root: Value, opts: Options) -> Exec<'a> {
        Exec {
            name,
            src,
            opts,
            out: String::new(),
            vars: vec![("$".into(), root)],
            at: (0, String::new()),
            steps: 0,
        }
    }

    /// Runs the nodes with `dot` and returns the output.
    pub fn run(mut self, nodes: &[Node], dot: &Value) -> R<String> {
        self.walk(nodes, dot)?;
        Ok(self.out)
    }

    /// Runs and returns what was written even when execution fails (Go writes as it goes).
    pub fn run_partial(mut self, nodes: &[Node], dot: &Value) -> (String, Option<String>) {
        let err = self.walk(nodes, dot).err();
        (self.out, err)
    }

    fn fail<T>(&self, msg: impl Into<String>) -> R<T> {
        // Go's `ErrorContext` shows the whole node (`<.HostConfig.LogConfig.Config.X>`).
        let (pos, ctx) = &self.at;
        Err(format!(
            "template: {}:{}:{}: executing \"{}\" at <{ctx}>: {}",
            self.name,
            line_of(self.src, *pos),
            col_of(self.src, *pos),
            self.name,
            msg.into()
        ))
    }

    fn at(&mut self, pos: usize, text: String) {
        self.at = (pos, text);
    }

    fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS || self.out.len() > MAX_OUTPUT {
            return Err("template: execution too long".into());
        }
        Ok(())
    }

    fn walk(&mut self, nodes: &[Node], dot: &Value) -> R<Flow> {
        for node in nodes {
            self.step()?;
            match node {
                Node::Text(t) => self.out.push_str(t),
                Node::Action(pipe) => {
                    let v = self.pipe(dot, pipe)?;
                    if pipe.vars.is_empty() {
                        self.out.push_str(&v.sprint());
                    }
                }
                Node::If(pipe, body, els) | Node::With(pipe, body, els) => {
                    let mark = self.vars.len();
                    let v = self.pipe(dot, pipe)?;
                    let is_with = matches!(node, Node::With(..));
                    let flow = if v.truth() {
                        self.walk(body, if is_with { &v } else { dot })?
                    } else {
                        self.walk(els, dot)?
                    };
                    self.vars.truncate(mark);
                    if !matches!(flow, Flow::Normal) {
                        return Ok(flow);
                    }
                }
                Node::Range(pipe, body, els) => {
                    let mark = self.vars.len();
                    let flow = self.range(dot, pipe, body, els)?;
                    self.vars.truncate(mark);
                    let _ = flow;
                }
                Node::Break => return Ok(Flow::Break),
                Node::Continue => return Ok(Flow::Continue),
            }
        }
        Ok(Flow::Normal)
    }

    fn range(&mut self, dot: &Value, pipe: &Pipe, body: &[Node], els: &[Node]) -> R<Flow> {
        let mut decl = pipe.clone();
        decl.vars.clear();
        let v = self.pipe(dot, &decl)?;
        let items: Vec<(Value, Value)> = match &v {
            Value::List(l) => l
                .iter()
                .enumerate()
                .map(|(i, e)| (Value::Int(i as i64), e.clone()))
                .collect(),
            Value::Map(m, _) => m
                .iter()
                .map(|(k, e)| (Value::Str(k.clone()), e.clone()))
                .collect(),
            Value::Int(n) if *n >= 0 => (0..(*n).min(MAX_STEPS as i64))
                .map(|i| (Value::Int(i), Value::Int(i)))
                .collect(),
            Value::Nil | Value::NoValue | Value::NilSlice | Value::NilMap => Vec::new(),
            other => return self.fail(format!("range can't iterate over {}", other.sprint())),
        };
        if items.is_empty() {
            return self.walk(els, dot);
        }
        let mark = self.vars.len();
        for (k, e) in items {
            self.step()?;
            self.vars.truncate(mark);
            match pipe.vars.as_slice() {
                [v] => self.set_var(v, e.clone(), pipe.assign),
                [kv, vv] => {
                    self.set_var(kv, k, pipe.assign);
                    self.set_var(vv, e.clone(), pipe.assign);
                }
                _ => {}
            }
            match self.walk(body, &e)? {
                Flow::Break => break,
                Flow::Continue | Flow::Normal => {}
            }
        }
        Ok(Flow::Normal)
    }

    fn set_var(&mut self, name: &str, v: Value, assign: bool) {
        if assign && let Some(slot) = self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            slot.1 = v;
            return;
        }
        self.vars.push((name.to_string(), v));
    }

    fn var(&self, name: &str) -> R<Value> {
        match self.vars.iter().rev().find(|(n, _)| n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => self.fail(format!("undefined variable: {name}")),
        }
    }

    fn pipe(&mut self, dot: &Value, pipe: &Pipe) -> R<Value> {
        let mut last: Option<Value> = None;
        for cmd in &pipe.cmds {
            last = Some(self.command(dot, cmd, last)?);
        }
        let v = last.unwrap_or(Value::NoValue);
        for name in &pipe.vars {
            self.set_var(name, v.clone(), pipe.assign);
        }
        Ok(v)
    }

    fn command(&mut self, dot: &Value, cmd: &Command, fin: Option<Value>) -> R<Value> {
        let first = &cmd.args[0];
        let rest = &cmd.args[1..];
        match &first.arg {
            Arg::Field(names) => {
                self.at(first.pos, first.text());
                self.chain(dot, dot.clone(), false, names, rest, fin, first)
            }
            Arg::Var(name, names) => {
                self.at(first.pos, first.text());
                let v = self.var(name)?;
                if names.is_empty() {
                    self.not_a_function(rest, &fin, first)?;
                    return Ok(v);
                }
                self.chain(dot, v, false, names, rest, fin, first)
            }
            Arg::Sub(pipe, names) => {
                self.at(first.pos, first.text());
                let v = self.pipe(dot, pipe)?;
                if names.is_empty() {
                    self.not_a_function(rest, &fin, first)?;
                    return Ok(v);
                }
                self.chain(dot, v, false, names, rest, fin, first)
            }
            Arg::Func(name) => self.function(dot, name, cmd, fin, first),
            Arg::Dot => {
                self.at(first.pos, first.text());
                self.not_a_function(rest, &fin, first)?;
                Ok(dot.clone())
            }
            _ => {
                self.at(first.pos, first.text());
                if matches!(first.arg, Arg::Nil) {
                    return self.fail("nil is not a command");
                }
                self.not_a_function(rest, &fin, first)?;
                self.constant(first)
            }
        }
    }

    fn not_a_function(&self, rest: &[Operand], fin: &Option<Value>, first: &Operand) -> R<()> {
        if !rest.is_empty() || fin.is_some() {
            return self.fail(format!(
                "can't give argument to non-function {}",
                first.text()
            ));
        }
        Ok(())
    }

    fn constant(&self, op: &Operand) -> R<Value> {
        Ok(match &op.arg {
            Arg::Str(s, _) => Value::Str(s.clone()),
            Arg::Bool(b) => Value::Bool(*b),
            Arg::Nil => Value::Nil,
            Arg::Number(n) => match parse_int(n, 64) {
                Ok(i) => Value::Int(i),
                Err(_) => match parse_float(n) {
                    Ok(f) => Value::Float(f),
                    Err(_) => return self.fail(format!("illegal number syntax: \"{n}\"")),
                },
            },
            _ => Value::NoValue,
        })
    }

    /// Evaluates an argument of a function or method.
    fn arg(&mut self, dot: &Value, op: &Operand) -> R<Value> {
        self.at(op.pos, op.text());
        match &op.arg {
            Arg::Dot => Ok(dot.clone()),
            Arg::Field(names) => self.chain(dot, dot.clone(), false, names, &[], None, op),
            Arg::Var(name, names) => {
                let v = self.var(name)?;
                if names.is_empty() {
                    Ok(v)
                } else {
                    self.chain(dot, v, false, names, &[], None, op)
                }
            }
            Arg::Sub(pipe, names) => {
                let v = self.pipe(dot, pipe)?;
                if names.is_empty() {
                    Ok(v)
                } else {
                    self.chain(dot, v, false, names, &[], None, op)
                }
            }
            Arg::Func(name) => {
                let cmd = Command {
                    pos: op.pos,
                    args: vec![op.clone()],
                };
                self.function(dot, name, &cmd, None, op)
            }
            _ => self.constant(op),
        }
    }

    /// Go's `validateType`: a computed value against a parameter type.
    fn validate(&self, v: Value, p: Param) -> R<Value> {
        let ok = match (p, &v) {
            (Param::Any, _) => true,
            (_, Value::NoValue) => {
                return self.fail(format!("invalid value; expected {}", p.go_name()));
            }
            (Param::Str, Value::Str(_)) | (Param::Int, Value::Int(_)) => true,
            (Param::StrList, Value::List(l)) => l.iter().all(|x| matches!(x, Value::Str(_))),
            _ => false,
        };
        if ok {
            Ok(v)
        } else {
            self.fail(format!(
                "wrong type for value; expected {}; got {}",
                p.go_name(),
                v.type_name()
            ))
        }
    }

    /// Go's `evalArg` for a parameter of type `p`.
    fn typed_arg(&mut self, dot: &Value, op: &Operand, p: Param) -> R<Value> {
        self.at(op.pos, op.text());
        match (&op.arg, p) {
            (Arg::Str(s, _), Param::Str | Param::Any) => Ok(Value::Str(s.clone())),
            (Arg::Number(_), Param::Int) => match self.constant(op)? {
                v @ Value::Int(_) => Ok(v),
                _ => self.fail(format!("expected integer; found {}", op.text())),
            },
            (Arg::Number(_) | Arg::Bool(_), Param::Str) => {
                self.fail(format!("expected string; found {}", op.text()))
            }
            (Arg::Str(..) | Arg::Bool(_), Param::Int) => {
                self.fail(format!("expected integer; found {}", op.text()))
            }
            (Arg::Nil, Param::Str | Param::Int) => {
                self.fail(format!("cannot assign nil to {}", p.go_name()))
            }
            _ => {
                let v = self.arg(dot, op)?;
                self.at(op.pos, op.text());
                self.validate(v, p)
            }
        }
    }

    fn function(
        &mut self,
        dot: &Value,
        name: &str,
        cmd: &Command,
        fin: Option<Value>,
        ident: &Operand,
    ) -> R<Value> {
        self.at(ident.pos, ident.text());
        let rest = &cmd.args[1..];
        let num_in = rest.len() + usize::from(fin.is_some());
        if name == "and" || name == "or" {
            if num_in == 0 {
                return self.fail(format!(
                    "wrong number of args for {name}: want at least 1 got 0"
                ));
            }
            let mut v = Value::NoValue;
            for op in rest {
                v = self.arg(dot, op)?;
                if v.truth() != (name == "and") {
                    return Ok(v);
                }
            }
            if let Some(f) = fin {
                v = f;
            }
            return Ok(v);
        }
        let header = self.opts.header;
        let (fixed, variadic) = funcs::signature(name, header);
        match variadic {
            Some(_) if num_in < fixed.len() => {
                return self.fail(format!(
                    "wrong number of args for {name}: want at least {} got {}",
                    fixed.len(),
                    rest.len()
                ));
            }
            None if num_in != fixed.len() => {
                return self.fail(format!(
                    "wrong number of args for {name}: want {} got {num_in}",
                    fixed.len()
                ));
            }
            _ => {}
        }
        let param = |i: usize| fixed.get(i).copied().or(variadic).unwrap_or(Param::Any);
        let mut argv = Vec::with_capacity(num_in);
        for (i, op) in rest.iter().enumerate() {
            argv.push(self.typed_arg(dot, op, param(i))?);
        }
        if let Some(f) = fin {
            self.at(ident.pos, ident.text());
            let p = if variadic.is_some() {
                variadic.unwrap_or(Param::Any)
            } else {
                param(num_in - 1)
            };
            argv.push(self.validate(f, p)?);
        }
        self.at(ident.pos, ident.text());
        match funcs::call(name, &argv, header) {
            Ok(v) => Ok(v),
            Err(e) if e.starts_with("error calling") => {
                self.at(cmd.pos, cmd.text());
                self.fail(e)
            }
            Err(e) => self.fail(e),
        }
    }

    /// `.A.B.C` on `recv`, with `args` and `fin` passed to the last element.
    #[allow(clippy::too_many_arguments)]
    fn chain(
        &mut self,
        dot: &Value,
        mut recv: Value,
        mut dynamic: bool,
        names: &[String],
        args: &[Operand],
        fin: Option<Value>,
        node: &Operand,
    ) -> R<Value> {
        if names.is_empty() {
            return Ok(recv);
        }
        let last = names.len() - 1;
        let mut fin = fin;
        for (i, name) in names.iter().enumerate() {
            let (a, f) = if i == last {
                (args, fin.take())
            } else {
                (&[][..], None)
            };
            let (v, from_dynamic) = self.field(dot, &recv, dynamic, name, a, f, node)?;
            recv = v;
            dynamic = from_dynamic;
        }
        Ok(recv)
    }

    #[allow(clippy::too_many_arguments)]
    fn field(
        &mut self,
        dot: &Value,
        recv: &Value,
        dynamic: bool,
        name: &str,
        args: &[Operand],
        fin: Option<Value>,
        node: &Operand,
    ) -> R<(Value, bool)> {
        let has_args = !args.is_empty() || fin.is_some();
        match recv {
            Value::Object(r) => match r.lookup(name) {
                Some(Err(arity)) => {
                    let mut argv = Vec::new();
                    for op in args {
                        argv.push(self.arg(dot, op)?);
                    }
                    if let Some(f) = fin {
                        argv.push(f);
                    }
                    self.at(node.pos, node.text());
                    if argv.len() != arity {
                        return self.fail(format!(
                            "wrong number of args for {name}: want {arity} got {}",
                            argv.len()
                        ));
                    }
                    match r.call(name, &argv) {
                        Ok(v) => Ok((v, false)),
                        Err(e) => self.fail(format!("error calling {name}: {e}")),
                    }
                }
                Some(Ok(v)) => {
                    if has_args {
                        let n = args.len() + usize::from(fin.is_some());
                        if r.is_map() {
                            return self.fail(format!("{name} is not a method but has arguments"));
                        }
                        return self
                            .fail(format!("wrong number of args for {name}: want 0 got {n}"));
                    }
                    Ok((v, false))
                }
                None => self.fail(format!(
                    "can't evaluate field {name} in type {}",
                    r.type_name
                )),
            },
            Value::Map(m, dyn_values) => {
                if has_args {
                    return self.fail(format!("{name} is not a method but has arguments"));
                }
                match m.get(name) {
                    Some(v) => Ok((v.clone(), *dyn_values)),
                    None if self.opts.missing_key_error => {
                        self.fail(format!("map has no entry for key \"{name}\""))
                    }
                    None => Ok((Value::NoValue, false)),
                }
            }
            Value::NilMap if !has_args => Ok((Value::NoValue, false)),
            Value::NoValue => {
                if self.opts.missing_key_error {
                    return self.fail(format!("nil data; no entry for key \"{name}\""));
                }
                Ok((Value::NoValue, false))
            }
            Value::Nil => self.fail(format!("nil pointer evaluating interface {{}}.{name}")),
            other => {
                let t = if dynamic {
                    "interface {}".to_string()
                } else {
                    other.type_name()
                };
                self.fail(format!("can't evaluate field {name} in type {t}"))
            }
        }
    }
}
