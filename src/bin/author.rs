//! Bundle `author`: the shell and a trainer's own material (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Author),
        loyalty_lab::web::screens::author,
    );
}
