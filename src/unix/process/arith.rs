//! Shell arithmetic (`$((…))`): 64-bit integers, C operators with C precedence,
//! variables, assignments (`=`, `+=`…), `++`/`--`, `?:`.
//!
//! Invariant: evaluation is bounded by the expression length and nesting depth; errors
//! are values.

/// Why an expression failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArithError {
    /// Not a valid expression; the text from the offending token on.
    Syntax(String),
    DivZero,
}

/// Variables the evaluator reads and assigns.
pub trait Vars {
    fn get(&self, name: &str) -> Option<String>;
    fn set(&mut self, name: &str, value: i64);
}

#[derive(Clone, Debug, PartialEq)]
enum T {
    Num(i64),
    Name(String),
    Op(&'static str),
}

const OPS: &[&str] = &[
    "<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "!", "~", "?", ":", "=", "(", ")", ",",
];

fn lex(s: &str) -> Result<Vec<(T, usize)>, ArithError> {
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let st = i;
            while i < cs.len() && cs[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let t: String = cs[st..i].iter().collect();
            let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
                i64::from_str_radix(h, 16)
            } else if t.len() > 1 && t.starts_with('0') {
                i64::from_str_radix(&t[1..], 8)
            } else {
                t.parse::<i64>()
            };
            out.push((T::Num(v.map_err(|_| ArithError::Syntax(cs[st..].iter().collect()))?), st));
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '_') {
                i += 1;
            }
            out.push((T::Name(cs[st..i].iter().collect()), st));
            continue;
        }
        let rest: String = cs[i..].iter().take(3).collect();
        match OPS.iter().find(|o| rest.starts_with(*o)) {
            Some(o) => {
                out.push((T::Op(o), i));
                i += o.len();
            }
            None => return Err(ArithError::Syntax(cs[i..].iter().collect())),
        }
    }
    Ok(out)
}

struct P<'a> {
    toks: Vec<(T, usize)>,
    i: usize,
    src: &'a str,
    vars: &'a mut dyn Vars,
    depth: u32,
    /// Evaluating (false inside the skipped branch of `&&`, `||`, `?:`).
    live: bool,
}

fn prec(op: &str) -> Option<u8> {
    Some(match op {
        "||" => 1,
        "&&" => 2,
        "|" => 3,
        "^" => 4,
        "&" => 5,
        "==" | "!=" => 6,
        "<" | ">" | "<=" | ">=" => 7,
        "<<" | ">>" => 8,
        "+" | "-" => 9,
        "*" | "/" | "%" => 10,
        "**" => 11,
        _ => return None,
    })
}

fn apply(op: &str, a: i64, b: i64) -> Result<i64, ArithError> {
    Ok(match op {
        "||" => ((a != 0) || (b != 0)) as i64,
        "&&" => ((a != 0) && (b != 0)) as i64,
        "|" => a | b,
        "^" => a ^ b,
        "&" => a & b,
        "==" => (a == b) as i64,
        "!=" => (a != b) as i64,
        "<" => (a < b) as i64,
        ">" => (a > b) as i64,
        "<=" => (a <= b) as i64,
        ">=" => (a >= b) as i64,
        "<<" => a.wrapping_shl(b as u32),
        ">>" => a.wrapping_shr(b as u32),
        "+" => a.wrapping_add(b),
        "-" => a.wrapping_sub(b),
        "*" => a.wrapping_mul(b),
        "/" | "%" if b == 0 => return Err(ArithError::DivZero),
        "/" => a.wrapping_div(b),
        "%" => a.wrapping_rem(b),
        "**" => a.wrapping_pow(b.clamp(0, 64) as u32),
        _ => 0,
    })
}

