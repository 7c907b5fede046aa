//! The QR encoder against reference symbols: every module of symbols made
//! by Nayuki's qrcodegen (and checked against python-qrcode) for versions
//! 1–40, levels L and M, chosen and forced masks (`tests/data/qr_vectors.txt`,
//! written by `tests/data/qr_check.py vectors`; `qr_check.py decode` reads
//! the SVG output back with two decoders).

use loyalty_lab::support::qr::{capacity, Ecc, Qr, TooLong, LINK_MAX_VERSION};

struct Vector {
    ecc: Ecc,
    version: u8,
    mask: u8,
    data: Vec<u8>,
    rows: Vec<String>,
}

fn hex_bytes(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn vectors() -> Vec<Vector> {
    let text = include_str!("data/qr_vectors.txt");
    let mut lines = text.lines().filter(|l| !l.starts_with('#')).peekable();
    let mut out = Vec::new();
    while let Some(head) = lines.next() {
        let f: Vec<&str> = head.split(' ').collect();
        let ecc = if f[0] == "L" { Ecc::Low } else { Ecc::Medium };
        let version: u8 = f[1].parse().unwrap();
        let size = usize::from(version) * 4 + 17;
        let rows = (0..size)
            .map(|_| {
                let hex = lines.next().unwrap();
                let bits: String = hex
                    .chars()
                    .map(|c| format!("{:04b}", c.to_digit(16).unwrap()))
                    .collect();
                bits[..size].to_owned()
            })
            .collect();
        out.push(Vector {
            ecc,
            version,
            mask: f[2].parse().unwrap(),
            data: hex_bytes(f[3]),
            rows,
        });
    }
    out
}

fn rows_of(qr: &Qr) -> Vec<String> {
    (0..qr.size())
        .map(|y| (0..qr.size()).map(|x| if qr.get(x, y) { '1' } else { '0' }).collect())
        .collect()
}

#[test]
fn symbols_match_the_reference_module_for_module() {
    let vs = vectors();
    assert!(vs.len() >= 25, "too few vectors: {}", vs.len());
    let versions: std::collections::BTreeSet<u8> = vs.iter().map(|v| v.version).collect();
    assert!(
        versions.contains(&1) && versions.contains(&7) && versions.contains(&40),
        "{versions:?}"
    );
    let masks: std::collections::BTreeSet<u8> = vs.iter().map(|v| v.mask).collect();
    assert_eq!(masks.len(), 8, "every mask is exercised");
    for (i, v) in vs.iter().enumerate() {
        // First with the mask the encoder chooses itself (the reference's
        // choice, made by the same penalty rules), then forced.
        let chosen = Qr::encode(&v.data, v.ecc, 40, None).unwrap();
        let forced = Qr::encode(&v.data, v.ecc, 40, Some(v.mask)).unwrap();
        assert_eq!(forced.version, v.version, "vector {i}: version");
        assert_eq!(rows_of(&forced), v.rows, "vector {i}: modules with mask {}", v.mask);
        if i < 18 {
            // Vectors up to 18 were made with the reference's own mask choice.
            assert_eq!(chosen.mask, v.mask, "vector {i}: mask choice");
            assert_eq!(rows_of(&chosen), v.rows, "vector {i}: modules");
        }
    }
}

#[test]
fn hello_world_is_the_classic_version_1_symbol() {
    let qr = Qr::encode(b"HELLO WORLD", Ecc::Medium, 40, None).unwrap();
    assert_eq!((qr.version, qr.size(), qr.mask), (1, 21, 4));
    // Finder pattern corners and the dark module.
    assert!(qr.get(0, 0) && qr.get(20, 0) && qr.get(0, 20) && qr.get(8, 13));
    assert!(!qr.get(7, 7) && !qr.get(21, 0));
}

#[test]
fn capacities_follow_the_standard_table() {
    // ISO/IEC 18004 table 7, byte mode.
    let table = [
        (1, Ecc::Low, 17),
        (1, Ecc::Medium, 14),
        (2, Ecc::Medium, 26),
        (7, Ecc::Medium, 122),
        (9, Ecc::Medium, 180),
        (10, Ecc::Medium, 213),
        (15, Ecc::Medium, 412),
        (20, Ecc::Medium, 666),
        (20, Ecc::Low, 858),
        (40, Ecc::Low, 2953),
        (40, Ecc::Medium, 2331),
    ];
    for (v, e, n) in table {
        assert_eq!(capacity(v, e), n, "version {v} {e:?}");
    }
}

#[test]
fn too_long_is_an_error_not_a_panic() {
    let big = vec![b'a'; capacity(LINK_MAX_VERSION, Ecc::Low) + 1];
    assert_eq!(
        Qr::for_link(std::str::from_utf8(&big).unwrap()),
        Err(TooLong {
            len: big.len(),
            max: capacity(LINK_MAX_VERSION, Ecc::Low)
        })
    );
    assert!(Qr::encode(&vec![0; 3000], Ecc::Low, 40, None).is_err());
    // A link gets the smallest symbol, at level M when M fits the same size.
    for n in [1, 14, 15, 100, 300, 500, 666, 667, 858] {
        let link = "x".repeat(n);
        let qr = Qr::for_link(&link).unwrap();
        let smallest = (1..=40).find(|&v| capacity(v, Ecc::Low) >= n).unwrap();
        assert_eq!(qr.version, smallest, "{n} bytes");
        let m_fits = capacity(smallest, Ecc::Medium) >= n;
        assert_eq!(qr.ecc, if m_fits { Ecc::Medium } else { Ecc::Low }, "{n} bytes");
    }
}

#[test]
fn the_svg_path_draws_exactly_the_dark_modules() {
    let qr = Qr::for_link("https://example.org/#/smith?weekly=60").unwrap();
    let quiet = 4;
    let side = qr.size() + 2 * quiet;
    let mut drawn = vec![false; side * side];
    let path = qr.svg_path(quiet);
    for run in path.split('z').filter(|r| !r.is_empty()) {
        let (head, rest) = run[1..].split_once('h').unwrap();
        let (x, y) = head.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        assert!(rest.ends_with(&format!("v1h-{n}")), "{run}");
        for k in x..x + n {
            assert!(!drawn[y * side + k], "module drawn twice");
            drawn[y * side + k] = true;
        }
    }
    for y in 0..side {
        for x in 0..side {
            let dark = x >= quiet && y >= quiet && qr.get(x - quiet, y - quiet);
            assert_eq!(drawn[y * side + x], dark, "module {x},{y}");
        }
    }
}
