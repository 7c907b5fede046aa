//! Bundle `gaps`: the shell and the five service-quality gaps (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Gaps),
        loyalty_lab::web::screens::gaps,
    );
}
