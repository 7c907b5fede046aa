//! QR codes (ISO/IEC 18004), drawn locally so a trainer can put a screen's
//! link on the projector without any outside service.
//!
//! A compact encoder for what a link needs: byte mode only, error correction
//! level L or M, versions 1–40 (the app stops at [`LINK_MAX_VERSION`] and
//! prefers M unless only L keeps the symbol as small: [`Qr::for_link`]).
//! The steps follow the standard:
//!
//! 1. Data bits: mode `0100`, the length (8 bits up to version 9, 16 from
//!    version 10), the bytes, a terminator of up to four zeros, zero bits to
//!    a byte boundary, then the pad bytes `0xEC 0x11` alternately.
//! 2. The codewords are split into blocks (`ECC_PER_BLOCK`, `BLOCKS`:
//!    shorter blocks first), each gets its Reed–Solomon error-correction
//!    codewords over GF(256) with the polynomial x⁸ + x⁴ + x³ + x² + 1
//!    (`0x11D`) and the generator ∏(x − 2ⁱ), and data then error-correction
//!    codewords are interleaved block by block.
//! 3. Function patterns: three finders with separators, timing lines,
//!    alignment patterns, the dark module, format information (level and
//!    mask, BCH(15,5) with `0x537`, XOR `0x5412`) and from version 7 the
//!    version information (BCH(18,6) with `0x1F25`).
//! 4. The bits fill the rest in the standard two-column zigzag from the
//!    bottom right, skipping the vertical timing column.
//! 5. Each of the eight masks is applied in turn (with its format
//!    information drawn) and scored with the standard penalty rules — N1
//!    runs of five or more (3 + run − 5), N2 2×2 blocks (3 each), N3
//!    finder-like 1:1:3:1:1 patterns with four light modules on a side
//!    (40 each, the quiet zone counting as light), N4 dark share away from
//!    50 % (10 per whole 5 %) — and the lowest score wins (the first on a
//!    tie).
//!
//! Pure module: no yew, no web-sys. Too much data is a [`TooLong`], never a
//! panic. Tests compare whole symbols with reference encoders and decode
//! the drawn output (`tests/qr.rs`, `tests/data/qr_check.py`).

/// Error-correction level: L recovers about 7 % of the codewords, M 15 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ecc {
    Low,
    Medium,
}

impl Ecc {
    fn row(self) -> usize {
        match self {
            Ecc::Low => 0,
            Ecc::Medium => 1,
        }
    }

    /// The two format bits of the level (L = 01, M = 00).
    fn format_bits(self) -> u32 {
        match self {
            Ecc::Low => 1,
            Ecc::Medium => 0,
        }
    }
}

/// Error-correction codewords per block, by level (L, M) and version (index 0 unused).
const ECC_PER_BLOCK: [[u8; 41]; 2] = [
    [
        0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
];

/// Number of error-correction blocks, by level (L, M) and version.
const BLOCKS: [[u8; 41]; 2] = [
    [
        0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18,
        19, 19, 20, 21, 22, 24, 25,
    ],
    [
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29,
        31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
];

/// The largest version the app draws for a link (97 × 97 modules): denser
/// codes are hard to scan off a projector.
pub const LINK_MAX_VERSION: u8 = 20;

/// The data did not fit the largest allowed version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// Bytes given.
    pub len: usize,
    /// Bytes that fit.
    pub max: usize,
}

/// A finished symbol: `size` × `size` modules, true = dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    pub version: u8,
    pub ecc: Ecc,
    pub mask: u8,
    size: usize,
    dark: Vec<bool>,
    /// Function-pattern modules (not data, never masked).
    function: Vec<bool>,
}

/// Modules available for data and error correction in a version.
fn raw_modules(ver: usize) -> usize {
    let mut n = (16 * ver + 128) * ver + 64;
    if ver >= 2 {
        let align = ver / 7 + 2;
        n -= (25 * align - 10) * align - 55;
        if ver >= 7 {
            n -= 36;
        }
    }
    n
}

