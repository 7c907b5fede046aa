//! A labelled slider and number field kept in sync, for any model parameter.
//! The field accepts typing freely; a value that is not a number or is out
//! of range shows a message beside the field and changes nothing.

use crate::support::format::trim;
use crate::support::format::Num;
use crate::support::i18n::{trf, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SliderProps {
    /// Unique id stem (used for the label/ids and `data-testid`s).
    pub id: AttrValue,
    pub label: AttrValue,
    /// Unit shown after the field ("$", "%", "people").
    pub unit: AttrValue,
    /// Value in display units (already ×100 for percentages).
    pub value: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Whole numbers only.
    pub integer: bool,
    pub lang: Lang,
    /// Emits a new valid value in display units.
    pub on_change: Callback<f64>,
}

/// Decimals worth showing for a step.
fn decimals(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

/// Parses a typed value: full-width digits, thousands separators
/// (`1,200`, `1 200`), a decimal comma (`1,5` is 1.5: a comma not followed by groups
/// of three digits cannot be a thousands separator), units and spaces.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            '，' => ',',
            c => c,
        })
        .filter(|c| *c != '%' && *c != '$' && *c != '¥')
        .collect();
    let cleaned = cleaned.trim();
    let int_part = cleaned.split('.').next().unwrap_or("");
    let thousands = int_part
        .split([',', ' '])
        .skip(1)
        .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let cleaned = if thousands {
        cleaned.replace([',', ' '], "")
    } else if !cleaned.contains(['.', ' ']) && cleaned.matches(',').count() == 1 {
        cleaned.replace(',', ".")
    } else {
        return None;
    };
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// One `on_change` per slider (one per entry of `params`), the same objects
/// on every render, each calling this render's `f` with its parameter: yew
/// compares callbacks by identity, so a change renders again only the slider
/// whose value moved.
#[hook]
pub fn use_slider_callbacks<P: Copy + 'static>(params: Vec<P>, f: Callback<(P, f64)>) -> Rc<Vec<Callback<f64>>> {
    let latest = use_mut_ref(|| f.clone());
    *latest.borrow_mut() = f;
    use_memo((), move |_| {
        params
            .into_iter()
            .map(|param| {
                let latest = latest.clone();
                Callback::from(move |value: f64| {
                    let f = latest.borrow().clone();
                    f.emit((param, value));
                })
            })
            .collect()
    })
}

#[function_component]
pub fn Slider(p: &SliderProps) -> Html {
    let shown = trim(p.value, decimals(p.step).max(if p.integer { 0 } else { 2 })).replace(',', "");
    let draft = use_state(|| shown.clone());
    let error = use_state(|| None::<String>);
    // Follow outside changes (slider, reset, address) unless the draft
    // already says the same number (so "12." stays while typing "12.5").
    {
        let draft = draft.clone();
        let error = error.clone();
        use_effect_with((p.value, shown.clone()), move |(value, shown)| {
            if parse_number(&draft).is_none_or(|d| (d - value).abs() > 1e-9) {
                draft.set(shown.clone());
                error.set(None);
            }
        });
    }
    let range_input = {
        let on_change = p.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(v) = parse_number(&input.value()) {
                on_change.emit(v);
            }
        })
    };
    let field_input = {
        let (on_change, draft, error) = (p.on_change.clone(), draft.clone(), error.clone());
        let (min, max, integer, lang) = (p.min, p.max, p.integer, p.lang);
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            draft.set(text.clone());
            let range = [
                ("min", trim(min, 2).replace(',', "")),
                ("max", trim(max, 2).replace(',', "")),
            ];
            let args: Vec<(&str, &str)> = range.iter().map(|(k, v)| (*k, v.as_str())).collect();
            match parse_number(&text) {
                None => error.set(Some(trf(lang, "control.not_number", &args))),
                Some(v) if v < min || v > max => error.set(Some(trf(lang, "control.out_of_range", &args))),
                Some(v) if integer && v.fract() != 0.0 => error.set(Some(trf(lang, "control.whole", &args))),
                Some(v) => {
                    error.set(None);
                    on_change.emit(v);
                }
            }
        })
    };
    let id = &p.id;
    let label_id = format!("{id}-label");
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("control", error.is_some().then_some("invalid"))}>
            <label id={label_id.clone()} for={format!("{id}-field")}>{ &p.label }</label>
            <div class="control-row">
                <input type="range" id={format!("{id}-range")} aria-labelledby={label_id}
                    min={p.min.num()} max={p.max.num()} step={p.step.num()}
                    value={p.value.num()} oninput={range_input}
                    data-testid={format!("{id}-range")} />
                <span class="field">
                    <input type="text" inputmode="decimal" id={format!("{id}-field")} value={(*draft).clone()}
                        oninput={field_input} aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then(|| error_id.clone())}
                        data-testid={format!("{id}-field")} size="7" autocomplete="off" />
                    <span class="unit" aria-hidden="true">{ &p.unit }</span>
                </span>
            </div>
            if let Some(msg) = &*error {
                <p class="control-error" id={error_id} role="alert">{ msg }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_typed_numbers() {
        assert_eq!(parse_number(" 1,200 "), Some(1200.0));
        assert_eq!(parse_number("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("１２，５"), Some(12.5));
        assert_eq!(parse_number("1,5,0"), None);
        assert_eq!(parse_number("1,5.0"), None);
        assert_eq!(parse_number("５０"), Some(50.0));
        assert_eq!(parse_number("12．5"), Some(12.5));
        assert_eq!(parse_number("25%"), Some(25.0));
        assert_eq!(parse_number("$50"), Some(50.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }
}
