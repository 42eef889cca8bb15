//! A team's sign-in code: drawn with the system's CSPRNG from an alphabet without the
//! characters people confuse (0/O, 1/l/I), shown once on the console, kept as an argon2
//! hash only (in the journal's `team_code_issued`).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Letters and digits a person reads aloud without a doubt (no 0 O 1 l I).
pub const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Ten characters of 31: about 49 bits, against five tries per quarter hour.
pub const LENGTH: usize = 10;

/// Fills `buf` from the system's CSPRNG. Without one nothing here is safe: a system that
/// has none cannot run the field link (this is not input a user can break).
fn random(buf: &mut [u8]) {
    if let Err(e) = getrandom::fill(buf) {
        panic!("the system's random source failed: {e}");
    }
}

/// A fresh code, grouped for reading (« K7P-2QX-MR4 » style is left to the display).
pub fn generate() -> String {
    let mut out = String::with_capacity(LENGTH);
    // Rejection sampling: bytes at or above the largest multiple of 31 are drawn again,
    // so every character is equally likely.
    let limit = 256 - 256 % ALPHABET.len();
    while out.len() < LENGTH {
        let mut buf = [0u8; 16];
        random(&mut buf);
        for b in buf {
            if (b as usize) < limit && out.len() < LENGTH {
                out.push(ALPHABET[b as usize % ALPHABET.len()] as char);
            }
        }
    }
    out
}

/// What a person typed, as the code is compared: spaces and dashes dropped, upper case.
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The argon2id hash (PHC string) of `code`, with a random salt.
pub fn hash(code: &str) -> Result<String, String> {
    let mut bytes = [0u8; 16];
    random(&mut bytes);
    let salt = SaltString::encode_b64(&bytes).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(normalize(code).as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Whether `typed` is the code behind `hash` (a malformed hash matches nothing).
pub fn verify(typed: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let typed = normalize(typed);
    // A code of another length cannot match: spare the work (the lockout counts it anyway).
    typed.len() == LENGTH
        && Argon2::default()
            .verify_password(typed.as_bytes(), &parsed)
            .is_ok()
}

/// A random token for sessions and forms (hex of 32 bytes).
pub fn token() -> String {
    let mut buf = [0u8; 32];
    random(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_alphabet_and_verify_against_their_hash() {
        let code = generate();
        assert_eq!(code.len(), LENGTH);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
        assert!(!code.contains(['0', 'O', '1', 'l', 'I']));
        let h = hash(&code).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(&code.to_lowercase(), &h));
        assert!(verify(&crate::i18n::field::grouped(&code), &h));
        assert!(!verify("ABCDEFGHJK", &h));
        assert!(!verify(&code, "not a hash"));
        assert_ne!(generate(), generate());
    }
}
