//! Normalization of terminal text before doca's transcript is compared with real Docker's
//! recorded answers (tests/reference/*.json). Both sides go through [`normalize`], then the
//! comparison is exact, stream by stream, together with the exit code.
//!
//! What is erased, and nothing else (tests/reference/README.md explains each rule):
//! `sha256:<64 hex>` → `<DIGEST>`; 64 hex → `<ID64>`; 12 hex → `<ID12>`; RFC 3339 and Go
//! `2006-01-02 15:04:05 -0700 MST` times → `<TIME>`; `N seconds ago` (and every go-units
//! duration) → `<AGO>`, `Up N seconds` → `Up <DURATION>`; `7.8MB`-style sizes and the byte
//! counts of JSON `Size` fields → `<SIZE>`; JSON `Pid` → `<PID>`; `12.34%` → `<PCT>`; names
//! Docker generates (`admiring_turing`) → `<NAME>`; `docker top` PIDs, CPU and times →
//! `<PID>`, `<CPU>`, `<STIME>`, `<CPUTIME>`; `docker diff` lines (`A /path`) sorted by path
//! (the daemon walks a map); pull and push progress lines other than their outcomes
//! (`Pull complete`, `Already exists`, `Pushed`, `Layer already exists`) are dropped (their number and order depend on download timing); BuildKit
//! step durations and output timestamps (`#5 DONE 0.2s`, `#8 0.125 flask`) → `<T>`; runs of
//! two or more spaces become two spaces after the indentation and trailing spaces go (table
//! column widths follow the erased values).
//!
//! Invariant: normalization is idempotent and never touches words, punctuation, line
//! breaks or streams, so error texts compare exactly.

/// Adjectives of moby's namesgenerator (v28.2.2), the first half of generated names.
const LEFT: &str = "admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring \
    brave busy charming clever compassionate competent condescending confident cool cranky crazy \
    dazzling determined distracted dreamy eager ecstatic elastic elated elegant eloquent epic \
    exciting fervent festive flamboyant focused friendly frosty funny gallant gifted goofy \
    gracious great happy hardcore heuristic hopeful hungry infallible inspiring intelligent \
    interesting jolly jovial keen kind laughing loving lucid magical modest musing mystifying \
    naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive \
    practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp \
    silly sleepy stoic strange stupefied suspicious sweet tender thirsty trusting unruffled \
    upbeat vibrant vigilant vigorous wizardly wonderful xenodochial youthful zealous zen";

/// Surnames of moby's namesgenerator (v28.2.2), the second half of generated names.
const RIGHT: &str = "agnesi albattani allen almeida antonelli archimedes ardinghelli aryabhata austin babbage \
    banach banzai bardeen bartik bassi beaver bell benz bhabha bhaskara black blackburn \
    blackwell bohr booth borg bose bouman boyd brahmagupta brattain brown buck burnell cannon \
    carson cartwright carver cerf chandrasekhar chaplygin chatelet chatterjee chaum chebyshev \
    clarke cohen colden cori cray curie curran darwin davinci dewdney dhawan diffie dijkstra \
    dirac driscoll dubinsky easley edison einstein elbakyan elgamal elion ellis engelbart euclid \
    euler faraday feistel fermat fermi feynman franklin gagarin galileo galois ganguly gates \
    gauss germain goldberg goldstine goldwasser golick goodall gould greider grothendieck haibt \
    hamilton haslett hawking heisenberg hellman hermann herschel hertz heyrovsky hodgkin \
    hofstadter hoover debugging hopper hugle hypatia ishizaka jackson jang jemison jennings \
    jepsen johnson joliot jones kalam kapitsa kare keldysh keller kepler khayyam khorana kilby \
    kirch knuth kowalevski lalande lamarr lamport leakey leavitt lederberg lehmann lewin \
    lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer mccarthy \
    mcclintock mclaren mclean mcnulty meitner mendel mendeleev meninsky merkle mestorf \
    mirzakhani montalcini moore morse moser murdock napier nash neumann newton nightingale nobel \
    noether northcutt noyce panini pare pascal pasteur payne perlman pike poincare poitras \
    proskuriakova ptolemy raman ramanujan rhodes ride ritchie robinson roentgen rosalind rubin \
    saha sammet sanderson satoshi shamir shannon shaw shirley shockley shtern sinoussi snyder \
    solomon spence stonebraker sutherland swanson swartz swirles taussig tesla tharp thompson \
    torvalds tu turing varahamihira vaughan villani visvesvaraya volhard wescoff wilbur wiles \
    williams williamson wilson wing wozniak wright wu yalow yonath zhukovsky";