/// Data codewords of a version and level.
fn data_codewords(ver: usize, ecc: Ecc) -> usize {
    raw_modules(ver) / 8 - usize::from(ECC_PER_BLOCK[ecc.row()][ver]) * usize::from(BLOCKS[ecc.row()][ver])
}

/// Bytes a version and level hold in byte mode.
pub fn capacity(version: u8, ecc: Ecc) -> usize {
    let ver = usize::from(version.clamp(1, 40));
    let header = 4 + if ver < 10 { 8 } else { 16 };
    (data_codewords(ver, ecc) * 8 - header) / 8
}

/// Multiplication in GF(256) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z: u32 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= ((u32::from(y) >> i) & 1) * u32::from(x);
    }
    z as u8
}

/// Coefficients (highest power first, leading 1 omitted) of ∏(x − 2ⁱ), i < degree.
fn rs_divisor(degree: usize) -> Vec<u8> {
    let mut out = vec![0u8; degree];
    out[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            out[j] = gf_mul(out[j], root) ^ out.get(j + 1).copied().unwrap_or(0);
        }
        root = gf_mul(root, 2);
    }
    out
}

/// The error-correction codewords of one block.
fn rs_remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; divisor.len()];
    for &b in data {
        let factor = b ^ out[0];
        out.rotate_left(1);
        let last = out.len() - 1;
        out[last] = 0;
        for (o, &d) in out.iter_mut().zip(divisor) {
            *o ^= gf_mul(d, factor);
        }
    }
    out
}

/// Data codewords for `data` in byte mode at a version and level.
fn data_bits(data: &[u8], ver: usize, ecc: Ecc) -> Vec<u8> {
    let cap = data_codewords(ver, ecc);
    let mut bits: Vec<bool> = Vec::with_capacity(cap * 8);
    fn push(bits: &mut Vec<bool>, v: u32, n: usize) {
        bits.extend((0..n).rev().map(|i| (v >> i) & 1 == 1));
    }
    push(&mut bits, 0b0100, 4);
    push(&mut bits, data.len() as u32, if ver < 10 { 8 } else { 16 });
    data.iter().for_each(|&b| push(&mut bits, u32::from(b), 8));
    let terminator = (cap * 8 - bits.len()).min(4);
    push(&mut bits, 0, terminator);
    let fill = (8 - bits.len() % 8) % 8;
    push(&mut bits, 0, fill);
    let mut bytes: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0u8, |a, &b| (a << 1) | u8::from(b)))
        .collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= cap {
            break;
        }
        bytes.push(pad);
    }
    bytes
}

/// Splits into blocks, adds error correction, interleaves.
fn codewords(data: &[u8], ver: usize, ecc: Ecc) -> Vec<u8> {
    let blocks = usize::from(BLOCKS[ecc.row()][ver]);
    let ecc_len = usize::from(ECC_PER_BLOCK[ecc.row()][ver]);
    let raw = raw_modules(ver) / 8;
    let short = blocks - raw % blocks;
    let short_len = raw / blocks - ecc_len;
    let divisor = rs_divisor(ecc_len);
    let mut parts: Vec<(&[u8], Vec<u8>)> = Vec::with_capacity(blocks);
    let mut at = 0;
    for i in 0..blocks {
        let len = short_len + usize::from(i >= short);
        let d = &data[at..at + len];
        at += len;
        parts.push((d, rs_remainder(d, &divisor)));
    }
    let mut out = Vec::with_capacity(raw);
    for i in 0..=short_len {
        out.extend(parts.iter().filter_map(|(d, _)| d.get(i)));
    }
    for i in 0..ecc_len {
        out.extend(parts.iter().map(|(_, e)| e[i]));
    }
    out
}

/// Centre coordinates of the alignment patterns of a version.
fn alignment_positions(ver: usize) -> Vec<usize> {
    if ver == 1 {
        return Vec::new();
    }
    let n = ver / 7 + 2;
    let size = ver * 4 + 17;
    let step = (ver * 8 + n * 3 + 5) / (n * 4 - 4) * 2;
    let mut out: Vec<usize> = (0..n - 1).map(|i| size - 7 - i * step).collect();
    out.push(6);
    out.reverse();
    out
}

