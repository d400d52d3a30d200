//! The shape of the built-in Docker Hub catalog: plain `'static` data describing each
//! repository, its tags and the image every tag points to. [`super::catalog`] holds the
//! data; the engine turns it into content-addressed layers, configs and manifests once.
//!
//! Invariant: specs are data only; nothing here computes digests or touches the world.

/// One repository on Docker Hub (`library/nginx`, `traefik`).
#[derive(Debug)]
pub struct RepoSpec {
    /// Repository path on the Hub: `library/nginx` for official images, `user/app` otherwise.
    pub path: &'static str,
    /// The one-line description `docker search` prints.
    pub description: &'static str,
    /// Star count for `docker search`.
    pub stars: u32,
    /// An official image (`docker search` prints `[OK]`).
    pub official: bool,
    /// The images of this repository, each with the tags that point to it.
    pub images: &'static [TaggedImage],
}

/// One image and every tag that aliases it (`["1.27.4", "1.27", "1", "latest"]`).
#[derive(Debug)]
pub struct TaggedImage {
    pub tags: &'static [&'static str],
    pub image: ImageSpec,
}

/// One image: an optional parent it is built `FROM`, then its own build steps.
#[derive(Debug)]
pub struct ImageSpec {
    /// The image this one is built on, as `repo:tag` of this catalog (`debian:bookworm-slim`);
    /// its layers and history come first.
    pub from: Option<&'static str>,
    /// When the image was built (RFC 3339, `YYYY-MM-DDTHH:MM:SSZ`). Official images are
    /// built with `SOURCE_DATE_EPOCH`, so this is the time of the commit that defines the
    /// image, and every history entry of this image's own steps carries it. Inherited
    /// (`from`) steps keep their base's time unless it is later than this one: BuildKit
    /// clamps history times to the epoch (see [`super::catalog::history`]).
    pub created: &'static str,
    /// Build steps in order; each is one history entry, and one layer unless `empty`.
    pub steps: &'static [StepSpec],
    /// The resulting configuration (not inherited: state it whole).
    pub config: ConfigSpec,
}

/// One history entry of an image (one Dockerfile instruction, or a base rootfs import).
#[derive(Debug)]
pub struct StepSpec {
    /// `CREATED BY` as `docker history --no-trunc` prints it.
    pub created_by: &'static str,
    /// The `COMMENT` column (`buildkit.dockerfile.v0`, `debuerreotype 0.15`, or "").
    pub comment: &'static str,
    /// Layer size in bytes as Docker reports it (0 for a metadata-only step).
    pub size: u64,
    /// A metadata-only step (ENV, CMD, EXPOSE…): no layer.
    pub empty: bool,
    /// What this step's layer adds (ignored when `empty`).
    pub files: &'static [FileSpec],
}

/// One entry of a layer.
#[derive(Debug)]
pub enum FileSpec {
    /// A directory (mode 0755, root-owned unless a parent step says otherwise).
    Dir(&'static str),
    /// A directory with an explicit mode (`/tmp` is 1777).
    DirMode(&'static str, u32),
    /// A directory with an owner and a mode: path, uid, gid, mode (`/data` of redis is
    /// `999:999 0755`; postgres' `$PGDATA` is `999:999 1777`).
    DirOwned(&'static str, u32, u32, u32),
    /// A regular file with text content (mode 0644).
    File(&'static str, &'static str),
    /// An executable simulated by doca: the string names the program (`"busybox"`,
    /// `"nginx"`, `"redis-server"`, `"entrypoint:nginx"`…; the naming convention is in
    /// [`super::catalog`]). Mode 0755.
    Exe(&'static str, &'static str),
    /// An executable text script (mode 0755), run by the interpreter named in its `#!`.
    Script(&'static str, &'static str),
    /// A symbolic link: path, target.
    Link(&'static str, &'static str),
    /// A binary file whose bytes don't matter, with a nominal size.
    Blob(&'static str, u64),
    /// Many symbolic links to one target (busybox applets): directory, target, names.
    Links(&'static str, &'static str, &'static [&'static str]),
    /// Many executables in one directory that all run one program (the hard links of
    /// `/bin/busybox` in the busybox image): directory, program, names.
    Exes(&'static str, &'static str, &'static [&'static str]),
    /// Many executables in one directory, each running `"<family>:<name>"`
    /// (`Tools("/usr/bin", "coreutils", &["ls", "cat"])` is `/usr/bin/ls` running
    /// `coreutils:ls`): directory, family, names.
    Tools(&'static str, &'static str, &'static [&'static str]),
    /// A whiteout: the step deleted this path.
    Deleted(&'static str),
    /// Every entry of a shared list, in place (a base rootfs reused by several images).
    Include(&'static [FileSpec]),
}

/// An image configuration, as `docker image inspect` shows under `Config`.
#[derive(Debug)]
pub struct ConfigSpec {
    pub env: &'static [&'static str],
    pub cmd: Option<&'static [&'static str]>,
    pub entrypoint: Option<&'static [&'static str]>,
    pub working_dir: &'static str,
    pub user: &'static str,
    /// `"80/tcp"`.
    pub exposed_ports: &'static [&'static str],
    pub volumes: &'static [&'static str],
    pub stop_signal: Option<&'static str>,
    pub labels: &'static [(&'static str, &'static str)],
    /// `HEALTHCHECK` test (`["CMD-SHELL", "…"]`), if any.
    pub healthcheck: Option<&'static [&'static str]>,
}

impl ConfigSpec {
    /// The empty config, for `..ConfigSpec::EMPTY` in catalog entries.
    pub const EMPTY: ConfigSpec = ConfigSpec {
        env: &[],
        cmd: None,
        entrypoint: None,
        working_dir: "",
        user: "",
        exposed_ports: &[],
        volumes: &[],
        stop_signal: None,
        labels: &[],
        healthcheck: None,
    };
}
