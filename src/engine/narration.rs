//! pt-BR narration of events: one short sentence per event, shown as the caption of the
//! animation step and in the narration log. Every learner-facing engine string lives here,
//! keyed by event kind, so a pt-BR reviewer can read them all in one place.
//!
//! Invariant: narration is a pure function of the event; it never mentions doca's internals.

use super::event::{Event, EventKind};
use super::ids::short;

/// A plain-language explanation of an Engine API path (`/containers/create` → "criar um contêiner").
fn api_purpose(method: &str, path: &str) -> &'static str {
    let p = path.split('?').next().unwrap_or(path);
    let p = p.trim_start_matches(|c| c != '/').trim_start_matches('/');
    let p = p.split_once('/').map_or(p, |(version, rest)| if version.starts_with('v') { rest } else { p });
    let segs: Vec<&str> = p.split('/').collect();
    match (method, segs.as_slice()) {
        ("GET", ["_ping"]) => "verificar se o daemon responde",
        ("GET", ["version"]) => "pedir a versão do daemon",
        ("GET", ["info"]) => "pedir informações do sistema",
        ("GET", ["system", "df"]) => "pedir o uso de disco",
        ("POST", ["images", "create"]) => "baixar uma imagem do registro (pull)",
        ("GET", ["images", "json"]) => "listar as imagens",
        ("GET", ["images", _, "json"]) => "inspecionar uma imagem",
        ("GET", ["images", _, "history"]) => "ver o histórico de camadas da imagem",
        ("POST", ["images", _, "tag"]) => "criar uma tag para a imagem",
        ("POST", ["images", _, "push"]) => "enviar a imagem ao registro (push)",
        ("DELETE", ["images", _]) => "remover uma imagem",
        ("POST", ["images", "prune"]) => "limpar imagens sem uso",
        ("POST", ["containers", "create"]) => "criar um contêiner",
        ("GET", ["containers", "json"]) => "listar os contêineres",
        ("GET", ["containers", _, "json"]) => "inspecionar um contêiner",
        ("POST", ["containers", _, "start"]) => "iniciar o contêiner",
        ("POST", ["containers", _, "stop"]) => "parar o contêiner",
        ("POST", ["containers", _, "restart"]) => "reiniciar o contêiner",
        ("POST", ["containers", _, "kill"]) => "enviar um sinal ao contêiner",
        ("POST", ["containers", _, "pause"]) => "pausar o contêiner",
        ("POST", ["containers", _, "unpause"]) => "retomar o contêiner pausado",
        ("POST", ["containers", _, "attach"]) => "conectar o terminal à saída do contêiner",
        ("POST", ["containers", _, "wait"]) => "esperar o contêiner terminar",
        ("POST", ["containers", _, "rename"]) => "renomear o contêiner",
        ("POST", ["containers", _, "exec"]) => "preparar um comando dentro do contêiner",
        ("POST", ["exec", _, "start"]) => "executar o comando dentro do contêiner",
        ("GET", ["containers", _, "logs"]) => "ler os logs do contêiner",
        ("GET", ["containers", _, "top"]) => "listar os processos do contêiner",
        ("GET", ["containers", _, "changes"]) => "ver as mudanças na camada de escrita",
        ("GET", ["containers", _, "stats"]) => "ler o uso de recursos",
        ("POST", ["commit"]) => "criar uma imagem a partir do contêiner",
        ("DELETE", ["containers", _]) => "remover o contêiner",
        ("POST", ["containers", "prune"]) => "remover os contêineres parados",
        ("POST", ["volumes", "create"]) => "criar um volume",
        ("GET", ["volumes"]) => "listar os volumes",
        ("DELETE", ["volumes", _]) => "remover um volume",
        ("POST", ["networks", "create"]) => "criar uma rede",
        ("GET", ["networks"]) => "listar as redes",
        ("DELETE", ["networks", _]) => "remover uma rede",
        ("POST", ["networks", "prune"]) => "remover as redes sem uso",
        ("POST", ["volumes", "prune"]) => "remover os volumes sem uso",
        ("POST", ["build", "prune"]) => "limpar o cache de construção",
        ("POST", ["build"]) => "construir uma imagem (build)",
        ("POST", ["auth"]) => "autenticar no registro (login)",
        _ => "fazer um pedido à API do Docker",
    }
}

