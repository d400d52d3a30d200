//! The values a `--format` template sees: Go's strings, numbers, slices and maps, plus
//! [`Record`]s standing for docker's formatter contexts (`.ID`, `.Label "k"`, …) that
//! handlers fill in.
//!
//! Invariant: printing a value follows Go's `fmt.Sprint` (`[a b]`, `map[k:v]`, `<nil>`,
//! `<no value>`), and `to_json` follows `encoding/json`.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

/// A Go method callable from a template (`.Label "com.example"`).
pub type MethodFn = Rc<dyn Fn(&[Value]) -> Result<Value, String>>;

/// A template value.
#[derive(Clone)]
pub enum Value {
    /// A nil pointer/interface: prints `<nil>`.
    Nil,
    /// A missing map entry: prints `<no value>`.
    NoValue,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A `json.Number` (inspect's raw fallback): prints its text.
    Number(String),
    Str(String),
    List(Vec<Value>),
    /// `map[string]…`; `dynamic` when its values are `interface {}` (decoded JSON).
    Map(BTreeMap<String, Value>, bool),
    Object(Rc<Record>),
    /// A typed nil slice (`[]string(nil)`): prints `[]`, has no items, marshals to `null`.
    NilSlice,
    /// A typed nil map (`map[string]string(nil)`): prints `map[]`, marshals to `null`.
    NilMap,
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.sprint())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}
impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::List(v)
    }
}

/// A member of a record: a field (or zero-argument method) or a method with arguments.
#[derive(Clone)]
enum Member {
    Field(Value),
    Method(usize, MethodFn),
}

/// How computed members are answered: by name, with the call's arguments.
pub type ComputeFn = Rc<dyn Fn(&str, &[Value]) -> Result<Value, String>>;

/// Members computed when a template asks for them (a listing's row: a format naming three
/// columns computes three). `names` lists each with `None` for a field, `Some(arity)` for a
/// method.
#[derive(Clone)]
struct Computed {
    names: &'static [(&'static str, Option<usize>)],
    get: ComputeFn,
}

/// A Go struct (or map type with methods) as the template sees it.
#[derive(Clone)]
pub struct Record {
    /// Go type name used in errors: `*formatter.ContainerContext`.
    pub type_name: String,
    members: Vec<(String, Member)>,
    computed: Option<Computed>,
    /// Map entries answered for names that are not members (`SubHeaderContext`).
    map: Option<BTreeMap<String, String>>,
    json: Option<serde_json::Value>,
    /// `{{json .}}` is every field and argument-less method, sorted by name (a docker
    /// formatter context's `MarshalJSON`, which calls each method).
    json_from_members: bool,
    /// `{{json .}}` escapes `<`, `>`, `&` (a formatter context's `MarshalJSON`).
    escape_html: bool,
    display: Option<String>,
}

impl Record {
    pub fn new(type_name: &str) -> Record {
        Record {
            type_name: type_name.to_string(),
            members: Vec::new(),
            computed: None,
            map: None,
            json: None,
            json_from_members: false,
            escape_html: false,
            display: None,
        }
    }

    /// Adds a field (docker's contexts expose methods without arguments; same thing here).
    pub fn field(mut self, name: &str, v: impl Into<Value>) -> Record {
        self.members
            .push((name.to_string(), Member::Field(v.into())));
        self
    }

    /// Adds a method taking `arity` arguments.
    pub fn method(
        mut self,
        name: &str,
        arity: usize,
        f: impl Fn(&[Value]) -> Result<Value, String> + 'static,
    ) -> Record {
        self.members
            .push((name.to_string(), Member::Method(arity, Rc::new(f))));
        self
    }

