//! The inspector's content: for any node of the diagram, its details in pt-BR, grouped in
//! sections of label/value rows, with one sentence saying what the object is (aimed at the
//! misconceptions the course undoes: image ≠ container, stop ≠ remove, a container is not a
//! VM, `EXPOSE` does not publish).
//!
//! Invariant: `details` is a pure function of the scene and the node; values that are
//! Docker's own (IDs, commands, paths, states) are shown verbatim.

use super::scene::*;
use super::scene_labels as t;
use crate::engine::event::{ClientId, DaemonId, HostId, RegistryId};
use crate::engine::ids::short;
use crate::engine::model::container::Status;

/// One label/value line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub value: String,
}

/// A titled group of rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
}

/// What the inspector shows for one node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    /// `Contêiner`, `Imagem`…
    pub kind: String,
    pub title: String,
    /// What this object is, in one or two sentences.
    pub summary: String,
    pub sections: Vec<Section>,
}

fn row(label: &str, value: impl Into<String>) -> Row {
    Row { label: label.into(), value: value.into() }
}

fn section(title: &str, rows: Vec<Row>) -> Section {
    Section { title: title.into(), rows }
}

fn yes_no(b: bool) -> &'static str {
    if b { "sim" } else { "não" }
}

fn or_dash(s: &str) -> String {
    if s.is_empty() { "—".into() } else { s.into() }
}

fn num<T: std::str::FromStr>(id: &NodeId) -> Option<T> {
    id.0.split(':').nth(1)?.parse().ok()
}

/// The details of node `id`, if it names something in `scene`.
pub fn details(scene: &Scene, id: &NodeId) -> Option<Details> {
    let d = id.daemon_index().and_then(|n| scene.daemon(DaemonId(n)));
    let key = id.object_key();
    match id.kind() {
        "client" => client(scene, ClientId(num(id)?)),
        "host" | "desktop" => host(scene.host(HostId(num(id)?))?),
        "kernel" => kernel(scene, scene.host(HostId(num(id)?))?),
        "daemon" => daemon(d?),
        "containerd" => Some(plain(t::CONTAINERD, "containerd", "Gerencia o ciclo de vida dos contêineres para o daemon: cria as tarefas e guarda seus estados.")),
        "runc" => Some(plain(t::RUNC, "runc", "Cria o processo isolado do contêiner (namespaces e cgroups) no kernel do host e sai.")),
        "shim" => container(d?, key),
        "store" | "newlayers" => store(d?),
        "image" => image(d?, d?.image(key)?),
        "layer" => layer(d?, d?.layer(key)?),
        "container" | "rw" => container(d?, key),
        "group" => group(d?, key),
        "volume" => volume(d?, key),
        "volumes" => volumes(d?),
        "network" => network(d?, d?.network(key)?),
        "port" => port(d?, key),
        "registry" => registry(scene.registry(RegistryId(num(id)?))?),
        "repo" => {
            let r = scene.registry(RegistryId(num(id)?))?;
            repo(r, r.repos.iter().find(|x| x.path == key)?)
        }
        _ => None,
    }
}

fn plain(kind: &str, title: &str, summary: &str) -> Details {
    Details { kind: kind.into(), title: title.into(), summary: summary.into(), sections: Vec::new() }
}

fn client(scene: &Scene, id: ClientId) -> Option<Details> {
    let c = scene.clients.iter().find(|c| c.id == id)?;
    let host = scene.host(c.host).map_or(String::new(), |h| h.name.clone());
    let mut d = plain(t::CLIENT, "docker", "A CLI docker é só um cliente: cada comando vira um pedido HTTP à API do daemon, que faz o trabalho.");
    d.sections.push(section("Conexão", vec![row("Contexto", &c.context), row("Endpoint", &c.endpoint), row("Roda no host", host)]));
    Some(d)
}

fn host(h: &HostView) -> Option<Details> {
    let mut d = plain(t::HOST, &h.name, "A máquina onde o daemon roda. Imagens, contêineres e volumes ficam guardados nela, não na pasta do seu projeto.");
    d.sections.push(section(
        "Máquina",
        vec![row("Sistema", &h.os_name), row("Kernel", &h.kernel), row("IP", &h.ip), row("Daemons", h.daemons.len().to_string())],
    ));
    Some(d)
}

