//! A tiny evaluator for one-liners in the two languages the catalog's runtimes speak:
//! `node -e 'console.log(1 + 2)'` and `python3 -c 'print(7 / 2)'`. Numbers, strings,
//! `+ - * / %` (and Python's `//`, `**`), parentheses, `console.log` / `print` with
//! several arguments, a few names (`process.version`, `len`, `str`, `abs`). Results print
//! the way each language prints them (JavaScript `0.30000000000000004`, `1e+21`;
//! Python `3.5`, `2.0`, `1e-05`); an unknown name is the language's ReferenceError or
//! NameError, with its position.
//!
//! Invariant: evaluation is bounded by the length of the source (no loops, recursion
//! only per parenthesis level, at most [`MAX_DEPTH`] deep).

pub use super::numfmt::{js_number, py_float};

/// Deepest nesting of parentheses accepted.
pub const MAX_DEPTH: u32 = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Js,
    Py,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Python integers (JavaScript has only `Num`).
    Int(i128),
    Num(f64),
    Str(String),
    /// JavaScript `undefined` / Python `None`.
    Nothing,
}

/// Why evaluation stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// An unknown name at a 0-based column, and its length.
    Name { name: String, col: usize },
    /// A syntax error at a 0-based column.
    Syntax { col: usize },
    /// A runtime error (`ZeroDivisionError: division by zero`, `TypeError: …`).
    Runtime(String),
}

/// One statement's effect: what it printed, and its value (the REPL echoes it).
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    pub printed: String,
    pub value: Value,
}

impl Value {
    /// How `console.log` / `print` shows the value.
    pub fn show(&self, lang: Lang) -> String {
        match (self, lang) {
            (Value::Int(n), _) => n.to_string(),
            (Value::Num(x), Lang::Js) => js_number(*x),
            (Value::Num(x), Lang::Py) => py_float(*x),
            (Value::Str(s), _) => s.clone(),
            (Value::Nothing, Lang::Js) => "undefined".into(),
            (Value::Nothing, Lang::Py) => "None".into(),
        }
    }
    /// How the REPL echoes it (strings quoted).
    pub fn echo(&self, lang: Lang) -> String {
        match self {
            Value::Str(s) if lang == Lang::Js => format!("'{}'", s.replace('\'', "\\'")),
            Value::Str(s) => format!("'{}'", s.replace('\'', "\\'")),
            other => other.show(lang),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(String),
    Str(String),
    Name(String),
    Op(String),
}

fn tokenize(src: &str) -> Result<Vec<(Tok, usize)>, EvalError> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let start = i;
        if c[i].is_whitespace() {
            i += 1;
        } else if c[i].is_ascii_digit() || (c[i] == '.' && c.get(i + 1).is_some_and(char::is_ascii_digit)) {
            while i < c.len() && (c[i].is_ascii_alphanumeric() || c[i] == '.' || c[i] == '_') {
                if (c[i] == 'e' || c[i] == 'E') && matches!(c.get(i + 1), Some('+' | '-')) {
                    i += 1;
                }
                i += 1;
            }
            out.push((Tok::Num(c[start..i].iter().collect()), start));
        } else if c[i] == '"' || c[i] == '\'' {
            let q = c[i];
            i += 1;
            let mut s = String::new();
            while i < c.len() && c[i] != q {
                if c[i] == '\\' && i + 1 < c.len() {
                    i += 1;
                    s.push(match c[i] {
                        'n' => '\n',
                        't' => '\t',
                        o => o,
                    });
                } else {
                    s.push(c[i]);
                }
                i += 1;
            }
            if i >= c.len() {
                return Err(EvalError::Syntax { col: start });
            }
            i += 1;
            out.push((Tok::Str(s), start));
        } else if c[i].is_alphabetic() || c[i] == '_' || c[i] == '$' {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '$' || c[i] == '.') {
                i += 1;
            }
            out.push((Tok::Name(c[start..i].iter().collect()), start));
        } else {
            let two: String = c[i..(i + 2).min(c.len())].iter().collect();
            let op = if matches!(two.as_str(), "**" | "//") { two } else { c[i].to_string() };
            if !matches!(op.as_str(), "+" | "-" | "*" | "/" | "%" | "**" | "//" | "(" | ")" | ",") {
                return Err(EvalError::Syntax { col: start });
            }
            i += op.len();
            out.push((Tok::Op(op), start));
        }
    }
    Ok(out)
}

