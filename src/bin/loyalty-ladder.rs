//! Bundle `loyalty-ladder`: the shell and the loyalty ladder and its ten KPIs (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::LoyaltyLadder),
        loyalty_lab::web::screens::loyalty_ladder,
    );
}
