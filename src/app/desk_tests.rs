//! The watch, the relays, the night's plan and the directory through `update`, as keys:
//! an observation from the board followed on the watch screen, a relay called and
//! arrived, the plan's points passed with `p`, the directory searched; and the refusals.

use super::*;
use crate::app::desk_key::DeskKey;
use crate::domain::plan::{PlanCommand, PlanOrigin};
use crate::domain::watch::{RelayStep, WatchStatus};

/// Monday's night with its standing plan (two points and an early visit).
fn planned() -> Desk {
    let mut d = Desk::night();
    d.prepare(Command::Plan(PlanCommand::AdoptStanding));
    d
}

fn observation_status(d: &Desk, id: u64) -> WatchStatus {
    d.app.domain.observations[&crate::domain::ids::ObservationId(id)].status()
}

#[test]
fn an_observation_from_the_board_is_routed_and_followed_on_the_watch_screen() {
    let mut d = Desk::night();
    d.focus_team("E1");
    d.key(KeyCode::Char('w'));
    assert!(matches!(d.app.mode, Mode::Observation(_)));
    // Kind first: Enter without it says what to fix.
    d.key(KeyCode::Enter);
    assert!(
        d.error().is_some_and(|e| e.starts_with("Type")),
        "{:?}",
        d.error()
    );
    d.key(KeyCode::Right); // lighting
    d.key(KeyCode::Right); // lift
    d.key(KeyCode::Tab);
    d.typed("ajoncs");
    d.key(KeyCode::Tab); // district: not needed for a site
    d.key(KeyCode::Tab);
    d.key(KeyCode::Right); // Hall A
    d.key(KeyCode::Enter);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.error());
    let o = &d.app.domain.observations[&crate::domain::ids::ObservationId(1)];
    assert_eq!(o.commissioner, "archipel");
    assert_eq!(o.team.as_deref(), Some("E1"), "the team pointed at saw it");
    assert_eq!(o.entrance.as_deref(), Some("Hall A"));
    assert_eq!(
        d.info().as_deref(),
        Some("Observation 1 enregistrée, à transmettre à Archipel Habitat.")
    );

    // The watch screen: the answer before it went out is refused, then the lifecycle.
    d.key(KeyCode::Char('6'));
    assert_eq!(d.app.screen, Screen::Watch);
    d.key(KeyCode::Char('a'));
    d.typed("Gardien : technicien demain");
    d.key(KeyCode::Enter);
    assert!(
        d.error()
            .is_some_and(|e| e.contains("pas encore été transmise")),
        "{:?}",
        d.error()
    );
    d.act(Action::Back);
    d.act(Action::Back);
    d.key(KeyCode::Char('t'));
    assert_eq!(observation_status(&d, 1), WatchStatus::Transmitted);
    d.key(KeyCode::Char('a'));
    d.typed("Gardien : technicien demain");
    d.key(KeyCode::Enter);
    assert_eq!(observation_status(&d, 1), WatchStatus::Acknowledged);
    d.key(KeyCode::Char('r'));
    assert_eq!(observation_status(&d, 1), WatchStatus::Resolved);
    d.key(KeyCode::Char('X'));
    assert!(d.error().is_some_and(|e| e.contains("déjà résolue")));
}

#[test]
fn a_free_address_needs_its_district_and_goes_to_the_city() {
    let mut d = Desk::night();
    d.focus_team("E3");
    d.act(Action::Desk(DeskKey::Observe));
    d.acts(&[Action::ChoosePrev]); // the last kind: other
    d.act(Action::NextField);
    d.typed("12 rue de Fougeres zz");
    d.act(Action::Submit);
    assert!(
        d.error().is_some_and(|e| e.contains("quartier")),
        "{:?}",
        d.error()
    );
    d.act(Action::ChooseNext); // the first district
    d.act(Action::Submit);
    let o = d.app.domain.observations.values().next().expect("recorded");
    assert_eq!(o.address.as_deref(), Some("12 rue de Fougeres zz"));
    assert_eq!(o.district.as_deref(), Some("maurepas"));
    assert_eq!(o.commissioner, "ville");
}