struct P<'a> {
    toks: &'a [(Tok, usize)],
    pos: usize,
    lang: Lang,
    printed: String,
    end: usize,
    version: &'a str,
}

impl P<'_> {
    fn peek_op(&self) -> Option<&str> {
        match self.toks.get(self.pos) {
            Some((Tok::Op(o), _)) => Some(o.as_str()),
            _ => None,
        }
    }
    fn col(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |t| t.1)
    }
    fn expr(&mut self, depth: u32) -> Result<Value, EvalError> {
        let mut v = self.term(depth)?;
        while let Some(op) = self.peek_op().filter(|o| *o == "+" || *o == "-").map(String::from) {
            self.pos += 1;
            let r = self.term(depth)?;
            v = binary(self.lang, &op, v, r)?;
        }
        Ok(v)
    }
    fn term(&mut self, depth: u32) -> Result<Value, EvalError> {
        let mut v = self.power(depth)?;
        while let Some(op) = self.peek_op().filter(|o| matches!(*o, "*" | "/" | "%" | "//")).map(String::from) {
            if op == "//" && self.lang == Lang::Js {
                return Err(EvalError::Syntax { col: self.col() });
            }
            self.pos += 1;
            let r = self.power(depth)?;
            v = binary(self.lang, &op, v, r)?;
        }
        Ok(v)
    }
    fn power(&mut self, depth: u32) -> Result<Value, EvalError> {
        let base = self.unary(depth)?;
        if self.peek_op() == Some("**") {
            self.pos += 1;
            let e = self.power(depth + 1)?;
            return binary(self.lang, "**", base, e);
        }
        Ok(base)
    }
    fn unary(&mut self, depth: u32) -> Result<Value, EvalError> {
        if depth > MAX_DEPTH {
            return Err(EvalError::Syntax { col: self.col() });
        }
        if self.peek_op() == Some("-") {
            self.pos += 1;
            let v = self.unary(depth + 1)?;
            return binary(self.lang, "-", if self.lang == Lang::Py { Value::Int(0) } else { Value::Num(0.0) }, v);
        }
        if self.peek_op() == Some("+") {
            self.pos += 1;
            return self.unary(depth + 1);
        }
        self.atom(depth)
    }
    fn args(&mut self, depth: u32) -> Result<Vec<Value>, EvalError> {
        let mut args = Vec::new();
        if self.peek_op() == Some(")") {
            self.pos += 1;
            return Ok(args);
        }
        loop {
            args.push(self.expr(depth + 1)?);
            match self.peek_op() {
                Some(",") => self.pos += 1,
                Some(")") => {
                    self.pos += 1;
                    return Ok(args);
                }
                _ => return Err(EvalError::Syntax { col: self.col() }),
            }
        }
    }
    fn atom(&mut self, depth: u32) -> Result<Value, EvalError> {
        let Some((tok, col)) = self.toks.get(self.pos).cloned() else { return Err(EvalError::Syntax { col: self.end }) };
        self.pos += 1;
        match tok {
            Tok::Num(n) => parse_num(self.lang, &n).ok_or(EvalError::Syntax { col }),
            Tok::Str(s) => Ok(Value::Str(s)),
            Tok::Op(o) if o == "(" => {
                let v = self.expr(depth + 1)?;
                if self.peek_op() != Some(")") {
                    return Err(EvalError::Syntax { col: self.col() });
                }
                self.pos += 1;
                Ok(v)
            }
            Tok::Name(name) => {
                let call = self.peek_op() == Some("(");
                if call {
                    self.pos += 1;
                    let args = self.args(depth)?;
                    return self.call(&name, col, args);
                }
                match (self.lang, name.as_str()) {
                    (Lang::Js, "undefined") | (Lang::Py, "None") => Ok(Value::Nothing),
                    (Lang::Js, "Infinity") => Ok(Value::Num(f64::INFINITY)),
                    (Lang::Js, "NaN") => Ok(Value::Num(f64::NAN)),
                    (Lang::Js, "Math.PI") => Ok(Value::Num(std::f64::consts::PI)),
                    (Lang::Js, "process.version") => Ok(Value::Str(self.version.to_string())),
                    _ => Err(EvalError::Name { name: name.split('.').next().unwrap_or(&name).to_string(), col }),
                }
            }
            Tok::Op(_) => Err(EvalError::Syntax { col }),
        }
    }
    fn call(&mut self, name: &str, col: usize, args: Vec<Value>) -> Result<Value, EvalError> {
        match (self.lang, name) {
            (Lang::Js, "console.log" | "console.info" | "console.error") | (Lang::Py, "print") => {
                let line = args.iter().map(|a| a.show(self.lang)).collect::<Vec<_>>().join(" ");
                self.printed.push_str(&line);
                self.printed.push('\n');
                Ok(Value::Nothing)
            }
            (Lang::Py, "len") => match args.first() {
                Some(Value::Str(s)) => Ok(Value::Int(s.chars().count() as i128)),
                _ => Err(EvalError::Runtime("TypeError: object of type 'int' has no len()".into())),
            },
            (Lang::Py, "str") => Ok(Value::Str(args.first().map(|a| a.show(Lang::Py)).unwrap_or_default())),
            (Lang::Py, "abs") | (Lang::Js, "Math.abs") => match args.first() {
                Some(Value::Int(n)) => Ok(Value::Int(n.saturating_abs())),
                Some(Value::Num(x)) => Ok(Value::Num(x.abs())),
                _ => Err(EvalError::Runtime("TypeError: bad operand type for abs(): 'str'".into())),
            },
            (Lang::Js, "Math.sqrt") => match args.first() {
                Some(Value::Num(x)) => Ok(Value::Num(x.sqrt())),
                _ => Ok(Value::Num(f64::NAN)),
            },
            _ => Err(EvalError::Name { name: name.split('.').next().unwrap_or(name).to_string(), col }),
        }
    }
}

