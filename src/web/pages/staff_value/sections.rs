//! The two sections under the tenure curve of `#/staff-value`: a veteran of
//! 3 years against a newcomer (lecture 3's value of veterans), and what the
//! team's yearly turnover costs, with the course's 15–40 % range as a table.

use super::{pct, yuan};
use crate::models::staff_value::{Params, COURSE_RANGE, HORIZON, RISKY};
use crate::support::format::trim;
use crate::support::i18n::{tr, trf, Lang};
use yew::prelude::*;

/// What the course says veterans bring, in the app's words.
const VETERAN_ROLES: [&str; 4] = [
    "staff.role_train",
    "staff.role_focus",
    "staff.role_keep",
    "staff.role_refer",
];

pub fn veteran(lang: Lang, p: &Params) -> Html {
    let v = p.veteran();
    html! {
        <section aria-labelledby="staff-veteran-h">
            <h2 id="staff-veteran-h">{ tr(lang, "staff.veteran_h") }</h2>
            <dl class="stats">
                <div><dt>{ tr(lang, "staff.veteran_year") }</dt><dd data-testid="staff-veteran-year">{ yuan(v.veteran_year) }</dd></div>
                <div><dt>{ tr(lang, "staff.newcomer_year") }</dt><dd data-testid="staff-newcomer-year">{ yuan(v.newcomer_year) }</dd></div>
                <div><dt>{ tr(lang, "staff.veteran_gap") }</dt><dd data-testid="staff-veteran-gap">{ yuan(v.gap) }</dd></div>
            </dl>
            <p>{ trf(lang, "staff.veteran_text", &[
                ("vet", &yuan(v.veteran_output)),
                ("new", &yuan(v.newcomer_output)),
                ("gap", &yuan(v.gap)),
            ]) }</p>
            <ul class="insights">
                { for VETERAN_ROLES.iter().map(|k| html! { <li>{ tr(lang, k) }</li> }) }
            </ul>
        </section>
    }
}

pub fn turnover(lang: Lang, p: &Params) -> Html {
    let t = p.turnover_cost();
    html! {
        <section aria-labelledby="staff-turnover-h">
            <h2 id="staff-turnover-h">{ tr(lang, "staff.turnover_h") }</h2>
            <dl class="stats big">
                <div><dt>{ tr(lang, "staff.leavers") }</dt><dd data-testid="staff-leavers">{ trim(t.leavers, 1) }</dd></div>
                <div><dt>{ tr(lang, "staff.per_post") }</dt><dd data-testid="staff-per-post">{ yuan(t.per_post) }</dd></div>
                <div><dt>{ tr(lang, "staff.turnover_cost") }</dt><dd data-testid="staff-turnover-cost">{ yuan(t.yearly_cost) }</dd></div>
                <div><dt>{ tr(lang, "staff.turnover_share") }</dt><dd data-testid="staff-turnover-share">{ pct(t.share_of_output) }</dd></div>
            </dl>
            <table class="status-table" data-testid="staff-per-post-parts">
                <caption>{ tr(lang, "staff.parts_caption") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "staff.col_part") }</th>
                    <th scope="col">{ tr(lang, "staff.col_amount") }</th>
                </tr></thead>
                <tbody>
                    <tr><th scope="row">{ tr(lang, "staff.part_entry") }</th><td>{ yuan(p.entry_cost()) }</td></tr>
                    <tr><th scope="row">{ trf(lang, "staff.part_ramp", &[("n", &HORIZON.to_string())]) }</th>
                        <td data-testid="staff-ramp-gap">{ yuan(t.ramp_gap) }</td></tr>
                    <tr><th scope="row">{ trf(lang, "staff.part_early", &[("hires", &trim(t.hires_per_post, 2)), ("n", &RISKY.to_string())]) }</th>
                        <td data-testid="staff-early-part">{ yuan((t.hires_per_post - 1.0) * (p.entry_cost() + t.early_gap)) }</td></tr>
                    <tr class="current"><th scope="row">{ tr(lang, "staff.per_post") }</th><td>{ yuan(t.per_post) }</td></tr>
                </tbody>
            </table>
            <p class="hint">{ tr(lang, "staff.turnover_hint") }</p>
            <table class="status-table" data-testid="staff-range">
                <caption>{ trf(lang, "staff.range_caption", &[("team", &trim(p.team, 0))]) }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "staff.turnover") }</th>
                    <th scope="col">{ tr(lang, "staff.leavers") }</th>
                    <th scope="col">{ tr(lang, "staff.turnover_cost") }</th>
                </tr></thead>
                <tbody>
                    { for COURSE_RANGE.iter().map(|&y| {
                        let c = p.with_turnover(y).turnover_cost();
                        html! {
                            <tr class={classes!(((y - p.turnover).abs() < 1e-9).then_some("current"))}>
                                <th scope="row">{ pct(y) }</th>
                                <td>{ trim(c.leavers, 1) }</td>
                                <td data-testid={format!("staff-range-{}", trim(y * 100.0, 0))}>{ yuan(c.yearly_cost) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
