//! A small regular-expression engine for `grep`: POSIX basic (BRE) and extended (ERE)
//! syntax subset — literals, `.`, `*`, `+`, `?`, `{m,n}`, `^`, `$`, bracket expressions
//! with ranges and `[:classes:]`, groups and alternation (`|` in ERE, `\|` in BRE).
//!
//! Invariant: matching is a backtracking search with a step budget; it never recurses
//! deeper than the pattern's nesting and never runs forever.

#[derive(Clone, Debug, PartialEq)]
enum Atom {
    Char(char),
    Any,
    Class(Vec<ClassItem>, bool),
    Start,
    End,
    Group(Vec<Vec<Piece>>),
}

#[derive(Clone, Debug, PartialEq)]
enum ClassItem {
    Ch(char),
    Range(char, char),
    Named(String),
}

#[derive(Clone, Debug, PartialEq)]
struct Piece {
    atom: Atom,
    min: u32,
    max: u32,
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Regex {
    alts: Vec<Vec<Piece>>,
    icase: bool,
}

/// A syntax error in a pattern (the message GNU grep prints).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegexError(pub String);

struct P<'a> {
    cs: &'a [char],
    i: usize,
    ere: bool,
    depth: u32,
}

impl P<'_> {
    fn alts(&mut self) -> Result<Vec<Vec<Piece>>, RegexError> {
        self.depth += 1;
        if self.depth > 50 {
            return Err(RegexError("regular expression too big".into()));
        }
        let mut alts = vec![self.seq()?];
        loop {
            if self.ere && self.cs.get(self.i) == Some(&'|') {
                self.i += 1;
            } else if !self.ere && self.cs.get(self.i) == Some(&'\\') && self.cs.get(self.i + 1) == Some(&'|') {
                self.i += 2;
            } else {
                break;
            }
            alts.push(self.seq()?);
        }
        self.depth -= 1;
        Ok(alts)
    }

    fn at_close(&self) -> bool {
        if self.ere {
            self.cs.get(self.i) == Some(&')') && self.depth > 1
        } else {
            self.cs.get(self.i) == Some(&'\\') && self.cs.get(self.i + 1) == Some(&')')
        }
    }

    fn seq(&mut self) -> Result<Vec<Piece>, RegexError> {
        let mut out: Vec<Piece> = Vec::new();
        while self.i < self.cs.len() {
            let c = self.cs[self.i];
            if self.at_close() {
                break;
            }
            if (self.ere && c == '|') || (!self.ere && c == '\\' && self.cs.get(self.i + 1) == Some(&'|')) {
                break;
            }
            let quant = match c {
                '*' if !out.is_empty() => Some((0, u32::MAX)),
                '+' if self.ere && !out.is_empty() => Some((1, u32::MAX)),
                '?' if self.ere && !out.is_empty() => Some((0, 1)),
                '\\' if !self.ere && matches!(self.cs.get(self.i + 1), Some('+')) && !out.is_empty() => {
                    Some((1, u32::MAX))
                }
                '\\' if !self.ere && matches!(self.cs.get(self.i + 1), Some('?')) && !out.is_empty() => Some((0, 1)),
                _ => None,
            };
            if let Some((min, max)) = quant {
                self.i += if c == '\\' { 2 } else { 1 };
                if let Some(last) = out.last_mut() {
                    last.min = min;
                    last.max = max;
                }
                continue;
            }
            let brace = (self.ere && c == '{') || (!self.ere && c == '\\' && self.cs.get(self.i + 1) == Some(&'{'));
            if brace && !out.is_empty() {
                let start = self.i + if c == '\\' { 2 } else { 1 };
                let close: Vec<char> = if self.ere { vec!['}'] } else { vec!['\\', '}'] };
                let mut j = start;
                while j < self.cs.len() && !self.cs[j..].starts_with(&close) {
                    j += 1;
                }
                if j < self.cs.len() {
                    let body: String = self.cs[start..j].iter().collect();
                    let (a, b) = match body.split_once(',') {
                        Some((a, b)) => (
                            a.parse().unwrap_or(0),
                            if b.is_empty() { u32::MAX } else { b.parse().unwrap_or(u32::MAX) },
                        ),
                        None => {
                            let n = body.parse().unwrap_or(0);
                            (n, n)
                        }
                    };
                    if let Some(last) = out.last_mut() {
                        last.min = a.min(1000);
                        last.max = b;
                    }
                    self.i = j + close.len();
                    continue;
                }
            }
            let atom = self.atom()?;
            out.push(Piece { atom, min: 1, max: 1 });
        }
        Ok(out)
    }

    fn atom(&mut self) -> Result<Atom, RegexError> {
        let c = self.cs[self.i];
        self.i += 1;
        Ok(match c {
            '.' => Atom::Any,
            '^' => Atom::Start,
            '$' => Atom::End,
            '[' => self.class()?,
            '(' if self.ere => {
                let alts = self.alts()?;
                if self.cs.get(self.i) != Some(&')') {
                    return Err(RegexError("Unmatched ( or \\(".into()));
                }
                self.i += 1;
                Atom::Group(alts)
            }
            '\\' => {
                let Some(&n) = self.cs.get(self.i) else { return Err(RegexError("Trailing backslash".into())) };
                self.i += 1;
                match n {
                    '(' if !self.ere => {
                        let alts = self.alts()?;
                        if !(self.cs.get(self.i) == Some(&'\\') && self.cs.get(self.i + 1) == Some(&')')) {
                            return Err(RegexError("Unmatched ( or \\(".into()));
                        }
                        self.i += 2;
                        Atom::Group(alts)
                    }
                    'w' => Atom::Class(vec![ClassItem::Named("alnum".into()), ClassItem::Ch('_')], false),
                    'W' => Atom::Class(vec![ClassItem::Named("alnum".into()), ClassItem::Ch('_')], true),
                    's' => Atom::Class(vec![ClassItem::Named("space".into())], false),
                    'S' => Atom::Class(vec![ClassItem::Named("space".into())], true),
                    'd' => Atom::Class(vec![ClassItem::Named("digit".into())], false),
                    't' => Atom::Char('\t'),
                    'n' => Atom::Char('\n'),
                    other => Atom::Char(other),
                }
            }
            other => Atom::Char(other),
        })
    }

    fn class(&mut self) -> Result<Atom, RegexError> {
        let mut items = Vec::new();
        let mut neg = false;
        if self.cs.get(self.i) == Some(&'^') {
            neg = true;
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(&c) = self.cs.get(self.i) else { return Err(RegexError("Unmatched [, [^, [:, [., or [=".into())) };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            if c == '[' && self.cs.get(self.i + 1) == Some(&':') {
                let rest: String = self.cs[self.i + 2..].iter().collect();
                if let Some(end) = rest.find(":]") {
                    items.push(ClassItem::Named(rest[..end].to_string()));
                    self.i += 2 + rest[..end].chars().count() + 2;
                    continue;
                }
            }
            if self.cs.get(self.i + 1) == Some(&'-') && self.cs.get(self.i + 2).is_some_and(|&x| x != ']') {
                items.push(ClassItem::Range(c, self.cs[self.i + 2]));
                self.i += 3;
                continue;
            }
            items.push(ClassItem::Ch(c));
            self.i += 1;
        }
        Ok(Atom::Class(items, neg))
    }
}

