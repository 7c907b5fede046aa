//! Bytes to safe ASCII and back, as small as we can make them: a
//! context-mixing compressor written for the progress record, then
//! base64url. Pure integer arithmetic, so the browser and the native tests
//! produce the same characters for the same bytes.
//!
//! The record is a few kilobytes of JSON whose keys repeat ("best", "last",
//! drill item ids) around short free texts (drill rewrites, in Chinese or
//! English). Each byte is coded bit by bit with a binary arithmetic coder;
//! the probability of the next bit comes from five models — the byte so far
//! (order 0), and the one, two, three and four bytes before it (orders 1–4,
//! hashed) — mixed by a small neural mixer that learns which order to trust
//! as it goes (the scheme of Matt Mahoney's lpaq, cut down). Nothing is
//! stored but the coded bits: both sides learn the same models from the same
//! bytes. The record of a course done in full (8.6 KB of JSON) packs into
//! 3.3 thousand characters, base64 included.
//!
//! A packed text is `base64url(version, length, checksum, coded bits)`;
//! unpacking checks all three, so a damaged or foreign text is an error,
//! never a wrong record.

/// Format of the packed bytes (the first byte).
const FORMAT: u8 = 1;
/// Largest unpacked size accepted: the record's own limit.
pub const MAX_UNPACKED: usize = crate::progress::record::MAX_BYTES;

/// Why a text could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnpackError {
    /// A character outside base64url.
    Alphabet,
    /// Too short for its header, or a format this build does not read.
    Header,
    /// Claims to unpack to more than [`MAX_UNPACKED`] bytes.
    TooLarge,
    /// The unpacked bytes do not match the checksum.
    Checksum,
}

/// Packs `bytes` into base64url text.
pub fn pack(bytes: &[u8]) -> String {
    let mut out = vec![FORMAT];
    put_varint(&mut out, bytes.len() as u64);
    out.extend_from_slice(&fnv1a(bytes).to_le_bytes());
    let mut coder = Encoder::new(out);
    let mut model = Model::new();
    for &byte in bytes {
        for i in (0..8).rev() {
            let bit = (byte >> i) & 1 == 1;
            coder.encode(bit, model.p());
            model.update(bit);
        }
    }
    to_base64(&coder.finish())
}

/// Unpacks a text made by [`pack`].
pub fn unpack(text: &str) -> Result<Vec<u8>, UnpackError> {
    let raw = from_base64(text)?;
    let (&format, rest) = raw.split_first().ok_or(UnpackError::Header)?;
    if format != FORMAT {
        return Err(UnpackError::Header);
    }
    let (len, rest) = get_varint(rest).ok_or(UnpackError::Header)?;
    if len > MAX_UNPACKED as u64 {
        return Err(UnpackError::TooLarge);
    }
    let sum = rest.get(..4).ok_or(UnpackError::Header)?;
    let sum = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
    let mut coder = Decoder::new(&rest[4..]);
    let mut model = Model::new();
    let mut out = Vec::with_capacity(len as usize);
    for _ in 0..len {
        let mut byte = 0u8;
        for _ in 0..8 {
            let bit = coder.decode(model.p());
            model.update(bit);
            byte = (byte << 1) | u8::from(bit);
        }
        out.push(byte);
    }
    if fnv1a(&out) != sum {
        return Err(UnpackError::Checksum);
    }
    Ok(out)
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((v, &bytes[i + 1..]));
        }
    }
    None
}

// ---- base64url, no padding ----

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Whether `c` is one of the characters [`pack`] writes.
pub fn is_packed_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

fn to_base64(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            s.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    s
}

