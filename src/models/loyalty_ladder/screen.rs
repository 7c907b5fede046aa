//! What the ladder screen (lecture 11) keeps in its address: the mode
//! (`mode=own` for a firm's own counts, the simulation otherwise) and the
//! values of that mode, so a copied link reproduces the screen.

use super::own::Counts;
use super::params::Rates;
use crate::models::params::BadParam;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Sim,
    Own,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Screen {
    pub mode: Mode,
    pub rates: Rates,
    pub own: Counts,
}

impl Screen {
    pub fn from_query(pairs: &[(String, String)]) -> (Screen, Vec<BadParam>) {
        let mut bad = Vec::new();
        let mode = match pairs.iter().rev().find(|(k, _)| k == "mode") {
            None => Mode::Sim,
            Some((_, v)) => match v.trim() {
                "own" => Mode::Own,
                "sim" => Mode::Sim,
                _ => {
                    bad.push(BadParam {
                        name: "mode".into(),
                        value: v.clone(),
                    });
                    Mode::Sim
                }
            },
        };
        // Only the shown mode's values are read (and reported).
        let (mut rates, mut own) = (Rates::default(), Counts::default());
        match mode {
            Mode::Sim => {
                let (r, b) = Rates::from_query(pairs);
                rates = r;
                bad.extend(b);
            }
            Mode::Own => {
                let (c, b) = Counts::from_query(pairs);
                own = c;
                bad.extend(b);
            }
        }
        (Screen { mode, rates, own }, bad)
    }

    /// The shown mode's values as address pairs.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        match self.mode {
            Mode::Sim => pairs_of(&self.rates.to_query()),
            Mode::Own => {
                let mut q = vec![("mode".to_owned(), "own".to_owned())];
                q.extend(pairs_of(&self.own.to_query()));
                q
            }
        }
    }
}

/// `a=1&b=2` (numbers only, nothing to decode) as pairs.
fn pairs_of(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}
