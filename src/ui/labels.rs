//! Every pt-BR label of the web app's own interface, in one place so a pt-BR speaker can
//! review them together (terminal output stays in Docker's English and is not here).
//!
//! Invariant: only learner-facing interface text lives here; no logic.

pub const PRODUCT: &str = "doca";
pub const SUBTITLE: &str = "Simulador da arquitetura do Docker";
pub const RESET: &str = "Reiniciar";
pub const RESET_TITLE: &str = "Recomeçar do início: o mundo inicial da lição aberta, ou um mundo vazio no modo livre";
pub const LESSONS: &str = "Lições";
pub const LESSONS_TITLE: &str = "Mostrar ou esconder o painel de lições";
pub const FILES: &str = "Arquivos";
pub const FILES_TITLE: &str = "Mostrar ou esconder o editor de arquivos (Dockerfile, páginas, programas)";
pub const FILES_PANE: &str = "Editor de arquivos";
pub const FILES_LIST: &str = "Arquivos na pasta pessoal (/home/aluno)";
pub const FILES_EMPTY: &str = "Nenhum arquivo ainda. Crie um abaixo ou no terminal (echo … > arquivo).";
pub const FILE_NEW: &str = "Novo arquivo";
pub const FILE_NEW_PLACEHOLDER: &str = "ex.: app/Dockerfile";
pub const FILE_CREATE: &str = "Criar";
pub const FILE_SAVE: &str = "Salvar";
pub const FILE_SAVE_TITLE: &str = "Salvar o arquivo (Ctrl+S)";
pub const FILE_SAVED: &str = "Salvo.";
pub const FILE_UNSAVED: &str = "Alterações não salvas.";
pub const FILE_NONE: &str = "Escolha um arquivo na lista ou crie um novo.";
pub const FILE_CONTENT: &str = "Conteúdo do arquivo";
pub const TERMINAL: &str = "Terminal";
pub const TERMINAL_INPUT: &str = "Linha de comando: digite um comando e tecle Enter";
pub const TERMINAL_OUTPUT: &str = "Saída do terminal";
pub const DIAGRAM: &str = "Arquitetura";
pub const OMITTED: &str = "caracteres omitidos";
pub const PASTE_RUNNING: &str = "linhas coladas aguardando execução";
pub const KEYS: &str = "Teclas do terminal";
pub const KEY_TAB: &str = "Completar (Tab)";
pub const KEY_UP: &str = "Comando anterior (seta para cima)";
pub const KEY_DOWN: &str = "Próximo comando (seta para baixo)";
pub const KEY_CTRL_C: &str = "Interromper (Ctrl+C)";
