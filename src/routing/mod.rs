//! Where a screen lives: its address (`route`: hash paths, the global query,
//! the step-through position, reset and share queries) and the WebAssembly
//! file that holds it (`bundle`). Pure: the browser side is `web::router`.

pub mod bundle;
pub mod route;
