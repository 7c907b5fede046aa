//! Bundle `map`: the shell and the course map, lectures and my progress (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Map),
        loyalty_lab::web::screens::map,
    );
}
