//! Template behaviour checked against Go's `text/template` with docker's functions: each
//! case is (template, output, error) as Go produced them (a `RAW:` prefix runs against
//! decoded JSON with `missingkey=error`, like `docker inspect`'s fallback).

use super::{Options, Record, Template, Value};

fn ctx() -> Value {
    let mut labels = std::collections::BTreeMap::new();
    labels.insert("a".to_string(), "1".to_string());
    labels.insert("b".to_string(), "two".to_string());
    let mut map = std::collections::BTreeMap::new();
    map.insert("k1".to_string(), "v1".to_string());
    map.insert("k2".to_string(), "v2".to_string());
    Record::new("*main.Ctx")
        .field("ID", "cd1afdfe72bb")
        .field("Names", "fmt1")
        .field("State", "running")
        .field("Labels", "a=1,b=two")
        .method("Label", 1, move |args| {
            Ok(Value::str(
                labels.get(&args[0].sprint()).cloned().unwrap_or_default(),
            ))
        })
        .field("Mounts", "")
        .field("List", Value::strings(&["x", "y"]))
        .field("Map", Value::string_map(&map))
        .field("Num", 42i64)
        .field("Empty", Value::List(Vec::new()))
        .json(serde_json::json!({}))
        .into_value()
}

fn raw() -> Value {
    let v: serde_json::Value = serde_json::from_str(
        r#"{"State":{"Status":"running","Pid":28533,"Health":null},"Config":{"Labels":{"a":"1"},"Env":["A=1","B=2"]},"Size":1983734}"#,
    )
    .unwrap();
    Value::from_json(&v)
}

