//! Draws each line of standard input as the app draws a link's QR code:
//! prints `side version level path` per line (`tests/data/qr_check.py
//! decode` reads these back with two decoders).

use loyalty_lab::support::qr::{Ecc, Qr};
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        match Qr::for_link(&line) {
            Ok(qr) => {
                let ecc = if qr.ecc == Ecc::Low { "L" } else { "M" };
                println!("{} {} {} {}", qr.size() + 8, qr.version, ecc, qr.svg_path(4));
            }
            Err(e) => println!("0 0 - too long: {} of {} bytes", e.len, e.max),
        }
    }
}
