//! The parameter tables of every model: each parameter once, with a name,
//! a sensible range and a default inside it; query and compact forms read
//! back exactly; bad values are refused.

use loyalty_lab::models::params::{ParamSet, Spec};
use loyalty_lab::models::{mirror, smith};
use loyalty_lab::routing::route::query_pairs;

fn check_table<S: ParamSet + std::fmt::Debug + PartialEq>() {
    let specs: &[Spec<S::Param>] = S::SPECS;
    let mut keys: Vec<_> = specs.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), specs.len(), "duplicate keys");
    for s in specs {
        assert_eq!(S::spec_of(s.param).key, s.key, "a parameter is listed twice");
        assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
        assert!(s.step > 0.0, "{}", s.key);
        assert_eq!(s.check(s.default), Ok(()), "{}", s.key);
        assert!(
            s.check(s.max + s.step).is_err() && s.check(f64::NAN).is_err(),
            "{}",
            s.key
        );
    }
    let d = S::default();
    assert!(d.first_invalid().is_none());
    // Query and compact forms read back exactly, from any valid values.
    let mut odd = d;
    for s in specs {
        odd.set(
            s.param,
            if s.integer {
                s.max
            } else {
                s.min + (s.max - s.min) / 3.0
            },
        );
    }
    let mut back = S::default();
    let mut bad = Vec::new();
    back.read_query(&query_pairs(&odd.write_query()), &mut bad);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(back, odd);
    assert_eq!(d.read_compact(&odd.compact()), Some(odd));
    assert_eq!(d.read_compact("1,2"), None);
}

#[test]
fn smith_table_is_sound() {
    check_table::<smith::Params>();
}

#[test]
fn mirror_table_is_sound() {
    check_table::<mirror::Levers>();
}
