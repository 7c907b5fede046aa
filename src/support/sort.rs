//! Sorting the app's short lists (a handful of parameters, ideas, backups):
//! a stable insertion sort. The standard library's sorts are fast on long
//! slices but add several kilobytes of WebAssembly for every element type
//! and comparison they are used with; for lists this short one small loop
//! per use is as quick. Long data (the Monte Carlo trials) still uses
//! `sort_unstable`. Pure module.

/// Sorts `v` stably so that `less(a, b)` holds for no `b` placed before `a`.
/// Quadratic: meant for slices of at most a few hundred items.
pub fn by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by a key, ascending.
pub fn by_key<T, K: PartialOrd>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut e: Vec<u8> = vec![];
        super::by(&mut e, |a, b| a < b);
        assert!(e.is_empty());
    }
}