#[rustfmt::skip]
const CASES: &[(&str, &str, &str)] = &[
    ("{{.ID}}", "cd1afdfe72bb", ""),
    ("{{.Foo}}", "", "template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *main.Ctx"),
    ("{{foo .ID}}", "", "template: :1: function \"foo\" not defined"),
    ("{{.ID", "", "template: :1: unclosed action"),
    ("{{json .Labels}}", "\"a=1,b=two\"", ""),
    ("{{.Label \"a\"}}", "1", ""),
    ("{{.Labels}}", "a=1,b=two", ""),
    ("{{index .Labels \"a\"}}", "", "template: :1:2: executing \"\" at <index .Labels \"a\">: error calling index: cannot index slice/array with type string"),
    ("{{range .Mounts}}x{{end}}", "", "template: :1:8: executing \"\" at <.Mounts>: range can't iterate over "),
    ("{{.Names | upper}}", "FMT1", ""),
    ("{{printf \"%s-%d\" .Names 3}}", "fmt1-3", ""),
    ("{{split .Names \"1\"}}", "[fmt ]", ""),
    ("{{if eq .State \"running\"}}up{{else}}down{{end}}", "up", ""),
    ("{{len .Names}}", "4", ""),
    ("{{.Names.Foo}}", "", "template: :1:8: executing \"\" at <.Names.Foo>: can't evaluate field Foo in type string"),
    ("{{title .State}}", "Running", ""),
    ("{{pad .State 2 3}}|", "  running   |", ""),
    ("{{truncate .ID 3}}", "cd1", ""),
    ("{{println .State}}", "running\n", ""),
    ("{{nil}}", "", "template: :1:2: executing \"\" at <nil>: nil is not a command"),
    ("{{index .Labels}}", "a=1,b=two", ""),
    ("{{.Label}}", "", "template: :1:2: executing \"\" at <.Label>: wrong number of args for Label: want 1 got 0"),
    ("{{ json .Label \"a\" }}", "", "template: :1:3: executing \"\" at <json>: wrong number of args for json: want 1 got 2"),
    ("{{range .List}}<{{.}}>{{end}}", "<x><y>", ""),
    ("{{range $i, $v := .List}}{{$i}}={{$v}} {{end}}", "0=x 1=y ", ""),
    ("{{range $k, $v := .Map}}{{$k}}:{{$v}};{{end}}", "k1:v1;k2:v2;", ""),
    ("{{.Map}}", "map[k1:v1 k2:v2]", ""),
    ("{{.List}}", "[x y]", ""),
    ("{{json .List}}", "[\"x\",\"y\"]", ""),
    ("{{json .Map}}", "{\"k1\":\"v1\",\"k2\":\"v2\"}", ""),
    ("{{index .Map \"k2\"}}", "v2", ""),
    ("{{index .List 1}}", "y", ""),
    ("{{index .List 5}}", "", "template: :1:2: executing \"\" at <index .List 5>: error calling index: index out of range: 5"),
    ("{{.Map.k1}}", "v1", ""),
    ("{{.Map.zz}}", "<no value>", ""),
    ("{{with .Mounts}}m{{else}}none{{end}}", "none", ""),
    ("{{range .Empty}}x{{else}}empty{{end}}", "empty", ""),
    ("{{$x := .Names}}{{$x}}-{{$x | len}}", "fmt1-4", ""),
    ("{{if and .Names .Mounts}}a{{else if .Num}}b{{end}}", "b", ""),
    ("{{or .Mounts \"dflt\"}}", "dflt", ""),
    ("{{not .Mounts}}", "true", ""),
    ("{{.Num}} {{print .Num .Num}} {{print \"a\" .Num}}", "42 42 42 a42", ""),
    ("{{eq .Num 42}} {{lt .Num 50}} {{ne .State \"x\"}}", "true true true", ""),
    ("{{eq .Num \"42\"}}", "", "template: :1:2: executing \"\" at <eq .Num \"42\">: error calling eq: incompatible types for comparison"),
    ("{{- .ID -}} x {{- .Names }}", "cd1afdfe72bbxfmt1", ""),
    ("a {{/* comment */}} b", "a  b", ""),
    ("{{if .ID}}", "", "template: :1: unexpected EOF"),
    ("{{end}}", "", "template: :1: unexpected {{end}}"),
    ("{{else}}", "", "template: :1: unexpected {{else}}"),
    ("{{.ID .Names}}", "", "template: :1:2: executing \"\" at <.ID>: wrong number of args for ID: want 0 got 1"),
    ("{{\"s\" .ID}}", "", "template: :1:2: executing \"\" at <\"s\">: can't give argument to non-function \"s\""),
    ("{{$y}}", "", "template: :1: undefined variable \"$y\""),
    ("{{(.Names)}}", "fmt1", ""),
    ("{{(.Map).k1}}", "v1", ""),
    ("{{join .List \", \"}}", "x, y", ""),
    ("{{join .Names \",\"}}", "", "template: :1:7: executing \"\" at <.Names>: wrong type for value; expected []string; got string"),
    ("{{upper 3}}", "", "template: :1:8: executing \"\" at <3>: expected string; found 3"),
    ("{{printf \"%5.1f|%x|%q|%v|%t\" 3.14159 255 \"q\" .List true}}", "  3.1|ff|\"q\"|[x y]|true", ""),
    ("{{range .List}}{{if eq . \"x\"}}{{continue}}{{end}}{{.}}{{end}}", "y", ""),
    ("{{range .List}}{{break}}{{end}}z", "z", ""),
    ("{{break}}", "", "template: :1: {{break}} outside {{range}}"),
    ("{{.ID | printf \"%s!\"}}", "cd1afdfe72bb!", ""),
    ("{{.Label \"a\" | upper}}", "1", ""),
    ("{{json .}}", "{}", ""),
    ("RAW:{{.State.Status}}", "running", ""),
    ("RAW:{{.State.Pid}}", "28533", ""),
    ("RAW:{{.Size}}", "1983734", ""),
    ("RAW:{{.Nope}}", "", "template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\""),
    ("RAW:{{.State.Pid.X}}", "", "template: :1:8: executing \"\" at <.State.Pid.X>: can't evaluate field X in type interface {}"),
    ("RAW:{{.Config.Labels.zz}}", "", "template: :1:9: executing \"\" at <.Config.Labels.zz>: map has no entry for key \"zz\""),
    ("RAW:{{.State.Health.X}}", "", "template: :1:8: executing \"\" at <.State.Health.X>: nil pointer evaluating interface {}.X"),
    ("RAW:{{index .Config.Env 1}}", "B=2", ""),
    ("RAW:{{json .Config}}", "{\"Env\":[\"A=1\",\"B=2\"],\"Labels\":{\"a\":\"1\"}}", ""),
    ("RAW:{{.Config.Env}}", "[A=1 B=2]", ""),
    ("RAW:{{.State}}", "map[Health:<nil> Pid:28533 Status:running]", ""),
    ("{{.ID}}\n{{.Foo}}", "cd1afdfe72bb\n", "template: :2:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *main.Ctx"),
    ("{{len 3}}", "", "template: :1:2: executing \"\" at <len 3>: error calling len: len of type int"),
    ("{{index 3 1}}", "", "template: :1:2: executing \"\" at <index 3 1>: error calling index: can't index item of type int"),
    ("{{.List.X}}", "", "template: :1:7: executing \"\" at <.List.X>: can't evaluate field X in type []string"),
    ("{{$.ID}}", "cd1afdfe72bb", ""),
    ("{{range .List}}{{$.Names}}{{end}}", "fmt1fmt1", ""),
    ("{{ . | len }}", "", "template: :1:7: executing \"\" at <len>: error calling len: len of type main.Ctx"),
    ("{{printf \"%d\" .State}}", "%!d(string=running)", ""),
    ("{{printf \"%s\"}}", "%!s(MISSING)", ""),
    ("{{.Num | printf \"%d%%\"}}", "42%", ""),
    ("{{ }}", "", "template: :1: missing value for command"),
    ("{{|}}", "", "template: :1: unexpected \"|\" in command"),
    ("{{.ID|}}", "cd1afdfe72bb", ""),
    ("{{.ID)}}", "", "template: :1: unexpected \")\" in command"),
    ("{{(.ID}}", "", "template: :1: unclosed left paren"),
    ("{{\"unterminated}}", "", "template: :1: unterminated quoted string"),
    ("{{.ID ! }}", "", "template: :1: unexpected \"!\" in operand"),
    ("{{1.5}} {{0x10}} {{-3}} {{1e3}}", "1.5 16 -3 1000", ""),
    ("{{true}} {{false}}", "true false", ""),
    ("{{.ID.}}", "", "template: :1: unexpected <.> in operand"),
    ("{{$x := 1}}{{$x = 2}}{{$x}}", "2", ""),
];

