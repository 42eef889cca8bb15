//! A place that is not in the list, recorded as a free address with its district: the
//! address is personal data (a record), the district is in the journal and the facts.

use super::phone::MemFacts;
use super::*;
use crate::domain::command::FreeAddress;

fn free(text: &str, district: &str) -> NewRequest {
    NewRequest {
        site: String::new(),
        entrance: None,
        address: Some(FreeAddress {
            text: text.into(),
            district: district.into(),
        }),
        ..call("mau-gros-chene-1")
    }
}

#[test]
fn a_free_address_is_a_request_of_its_district_and_the_address_stays_out_of_the_journal() {
    let mut n = NightFixture::with_teams();
    let id = n
        .receive_new(free("  12 rue de Fougères ", "maurepas"))
        .map_err(|e| words(&e, Lang::Fr))
        .expect("free address");
    let r = &n.state.requests[&id];
    assert_eq!(r.site, "");
    assert_eq!(r.district.as_deref(), Some("maurepas"));
    let rec = n.personal.last().expect("a personal record");
    assert_eq!(rec.address.as_deref(), Some("12 rue de Fougères"));
    assert_eq!(r.personal, Some(rec.id));
    n.assert_journal_never_mentions(&["Fougères"]);
    // The period reports' facts count it under its district.
    let (mut st, mut facts) = (State::default(), MemFacts::default());
    for env in &n.journal {
        st.apply(env);
        crate::domain::facts::project(&mut facts, &st, env).expect("facts");
    }
    let fact = facts.0[&night("2026-11-30")]
        .requests
        .iter()
        .find(|f| f.id == id)
        .cloned()
        .expect("fact");
    assert_eq!(fact.district.as_deref(), Some("maurepas"));
}

#[test]
fn a_free_address_needs_its_text_and_a_district_of_the_territory() {
    let mut n = NightFixture::with_teams();
    let unknown = n.refuses(Command::ReceiveRequest(free(
        "12 rue de Fougères",
        "atlantide",
    )));
    assert_eq!(
        unknown,
        Refusal::UnknownDistrict {
            id: "atlantide".into()
        }
    );
    let empty = n.refuses(Command::ReceiveRequest(free("   ", "maurepas")));
    assert_eq!(empty, Refusal::EmptyText);
    let long = "x".repeat(crate::domain::personal::MAX_NAME + 1);
    let too_long = n.refuses(Command::ReceiveRequest(free(&long, "maurepas")));
    assert!(
        matches!(too_long, Refusal::TextTooLong { .. }),
        "{too_long:?}"
    );
}
