//! The browser side: yew components and the few browser services they need.
//! Thin by design — decisions live in the pure layers below (`models`,
//! `course`, `scoring`, `routing`, `progress`, `support`); this folder wires
//! them to the screen. Inside it imports run shell (`app`, `screens`,
//! `handoff`) → `pages` → shared pieces (`model_screen`, `share`, `stepper`,
//! `controls`, `charts`, `widgets`, `notices`) → services (`state`, `texts`,
//! `installed`, `router`, `storage`, `lms`, `fetch`, `keys`).

pub mod app;
pub mod bench;
pub mod charts;
pub mod controls;
pub mod download;
pub mod fetch;
pub mod handoff;
pub mod installed;
pub mod keys;
pub mod lms;
pub mod model_screen;
pub mod notices;
pub mod pages;
pub mod recovery;
pub mod router;
pub mod screens;
pub mod share;
pub mod state;
pub mod stepper;
pub mod storage;
pub mod texts;
pub mod update;
pub mod widgets;
