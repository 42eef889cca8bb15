//! `update()` on the clearing form: outcome and level required, relays, referrals, the
//! situation linked or opened.

use super::*;

#[test]
fn clearing_needs_an_outcome_and_a_level_then_the_request_leaves_the_board() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Arrive);
    d.later(20);

    d.act(Action::Clear);
    assert_eq!(d.clear_form().team, "E2");
    // Nothing chosen: the outcome is asked for, the focus goes there.
    d.act(Action::NextField);
    d.act(Action::NextField);
    assert_eq!(d.act(Action::Submit), vec![Effect::Bell]);
    assert_eq!(
        d.error().as_deref(),
        Some("Choisissez l'issue et le niveau de réponse (←/→).")
    );
    assert_eq!(d.clear_form().field(), ClearField::Outcome);
    // An outcome alone: the level is missing.
    d.act(Action::ChooseNext);
    assert_eq!(
        d.clear_form().outcome,
        Some(crate::domain::vocab::Outcome::Calmed)
    );
    d.act(Action::Submit);
    assert_eq!(d.clear_form().field(), ClearField::Level);
    assert!(d.desk.written.len() == 2 && d.desk.refused.is_empty());

    d.act(Action::ChooseNext);
    assert_eq!(
        d.clear_form().level,
        Some(crate::domain::vocab::ResponseLevel::Presence)
    );
    d.acts(&[Action::PrevField, Action::PrevField]);
    assert_eq!(d.clear_form().field(), ClearField::Note);
    d.typed("calme revenu");
    let effects = d.act(Action::Submit);
    let [Effect::Commit(commands)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let [Command::Clear(c)] = commands.as_slice() else {
        panic!("{commands:?}")
    };
    assert_eq!(c.note.as_deref(), Some("calme revenu"));
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.app.notice);
    assert_eq!(d.info().as_deref(), Some("Intervention clôturée."));
    assert!(open_requests(&d.app).is_empty());
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::Cleared);
    assert_eq!(d.team("E2").status(), TeamStatus::Available);
}

#[test]
fn clearing_a_team_not_on_site_or_a_relay_without_partner_is_refused_and_the_form_stays() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::Submit);
    assert_eq!(
        d.error().as_deref(),
        Some("L'équipe E2 n'est pas sur place : marquez son arrivée d'abord.")
    );
    assert!(matches!(d.app.mode, Mode::Clear(_)));
    d.acts(&[Action::Back, Action::Back]);
    assert!(matches!(d.app.mode, Mode::Normal));

    d.act(Action::Arrive);
    d.act(Action::Clear);
    // Outcome "relayé" (third) without a relay partner.
    d.acts(&[Action::ChooseNext, Action::ChooseNext, Action::ChooseNext]);
    assert_eq!(
        d.clear_form().outcome,
        Some(crate::domain::vocab::Outcome::Relayed)
    );
    d.acts(&[Action::NextField, Action::ChooseNext, Action::Submit]);
    assert!(matches!(d.app.mode, Mode::Clear(_)));
    assert!(d.error().is_some(), "{:?}", d.app.notice);
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::OnSite);
    // With the police as relay it goes through.
    d.act(Action::NextField);
    d.act(Action::ChooseNext);
    assert!(d.clear_form().relay.is_some());
    d.act(Action::Submit);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.app.notice);
    assert!(d.app.domain.requests[&r].status.is_terminal());
}

#[test]
fn clearing_can_open_a_situation_for_the_site() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Arrive);
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.acts(&[Action::NextField, Action::NextField, Action::NextField]);
    assert_eq!(d.clear_form().field(), ClearField::Case);
    d.act(Action::ChooseNext);
    d.act(Action::Submit);
    assert_eq!(d.app.domain.cases.len(), 1);
    assert_eq!(
        d.app.domain.requests[&r].case,
        Some(crate::domain::ids::CaseId(0))
    );
    // The next clearance on that site offers the situation.
    let r2 = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r2, "E2");
    d.focus_team("E2");
    d.act(Action::Arrive);
    d.act(Action::Clear);
    assert_eq!(d.clear_form().cases, [crate::domain::ids::CaseId(0)]);
}
