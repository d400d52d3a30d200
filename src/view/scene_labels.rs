//! Every pt-BR string the diagram shows in its own voice (node titles, state names, counts,
//! controls, inspector headings), in one place so a reviewer can read them together.
//! Terms follow the course glossary: contêiner, imagem, camada, volume, rede, registro.
//!
//! Invariant: strings here are pt-BR; Docker's own words (states, commands) appear only in
//! parentheses or code, never translated inside a command.

use crate::engine::model::container::Status;

pub const CLIENT: &str = "Cliente (CLI docker)";
/// The client's title when its box is narrow (the CLI goes to the second line).
pub const CLIENT_SHORT: &str = "Cliente";
pub const DAEMON: &str = "Daemon (dockerd)";
pub const CONTAINERD: &str = "containerd";
pub const RUNC: &str = "runc";
pub const HOST: &str = "Host";
pub const IMAGES: &str = "Imagens";
pub const IMAGE: &str = "Imagem";
pub const LAYER: &str = "Camada";
pub const NEW_LAYERS: &str = "Camadas chegando";
pub const CONTAINER: &str = "Contêiner";
pub const WRITABLE: &str = "camada de escrita";
pub const VOLUMES: &str = "Volumes";
pub const VOLUME: &str = "Volume";
pub const NO_VOLUMES: &str = "nenhum volume";
pub const NETWORK: &str = "Rede";
pub const REGISTRY: &str = "Registro (Registry)";
pub const HUB: &str = "Docker Hub";
pub const REPOSITORY: &str = "Repositório";
pub const PORT: &str = "Porta publicada";
pub const KERNEL: &str = "Kernel";
pub const DAEMON_OFF: &str = "parado: não responde";
pub const NO_IMAGES: &str = "nenhuma imagem";
pub const NO_CONTAINERS: &str = "nenhum contêiner";
pub const DIAGRAM_ALT: &str = "Diagrama da arquitetura do Docker: cliente, daemon no host, imagens, contêineres e registros";

/// The kernel bar's title.
pub fn kernel_bar(kernel: &str) -> String {
    format!("Kernel Linux {kernel} do host")
}

/// The kernel bar's second line: containers are processes sharing this kernel, not small VMs.
pub const KERNEL_SHARED: &str = "um só kernel, compartilhado por todos os contêineres: nenhum contêiner tem sistema operacional próprio";

/// Host frame title.
pub fn host_title(name: &str, desktop: bool, windows: bool) -> String {
    match (desktop, windows) {
        (false, _) => format!("Host {name} (Linux)"),
        (true, true) => "VM Linux do Docker Desktop (WSL 2)".to_string(),
        (true, false) => "VM Linux do Docker Desktop".to_string(),
    }
}

/// The outer frame of a Docker Desktop machine.
pub fn desktop_title(name: &str, windows: bool) -> String {
    if windows { format!("{name} (Windows · Docker Desktop)") } else { format!("{name} (macOS · Docker Desktop)") }
}

/// Short state word for a container tile.
pub fn state_short(s: Status) -> &'static str {
    match s {
        Status::Created => "criado",
        Status::Running => "em execução",
        Status::Paused => "pausado",
        Status::Restarting => "reiniciando",
        Status::Removing => "removendo",
        Status::Exited => "parado",
        Status::Dead => "dead",
    }
}

/// A glyph for the state, so compact tiles do not rely on colour alone.
pub fn state_glyph(s: Status) -> &'static str {
    match s {
        Status::Created => "○",
        Status::Running => "▶",
        Status::Paused => "‖",
        Status::Restarting => "↻",
        Status::Removing | Status::Dead => "✕",
        Status::Exited => "■",
    }
}

/// State with Docker's word, for the inspector: `em execução (running)`.
pub fn state_long(s: Status) -> String {
    format!("{} ({})", state_short(s), s.as_str())
}

