//! Bundle `mirror`: the shell and the satisfaction mirror (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Mirror),
        loyalty_lab::web::screens::mirror,
    );
}