fn parse_num(lang: Lang, n: &str) -> Option<Value> {
    let clean = n.replace('_', "");
    if lang == Lang::Py && !clean.contains(['.', 'e', 'E']) {
        return clean.parse::<i128>().ok().map(Value::Int);
    }
    clean.parse::<f64>().ok().map(Value::Num)
}

fn float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(n) => Some(*n as f64),
        Value::Num(x) => Some(*x),
        _ => None,
    }
}

fn binary(lang: Lang, op: &str, a: Value, b: Value) -> Result<Value, EvalError> {
    if lang == Lang::Js {
        if op == "+" && (matches!(a, Value::Str(_)) || matches!(b, Value::Str(_))) {
            return Ok(Value::Str(format!("{}{}", a.show(lang), b.show(lang))));
        }
        let (x, y) = (float(&a).unwrap_or(f64::NAN), float(&b).unwrap_or(f64::NAN));
        return Ok(Value::Num(match op {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => x / y,
            "%" => x % y,
            _ => x.powf(y),
        }));
    }
    let type_name = |v: &Value| match v {
        Value::Int(_) => "int",
        Value::Num(_) => "float",
        Value::Str(_) => "str",
        Value::Nothing => "NoneType",
    };
    match (&a, &b) {
        (Value::Str(x), Value::Str(y)) if op == "+" => return Ok(Value::Str(format!("{x}{y}"))),
        (Value::Str(s), Value::Int(n)) | (Value::Int(n), Value::Str(s)) if op == "*" => {
            return Ok(Value::Str(s.repeat((*n).clamp(0, 10_000) as usize)));
        }
        (Value::Str(_), _) if op == "+" => {
            return Err(EvalError::Runtime(format!("TypeError: can only concatenate str (not \"{}\") to str", type_name(&b))));
        }
        _ => {}
    }
    let unsupported = || EvalError::Runtime(format!("TypeError: unsupported operand type(s) for {op}: '{}' and '{}'", type_name(&a), type_name(&b)));
    if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
        let (x, y) = (*x, *y);
        let zero = || EvalError::Runtime(if op == "%" { "ZeroDivisionError: integer modulo by zero".into() } else { "ZeroDivisionError: division by zero".into() });
        return match op {
            "+" => x.checked_add(y).map(Value::Int).ok_or_else(unsupported),
            "-" => x.checked_sub(y).map(Value::Int).ok_or_else(unsupported),
            "*" => x.checked_mul(y).map(Value::Int).ok_or_else(unsupported),
            "/" if y == 0 => Err(zero()),
            "/" => Ok(Value::Num(x as f64 / y as f64)),
            "//" | "%" if y == 0 => Err(zero()),
            "//" => {
                let q = x.checked_div_euclid(y).ok_or_else(unsupported)?;
                let r = x.checked_rem_euclid(y).ok_or_else(unsupported)?;
                Ok(Value::Int(if y < 0 && r != 0 { q - 1 } else { q }))
            }
            "%" => {
                let r = x.checked_rem(y).ok_or_else(unsupported)?;
                Ok(Value::Int(if r != 0 && (r < 0) != (y < 0) { r + y } else { r }))
            }
            _ if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)).map(Value::Int).ok_or_else(unsupported),
            _ => Ok(Value::Num((x as f64).powf(y as f64))),
        };
    }
    let (Some(x), Some(y)) = (float(&a), float(&b)) else { return Err(unsupported()) };
    if matches!(op, "/" | "//" | "%") && y == 0.0 {
        return Err(EvalError::Runtime("ZeroDivisionError: float division by zero".into()));
    }
    Ok(Value::Num(match op {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => x / y,
        "//" => (x / y).floor(),
        "%" => x - y * (x / y).floor(),
        _ => x.powf(y),
    }))
}