fn mask_bit(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => (x / 3 + y / 2).is_multiple_of(2),
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + x * y % 3).is_multiple_of(2),
    }
}

impl Qr {
    /// The smallest symbol holding `data` at level `ecc`, up to `max_version`;
    /// `mask` forces a mask (0–7) instead of choosing the best.
    pub fn encode(data: &[u8], ecc: Ecc, max_version: u8, mask: Option<u8>) -> Result<Qr, TooLong> {
        let max_version = max_version.clamp(1, 40);
        let version = (1..=max_version)
            .find(|&v| capacity(v, ecc) >= data.len())
            .ok_or(TooLong {
                len: data.len(),
                max: capacity(max_version, ecc),
            })?;
        let ver = usize::from(version);
        let bytes = codewords(&data_bits(data, ver, ecc), ver, ecc);
        let size = ver * 4 + 17;
        let mut qr = Qr {
            version,
            ecc,
            mask: 0,
            size,
            dark: vec![false; size * size],
            function: vec![false; size * size],
        };
        qr.draw_function_patterns();
        qr.draw_codewords(&bytes);
        let mask = mask.map(|m| m & 7).unwrap_or_else(|| {
            (0..8u8)
                .min_by_key(|&m| {
                    qr.apply_mask(m);
                    qr.draw_format(m);
                    let score = qr.penalty();
                    qr.apply_mask(m);
                    score
                })
                .unwrap_or(0)
        });
        qr.apply_mask(mask);
        qr.draw_format(mask);
        qr.mask = mask;
        Ok(qr)
    }

    /// A link's symbol: the smallest version that holds it (at level L, up to
    /// [`LINK_MAX_VERSION`]), at level M when M fits that same version.
    pub fn for_link(link: &str) -> Result<Qr, TooLong> {
        let data = link.as_bytes();
        let low = Qr::encode(data, Ecc::Low, LINK_MAX_VERSION, Some(0))?;
        let ecc = if capacity(low.version, Ecc::Medium) >= data.len() {
            Ecc::Medium
        } else {
            Ecc::Low
        };
        Qr::encode(data, ecc, low.version, None)
    }