#[test]
fn the_watch_screen_filters_by_commissioner_status_and_kind() {
    let mut d = Desk::night();
    for (kind, place) in [("ascenseur", "ajoncs"), ("regroupement", "dalle kennedy")] {
        d.command(&format!("obs {kind} {place}"));
        assert!(d.error().is_none(), "{:?}", d.error());
    }
    d.command("transmettre 2");
    d.act(Action::Show(Screen::Watch));
    assert_eq!(crate::app::watch_screen::rows(&d.app).len(), 2);
    d.act(Action::Desk(DeskKey::FilterCommissioner)); // archipel
    let rows = crate::app::watch_screen::rows(&d.app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].commissioner, "archipel");
    d.act(Action::Back);
    d.act(Action::Desk(DeskKey::FilterStatus)); // to transmit
    let rows = crate::app::watch_screen::rows(&d.app);
    assert_eq!(rows.iter().map(|o| o.id.0).collect::<Vec<_>>(), [1]);
    d.act(Action::Desk(DeskKey::FilterStatus)); // transmitted
    let rows = crate::app::watch_screen::rows(&d.app);
    assert_eq!(rows.iter().map(|o| o.id.0).collect::<Vec<_>>(), [2]);
    d.act(Action::Back);
    d.act(Action::Desk(DeskKey::FilterAge)); // tonight
    assert_eq!(crate::app::watch_screen::rows(&d.app).len(), 2);
    d.act(Action::Desk(DeskKey::FilterAge)); // over a week
    assert!(crate::app::watch_screen::rows(&d.app).is_empty());
    d.act(Action::Desk(DeskKey::Transmit));
    assert!(
        d.error()
            .is_some_and(|e| e.contains("Choisissez une observation"))
    );
}

#[test]
fn a_relay_is_called_then_followed_to_its_arrival_from_the_board() {
    let mut d = Desk::night();
    let r = d.request_at("mau-gros-chene-1", Priority::P1);
    // Nothing awaited and no open request pointed at: said before a form opens.
    d.focus_team("E3");
    d.key(KeyCode::Char('f'));
    assert!(
        d.error()
            .is_some_and(|e| e.contains("Aucun relais attendu"))
    );
    d.focus_request(r);
    d.key(KeyCode::Char('f'));
    assert!(matches!(d.app.mode, Mode::Relay(_)));
    d.typed("17");
    d.key(KeyCode::Enter);
    assert_eq!(d.info().as_deref(), Some("Relais Police secours : appelé."));
    // Now awaited: the list offers it first, the next step is « answered ».
    d.key(KeyCode::Char('f'));
    d.key(KeyCode::Tab);
    d.key(KeyCode::Right); // answered → arrived
    d.key(KeyCode::Enter);
    let engaged = d.app.domain.relays_engaged();
    assert_eq!(engaged.len(), 1);
    assert_eq!(
        engaged[0].steps.last().map(|s| s.1),
        Some(RelayStep::Arrived)
    );
    // Arrived: nothing awaited any more.
    d.focus_team("E3");
    d.key(KeyCode::Char('f'));
    assert!(d.error().is_some());
    // The command line does the same, and says a refusal in words.
    d.command("relais 1 police secours arrive");
    assert!(
        d.error().is_some_and(|e| e.contains("déjà arrivé")),
        "{:?}",
        d.error()
    );
}

#[test]
fn p_offers_the_plan_and_a_presence_there_records_the_passage() {
    let mut d = planned();
    assert_eq!(crate::app::plan::items(&d.app).len(), 3);
    // E3 is at base: the plan's points come first, by window.
    d.focus_team("E3");
    d.key(KeyCode::Char('p'));
    let offered = match &d.app.mode {
        Mode::Place(f) => f.offered(&d.app.domain, &d.app.territory),
        other => panic!("the place picker, not {other:?}"),
    };
    assert_eq!(offered.len(), 3);
    d.key(KeyCode::Down); // the second point (21:30 Gros-Chêne after the 19:30 visit)
    d.key(KeyCode::Enter);
    let item = &d.app.domain.plan[&crate::domain::ids::PlanItemId(1)];
    assert!(item.done(), "{:?}", d.app.domain.plan);
    assert_eq!(item.passages[0].team, "E3");
    assert_eq!(d.team("E3").status(), TeamStatus::ActivePresence);
    // E1 is in Maurepas: its district first, then the points not yet passed.
    d.focus_team("E1");
    d.act(Action::SetStatus(TeamStatus::Available));
    d.key(KeyCode::Char('p'));
    let offered = match &d.app.mode {
        Mode::Place(f) => f.offered(&d.app.domain, &d.app.territory),
        other => panic!("the place picker, not {other:?}"),
    };
    assert_eq!(offered.len(), 3, "its district and the two points left");
    d.key(KeyCode::Esc);
    // Typed, a place of the plan records the passage too.
    d.key(KeyCode::Char('p'));
    d.typed("abords du metro triangle");
    d.key(KeyCode::Enter);
    let done = d.app.domain.plan.values().filter(|i| i.done()).count();
    assert_eq!(done, 2);
}

