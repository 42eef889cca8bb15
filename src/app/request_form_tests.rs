//! `update()` on the new-request form: sites found by typing, choices, required fields,
//! the callback number, saving only once the store has written.

use super::*;

#[test]
fn a_new_request_before_the_night_is_open_opens_the_night_form_instead() {
    let mut d = Desk::dark();
    let effects = d.act(Action::NewRequest);
    assert!(effects.is_empty());
    assert!(matches!(d.app.mode, Mode::OpenNight(_)));
    assert_eq!(d.app.notice, Some(Notice::OpenNightFirst));
    assert_eq!(
        d.info().as_deref(),
        Some("Ouvrez d'abord la nuit : coordinateur·rice et équipes.")
    );
}

#[test]
fn missing_required_fields_are_named_and_the_focus_goes_to_them() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    // Nothing typed: the site is asked for first.
    d.acts(&[Action::NextField, Action::NextField]);
    let effects = d.act(Action::Submit);
    assert_eq!(effects, vec![Effect::Bell]);
    assert!(d.error().is_some_and(|e| e.starts_with("Lieu")));
    assert_eq!(d.form().field(), RequestField::Site);

    // A site, then Enter from the description: the source is missing.
    d.typed("kennedy");
    d.acts(&[Action::PrevField]);
    assert_eq!(d.form().field(), RequestField::Description);
    assert_eq!(d.act(Action::Submit), vec![Effect::Bell]);
    assert!(d.error().is_some_and(|e| e.starts_with("Source")));
    assert_eq!(d.form().field(), RequestField::Source);

    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::Submit);
    assert!(d.error().is_some_and(|e| e.starts_with("Priorité")));
    assert_eq!(d.form().field(), RequestField::Priority);

    // A place not in the list: a free address, whose district is asked for.
    d.acts(&[
        Action::ChooseNext,
        Action::PrevField,
        Action::PrevField,
        Action::PrevField,
    ]);
    assert_eq!(d.form().field(), RequestField::Site);
    // (« kennedy » and more would be guessed in Villejean, by its sector's name.)
    for _ in 0.."kennedy".len() {
        d.key(KeyCode::Backspace);
    }
    d.typed("zzz");
    d.act(Action::Submit);
    assert!(d.error().is_some_and(|e| e.starts_with("Adresse libre")));
    assert_eq!(d.form().field(), RequestField::Entrance);

    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
    assert!(d.desk.written.is_empty() && d.desk.refused.is_empty());
    assert!(d.app.domain.requests.is_empty());
    assert!(!d.app.busy);
}

#[test]
fn an_invalid_callback_number_is_refused_and_the_form_stays_open_to_fix_it() {
    let mut d = Desk::night();
    d.filled_form();
    d.typed("06 12 34");
    let effects = d.act(Action::Submit);
    assert!(
        effects.iter().any(is_commit),
        "the domain judges the number"
    );
    assert_eq!(d.desk.refused.len(), 1);
    assert!(
        d.error()
            .is_some_and(|e| e.starts_with("Numéro de rappel invalide « 06 12 34 »")),
        "{:?}",
        d.app.notice
    );
    assert!(!d.app.busy);
    assert_eq!(
        d.form().callback.value(),
        "06 12 34",
        "nothing typed is lost"
    );
    assert!(d.app.domain.requests.is_empty());

    // Fixed, it goes through.
    d.typed(" 56 78");
    d.act(Action::Submit);
    assert!(
        matches!(d.app.mode, Mode::Dispatch(_)),
        "{:?}",
        d.app.notice
    );
    assert_eq!(d.app.domain.requests.len(), 1);
}

#[test]
fn a_site_named_by_what_is_typed_comes_before_one_found_by_its_sector_or_district() {
    let territory = Desk::night().app.territory.clone();
    for (typed, first) in [("gros chene", "Gros-Chêne"), ("blosne", "Blosne")] {
        let found = site_matches(&territory, typed);
        assert!(found.len() >= 2, "{typed}: {}", found.len());
        assert!(found[0].name.contains(first), "{typed}: {}", found[0].name);
        // Nothing named so comes before something named so.
        let named: Vec<bool> = found
            .iter()
            .map(|s| {
                crate::app::form::sites::fold(&s.name)
                    .contains(&crate::app::form::sites::fold(first))
            })
            .collect();
        assert!(
            named.windows(2).all(|w| w[0] || !w[1]),
            "{typed}: {named:?}"
        );
    }
}

#[test]
fn typing_kennedy_picks_a_villejean_site_and_up_down_cycle_the_matches() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.typed("kennedy");
    let territory = d.app.territory.clone();
    let n = site_matches(&territory, "kennedy").len();
    assert!(n >= 2, "several places answer to kennedy: {n}");
    let first = d.form().site(&territory).expect("a site").id.clone();
    assert_eq!(
        territory.site(&first).map(|s| s.district.as_str()),
        Some("villejean")
    );

    // ↓ on the site field picks the next match, it does not leave the field.
    d.act(Action::Down);
    assert_eq!(d.form().field(), RequestField::Site);
    assert_eq!(d.form().site_choice, 1);
    let second = d.form().site(&territory).expect("a site").id.clone();
    assert_ne!(first, second);
    assert_eq!(
        territory.site(&second).map(|s| s.district.as_str()),
        Some("villejean")
    );
    // ↑ back, and ↑ again wraps to the last match; ↓ from there wraps to the first.
    d.act(Action::Up);
    assert_eq!(d.form().site_choice, 0);
    d.act(Action::Up);
    assert_eq!(d.form().site_choice, n - 1);
    d.act(Action::Down);
    assert_eq!(d.form().site_choice, 0);
    // Typing again starts over from the first match of the new query.
    d.act(Action::Down);
    d.typed(" 5");
    assert_eq!(d.form().site_choice, 0);
    assert_eq!(
        d.form().site(&territory).map(|s| s.id.as_str()),
        Some("vil-kennedy-5")
    );
    // Accents and case aside: "BREQUIGNY" finds Bréquigny.
    d.act(Action::Edit(InputRequest::DeleteLine));
    d.typed("BREQUIGNY cloteaux");
    let s = d.form().site(&territory).expect("a site");
    assert_eq!(s.district, "brequigny");
}

