//! Bundle `loyalty-profit`: the shell and loyalty over time (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::LoyaltyProfit),
        loyalty_lab::web::screens::loyalty_profit,
    );
}
