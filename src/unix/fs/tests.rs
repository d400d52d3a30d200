//! Tests of the union view: lookups through layers, copy-up, whiteouts, opaque
//! directories, mounts, symbolic links and `docker diff` output.

use super::*;
use crate::engine::clock::Time;

const T0: Time = Time(1_000_000_000);
const NOW: Time = Time(2_000_000_000);

fn base() -> Layer {
    let mut l = Layer::new();
    l.dir("/bin", T0)
        .program("/bin/busybox", "busybox", T0)
        .symlink("/bin/ls", "busybox", T0)
        .symlink("/bin/sh", "/bin/busybox", T0)
        .dir("/etc", T0)
        .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", T0)
        .file("/etc/mtab", "", T0)
        .dir("/tmp", T0)
        .symlink("/loop", "/loop", T0);
    l
}

fn top() -> Layer {
    let mut l = Layer::new();
    l.dir("/etc", T0).file("/etc/motd", "hi\n", T0).whiteout("/etc/mtab").dir("/app", T0);
    l
}

fn lines(c: &[Change]) -> Vec<String> {
    c.iter().map(|c| c.to_string()).collect()
}

#[test]
fn reads_through_layers_and_whiteouts() {
    let (b, t) = (base(), top());
    let lowers = [&b, &t];
    let mut up = Layer::new();
    let fs = UnionFs::new(&lowers, &mut up);
    assert_eq!(fs.readdir("/etc", Cred::ROOT).unwrap(), vec!["motd", "passwd"]);
    assert_eq!(fs.stat("/etc/mtab"), Err(Errno::ENOENT));
    assert_eq!(fs.stat("/bin/ls").unwrap().program.as_deref(), Some("busybox"));
    assert_eq!(fs.lstat("/bin/ls").unwrap().kind, Kind::Symlink);
    assert_eq!(fs.stat("/loop"), Err(Errno::ELOOP));
    assert_eq!(fs.stat("/etc/passwd/x"), Err(Errno::ENOTDIR));
    assert_eq!(fs.realpath("/bin/../etc/./passwd").unwrap(), "/etc/passwd");
    assert_eq!(fs.realpath("/bin/sh").unwrap(), "/bin/busybox");
    assert_eq!(fs.read("/etc", Cred::ROOT), Err(Errno::EISDIR));
}

#[test]
fn writes_copy_up_and_diff_like_docker() {
    let (b, t) = (base(), top());
    let lowers = [&b, &t];
    let mut up = Layer::new();
    {
        let mut fs = UnionFs::new(&lowers, &mut up);
        fs.write("/etc/passwd", b"x:1\n", true, Cred::ROOT, NOW).unwrap();
        fs.write("/etc/new", b"n", false, Cred::ROOT, NOW).unwrap();
        fs.unlink("/bin/ls", Cred::ROOT, NOW).unwrap();
        fs.create("/a", Node::dir(NOW), Cred::ROOT, NOW).unwrap();
        fs.create("/a/b", Node::dir(NOW), Cred::ROOT, NOW).unwrap();
        fs.write("/a/b/f", b"", false, Cred::ROOT, NOW).unwrap();
        fs.write("/a.txt", b"", false, Cred::ROOT, NOW).unwrap();
        let passwd = fs.read("/etc/passwd", Cred::ROOT).unwrap();
        assert_eq!(passwd, Data::text("root:x:0:0:root:/root:/bin/sh\nx:1\n"));
    }
    assert_eq!(up.get("/bin/ls"), Some(&Entry::Whiteout));
    assert!(matches!(up.get("/etc"), Some(Entry::Node(Node::Dir { .. }))));
    assert_eq!(b.get("/etc/passwd").and_then(|e| e.as_node()).map(|n| n.size()), Some(30));
    let d = diff(&lowers, &up);
    assert_eq!(
        lines(&d),
        vec!["A /a", "A /a/b", "A /a/b/f", "A /a.txt", "C /bin", "D /bin/ls", "C /etc", "A /etc/new", "C /etc/passwd"]
    );
}

