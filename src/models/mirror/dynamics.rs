//! The monthly system-dynamics step of the mirror: customer and staff
//! satisfaction, knowledge of preferences, the voice of staff, retention and
//! profit, each moving toward where its loops pull it; the starting firm
//! every run begins from; `run` for the months the levers ask for.

use super::levers::{LeverError, Levers};
use super::loops::{Loop, LOOPS};
use super::run::{classify, cumulative, Class, Month, Run, MARKET, PROFIT_MAX, PROFIT_MIN, TENURE_MAX};
use super::staff::{age, hazards, leaving, productivity, steady_staff, tenure, COHORTS};

const CS_RATE: f64 = 0.12;
const ES_RATE: f64 = 0.15;
const KNOWLEDGE_RATE: f64 = 0.08;
const RETENTION_RATE: f64 = 0.15;
const VOICE_RATE: f64 = 0.2;

/// The stocks.
#[derive(Clone, Copy, Debug, PartialEq)]
struct State {
    cs: f64,
    es: f64,
    knowledge: f64,
    retention: f64,
    voice_share: f64,
    customers: f64,
    /// Share of staff by months of tenure; sums to 1.
    staff: [f64; COHORTS],
}

/// The starting firm and the reference points its loops are measured from.
#[derive(Clone, Copy, Debug)]
struct Firm {
    state: State,
    quality: f64,
    heard: f64,
    efficiency: f64,
    /// Word-of-mouth rate that keeps its customer base steady.
    wom: f64,
    /// Its raw profit: the index's 100.
    profit: f64,
}

/// Levers as fractions.
#[derive(Clone, Copy)]
struct Frac {
    t: f64,
    e: f64,
    p: f64,
    h: f64,
    v: f64,
    d: f64,
}

impl Frac {
    fn of(l: &Levers) -> Frac {
        Frac {
            t: l.training / 100.0,
            e: l.empowerment / 100.0,
            p: l.pay / 100.0,
            h: l.hiring / 100.0,
            v: l.voice / 100.0,
            d: l.promo / 100.0,
        }
    }
}

/// Yearly turnover (%) past the risky months: the baseline lever scaled by
/// es, pay and hiring (equal to the lever at es 60 and middling pay and
/// hiring).
fn firm_turnover(l: &Levers, f: Frac, es: f64) -> f64 {
    let m = (-(es - 60.0) / 50.0 - 0.5 * (f.p - 0.5) / 0.5 - 0.3 * (f.h - 0.5) / 0.5).exp();
    (l.turnover * m).clamp(0.0, 100.0)
}

fn quality(es: f64, productivity: f64, f: Frac) -> f64 {
    (0.3 * es / 100.0 + 0.4 * productivity + 0.15 * f.t + 0.15 * f.h).clamp(0.0, 1.0)
}

fn effectiveness(es: f64, f: Frac) -> f64 {
    0.2 + 0.5 * f.e + 0.3 * es / 100.0
}

fn efficiency(retention: f64, knowledge: f64) -> f64 {
    0.5 * retention + 0.5 * knowledge / 100.0
}

fn target_voice(es: f64, f: Frac) -> f64 {
    let relay = 0.45 + 0.5 * (es / 100.0 + f.e);
    0.16 * f.v + 0.46 * f.v * relay
}

fn target_retention(cs: f64, heard: f64, f: Frac) -> f64 {
    0.93 - 0.55 * (1.0 - cs / 100.0) * (1.0 - heard) - 0.2 * f.d
}

/// Raw profit (not yet an index).
fn raw_profit(s: &State, f: Frac, productivity: f64, left: f64) -> f64 {
    let c = s.customers / 1000.0;
    let revenue = c * (0.85 + 0.2 * s.retention) * (1.0 - 0.1 * f.d);
    let serving = c * 0.35 * (1.3 - 0.6 * efficiency(s.retention, s.knowledge));
    let wage = 0.25 * (0.8 + 0.4 * f.p);
    let staff = c * wage / (0.4 + 0.6 * productivity);
    let replacing = c * wage * 2.0 * left;
    revenue - serving - staff - replacing - 0.04 * f.t - 0.02 * f.v * c
}

