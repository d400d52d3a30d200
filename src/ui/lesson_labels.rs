//! Every pt-BR label of the lesson pane, in one place for review (the spelling test reads
//! the string literals of this file).
//!
//! Invariant: only learner-facing text; no logic.

pub const MAP: &str = "Mapa do curso";
pub const MAP_TITLE: &str = "Mostrar todas as lições e o seu progresso";
pub const MAP_HEADING: &str = "Lições do curso";
pub const SANDBOX: &str = "Modo livre";
pub const SANDBOX_TITLE: &str = "Usar o terminal sem lição e sem objetivos";
pub const SANDBOX_TEXT: &str = "Modo livre: sem objetivos. Digite qualquer comando no terminal e observe o diagrama.";
pub const SANDBOX_PICK: &str = "Quando quiser, escolha uma lição no mapa.";
pub const LEARN: &str = "O que você vai aprender";
pub const STEP: &str = "Passo";
pub const OF: &str = "de";
pub const EXERCISE: &str = "Exercício";
pub const OBJECTIVE: &str = "Objetivo";
pub const MET: &str = "Objetivo cumprido";
pub const NOT_MET: &str = "Objetivo ainda não cumprido";
pub const UNSUPPORTED: &str = "O doca ainda não consegue verificar este objetivo sozinho.";
pub const MARK_DONE: &str = "Marcar como concluído";
pub const DONE_BEFORE: &str = "Você já concluiu este passo.";
pub const HINT: &str = "Dica";
pub const HINT_TITLE: &str = "Mostrar a próxima dica";
pub const HINT_LABEL: &str = "Dica";
pub const SOLUTION: &str = "Mostrar solução";
pub const SOLUTION_TITLE: &str = "Mostrar os comandos da solução";
pub const SOLUTION_HEADING: &str = "Solução";
pub const WELL_DONE: &str = "Muito bem!";
pub const WHY: &str = "Por que isso importa";
pub const PREVIOUS: &str = "Anterior";
pub const NEXT: &str = "Próximo";
pub const NEXT_LESSON: &str = "Próxima lição";
pub const LESSON_DONE: &str = "Lição concluída!";
pub const COURSE_DONE: &str = "Você concluiu o curso. Parabéns!";
pub const RESET_LESSON: &str = "Recomeçar lição";
pub const RESET_LESSON_TITLE: &str = "Apagar o progresso desta lição e voltar ao mundo inicial dela";
pub const LOOK: &str = "Veja no diagrama:";
pub const STEPS_DONE: &str = "passos concluídos";
pub const COMPLETE: &str = "concluída";
pub const RESTORED_ONE: &str = "comando reexecutado para restaurar o seu progresso.";
pub const RESTORED: &str = "comandos reexecutados para restaurar o seu progresso.";
pub const STARTED: &str = "Lição aberta:";
