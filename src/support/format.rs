//! Numbers as the screens show them: thousands separators, a currency sign,
//! a fixed number of decimals. Plain ASCII digits so tests can parse them
//! (DESIGN.md conventions). Pure module.

/// Groups the integer part of `x` (rounded to `decimals`) in thousands:
/// `group(221000.0, 0)` → "221,000", `group(7.5, 1)` → "7.5".
pub fn group(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_owned();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    // "-0" is not a number anyone wants to read.
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// `x` with up to `decimals` decimals, trailing zeros dropped: 7.5 → "7.5", 30 → "30".
pub fn trim(x: f64, decimals: usize) -> String {
    let s = group(x, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A money amount with its sign, whole units: `money(26000.0, "$")` → "$26,000".
pub fn money(x: f64, sign: &str) -> String {
    let g = group(x, 0);
    match g.strip_prefix('-') {
        Some(rest) => format!("-{sign}{rest}"),
        None => format!("{sign}{g}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0.0, 0), "0");
        assert_eq!(group(999.0, 0), "999");
        assert_eq!(group(1000.0, 0), "1,000");
        assert_eq!(group(221000.0, 0), "221,000");
        assert_eq!(group(1234567.891, 2), "1,234,567.89");
        assert_eq!(group(-1500.0, 0), "-1,500");
        assert_eq!(group(-0.2, 0), "0");
        assert_eq!(group(f64::NAN, 0), "—");
        assert_eq!(trim(7.5, 2), "7.5");
        assert_eq!(trim(30.0, 2), "30");
        assert_eq!(money(26000.0, "$"), "$26,000");
        assert_eq!(money(-5.0, "¥"), "-¥5");
    }
}
