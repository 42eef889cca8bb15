use super::*;
use tui_input::{Input, InputRequest};

#[test]
fn folding_drops_case_and_accents_and_spells_ligatures_out() {
    assert_eq!(fold("Élodie À L'ÉCOLE"), "elodie a l ecole");
    assert_eq!(fold("Cœur, ŒUVRE, Lætitia"), "coeur, oeuvre, laetitia");
    assert_eq!(
        fold("ça, garçon, maïs, Noël, où, hôtel"),
        "ca, garcon, mais, noel, ou, hotel"
    );
    assert_eq!(fold("ﬁn"), "fin", "compatibility ligature");
    // A decomposed accent (e + U+0301) folds like the composed one.
    assert_eq!(fold("cafe\u{301}"), fold("café"));
    assert_eq!(fold("Straße"), "strasse");
}

#[test]
fn hyphens_apostrophes_dashes_and_spaces_are_one_separator() {
    let key = fold("gros chene");
    for spelled in [
        "Gros-Chêne",
        "GROS CHÊNE",
        "gros—chene",
        "gros–chêne",
        "gros_chene",
        "  gros \t  chêne ",
        "gros‐chene",
    ] {
        assert_eq!(fold(spelled), key, "{spelled:?}");
    }
    assert_eq!(fold("l’entrée"), fold("l'entree"));
    assert_eq!(fold("lʼentrée"), "l entree");
    assert_eq!(fold("rue de l'Alma -- hall B"), "rue de l alma hall b");
}

#[test]
fn every_word_of_the_query_is_looked_for_in_the_folded_text() {
    let hay = fold("Dalle du Gros-Chêne, boulevard Emmanuel Mounier");
    assert!(contains_words(&hay, &words("gros chene")));
    assert!(contains_words(&hay, &words("Chêne   gros")));
    assert!(contains_words(&hay, &words("gros-chene mounier")));
    assert!(!contains_words(&hay, &words("gros chene kennedy")));
    assert!(contains_words(&hay, &words("  ")), "no words: everything");
    assert_eq!(words("l’Alma — hall"), ["l", "alma", "hall"]);
}

#[test]
fn widths_are_counted_in_cells() {
    assert_eq!(width("Chêne"), 5);
    assert_eq!(width("che\u{302}ne"), 5, "a combining accent takes no cell");
    assert_eq!(width("🚒"), 2);
    assert_eq!(width("漢字"), 4);
    assert_eq!(width("a🚒b漢"), 6);
    assert_eq!(width(""), 0);
}

#[test]
fn padding_aligns_in_cells_and_never_cuts_a_wide_character() {
    assert_eq!(pad("abc", 5), "abc  ");
    assert_eq!(pad("漢字", 5), "漢字 ");
    assert_eq!(pad("Chêne🚒", 3), "Chêne🚒", "pad alone never cuts");
    assert_eq!(fit("abc", 5), "abc  ");
    assert_eq!(fit("Chêne", 3), "Chê");
    assert_eq!(fit("漢字", 4), "漢字");
    assert_eq!(
        fit("漢字", 3),
        "漢 ",
        "the half that does not fit is a space"
    );
    assert_eq!(width(&fit("a🚒b漢字", 5)), 5);
    assert_eq!(
        fit("che\u{302}ne", 3),
        "che\u{302}",
        "the accent stays on its letter"
    );
    assert_eq!(truncate("🚒🚒", 3), "🚒");
    assert_eq!(truncate("abc", 0), "");
}

#[test]
fn wrapping_keeps_words_whole_and_breaks_only_what_is_too_long() {
    let lines = wrap(
        "Sollicitation clôturée par l'équipe E1 : médiation à poursuivre",
        20,
    );
    assert_eq!(
        lines,
        [
            "Sollicitation",
            "clôturée par",
            "l'équipe E1 :",
            "médiation à",
            "poursuivre"
        ]
    );
    for line in &lines {
        assert!(width(line) <= 20, "{line:?}");
    }
    assert_eq!(
        wrap("abcdefghij", 4),
        ["abcd", "efgh", "ij"],
        "a long word is broken"
    );
    assert_eq!(wrap("court", 40), ["court"]);
    assert_eq!(
        wrap("au Gros-Chêne", 10),
        ["au", "Gros-Chêne"],
        "hyphenated: one word"
    );
    assert_eq!(
        wrap("漢字漢字 ok", 5),
        ["漢字", "漢字", "ok"],
        "wide characters in cells"
    );
}