impl Event {
    /// One pt-BR sentence describing this event.
    pub fn narration(&self) -> String {
        match &self.kind {
            EventKind::ApiRequest { method, path } => {
                format!("O cliente chama a API do daemon para {}: {method} {path}", api_purpose(method, path))
            }
            EventKind::ApiResponse { status } => match status {
                200..=299 => format!("O daemon responde ao cliente: sucesso ({status})."),
                304 => "O daemon responde: nada a fazer (304).".to_string(),
                404 => "O daemon responde com um erro: não encontrado (404).".to_string(),
                409 => "O daemon recusa o pedido: conflito com o estado atual (409).".to_string(),
                400 => "O daemon recusa o pedido: parâmetros inválidos (400).".to_string(),
                _ => format!("O daemon responde com um erro ({status})."),
            },
            EventKind::RegistryRequest { method, path } => {
                if path.contains("/manifests/") {
                    format!("O daemon pede ao registro o manifesto da imagem: {method} {path}")
                } else {
                    format!("O daemon pede ao registro um blob: {method} {path}")
                }
            }
            EventKind::RegistryResponse { status } => match status {
                200..=299 => "O registro responde com o manifesto: a lista de camadas da imagem.".to_string(),
                404 => "O registro não tem essa imagem ou tag (404).".to_string(),
                401 | 403 => "O registro nega o acesso: é preciso fazer login ou a imagem não existe.".to_string(),
                _ => format!("O registro responde ({status})."),
            },
            EventKind::LayerDownloaded { digest, index, count, .. } => format!(
                "Camada {}/{} ({}) baixada do registro e guardada no host.",
                index + 1,
                count,
                short(digest)
            ),
            EventKind::LayerAlreadyExists { digest, index, count } => format!(
                "Camada {}/{} ({}) já existe no host: não precisa baixar de novo.",
                index + 1,
                count,
                short(digest)
            ),
            EventKind::LayerPushed { digest, .. } => {
                format!("Camada {} enviada ao registro.", short(digest))
            }
            EventKind::LayerSkipped { digest } => {
                format!("O registro já tem a camada {}: nada a enviar.", short(digest))
            }
            EventKind::ImageStored { reference, .. } => {
                format!("A imagem {reference} agora está no armazenamento do daemon.")
            }
            EventKind::ImageTagged { reference, image } => {
                format!("A tag {reference} agora aponta para a imagem {}.", short(image))
            }
            EventKind::ImageUntagged { reference, .. } => format!("A tag {reference} foi removida."),
            EventKind::ImageDeleted { image } => format!("A imagem {} foi apagada do host.", short(image)),
            EventKind::LayerDeleted { digest } => {
                format!("A camada {} foi apagada: nenhuma imagem a usa mais.", short(digest))
            }
            EventKind::ContainerCreated { name, image, .. } => format!(
                "O daemon cria o contêiner {name} a partir da imagem {}, com uma camada de escrita própria.",
                short(image)
            ),
            EventKind::ContainerStateChanged { to, .. } => match to.as_str() {
                "running" => "O contêiner está em execução (running).".to_string(),
                "exited" => "O processo principal terminou: o contêiner está parado (exited), mas continua existindo.".to_string(),
                "paused" => "O contêiner foi pausado: seus processos estão congelados.".to_string(),
                "restarting" => "A política de reinício vai iniciar o contêiner de novo.".to_string(),
                "created" => "O contêiner foi criado, mas ainda não iniciou.".to_string(),
                "dead" => "O contêiner ficou no estado dead.".to_string(),
                other => format!("O contêiner mudou para o estado {other}."),
            },
            EventKind::ContainerRenamed { from, to, .. } => {
                format!("O contêiner {from} agora se chama {to}.")
            }
            EventKind::ContainerRemoved { container } => format!(
                "O contêiner {} e sua camada de escrita foram removidos; a imagem continua no host.",
                short(container)
            ),
            EventKind::SignalSent { signal, .. } => {
                format!("O daemon envia o sinal {signal} ao processo principal do contêiner.")
            }
            EventKind::ProcessStarted { command, .. } => {
                format!("Processo iniciado dentro do contêiner: {command}")
            }
            EventKind::ProcessExited { code, .. } => {
                format!("O processo terminou com código de saída {code}.")
            }
            EventKind::RuntimeCall { operation } => {
                format!("O daemon repassa o trabalho ao runtime: {operation}")
            }
            EventKind::WritableLayerChanged { paths, .. } => {
                format!("A camada de escrita do contêiner mudou ({paths} caminho(s)).")
            }
            EventKind::TimePassed { seconds } => format!("Passaram-se {seconds} segundo(s)."),
            EventKind::BuildStep { step, cached: true } => {
                format!("Passo do build reaproveitado do cache (CACHED): {step}")
            }
            EventKind::BuildStep { step, cached: false } => {
                format!("O builder executa o passo e grava uma nova camada: {step}")
            }
            EventKind::RegistryOnline { domain } => {
                format!("Um registro privado passou a responder em {domain}.")
            }
            EventKind::RegistryOffline { domain } => {
                format!("O registro em {domain} parou de responder.")
            }
            EventKind::Note { key } => note(key),
            other => super::narration_net::narrate(other).unwrap_or_default(),
        }
    }
}

/// Narration for free-form steps.
fn note(key: &str) -> String {
    match key {
        "image_missing_locally" => "A imagem não está no host: o cliente pede ao daemon para baixá-la.".into(),
        _ => key.to_string(),
    }
}
