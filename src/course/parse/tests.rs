//! Lesson files: the format read back, and each mistake reported at its line.

use super::*;
use crate::course::lesson::Part;

const SAMPLE: &str = r#"---
titulo: Exemplo
resumo: Uma lição de teste.
aprender:
  - o que é `docker run`
conceitos:
  - contêiner
hosts:
  - gerente 10.0.0.2
  - trabalhador
preparo:
  - docker pull nginx
---
Introdução com *ênfase*.

## Execute o nginx

Texto do passo.

```destaque
daemon
client->daemon
```

```console
## isto é código, não um passo
```

### Objetivo
Um contêiner do `nginx` em execução.

```objetivo
container image=nginx state=running
```

### Dicas
- Use `docker run`.
- Digite `docker run -d nginx`.

### Solução
```sh
docker run -d nginx
```

```quase
docker create nginx

docker pull nginx
docker images
```

### Por que isso importa
Porque sim.

## Exercício: Pare o contêiner

Sem dicas.

### Objetivo
Nenhum contêiner em execução.

```objetivo
no container state=running
```

### Solução
```sh
docker stop $(docker ps -q)
```
"#;

#[test]
fn a_lesson_reads_back() {
    let l = parse_lesson("07-exemplo.md", SAMPLE).unwrap();
    assert_eq!((l.id.as_str(), l.number, l.title.as_str()), ("07-exemplo", 7, "Exemplo"));
    assert_eq!(l.setup.lines, vec!["docker pull nginx"]);
    assert_eq!(l.setup.hosts[0], HostSpec { name: "gerente".into(), ip: "10.0.0.2".into() });
    assert_eq!(l.setup.hosts[1], HostSpec { name: "trabalhador".into(), ip: "192.168.65.4".into() });
    assert_eq!(l.concepts, vec!["contêiner"]);
    assert_eq!(l.steps.len(), 2);
    let s = &l.steps[0];
    assert_eq!((s.line, s.title.as_str(), s.exercise), (16, "Execute o nginx", false));
    assert_eq!(s.highlights, vec![Highlight::Node(Part::Daemon), Highlight::Edge(Part::Client, Part::Daemon)]);
    assert_eq!(s.body.len(), 2, "{:?}", s.body);
    assert!(matches!(&s.body[1], Block::Code { lang, text } if lang == "console" && text.contains("## isto")));
    assert_eq!(s.goal.checks[0].line, 33);
    assert_eq!(s.hints.len(), 2);
    assert_eq!(s.solution, vec!["docker run -d nginx"]);
    assert_eq!(s.near_misses, vec![vec!["docker create nginx".to_string()], vec!["docker pull nginx".into(), "docker images".into()]]);
    assert_eq!(markdown::plain(&s.objective), "Um contêiner do nginx em execução.");
    assert!(!s.why.is_empty());
    let e = &l.steps[1];
    assert!(e.exercise && e.hints.is_empty());
    assert_eq!(e.title, "Pare o contêiner");
}

fn error(src: &str) -> ParseError {
    parse_lesson("01-x.md", src).unwrap_err()
}

#[test]
fn mistakes_are_reported_at_their_line() {
    let e = error(&SAMPLE.replace("container image=nginx state=running", "contaner image=nginx"));
    assert_eq!(e.line, 33);
    assert!(e.message.contains("objeto desconhecido"), "{e}");
    assert_eq!(e.to_string().split(':').next(), Some("01-x.md"));

    let e = error(&SAMPLE.replace("### Dicas\n- Use `docker run`.\n", "### Dica\n- Use `docker run`.\n"));
    assert!(e.message.contains("seção desconhecida \"Dica\""), "{e}");

    let e = error(&SAMPLE.replace("- Use `docker run`.\n", ""));
    assert!(e.message.contains("ao menos duas dicas"), "{e}");

    let e = error(&SAMPLE.replace("Sem dicas.\n", "### Dicas\n- a\n- b\n"));
    assert!(e.message.contains("exercício não tem dicas"), "{e}");

    let e = error(&SAMPLE.replace("client->daemon", "client->cloud"));
    assert_eq!(e.line, 22);

    let e = error(&SAMPLE.replace("```sh\ndocker run -d nginx\n```", ""));
    assert!(e.message.contains("bloco ```sh"), "{e}");

    let e = error(&SAMPLE.replace("### Por que isso importa\nPorque sim.\n", ""));
    assert!(e.message.contains("Por que isso importa"), "{e}");

    let e = error(&SAMPLE.replace("titulo: Exemplo\n", ""));
    assert!(e.message.contains("falta \"titulo\""), "{e}");

    let e = error(&SAMPLE.replace("Texto do passo.", "```objetivo\nimage ref=x\n```"));
    assert!(e.message.contains("fora do lugar"), "{e}");

    let e = error("---\ntitulo: a\nresumo: b\n---\nsó introdução\n");
    assert!(e.message.contains("não tem passos"), "{e}");

    assert!(parse_lesson("sem-numero.md", SAMPLE).is_err());
}