#[test]
fn named_templates_name_their_errors() {
    let t = Template::parse_named("version", "{{.Foo}}").unwrap();
    let data = Record::new("system.versionInfo").into_value();
    assert_eq!(
        t.execute(&data).unwrap_err(),
        "template: version:1:2: executing \"version\" at <.Foo>: can't evaluate field Foo in type system.versionInfo"
    );
    assert_eq!(
        Template::parse_named("version", "{{").unwrap_err(),
        "template: version:1: unclosed action"
    );
}

#[test]
fn matches_go() {
    let mut failures = Vec::new();
    for (src, out, err) in CASES {
        let (src, data, opts) = match src.strip_prefix("RAW:") {
            Some(s) => (
                s,
                raw(),
                Options {
                    missing_key_error: true,
                    ..Options::default()
                },
            ),
            None => (*src, ctx(), Options::default()),
        };
        let (got_out, got_err) = match Template::parse(src) {
            Err(e) => (String::new(), e),
            Ok(t) => {
                let (o, e) = t.execute_partial(&data, opts);
                (o, e.unwrap_or_default())
            }
        };
        if got_out != *out || got_err != *err {
            failures.push(format!(
                "{src:?}\n  got  {got_out:?} {got_err:?}\n  want {out:?} {err:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn the_short_way_for_plain_rows_agrees_with_the_executor() {
    let data = ctx();
    for src in ["{{.ID}}\t{{.Names}}", "x{{.Num}}y{{.List}}", "{{.Map}} {{.Empty}}", "{{.Label}}", "{{.Nope}}", "{{.ID.X}}", "{{ .State }}", "plain"] {
        let t = Template::parse(src).unwrap();
        let full = super::exec::Exec::new(&t.name, &t.src, data.clone(), Options::default()).run(&t.nodes, &data);
        match t.execute_plain(&data) {
            Some(short) => assert_eq!(Ok(short), full, "{src}"),
            None => assert_eq!(t.execute(&data), full, "{src}"),
        }
    }
    assert!(Template::parse("{{.ID}}\t{{.Num}}").unwrap().execute_plain(&data).is_some());
    assert!(Template::parse("{{.Nope}}").unwrap().execute_plain(&data).is_none());
}
