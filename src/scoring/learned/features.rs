//! What the learned scorer knows about an answer: [`NAMES`] in order, each
//! scaled to about 0–1. The exemplars of the self-check ([`Bank`]) give the
//! nearest-neighbour features: the similarity-weighted mean grade of the
//! [`K`] most similar graded answers, how similar the nearest one is, its
//! grade and the mean of the 3 nearest, and how like the answer is to the
//! nearest exemplar in each grade band ([`BANDS`]).

use super::text::{counts, Vector};
use super::Exemplar;
use crate::course::selfcheck::SelfCheck;
use crate::scoring::copying::copied;
use crate::scoring::{Flag, Scored};
use crate::support::normalize::normalize;
use std::collections::{BTreeMap, HashMap};

/// Nearest exemplars averaged.
pub const K: usize = 5;

/// Grade bands (lower bound inclusive, upper exclusive) whose nearest
/// exemplar's similarity is a feature each: is the answer most like the
/// off-topic and copied ones, the weak, the partial, or the good?
pub const BANDS: [(f64, f64); 5] = [(0.0, 8.0), (8.0, 20.0), (20.0, 45.0), (45.0, 70.0), (70.0, 101.0)];

/// The features, in the order the model reads them.
pub const NAMES: [&str; 20] = [
    "rubric",
    "ideas_found",
    "length",
    "copied_flag",
    "keyword_list",
    "on_topic",
    "model_answer",
    "negated_ideas",
    "copied_share",
    "dismissal",
    "neighbours",
    "nearest",
    "neighbours_x_nearest",
    "nearest_grade",
    "nearest_3_grade",
    "like_band_0_8",
    "like_band_8_20",
    "like_band_20_45",
    "like_band_45_70",
    "like_band_70_100",
];

/// What the exemplars say about an answer (see [`Bank::neighbours`]).
struct Neighbours {
    /// Similarity-weighted mean grade of the K nearest, 0–1.
    mean: f64,
    /// Similarity of the nearest.
    nearest: f64,
    /// Grade of the nearest, and the mean grade of the 3 nearest, 0–1.
    top: [f64; 2],
    /// Similarity of the nearest exemplar in each of [`BANDS`].
    bands: [f64; 5],
}

/// Phrases that wave the case's problem away or agree with the mistake
/// ("nothing wrong", "没必要"): a reasoned answer may still come to the
/// wrong side, and graders mark it down for that.
const DISMISSALS: [&str; 26] = [
    "没问题",
    "没什么问题",
    "没啥",
    "没必要",
    "没用",
    "不需要",
    "不用",
    "不认为",
    "两全其美",
    "无可厚非",
    "没错",
    "不是问题",
    "nothing wrong",
    "no problem",
    "not needed",
    "do not think",
    "do not buy",
    "does not matter",
    "no need",
    "is fine",
    "nothing really",
    "their responsibility",
    "fair enough",
    "makes sense",
    "pointless",
    "waste",
];

/// How much of normalised `norm` waves the problem away (0–1).
pub fn dismissal(norm: &str) -> f64 {
    (DISMISSALS.iter().map(|d| norm.matches(d).count()).sum::<usize>() as f64 / 3.0).min(1.0)
}

/// A self-check's graded exemplars, prepared for comparison (tf-idf over
/// the exemplars), with its case, question and model answer.
pub struct Bank {
    vectors: Vec<Vector>,
    grades: Vec<f64>,
    df: HashMap<String, f64>,
    topic: Vector,
    model: [Vector; 2],
    sources: [String; 4],
}

impl Bank {
    pub fn new(exercise: &SelfCheck, exemplars: &[Exemplar]) -> Bank {
        let bags: Vec<BTreeMap<String, f64>> = exemplars.iter().map(|e| counts(&e.answer)).collect();
        let mut df: HashMap<String, f64> = HashMap::new();
        for bag in &bags {
            for k in bag.keys() {
                *df.entry(k.clone()).or_insert(0.0) += 1.0;
            }
        }
        let (c, q, m) = (&exercise.case, &exercise.question, &exercise.model_answer);
        let mut bank = Bank {
            vectors: Vec::new(),
            grades: exemplars.iter().map(|e| e.grade).collect(),
            df,
            topic: Vector::new(&counts(&format!("{} {} {} {}", c.zh, c.en, q.zh, q.en)), None),
            model: [Vector::new(&counts(&m.zh), None), Vector::new(&counts(&m.en), None)],
            sources: [c.zh.clone(), c.en.clone(), q.zh.clone(), q.en.clone()],
        };
        bank.vectors = bags.iter().map(|b| bank.weigh(b)).collect();
        bank
    }

