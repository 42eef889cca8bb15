//! Median and 90th percentile by the nearest-rank method: sort the n values; the p-th
//! percentile is the value of rank ⌈p·n/100⌉ (ranks from 1). It is always a value that was
//! observed (no interpolation), so a coordinator can find the request behind it; for an
//! even n the median is the lower of the two middle values. Documented in docs/reports.md.

use super::night::Stat;

/// The value of rank ⌈p·n/100⌉ of `sorted` (ascending), `None` when empty.
pub fn nearest_rank(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    // Integer ceiling of p·n/100, at least rank 1.
    let rank = (p as usize * n).div_ceil(100).max(1);
    sorted.get(rank.min(n) - 1).copied()
}

/// Count, median and p90 of durations in seconds (any order).
pub fn stat(mut values: Vec<i64>) -> Stat {
    values.sort_unstable();
    Stat {
        count: values.len() as u32,
        median_s: nearest_rank(&values, 50),
        p90_s: nearest_rank(&values, 90),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_by_hand() {
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        // n = 4: median rank ⌈2⌉ = 2, p90 rank ⌈3.6⌉ = 4.
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 90), Some(4));
        // n = 10: median rank 5, p90 rank 9.
        let ten: Vec<i64> = (1..=10).map(|i| i * 10).collect();
        assert_eq!(nearest_rank(&ten, 50), Some(50));
        assert_eq!(nearest_rank(&ten, 90), Some(90));
        // n = 11: median rank ⌈5.5⌉ = 6, p90 rank ⌈9.9⌉ = 10.
        let eleven: Vec<i64> = (1..=11).collect();
        assert_eq!(nearest_rank(&eleven, 50), Some(6));
        assert_eq!(nearest_rank(&eleven, 90), Some(10));
    }

    #[test]
    fn stat_sorts_first() {
        let s = stat(vec![300, 60, 120]);
        assert_eq!(s.count, 3);
        assert_eq!(s.median_s, Some(120));
        assert_eq!(s.p90_s, Some(300));
        assert_eq!(stat(Vec::new()), Stat::default());
    }
}
