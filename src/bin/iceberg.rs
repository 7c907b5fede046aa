//! Bundle `iceberg`: the shell and the complaint iceberg and Heinrich's 1 : 29 : 300 (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Iceberg),
        loyalty_lab::web::screens::iceberg,
    );
}
