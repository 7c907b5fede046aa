//! Bundle `emotion-line`: the shell and the complaint emotion line and role-play (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::EmotionLine),
        loyalty_lab::web::screens::emotion_line,
    );
}
