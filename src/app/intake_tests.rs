//! Intake in few keys: choices by typing, ← on an empty choice, the entrance, the picker
//! open after saving — and the keys of a typical call counted, from `n` to a team en route.

use super::*;

/// Keys as the terminal sends them, through the keymap; returns how many were pressed.
fn press(d: &mut Desk, keys: &[KeyCode]) -> usize {
    for k in keys {
        d.key(*k);
    }
    keys.len()
}

fn chars(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

#[test]
fn a_typical_call_is_saved_and_a_team_sent_in_twelve_keys() {
    let mut d = Desk::night();
    let mut keys = vec![KeyCode::Char('n')];
    keys.extend(chars("ken"));
    // Source « habitant », category « nuisances sonores », priority « P3 normal »: a letter each.
    for letter in ['h', 's', 'n'] {
        keys.extend([KeyCode::Tab, KeyCode::Char(letter)]);
    }
    // Enter saves, Enter sends the suggested team.
    keys.extend([KeyCode::Enter, KeyCode::Enter]);
    let pressed = press(&mut d, &keys);
    assert_eq!(pressed, 12);
    let r = d.app.domain.requests.values().next().expect("recorded");
    assert_eq!(r.source, Source::Resident);
    assert_eq!(r.category, Category::Noise);
    assert_eq!(r.priority, Priority::P3);
    assert_eq!(r.site, "vil-kennedy-1");
    assert_eq!(r.status, RequestStatus::EnRoute, "{:?}", d.app.notice);
    let team = r.team.clone().expect("a team on it");
    assert_eq!(d.team(&team).status(), TeamStatus::EnRoute);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn the_same_call_with_arrows_only_took_sixteen_keys() {
    // What it took before choices by typing and the picker after saving: ←/→ through the
    // lists, then `d` and Enter.
    let mut d = Desk::night();
    let mut keys = vec![KeyCode::Char('n')];
    keys.extend(chars("ken"));
    keys.extend([KeyCode::Tab, KeyCode::Right]);
    keys.extend([KeyCode::Tab, KeyCode::Right, KeyCode::Right]);
    keys.extend([KeyCode::Tab, KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    keys.push(KeyCode::Enter);
    // The picker is open now: Esc, then `d` and Enter as before.
    keys.extend([KeyCode::Esc, KeyCode::Char('d'), KeyCode::Enter]);
    let pressed = press(&mut d, &keys) - 1;
    assert_eq!(pressed, 16, "without the Esc the picker now saves");
    let r = d.app.domain.requests.values().next().expect("recorded");
    assert_eq!((r.category, r.priority), (Category::Noise, Priority::P3));
    assert_eq!(r.status, RequestStatus::EnRoute);
}

#[test]
fn a_letter_typed_again_goes_to_the_next_choice_and_left_on_an_empty_choice_gives_the_last() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('n'));
    d.typed("kennedy");
    d.key(KeyCode::Tab);
    // ← on the empty source: the last one.
    d.key(KeyCode::Left);
    assert_eq!(d.form().source, Source::ALL.last().copied());
    d.key(KeyCode::Tab);
    d.key(KeyCode::Left);
    assert_eq!(d.form().category, Category::ALL.last().copied());
    d.key(KeyCode::Char('p'));
    assert_eq!(d.form().category, Some(Category::PublicSpace));
    d.key(KeyCode::Char('p'));
    assert_eq!(d.form().category, Some(Category::VulnerablePerson));
    // A letter no choice has changes nothing, and types nothing anywhere.
    d.key(KeyCode::Char('z'));
    assert_eq!(d.form().category, Some(Category::VulnerablePerson));
    assert_eq!(d.form().site_query.value(), "kennedy");
}

#[test]
fn the_entrance_is_chosen_among_the_sites_and_saved_with_the_request() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('n'));
    d.typed("ajoncs");
    for letter in ['h', 's', 'n'] {
        d.key(KeyCode::Tab);
        d.key(KeyCode::Char(letter));
    }
    d.key(KeyCode::Tab);
    assert_eq!(d.form().field(), RequestField::Entrance);
    // « b » : « Hall B », the distinctive word.
    d.key(KeyCode::Char('b'));
    assert_eq!(
        d.form().entrance(&d.app.territory).map(String::as_str),
        Some("Hall B")
    );
    d.key(KeyCode::Right);
    assert_eq!(
        d.form().entrance(&d.app.territory).map(String::as_str),
        Some("Hall A"),
        "→ wraps round the site's two halls"
    );
    d.key(KeyCode::Enter);
    d.key(KeyCode::Esc);
    let r = d.app.domain.requests.values().next().expect("saved");
    assert_eq!(r.site, "mau-gros-chene-1");
    assert_eq!(r.entrance.as_deref(), Some("Hall A"));
}

#[test]
fn without_a_free_team_saving_leaves_the_board_as_it_was() {
    let mut d = Desk::night();
    for (n, team) in ["E1", "E2", "E3"].iter().enumerate() {
        let id = d.request_at("mau-gros-chene-1", Priority::P2);
        assert_eq!(id.0 as usize, n);
        d.dispatch(id, team);
    }
    d.filled_form();
    d.act(Action::Submit);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.info().as_deref(), Some("Sollicitation enregistrée."));
}
