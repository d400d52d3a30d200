//! Sizes of the first load, raw and compressed the way a static host would serve them
//! (gzip level 9, brotli quality 11).
//!
//! Invariant: sizes are measured on the exact bytes in `dist/`.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One file's sizes in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len() as u64).unwrap_or(0)
}

pub fn brotli_len(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    let mut input = bytes;
    match brotli::BrotliCompress(&mut input, &mut out, &params) {
        Ok(_) => out.len() as u64,
        Err(_) => 0,
    }
}

/// Measures each file.
pub fn measure(files: &[PathBuf]) -> Result<Vec<FileSize>, String> {
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(FileSize {
                name: name(path),
                raw: bytes.len() as u64,
                gzip: gzip_len(&bytes),
                brotli: brotli_len(&bytes),
            })
        })
        .collect()
}

fn name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()
}

/// Sum of all files.
pub fn total(sizes: &[FileSize]) -> FileSize {
    FileSize {
        name: "total".into(),
        raw: sizes.iter().map(|s| s.raw).sum(),
        gzip: sizes.iter().map(|s| s.gzip).sum(),
        brotli: sizes.iter().map(|s| s.brotli).sum(),
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// A printable table with a total row.
pub fn table(sizes: &[FileSize]) -> String {
    let mut out = format!("  {:<32} {:>11} {:>11} {:>11}\n", "file", "raw", "gzip", "brotli");
    for s in sizes.iter().chain(std::iter::once(&total(sizes))) {
        out.push_str(&format!("  {:<32} {:>11} {:>11} {:>11}\n", s.name, kb(s.raw), kb(s.gzip), kb(s.brotli)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compression_shrinks_repetitive_input() {
        let data = "docker run nginx\n".repeat(1000);
        let gz = gzip_len(data.as_bytes());
        let br = brotli_len(data.as_bytes());
        assert!(gz > 0 && gz < 500, "gzip {gz}");
        assert!(br > 0 && br < gz, "brotli {br}");
    }

    #[test]
    fn table_has_a_total() {
        let t = table(&[FileSize { name: "a".into(), raw: 2048, gzip: 1024, brotli: 512 }]);
        assert!(t.contains("total"));
        assert!(t.contains("2.0 KB"));
    }
}