fn kernel(scene: &Scene, h: &HostView) -> Option<Details> {
    let running: usize = h.daemons.iter().flat_map(|d| d.containers.iter()).filter(|c| c.is_up()).count();
    let mut d = plain(
        t::KERNEL,
        &format!("Linux {}", h.kernel),
        "Os contêineres são processos isolados (namespaces e cgroups) que usam este mesmo kernel. Não há um sistema operacional convidado dentro de cada contêiner: não é uma máquina virtual.",
    );
    let _ = scene;
    d.sections.push(section("Uso", vec![row("Contêineres com processos rodando", running.to_string())]));
    Some(d)
}

fn daemon(dv: &DaemonView) -> Option<Details> {
    let mut d = plain(t::DAEMON, "dockerd", "O daemon recebe os pedidos da API, baixa e guarda imagens, cria e executa contêineres.");
    let up = dv.containers.iter().filter(|c| c.is_up()).count();
    d.sections.push(section(
        "Estado",
        vec![
            row("Respondendo", yes_no(dv.running)),
            row("Imagens", dv.images.len().to_string()),
            row("Camadas", dv.layers.len().to_string()),
            row("Contêineres", format!("{} ({up} em execução)", dv.containers.len())),
            row("Volumes", dv.volumes.len().to_string()),
            row("Redes", dv.networks.len().to_string()),
        ],
    ));
    Some(d)
}

fn store(dv: &DaemonView) -> Option<Details> {
    let mut d = plain(t::IMAGES, "Armazenamento de imagens", "As imagens ficam no armazenamento do daemon, no host. Camadas iguais são guardadas uma vez só e compartilhadas.");
    let rows = dv.images.iter().map(|i| row(&i.tags.first().cloned().unwrap_or_else(|| "<none>".into()), format!("{} · {}", short(&i.id), t::size(i.size)))).collect();
    d.sections.push(section(t::IMAGES, rows));
    let loose = dv.loose_layers();
    if !loose.is_empty() {
        d.sections.push(section(t::NEW_LAYERS, loose.iter().map(|l| row(short(&l.blob_digest), t::size(l.size))).collect()));
    }
    Some(d)
}

fn image(dv: &DaemonView, img: &ImageView) -> Option<Details> {
    let title = img.tags.first().cloned().unwrap_or_else(|| format!("<none> ({})", short(&img.id)));
    let mut d = plain(t::IMAGE, &title, "Uma imagem é um conjunto de camadas somente leitura mais uma configuração. Rodar contêineres não a altera; remover um contêiner não a remove.");
    d.sections.push(section(
        "Identificação",
        vec![
            row("ID", &img.id),
            row("Tags", or_dash(&img.tags.join(", "))),
            row("Digests", or_dash(&img.digests.join(", "))),
            row("Tamanho", t::size(img.size)),
            row("Criada em", &img.created),
        ],
    ));
    d.sections.push(section(
        "Configuração",
        vec![
            row("Comando (CMD)", or_dash(&img.command)),
            row("Entrypoint", or_dash(&img.entrypoint)),
            row("Portas expostas (EXPOSE)", or_dash(&img.exposed_ports.join(", "))),
            row("Volumes declarados", or_dash(&img.volumes.join(", "))),
            row("Diretório de trabalho", or_dash(&img.working_dir)),
            row("Variáveis de ambiente", or_dash(&img.env.join("\n"))),
        ],
    ));
    let layers = img
        .layers
        .iter()
        .enumerate()
        .map(|(i, chain)| {
            let l = dv.layer(chain);
            let name = l.map_or_else(|| short(chain).to_string(), |l| short(&l.blob_digest).to_string());
            let others: Vec<String> = dv.layer_users(chain).iter().filter(|o| o.id != img.id).map(|o| o.tags.first().cloned().unwrap_or_else(|| short(&o.id).to_string())).collect();
            let shared = if others.is_empty() { "só esta imagem".to_string() } else { format!("compartilhada com {}", others.join(", ")) };
            row(&format!("{}. {name}", i + 1), format!("{} · {shared}", l.map_or_else(String::new, |l| t::size(l.size))))
        })
        .collect();
    d.sections.push(section("Camadas (de baixo para cima)", layers));
    let users: Vec<Row> = dv.image_users(&img.id).iter().map(|c| row(&c.name, t::state_long(c.status))).collect();
    d.sections.push(section("Contêineres criados a partir dela", if users.is_empty() { vec![row("—", "nenhum")] } else { users }));
    Some(d)
}

