//! Checks that hold the territory together once the files parse: ids are slugs and unique,
//! every reference points at something that exists, a site's sector is in the site's
//! district, and every site lies inside its district outline. The first problem found is
//! returned, in file order, so fixing errors one by one converges.

use std::collections::{HashMap, HashSet};

use super::Sources;
use super::error::{ItemKind, TerritoryError};
use super::geo;
use super::source::Source;
use crate::domain::reference::{PartnerKind, Territory};

/// Ids are recorded in the journal and typed in commands: short lowercase slugs.
pub fn is_slug(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Tracks the ids of one id space and reports bad or repeated ones.
struct IdSpace<'a> {
    kind: ItemKind,
    seen: HashMap<&'a str, usize>,
}

impl<'a> IdSpace<'a> {
    fn new(kind: ItemKind) -> Self {
        IdSpace {
            kind,
            seen: HashMap::new(),
        }
    }

    fn add(
        &mut self,
        src: &Source,
        list: &str,
        i: usize,
        id: &'a str,
    ) -> Result<(), TerritoryError> {
        if !is_slug(id) {
            return Err(TerritoryError::InvalidId {
                file: src.file.clone(),
                line: src.item_line(id, 0),
                field: format!("{list}[{i}].id"),
                kind: self.kind,
                id: id.to_string(),
            });
        }
        let count = self.seen.entry(id).or_insert(0);
        *count += 1;
        if *count > 1 {
            return Err(TerritoryError::DuplicateId {
                file: src.file.clone(),
                line: src.item_line(id, *count - 1),
                kind: self.kind,
                id: id.to_string(),
            });
        }
        Ok(())
    }
}

/// Ids are slugs and unique within their kind (coordinators and mediators share one space).
pub(crate) fn check_ids(t: &Territory, s: &Sources) -> Result<(), TerritoryError> {
    let mut space = IdSpace::new(ItemKind::District);
    for (i, d) in t.districts.iter().enumerate() {
        space.add(&s.territory, "districts", i, &d.id)?;
    }
    let mut space = IdSpace::new(ItemKind::Sector);
    for (i, x) in t.sectors.iter().enumerate() {
        space.add(&s.sectors, "sectors", i, &x.id)?;
    }
    let mut space = IdSpace::new(ItemKind::Landlord);
    for (i, x) in t.landlords.iter().enumerate() {
        space.add(&s.landlords, "landlords", i, &x.id)?;
    }
    for (i, x) in t.commissioners.iter().enumerate() {
        space.add(&s.landlords, "commissioners", i, &x.id)?;
    }
    let mut space = IdSpace::new(ItemKind::Site);
    for (i, x) in t.sites.iter().enumerate() {
        space.add(&s.sites, "sites", i, &x.id)?;
    }
    let mut space = IdSpace::new(ItemKind::Partner);
    for (i, x) in t.partners.iter().enumerate() {
        space.add(&s.partners, "partners", i, &x.id)?;
    }
    let mut space = IdSpace::new(ItemKind::Person);
    for (i, x) in t.coordinators.iter().enumerate() {
        space.add(&s.people, "coordinators", i, &x.id)?;
    }
    for (i, x) in t.mediators.iter().enumerate() {
        space.add(&s.people, "mediators", i, &x.id)?;
    }
    Ok(())
}

/// Builds an unknown-reference error pointing at `field` of item `id` in `src`.
fn unknown(
    src: &Source,
    (list, i, field): (&str, usize, &str),
    (kind, id): (ItemKind, &str),
    (target, target_id): (ItemKind, &str),
) -> TerritoryError {
    TerritoryError::UnknownReference {
        file: src.file.clone(),
        line: src.field_line_of(id, 0, field),
        field: format!("{list}[{i}].{field}"),
        kind,
        id: id.to_string(),
        target,
        target_id: target_id.to_string(),
    }
}

/// References resolve, sectors match districts, on-call partners name their landlord and
/// sites lie inside their district. Run after the outlines are attached.
pub(crate) fn check_links(t: &Territory, s: &Sources) -> Result<(), TerritoryError> {
    let landlords: HashSet<&str> = t.landlords.iter().map(|l| l.id.as_str()).collect();
    check_sectors(t, s)?;
    check_sites(t, s, &landlords)?;
    check_partners(t, s, &landlords)
}

fn check_sectors(t: &Territory, s: &Sources) -> Result<(), TerritoryError> {
    let districts: HashSet<&str> = t.districts.iter().map(|d| d.id.as_str()).collect();
    for (i, x) in t.sectors.iter().enumerate() {
        if !districts.contains(x.district.as_str()) {
            return Err(unknown(
                &s.sectors,
                ("sectors", i, "district"),
                (ItemKind::Sector, &x.id),
                (ItemKind::District, &x.district),
            ));
        }
    }
    Ok(())
}

/// A site's district, sector (of that district), landlord, and place inside the outline.
fn check_sites(
    t: &Territory,
    s: &Sources,
    landlords: &HashSet<&str>,
) -> Result<(), TerritoryError> {
    for (i, site) in t.sites.iter().enumerate() {
        let me = (ItemKind::Site, site.id.as_str());
        let Some(district) = t.district(&site.district) else {
            let at = ("sites", i, "district");
            return Err(unknown(
                &s.sites,
                at,
                me,
                (ItemKind::District, &site.district),
            ));
        };
        let Some(sector) = t.sector(&site.sector) else {
            let at = ("sites", i, "sector");
            return Err(unknown(&s.sites, at, me, (ItemKind::Sector, &site.sector)));
        };
        if sector.district != site.district {
            return Err(TerritoryError::SectorOfOtherDistrict {
                file: s.sites.file.clone(),
                line: s.sites.field_line_of(&site.id, 0, "sector"),
                field: format!("sites[{i}].sector"),
                site: site.id.clone(),
                district: site.district.clone(),
                sector: sector.id.clone(),
                sector_district: sector.district.clone(),
            });
        }
        if !landlords.contains(site.landlord.as_str()) {
            let at = ("sites", i, "landlord");
            return Err(unknown(
                &s.sites,
                at,
                me,
                (ItemKind::Landlord, &site.landlord),
            ));
        }
        if !geo::contains(&district.outline, site.at) {
            return Err(TerritoryError::SiteOutsideDistrict {
                file: s.sites.file.clone(),
                line: s.sites.field_line_of(&site.id, 0, "at"),
                site: site.id.clone(),
                district: district.id.clone(),
                at: site.at,
            });
        }
    }
    Ok(())
}

/// A partner's landlord exists; a landlord's on-call service names one.
fn check_partners(
    t: &Territory,
    s: &Sources,
    landlords: &HashSet<&str>,
) -> Result<(), TerritoryError> {
    for (i, p) in t.partners.iter().enumerate() {
        match &p.landlord {
            Some(l) if !landlords.contains(l.as_str()) => {
                return Err(unknown(
                    &s.partners,
                    ("partners", i, "landlord"),
                    (ItemKind::Partner, &p.id),
                    (ItemKind::Landlord, l),
                ));
            }
            None if p.kind == PartnerKind::LandlordOnCall => {
                return Err(TerritoryError::OnCallWithoutLandlord {
                    file: s.partners.file.clone(),
                    line: s.partners.item_line(&p.id, 0),
                    partner: p.id.clone(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs() {
        assert!(is_slug("mau-gros-chene-3"));
        assert!(is_slug("samu-15"));
        assert!(!is_slug(""));
        assert!(!is_slug("-x"));
        assert!(!is_slug("Maurepas"));
        assert!(!is_slug("gros chêne"));
    }
}
