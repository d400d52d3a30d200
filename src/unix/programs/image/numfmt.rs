//! How JavaScript and Python print floating-point numbers: the shortest digits that
//! round-trip, placed in fixed or exponent notation by each language's rule
//! (ECMAScript `Number::toString`: fixed for exponents -6..=20, `1e+21`, `1e-7`; Python
//! `repr`: fixed for -4..=15, `1e+16`, `1e-05`, and `.0` on integral values).
//!
//! Invariant: pure functions; every finite, infinite or NaN input has an output.

/// The shortest round-trip digits and decimal exponent of a finite, non-zero `x`
/// (`1.5e-5` → ("15", -5)).
fn digits_exp(x: f64) -> (String, i32) {
    let s = format!("{:e}", x.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    (m.replace('.', ""), e.parse().unwrap_or(0))
}

fn place(digits: &str, exp: i32) -> String {
    let n = digits.len() as i32;
    if exp >= n - 1 {
        format!("{digits}{}", "0".repeat((exp - (n - 1)) as usize))
    } else if exp >= 0 {
        format!("{}.{}", &digits[..(exp + 1) as usize], &digits[(exp + 1) as usize..])
    } else {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    }
}

/// JavaScript's `Number.prototype.toString()`.
pub fn js_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (d, e) = digits_exp(x);
    if (-6..21).contains(&e) {
        return format!("{sign}{}", place(&d, e));
    }
    let mant = if d.len() > 1 { format!("{}.{}", &d[..1], &d[1..]) } else { d };
    format!("{sign}{mant}e{}{}", if e < 0 { "-" } else { "+" }, e.abs())
}

/// Python's `repr(float)`.
pub fn py_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (d, e) = digits_exp(x);
    if (-4..16).contains(&e) {
        let p = place(&d, e);
        return format!("{sign}{p}{}", if p.contains('.') { "" } else { ".0" });
    }
    let mant = if d.len() > 1 { format!("{}.{}", &d[..1], &d[1..]) } else { d };
    format!("{sign}{mant}e{}{:02}", if e < 0 { "-" } else { "+" }, e.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_switches() {
        assert_eq!(js_number(1e21), "1e+21");
        assert_eq!(js_number(123456.5), "123456.5");
        assert_eq!(js_number(-0.000001), "-0.000001");
        assert_eq!(py_float(1e15), "1000000000000000.0");
        assert_eq!(py_float(0.0001), "0.0001");
        assert_eq!(py_float(123456789012345678.0), "1.2345678901234568e+17");
        assert_eq!(py_float(-0.0), "-0.0");
    }
}
