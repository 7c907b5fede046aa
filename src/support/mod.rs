//! General pieces with no knowledge of the course: the two languages and the
//! UI strings (`i18n`), numbers as screens show them (`format`), the normal form of free
//! text (`normalize`), a small sort for short lists (`sort`) and the QR
//! encoder for share links (`qr`), and [`within`].
//! They import nothing else of the crate; everything may import them.

pub mod format;
pub mod i18n;
pub mod normalize;
pub mod qr;
pub mod sort;

/// `x` held between `lo` and `hi` (`lo` for NaN, and `lo` wins if the two
/// cross). Used where the bounds are not constants: `f64::clamp` checks
/// them with a panic message that formats floats, which links Rust's float
/// formatting (about 8 KB gzip) into the screen's WebAssembly.
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    if x.is_nan() {
        lo
    } else {
        x.min(hi).max(lo)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn within_holds_a_value_between_its_bounds() {
        assert_eq!(super::within(5.0, 0.0, 1.0), 1.0);
        assert_eq!(super::within(-5.0, 0.0, 1.0), 0.0);
        assert_eq!(super::within(0.5, 0.0, 1.0), 0.5);
        assert_eq!(super::within(f64::NAN, 0.0, 1.0), 0.0);
        assert_eq!(super::within(0.5, 2.0, 1.0), 2.0, "crossed bounds: lo");
    }
}
