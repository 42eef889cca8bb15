//! A place not in the list is recorded, not refused: a free address with its district,
//! guessed from the text when it can be, chosen otherwise.

use super::*;
use crate::i18n::notice::Fix;

fn call(d: &mut Desk, place: &str) {
    d.key(KeyCode::Char('n'));
    d.typed(place);
    for letter in ['h', 's', 'n'] {
        d.key(KeyCode::Tab);
        d.key(KeyCode::Char(letter));
    }
}

#[test]
fn a_street_of_the_territory_guesses_the_district_and_saves_in_as_many_keys() {
    let mut d = Desk::night();
    call(&mut d, "3 boulevard Emmanuel Mounier, au fond");
    d.key(KeyCode::Enter);
    let r = d.app.domain.requests.values().next().expect("recorded");
    assert_eq!(r.site, "");
    assert_eq!(r.district.as_deref(), Some("maurepas"));
    let id = r.personal.expect("the address is personal data");
    let record = &d.app.personal[&id];
    assert_eq!(
        record.address.as_deref(),
        Some("3 boulevard Emmanuel Mounier, au fond")
    );
}

#[test]
fn without_a_guess_enter_asks_for_the_district_and_a_letter_chooses_it() {
    let mut d = Desk::night();
    call(&mut d, "12 rue de Fougères");
    d.key(KeyCode::Enter);
    assert!(d.app.domain.requests.is_empty(), "nothing recorded yet");
    assert_eq!(d.app.notice, Some(Notice::Fix(Fix::District)));
    assert_eq!(
        d.form().field(),
        RequestField::Entrance,
        "the district's field has the keys"
    );
    d.key(KeyCode::Char('v'));
    d.key(KeyCode::Enter);
    let r = d.app.domain.requests.values().next().expect("recorded");
    assert_eq!(
        (r.site.as_str(), r.district.as_deref()),
        ("", Some("villejean"))
    );
}

#[test]
fn right_on_a_guessed_district_goes_to_the_next_one() {
    let mut d = Desk::night();
    call(&mut d, "5 avenue de Bréquigny");
    d.key(KeyCode::Tab);
    let districts = d.app.territory.districts.clone();
    let guess = districts.iter().position(|x| x.id == "brequigny").unwrap();
    d.key(KeyCode::Right);
    assert_eq!(d.form().entrance, Some((guess + 1) % districts.len()));
}