#[test]
fn a_hanging_indent_puts_the_following_lines_under_the_text() {
    let lines = wrap_hanging("21:04  Équipe E1 sur place au hall B", 20, 7);
    assert_eq!(
        lines,
        ["21:04  Équipe E1 sur", "       place au hall", "       B"]
    );
    assert_eq!(
        wrap_hanging("21:04  abc def", 5, 7),
        ["21:04", "abc", "def"],
        "too narrow"
    );
}

/// Drives a real tui-input field and checks the window at every cursor position.
fn check_window(input: &Input, cells: usize) -> (String, usize) {
    let (shown, col) = field_window(input.value(), input.cursor(), cells);
    assert!(width(&shown) <= cells, "{shown:?} wider than {cells}");
    assert!(col < cells, "cursor column {col} outside {cells} cells");
    // The window is a piece of the value, and the cursor sits right after what precedes
    // it there: the character under the cursor is drawn at the cursor's column, whole.
    let value = input.value();
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(i, _)| i);
    let in_shown = shown
        .char_indices()
        .map(|(i, _)| i)
        .chain([shown.len()])
        .find(|i| {
            width(&shown[..*i]) == col
                && value[..at].ends_with(&shown[..*i])
                && value[at..].starts_with(&shown[*i..])
        })
        .unwrap_or_else(|| panic!("cursor column {col} not at the cursor in {shown:?}"));
    let under = value[at..].graphemes(true).next();
    if let Some(g) = under {
        assert!(
            shown[in_shown..].starts_with(g),
            "{g:?} under the cursor not shown whole in {shown:?}"
        );
    }
    (shown, col)
}

#[test]
fn a_text_field_with_emoji_accents_and_cjk_at_its_edge_stays_inside_the_field() {
    // 22 characters, 24 cells: wider than the field.
    let text = "Hall é\u{301}🚒 fuite 漢字 café";
    let cells = 8;
    let mut input = Input::new(text.to_string());
    // At the end: the last cell is kept for the cursor.
    let (shown, col) = check_window(&input, cells);
    assert_eq!((shown.as_str(), col), ("字 café", 7));
    // Back to the start, one character at a time, then forward to the end again.
    let mut seen = Vec::new();
    while input.cursor() > 0 {
        input.handle(InputRequest::GoToPrevChar);
        seen.push(check_window(&input, cells));
    }
    assert_eq!(
        seen.last().map(|(s, c)| (s.as_str(), *c)),
        Some(("Hall é\u{301}🚒", 0))
    );
    while input.cursor() < text.chars().count() {
        input.handle(InputRequest::GoToNextChar);
        check_window(&input, cells);
    }
    input.handle(InputRequest::GoToStart);
    assert_eq!(
        check_window(&input, cells),
        ("Hall é\u{301}🚒".to_string(), 0)
    );
    input.handle(InputRequest::GoToEnd);
    assert_eq!(check_window(&input, cells).1, 7);
}

#[test]
fn a_wide_character_under_the_cursor_at_the_right_edge_is_shown_whole() {
    // « abcdef🚒 »: the emoji takes cells 6 and 7 of the value.
    let value = "abcdef🚒x";
    // 7 cells: with the cursor on the emoji, it must fit, so the window scrolls by one.
    assert_eq!(field_window(value, 6, 7), ("bcdef🚒".to_string(), 5));
    // Cursor just before: the emoji does not fit at the edge and is left out, not cut.
    assert_eq!(field_window(value, 5, 7), ("abcdef".to_string(), 5));
    // Cursor after it, on « x »: the emoji scrolls out whole, never half.
    let (shown, col) = field_window(value, 7, 3);
    assert_eq!((shown.as_str(), col), ("🚒x", 2));
    let (shown, col) = field_window(value, 8, 3);
    assert_eq!(
        (shown.as_str(), col),
        ("x", 1),
        "the emoji goes whole, not half"
    );
    // A field of one cell still shows the cursor.
    assert_eq!(field_window(value, 6, 1), (String::new(), 0));
    assert_eq!(field_window("", 0, 5), (String::new(), 0));
}