fn named(n: &str, c: char) -> bool {
    match n {
        "alpha" => c.is_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_alphanumeric(),
        "upper" => c.is_uppercase(),
        "lower" => c.is_lowercase(),
        "space" => c.is_whitespace(),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "print" => !c.is_control(),
        "cntrl" => c.is_control(),
        _ => false,
    }
}

struct M<'a> {
    t: &'a [char],
    icase: bool,
    budget: u64,
}

fn eq(a: char, b: char, icase: bool) -> bool {
    a == b || (icase && a.to_lowercase().eq(b.to_lowercase()))
}

impl M<'_> {
    fn single(&self, atom: &Atom, pos: usize) -> Option<usize> {
        match atom {
            Atom::Char(c) => (pos < self.t.len() && eq(self.t[pos], *c, self.icase)).then_some(pos + 1),
            Atom::Any => (pos < self.t.len()).then_some(pos + 1),
            Atom::Class(items, neg) => {
                let ch = *self.t.get(pos)?;
                let hit = items.iter().any(|it| match it {
                    ClassItem::Ch(c) => eq(ch, *c, self.icase),
                    ClassItem::Range(a, b) => {
                        (*a <= ch && ch <= *b)
                            || (self.icase && ch.to_lowercase().chain(ch.to_uppercase()).any(|x| *a <= x && x <= *b))
                    }
                    ClassItem::Named(n) => named(n, ch),
                });
                (hit != *neg).then_some(pos + 1)
            }
            Atom::Start => (pos == 0).then_some(pos),
            Atom::End => (pos == self.t.len()).then_some(pos),
            Atom::Group(_) => None,
        }
    }

    /// Matches `seq[k..]` at `pos`, then `cont`; returns the end position.
    fn seq(
        &mut self,
        seq: &[Piece],
        pos: usize,
        cont: &mut dyn FnMut(&mut Self, usize) -> Option<usize>,
    ) -> Option<usize> {
        if self.budget == 0 {
            return None;
        }
        self.budget -= 1;
        let Some((first, rest)) = seq.split_first() else { return cont(self, pos) };
        self.piece(first, 0, pos, &mut |m: &mut Self, p| m.seq(rest, p, cont))
    }

    fn piece(
        &mut self,
        pc: &Piece,
        count: u32,
        pos: usize,
        cont: &mut dyn FnMut(&mut Self, usize) -> Option<usize>,
    ) -> Option<usize> {
        if self.budget == 0 {
            return None;
        }
        self.budget -= 1;
        if count < pc.max {
            let r = self.one(&pc.atom, pos, &mut |m: &mut Self, p| {
                if p == pos && count >= pc.min {
                    return None;
                }
                m.piece(pc, count + 1, p, cont)
            });
            if r.is_some() {
                return r;
            }
        }
        if count >= pc.min { cont(self, pos) } else { None }
    }

    fn one(
        &mut self,
        atom: &Atom,
        pos: usize,
        cont: &mut dyn FnMut(&mut Self, usize) -> Option<usize>,
    ) -> Option<usize> {
        match atom {
            Atom::Group(alts) => {
                for alt in alts {
                    if let Some(e) = self.seq(alt, pos, cont) {
                        return Some(e);
                    }
                }
                None
            }
            a => {
                let p = self.single(a, pos)?;
                cont(self, p)
            }
        }
    }
}