fn from_base64(text: &str) -> Result<Vec<u8>, UnpackError> {
    let digit = |c: u8| -> Result<u32, UnpackError> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(UnpackError::Alphabet),
        }
        .into())
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return Err(UnpackError::Header);
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= digit(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

// ---- the binary arithmetic coder (12-bit probabilities of a 1) ----

struct Encoder {
    x1: u32,
    x2: u32,
    out: Vec<u8>,
}

impl Encoder {
    fn new(out: Vec<u8>) -> Encoder {
        Encoder {
            x1: 0,
            x2: u32::MAX,
            out,
        }
    }

    fn encode(&mut self, bit: bool, p: u32) {
        let mid = self.x1 + ((self.x2 - self.x1) >> 12) * p;
        if bit {
            self.x2 = mid;
        } else {
            self.x1 = mid + 1;
        }
        while (self.x1 ^ self.x2) & 0xff00_0000 == 0 {
            self.out.push((self.x2 >> 24) as u8);
            self.x1 <<= 8;
            self.x2 = (self.x2 << 8) | 255;
        }
    }

    /// The first byte of `x1` is enough: the decoder reads the missing bytes
    /// as 0xff, which lands between `x1` and `x2`.
    fn finish(mut self) -> Vec<u8> {
        self.out.push((self.x1 >> 24) as u8);
        self.out
    }
}

struct Decoder<'a> {
    x1: u32,
    x2: u32,
    x: u32,
    bytes: std::slice::Iter<'a, u8>,
}

impl<'a> Decoder<'a> {
    fn new(bytes: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder {
            x1: 0,
            x2: u32::MAX,
            x: 0,
            bytes: bytes.iter(),
        };
        for _ in 0..4 {
            d.x = (d.x << 8) | d.next();
        }
        d
    }

    fn next(&mut self) -> u32 {
        self.bytes.next().map_or(255, |&b| u32::from(b))
    }

    fn decode(&mut self, p: u32) -> bool {
        let mid = self.x1 + ((self.x2 - self.x1) >> 12) * p;
        let bit = self.x <= mid;
        if bit {
            self.x2 = mid;
        } else {
            self.x1 = mid + 1;
        }
        while (self.x1 ^ self.x2) & 0xff00_0000 == 0 {
            self.x1 <<= 8;
            self.x2 = (self.x2 << 8) | 255;
            self.x = (self.x << 8) | self.next();
        }
        bit
    }
}

// ---- the model: five adaptive predictions, mixed ----

/// Hashed contexts per order (orders 1–4 share the sizes).
const TABLE_BITS: u32 = 17;
const INPUTS: usize = 6; // orders 0–4 and a bias
/// Learning rate of the mixer, in 1/1024 (larger learns faster).
const MIX_RATE: i32 = 24;
/// Bound of a mixer weight (16.16: ±16).
const MAX_WEIGHT: i32 = 16 << 16;
/// Most observations a slot counts before its rate stops falling.
const SLOT_LIMIT: u32 = 20;

/// Logistic function on 8.8 fixed point, to 12-bit probabilities (lpaq's
/// table, interpolated).
fn squash(d: i32) -> i32 {
    const T: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785, 3901,
        3975, 4024, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (T[i] * (128 - w) + T[i + 1] * w + 64) >> 7
}

struct Model {
    /// Inverse of [`squash`], by probability.
    stretch: Vec<i16>,
    /// Order 0: by the bits of the byte so far.
    t0: Vec<u32>,
    /// Orders 1–4: by a hash of the bytes before and the bits so far.
    tables: [Vec<u32>; 4],
    /// Mixer weights (16.16), a set per bit position's partial byte.
    weights: Vec<i32>,
    /// The slot each prediction came from, and the stretched predictions.
    slots: [usize; 5],
    inputs: [i32; INPUTS],
    mixed: i32,
    /// The byte so far, with a leading 1 (1..=255).
    c0: u32,
    /// The bytes before, newest in the low byte.
    history: u32,
    /// Per order, the hash of its context bytes (changes once a byte).
    hashes: [u32; 4],
}

/// A slot: probability of a 1 in the high 22 bits, observations in the low 10.
const HALF: u32 = 1 << 31;

