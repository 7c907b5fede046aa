//! General pieces with no knowledge of the course: the two languages and the
//! UI strings (`i18n`), numbers as screens show them (`format`), the normal form of free
//! text (`normalize`), a small sort for short lists (`sort`) and the QR
//! encoder for share links (`qr`).
//! They import nothing else of the crate; everything may import them.

pub mod format;
pub mod i18n;
pub mod normalize;
pub mod qr;
pub mod sort;