/// The middling firm every run starts from: cs and es 60, 1000 customers,
/// and every other stock where the default levers hold it steady.
fn firm() -> Firm {
    let f = Frac::of(&Levers::default());
    let (cs, es) = (60.0, 60.0);
    let q = hazards(firm_turnover(&Levers::default(), f, es), f.t);
    let staff = steady_staff(&q);
    let left = leaving(&staff, &q);
    let prod = productivity(&staff, f.t);
    let voice_share = target_voice(es, f);
    let heard = voice_share * effectiveness(es, f);
    let retention = target_retention(cs, heard, f);
    let knowledge = KNOWLEDGE_RATE * 100.0 * retention / (KNOWLEDGE_RATE + 0.5 * left);
    let state = State {
        cs,
        es,
        knowledge,
        retention,
        voice_share,
        customers: 1000.0,
        staff,
    };
    let churn = 1.0 - retention.powf(1.0 / 12.0);
    let wom = churn / ((cs / 100.0_f64).powi(2) * (1.0 - 1000.0 / MARKET));
    let raw = raw_profit(&state, f, prod, left);
    Firm {
        state,
        quality: quality(es, prod, f),
        heard,
        efficiency: efficiency(retention, knowledge),
        wom,
        profit: if raw > 0.0 { raw } else { 1.0 },
    }
}

/// One month forward: the new state and its record.
fn step(s: &State, firm: &Firm, l: &Levers, m: u32) -> (State, Month) {
    let f = Frac::of(l);
    let prod = productivity(&s.staff, f.t);
    let qual = quality(s.es, prod, f);
    let heard = s.voice_share * effectiveness(s.es, f);
    let start = &firm.state;

    // Customer satisfaction.
    let k_term = 20.0 * (s.knowledge - start.knowledge) / 50.0;
    let q_term = 30.0 * (qual - firm.quality) / 0.5;
    let r_term = 30.0 * (1.0 - qual) * (heard - firm.heard);
    let cs = s.cs + CS_RATE * (start.cs + k_term + q_term + r_term - s.cs);

    // Employee satisfaction.
    let a_term = 20.0 * (s.cs - start.cs) / 50.0;
    let e_term = 5.0 * (efficiency(s.retention, s.knowledge) - firm.efficiency) / 0.3;
    let centred = |x: f64| (x - 0.5) / 0.5;
    let levers = 10.0 * centred(f.e) + 8.0 * centred(f.p) + 5.0 * centred(f.t) + 4.0 * centred(f.h);
    let es = s.es + ES_RATE * (start.es + a_term + e_term + levers - s.es);

    // Staff: turnover, ageing, replacement.
    let q = hazards(firm_turnover(l, f, s.es), f.t);
    let (staff, left) = age(&s.staff, &q);
    let (baseline, _) = age(&s.staff, &hazards(l.turnover, f.t));
    let tenure_flow = (tenure(&staff) - tenure(&baseline)) * 100.0 / TENURE_MAX;

    // Knowledge, retention, voice.
    let knowledge = s.knowledge + KNOWLEDGE_RATE * (100.0 * s.retention - s.knowledge) - 0.5 * left * s.knowledge;
    let retention = s.retention + RETENTION_RATE * (target_retention(s.cs, heard, f) - s.retention);
    let voice_share = s.voice_share + VOICE_RATE * (target_voice(s.es, f) - s.voice_share);

    // Customers: the loyal stay, word of mouth and discounts bring new ones.
    let room = (1.0 - s.customers / MARKET).clamp(0.0, 1.0);
    let burst = 50.0 * f.d * (-(f64::from(m) - 1.0) / 4.0).exp();
    let newcomers = (s.customers * firm.wom * (s.cs / 100.0).powi(2) + burst) * room;
    let customers = s.customers * s.retention.clamp(0.0, 1.0).powf(1.0 / 12.0) + newcomers;

    let mut next = State {
        cs: finite(cs, 0.0, 100.0),
        es: finite(es, 0.0, 100.0),
        knowledge: finite(knowledge, 0.0, 100.0),
        retention: finite(retention, 0.0, 1.0),
        voice_share: finite(voice_share, 0.0, 1.0),
        customers: finite(customers, 0.0, MARKET),
        staff,
    };
    let mut replaced = left;
    if l.shock_month >= 1.0 && f64::from(m) == l.shock_month {
        let size = l.shock_size.clamp(0.0, 1.0);
        replaced += size;
        for share in next.staff.iter_mut() {
            *share *= 1.0 - size;
        }
        next.staff[0] += size;
        next.knowledge = finite(next.knowledge * (1.0 - size / 2.0), 0.0, 100.0);
    }

    let prod_end = productivity(&next.staff, f.t);
    let profit = 100.0 * raw_profit(&next, f, prod_end, replaced) / firm.profit;
    let mut flows = [0.0; 6];
    flows[Loop::Knowledge.index()] = CS_RATE * k_term;
    flows[Loop::Recovery.index()] = CS_RATE * r_term;
    flows[Loop::Quality.index()] = CS_RATE * q_term;
    flows[Loop::Achievement.index()] = ES_RATE * a_term;
    flows[Loop::Efficiency.index()] = ES_RATE * e_term;
    flows[Loop::Tenure.index()] = tenure_flow;
    let record = record(&next, m, prod_end, 1200.0 * left, profit, flows);
    (next, record)
}

