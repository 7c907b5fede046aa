//! Bundle `drill`: the shell and the practice drills (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Drill),
        loyalty_lab::web::screens::drill,
    );
}
