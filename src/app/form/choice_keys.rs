//! Choosing by typing: in a choice field a letter jumps to the next choice one of whose
//! words (as shown, in the UI language) starts with it — « s » finds « nuisances
//! sonores » — accents and case aside, wrapping round; typed again, it goes on to the next
//! one. A digit finds the choice that has it (« 2 » → « P2 prioritaire »).

use crate::text::fold;

/// The next value after `value` (or from the first, when unset) whose label has a word
/// starting with `letter`; the value unchanged when none has.
pub fn jump<T: Copy + PartialEq>(
    all: &[T],
    value: Option<T>,
    letter: char,
    label: impl Fn(T) -> String,
) -> Option<T> {
    let i = jump_index(
        all.len(),
        value.and_then(|v| all.iter().position(|x| *x == v)),
        letter,
        |i| label(all[i]),
    );
    i.map(|i| all[i]).or(value)
}

/// The same over `n` labels by index.
pub fn jump_index(
    n: usize,
    current: Option<usize>,
    letter: char,
    label: impl Fn(usize) -> String,
) -> Option<usize> {
    let key = fold(&letter.to_string());
    if key.is_empty() || n == 0 {
        return current;
    }
    let digit = letter.is_ascii_digit();
    let starts = |i: usize| {
        let l = fold(&label(i));
        (digit && l.contains(letter))
            || l.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(&key))
    };
    let from = current.map_or(0, |c| c + 1);
    (0..n)
        .map(|k| (from + k) % n)
        .find(|i| starts(*i))
        .or(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::{Category, Priority, Source};
    use crate::i18n::{Lang, vocab};

    #[test]
    fn a_letter_jumps_to_the_next_choice_with_a_word_starting_with_it() {
        let cat = |c| vocab::category(c, Lang::Fr).to_string();
        let all = Category::ALL;
        // « s » : « nuisances sonores ».
        assert_eq!(jump(all, None, 's', cat), Some(Category::Noise));
        // « p » : « … espace public », then « personne vulnérable », and round again.
        let first = jump(all, None, 'p', cat);
        assert_eq!(first, Some(Category::PublicSpace));
        let second = jump(all, first, 'p', cat);
        assert_eq!(second, Some(Category::VulnerablePerson));
        // Accents aside: « é » finds what « e » finds.
        let e = jump(all, None, 'e', cat);
        assert!(e.is_some());
        assert_eq!(jump(all, None, 'é', cat), e);
        // No word with that letter: nothing moves.
        assert_eq!(
            jump(all, Some(Category::Noise), 'z', cat),
            Some(Category::Noise)
        );
        let src = |s| vocab::source(s, Lang::Fr).to_string();
        assert_eq!(jump(Source::ALL, None, 'h', src), Some(Source::Resident));
        let p = |p| vocab::priority(p, Lang::Fr).to_string();
        assert_eq!(jump(Priority::ALL, None, 'n', p), Some(Priority::P3));
        assert_eq!(jump(Priority::ALL, None, '2', p), Some(Priority::P2));
        assert_eq!(jump(Priority::ALL, None, 'u', p), Some(Priority::P1));
    }
}
