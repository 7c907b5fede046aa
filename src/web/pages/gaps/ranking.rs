//! The airline case's importance orders: the managers' order as a list the
//! user rearranges with Up / Down buttons (native, labelled, focus kept on
//! the moved item, the move announced), the passengers' order beside it,
//! Spearman's ρ as a number and in words, a slope chart joining each
//! attribute's two ranks, and a table of the ranks (its text equivalent).

use super::rho_text;
use crate::models::gaps::ranking::N;
use crate::models::gaps::{Agreement, Attr, Order};
use crate::support::format::fixed;
use crate::support::format::Num;
use crate::support::i18n::{tr, trf, Lang};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub fn attr_name(lang: Lang, a: Attr) -> String {
    tr(
        lang,
        match a {
            Attr::Punctuality => "gaps.attr_punctuality",
            Attr::Comfort => "gaps.attr_comfort",
            Attr::Baggage => "gaps.attr_baggage",
            Attr::Safety => "gaps.attr_safety",
            Attr::Courtesy => "gaps.attr_courtesy",
            Attr::Meals => "gaps.attr_meals",
        },
    )
}

/// ρ's band in a sentence.
pub fn agreement_words(lang: Lang, a: Agreement) -> String {
    tr(
        lang,
        match a {
            Agreement::Same => "gaps.agree_same",
            Agreement::Broadly => "gaps.agree_broadly",
            Agreement::Little => "gaps.agree_little",
            Agreement::Unrelated => "gaps.agree_unrelated",
            Agreement::Leaning => "gaps.agree_leaning",
            Agreement::Opposite => "gaps.agree_opposite",
            Agreement::Reversed => "gaps.agree_reversed",
        },
    )
}

fn list(lang: Lang, items: impl Iterator<Item = String>) -> String {
    items
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub managers: Order,
    pub on_order: Callback<Order>,
}