/// `x` if finite, clamped; `lo` otherwise (cannot happen with valid levers).
fn finite(x: f64, lo: f64, hi: f64) -> f64 {
    if x.is_finite() {
        crate::support::within(x, lo, hi)
    } else {
        lo
    }
}

fn record(s: &State, m: u32, productivity: f64, turnover: f64, profit: f64, flows: [f64; 6]) -> Month {
    Month {
        month: m,
        cs: s.cs,
        es: s.es,
        knowledge: s.knowledge,
        tenure: tenure(&s.staff),
        productivity,
        retention: s.retention,
        voice_share: s.voice_share,
        turnover: finite(turnover, 0.0, 100.0),
        customers: s.customers,
        profit: finite(profit, PROFIT_MIN, PROFIT_MAX),
        flows: flows.map(|x| finite(x, -100.0, 100.0)),
    }
}

/// The starting firm as month 0: the same for every run.
pub fn start() -> Month {
    start_of(&firm())
}

fn start_of(firm: &Firm) -> Month {
    let f = Frac::of(&Levers::default());
    let s = &firm.state;
    let q = hazards(firm_turnover(&Levers::default(), f, s.es), f.t);
    let left = leaving(&s.staff, &q);
    record(s, 0, productivity(&s.staff, f.t), 1200.0 * left, 100.0, [0.0; 6])
}

/// Runs the model for `levers.months` months.
pub fn run(levers: &Levers) -> Result<Run, LeverError> {
    levers.validate()?;
    let n = levers.months as u32;
    let firm = firm();
    let mut months = Vec::with_capacity(n as usize + 1);
    months.push(start_of(&firm));
    let mut state = firm.state;
    for m in 1..=n {
        let (next, record) = step(&state, &firm, levers, m);
        state = next;
        months.push(record);
    }
    let class = match (months.first(), months.last()) {
        (Some(a), Some(b)) => classify(a, b),
        _ => Class::Stalled,
    };
    let sum = cumulative(&months);
    let mut dominant = LOOPS[0];
    for l in LOOPS {
        if sum[l.index()].abs() > sum[dominant.index()].abs() {
            dominant = l;
        }
    }
    Ok(Run {
        months,
        class,
        dominant,
    })
}
