//! The frame every model screen shares, so that a new one is mostly its own
//! model and chart (the idea of PhET's `ScreenView` with its Reset All button
//! and query-parameter schema). A screen says two things: its parameters (a
//! [`ModelParams`] type: how they read from and write to the address, and
//! whether they pack into one value for an A/B comparison) and how many story
//! steps it tells. [`use_model_screen`] gives back what the address holds
//! (bad values noticed, defaults kept), the A set, the step-through, one
//! callback that changes the address, and the shared pieces: the
//! bad-address notice, keep / clear A, the parameter sliders and the trainer
//! tools (reset all, share). The address stays the single source of truth:
//! every change rewrites it, so a copied link reproduces the screen.

use crate::models::params::{BadParam, ParamSet, Spec};
use crate::routing::route::{query_pairs, Route};
use crate::support::i18n::{tr, Lang};
use crate::web::controls::Slider;
use crate::web::router::{self, use_location};
use crate::web::share::TrainerTools;
use crate::web::stepper::{use_steps, Steps};
use crate::web::widgets::bad_params_notice;
use yew::prelude::*;

/// What a model screen keeps in its address.
pub trait ModelParams: Clone + Default + PartialEq + 'static {
    /// Reads the screen's parameters; a value that cannot be used is
    /// reported and keeps its default. Other names are left to others.
    fn read(pairs: &[(String, String)]) -> (Self, Vec<BadParam>);
    /// Every parameter as address pairs, exactly as they read back.
    fn write(&self) -> Vec<(String, String)>;
    /// For an A/B comparison: this set packed into the one value of
    /// `compare=`. None (the default): the screen has no A/B.
    fn pack(&self) -> Option<String> {
        None
    }
    /// A packed set read back on top of `self` (which supplies what the
    /// packed form does not carry); None if it cannot be used.
    fn unpack(&self, _packed: &str) -> Option<Self> {
        None
    }
}

/// A model screen's address, read, and the ways to change it.
#[derive(Clone, PartialEq)]
pub struct ModelScreen<P> {
    pub params: P,
    /// The A set of an A/B comparison, if the address holds one.
    pub compare: Option<P>,
    /// Everything in the address the screen could not use (for the notice).
    pub bad: Vec<BadParam>,
    /// The step-through's position (`reveal`).
    pub steps: Steps,
    route: Route,
    /// Test-id prefix (`smith` gives `smith-notice`, `smith-keep-a`, …).
    id: &'static str,
}

/// Reads the screen's parameters, its A set (`compare`) and its
/// step-through (`steps` story steps) from the address.
#[hook]
pub fn use_model_screen<P: ModelParams>(route: Route, id: &'static str, steps: usize) -> ModelScreen<P> {
    let pairs = query_pairs(&use_location().query);
    let (params, mut bad) = P::read(&pairs);
    // A screen without A/B leaves `compare` alone, like any name not its own.
    let ab = params.pack().is_some();
    let compare = match pairs.iter().rev().find(|(k, _)| ab && k == "compare") {
        Some((_, v)) => {
            let a = params.unpack(v);
            if a.is_none() {
                bad.push(BadParam {
                    name: "compare".into(),
                    value: v.clone(),
                });
            }
            a
        }
        None => None,
    };
    let steps = use_steps(steps);
    bad.extend(steps.bad.iter().cloned());
    ModelScreen {
        params,
        compare,
        bad,
        steps,
        route,
        id,
    }
}

impl<P: ModelParams> ModelScreen<P> {
    /// The screen's address for these parameters and A set, without the step.
    fn query(p: &P, a: Option<&P>) -> Vec<(String, String)> {
        let mut q = p.write();
        if let Some(packed) = a.and_then(P::pack) {
            q.push(("compare".into(), packed));
        }
        q
    }

    /// Changes the address to these parameters and A set, keeping the step
    /// shown (same history entry: a slider drag is one Back).
    pub fn go(&self) -> Callback<(P, Option<P>)> {
        let (route, steps) = (self.route.clone(), self.steps.clone());
        Callback::from(move |(p, a): (P, Option<P>)| router::replace(&route, &steps.keep(&Self::query(&p, a.as_ref()))))
    }

    /// Changes the parameters, keeping the A set.
    pub fn set(&self) -> Callback<P> {
        let (go, a) = (self.go(), self.compare.clone());
        Callback::from(move |p: P| go.emit((p, a.clone())))
    }

    /// "Keep as A": the current set becomes the comparison.
    pub fn keep_a(&self, lang: Lang) -> Html {
        let (go, p) = (self.go(), self.params.clone());
        let onclick = Callback::from(move |_| go.emit((p.clone(), Some(p.clone()))));
        html! {
            <button type="button" class="button" {onclick} data-testid={format!("{}-keep-a", self.id)}>{ tr(lang, "smith.keep_a") }</button>
        }
    }

    /// "Clear A": the comparison goes.
    pub fn clear_a(&self, lang: Lang) -> Html {
        let (go, p) = (self.go(), self.params.clone());
        let onclick = Callback::from(move |_| go.emit((p.clone(), None)));
        html! {
            <button type="button" class="button" {onclick} data-testid={format!("{}-clear-a", self.id)}>{ tr(lang, "smith.clear_a") }</button>
        }
    }

    /// What the screen says when the address held values it could not use.
    pub fn notice(&self, lang: Lang) -> Html {
        bad_params_notice(lang, &format!("{}-notice", self.id), &self.bad)
    }

    /// Reset all and share. `on_reset` clears what the screen keeps outside
    /// the address (the month shown, a figure's own state…).
    pub fn tools(&self, lang: Lang, on_reset: Callback<()>) -> Html {
        let canonical = self.steps.keep(&Self::query(&self.params, self.compare.as_ref()));
        html! {
            <TrainerTools route={self.route.clone()} {lang} id={self.id} {on_reset} {canonical}
                defaults={Self::query(&P::default(), None)} />
        }
    }
}

/// One labelled slider per parameter of `set` (ids `{id}-{key}`), each with
/// its callback from `use_slider_callbacks`; `label` names a parameter and
/// its unit. Percentages show 0–100.
pub fn sliders<S: ParamSet>(
    id: &str,
    lang: Lang,
    set: &S,
    on_change: &[Callback<f64>],
    label: impl Fn(S::Param) -> (String, String),
) -> Html {
    let slider = |s: &Spec<S::Param>, on_change: &Callback<f64>| {
        let scale = s.scale();
        let (name, unit) = label(s.param);
        html! {
            <Slider id={format!("{id}-{}", s.key.replace('_', "-"))} label={format!("{name} ({unit})")} {unit}
                value={set.get(s.param) * scale} min={s.min * scale} max={s.max * scale}
                step={s.step * scale} integer={s.integer} {lang} on_change={on_change.clone()} />
        }
    };
    S::SPECS.iter().zip(on_change).map(|(s, f)| slider(s, f)).collect()
}