impl P<'_> {
    fn peek(&self) -> Option<&T> {
        self.toks.get(self.i).map(|t| &t.0)
    }
    fn syntax(&self) -> ArithError {
        let at = self.toks.get(self.i).map_or(self.src.len(), |t| t.1);
        let rest: String = self.src.chars().skip(at).collect();
        ArithError::Syntax(rest)
    }
    fn var(&self, n: &str) -> i64 {
        let v = self.vars.get(n).unwrap_or_default();
        v.trim().parse().unwrap_or(0)
    }

    fn expr(&mut self) -> Result<i64, ArithError> {
        let mut v = self.assign()?;
        while self.peek() == Some(&T::Op(",")) {
            self.i += 1;
            v = self.assign()?;
        }
        Ok(v)
    }

    fn assign(&mut self) -> Result<i64, ArithError> {
        if let (Some(T::Name(n)), Some(T::Op(op))) =
            (self.toks.get(self.i).map(|t| t.0.clone()), self.toks.get(self.i + 1).map(|t| t.0.clone()))
            && op.ends_with('=')
            && !matches!(op, "==" | "!=" | "<=" | ">=")
        {
            self.i += 2;
            let rhs = self.assign()?;
            let v = if op == "=" { rhs } else { apply(&op[..op.len() - 1], self.var(&n), rhs)? };
            if self.live {
                self.vars.set(&n, v);
            }
            return Ok(v);
        }
        self.ternary()
    }

    fn ternary(&mut self) -> Result<i64, ArithError> {
        let c = self.binary(1)?;
        if self.peek() != Some(&T::Op("?")) {
            return Ok(c);
        }
        self.i += 1;
        let live = self.live;
        self.live = live && c != 0;
        let a = self.assign()?;
        if self.peek() != Some(&T::Op(":")) {
            return Err(self.syntax());
        }
        self.i += 1;
        self.live = live && c == 0;
        let b = self.ternary()?;
        self.live = live;
        Ok(if c != 0 { a } else { b })
    }

    fn binary(&mut self, min: u8) -> Result<i64, ArithError> {
        let mut lhs = self.unary()?;
        while let Some(T::Op(op)) = self.peek().cloned() {
            let Some(p) = prec(op) else { break };
            if p < min {
                break;
            }
            self.i += 1;
            let live = self.live;
            if (op == "&&" && lhs == 0) || (op == "||" && lhs != 0) {
                self.live = false;
            }
            let next_min = if op == "**" { p } else { p + 1 };
            let rhs = self.binary(next_min)?;
            self.live = live;
            lhs = if self.live { apply(op, lhs, rhs)? } else { 0 };
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<i64, ArithError> {
        self.depth += 1;
        if self.depth > 200 {
            return Err(self.syntax());
        }
        let r = self.unary_inner();
        self.depth -= 1;
        r
    }

    fn unary_inner(&mut self) -> Result<i64, ArithError> {
        match self.peek().cloned() {
            Some(T::Op(op @ ("-" | "+" | "!" | "~"))) => {
                self.i += 1;
                let v = self.unary()?;
                Ok(match op {
                    "-" => v.wrapping_neg(),
                    "+" => v,
                    "!" => (v == 0) as i64,
                    _ => !v,
                })
            }
            Some(T::Op(op @ ("++" | "--"))) => {
                self.i += 1;
                let Some(T::Name(n)) = self.peek().cloned() else { return Err(self.syntax()) };
                self.i += 1;
                let v = self.var(&n) + if op == "++" { 1 } else { -1 };
                if self.live {
                    self.vars.set(&n, v);
                }
                Ok(v)
            }
            Some(T::Op("(")) => {
                self.i += 1;
                let v = self.expr()?;
                if self.peek() != Some(&T::Op(")")) {
                    return Err(self.syntax());
                }
                self.i += 1;
                Ok(v)
            }
            Some(T::Num(n)) => {
                self.i += 1;
                Ok(n)
            }
            Some(T::Name(n)) => {
                self.i += 1;
                let v = self.var(&n);
                if let Some(T::Op(op @ ("++" | "--"))) = self.peek().cloned() {
                    self.i += 1;
                    if self.live {
                        self.vars.set(&n, v + if op == "++" { 1 } else { -1 });
                    }
                }
                Ok(v)
            }
            _ => Err(self.syntax()),
        }
    }
}

/// Evaluates an expression (already expanded).
pub fn eval(src: &str, vars: &mut dyn Vars) -> Result<i64, ArithError> {
    let toks = lex(src)?;
    if toks.is_empty() {
        return Ok(0);
    }
    let mut p = P { toks, i: 0, src, vars, depth: 0, live: true };
    let v = p.expr()?;
    if p.i != p.toks.len() {
        return Err(p.syntax());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    struct M(BTreeMap<String, String>);
    impl Vars for M {
        fn get(&self, n: &str) -> Option<String> {
            self.0.get(n).cloned()
        }
        fn set(&mut self, n: &str, v: i64) {
            self.0.insert(n.into(), v.to_string());
        }
    }

    #[test]
    fn evaluates() {
        let mut m = M(BTreeMap::new());
        m.0.insert("x".into(), "5".into());
        assert_eq!(eval("1 + 2 * 3", &mut m), Ok(7));
        assert_eq!(eval("(1+2)*3", &mut m), Ok(9));
        assert_eq!(eval("x * 2", &mut m), Ok(10));
        assert_eq!(eval("x += 1", &mut m), Ok(6));
        assert_eq!(m.0["x"], "6");
        assert_eq!(eval("x > 3 ? 1 : 0", &mut m), Ok(1));
        assert_eq!(eval("7 % 3 == 1 && 1", &mut m), Ok(1));
        assert_eq!(eval("-3 / 2", &mut m), Ok(-1));
        assert_eq!(eval("2 ** 10", &mut m), Ok(1024));
        assert_eq!(eval("1/0", &mut m), Err(ArithError::DivZero));
        assert_eq!(eval("0 && 1/0", &mut m), Ok(0));
        assert_eq!(eval("1+", &mut m), Err(ArithError::Syntax(String::new())));
        assert_eq!(eval("i++", &mut m), Ok(0));
        assert_eq!(m.0["i"], "1");
    }
}
