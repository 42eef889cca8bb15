//! Partners found by what is typed (the directory's `/`, the clearing form's relay and
//! referral fields): name, number, hours or kind, words in any order, accents aside.

use crate::domain::reference::{Partner, PartnerKind};
use crate::i18n::Lang;
use crate::text::{contains_words, fold, words};

/// The kind of partner in words.
pub fn kind(k: PartnerKind, l: Lang) -> &'static str {
    match k {
        PartnerKind::Emergency => l.pick("urgences", "emergency"),
        PartnerKind::Police => l.pick("police", "police"),
        PartnerKind::MunicipalPolice => l.pick("police municipale", "municipal police"),
        PartnerKind::LandlordOnCall => l.pick("astreinte bailleur", "landlord on call"),
        PartnerKind::SocialServices => l.pick("social", "social services"),
        PartnerKind::Health => l.pick("santé", "health"),
        PartnerKind::Justice => l.pick("justice, accès au droit", "justice, legal aid"),
        PartnerKind::Association => l.pick("association", "association"),
        PartnerKind::Other => l.pick("autre", "other"),
    }
}

/// Partners whose name, number, hours or kind hold every word of `query`, directory order.
pub fn matching<'a>(partners: &'a [Partner], query: &str, l: Lang) -> Vec<&'a Partner> {
    let w = words(query);
    partners
        .iter()
        .filter(|p| {
            let hay = fold(&format!(
                "{} {} {} {} {}",
                p.name,
                p.phone,
                p.phone.replace(' ', ""),
                p.hours.as_deref().unwrap_or(""),
                kind(p.kind, l)
            ));
            contains_words(&hay, &w)
        })
        .collect()
}