impl Regex {
    /// Compiles `pat` (`ere`: extended syntax, as `grep -E`).
    pub fn new(pat: &str, ere: bool, icase: bool) -> Result<Regex, RegexError> {
        let cs: Vec<char> = pat.chars().collect();
        let mut p = P { cs: &cs, i: 0, ere, depth: 0 };
        let alts = p.alts()?;
        if p.i < cs.len() {
            return Err(RegexError("Unmatched ) or \\)".into()));
        }
        Ok(Regex { alts, icase })
    }

    /// A fixed string (`grep -F`).
    pub fn literal(s: &str, icase: bool) -> Regex {
        let seq = s.chars().map(|c| Piece { atom: Atom::Char(c), min: 1, max: 1 }).collect();
        Regex { alts: vec![seq], icase }
    }

    /// The first match in `text`: (start, end) in characters.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        let t: Vec<char> = text.chars().collect();
        let mut m = M { t: &t, icase: self.icase, budget: 2_000_000 };
        for start in 0..=t.len() {
            for alt in &self.alts {
                if let Some(end) = m.seq(alt, start, &mut |_, p| Some(p)) {
                    return Some((start, end));
                }
            }
            if m.budget == 0 {
                return None;
            }
        }
        None
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Regex::new(p, false, false).unwrap().is_match(t)
    }
    fn e(p: &str, t: &str) -> bool {
        Regex::new(p, true, false).unwrap().is_match(t)
    }

    #[test]
    fn basic() {
        assert!(m("hello", "say hello world"));
        assert!(m("^say", "say hello"));
        assert!(!m("^hello", "say hello"));
        assert!(m("world$", "hello world"));
        assert!(m("h.llo", "hallo"));
        assert!(m("ab*c", "ac"));
        assert!(m("ab*c", "abbbc"));
        assert!(m("[0-9][0-9]*", "x42"));
        assert!(!m("[^a-z]", "abc"));
        assert!(m("[[:digit:]]", "a1"));
        assert!(m("a\\(bc\\)*d", "abcbcd"));
        assert!(m("a+", "a+"));
        assert!(e("a+", "aa"));
        assert!(e("cat|dog", "hotdog"));
        assert!(e("^(ab)+$", "ababab"));
        assert!(!e("^(ab)+$", "ababa"));
        assert!(e("colou?r", "color"));
        assert!(e("a{2,3}", "caab"));
        assert!(Regex::new("HELLO", false, true).unwrap().is_match("hello"));
        assert_eq!(Regex::new("b+", true, false).unwrap().find("abbbc"), Some((1, 4)));
        assert!(Regex::new("[abc", false, false).is_err());
        assert!(!e("(a*)*b", &"a".repeat(40)));
    }
}