/// Tile state line, with the exit code when stopped.
pub fn state_tile(s: Status, exit_code: i32) -> String {
    match s {
        Status::Exited => format!("parado ({exit_code})"),
        other => state_short(other).to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

/// `+18 contêineres parados`.
pub fn group_stopped(n: usize) -> String {
    format!("+{}", plural(n, "contêiner parado", "contêineres parados"))
}

/// `+3 contêineres`.
pub fn group_more(n: usize) -> String {
    format!("+{}", plural(n, "contêiner", "contêineres"))
}

/// `+4 repositórios`.
pub fn more_repos(n: usize) -> String {
    format!("+{}", plural(n, "repositório", "repositórios"))
}

/// `+2 camadas`.
pub fn more_layers(n: usize) -> String {
    format!("+{}", plural(n, "camada", "camadas"))
}

/// `+5 imagens`.
pub fn more_images(n: usize) -> String {
    format!("+{}", plural(n, "imagem", "imagens"))
}

/// Badge of a layer shared by several images.
pub fn shared_by(n: usize) -> String {
    format!("compartilhada por {n} imagens")
}

pub fn count_containers(n: usize) -> String {
    plural(n, "contêiner", "contêineres")
}

pub fn count_images(n: usize) -> String {
    plural(n, "imagem", "imagens")
}

pub fn count_layers(n: usize) -> String {
    plural(n, "camada", "camadas")
}

/// A network zone's title: `Rede bridge · 172.17.0.0/16`.
pub fn network_title(name: &str, subnet: &str) -> String {
    if subnet.is_empty() { format!("Rede {name}") } else { format!("Rede {name} · {subnet}") }
}

/// A published port chip: `host :8080 → 80/tcp`.
pub fn port_chip(host_ip: &str, host_port: &str) -> String {
    let port = if host_port.is_empty() { "?" } else { host_port };
    if host_ip == "0.0.0.0" { format!("host :{port}") } else { format!("{host_ip}:{port}") }
}

/// Sizes in doca's voice: decimal units, comma as decimal separator (`7,8 MB`).
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut scaled = bytes as f64;
    while scaled >= 1000.0 && unit < UNITS.len() - 1 {
        scaled /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} B");
    }
    let text = if scaled >= 100.0 { format!("{scaled:.0}") } else { format!("{scaled:.1}") };
    format!("{} {}", text.replace('.', ","), UNITS[unit])
}

/// A speed factor as pt-BR writes it: `0,25×`, `1×`.
pub fn speed(permille: u32) -> String {
    let whole = permille / 1000;
    let frac = permille % 1000;
    if frac == 0 {
        format!("{whole}×")
    } else {
        let digits = format!("{frac:03}");
        format!("{whole},{}×", digits.trim_end_matches('0'))
    }
}

// Playback controls.
pub const PAUSE: &str = "Pausar";
pub const RESUME: &str = "Continuar";
pub const STEP_BACK: &str = "Etapa anterior";
pub const STEP_FORWARD: &str = "Próxima etapa";
pub const BACK_SHORT: &str = "⟨ Anterior";
pub const FORWARD_SHORT: &str = "Próxima ⟩";
pub const REPLAY: &str = "Repetir";
pub const SPEED: &str = "Velocidade";
pub const CONTROLS: &str = "Controles da animação";
pub const NARRATION_LOG: &str = "Histórico das etapas";
pub const NARRATION_EMPTY: &str = "Digite um comando docker no terminal: cada etapa aparece aqui.";
pub const IDLE_CAPTION: &str = "Aguardando um comando.";
pub const CLOSE: &str = "Fechar";
pub const INSPECTOR: &str = "Detalhes";

/// `Etapa 3 de 9` (the animation's stages; a lesson's are `Passo`s).
pub fn step_of(step: u32, total: u32) -> String {
    format!("Etapa {step} de {total}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_speeds_use_brazilian_decimals() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(13_256), "13,3 kB");
        assert_eq!(size(8_306_243), "8,3 MB");
        assert_eq!(size(187_000_000), "187 MB");
        assert_eq!(speed(250), "0,25×");
        assert_eq!(speed(1500), "1,5×");
        assert_eq!(speed(4000), "4×");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(group_stopped(1), "+1 contêiner parado");
        assert_eq!(group_stopped(18), "+18 contêineres parados");
        assert_eq!(more_repos(4), "+4 repositórios");
        assert_eq!(state_tile(Status::Exited, 137), "parado (137)");
    }
}