impl Model {
    fn new() -> Model {
        let mut stretch = vec![0i16; 4096];
        let mut pi = 0usize;
        for x in -2047..=2047 {
            let v = squash(x) as usize;
            for s in stretch.iter_mut().take(v + 1).skip(pi) {
                *s = x as i16;
            }
            pi = pi.max(v + 1);
        }
        for s in stretch.iter_mut().skip(pi) {
            *s = 2047;
        }
        let table = || vec![HALF; 1 << TABLE_BITS];
        let mut m = Model {
            stretch,
            t0: vec![HALF; 256],
            tables: [table(), table(), table(), table()],
            weights: vec![(1 << 16) * 3 / 10; 256 * INPUTS],
            slots: [0; 5],
            inputs: [0; INPUTS],
            mixed: 2048,
            c0: 1,
            history: 0,
            hashes: [0; 4],
        };
        m.predict();
        m
    }

    /// The probability of a 1 for the next bit, 12 bits, never 0 or 4096.
    fn p(&self) -> u32 {
        self.mixed.clamp(1, 4095) as u32
    }

    fn predict(&mut self) {
        self.slots[0] = self.c0 as usize;
        for (i, h) in self.hashes.iter().enumerate() {
            let slot = (h.wrapping_add(self.c0.wrapping_mul(0x9E37_79B1)) >> (32 - TABLE_BITS)) as usize;
            self.slots[i + 1] = slot;
        }
        self.inputs[0] = self.stretch_of(self.t0[self.slots[0]]);
        for i in 0..4 {
            self.inputs[i + 1] = self.stretch_of(self.tables[i][self.slots[i + 1]]);
        }
        self.inputs[5] = 256;
        let w = &self.weights[self.c0 as usize * INPUTS..][..INPUTS];
        let dot: i64 = w
            .iter()
            .zip(&self.inputs)
            .map(|(&w, &x)| i64::from(w) * i64::from(x))
            .sum();
        self.mixed = squash((dot >> 16).clamp(-2047, 2047) as i32);
    }

    fn stretch_of(&self, slot: u32) -> i32 {
        i32::from(self.stretch[(slot >> 20) as usize])
    }

    fn update(&mut self, bit: bool) {
        // The mixer learns from its error.
        // (Error 12 bits, input 8.8, weight 16.16: the step is rate/1024.)
        let err = (i32::from(bit) << 12) - self.mixed;
        let base = self.c0 as usize * INPUTS;
        for (w, &x) in self.weights[base..base + INPUTS].iter_mut().zip(&self.inputs) {
            *w = (*w + ((x * err) >> 4) * MIX_RATE / 1024).clamp(-MAX_WEIGHT, MAX_WEIGHT);
        }
        // Each model moves toward what happened, fast at first.
        learn(&mut self.t0[self.slots[0]], bit);
        for i in 0..4 {
            learn(&mut self.tables[i][self.slots[i + 1]], bit);
        }
        self.c0 = (self.c0 << 1) | u32::from(bit);
        if self.c0 >= 256 {
            let byte = self.c0 & 255;
            self.history = (self.history << 8) | byte;
            self.c0 = 1;
            for (order, h) in self.hashes.iter_mut().enumerate() {
                let bytes = if order == 3 {
                    self.history
                } else {
                    self.history & ((1u32 << (8 * (order + 1))) - 1)
                };
                *h = bytes
                    .wrapping_add(order as u32 + 1)
                    .wrapping_mul(0x2F0F_3D4B)
                    .rotate_left(7)
                    .wrapping_mul(0x6F4F_2A35);
            }
        }
        self.predict();
    }
}

/// Moves a slot's probability toward `bit` by 1/(n + 1.5), n its
/// observations so far (capped), and counts this one.
fn learn(slot: &mut u32, bit: bool) {
    let n = *slot & 1023;
    let p = i64::from(*slot >> 10);
    let target = if bit { (1i64 << 22) - 1 } else { 0 };
    let p = p + (target - p) * 2 / (2 * i64::from(n) + 3);
    *slot = ((p as u32) << 10) | (n + 1).min(SLOT_LIMIT);
}
