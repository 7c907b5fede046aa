//! What the learned scorer knows about an answer: [`NAMES`] in order, each
//! scaled to about 0–1. The exemplars of the self-check ([`Bank`]) give the
//! nearest-neighbour features: the similarity-weighted mean grade of the
//! [`K`] most similar graded answers, and how similar the nearest one is.

use super::text::{counts, Vector};
use super::Exemplar;
use crate::course::selfcheck::SelfCheck;
use crate::scoring::copying::copied;
use crate::scoring::{Flag, Scored};
use crate::support::normalize::normalize;
use std::collections::{BTreeMap, HashMap};

/// Nearest exemplars averaged.
pub const K: usize = 5;

/// The features, in the order the model reads them.
pub const NAMES: [&str; 13] = [
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
];

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

    /// Similarity-weighted mean grade (0–1) of the [`K`] nearest exemplars
    /// and the similarity of the nearest, leaving out exemplar `skip`.
    fn neighbours(&self, v: &Vector, skip: Option<usize>) -> (f64, f64) {
        let mut sims: Vec<(f64, f64)> = self
            .vectors
            .iter()
            .zip(&self.grades)
            .enumerate()
            .filter(|(i, _)| Some(*i) != skip)
            .map(|(_, (e, &g))| (v.cosine(e), g))
            .collect();
        if sims.is_empty() {
            return (0.5, 0.0);
        }
        sims.sort_by(|a, b| b.0.total_cmp(&a.0));
        sims.truncate(K);
        let total: f64 = sims.iter().map(|s| s.0).sum();
        let mean = if total > 0.0 {
            sims.iter().map(|(s, g)| s * g).sum::<f64>() / total
        } else {
            sims.iter().map(|s| s.1).sum::<f64>() / sims.len() as f64
        };
        (mean / 100.0, sims[0].0)
    }
}

/// The feature vector of `answer`, read by the rubric as `scored`;
/// `skip` leaves the answer's own exemplar out when it is in the bank.
pub fn features(exercise: &SelfCheck, answer: &str, scored: &Scored, bank: &Bank, skip: Option<usize>) -> Vec<f64> {
    let norm = normalize(answer);
    let chars = norm.chars().filter(|c| !c.is_whitespace()).count() as f64;
    let bag = counts(answer);
    let plain = Vector::new(&bag, None);
    let (near, nearest) = bank.neighbours(&bank.weigh(&bag), skip);
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
        near,
        nearest,
        near * nearest,
    ]
}
