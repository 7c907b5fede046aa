//! The entry point Trunk builds: starts the app in the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start();
}
