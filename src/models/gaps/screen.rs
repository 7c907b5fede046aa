//! What the five-gaps screen (lecture 9) keeps in its address: the chain's
//! parameters and the managers' importance order (`managers=safety,…`), so
//! a copied link reproduces the screen. An order that does not name every
//! attribute exactly once is reported and the case's order kept.

use super::params::Params;
use super::ranking::Order;
use crate::models::params::BadParam;

/// The address name of the managers' order.
pub const MANAGERS: &str = "managers";

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub params: Params,
    /// The managers' order the user has set (the case's by default).
    pub managers: Order,
}

impl Default for Screen {
    fn default() -> Self {
        Screen {
            params: Params::default(),
            managers: Order::MANAGERS,
        }
    }
}

impl Screen {
    pub fn from_query(pairs: &[(String, String)]) -> (Screen, Vec<BadParam>) {
        let (params, mut bad) = Params::from_query(pairs);
        let mut managers = Order::MANAGERS;
        for (k, v) in pairs.iter().filter(|(k, _)| k == MANAGERS) {
            match Order::parse(v) {
                Some(o) => managers = o,
                None => bad.push(BadParam {
                    name: k.clone(),
                    value: v.clone(),
                }),
            }
        }
        (Screen { params, managers }, bad)
    }

    /// Every value as address pairs, exactly as they read back.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut q: Vec<(String, String)> = self
            .params
            .to_query()
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        q.push((MANAGERS.to_owned(), self.managers.to_value()));
        q
    }
}