/// Normalizes one stream of terminal text (see the module doc for the rules).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_top = false;
    for raw in text.split_inclusive('\n') {
        let (body, eol) = split_eol(raw);
        if is_pull_progress(body) {
            continue;
        }
        let mut line = tokens(body);
        line = durations(&line);
        line = buildkit_times(&line);
        line = json_sizes(&line);
        if is_top_header(&line) {
            in_top = true;
        } else if in_top && !line.trim().is_empty() {
            line = top_row(&line);
        } else {
            in_top = false;
        }
        out.push_str(&collapse_spaces(&line));
        out.push_str(eol);
    }
    sort_diff_runs(&out)
}

/// `docker diff` prints changes in the order the daemon walks its maps: runs of
/// `A /path`, `C /path`, `D /path` lines are put in path order.
fn sort_diff_runs(text: &str) -> String {
    let is_change = |l: &str| {
        let b = l.as_bytes();
        b.len() > 3 && matches!(b[0], b'A' | b'C' | b'D') && b[1] == b' ' && b[2] == b'/'
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        if !is_change(lines[i]) {
            out.push_str(lines[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && is_change(lines[i]) && lines[i].ends_with('\n') {
            i += 1;
        }
        if i == start {
            out.push_str(lines[i]);
            i += 1;
            continue;
        }
        let mut run = lines[start..i].to_vec();
        run.sort_by(|a, b| a[2..].cmp(&b[2..]));
        run.iter().for_each(|l| out.push_str(l));
    }
    out
}

fn split_eol(raw: &str) -> (&str, &str) {
    if let Some(b) = raw.strip_suffix("\r\n") {
        (b, "\r\n")
    } else if let Some(b) = raw.strip_suffix('\n') {
        (b, "\n")
    } else {
        (raw, "")
    }
}

/// `9d726dc57860: Waiting`, `…: Preparing` and the like: emitted as pulls and pushes
/// progress, so timing-dependent.
fn is_pull_progress(line: &str) -> bool {
    const TRANSIENT: [&str; 8] = [
        "Pulling fs layer",
        "Waiting",
        "Verifying Checksum",
        "Download complete",
        "Downloading",
        "Extracting",
        "Preparing",
        "Pushing",
    ];
    let Some((id, status)) = line.split_once(": ") else {
        return false;
    };
    id.len() == 12
        && id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && TRANSIENT.iter().any(|t| status.starts_with(t))
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Replaces digests, IDs, times, sizes, percentages and generated names, word by word.
fn tokens(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !(is_word(chars[i - 1]) || chars[i - 1] == '.');
        if boundary {
            if let Some((len, repl)) = token_at(&chars[i..]) {
                out.push_str(repl);
                i += len;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn token_at(s: &[char]) -> Option<(usize, &'static str)> {
    let word_end = s.iter().position(|&c| !is_word(c)).unwrap_or(s.len());
    let hex_run = s
        .iter()
        .take_while(|c| matches!(c, '0'..='9' | 'a'..='f'))
        .count();
    if starts_with(s, "sha256:") {
        let n = s[7..]
            .iter()
            .take_while(|c| matches!(c, '0'..='9' | 'a'..='f'))
            .count();
        if n == 64 && !s.get(71).is_some_and(|&c| is_word(c)) {
            return Some((71, "<DIGEST>"));
        }
    }
    if let Some(n) = time_at(s) {
        return Some((n, "<TIME>"));
    }
    if hex_run == word_end && (hex_run == 64 || hex_run == 12) {
        return Some((hex_run, if hex_run == 64 { "<ID64>" } else { "<ID12>" }));
    }
    if let Some(n) = number_with(
        s,
        &[
            "B", "kB", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB",
        ],
        false,
    ) {
        return Some((n, "<SIZE>"));
    }
    if let Some(n) = number_with(s, &["%"], true) {
        return Some((n, "<PCT>"));
    }
    let word: String = s[..word_end].iter().collect();
    if is_generated_name(&word) {
        return Some((word_end, "<NAME>"));
    }
    None
}

fn starts_with(s: &[char], p: &str) -> bool {
    p.chars().count() <= s.len() && p.chars().zip(s).all(|(a, &b)| a == b)
}

/// `12`, `7.8` followed by one of `units` and a word end; `decimal_only` requires a fraction.
fn number_with(s: &[char], units: &[&str], decimal_only: bool) -> Option<usize> {
    let int = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if int == 0 {
        return None;
    }
    let mut n = int;
    if s.get(n) == Some(&'.') {
        let frac = s[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if frac > 0 {
            n += 1 + frac;
        }
    }
    if decimal_only && n == int {
        return None;
    }
    let unit = units
        .iter()
        .filter(|u| starts_with(&s[n..], u))
        .max_by_key(|u| u.len())?;
    let end = n + unit.chars().count();
    (!s.get(end).is_some_and(|&c| is_word(c))).then_some(end)
}

/// Length of an RFC 3339 time (`2025-05-30T17:05:30.123Z`, `…+02:00`) or of Go's default
/// `2025-05-30 17:05:30 +0000 UTC` (with optional fraction) at the start of `s`.
fn time_at(s: &[char]) -> Option<usize> {
    let pat = |s: &[char], p: &str| -> bool {
        p.chars().count() <= s.len()
            && p.chars()
                .zip(s)
                .all(|(p, &c)| if p == 'd' { c.is_ascii_digit() } else { p == c })
    };
    if !pat(s, "dddd-dd-dd")
        || s.len() < 19
        || !(s[10] == 'T' || s[10] == ' ')
        || !pat(&s[11..], "dd:dd:dd")
    {
        return None;
    }
    let mut n = 19;
    if s.get(n) == Some(&'.') {
        n += 1 + s[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    }
    if s[10] == 'T' {
        if s.get(n) == Some(&'Z') {
            return Some(n + 1);
        }
        if matches!(s.get(n), Some('+' | '-')) && pat(&s[n + 1..], "dd:dd") {
            return Some(n + 6);
        }
        return None;
    }
    if !(pat(&s[n..], " +dddd ") || pat(&s[n..], " -dddd ")) {
        return None;
    }
    n += 7;
    let zone = s[n..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    (zone > 0).then_some(n + zone)
}

fn is_generated_name(word: &str) -> bool {
    let Some((left, right)) = word.split_once('_') else {
        return false;
    };
    let right = right
        .strip_suffix(|c: char| c.is_ascii_digit())
        .unwrap_or(right);
    LEFT.split(' ').any(|w| w == left) && RIGHT.split(' ').any(|w| w == right)
}

/// go-units `HumanDuration` phrases: `N seconds ago` → `<AGO>`, `Up N seconds` → `Up <DURATION>`.
fn durations(line: &str) -> String {
    const FIXED: [&str; 3] = ["Less than a second", "About a minute", "About an hour"];
    const UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let at_word = out.is_empty() || out.ends_with(|c: char| !is_word(c));
        let mut phrase = None;
        if at_word {
            phrase = FIXED.iter().find(|f| rest.starts_with(*f)).map(|f| f.len());
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if phrase.is_none() && digits > 0 && rest[digits..].starts_with(' ') {
                let after = &rest[digits + 1..];
                if let Some(u) = UNITS.iter().find(|u| after.starts_with(*u)) {
                    let mut n = digits + 1 + u.len();
                    if rest[n..].starts_with('s') {
                        n += 1;
                    }
                    if !rest[n..].starts_with(is_word) {
                        phrase = Some(n);
                    }
                }
            }
        }
        match phrase {
            Some(n) if rest[n..].starts_with(" ago") => {
                out.push_str("<AGO>");
                rest = &rest[n + 4..];
            }
            Some(n) if out.ends_with("Up ") => {
                out.push_str("<DURATION>");
                rest = &rest[n..];
            }
            _ => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// BuildKit's plain progress: step durations (`#5 DONE 0.2s`, `#4 extracting … 0.1s done`)
/// and the seconds since a step started that prefix its output (`#8 0.125 flask`, and
/// `0.125 flask` in the error summary) → `<T>`. They measure the machine, not Docker.
fn buildkit_times(line: &str) -> String {
    let seconds = |w: &str, decimals: usize| {
        let w = w.strip_suffix('s').filter(|_| decimals == 1).unwrap_or(w);
        w.split_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.len() == decimals && b.bytes().all(|c| c.is_ascii_digit())
        })
    };
    let words: Vec<&str> = line.split(' ').collect();
    let step = words.first().is_some_and(|w| w.len() > 1 && w.starts_with('#') && w[1..].bytes().all(|c| c.is_ascii_digit()));
    let mut out: Vec<&str> = words.clone();
    let n = words.len();
    if step {
        if n >= 3 && words[n - 2] == "DONE" && seconds(words[n - 1], 1) && words[n - 1].ends_with('s') {
            out[n - 1] = "<T>";
        }
        if n >= 3 && words[n - 1] == "done" && seconds(words[n - 2], 1) && words[n - 2].ends_with('s') {
            out[n - 2] = "<T>";
        }
        if n >= 2 && seconds(words[1], 3) {
            out[1] = "<T>";
        }
    } else if n >= 2 && seconds(words[0], 3) {
        out[0] = "<T>";
    }
    out.join(" ")
}

/// `"Size": 7797760` and `"Pid":4242` in JSON output (indented or compact): byte counts and
/// host process numbers, erased like their human-readable forms.
fn json_sizes(line: &str) -> String {
    const KEYS: [(&str, &str); 5] = [
        ("\"Size\":", "<SIZE>"),
        ("\"VirtualSize\":", "<SIZE>"),
        ("\"SizeRw\":", "<SIZE>"),
        ("\"SizeRootFs\":", "<SIZE>"),
        ("\"Pid\":", "<PID>"),
    ];
    let mut out = line.to_string();
    for (key, placeholder) in KEYS {
        let mut from = 0;
        while let Some(at) = out[from..].find(key).map(|i| i + from) {
            let value = at + key.len() + usize::from(out[at + key.len()..].starts_with(' '));
            let digits = out[value..].bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                out.replace_range(value..value + digits, placeholder);
            }
            from = value;
        }
    }
    out
}

fn is_top_header(line: &str) -> bool {
    line.split_whitespace()
        .eq(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
}

/// A `docker top` row: PID, PPID, STIME and TIME come from the host's process table.
fn top_row(line: &str) -> String {
    let fields: Vec<&str> = line.split_whitespace().collect();
    if fields.len() < 8 {
        return line.to_string();
    }
    let cmd_start = {
        let mut rest = line;
        for f in &fields[..7] {
            let at = rest.find(f).unwrap_or(0) + f.len();
            rest = &rest[at..];
        }
        line.len() - rest.trim_start().len()
    };
    format!(
        "{}  <PID>  <PID>  <CPU>  <STIME>  {}  <CPUTIME>  {}",
        fields[0],
        fields[5],
        &line[cmd_start..]
    )
}

/// After the indentation, runs of two or more spaces become two spaces; trailing spaces go.
fn collapse_spaces(line: &str) -> String {
    let body = line.trim_start_matches(' ');
    let mut out = String::with_capacity(line.len());
    out.push_str(&line[..line.len() - body.len()]);
    let mut spaces = 0;
    for c in body.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces > 0 {
            out.push_str(if spaces == 1 { " " } else { "  " });
            spaces = 0;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "normalize_tests.rs"]
mod tests;
