//! Bundle `value`: the shell and the value equation and expectations (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Value),
        loyalty_lab::web::screens::value,
    );
}
