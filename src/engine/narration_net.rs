//! pt-BR narration of the data and networking events: volumes, bind mounts, networks,
//! published ports, name resolution and packets.
//!
//! Invariant: narration is a pure function of the event; `None` only for kinds that are
//! not about data or networking.

use super::event::EventKind;
use super::ids::short;

/// A volume name as the learner sees it: anonymous ones are 64 hex digits, shortened.
fn vol(name: &str) -> String {
    if name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit()) { short(name).to_string() } else { name.to_string() }
}

/// The sentence for a data or networking event.
pub fn narrate(kind: &EventKind) -> Option<String> {
    let text = match kind {
        EventKind::VolumeCreated { volume, anonymous: false } => {
            format!("O daemon cria o volume {volume}: um diretório guardado fora de qualquer contêiner.")
        }
        EventKind::VolumeCreated { volume, anonymous: true } => format!(
            "O daemon cria um volume anônimo ({}): ele continua existindo depois que o contêiner for removido, a menos que se use --rm ou rm -v.",
            vol(volume)
        ),
        EventKind::VolumeRemoved { volume } => format!("O volume {} e os arquivos dentro dele foram apagados.", vol(volume)),
        EventKind::VolumePopulated { volume, destination, paths } => format!(
            "O volume {} estava vazio: o Docker copia para ele os {paths} arquivo(s) que a imagem tem em {destination}.",
            vol(volume)
        ),
        EventKind::VolumeMounted { mount_type: kind, source, destination, read_only, .. } => {
            let ro = if *read_only { " (somente leitura)" } else { "" };
            match kind.as_str() {
                "bind" => format!("O diretório {source} do host aparece em {destination} dentro do contêiner (bind mount){ro}."),
                "tmpfs" => format!("Um tmpfs (na memória, apagado ao parar) é montado em {destination}."),
                _ => format!("O volume {} é montado em {destination} dentro do contêiner{ro}.", vol(source)),
            }
        }
        EventKind::NetworkCreated { name, driver, subnet, .. } if subnet.is_empty() => {
            format!("O daemon cria a rede {name} (driver {driver}).")
        }
        EventKind::NetworkCreated { name, driver, subnet, .. } => {
            format!("O daemon cria a rede {name} (driver {driver}), com os endereços {subnet}.")
        }
        EventKind::NetworkRemoved { name, .. } => format!("A rede {name} foi removida."),
        EventKind::NetworkConnected { ip, aliases, .. } => {
            let names = if aliases.is_empty() { String::new() } else { format!(" e responde pelos nomes {}", aliases.join(", ")) };
            if ip.is_empty() {
                format!("O contêiner é ligado à rede{names}.")
            } else {
                format!("O contêiner recebe o endereço {ip} nesta rede{names}.")
            }
        }
        EventKind::NetworkDisconnected { .. } => "O contêiner foi desligado da rede.".to_string(),
        EventKind::PortPublished { host_ip, host_port, container_port, .. } => {
            let ip = if host_ip.is_empty() || host_ip == "0.0.0.0" { "todas as interfaces".to_string() } else { host_ip.clone() };
            format!("A porta {host_port} do host ({ip}) agora encaminha para a porta {container_port} do contêiner (-p).")
        }
        EventKind::DnsQuery { name, answer, server } => match (server.as_str(), answer.is_empty()) {
            ("127.0.0.11", false) => format!("O DNS embutido do Docker (127.0.0.11) responde: {name} = {answer}."),
            ("127.0.0.11", true) => format!("O DNS embutido do Docker não conhece {name}: nenhum contêiner desta rede tem esse nome."),
            ("/etc/hosts", _) => format!("{name} está em /etc/hosts: {answer}."),
            (_, true) => format!(
                "Ninguém resolve {name}: na rede bridge padrão não há DNS entre contêineres (use uma rede criada por você)."
            ),
            (_, false) => format!("O nome {name} resolve para {answer}."),
        },
        EventKind::PacketSent { proto, dst, port, what } => match proto.as_str() {
            "icmp" => format!("Pacote ICMP ({what}) para {dst}."),
            _ if what.is_empty() => format!("Conexão {} para {dst}:{port}.", proto.to_uppercase()),
            _ => format!("{what} → {dst}:{port}"),
        },
        EventKind::PacketDropped { dst, port, why } => match why.as_str() {
            "refused" => format!("Nada escuta em {dst}:{port}: a conexão é recusada."),
            "internal" => format!("A rede é interna (--internal): o pacote para {dst} não sai dela."),
            "timeout" => format!("Nenhuma resposta de {dst}: os dois lados não estão numa mesma rede."),
            _ => format!("{dst} é inalcançável daqui."),
        },
        _ => return None,
    };
    Some(text)
}