fn layer(dv: &DaemonView, l: &LayerView) -> Option<Details> {
    let mut d = plain(t::LAYER, &format!("Camada {}", short(&l.blob_digest)), "Uma camada somente leitura: um conjunto de arquivos. Imagens que partem da mesma base compartilham camadas, guardadas uma única vez.");
    d.sections.push(section("Identificação", vec![row("Digest (registro)", &l.blob_digest), row("Diff ID", &l.diff_id), row("Tamanho", t::size(l.size))]));
    let users = dv.layer_users(&l.chain_id).iter().map(|i| row(&i.tags.first().cloned().unwrap_or_else(|| "<none>".into()), short(&i.id))).collect();
    d.sections.push(section("Imagens que usam esta camada", users));
    Some(d)
}

fn container(dv: &DaemonView, id: &str) -> Option<Details> {
    let c = dv.container(id)?;
    let mut d = plain(t::CONTAINER, &c.name, "Um contêiner é um processo isolado criado a partir de uma imagem, com sua própria camada de escrita. Parar não apaga nada; só docker rm remove o contêiner e sua camada de escrita.");
    let mut state = vec![row("Estado", t::state_long(c.status)), row("Status (docker ps)", or_dash(&c.docker_status))];
    if c.status == Status::Exited {
        state.push(row("Código de saída", c.exit_code.to_string()));
    }
    d.sections.push(section("Estado", state));
    d.sections.push(section(
        "Configuração",
        vec![
            row("ID", &c.id),
            row("Imagem", format!("{} ({})", c.image_ref, short(&c.image))),
            row("Comando", or_dash(&c.command)),
            row("Diretório de trabalho", or_dash(&c.working_dir)),
            row("Variáveis de ambiente", or_dash(&c.env.join("\n"))),
            row("Política de reinício", &c.restart_policy),
            row("Remover ao sair (--rm)", yes_no(c.auto_remove)),
        ],
    ));
    let nets = c.networks.iter().map(|e| row(&e.network, if e.ip.is_empty() { "sem IP (não está em execução)".to_string() } else { e.ip.clone() })).collect();
    d.sections.push(section("Redes", nets));
    let ports: Vec<Row> = c.ports.iter().map(|p| row(&t::port_chip(&p.host_ip, &p.host_port), format!("→ {} no contêiner", p.container_port))).collect();
    let ports = if ports.is_empty() {
        let note = if c.exposed_ports.is_empty() { "nenhuma".to_string() } else { format!("nenhuma publicada; a imagem só documenta {} (EXPOSE não publica, -p publica)", c.exposed_ports.join(", ")) };
        vec![row("Portas publicadas", note)]
    } else {
        ports
    };
    d.sections.push(section("Portas (-p HOST:CONTÊINER)", ports));
    let mounts: Vec<Row> = c
        .mounts
        .iter()
        .map(|m| {
            let kind = match m.kind {
                MountKind::Volume => "volume",
                MountKind::Bind => "bind mount",
                MountKind::Tmpfs => "tmpfs",
            };
            let ro = if m.read_only { " (somente leitura)" } else { "" };
            row(&m.target, format!("{kind} {}{ro}", m.source).trim().to_string())
        })
        .collect();
    d.sections.push(section("Montagens", if mounts.is_empty() { vec![row("—", "nenhuma")] } else { mounts }));
    d.sections.push(section(
        "Camada de escrita",
        vec![
            row("Tamanho", t::size(c.rw_size)),
            row("Mudanças nesta sessão", format!("{} caminho(s)", c.rw_changes)),
            row("Some quando", "o contêiner é removido (docker rm), não quando ele para"),
        ],
    ));
    Some(d)
}

fn group(dv: &DaemonView, key: &str) -> Option<Details> {
    let (zone, more) = match key.strip_suffix("/mais") {
        Some(z) => (z, true),
        None => (key, false),
    };
    let members: Vec<Row> = dv
        .containers
        .iter()
        .filter(|c| c.primary_network() == zone && (more || !c.is_up()))
        .map(|c| row(&c.name, format!("{} · {}", t::state_long(c.status), c.image_ref)))
        .collect();
    let title = if more { t::group_more(members.len()) } else { t::group_stopped(members.len()) };
    let mut d = plain(t::CONTAINER, &title, "Contêineres agrupados para o diagrama caber na tela. Eles continuam existindo (docker ps -a mostra todos).");
    d.sections.push(section(&t::network_title(zone, ""), members));
    Some(d)
}