#[test]
fn recreated_dir_is_opaque() {
    let (b, t) = (base(), top());
    let lowers = [&b, &t];
    let mut up = Layer::new();
    {
        let mut fs = UnionFs::new(&lowers, &mut up);
        fs.unlink("/etc/passwd", Cred::ROOT, NOW).unwrap();
        fs.unlink("/etc/motd", Cred::ROOT, NOW).unwrap();
        fs.rmdir("/etc", Cred::ROOT, NOW).unwrap();
        assert_eq!(fs.stat("/etc/passwd"), Err(Errno::ENOENT));
        fs.create("/etc", Node::dir(NOW), Cred::ROOT, NOW).unwrap();
        fs.write("/etc/z", b"", false, Cred::ROOT, NOW).unwrap();
        assert_eq!(fs.readdir("/etc", Cred::ROOT).unwrap(), vec!["z"]);
    }
    assert!(matches!(up.get("/etc"), Some(Entry::Opaque(_))));
    assert_eq!(lines(&diff(&lowers, &up)), vec!["C /etc", "A /etc/z", "D /etc/motd", "D /etc/passwd"]);
}

#[test]
fn rmdir_and_errors() {
    let b = base();
    let lowers = [&b];
    let mut up = Layer::new();
    let mut fs = UnionFs::new(&lowers, &mut up);
    assert_eq!(fs.rmdir("/etc", Cred::ROOT, NOW), Err(Errno::ENOTEMPTY));
    assert_eq!(fs.rmdir("/etc/passwd", Cred::ROOT, NOW), Err(Errno::ENOTDIR));
    assert_eq!(fs.unlink("/etc", Cred::ROOT, NOW), Err(Errno::EISDIR));
    assert_eq!(fs.unlink("/nope", Cred::ROOT, NOW), Err(Errno::ENOENT));
    assert_eq!(fs.create("/etc", Node::dir(NOW), Cred::ROOT, NOW), Err(Errno::EEXIST));
    assert_eq!(fs.write("/nodir/f", b"", false, Cred::ROOT, NOW), Err(Errno::ENOENT));
    let user = Cred { uid: 1000, gid: 1000 };
    assert_eq!(fs.write("/etc/f", b"", false, user, NOW), Err(Errno::EACCES));
    assert_eq!(fs.write("/etc/passwd", b"", false, user, NOW), Err(Errno::EACCES));
}

#[test]
fn mounts_shadow_and_receive_writes() {
    let b = base();
    let lowers = [&b];
    let mut up = Layer::new();
    let mut vol = Layer::new();
    vol.file("/old", "v", T0);
    let mut conf = Layer::new();
    conf.file("/app.conf", "x", T0);
    {
        let mut fs = UnionFs::new(&lowers, &mut up).mount("/data", &mut vol, false).mount("/conf", &mut conf, true);
        assert_eq!(fs.readdir("/", Cred::ROOT).unwrap(), vec!["bin", "conf", "data", "etc", "loop", "tmp"]);
        fs.write("/data/new", b"1", false, Cred::ROOT, NOW).unwrap();
        assert_eq!(fs.readdir("/data", Cred::ROOT).unwrap(), vec!["new", "old"]);
        assert_eq!(fs.write("/conf/app.conf", b"y", false, Cred::ROOT, NOW), Err(Errno::EROFS));
        assert_eq!(fs.rmdir("/data", Cred::ROOT, NOW), Err(Errno::EBUSY));
        fs.rename("/data/old", "/tmp/moved", Cred::ROOT, NOW).unwrap();
    }
    assert!(vol.get("/new").is_some());
    assert!(vol.get("/old").is_none());
    assert!(up.get("/tmp/moved").is_some());
    assert_eq!(lines(&diff(&lowers, &up)), vec!["C /tmp", "A /tmp/moved"]);
}

#[test]
fn read_only_rootfs() {
    let b = base();
    let lowers = [&b];
    let mut up = Layer::new();
    let mut fs = UnionFs::new(&lowers, &mut up).read_only(true);
    assert_eq!(fs.write("/tmp/x", b"", false, Cred::ROOT, NOW), Err(Errno::EROFS));
    assert_eq!(fs.unlink("/etc/passwd", Cred::ROOT, NOW), Err(Errno::EROFS));
    assert!(up.is_empty());
}

#[test]
fn rename_directory_moves_subtree() {
    let b = base();
    let lowers = [&b];
    let mut up = Layer::new();
    {
        let mut fs = UnionFs::new(&lowers, &mut up);
        fs.rename("/etc", "/etc2", Cred::ROOT, NOW).unwrap();
        assert_eq!(fs.readdir("/etc2", Cred::ROOT).unwrap(), vec!["mtab", "passwd"]);
        assert_eq!(fs.stat("/etc"), Err(Errno::ENOENT));
        assert_eq!(fs.rename("/tmp", "/tmp/x", Cred::ROOT, NOW), Err(Errno::EINVAL));
    }
    assert_eq!(lines(&diff(&lowers, &up)), vec!["A /etc2", "A /etc2/mtab", "A /etc2/passwd", "D /etc"]);
}
