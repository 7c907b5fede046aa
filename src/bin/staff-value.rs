//! Bundle `staff-value`: the shell and what a member of staff is worth by tenure (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::StaffValue),
        loyalty_lab::web::screens::staff_value,
    );
}