fn volume(dv: &DaemonView, name: &str) -> Option<Details> {
    let v = dv.volumes.iter().find(|v| v.name == name)?;
    let mut d = plain(t::VOLUME, &v.name, "Um volume guarda dados fora da camada de escrita: continua existindo quando o contêiner é removido.");
    d.sections.push(section("Volume", vec![row("Driver", &v.driver), row("Anônimo", yes_no(v.anonymous))]));
    let users: Vec<Row> = dv
        .volume_users(&v.name)
        .iter()
        .map(|c| {
            let target = c.mounts.iter().find(|m| m.source == v.name).map_or("", |m| m.target.as_str());
            row(&c.name, format!("{target} · {}", t::state_short(c.status)))
        })
        .collect();
    d.sections.push(section("Contêineres que o montam", if users.is_empty() { vec![row("—", "nenhum")] } else { users }));
    Some(d)
}

fn volumes(dv: &DaemonView) -> Option<Details> {
    let mut d = plain(t::VOLUMES, t::VOLUMES, "Volumes ficam fora dos contêineres porque vivem mais que eles.");
    let rows = dv.volumes.iter().map(|v| row(&v.name, t::count_containers(dv.volume_users(&v.name).len()))).collect();
    d.sections.push(section(t::VOLUMES, rows));
    Some(d)
}

fn network(dv: &DaemonView, n: &NetworkView) -> Option<Details> {
    let summary = match (n.name.as_str(), n.builtin) {
        ("bridge", true) => "A rede bridge padrão: cada contêiner tem seu IP, mas eles não se encontram pelo nome. Em uma rede criada por você (definida pelo usuário), o DNS embutido resolve os nomes.",
        ("host", true) => "Com a rede host, o contêiner usa a pilha de rede do próprio host, sem isolamento de rede.",
        ("none", true) => "Sem rede: o contêiner só tem a interface de loopback.",
        _ => "Uma rede definida pelo usuário: os contêineres nela se encontram pelo nome (DNS embutido do Docker).",
    };
    let mut d = plain(t::NETWORK, &n.name, summary);
    d.sections.push(section(
        t::NETWORK,
        vec![row("ID", short(&n.id)), row("Driver", &n.driver), row("Sub-rede", or_dash(&n.subnet)), row("Gateway", or_dash(&n.gateway))],
    ));
    let members: Vec<Row> = dv
        .network_members(&n.name)
        .iter()
        .map(|c| {
            let ip = c.networks.iter().find(|e| e.network == n.name).map_or("", |e| e.ip.as_str());
            row(&c.name, if ip.is_empty() { "sem IP (parado)".to_string() } else { ip.to_string() })
        })
        .collect();
    d.sections.push(section("Membros", if members.is_empty() { vec![row("—", "nenhum")] } else { members }));
    Some(d)
}

fn port(dv: &DaemonView, key: &str) -> Option<Details> {
    let (ip, port) = key.rsplit_once(':')?;
    let mut d = plain(t::PORT, &t::port_chip(ip, port), "Publicada com -p HOST:CONTÊINER: conexões nesta porta do host são encaminhadas para o contêiner.");
    let rows = dv
        .containers
        .iter()
        .flat_map(|c| c.ports.iter().filter(|p| p.host_ip == ip && p.host_port == port).map(move |p| row(&c.name, format!("{} · {}", p.container_port, t::state_short(c.status)))))
        .collect();
    d.sections.push(section("Encaminha para", rows));
    Some(d)
}

fn registry(r: &RegistryView) -> Option<Details> {
    let title = if r.hub { t::HUB.to_string() } else { r.domain.clone() };
    let mut d = plain(t::REGISTRY, &title, "Um registro (registry) guarda repositórios; cada repositório guarda tags que apontam para imagens. O Docker Hub é o registro público padrão.");
    d.sections.push(section("Registro", vec![row("Domínio", &r.domain), row("Respondendo", yes_no(r.online)), row("Repositórios", r.repos.len().to_string())]));
    let rows = r.repos.iter().map(|x| row(&x.familiar, x.tags.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", "))).collect();
    d.sections.push(section("Repositórios e tags", rows));
    Some(d)
}

fn repo(r: &RegistryView, x: &RepoView) -> Option<Details> {
    let mut d = plain(t::REPOSITORY, &x.familiar, "Um repositório guarda as versões de uma imagem, cada uma com uma tag. latest é só o nome da tag padrão, não necessariamente a mais nova.");
    d.sections.push(section("Repositório", vec![row("Registro", &r.domain), row("Caminho", &x.path), row("Oficial", yes_no(x.official)), row("Privado", yes_no(x.private))]));
    let tags = x.tags.iter().map(|(tag, digest)| row(tag, format!("manifesto {}", short(digest)))).collect();
    d.sections.push(section("Tags", tags));
    Some(d)
}
