//! The importance order of expectations (lecture 9, 重要性序列的差异): a firm
//! has to know not only what customers expect but which expectation comes
//! first. The course's airline case: passengers put punctuality and comfort
//! first, managers put safety and courtesy first.
//!
//! Loyalty Lab's illustration of the case with six attributes: the top two
//! of each order are the case's; the rest is our reading (passengers take
//! safety as given, so it ranks in the middle for them; managers, looking
//! from the inside, put the things they control and train for — safety,
//! courtesy, meals — ahead of what they see as operations). How far apart
//! two orders are is Spearman's rank correlation, ρ = 1 − 6 Σd² / (n(n² − 1)),
//! d the difference of an attribute's ranks: 1 for the same order, −1 for
//! one the reverse of the other, read in plain words by [`Agreement`].

/// One service attribute of the airline case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attr {
    Punctuality,
    Comfort,
    Baggage,
    Safety,
    Courtesy,
    Meals,
}

/// How many attributes an order ranks.
pub const N: usize = 6;

impl Attr {
    pub const ALL: [Attr; N] = [
        Attr::Punctuality,
        Attr::Comfort,
        Attr::Baggage,
        Attr::Safety,
        Attr::Courtesy,
        Attr::Meals,
    ];

    /// Its name in the address and in test ids.
    pub fn key(self) -> &'static str {
        match self {
            Attr::Punctuality => "punctuality",
            Attr::Comfort => "comfort",
            Attr::Baggage => "baggage",
            Attr::Safety => "safety",
            Attr::Courtesy => "courtesy",
            Attr::Meals => "meals",
        }
    }

    pub fn from_key(key: &str) -> Option<Attr> {
        Attr::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// A full ranking of the six attributes, most important first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Order([Attr; N]);

impl Order {
    /// What passengers value, from the case: punctuality and comfort first.
    pub const PASSENGERS: Order = Order([
        Attr::Punctuality,
        Attr::Comfort,
        Attr::Baggage,
        Attr::Safety,
        Attr::Courtesy,
        Attr::Meals,
    ]);

    /// What managers think passengers value, from the case: safety and
    /// courtesy first (the screen's default managers' order).
    pub const MANAGERS: Order = Order([
        Attr::Safety,
        Attr::Courtesy,
        Attr::Punctuality,
        Attr::Meals,
        Attr::Comfort,
        Attr::Baggage,
    ]);

    /// An order from its attributes, most important first: None unless
    /// every attribute appears exactly once.
    pub fn new(attrs: [Attr; N]) -> Option<Order> {
        Attr::ALL
            .iter()
            .all(|a| attrs.iter().filter(|b| *b == a).count() == 1)
            .then_some(Order(attrs))
    }

    /// Reads `safety,courtesy,…` (the address form): None unless it names
    /// every attribute exactly once and nothing else.
    pub fn parse(text: &str) -> Option<Order> {
        let names: Vec<&str> = text.split(',').map(str::trim).collect();
        if names.len() != N {
            return None;
        }
        let mut attrs = [Attr::Punctuality; N];
        for (slot, name) in attrs.iter_mut().zip(names) {
            *slot = Attr::from_key(name)?;
        }
        Order::new(attrs)
    }

    /// The address form, read back by [`Order::parse`].
    pub fn to_value(&self) -> String {
        self.0.iter().map(|a| a.key()).collect::<Vec<_>>().join(",")
    }

    /// The attributes, most important first.
    pub fn attrs(&self) -> &[Attr; N] {
        &self.0
    }

    /// The attribute's rank, 1 for the most important.
    pub fn rank(&self, attr: Attr) -> usize {
        self.0.iter().position(|a| *a == attr).map_or(N, |i| i + 1)
    }

    /// The order reversed: the last first.
    pub fn reversed(&self) -> Order {
        let mut a = self.0;
        a.reverse();
        Order(a)
    }

    /// The order with the attribute at `index` (0-based) moved one place up
    /// (towards the top) or down; unchanged at either end.
    pub fn moved(&self, index: usize, up: bool) -> Order {
        let mut a = self.0;
        match (up, index) {
            (true, i) if (1..N).contains(&i) => a.swap(i, i - 1),
            (false, i) if i + 1 < N => a.swap(i, i + 1),
            _ => {}
        }
        Order(a)
    }

    /// Spearman's rank correlation with `other`, in [−1, 1].
    pub fn spearman(&self, other: &Order) -> f64 {
        let ranks = |o: &Order| Attr::ALL.map(|a| o.rank(a));
        spearman(&ranks(self), &ranks(other)).unwrap_or(1.0)
    }

    /// The attributes the two orders place furthest apart, with how many
    /// places apart (empty when the orders are the same).
    pub fn furthest_apart(&self, other: &Order) -> (Vec<Attr>, usize) {
        let apart = |a: Attr| self.rank(a).abs_diff(other.rank(a));
        let most = Attr::ALL.iter().map(|&a| apart(a)).max().unwrap_or(0);
        if most == 0 {
            return (Vec::new(), 0);
        }
        (Attr::ALL.into_iter().filter(|&a| apart(a) == most).collect(), most)
    }
}

/// Spearman's ρ of two rankings without ties, each a permutation of
/// 1..=n listing the rank of item i at position i: 1 − 6 Σd² / (n(n² − 1)).
/// None unless both are permutations of the same length n ≥ 2.
pub fn spearman(a: &[usize], b: &[usize]) -> Option<f64> {
    let n = a.len();
    let is_perm = |r: &[usize]| (1..=n).all(|k| r.iter().filter(|&&x| x == k).count() == 1);
    if n < 2 || b.len() != n || !is_perm(a) || !is_perm(b) {
        return None;
    }
    let d2: usize = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y).pow(2)).sum();
    let n = n as f64;
    Some((1.0 - 6.0 * d2 as f64 / (n * (n * n - 1.0))).clamp(-1.0, 1.0))
}

/// ρ in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// ρ ≥ 0.9: practically the same order.
    Same,
    /// ρ ≥ 0.5: broadly the same priorities.
    Broadly,
    /// ρ ≥ 0.2: a little in common.
    Little,
    /// −0.2 < ρ < 0.2: the two orders have next to nothing to do with each other.
    Unrelated,
    /// −0.5 < ρ ≤ −0.2: leaning the opposite way.
    Leaning,
    /// −0.9 < ρ ≤ −0.5: largely opposite.
    Opposite,
    /// ρ ≤ −0.9: practically reversed.
    Reversed,
}

impl Agreement {
    /// Most to least agreement.
    pub const ALL: [Agreement; 7] = [
        Agreement::Same,
        Agreement::Broadly,
        Agreement::Little,
        Agreement::Unrelated,
        Agreement::Leaning,
        Agreement::Opposite,
        Agreement::Reversed,
    ];

    pub fn of(rho: f64) -> Agreement {
        match rho {
            r if r >= 0.9 => Agreement::Same,
            r if r >= 0.5 => Agreement::Broadly,
            r if r >= 0.2 => Agreement::Little,
            r if r > -0.2 => Agreement::Unrelated,
            r if r > -0.5 => Agreement::Leaning,
            r if r > -0.9 => Agreement::Opposite,
            _ => Agreement::Reversed,
        }
    }
}
