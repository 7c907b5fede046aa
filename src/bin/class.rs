//! Bundle `class`: the shell and the trainer's class view (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Class),
        loyalty_lab::web::screens::class,
    );
}