/// Splits a program into statements (`;` and newlines outside strings), with the
/// 0-based line and column where each starts.
pub fn statements(src: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let (mut line, mut col, mut start) = (0, 0, (0, 0));
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for ch in src.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            None if ch == '"' || ch == '\'' => quote = Some(ch),
            None if ch == ';' || ch == '\n' => {
                if !cur.trim().is_empty() {
                    out.push((start.0, start.1, std::mem::take(&mut cur)));
                }
                cur.clear();
                if ch == '\n' {
                    line += 1;
                    col = 0;
                } else {
                    col += 1;
                }
                start = (line, col);
                continue;
            }
            _ => {}
        }
        cur.push(ch);
        col += 1;
    }
    if !cur.trim().is_empty() {
        out.push((start.0, start.1, cur));
    }
    out
}

/// Evaluates one statement (`version` is what `process.version` reads).
pub fn eval(lang: Lang, stmt: &str, version: &str) -> Result<Effect, (String, EvalError)> {
    let toks = tokenize(stmt).map_err(|e| (String::new(), e))?;
    let mut p = P { toks: &toks, pos: 0, lang, printed: String::new(), end: stmt.trim_end().chars().count(), version };
    let r = p.expr(0);
    match r {
        Ok(value) if p.pos == toks.len() => Ok(Effect { printed: p.printed, value }),
        Ok(_) => Err((p.printed.clone(), EvalError::Syntax { col: p.col() })),
        Err(e) => Err((p.printed, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(lang: Lang, s: &str) -> String {
        eval(lang, s, "v24.1.0").unwrap().printed
    }

    #[test]
    fn javascript_numbers_and_strings() {
        assert_eq!(out(Lang::Js, "console.log(1 + 2)"), "3\n");
        assert_eq!(out(Lang::Js, "console.log(0.1 + 0.2)"), "0.30000000000000004\n");
        assert_eq!(out(Lang::Js, "console.log(10 / 4, 1 / 3)"), "2.5 0.3333333333333333\n");
        assert_eq!(out(Lang::Js, "console.log('a' + 1 + 2, 1 / 0)"), "a12 Infinity\n");
        assert_eq!(out(Lang::Js, "console.log(2 ** 70, 1e-7)"), "1.1805916207174113e+21 1e-7\n");
        assert_eq!(out(Lang::Js, "console.log(-(3 - 5) * 2)"), "4\n");
        assert_eq!(eval(Lang::Js, "console.log(foo)", "").unwrap_err().1, EvalError::Name { name: "foo".into(), col: 12 });
    }

    #[test]
    fn python_numbers_and_strings() {
        assert_eq!(out(Lang::Py, "print(7 / 2, 4 / 2, 7 // 2, -7 // 2, 2 ** 10)"), "3.5 2.0 3 -4 1024\n");
        assert_eq!(out(Lang::Py, "print(0.1 + 0.2, 1e16, 0.00001)"), "0.30000000000000004 1e+16 1e-05\n");
        assert_eq!(out(Lang::Py, "print('ab' * 3, len('olá'))"), "ababab 3\n");
        assert_eq!(out(Lang::Py, "print()"), "\n");
        assert_eq!(out(Lang::Py, "print(7 // -2, -7 % 3, 7 % -3)"), "-4 2 -2\n");
        assert_eq!(eval(Lang::Py, "print(1/0)", "").unwrap_err().1, EvalError::Runtime("ZeroDivisionError: division by zero".into()));
        assert_eq!(eval(Lang::Py, "print('a' + 1)", "").unwrap_err().1, EvalError::Runtime("TypeError: can only concatenate str (not \"int\") to str".into()));
        assert_eq!(statements("print(1); print('a;b')\nprint(2)").len(), 3);
    }
}