#[test]
fn moving_the_cursor_in_the_site_field_keeps_the_chosen_match() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.typed("kennedy");
    d.act(Action::Down);
    assert_eq!(d.form().site_choice, 1);
    d.act(Action::ChoosePrev);
    assert_eq!(d.form().site_choice, 1, "only the cursor moved");
}

#[test]
fn up_and_down_leave_a_field_other_than_the_site() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.act(Action::NextField);
    assert_eq!(d.form().field(), RequestField::Source);
    d.act(Action::Down);
    assert_eq!(d.form().field(), RequestField::Category);
    d.act(Action::Up);
    d.act(Action::Up);
    assert_eq!(d.form().field(), RequestField::Site);
    // Tab and S-Tab wrap around the form.
    d.act(Action::PrevField);
    assert_eq!(d.form().field(), RequestField::Description);
    d.act(Action::NextField);
    assert_eq!(d.form().field(), RequestField::Site);
}

#[test]
fn esc_on_a_clean_form_closes_it_at_once() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.info().as_deref(), Some("Saisie abandonnée."));
}

#[test]
fn esc_on_a_dirty_form_asks_once_and_the_second_esc_discards() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.typed("dalle");
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)), "asks first");
    assert_eq!(
        d.info().as_deref(),
        Some("Esc encore pour abandonner la saisie.")
    );
    assert!(d.form().confirm_cancel);
    // Anything else in between withdraws the question.
    d.typed(" k");
    assert!(!d.form().confirm_cancel);
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.info().as_deref(), Some("Saisie abandonnée."));
    assert!(d.desk.written.is_empty() && d.app.domain.requests.is_empty());
    // A choice alone makes the form dirty too.
    d.act(Action::NewRequest);
    d.acts(&[Action::NextField, Action::ChooseNext, Action::Back]);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
}

#[test]
fn ctrl_c_in_a_form_asks_then_quits_keeping_the_draft() {
    let mut d = Desk::night();
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    d.act(Action::NewRequest);
    d.typed("dalle");
    let typed = crate::app::draft::draft(&d.app);
    assert!(typed.is_some());
    // Asked, and answered no: the form is back as it was.
    let quit = action_for(&d.app, &ctrl_c).expect("Ctrl-C is bound");
    assert_eq!(d.act(quit.clone()), vec![]);
    assert!(matches!(d.app.mode, Mode::ConfirmQuit(_)));
    assert_eq!(crate::app::draft::draft(&d.app), typed);
    assert_eq!(d.key(KeyCode::Esc), vec![]);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
    assert!(!d.quit);
    // Asked again, and answered yes: it quits with the form, hence its draft, kept.
    d.act(quit);
    assert_eq!(d.key(KeyCode::Char('o')), vec![Effect::Quit]);
    assert!(d.quit);
    assert_eq!(crate::app::draft::draft(&d.app), typed);
}

#[test]
fn ctrl_c_in_the_team_picker_quits() {
    let mut d = Desk::night();
    let request = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(request);
    d.act(Action::Dispatch);
    assert!(matches!(d.app.mode, Mode::Dispatch(_)));
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let quit = action_for(&d.app, &ctrl_c).expect("Ctrl-C is bound");
    assert_eq!(d.act(quit), vec![Effect::Quit]);
    assert!(d.quit);
}

#[test]
fn enter_saves_and_the_form_closes_only_once_the_store_has_written() {
    let mut d = Desk::night();
    d.filled_form();
    d.typed("06 39 98 12 34");
    d.act(Action::NextField);
    d.typed("musique forte au 3e");
    let effects = update(&mut d.app, Action::Submit);
    let [Effect::Commit(commands)] = effects.as_slice() else {
        panic!("one commit: {effects:?}")
    };
    let [Command::ReceiveRequest(new)] = commands.as_slice() else {
        panic!("one request: {commands:?}")
    };
    assert_eq!(new.site, "vil-kennedy-1");
    assert_eq!(new.source, Source::Resident);
    assert_eq!(new.category, Category::NeighbourConflict);
    assert_eq!(new.priority, Priority::P1);
    assert_eq!(new.callback.as_deref(), Some("06 39 98 12 34"));
    assert_eq!(new.description.as_deref(), Some("musique forte au 3e"));
    assert!(d.app.busy);
    assert!(
        matches!(d.app.mode, Mode::NewRequest(_)),
        "still open while the write is pending"
    );

    d.perform(effects);
    // Saved: the team picker is open on the nearest free team, Esc leaves it waiting.
    assert!(matches!(d.app.mode, Mode::Dispatch(_)));
    assert!(!d.app.busy);
    assert_eq!(
        d.info().as_deref(),
        Some("Sollicitation 1 enregistrée — Entrée envoie E2, Échap la laisse en attente.")
    );
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    let rows = open_requests(&d.app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].number, 1);
    assert!(rows[0].personal.is_some(), "caller data kept apart");
}