#[test]
fn the_coordinator_adds_a_point_and_a_landlords_order_to_the_plan() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('P'));
    assert!(matches!(d.app.mode, Mode::PlanItem(_)));
    d.key(KeyCode::Tab);
    d.typed("square de serbie");
    d.key(KeyCode::Tab);
    d.typed("23h");
    d.key(KeyCode::Tab);
    d.typed("22h");
    d.key(KeyCode::Enter);
    assert!(
        d.error().is_some_and(|e| e.starts_with("Créneau")),
        "{:?}",
        d.error()
    );
    d.act(Action::Edit(InputRequest::DeleteLine));
    d.typed("0030");
    d.key(KeyCode::Tab);
    d.key(KeyCode::Right); // the first landlord's order
    d.key(KeyCode::Enter);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.error());
    let item = d.app.domain.plan.values().next().expect("added");
    assert_eq!(item.origin, PlanOrigin::Order("archipel".into()));
    assert_eq!(item.window.to.format("%H:%M").to_string(), "00:30");
    d.command("point dalle kennedy 22:00 23:00");
    assert_eq!(d.app.domain.plan.len(), 2);
    d.command("passage 1 E9");
    assert!(
        d.error().is_some_and(|e| e.contains("E9")),
        "{:?}",
        d.error()
    );
}

#[test]
fn the_directory_is_searched_and_keeps_its_filter() {
    let mut d = Desk::dark();
    d.key(KeyCode::Char('5'));
    assert_eq!(d.app.screen, Screen::Directory);
    let all = crate::app::directory::rows(&d.app).len();
    d.key(KeyCode::Char('/'));
    d.typed("astreinte");
    let found = crate::app::directory::rows(&d.app).len();
    assert!(found > 0 && found < all);
    d.key(KeyCode::Enter);
    assert_eq!(crate::app::directory::rows(&d.app).len(), found, "kept");
    d.key(KeyCode::Down);
    assert_eq!(d.app.directory.selected, 1.min(found - 1));
    d.key(KeyCode::Esc);
    assert_eq!(crate::app::directory::rows(&d.app).len(), all);
    d.key(KeyCode::F(7));
    assert_eq!(d.app.screen, Screen::Watch);
}

#[test]
fn watch_and_plan_keys_before_a_night_say_so() {
    let mut d = Desk::dark();
    for key in [DeskKey::Observe, DeskKey::FollowRelay, DeskKey::AddPlanItem] {
        d.act(Action::Desk(key));
        assert!(matches!(d.app.mode, Mode::Normal));
        assert!(
            d.error()
                .is_some_and(|e| e.contains("Ouvrez d'abord la nuit"))
        );
    }
    d.command("obs zzz ajoncs");
    assert!(d.error().is_some_and(|e| e.starts_with("Veille et plan")));
}

#[test]
fn the_clearing_takes_several_relays_and_referrals_typed_to_filter() {
    let mut d = Desk::night();
    let r = d.request_at("mau-gros-chene-1", Priority::P1);
    d.dispatch(r, "E3");
    d.focus_team("E3");
    d.act(Action::Arrive);
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::NextField); // the relay field
    d.typed("17");
    assert_eq!(
        d.clear_form().chosen(ClearField::Relay, &d.app.territory),
        d.app
            .territory
            .partners
            .iter()
            .position(|p| p.id == "police-17")
    );
    d.act(Action::NextField); // taken: police; the field stays for another
    assert_eq!(d.clear_form().field(), ClearField::Relay);
    d.typed("astreinte arch");
    d.act(Action::NextField);
    d.act(Action::NextField); // nothing chosen: on to the referral
    assert_eq!(d.clear_form().field(), ClearField::Referral);
    d.typed("cdas maurepas");
    d.act(Action::NextField);
    d.typed("ccas");
    let c = d
        .clear_form()
        .to_clearance(&d.app.territory)
        .expect("a clearance");
    assert_eq!(c.relays, ["police-17", "astreinte-archipel"]);
    assert_eq!(c.referrals, ["cdas-maurepas", "ccas-rennes"]);
    d.act(Action::Submit);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.error());
    // Both relays are engaged and can be followed.
    assert_eq!(d.app.domain.relays_engaged().len(), 2);
}