    /// Modules per side.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn get(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// One SVG path drawing every dark module, each row's runs as
    /// rectangles, offset by a `quiet` zone (the viewBox side is
    /// `size + 2 × quiet`).
    pub fn svg_path(&self, quiet: usize) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.get(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.get(x, y) {
                    x += 1;
                }
                let n = x - start;
                d.push_str(&format!("M{},{}h{n}v1h-{n}z", start + quiet, y + quiet));
            }
        }
        d
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.dark[i] = dark;
        self.function[i] = true;
    }

    fn draw_function_patterns(&mut self) {
        let size = self.size;
        for i in 0..size {
            self.set(6, i, i.is_multiple_of(2));
            self.set(i, 6, i.is_multiple_of(2));
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4i32..=4 {
                for dx in -4i32..=4 {
                    let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                    if (0..size as i32).contains(&x) && (0..size as i32).contains(&y) {
                        let dist = dx.abs().max(dy.abs());
                        self.set(x as usize, y as usize, dist != 2 && dist != 4);
                    }
                }
            }
        }
        let pos = alignment_positions(usize::from(self.version));
        let last = pos.len().saturating_sub(1);
        for (i, &cx) in pos.iter().enumerate() {
            for (j, &cy) in pos.iter().enumerate() {
                // Not over the three finders.
                let corner = |a: usize, b: usize| a == 0 && (b == 0 || b == last);
                if corner(i, j) || corner(j, i) {
                    continue;
                }
                for dy in -2i32..=2 {
                    for dx in -2i32..=2 {
                        let dark = dx.abs().max(dy.abs()) != 1;
                        self.set((cx as i32 + dx) as usize, (cy as i32 + dy) as usize, dark);
                    }
                }
            }
        }
        // Reserve the format areas (drawn for real once the mask is known).
        self.draw_format(0);
        if self.version >= 7 {
            let ver = u32::from(self.version);
            let mut rem = ver;
            for _ in 0..12 {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            let bits = (ver << 12) | rem;
            for i in 0..18 {
                let dark = (bits >> i) & 1 == 1;
                let (a, b) = (size - 11 + i % 3, i / 3);
                self.set(a, b, dark);
                self.set(b, a, dark);
            }
        }
    }

    fn draw_format(&mut self, mask: u8) {
        let data = (self.ecc.format_bits() << 3) | u32::from(mask);
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = ((data << 10) | rem) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let size = self.size;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, size - 15 + i, bit(i));
        }
        self.set(8, size - 8, true);
    }

    fn draw_codewords(&mut self, bytes: &[u8]) {
        let size = self.size;
        let total = bytes.len() * 8;
        let mut i = 0;
        let mut right = size - 1;
        loop {
            if right == 6 {
                right = 5;
            }
            let upward = (right + 1) & 2 == 0;
            for vert in 0..size {
                for j in 0..2 {
                    let x = right - j;
                    let y = if upward { size - 1 - vert } else { vert };
                    let k = y * size + x;
                    if !self.function[k] && i < total {
                        self.dark[k] = (bytes[i >> 3] >> (7 - (i & 7))) & 1 == 1;
                        i += 1;
                    }
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }

    /// XORs the data modules with a mask (twice undoes it).
    fn apply_mask(&mut self, mask: u8) {
        for y in 0..self.size {
            for x in 0..self.size {
                let k = y * self.size + x;
                if !self.function[k] && mask_bit(mask, x, y) {
                    self.dark[k] = !self.dark[k];
                }
            }
        }
    }

    /// The standard penalty score of the symbol as it stands.
    fn penalty(&self) -> u32 {
        let n = self.size;
        let mut score = 0;
        let mut dark = 0;
        for horizontal in [true, false] {
            for a in 0..n {
                let line: Vec<bool> = (0..n)
                    .map(|b| if horizontal { self.get(b, a) } else { self.get(a, b) })
                    .collect();
                score += line_penalty(&line);
            }
        }
        for y in 0..n {
            for x in 0..n {
                let c = self.get(x, y);
                dark += usize::from(c);
                if x + 1 < n
                    && y + 1 < n
                    && c == self.get(x + 1, y)
                    && c == self.get(x, y + 1)
                    && c == self.get(x + 1, y + 1)
                {
                    score += 3;
                }
            }
        }
        let total = n * n;
        // k whole steps of 5 % away from half dark.
        let k = (dark * 20).abs_diff(total * 10).div_ceil(total).saturating_sub(1);
        score + 10 * k as u32
    }
}

/// N1 and N3 of one row or column. A finder-like pattern is a dark–light–
/// dark–light–dark run of widths 1:1:3:1:1 (any multiple) with light at
/// least four widths wide on one side and one on the other; light on both
/// sides counts twice.
fn line_penalty(line: &[bool]) -> u32 {
    let n = line.len();
    let mut score = 0;
    // Run lengths, starting with a (possibly empty) light run; the quiet
    // zone lengthens the first and last light runs.
    let mut runs = vec![0usize];
    let mut color = false;
    for &c in line {
        if c != color {
            color = c;
            runs.push(0);
        }
        let last = runs.len() - 1;
        runs[last] += 1;
    }
    for &r in &runs {
        if r >= 5 {
            score += 3 + (r - 5);
        }
    }
    if color {
        runs.push(0);
    }
    runs[0] += n;
    let last = runs.len() - 1;
    runs[last] += n;
    for i in (6..runs.len()).step_by(2) {
        let h = |k: usize| runs[i - k];
        let m = h(1);
        if m > 0 && h(2) == m && h(3) == 3 * m && h(4) == m && h(5) == m {
            score += 40 * (usize::from(h(6) >= 4 * m && h(0) >= m) + usize::from(h(0) >= 4 * m && h(6) >= m));
        }
    }
    score as u32
}
