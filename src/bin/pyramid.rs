//! Bundle `pyramid`: the shell and the customer pyramid (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Pyramid),
        loyalty_lab::web::screens::pyramid,
    );
}