    fn weigh(&self, bag: &BTreeMap<String, f64>) -> Vector {
        let n = self.grades.len() as f64;
        let idf = |k: &str| ((n + 1.0) / (self.df.get(k).copied().unwrap_or(0.0) + 1.0)).ln() + 1.0;
        Vector::new(bag, Some(&idf))
    }

    /// What the nearest exemplars say, leaving out exemplar `skip`.
    fn neighbours(&self, v: &Vector, skip: Option<usize>) -> Neighbours {
        let mut sims: Vec<(f64, f64)> = self
            .vectors
            .iter()
            .zip(&self.grades)
            .enumerate()
            .filter(|(i, _)| Some(*i) != skip)
            .map(|(_, (e, &g))| (v.cosine(e), g))
            .collect();
        if sims.is_empty() {
            return Neighbours {
                mean: 0.5,
                nearest: 0.0,
                top: [0.5; 2],
                bands: [0.0; 5],
            };
        }
        sims.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut bands = [0.0; 5];
        for (band, (lo, hi)) in bands.iter_mut().zip(BANDS) {
            *band = sims.iter().find(|(_, g)| (lo..hi).contains(g)).map_or(0.0, |s| s.0);
        }
        let grade_mean = |sims: &[(f64, f64)], n: usize| {
            let n = n.min(sims.len());
            sims[..n].iter().map(|s| s.1).sum::<f64>() / n as f64 / 100.0
        };
        let top = [sims[0].1 / 100.0, grade_mean(&sims, 3)];
        sims.truncate(K);
        let total: f64 = sims.iter().map(|s| s.0).sum();
        let mean = if total > 0.0 {
            sims.iter().map(|(s, g)| s * g).sum::<f64>() / total / 100.0
        } else {
            grade_mean(&sims, K)
        };
        Neighbours {
            mean,
            nearest: sims[0].0,
            top,
            bands,
        }
    }
}

/// The feature vector of `answer`, read by the rubric as `scored`;
/// `skip` leaves the answer's own exemplar out when it is in the bank.
pub fn features(exercise: &SelfCheck, answer: &str, scored: &Scored, bank: &Bank, skip: Option<usize>) -> Vec<f64> {
    let norm = normalize(answer);
    let chars = norm.chars().filter(|c| !c.is_whitespace()).count() as f64;
    let bag = counts(answer);
    let plain = Vector::new(&bag, None);
    let near = bank.neighbours(&bank.weigh(&bag), skip);
    let found = scored.ideas.iter().filter(|i| i.found).count() as f64 / exercise.ideas.len().max(1) as f64;
    let negated = scored.flags.iter().filter(|f| matches!(f, Flag::Negated(_))).count() as f64;
    let sources: Vec<&str> = bank.sources.iter().map(String::as_str).collect();
    let (copied_share, _) = copied(&norm, &sources);
    vec![
        f64::from(scored.score) / 100.0,
        found,
        (1.0 + chars).ln() / 401f64.ln(),
        f64::from(u8::from(scored.flags.contains(&Flag::Copied))),
        f64::from(u8::from(scored.flags.contains(&Flag::KeywordList))),
        plain.cosine(&bank.topic),
        plain.cosine(&bank.model[0]).max(plain.cosine(&bank.model[1])),
        negated.min(2.0) / 2.0,
        copied_share,
        dismissal(&norm),
        near.mean,
        near.nearest,
        near.mean * near.nearest,
        near.top[0],
        near.top[1],
        near.bands[0],
        near.bands[1],
        near.bands[2],
        near.bands[3],
        near.bands[4],
    ]
}