    /// Members computed on demand by `get(name, args)`, after the ones added one by one.
    pub fn computed(
        mut self,
        names: &'static [(&'static str, Option<usize>)],
        get: impl Fn(&str, &[Value]) -> Result<Value, String> + 'static,
    ) -> Record {
        self.computed = Some(Computed { names, get: Rc::new(get) });
        self
    }

    /// The computed member `name`: `Some(None)` for a field, `Some(Some(arity))` for a method.
    fn computed_kind(&self, name: &str) -> Option<Option<usize>> {
        let c = self.computed.as_ref()?;
        c.names.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    /// Every member as `(name, value)` the way Go's JSON marshalling of a formatter context
    /// sees them: fields and argument-less methods, in declaration order.
    fn plain_members(&self) -> Vec<(&str, Value)> {
        let mut out = Vec::new();
        for (name, m) in &self.members {
            match m {
                Member::Field(v) => out.push((name.as_str(), v.clone())),
                Member::Method(0, f) => {
                    if let Ok(v) = f(&[]) {
                        out.push((name.as_str(), v));
                    }
                }
                Member::Method(..) => {}
            }
        }
        if let Some(c) = &self.computed {
            for (name, kind) in c.names {
                if matches!(kind, None | Some(0))
                    && let Ok(v) = (c.get)(name, &[])
                {
                    out.push((name, v));
                }
            }
        }
        out
    }

    /// The JSON `{{json .}}` prints for this record (default: its fields as an object).
    pub fn json(mut self, v: serde_json::Value) -> Record {
        self.json = Some(v);
        self
    }

    /// `{{json .}}` of a docker formatter context: every field and argument-less method by
    /// name, sorted, methods called only when the JSON is asked for (`MarshalJSON`).
    pub fn marshal_members(mut self) -> Record {
        self.json_from_members = true;
        self.escape_html = true;
        self
    }

    /// A docker formatter context's JSON (`formatter.MarshalJSON`: `json.Marshal` of its
    /// methods, so `{{json .}}` prints `<none>` as `\u003cnone\u003e`).
    pub fn marshal_json(mut self, v: serde_json::Value) -> Record {
        self.json = Some(v);
        self.escape_html = true;
        self
    }

    /// How `{{.}}` prints this record (default: Go's `{field1 field2}`).
    pub fn display(mut self, s: &str) -> Record {
        self.display = Some(s.to_string());
        self
    }

    /// docker's `SubHeaderContext`: a `map[string]string` of column headers with a
    /// `Label` method, used to render a table's header row.
    pub fn header(headers: &[(&str, &str)]) -> Record {
        let map = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut r = Record::new("formatter.SubHeaderContext").method("Label", 1, |args| {
            let name = args[0].sprint();
            let last = name.rsplit('.').next().unwrap_or("").to_string();
            Ok(Value::Str(last.replace(['-', '_'], " ")))
        });
        r.map = Some(map);
        r
    }

    pub fn into_value(self) -> Value {
        Value::Object(Rc::new(self))
    }

    /// Looks a name up: `Some(Ok(v))` for a field or map entry, `Some(Err(arity))` for a
    /// method, `None` when there is no such member.
    pub(crate) fn lookup(&self, name: &str) -> Option<Result<Value, usize>> {
        if let Some((_, m)) = self.members.iter().find(|(n, _)| n == name) {
            return Some(match m {
                Member::Field(v) => Ok(v.clone()),
                Member::Method(arity, _) => Err(*arity),
            });
        }
        if let Some(kind) = self.computed_kind(name) {
            return Some(match kind {
                None => Ok(self.call(name, &[]).unwrap_or(Value::NoValue)),
                Some(arity) => Err(arity),
            });
        }
        let map = self.map.as_ref()?;
        Some(Ok(map
            .get(name)
            .map_or(Value::NoValue, |v| Value::Str(v.clone()))))
    }

    pub(crate) fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        match self.members.iter().find(|(n, _)| n == name) {
            Some((_, Member::Method(_, f))) => f(args),
            Some((_, Member::Field(v))) => Ok(v.clone()),
            None if self.computed_kind(name).is_some() => match &self.computed {
                Some(c) => (c.get)(name, args),
                None => Ok(Value::NoValue),
            },
            None => Err(format!(
                "can't evaluate field {name} in type {}",
                self.type_name
            )),
        }
    }

    /// A field's value (methods excluded).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.members.iter().find_map(|(n, m)| match m {
            Member::Field(v) if n == name => Some(v),
            _ => None,
        })
    }

    /// Whether `{{json}}` of this record escapes HTML characters.
    pub(crate) fn escapes_html(&self) -> bool {
        self.escape_html
    }

    pub(crate) fn is_map(&self) -> bool {
        self.map.is_some()
    }

    fn to_json(&self) -> serde_json::Value {
        if let Some(j) = &self.json {
            return j.clone();
        }
        if self.json_from_members {
            let sorted: BTreeMap<&str, serde_json::Value> =
                self.plain_members().into_iter().map(|(k, v)| (k, v.to_json())).collect();
            return serde_json::Value::Object(sorted.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        }
        if let Some(map) = &self.map {
            return serde_json::Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), v.clone().into()))
                    .collect(),
            );
        }
        let mut obj = serde_json::Map::new();
        for (name, m) in &self.members {
            if let Member::Field(v) = m {
                obj.insert(name.clone(), v.to_json());
            }
        }
        if let Some(c) = &self.computed {
            for (name, kind) in c.names {
                if kind.is_none()
                    && let Ok(v) = (c.get)(name, &[])
                {
                    obj.insert(name.to_string(), v.to_json());
                }
            }
        }
        serde_json::Value::Object(obj)
    }

    fn sprint(&self) -> String {
        if let Some(d) = &self.display {
            return d.clone();
        }
        if let Some(map) = &self.map {
            let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k}:{v}")).collect();
            return format!("map[{}]", parts.join(" "));
        }
        let mut parts: Vec<String> = self
            .members
            .iter()
            .filter_map(|(_, m)| match m {
                Member::Field(v) => Some(v.sprint()),
                Member::Method(..) => None,
            })
            .collect();
        if let Some(c) = &self.computed {
            parts.extend(c.names.iter().filter(|(_, k)| k.is_none()).filter_map(|(n, _)| (c.get)(n, &[]).ok()).map(|v| v.sprint()));
        }
        format!("{{{}}}", parts.join(" "))
    }
}

/// Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`).
pub fn go_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mant}e{sign}{:02}", exp.abs());
    }
    format!("{f}")
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    /// A list of strings (`[]string`).
    pub fn strings<S: AsRef<str>>(items: &[S]) -> Value {
        Value::List(
            items
                .iter()
                .map(|s| Value::Str(s.as_ref().to_string()))
                .collect(),
        )
    }

    /// A `map[string]string`.
    pub fn string_map(m: &BTreeMap<String, String>) -> Value {
        Value::Map(
            m.iter()
                .map(|(k, v)| (k.clone(), Value::Str(v.clone())))
                .collect(),
            false,
        )
    }

    /// Decoded JSON as Go's `interface{}` values (numbers as `json.Number`).
    pub fn from_json(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Nil,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.to_string()),
            serde_json::Value::String(s) => Value::Str(s.clone()),
            serde_json::Value::Array(a) => Value::List(a.iter().map(Value::from_json).collect()),
            serde_json::Value::Object(o) => Value::Map(
                o.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
                true,
            ),
        }
    }

    /// Go's `fmt.Sprint` of this value.
    pub fn sprint(&self) -> String {
        match self {
            Value::Nil => "<nil>".into(),
            Value::NoValue => "<no value>".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => go_float(*f),
            Value::Number(n) => n.clone(),
            Value::Str(s) => s.clone(),
            Value::List(items) => {
                let parts: Vec<String> = items.iter().map(Value::sprint).collect();
                format!("[{}]", parts.join(" "))
            }
            Value::Map(m, _) => {
                let parts: Vec<String> = m
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", v.sprint()))
                    .collect();
                format!("map[{}]", parts.join(" "))
            }
            Value::Object(r) => r.sprint(),
            Value::NilSlice => "[]".into(),
            Value::NilMap => "map[]".into(),
        }
    }

    /// Go's truthiness (`if`, `and`, `or`, `not`): zero values are false.
    pub fn truth(&self) -> bool {
        match self {
            Value::Nil | Value::NoValue | Value::NilSlice | Value::NilMap => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Number(n) => n.parse::<f64>().map(|f| f != 0.0).unwrap_or(true),
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m, _) => !m.is_empty(),
            Value::Object(_) => true,
        }
    }

    /// Go type name for error messages.
    pub fn type_name(&self) -> String {
        match self {
            Value::Nil | Value::NoValue => "interface {}".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float64".into(),
            Value::Number(_) => "json.Number".into(),
            Value::Str(_) => "string".into(),
            Value::List(l) if l.iter().all(|v| matches!(v, Value::Str(_))) => "[]string".into(),
            Value::List(_) => "[]interface {}".into(),
            Value::Map(_, true) => "map[string]interface {}".into(),
            Value::Map(_, false) => "map[string]string".into(),
            Value::Object(r) => r.type_name.clone(),
            Value::NilSlice => "[]string".into(),
            Value::NilMap => "map[string]string".into(),
        }
    }

    /// `encoding/json` of this value.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Nil | Value::NoValue | Value::NilSlice | Value::NilMap => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Int(i) => (*i).into(),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Number(n) => serde_json::from_str(n).unwrap_or(serde_json::Value::Null),
            Value::Str(s) => s.clone().into(),
            Value::List(l) => serde_json::Value::Array(l.iter().map(Value::to_json).collect()),
            Value::Map(m, _) => {
                serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
            }
            Value::Object(r) => r.to_json(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_go() {
        assert_eq!(Value::strings(&["a", "b"]).sprint(), "[a b]");
        let mut m = BTreeMap::new();
        m.insert("b".to_string(), "2".to_string());
        m.insert("a".to_string(), "1".to_string());
        assert_eq!(Value::string_map(&m).sprint(), "map[a:1 b:2]");
        assert_eq!(go_float(1983734.0), "1.983734e+06");
        assert_eq!(go_float(100000.0), "100000");
        assert_eq!(go_float(1.5), "1.5");
        assert_eq!(go_float(0.0001), "0.0001");
        assert_eq!(go_float(0.00001), "1e-05");
        let r = Record::new("*x.T").field("A", "a").field("B", 2i64);
        assert_eq!(r.into_value().sprint(), "{a 2}");
    }
}
