//! Numbers as the screens show them: thousands separators, a currency sign,
//! a fixed number of decimals. Plain ASCII digits so tests can parse them
//! (DESIGN.md conventions). Pure module.
//!
//! Every number the screens write goes through [`fixed`], which works in
//! integers: Rust's own float formatting (`{:.2}`, `f64::to_string`) links
//! about 8 KB gzip of conversion code and tables into a WebAssembly bundle,
//! more than some screens have to spare under the 250 KB budget.

/// Groups the integer part of `x` (rounded to `decimals`) in thousands:
/// `group(221000.0, 0)` → "221,000", `group(7.5, 1)` → "7.5".
pub fn group(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_owned();
    }
    let s = fixed(x.abs(), decimals);
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

/// The most decimals [`fixed`] writes (more would overflow its integers).
const MAX_DECIMALS: usize = 17;
/// The largest magnitude [`fixed`] writes in full.
const MAX_WHOLE: u128 = 10u128.pow(20);

/// `x` rounded to `decimals` decimals (an exact half to even), written out in
/// full without grouping, exactly as `format!("{:.2}")` writes it:
/// `fixed(2.0 / 3.0, 2)` → "0.67", `fixed(-1.5, 0)` → "-2"; a negative value
/// that rounds to zero keeps its sign ("-0.00"); "NaN", "inf"
/// and "-inf" as Rust writes them. Magnitudes past 10^20 are written as
/// 10^20 (no screen shows such a number).
pub fn fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let d = decimals.min(MAX_DECIMALS);
    let scale = 10u128.pow(d as u32);
    let n = scaled(x.abs(), scale).min(MAX_WHOLE * scale);
    let int = (n / scale).to_string();
    let mut out = String::with_capacity(int.len() + d + 2);
    if x.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&int);
    if d > 0 {
        let frac = (n % scale).to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', d - frac.len()));
        out.push_str(&frac);
    }
    out
}

/// `x` (finite, not negative) × `scale` (at most 10^17), rounded to a
/// whole number exactly as decimal formatting rounds: from the float's own
/// bits (mantissa × 2^exponent), so no product is rounded on the way; an
/// exact half goes to the even neighbour. Saturates past u128.
fn scaled(x: f64, scale: u128) -> u128 {
    let bits = x.to_bits();
    let (exp, frac) = (((bits >> 52) & 0x7ff) as i32, u128::from(bits & ((1 << 52) - 1)));
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    if e >= 0 {
        // A whole number; m < 2^53, so the shift fits below 71.
        return if e > 70 {
            u128::MAX
        } else {
            (m << e).saturating_mul(scale)
        };
    }
    let shift = e.unsigned_abs();
    if shift >= 128 {
        return 0;
    }
    let p = m * scale; // < 2^53 · 2^57
    let (q, r) = (p >> shift, p & ((1 << shift) - 1));
    let half = 1u128 << (shift - 1);
    q + u128::from(r > half || (r == half && q & 1 == 1))
}

/// The shortest plain decimal that reads back as exactly `x`, in as many
/// digits as `x.to_string()` ("0.35", "16", "0.0000001", never an exponent,
/// no negative zero): the form of numbers in addresses and markup. The
/// digits come from serde_json's float writer (linked into every bundle
/// anyway), the exponent is written out here.
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return fixed(x, 0);
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    plain(&serde_json::to_string(&x).unwrap_or_default())
}

/// A number as serde_json writes it ("-1.5e-7", "16.0") as a plain
/// decimal ("-0.00000015", "16").
fn plain(json: &str) -> String {
    let (sign, rest) = json.strip_prefix('-').map_or(("", json), |r| ("-", r));
    let (mantissa, exp) = rest.split_once(['e', 'E']).map_or((rest, 0), |(m, e)| (m, e.parse::<i64>().unwrap_or(0)));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = format!("{int}{frac}");
    // Where the decimal point falls in `digits`.
    let mut point = int.len() as i64 + exp;
    while digits.len() > 1 && digits.starts_with('0') {
        digits.remove(0);
        point -= 1;
    }
    let len = digits.len() as i64;
    let mut out = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point >= len {
        format!("{digits}{}", "0".repeat((point - len) as usize))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    if out.contains('.') {
        out = out.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    format!("{sign}{out}")
}

/// `.num()`: [`shortest`] for an f64 where `.to_string()` would pull in
/// Rust's float formatting.
pub trait Num {
    fn num(&self) -> String;
}

impl Num for f64 {
    fn num(&self) -> String {
        shortest(*self)
    }
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

    #[test]
    fn fixed_writes_what_rust_formatting_writes() {
        for x in [
            0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            7.25,
            2.0 / 3.0,
            -2.0 / 3.0,
            12.345678,
            1e6 + 0.25,
            99.995001,
            0.004,
            1234567.891,
            -0.3,
            -0.0,
        ] {
            for d in 0..=4 {
                assert_eq!(fixed(x, d), format!("{:.*}", d, x), "{x} to {d}");
            }
        }
        assert_eq!(fixed(-0.001, 2), "-0.00");
        assert_eq!(group(-0.001, 2), "0.00", "group drops the sign of a zero");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 0), "-inf");
        assert_eq!(
            fixed(1e40, 0),
            format!("1{}", "0".repeat(20)),
            "saturates, never panics"
        );
        for x in [
            12.5,
            16.0,
            0.35,
            1e-7,
            0.1 + 0.2,
            -3.25159,
            1234567.891,
            2.0 / 3.0,
            -0.0,
            1e15 + 0.5,
        ] {
            assert_eq!(x.num(), if x == 0.0 { "0".to_owned() } else { x.to_string() }, "{x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fixed_agrees_with_rust(x in -1e12f64..1e12, d in 0usize..18) {
            proptest::prop_assert_eq!(fixed(x, d), format!("{:.*}", d, x));
        }

        #[test]
        fn fixed_agrees_on_exact_halves(k in -100_000i64..100_000, d in 1usize..6) {
            // k + 0.5, k / 4, k / 8: ties at some number of decimals.
            for x in [k as f64 + 0.5, k as f64 / 4.0, k as f64 / 8.0] {
                proptest::prop_assert_eq!(fixed(x, d - 1), format!("{:.*}", d - 1, x));
            }
        }

        #[test]
        fn shortest_reads_back_and_matches_display(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            // Exactly the number, in as few digits as Rust writes; where two
            // shortest forms are equally near (903343088772049.25 as .2 or
            // .3) the two writers may pick differently.
            proptest::prop_assert_eq!(x.num().parse::<f64>(), Ok(x));
            proptest::prop_assert_eq!(x.num().len(), if x == 0.0 { 1 } else { x.to_string().len() });
        }
    }
}
