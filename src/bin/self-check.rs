//! Bundle `self-check`: the shell and the self-checks (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::SelfCheck),
        loyalty_lab::web::screens::self_check,
    );
}