#[function_component]
pub fn Ranking(p: &Props) -> Html {
    let (lang, managers) = (p.lang, p.managers);
    // The button to focus once the moved list has rendered, and what the
    // last move did (announced).
    let pending = use_mut_ref(|| None::<String>);
    let status = use_state(String::new);
    {
        let pending = pending.clone();
        use_effect_with(managers, move |_| {
            let id = pending.borrow_mut().take();
            let el = id.and_then(|id| gloo::utils::document().get_element_by_id(&id));
            if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    }
    let mover = |i: usize, up: bool| {
        let (on_order, pending, status) = (p.on_order.clone(), pending.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let next = managers.moved(i, up);
            let attr = managers.attrs()[i];
            let to = next.rank(attr);
            // Keep the focus on the same button unless it has just become disabled.
            let dir = if (up && to == 1) || (!up && to == N) { !up } else { up };
            *pending.borrow_mut() = Some(format!("gaps-{}-{}", if dir { "up" } else { "down" }, attr.key()));
            status.set(trf(
                lang,
                "gaps.moved",
                &[
                    ("name", &attr_name(lang, attr)),
                    ("pos", &to.to_string()),
                    ("n", &N.to_string()),
                ],
            ));
            on_order.emit(next);
        })
    };
    let preset = |order: Order, id: &'static str, key: &'static str| {
        let (on_order, status) = (p.on_order.clone(), status.clone());
        html! {
            <button type="button" class="button" aria-pressed={(order == managers).to_string()}
                data-testid={format!("gaps-order-{id}")}
                onclick={Callback::from(move |_| { status.set(String::new()); on_order.emit(order) })}>
                { tr(lang, key) }
            </button>
        }
    };
    let passengers = Order::PASSENGERS;
    let rho = passengers.spearman(&managers);
    let (far, by) = passengers.furthest_apart(&managers);
    let furthest = if far.is_empty() {
        tr(lang, "gaps.furthest_none")
    } else {
        trf(
            lang,
            "gaps.furthest",
            &[
                ("names", &list(lang, far.iter().map(|&a| attr_name(lang, a)))),
                ("by", &by.to_string()),
            ],
        )
    };

    html! {
        <section class="gaps-rank" aria-labelledby="gaps-rank-h">
            <h2 id="gaps-rank-h">{ tr(lang, "gaps.rank_h") }</h2>
            <p>{ tr(lang, "gaps.rank_lead") }</p>
            <div class="gaps-orders">
                <div>
                    <h3 id="gaps-managers-h">{ tr(lang, "gaps.managers_h") }</h3>
                    <ol class="order gaps-order" aria-labelledby="gaps-managers-h" data-testid="gaps-managers">
                        { for managers.attrs().iter().enumerate().map(|(i, &a)| {
                            let name = attr_name(lang, a);
                            html! {
                                <li key={a.key()} data-testid={format!("gaps-managers-{i}")}>
                                    <span>{ name.clone() }</span>
                                    <button type="button" class="button small" id={format!("gaps-up-{}", a.key())}
                                        aria-label={trf(lang, "gaps.move_up", &[("name", &name)])} disabled={i == 0}
                                        onclick={mover(i, true)} data-testid={format!("gaps-up-{}", a.key())}>
                                        <span aria-hidden="true">{ "↑" }</span>
                                    </button>
                                    <button type="button" class="button small" id={format!("gaps-down-{}", a.key())}
                                        aria-label={trf(lang, "gaps.move_down", &[("name", &name)])} disabled={i + 1 == N}
                                        onclick={mover(i, false)} data-testid={format!("gaps-down-{}", a.key())}>
                                        <span aria-hidden="true">{ "↓" }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                    <p class="sr-only" role="status" data-testid="gaps-rank-status">{ (*status).clone() }</p>
                    <div class="toolbar" role="group" aria-label={tr(lang, "gaps.managers_h")}>
                        { preset(Order::MANAGERS, "case", "gaps.order_case") }
                        { preset(passengers, "passengers", "gaps.order_passengers") }
                        { preset(passengers.reversed(), "reversed", "gaps.order_reversed") }
                    </div>
                </div>
                <div>
                    <h3 id="gaps-passengers-h">{ tr(lang, "gaps.passengers_h") }</h3>
                    <ol class="gaps-order fixed" aria-labelledby="gaps-passengers-h" data-testid="gaps-passengers">
                        { for passengers.attrs().iter().map(|&a| html! { <li>{ attr_name(lang, a) }</li> }) }
                    </ol>
                </div>
            </div>
            <p class="gaps-agreement">
                { tr(lang, "gaps.agreement") }{ " " }<strong data-testid="gaps-rank-agreement">{ rho_text(rho) }</strong>
            </p>
            <p class="message info" data-testid="gaps-rank-words">
                { agreement_words(lang, Agreement::of(rho)) }{ " " }{ furthest }
            </p>
            { slope_chart(lang, &passengers, &managers) }
            { rank_table(lang, &passengers, &managers) }
            <p class="hint">{ tr(lang, "gaps.rank_gap1") }</p>
        </section>
    }
}

/// Each attribute's rank for passengers (left) joined to its rank for
/// managers (right): parallel lines where they agree, crossings where not.
fn slope_chart(lang: Lang, passengers: &Order, managers: &Order) -> Html {
    let (lx, rx, top, row) = (180.0, 320.0, 40.0, 34.0);
    let y = |rank: usize| top + (rank as f64 - 1.0) * row;
    let h = y(N) + 18.0;
    let desc = trf(
        lang,
        "gaps.slope_desc",
        &[(
            "list",
            &list(
                lang,
                passengers.attrs().iter().map(|&a| {
                    trf(
                        lang,
                        "gaps.slope_item",
                        &[
                            ("name", &attr_name(lang, a)),
                            ("p", &passengers.rank(a).to_string()),
                            ("m", &managers.rank(a).to_string()),
                        ],
                    )
                }),
            ),
        )],
    );
    html! {
        <figure class="chart gaps-slope">
            <svg viewBox={format!("0 0 500 {}", fixed(h, 0))} role="img" aria-labelledby="gaps-slope-title gaps-slope-desc" data-testid="gaps-rank-chart">
                <title id="gaps-slope-title">{ tr(lang, "gaps.slope_title") }</title>
                <desc id="gaps-slope-desc">{ desc }</desc>
                <text class="side" x={lx.num()} y="16" text-anchor="middle">{ tr(lang, "gaps.passengers_short") }</text>
                <text class="side" x={rx.num()} y="16" text-anchor="middle">{ tr(lang, "gaps.managers_short") }</text>
                { for Attr::ALL.iter().map(|&a| {
                    let (rp, rm) = (passengers.rank(a), managers.rank(a));
                    let far = rp.abs_diff(rm) >= 3;
                    let name = attr_name(lang, a);
                    html! {
                        <g class={classes!("rank", far.then_some("far"))}>
                            <line x1={lx.num()} x2={rx.num()} y1={y(rp).num()} y2={y(rm).num()} />
                            <circle cx={lx.num()} cy={y(rp).num()} r="4" />
                            <circle cx={rx.num()} cy={y(rm).num()} r="4" />
                            <text x={(lx - 10.0).num()} y={(y(rp) + 4.5).num()} text-anchor="end">{ format!("{rp}. {name}") }</text>
                            <text x={(rx + 10.0).num()} y={(y(rm) + 4.5).num()}>{ format!("{rm}. {name}") }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// Ranks side by side and how far apart they are.
fn rank_table(lang: Lang, passengers: &Order, managers: &Order) -> Html {
    html! {
        <table class="status-table gaps-ranks" data-testid="gaps-rank-table">
            <caption>{ tr(lang, "gaps.ranks_caption") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "gaps.col_attr") }</th>
                <th scope="col">{ tr(lang, "gaps.passengers_short") }</th>
                <th scope="col">{ tr(lang, "gaps.managers_short") }</th>
                <th scope="col">{ tr(lang, "gaps.col_apart") }</th>
            </tr></thead>
            <tbody>
                { for passengers.attrs().iter().map(|&a| {
                    let (rp, rm) = (passengers.rank(a), managers.rank(a));
                    html! {
                        <tr>
                            <th scope="row">{ attr_name(lang, a) }</th>
                            <td>{ rp }</td>
                            <td data-testid={format!("gaps-rank-{}", a.key())}>{ rm }</td>
                            <td>{ rp.abs_diff(rm) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
