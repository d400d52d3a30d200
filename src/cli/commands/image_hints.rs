//! pt-BR explanations doca adds under the errors of the image and system commands
//! (`docker rmi` conflicts, unknown images, names Docker refuses, a stopped daemon). They
//! go to [`Output::notes`], never to stdout/stderr. All the strings live here.
//!
//! Invariant: a note only explains an error the command actually printed.

use crate::cli::output::Output;

/// (text in Docker's error, explanation).
const HINTS: &[(&str, &str)] = &[
    (
        "is using its referenced image",
        "A imagem ainda é usada por um contêiner (mesmo parado). Remova o contêiner com `docker rm` antes, ou force com `docker rmi -f`.",
    ),
    (
        "image is being used by running container",
        "Um contêiner em execução usa essa imagem: nem `-f` a remove. Pare e remova o contêiner antes (`docker rm -f`).",
    ),
    (
        "image is being used by stopped container",
        "Um contêiner parado ainda usa essa imagem. Remova-o com `docker rm`, ou force com `docker rmi -f` (o contêiner continua funcionando).",
    ),
    (
        "image is referenced in multiple repositories",
        "Esse ID tem várias tags. Remova cada tag pelo nome (`docker rmi nome:tag`) ou use `-f` para remover todas de uma vez.",
    ),
    (
        "image has dependent child images",
        "Outras imagens foram criadas a partir desta: remova-as primeiro.",
    ),
    ("No such image", "Essa imagem não está no host. Veja as imagens locais com `docker images`."),
    (
        "No such object",
        "Nenhum contêiner nem imagem tem esse nome ou ID. Confira com `docker ps -a` e `docker images`.",
    ),
    ("must be lowercase", "Nomes de repositório só aceitam letras minúsculas."),
    (
        "Cannot connect to the Docker daemon",
        "O cliente não conseguiu falar com o daemon (`dockerd`): ele não está em execução. O cliente responde sozinho só o que é dele, como o bloco `Client` de `docker version`.",
    ),
];

/// Adds the explanation of each known error in `out`'s stderr (once each).
pub fn explain(out: &mut Output) {
    let err = out.stderr();
    for (needle, hint) in HINTS {
        if err.contains(needle) && !out.notes.iter().any(|n| n == hint) {
            out.notes.push((*hint).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_follow_errors() {
        let mut out = Output::default();
        out.err("Error response from daemon: No such image: nope:latest\n");
        explain(&mut out);
        explain(&mut out);
        assert_eq!(out.notes.len(), 1);
        assert!(out.stderr().ends_with("nope:latest\n"));
        let mut quiet = Output::default();
        explain(&mut quiet);
        assert!(quiet.notes.is_empty());
    }
}
